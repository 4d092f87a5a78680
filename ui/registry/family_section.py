"""家庭成员: a small editable table — one row per member, typed in place.

For 烈士遗属 and the other families of deceased service members, the columns for the deceased
member (name, date of death, relation) appear. `values()` is the list save_person expects; a row
keeps its record id so an edit updates that member, and a removed row is tombstoned by the domain.
Members' stored ID and phone numbers are shown masked until the person form reveals them (reveal / retype).
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QPushButton, QTableWidget,
                               QVBoxLayout, QWidget)

from models.person import FIELD_LABELS
from models.vocab import IDENTITIES_FOR_FAMILY_OF_DECEASED
from ui.registry.editors import CodeCombo, DateEdit, TextEdit
from ui.registry.field_grid import MessageLine
from ui.registry.concealed import Concealable, ConcealedIdNumberEdit, ConcealedPhoneEdit

COLUMNS = ("relation", "name", "id_number", "health", "employment", "employer", "phone",
           "deceased_name", "deceased_date", "deceased_relation")
DECEASED_COLUMNS = ("deceased_name", "deceased_date", "deceased_relation")
WIDTHS = {"relation": 90, "name": 100, "id_number": 180, "health": 110, "employment": 120, "employer": 160,
          "phone": 120, "deceased_name": 130, "deceased_date": 130, "deceased_relation": 150}
HEADER_LABELS = {**FIELD_LABELS, "id_number": "身份证号", "health": "健康", "employment": "就业",
                 "phone": "电话", "deceased_name": "牺牲/病故军人", "deceased_date": "牺牲/病故日期",
                 "deceased_relation": "与其关系"}


def _editor(name: str):
    if name == "relation":
        return CodeCombo("relation")
    if name == "health":
        return CodeCombo("health")
    if name == "employment":
        return CodeCombo("employment")
    if name == "id_number":
        edit = ConcealedIdNumberEdit()
        edit.placeholder = ""
        edit.setPlaceholderText("")
        return edit
    if name == "phone":
        return ConcealedPhoneEdit()
    if name == "deceased_date":
        return DateEdit()
    return TextEdit()


class FamilyRow:
    def __init__(self, member_id: str | None = None):
        self.member_id = member_id
        self.editors = {name: _editor(name) for name in COLUMNS}
        for editor in self.editors.values():
            editor.setFrame(False)  # the table's grid is the frame

    def value(self) -> dict | None:
        values = {name: editor.value() for name, editor in self.editors.items()}
        if all(v is None for v in values.values()):
            return None
        return {"id": self.member_id, **values} if self.member_id else values

    def problems(self) -> list[str]:
        name = self.editors["name"].value() or "（未填姓名）"
        return [f"家庭成员「{name}」：{FIELD_LABELS.get(n, n)} {p}" for n, e in self.editors.items() if (p := e.problem())]


class FamilySection(QWidget):
    edited = Signal()
    title = "家庭成员"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[FamilyRow] = []
        self.table = QTableWidget(0, len(COLUMNS))
        self.table.setHorizontalHeaderLabels([HEADER_LABELS[c] for c in COLUMNS])
        self.table.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.table.verticalHeader().setDefaultSectionSize(34)
        header = self.table.horizontalHeader()
        for i, name in enumerate(COLUMNS):
            header.resizeSection(i, WIDTHS[name])
        header.setSectionResizeMode(COLUMNS.index("employer"), QHeaderView.Stretch)
        self.add_button = QPushButton(self.tr("Add family member"))
        self.add_button.clicked.connect(self._add_clicked)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.message = MessageLine()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.message)
        self._deceased_wanted = False
        self._show_deceased_columns()

    def add_row(self, values: dict | None = None, member_id: str | None = None) -> FamilyRow:
        row = FamilyRow(member_id)
        index = self.table.rowCount()
        self.table.insertRow(index)
        for column, name in enumerate(COLUMNS):
            editor = row.editors[name]
            editor.set_value((values or {}).get(name))
            editor.edited.connect(self._row_edited)
            self.table.setCellWidget(index, column, editor)
        self.rows.append(row)
        return row

    def _add_clicked(self) -> None:
        row = self.add_row()
        self.table.setCurrentCell(len(self.rows) - 1, 0)
        row.editors["relation"].setFocus()
        self.edited.emit()

    def remove_selected(self) -> None:
        for index in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(index)
            del self.rows[index]
            self.edited.emit()

    def _row_edited(self) -> None:
        self.message.show_problem("\n".join(self.problems()))
        self._show_deceased_columns()
        self.edited.emit()

    def values(self) -> list[dict]:
        return [v for row in self.rows if (v := row.value())]

    def problems(self) -> list[str]:
        return [p for row in self.rows for p in row.problems()]

    def load(self, members) -> None:
        self.table.setRowCount(0)
        self.rows = []
        for member in members:
            self.add_row(member.__data__, member_id=member.id)
        self.message.show_problem(None)
        self._show_deceased_columns()

    def concealed_editors(self) -> list[Concealable]:
        return [e for row in self.rows for e in row.editors.values() if isinstance(e, Concealable) and e.concealed]

    def show_errors(self, fields: dict[str, str]) -> bool:
        sentences = [s for k, s in fields.items() if k.startswith("family")]
        self.message.show_problem("\n".join(sentences))
        return bool(sentences)

    def set_identities(self, held: set[str]) -> None:
        self._deceased_wanted = bool(held & IDENTITIES_FOR_FAMILY_OF_DECEASED)
        self._show_deceased_columns()

    def _show_deceased_columns(self) -> None:
        filled = any(row.editors[c].value() for row in self.rows for c in DECEASED_COLUMNS)
        for name in DECEASED_COLUMNS:
            self.table.setColumnHidden(COLUMNS.index(name), not (self._deceased_wanted or filled))
