"""The log-in dialog shown at every start once the installation has staff accounts.

    dialog = LoginDialog(installation, username="admin", password="admin123")  # pre-filled (demo)
    if dialog.exec(): ctx_actor = dialog.actor

A wrong password says so inside the dialog and nothing else happens; a locked account says until
when (models.accounts: the same rules as `--user` on the command line); Enter submits.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (QDialog, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout)

from models.accounts import authenticate
from models.errors import DomainError
from models.installation import Installation
from models.resources import resource_path
from models.write import Actor


class LoginDialog(QDialog):
    def __init__(self, installation: Installation, parent=None, *, username: str = "", password: str = ""):
        super().__init__(parent)
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Log in — {name}").format(name=installation.name))
        self.setWindowIcon(QIcon(str(resource_path("icons", "vetstation.png"))))
        self.setMinimumWidth(440)

        icon = QLabel()
        icon.setPixmap(QIcon(str(resource_path("icons", "vetstation.svg"))).pixmap(48, 48))
        title = QLabel(installation.name)
        title.setObjectName("dialogTitle")
        subtitle = QLabel(self.tr("Veterans service information system"))
        subtitle.setObjectName("dialogSubtitle")
        heading = QVBoxLayout()
        heading.setSpacing(2)
        heading.addWidget(title)
        heading.addWidget(subtitle)
        header = QHBoxLayout()
        header.setSpacing(14)
        header.addWidget(icon, 0, Qt.AlignTop)
        header.addLayout(heading, 1)

        self.username = QLineEdit(username)
        self.username.setPlaceholderText(self.tr("Your login name"))
        self.password = QLineEdit(password)
        self.password.setEchoMode(QLineEdit.Password)
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignRight | Qt.AlignVCenter)
        form.setVerticalSpacing(10)
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)

        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()

        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primaryButton")
        self.login_button.setDefault(True)
        self.login_button.clicked.connect(self.submit)
        self.quit_button = QPushButton(self.tr("Quit"))
        self.quit_button.setAutoDefault(False)
        self.quit_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.quit_button)
        buttons.addWidget(self.login_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 22)
        layout.setSpacing(16)
        layout.addLayout(header)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)

        (self.password if username else self.username).setFocus()

    def submit(self) -> None:
        try:
            actor = authenticate(self.username.text(), self.password.text())
        except DomainError as exc:  # a wrong password, or an account locked until …
            self.message.setText(exc.message)
            self.message.show()
            self.password.clear()
            self.password.setFocus()
            return
        self.actor = actor
        self.accept()
