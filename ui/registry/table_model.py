"""The registry list's table model: plain row dicts from models.registry_search, fetched page by page.

    model = PersonTableModel()
    model.set_query(PersonQuery(text="wjg"))   # raises SearchTooShort before changing anything
    model.rowCount()  # the first page; views call fetchMore() as the user scrolls
    model.reveal(person_id)   # after ui.registry.unmask.ask_to_unmask: this one row's numbers in full

Never holds more rows than the user has scrolled to; `total` is the full count for the label.
ID and phone numbers are masked for every role; a revealed person stays in full until the next query.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QColor

from models import vocab
from models.errors import SearchTooShort
from models.idnumber import mask
from models.person import FIELD_LABELS
from models.privacy import mask_phone
from models.registry_search import PersonQuery, count_people, first_page, search_people
from ui.paged_model import PAGE_SIZE, PagedTableModel


NAME, SEX, ETHNICITY, BIRTH_DATE, ID_NUMBER, IDENTITIES, VILLAGE, PHONE, STATUS, KEY_FOCUS = range(10)
HEADERS = {
    NAME: FIELD_LABELS["name"], SEX: FIELD_LABELS["sex"], ETHNICITY: FIELD_LABELS["ethnicity"],
    BIRTH_DATE: FIELD_LABELS["birth_date"], ID_NUMBER: FIELD_LABELS["id_number"],
    IDENTITIES: FIELD_LABELS["category"], VILLAGE: "嘎查村", PHONE: FIELD_LABELS["phone"],
    STATUS: "状态", KEY_FOCUS: FIELD_LABELS["key_focus"],
}
# column -> key of models.registry_search.ORDERS (columns missing here cannot be sorted)
SORT_KEYS = {NAME: "name", SEX: "sex", BIRTH_DATE: "birth_date", ID_NUMBER: "id_number", VILLAGE: "village",
             PHONE: "phone", STATUS: "status"}
PERSON_ID_ROLE = Qt.UserRole + 1
ROW_ROLE = Qt.UserRole + 2
INACTIVE_COLOUR = QColor("#8a8a8a")


class PersonTableModel(PagedTableModel):
    def __init__(self, *, page_size: int = PAGE_SIZE, parent=None):
        super().__init__(page_size=page_size, parent=parent)
        self.revealed: set[str] = set()  # person ids whose numbers were asked for in full (with a reason)
        self.query = PersonQuery()
        self.order, self.descending = "name", False

    # -- what to show ------------------------------------------------------------------------
    def set_query(self, query: PersonQuery) -> None:
        """Show the people matching `query`; a SearchTooShort query shows nobody (never the previous
        query's people, which would look like its result) and raises for the page to say why."""
        self.query = query
        self.revealed.clear()
        try:
            total, rows = first_page(query, limit=self.page_size, order=self.order, descending=self.descending)
        except SearchTooShort:
            self.show_rows(0, [])
            raise
        self.show_rows(total, rows)

    def refresh(self) -> None:
        """Reload after a change, keeping as many rows as were loaded (so the view does not jump)."""
        total, rows = first_page(self.query, limit=max(self.page_size, len(self.rows)), order=self.order,
                                 descending=self.descending)
        self.show_rows(total, rows)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.DescendingOrder
        if (key, descending) == (self.order, self.descending) and self.rows:
            return
        self.order, self.descending = key, descending
        self.reload(self.total if self.rows else count_people(self.query))

    def reveal(self, person_id: str) -> None:
        """Show this person's full numbers (the caller has the reason and the audit entry)."""
        self.revealed.add(person_id)
        for row, r in enumerate(self.rows):
            if r["id"] == person_id:
                self.dataChanged.emit(self.index(row, ID_NUMBER), self.index(row, PHONE))

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return search_people(self.query, offset=offset, limit=limit, order=self.order,
                             descending=self.descending)

    # -- Qt model API ---------------------------------------------------------------------------
    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return HEADERS.get(section)
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return self.display(row, index.column())
        if role == PERSON_ID_ROLE:
            return row["id"]
        if role == ROW_ROLE:
            return row
        if role == Qt.ForegroundRole and row["status"] != "active":
            return INACTIVE_COLOUR
        if role == Qt.ToolTipRole and index.column() == IDENTITIES:
            return self.display(row, IDENTITIES)
        if role == Qt.ToolTipRole and index.column() == STATUS and row.get("missing"):
            return self.tr("To complete: {missing}").format(missing="、".join(row["missing"]))
        return None

    def display(self, row: dict, column: int) -> str:
        if column == NAME:
            return row["name"]
        if column == SEX:
            return vocab.label("sex", row["sex"])
        if column == ETHNICITY:
            return vocab.label("ethnicity", row["ethnicity"])
        if column == BIRTH_DATE:
            return str(row["birth_date"] or "")
        if column == ID_NUMBER:
            number = row["id_number"] or ""
            return number if row["id"] in self.revealed else mask(number)
        if column == IDENTITIES:
            return "、".join(vocab.label("identity", c) for c in row["identities"])
        if column == VILLAGE:
            return row["village_name"] or ""
        if column == PHONE:
            return (row["phone"] if row["id"] in self.revealed else mask_phone(row["phone"])) or ""
        if column == STATUS:
            status = vocab.label("person_status", row["status"])
            return f"{status} · 待补充" if row.get("missing") else status
        if column == KEY_FOCUS:
            return "★ 重点关注" if row["key_focus"] else ""
        return ""

    def person_id(self, row: int) -> str | None:
        return self.rows[row]["id"] if 0 <= row < len(self.rows) else None
