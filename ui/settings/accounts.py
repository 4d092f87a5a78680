"""账号管理: every account with its role, state and who created it; administrators manage them.

    section = AccountsSection(ctx); section.refresh()
    section.add_user() / section.reset_password() / section.toggle_active()   # station head, bureau admin
    section.change_own_password()                                             # anyone
    section.done  # emitted with the Outcome after every operation, refused or not

Other staff see the list read-only and can change only their own password.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.accounts import ROLES
from models.fields import local_display
from models.staff import can_manage_accounts, roles_for_installation, set_active, users
from models.write import OpChanges
from ui.registry.operations import Outcome, run_write
from ui.settings.account_dialogs import AddUserDialog, OwnPasswordDialog, ResetPasswordDialog
from ui.settings.table import RowsTable

ACTIVE_COLUMN = 3


class AccountsSection(QWidget):
    done = Signal(object)  # Outcome

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.manager = can_manage_accounts(ctx.actor)
        self.table = RowsTable([self.tr("Log-in name"), self.tr("Full name"), self.tr("Role"), self.tr("State"),
                                self.tr("Created"), self.tr("Created by")], stretch=5)
        self.table.setObjectName("accountsTable")
        self.add_button = QPushButton(self.tr("Add account…"))
        self.reset_button = QPushButton(self.tr("Reset password…"))
        self.active_button = QPushButton(self.tr("Deactivate"))
        self.own_button = QPushButton(self.tr("Change my password…"))
        self.add_button.setObjectName("primaryButton")
        self.add_button.clicked.connect(self.add_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.active_button.clicked.connect(self.toggle_active)
        self.own_button.clicked.connect(self.change_own_password)
        self.note = QLabel(self.tr("Only the station head or the bureau administrator manages accounts. "
                                   "You can change your own password here."))
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.setVisible(not self.manager)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.reset_button, self.active_button):
            button.setVisible(self.manager)
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.own_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.dialog = None
        self.refresh()

    def refresh(self) -> None:
        self.accounts = {u.username: u for u in users()}
        names = {name: u.display_name for name, u in self.accounts.items()}
        names.setdefault("cli", self.tr("command line"))
        rows = []
        for user in self.accounts.values():
            state = self.tr("active") if user.active else self.tr("deactivated")
            rows.append((user.username, [user.username, user.display_name, ROLES.get(user.role, user.role), state,
                                         local_display(user.created_at), names.get(user.created_by, user.created_by)]))
        self.table.set_rows(rows, muted={u for u, user in self.accounts.items() if not user.active})
        self._update_buttons()

    def _selected(self):
        return self.accounts.get(self.table.selected_key())

    def _update_buttons(self) -> None:
        user = self._selected()
        self.reset_button.setEnabled(user is not None)
        self.active_button.setEnabled(user is not None)
        self.active_button.setText(self.tr("Reactivate") if user is not None and not user.active
                                   else self.tr("Deactivate"))

    # -- operations -------------------------------------------------------------------------------
    def add_user(self) -> AddUserDialog:
        return self._open(AddUserDialog(self.ctx, roles_for_installation(), self))

    def reset_password(self) -> ResetPasswordDialog | None:
        user = self._selected()
        if user is None:
            return None
        return self._open(ResetPasswordDialog(self.ctx, user.username, user.display_name, self))

    def change_own_password(self) -> OwnPasswordDialog:
        return self._open(OwnPasswordDialog(self.ctx, self))

    def _open(self, dialog):
        dialog.finished_write.connect(self._written)
        dialog.finished.connect(dialog.deleteLater)
        self.dialog = dialog
        dialog.open()
        return dialog

    def toggle_active(self) -> None:
        user = self._selected()
        if user is None:
            return
        if user.active:
            answer = QMessageBox.question(
                self, self.tr("Deactivate account"),
                self.tr("{name} ({login}) will no longer be able to log in. What they recorded stays, "
                        "attributed to them. You can reactivate the account later.\n\nDeactivate it?").format(
                    name=user.display_name, login=user.username),
                QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
            if answer != QMessageBox.Yes:
                return
        username, active, actor = user.username, not user.active, self.ctx.actor
        run_write(self, lambda: set_active(username, active, actor=actor), on_done=self._switched)

    def _switched(self, outcome: Outcome) -> None:
        if not outcome.ok:
            QMessageBox.warning(self, self.tr("Account not changed"), outcome.error.message)
        self._written(outcome)

    def _written(self, outcome: Outcome) -> None:
        if outcome.ok:
            self.refresh()
            value = outcome.value
            if getattr(value, "username", None):
                self.table.select_key(value.username)
            self.ctx.announce(OpChanges(updated=[("user", self.table.selected_key() or "")]))
        self.done.emit(outcome)
