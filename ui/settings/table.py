"""A small read-only table of plain rows for the settings sections: one key per row, text cells.

    table = RowsTable([self.tr("Name"), self.tr("Role")], stretch=0)
    table.set_rows([("liming", ["李明", "服务站站长"])], muted={"wangfang"})
    table.selected_key()   # the key of the selected row, or None
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableWidget, QTableWidgetItem

from ui.row_views import pick_rows

MUTED = QColor("#94a3b8")


class RowsTable(QTableWidget):
    def __init__(self, headers: list[str], *, stretch: int = 0, right_aligned: tuple[int, ...] = (), parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        pick_rows(self)
        self.setAlternatingRowColors(True)
        self.setShowGrid(False)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(30)
        header = self.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
        header.setDefaultAlignment(Qt.AlignLeft | Qt.AlignVCenter)
        self.right_aligned = right_aligned
        self.keys: list = []

    def set_rows(self, rows: list[tuple[object, list[str]]], *, muted: set | frozenset = frozenset()) -> None:
        """Replace the rows, keeping the selection on the same key when it is still there."""
        chosen = self.selected_key()
        self.setSortingEnabled(False)
        self.keys = [key for key, _ in rows]
        self.setRowCount(len(rows))
        for r, (key, cells) in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in self.right_aligned:
                    item.setTextAlignment(Qt.AlignRight | Qt.AlignVCenter)
                if key in muted:
                    item.setForeground(MUTED)
                self.setItem(r, c, item)
        if chosen in self.keys:
            self.select_key(chosen)
        elif self.keys:
            self.selectRow(0)

    def select_key(self, key) -> bool:
        if key not in self.keys:
            return False
        self.selectRow(self.keys.index(key))
        return True

    def selected_key(self):
        model = self.selectionModel()
        rows = model.selectedRows() if model else []
        if not rows or rows[0].row() >= len(self.keys):
            return None
        return self.keys[rows[0].row()]

    def text(self, key, column: int) -> str:
        item = self.item(self.keys.index(key), column)
        return item.text() if item else ""
