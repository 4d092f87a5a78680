"""所属嘎查村: choose one of the station's villages, or add a new one on the spot.

Villages are data (models.installation); a new one is added with add_village through the worker
thread and announced, so the list's village filter learns it too.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QInputDialog, QMessageBox, QPushButton, QWidget

from models.installation import add_village, villages
from models.write import OpChanges
from ui.registry.editors import ChoiceCombo
from ui.registry.operations import run_write


class VillagePicker(QWidget):
    edited = Signal()
    added = Signal(str)  # village id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.combo = ChoiceCombo([])
        self.combo.edited.connect(self.edited)
        self.add_button = QPushButton(self.tr("New village…"))
        self.add_button.clicked.connect(self._ask_for_name)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.combo, 1)
        layout.addWidget(self.add_button)
        self.setFocusProxy(self.combo)
        self.reload()

    def reload(self) -> None:
        keep = self.combo.value()
        while self.combo.count() > 1:
            self.combo.removeItem(1)
        for village in villages(self.ctx.installation.station_code):
            self.combo.addItem(village.name, village.id)
        self.combo.set_value(keep)

    def value(self):
        return self.combo.value()

    def set_value(self, value) -> None:
        if value is not None and self.combo.findData(value) < 0:
            self.reload()
        self.combo.set_value(value)

    def problem(self):
        return None

    def _ask_for_name(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New village"),
                                        self.tr("Name of the 嘎查 or 村 (as on official documents):"))
        if ok and name.strip():
            self.add(name)

    def add(self, name: str) -> None:
        station = self.ctx.installation.station_code
        run_write(self, lambda: add_village(name, station_code=station, actor=self.ctx.actor),
                  on_done=self._added)

    def _added(self, outcome) -> None:
        if not outcome.ok:
            QMessageBox.warning(self, self.tr("Village not added"), outcome.error.message)
            return
        village = outcome.value
        self.reload()
        self.combo.set_value(village.id)
        self.edited.emit()
        self.added.emit(village.id)
        self.ctx.announce(OpChanges(created=[("village", village.id)]))
