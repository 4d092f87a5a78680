"""Change a person's status: 在册 / 迁出 / 去世 / 注销, with its date and reason (models.registry.set_status).

Leaving 在册 needs a date, 注销 a reason; the dialog stays open with the message until they are given.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout

from models.registry import set_status
from ui.registry.editors import CodeCombo, DateEdit, TextEdit
from ui.registry.field_grid import FieldGrid
from ui.registry.operations import run_write


class StatusDialog(QDialog):
    changed = Signal(object)  # OpChanges
    refused = Signal(object)  # the DomainError, after its message is shown

    def __init__(self, ctx, person, parent=None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person.id
        self.setWindowTitle(self.tr("Change status of {name}").format(name=person.name))
        self.grid = FieldGrid(columns=1)
        self.status = self.grid.add("status", CodeCombo("person_status"))
        self.on = self.grid.add("status_date", DateEdit())
        self.reason = self.grid.add("status_reason", TextEdit())
        self.status.set_value(person.status)
        self.on.set_value(person.status_date)
        self.reason.set_value(person.status_reason)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.grid)
        layout.addWidget(self.buttons)
        self.resize(420, self.sizeHint().height())

    def apply(self) -> None:
        self.grid.clear_messages()
        problems = self.grid.problems()
        if problems:
            for name, text in problems.items():
                self.grid.show_message(name, text)
            return
        status, on, reason = self.status.value() or "active", self.on.value(), self.reason.value()
        self.buttons.setEnabled(False)
        run_write(self, lambda: set_status(self.person_id, status, on=on, reason=reason, actor=self.ctx.actor),
                  on_done=self._done)

    def _done(self, outcome) -> None:
        self.buttons.setEnabled(True)
        if not outcome.ok:
            fields = getattr(outcome.error, "fields", None) or {"status": outcome.error.message}
            for name, text in fields.items():
                self.grid.show_message(name, text) or self.grid.show_message("status", text)
            self.refused.emit(outcome.error)
            return
        self.ctx.announce(outcome.value)
        self.changed.emit(outcome.value)
        self.accept()
