"""Bureau: the stations it exchanges with — last exchange each way, what each is known to hold, what waits.

    table = StationsTable(); table.refresh()          # rows from sync.status.station_overview()
    table.selected_code()                             # the station code of the selected row, or None
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget, QTableWidgetItem

from models.fields import local_display
from sync.status import station_overview
from ui.row_views import pick_rows


class StationsTable(QTableWidget):
    def __init__(self, parent=None):
        super().__init__(0, 7, parent)
        self.setObjectName("stationsTable")
        self.setHorizontalHeaderLabels([
            self.tr("Station"), self.tr("Code"), self.tr("Last bundle received"), self.tr("Last bundle sent"),
            self.tr("Confirmed by the station"), self.tr("Persons held there"), self.tr("Changes waiting to go")])
        pick_rows(self, stretch=0)
        self.rows: list[dict] = []

    def refresh(self) -> None:
        code = self.selected_code()
        self.rows = station_overview()
        self.setRowCount(len(self.rows))
        never = self.tr("never")
        for r, row in enumerate(self.rows):
            received = local_display(row["last_import_at"]) or never
            if row["last_import_at"]:
                received = self.tr("{when} (no. {n})").format(when=received, n=row["last_import_sequence"])
            confirmed = local_display(row["confirmed_at"]) or never
            if row["confirmed_at"]:
                confirmed = self.tr("{when}, {n} changes").format(when=confirmed, n=row["known_changes"])
            cells = [row["name"], row["code"], received, local_display(row["last_export_at"]) or never, confirmed,
                     str(row["persons"]), str(row["pending"])]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c >= 5:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                self.setItem(r, c, item)
        for r, row in enumerate(self.rows):
            if row["code"] == code:
                self.selectRow(r)
                break
        else:
            if self.rows:
                self.selectRow(0)

    def selected_code(self) -> str | None:
        rows = self.selectionModel().selectedRows() if self.selectionModel() else []
        if not rows or rows[0].row() >= len(self.rows):
            return None
        return self.rows[rows[0].row()]["code"]
