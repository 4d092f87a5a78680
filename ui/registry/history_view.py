"""历史记录: a person's audit trail (models.history.person_history) as a read-only table.

    view = HistoryView(); view.show_person(person_id)
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from models.history import HistoryEntry, person_history

WHEN, WHO, SECTION, WHAT, OLD, NEW = range(6)
HEADERS = ("时间", "操作人", "部分", "项目", "原值", "新值")
FIELDS = ("when", "who", "section", "what", "old", "new")


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []

    def set_entries(self, entries: list[HistoryEntry]) -> None:
        self.beginResetModel()
        self.entries = list(entries)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.entries)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return getattr(self.entries[index.row()], FIELDS[index.column()])
        return None


class HistoryView(QWidget):
    title = "历史记录"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = HistoryModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QTableView.NoEditTriggers)
        self.table.setSelectionBehavior(QTableView.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column, width in ((WHEN, 140), (WHO, 90), (SECTION, 90), (WHAT, 200)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(OLD, QHeaderView.Stretch)
        header.setSectionResizeMode(NEW, QHeaderView.Stretch)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)

    def show_person(self, person_id: str | None) -> None:
        self.model.set_entries(person_history(person_id) if person_id else [])
