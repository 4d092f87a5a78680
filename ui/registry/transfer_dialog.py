"""The bureau moves a person to another station's area (models.transfers.transfer_person).

    dialog = TransferDialog(ctx, person, parent); dialog.changed.connect(...); dialog.open()

Shown only at the bureau (the person form hides the button at a station). The dialog names the
station the person belongs to now and their earlier transfers; the domain's refusals (not 在册, a
date in the future, …) appear next to the field they concern and the dialog stays open.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLayout, QVBoxLayout

from models.installation import Station
from models.transfers import transfer_history, transfer_person
from ui.registry.editors import ChoiceCombo, DateEdit, TextEdit
from ui.registry.field_grid import FieldGrid
from ui.registry.operations import run_write


def station_name(code: str | None) -> str:
    station = Station.get_or_none(Station.id == code) if code else None
    return station.name if station else (code or "")


class TransferDialog(QDialog):
    changed = Signal(object)  # OpChanges
    refused = Signal(object)  # the DomainError, after its message is shown

    def __init__(self, ctx, person, parent=None):
        super().__init__(parent)
        self.ctx, self.person_id = ctx, person.id
        self.setWindowTitle(self.tr("Transfer {name} to another station").format(name=person.name))
        self.current = QLabel(self.tr("Now belongs to: {station}").format(station=station_name(person.station_code)))
        earlier = [f"{m['on'] or ''} {m['from_name']} → {m['to_name']}" for m in transfer_history(person.id)]
        self.earlier = QLabel(self.tr("Earlier transfers:") + "\n" + "\n".join(earlier) if earlier else "")
        self.earlier.setVisible(bool(earlier))
        self.hint = QLabel(self.tr("The new station receives the whole record with its next bundle from the bureau; "
                                   "the old station keeps the person as moved out."))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #555;")
        stations = [(s.id, s.name) for s in Station.live().order_by(Station.id) if s.id != person.station_code]
        self.grid = FieldGrid(columns=1)
        self.target = self.grid.add("station_code", ChoiceCombo(stations), label=self.tr("Move to"))
        self.on = self.grid.add("status_date", DateEdit(), label=self.tr("Transfer date"))
        self.reason = self.grid.add("status_reason", TextEdit(placeholder=self.tr("e.g. moved in with children")),
                                    label=self.tr("Reason"))
        self.on.set_value(dt.date.today())
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.button(QDialogButtonBox.Ok).setText(self.tr("Transfer"))
        self.buttons.accepted.connect(self.apply)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SetMinimumSize)  # grows when a message appears under a field
        for widget in (self.current, self.earlier, self.grid, self.hint, self.buttons):
            layout.addWidget(widget)
        self.resize(460, self.sizeHint().height())

    def apply(self) -> None:
        self.grid.clear_messages()
        problems = self.grid.problems()
        if not self.target.value():
            problems["station_code"] = self.tr("Please choose the station the person moves to.")
        if not self.on.value() and "status_date" not in problems:
            problems["status_date"] = self.tr("Please enter the transfer date.")
        if problems:
            for name, text in problems.items():
                self.grid.show_message(name, text)
            self.adjustSize()
            return
        to, on, reason = self.target.value(), self.on.value(), self.reason.value()
        self.buttons.setEnabled(False)
        run_write(self, lambda: transfer_person(self.person_id, to, actor=self.ctx.actor, on=on, reason=reason),
                  on_done=self._done)

    def _done(self, outcome) -> None:
        self.buttons.setEnabled(True)
        if not outcome.ok:
            fields = getattr(outcome.error, "fields", None) or {"station_code": outcome.error.message}
            for name, text in fields.items():
                self.grid.show_message(name, text) or self.grid.show_message("station_code", text)
            self.adjustSize()
            self.refused.emit(outcome.error)
            return
        self.ctx.announce(outcome.value)
        self.changed.emit(outcome.value)
        self.accept()
