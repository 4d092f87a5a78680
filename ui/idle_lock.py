"""The idle lock: after some minutes without keyboard or mouse the window is covered and the password
asked again; what was typed stays where it was. Another person may log in instead: the first one's
window — with its unsaved input, a draft — is kept hidden and locked, never shown to the other, and
comes back when its owner logs in again.

    sessions = Sessions(lambda actor: MainWindow(AppContext(home, current(), actor)))
    sessions.adopt(window)            # the first window; each window gets its own IdleLock
    sessions.lock_of(window).lock()   # what the timer does (idle_minutes, models.security_settings)

Log-in on the cover uses models.accounts.authenticate: wrong passwords count towards the lock-out
and everything is audited like the log-in dialog.
"""
from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (QApplication, QFormLayout, QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton,
                               QVBoxLayout, QWidget)

from models.accounts import authenticate
from models.errors import DomainError
from models.security_settings import get_security

ACTIVITY = {QEvent.KeyPress, QEvent.MouseButtonPress, QEvent.MouseMove, QEvent.Wheel}


class LockCover(QWidget):
    """Covers the whole window: who is logged in, the password, and a way for someone else to log in."""

    submitted = Signal(str, str)  # username, password

    def __init__(self, window, username: str, display_name: str):
        super().__init__(window)
        self.owner = username
        self.setObjectName("lockCover")
        self.setAttribute(Qt.WA_StyledBackground, True)
        self.setStyleSheet("QWidget#lockCover { background: #eef1f5; } QFrame#lockCard { background: white; "
                           "border: 1px solid #dfe3ea; border-radius: 8px; }")
        card = QFrame()
        card.setObjectName("lockCard")
        card.setFixedWidth(420)
        self.title = QLabel(self.tr("Locked: {name} was away").format(name=display_name))
        self.title.setObjectName("dialogTitle")
        hint = QLabel(self.tr("Enter the password to carry on; what you typed is still there. "
                              "Someone else can log in instead."))
        hint.setWordWrap(True)
        self.username = QLineEdit(username)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.Password)
        self.password.returnPressed.connect(self.submit)
        form = QFormLayout()
        form.addRow(self.tr("Username"), self.username)
        form.addRow(self.tr("Password"), self.password)
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.setObjectName("primaryButton")
        self.unlock_button.clicked.connect(self.submit)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.unlock_button)
        inner = QVBoxLayout(card)
        inner.setContentsMargins(24, 20, 24, 20)
        inner.addWidget(self.title)
        inner.addWidget(hint)
        inner.addLayout(form)
        inner.addWidget(self.message)
        inner.addLayout(buttons)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        outer.addLayout(row)
        outer.addStretch(2)

    def submit(self) -> None:
        self.submitted.emit(self.username.text(), self.password.text())

    def say(self, sentence: str) -> None:
        self.message.setText(sentence)
        self.message.show()
        self.password.clear()
        self.password.setFocus()

    def reset(self) -> None:
        self.username.setText(self.owner)
        self.password.clear()
        self.message.hide()
        self.password.setFocus()


class IdleLock(QObject):
    """Watches the application's input; after `idle_ms` without any, covers `window`."""

    locked = Signal()
    unlocked = Signal()
    switched = Signal(object)  # the Actor who logged in instead

    def __init__(self, window, *, idle_ms: int | None = None, on_other_user: Callable | None = None):
        super().__init__(window)
        self.window = window
        self.on_other_user = on_other_user
        actor = window.ctx.actor
        self.cover = LockCover(window, actor.username, actor.display_name)
        self.cover.hide()
        self.cover.submitted.connect(self.try_unlock)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(idle_ms if idle_ms is not None else get_security("idle_minutes") * 60_000)
        self.timer.timeout.connect(self.lock)
        window.installEventFilter(self)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    @property
    def is_locked(self) -> bool:
        return self.cover.isVisible() or self.cover.property("locked") is True

    def eventFilter(self, watched, event) -> bool:
        if watched is self.window and event.type() == QEvent.Resize:
            self.cover.setGeometry(self.window.rect())
        elif event.type() in ACTIVITY and not self.is_locked and self.window.isVisible():
            self.timer.start()
        return False

    def lock(self) -> None:
        if self.is_locked:
            return
        self.timer.stop()
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(False)  # nothing underneath takes focus or input; its contents stay
        self.cover.setProperty("locked", True)
        self.cover.setGeometry(self.window.rect())
        self.cover.reset()
        self.cover.show()
        self.cover.raise_()
        self.locked.emit()

    def unlock(self) -> None:
        central = self.window.centralWidget()
        if central is not None:
            central.setEnabled(True)
        self.cover.setProperty("locked", False)
        self.cover.hide()
        self.timer.start()
        self.unlocked.emit()

    def try_unlock(self, username: str, password: str) -> None:
        try:
            actor = authenticate(username, password)
        except DomainError as exc:  # a wrong password, or an account locked until …
            self.cover.say(exc.message)
            return
        if actor.username == self.window.ctx.actor.username:
            self.unlock()
            return
        self.cover.reset()  # this window stays locked with its owner's draft
        self.switched.emit(actor)
        if self.on_other_user is not None:
            self.on_other_user(self.window, actor)


class Sessions:
    """One window per person who logged in on this PC during this run; only one is shown at a time."""

    def __init__(self, make_window: Callable, *, idle_ms: int | None = None):
        self.make_window = make_window
        self.idle_ms = idle_ms
        self.windows: dict[str, QWidget] = {}
        self.locks: dict[str, IdleLock] = {}

    def adopt(self, window) -> IdleLock:
        username = window.ctx.actor.username
        self.windows[username] = window
        self.locks[username] = IdleLock(window, idle_ms=self.idle_ms, on_other_user=self.switch)
        return self.locks[username]

    def lock_of(self, window) -> IdleLock:
        return self.locks[window.ctx.actor.username]

    def switch(self, leaving, actor) -> QWidget:
        """`actor` logged in on `leaving`'s cover: hide that window (still locked) and show theirs."""
        window = self.windows.get(actor.username)
        if window is None:
            window = self.make_window(actor)
            self.adopt(window)
        else:
            self.locks[actor.username].unlock()
        geometry = leaving.geometry()
        leaving.hide()
        window.setGeometry(geometry)
        window.show()
        return window
