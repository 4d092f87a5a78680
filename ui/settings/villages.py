"""嘎查村: the villages of the station's area — add, rename, and remove one that nobody is registered in.

    section = VillagesSection(ctx)
    section.add_village() / section.rename_village() / section.remove_village()
    section.add_published()  # the 苏木镇's published 嘎查村 the list lacks (a station installed before they shipped)
    section.done  # Outcome after every operation

The bureau picks the station first. A village where people are registered is never removed
(models.villages says so in one sentence); renaming is the way to correct it.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QInputDialog, QLabel, QMessageBox, QPushButton,
                               QVBoxLayout, QWidget)

from models.installation import Station, add_village, villages
from models.villages import add_published, missing_published, people_in_village, remove_village, rename_village
from models.write import OpChanges
from ui.registry.operations import Outcome, run_write
from ui.settings.table import RowsTable


class VillagesSection(QWidget):
    done = Signal(object)  # Outcome

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.station = QComboBox()
        self.station_label = QLabel(self.tr("Station"))
        self.table = RowsTable([self.tr("Village (嘎查/村)"), self.tr("Persons registered")], stretch=0,
                               right_aligned=(1,))
        self.table.setObjectName("villagesTable")
        self.table.setMaximumWidth(640)  # the count stays next to the name
        self.add_button = QPushButton(self.tr("Add village…"))
        self.add_button.setObjectName("primaryButton")
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.remove_button = QPushButton(self.tr("Remove"))
        self.published_button = QPushButton(self.tr("Add published list…"))
        self.published_button.setObjectName("addPublishedVillages")
        self.add_button.clicked.connect(self.add_village)
        self.published_button.clicked.connect(self.add_published)
        self.rename_button.clicked.connect(self.rename_village)
        self.remove_button.clicked.connect(self.remove_village)
        note = QLabel(self.tr("The villages offered in the person form and the ledger filters. A village where "
                              "people are registered cannot be removed; correct a wrong name by renaming it."))
        note.setObjectName("hint")
        note.setWordWrap(True)

        top = QHBoxLayout()
        top.addWidget(self.station_label)
        top.addWidget(self.station)
        for button in (self.add_button, self.rename_button, self.remove_button, self.published_button):
            top.addWidget(button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(note)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self._fill_stations()
        self.station.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.changed.connect(self._changed)
        self.refresh()

    def _fill_stations(self) -> None:
        bureau = self.ctx.installation.is_bureau
        self.station_label.setVisible(bureau)
        self.station.setVisible(bureau)
        self.station.blockSignals(True)
        chosen = self.station.currentData()
        self.station.clear()
        if bureau:
            for station in Station.live().order_by(Station.id):
                self.station.addItem(f"{station.name}（{station.id}）", station.id)
        else:
            self.station.addItem(self.ctx.installation.name, self.ctx.installation.station_code)
        self.station.setCurrentIndex(max(self.station.findData(chosen), 0))
        self.station.blockSignals(False)

    def station_code(self) -> str | None:
        return self.station.currentData()

    def refresh(self) -> None:
        code = self.station_code()
        self.names = {}
        rows = []
        for village in (villages(code) if code else []):
            self.names[village.id] = village.name
            rows.append((village.id, [village.name, str(people_in_village(village.id))]))
        self.table.set_rows(rows)
        self.add_button.setEnabled(code is not None)
        self.missing = missing_published(code) if code else []
        self.published_button.setEnabled(bool(self.missing))
        self.published_button.setToolTip(
            self.tr("Adds the {count} published 嘎查村 of this 苏木镇 that the list lacks: {names}").format(
                count=len(self.missing), names="、".join(self.missing)) if self.missing else
            self.tr("Every published 嘎查村 of this 苏木镇 is on the list (or was removed here)."))
        self._update_buttons()

    def _update_buttons(self) -> None:
        chosen = self.table.selected_key() is not None
        self.rename_button.setEnabled(chosen)
        self.remove_button.setEnabled(chosen)

    def _changed(self, changes) -> None:
        if changes.touches("station"):
            self._fill_stations()
        if changes.touches("village") or changes.touches("person") or changes.touches("station"):
            self.refresh()

    # -- operations -------------------------------------------------------------------------------
    def add_village(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Add village"),
                                        self.tr("Name of the 嘎查 or 村 (as on official documents):"))
        if not ok or not name.strip():
            return
        code, actor = self.station_code(), self.ctx.actor
        run_write(self, lambda: add_village(name, station_code=code, actor=actor), on_done=self._added)

    def _added(self, outcome: Outcome) -> None:
        if outcome.ok:
            village = outcome.value
            self.ctx.announce(OpChanges(created=[("village", village.id)]))  # refreshes this section too
            self.table.select_key(village.id)
        self._finish(outcome, self.tr("Village not added"))

    def add_published(self) -> None:
        if not self.missing:
            return
        answer = QMessageBox.question(
            self, self.tr("Add published list"),
            self.tr("Add these {count} 嘎查村 to the list?\n\n{names}").format(
                count=len(self.missing), names="、".join(self.missing)),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Yes)
        if answer != QMessageBox.Yes:
            return
        code, actor = self.station_code(), self.ctx.actor
        run_write(self, lambda: add_published(code, actor=actor),
                  on_done=lambda outcome: self._written(outcome, self.tr("Villages not added")))

    def rename_village(self) -> None:
        village_id = self.table.selected_key()
        if village_id is None:
            return
        old = self.names[village_id]
        name, ok = QInputDialog.getText(self, self.tr("Rename village"),
                                        self.tr("New name for {name}:").format(name=old), text=old)
        if not ok or name.strip() == old:
            return
        actor = self.ctx.actor
        run_write(self, lambda: rename_village(village_id, name, actor=actor),
                  on_done=lambda outcome: self._written(outcome, self.tr("Village not renamed")))

    def remove_village(self) -> None:
        village_id = self.table.selected_key()
        if village_id is None:
            return
        answer = QMessageBox.question(
            self, self.tr("Remove village"),
            self.tr("Remove {name} from the list of villages?").format(name=self.names[village_id]),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        actor = self.ctx.actor
        run_write(self, lambda: remove_village(village_id, actor=actor),
                  on_done=lambda outcome: self._written(outcome, self.tr("Village not removed")))

    def _written(self, outcome: Outcome, refusal_title: str) -> None:
        if outcome.ok:
            self.ctx.announce(outcome.value)  # refreshes this section too
        self._finish(outcome, refusal_title)

    def _finish(self, outcome: Outcome, refusal_title: str) -> None:
        if not outcome.ok:
            QMessageBox.warning(self, refusal_title, outcome.error.message)
        self.done.emit(outcome)
