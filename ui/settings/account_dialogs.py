"""The small forms of the accounts section: a new account, a reset password, one's own password.

    dialog = AddUserDialog(ctx, roles, parent); dialog.open()
    dialog.finished_write.connect(section.after_write)   # Outcome of every attempt, ok or not

Each dialog runs its operation on the worker thread (ui.registry.operations.run_write). A refusal
is shown inside the dialog, next to what was typed, and the dialog stays open; success closes it.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit,
                               QVBoxLayout)

from models.accounts import MIN_PASSWORD
from models.staff import add_user, change_own_password, reset_password
from ui.registry.operations import Outcome, run_write


class WriteDialog(QDialog):
    """A form whose OK runs one write; subclasses add rows and return the job from `job()`."""

    finished_write = Signal(object)  # Outcome

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setMinimumWidth(440)
        self.heading = QLabel()
        self.heading.setObjectName("dialogTitle")
        self.note = QLabel()
        self.note.setObjectName("dialogSubtitle")
        self.note.setWordWrap(True)
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.error = QLabel()
        self.error.setObjectName("formError")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.ok_button = self.buttons.button(QDialogButtonBox.Ok)
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.setText(QCoreApplication.translate("WriteDialog", "Save"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(QCoreApplication.translate("WriteDialog", "Cancel"))
        for button in self.buttons.buttons():
            button.setIcon(QIcon())  # plain text buttons, as everywhere else in the program
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(12)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def set_heading(self, title: str, note: str) -> None:
        self.setWindowTitle(title)
        self.heading.setText(title)
        self.note.setText(note)

    def password_field(self) -> QLineEdit:
        field = QLineEdit()
        field.setEchoMode(QLineEdit.Password)
        hint = QCoreApplication.translate("WriteDialog", "at least {n} characters")
        field.setPlaceholderText(hint.format(n=MIN_PASSWORD))
        return field

    def job(self):
        raise NotImplementedError

    def problem(self) -> str | None:
        """A mistake the form can see before anything is written (e.g. two passwords that differ)."""
        return None

    def submit(self) -> None:
        problem = self.problem()
        if problem:
            self.show_error(problem)
            return
        self.ok_button.setEnabled(False)
        run_write(self, self.job(), on_done=self._written)

    def show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def _written(self, outcome: Outcome) -> None:
        self.ok_button.setEnabled(True)
        if outcome.ok:
            self.accept()
        else:
            self.show_error(outcome.error.message)
        self.finished_write.emit(outcome)


class NewPasswordRows:
    """The new password, typed twice."""

    def __init__(self, dialog: WriteDialog, label: str):
        self.dialog = dialog
        self.password = dialog.password_field()
        self.repeat = dialog.password_field()
        self.repeat.setPlaceholderText(QCoreApplication.translate("WriteDialog", "the same again"))
        dialog.form.addRow(label, self.password)
        dialog.form.addRow(QCoreApplication.translate("WriteDialog", "Repeat it"), self.repeat)

    def problem(self) -> str | None:
        if self.password.text() != self.repeat.text():
            return QCoreApplication.translate("WriteDialog", "The two passwords typed differ. Please type them again.")
        return None


class AddUserDialog(WriteDialog):
    def __init__(self, ctx, roles: dict[str, str], parent=None):
        super().__init__(parent)
        self.set_heading(self.tr("New account"),
                         self.tr("The person logs in with this name and password; tell them to change "
                                 "the password after the first log-in."))
        self.ctx = ctx
        self.username = QLineEdit()
        self.username.setPlaceholderText(self.tr("letters and digits, e.g. wangfang"))
        self.display_name = QLineEdit()
        self.role = QComboBox()
        for code, label in roles.items():
            self.role.addItem(label, code)
        self.form.addRow(self.tr("Log-in name"), self.username)
        self.form.addRow(self.tr("Full name"), self.display_name)
        self.form.addRow(self.tr("Role"), self.role)
        self.passwords = NewPasswordRows(self, self.tr("Password"))

    def problem(self) -> str | None:
        return self.passwords.problem()

    def job(self):
        username, name = self.username.text(), self.display_name.text()
        password, role, actor = self.passwords.password.text(), self.role.currentData(), self.ctx.actor
        return lambda: add_user(username, name, password, role, actor=actor)


class ResetPasswordDialog(WriteDialog):
    def __init__(self, ctx, username: str, display_name: str, parent=None):
        super().__init__(parent)
        self.set_heading(self.tr("Reset password of {name}").format(name=display_name),
                         self.tr("Use this when {name} has forgotten the password. The old password "
                                 "stops working at once.").format(name=display_name))
        self.ctx = ctx
        self.username = username
        self.passwords = NewPasswordRows(self, self.tr("New password"))

    def problem(self) -> str | None:
        return self.passwords.problem()

    def job(self):
        username, password, actor = self.username, self.passwords.password.text(), self.ctx.actor
        return lambda: reset_password(username, password, actor=actor)


class OwnPasswordDialog(WriteDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.set_heading(self.tr("Change my password"),
                         self.tr("Type your current password first, then the new one twice."))
        self.ctx = ctx
        self.old = QLineEdit()
        self.old.setEchoMode(QLineEdit.Password)
        self.form.addRow(self.tr("Current password"), self.old)
        self.passwords = NewPasswordRows(self, self.tr("New password"))

    def problem(self) -> str | None:
        return self.passwords.problem()

    def job(self):
        username, old, new = self.ctx.actor.username, self.old.text(), self.passwords.password.text()
        return lambda: change_own_password(username, old, new)
