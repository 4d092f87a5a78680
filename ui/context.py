"""What every page of the main window shares: the home, who is logged in, and the change signal.

    ctx.changed.connect(self.on_changed)      # receives models.write.OpChanges
    ctx.announce(changes)                      # after an operation, tell every view

Views refresh only when `changes.touches("person")` (or their own table) — never on a timer.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from models.home import Home
from models.installation import Installation
from models.permissions import allowed
from models.write import Actor, OpChanges


class AppContext(QObject):
    changed = Signal(object)  # OpChanges

    def __init__(self, home: Home, installation: Installation, actor: Actor):
        super().__init__()
        self.home = home
        self.installation = installation
        self.actor = actor

    @property
    def sees_full_id_numbers(self) -> bool:
        return allowed(self.actor, "see_full_id")

    def announce(self, changes: OpChanges) -> None:
        if not changes.empty:
            self.changed.emit(changes)
