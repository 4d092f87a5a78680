"""The bureau's settings of the work plan (models/bureau_settings.py), in one dialog: the 月调度 due day and
whether the stations see every station's score and rank in the published comparison.

    dialog = PlanSettingsDialog(ctx, {"progress_due_day": 25, "stations_see_ranks": False}, parent=self)
    dialog.saved.connect(...)        # after ctx.announce: every installation gets them with the next bundle
    # settings: ui.plan.reading.plan_settings(), read on the worker thread with the tab's data

Only the changed settings are written (models.bureau_settings.set_setting, which refuses a station and a
day outside 1–28 with its sentence under the field).
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QSpinBox

from models.bureau_settings import set_setting
from ui.casework.forms import RecordDialog
from ui.plan.dialogs import merged
from ui.registry.editors import CheckEdit


class DayEdit(QSpinBox):
    """A day of the month, 1–28 (every month has it)."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setRange(1, 28)
        self.setMaximumWidth(120)
        self.valueChanged.connect(lambda _v: self.edited.emit())

    def set_value(self, value) -> None:
        self.setValue(int(value))

    def problem(self):
        return None


class PlanSettingsDialog(RecordDialog):
    def __init__(self, ctx, settings: dict, parent=None):
        self.settings = dict(settings)
        super().__init__(ctx, self.tr("Work plan settings"), parent)
        for key, value in self.settings.items():
            if key in self.grid.editors:
                self.grid.editors[key].set_value(value)

    def build(self, grid) -> None:
        grid.add("progress_due_day", DayEdit(), label=self.tr("Monthly report due on day"))
        grid.add("stations_see_ranks", CheckEdit(self.tr("Stations also see every station's score and rank")),
                 label=self.tr("Published comparison"))

    def values(self) -> dict:
        editors = self.grid.editors
        return {"progress_due_day": editors["progress_due_day"].value(),
                "stations_see_ranks": editors["stations_see_ranks"].value()}

    def submit(self, values, actor):
        changes = [set_setting(key, value, actor=actor) for key, value in values.items()
                   if value != self.settings.get(key)]
        return merged(*changes)
