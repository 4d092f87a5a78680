"""历史记录: a person's audit trail (models.history.person_history) as a read-only table.

    view = HistoryView(); view.show_person(person_id)
    view.model.revealed = True   # the person form after 显示完整号码…: old and new numbers in full

ID and phone numbers in the 原值/新值 columns are masked like every list until the form reveals them.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QTableView, QVBoxLayout, QWidget

from models.history import HistoryEntry, person_history
from models.idnumber import mask
from models.person import FIELD_LABELS
from models.privacy import mask_phone

WHEN, WHO, SECTION, WHAT, OLD, NEW = range(6)
HEADERS = ("时间", "操作人", "部分", "项目", "原值", "新值")
FIELDS = ("when", "who", "section", "what", "old", "new")
MASKED = {FIELD_LABELS["id_number"]: mask, FIELD_LABELS["phone"]: mask_phone,
          FIELD_LABELS["backup_contact_phone"]: mask_phone}


def masked_value(what: str, text: str) -> str:
    """A number in a history row, masked by the kind of field the row is about (a family member's too)."""
    for label, masker in MASKED.items():
        if text and what.split("：")[-1] == label:
            return masker(text) or ""
    return text


class HistoryModel(QAbstractTableModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.entries: list[HistoryEntry] = []
        self.revealed = False

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
            entry, column = self.entries[index.row()], index.column()
            text = getattr(entry, FIELDS[column])
            return text if self.revealed or column not in (OLD, NEW) else masked_value(entry.what, text)
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

    def show_person(self, person_id: str | None, *, revealed: bool = False) -> None:
        self.model.revealed = revealed
        self.model.set_entries(person_history(person_id) if person_id else [])
