"""A casework list: filters above a paged table of models.cases_query rows, its count, and export.

    columns = [CaseColumn("日期", "date", "date", order="date"), CaseColumn("服务对象", "person_name", order="person"),
               CaseColumn("慰问金（元）", "money_fen", "money", order="money"), CaseColumn("走访人", "staff")]
    browser = CaseBrowser(ctx, "visit", columns, export_title="走访慰问记录")
    browser.record_selected.connect(detail.show_record)      # the row's id
    browser.export_to(path)                                   # the list as filtered → .xlsx (worker thread)

The table model holds plain row dicts fetched page by page (offset/limit): it never holds more rows
than were scrolled to. Clicking a header sorts on the server by the column's `order` key (one of
models.cases_query.ORDERS), so every page follows it; columns without a key do not sort.
The export writes the same columns for every row of the same CaseQuery, in the same order, via
ledgers.xlsx_export, and is audited like the registry export (`export`: file, how many records and
persons, masked — the casework columns carry no ID or phone numbers).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QLabel, QLineEdit, QPushButton, QTableView,
                               QVBoxLayout, QWidget)

from ledgers.xlsx_export import XlsxColumn, write_xlsx
from models.audit import record
from models.cases_query import CaseQuery, categories, count_cases, list_cases, statuses
from models.permissions import require
from models.write import Actor
from ui.casework.fields import DateEdit, account_names, fen_to_yuan
from ui.file_dialogs import choose_save_file
from ui.paged_model import PAGE_SIZE, PagedTableModel
from ui.registry.field_grid import MessageLine
from ui.row_views import pick_rows
from ui.shortcuts import press
from ui.tasks import run_task

EXPORT_PAGE = 2000
DEBOUNCE_MS = 250
ROW_ROLE = Qt.UserRole + 1
RECORD_ID_ROLE = Qt.UserRole + 2
STAFF_KINDS = ("service", "visit")  # the kinds CaseQuery.staff filters


@dataclass(frozen=True)
class CaseColumn:
    """A list column: its header, how to read it from a row dict (a key or a function), and its kind.

    kind: text | date | money (integer fen, shown in 元) | int; `width` in pixels, `stretch` takes the rest.
    `order`: the models.cases_query.ORDERS key a click on its header sorts by (None: it does not sort).
    The same columns are written to the .xlsx export (dates as dates, money as 元 numbers).
    """

    label: str
    value: str | Callable[[dict], object]
    kind: str = "text"
    width: int = 0
    stretch: bool = False
    order: str | None = None

    def raw(self, row: dict):
        value = row.get(self.value) if isinstance(self.value, str) else self.value(row)
        if isinstance(value, (list, tuple)):
            value = "、".join(str(v) for v in value)
        return value

    def display(self, row: dict) -> str:
        value = self.raw(row)
        if value is None:
            return ""
        if self.kind == "date" and isinstance(value, dt.date):
            return value.isoformat()
        if self.kind == "money":
            return fen_to_yuan(value)
        return str(value)


def station_scope(ctx) -> str | None:
    """A station sees its own records; the bureau sees every station's."""
    inst = ctx.installation
    return None if inst.is_bureau else inst.station_code


class CaseTableModel(PagedTableModel):
    def __init__(self, kind: str, columns: list[CaseColumn], *, row_colour: Callable[[dict], QColor | None] | None = None,
                 page_size: int = PAGE_SIZE, parent=None):
        super().__init__(page_size=page_size, parent=parent)
        self.kind, self.columns, self.row_colour = kind, list(columns), row_colour
        self.query = CaseQuery(kind=kind)
        self.order, self.descending = "date", True

    def set_query(self, query: CaseQuery) -> None:
        self.query = query
        self.reload(count_cases(query))

    def refresh(self) -> None:
        """After a change: reload as many rows as were loaded, so the view does not jump."""
        self.reload(count_cases(self.query), keep=len(self.rows))

    def sort_column(self) -> int:
        """The column showing the current order (-1 if none does)."""
        return next((i for i, c in enumerate(self.columns) if c.order == self.order), -1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.AscendingOrder) -> None:
        """Re-sort the whole list on the server by the column's order key (columns without one ignore it)."""
        key = self.columns[column].order if 0 <= column < len(self.columns) else None
        if key is None:
            return
        descending = order == Qt.DescendingOrder
        if (key, descending) == (self.order, self.descending):
            return
        self.order, self.descending = key, descending
        self.reload(self.total if self.rows else count_cases(self.query))

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return list_cases(self.query, offset=offset, limit=limit, order=self.order, descending=self.descending)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].label
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            return column.display(row)
        if role == Qt.TextAlignmentRole and column.kind in ("money", "int"):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == Qt.ForegroundRole and self.row_colour is not None:
            return self.row_colour(row)
        if role == ROW_ROLE:
            return row
        if role == RECORD_ID_ROLE:
            return row["id"]
        return None

    def row_of(self, record_id: str) -> int:
        return next((i for i, r in enumerate(self.rows) if r["id"] == record_id), -1)


class CaseFilters(QWidget):
    """Text, status, category, date range and staff → one CaseQuery (typing waits DEBOUNCE_MS)."""

    query_changed = Signal(object)  # CaseQuery

    def __init__(self, ctx, kind: str, parent=None):
        super().__init__(parent)
        self.ctx, self.kind = ctx, kind
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin or content"))
        self.search.setMinimumWidth(180)
        self.status = self._combo(self.tr("Any state"), statuses(kind).items())
        self.status.setVisible(bool(statuses(kind)))
        self.category = self._combo(self.tr("All categories"), categories(kind).items())
        self.staff = self._combo(self.tr("Any staff"), [(n, n) for n in account_names()])
        self.staff.setMinimumWidth(120)
        self.staff.setVisible(kind in STAFF_KINDS)
        self.date_from, self.date_to = DateEdit(), DateEdit()
        self.date_from.setPlaceholderText(self.tr("From"))
        self.date_to.setPlaceholderText(self.tr("To"))
        for edit in (self.date_from, self.date_to):
            edit.setMaximumWidth(130)
            edit.textChanged.connect(lambda _t: self.timer.start())
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.emit_query)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self.emit_query)
        top, bottom = QHBoxLayout(), QHBoxLayout()
        top.addWidget(self.search, 2)
        top.addWidget(self.status, 1)
        top.addWidget(self.category, 1)
        bottom.addWidget(QLabel(self.tr("Date")))
        bottom.addWidget(self.date_from)
        bottom.addWidget(QLabel("—"))
        bottom.addWidget(self.date_to)
        bottom.addSpacing(12)
        bottom.addWidget(self.staff)
        bottom.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(bottom)

    def _combo(self, everything: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for code, text in choices:
            combo.addItem(text, code)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(lambda _i: self.emit_query())
        return combo

    def choose(self, combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

    def query(self) -> CaseQuery:
        return CaseQuery(kind=self.kind, status=self.status.currentData(), category=self.category.currentData(),
                         station_code=station_scope(self.ctx), date_from=self.date_from.value(),
                         date_to=self.date_to.value(), staff=self.staff.currentData() if self.kind in STAFF_KINDS else None,
                         text=self.search.text().strip() or None)

    def problems(self) -> str | None:
        return self.date_from.problem() or self.date_to.problem()

    def describe(self) -> str:
        """The filter in words, for the export's title row."""
        q, parts = self.query(), []
        if q.text:
            parts.append(f"搜索“{q.text}”")
        for combo in (self.status, self.category, self.staff):
            if combo.currentData() is not None and combo.isVisibleTo(self):
                parts.append(combo.currentText())
        if q.date_from or q.date_to:
            parts.append(f"{q.date_from or '…'} 至 {q.date_to or '…'}")
        return "筛选：" + "，".join(parts) if parts else "全部"

    def emit_query(self) -> None:
        self.timer.stop()
        self.query_changed.emit(self.query())


def export_rows(query: CaseQuery, columns: list[CaseColumn], *, order: str = "date", descending: bool = True,
                persons: set | None = None):
    """Every row of `query` (page by page, the list's own order) as export cells; `persons` collects whose."""
    offset = 0
    while True:
        page = list_cases(query, offset=offset, limit=EXPORT_PAGE, order=order, descending=descending)
        if not page:
            return
        for row in page:
            if persons is not None and row.get("person_id"):
                persons.add(row["person_id"])
            yield [column.raw(row) for column in columns]
        offset += len(page)


def export_cases(path: Path, title: str, query: CaseQuery, columns: list[CaseColumn], *, actor: Actor,
                 subtitle: str = "", order: str = "date", descending: bool = True):
    """A generator job (ledgers.progress): the filtered list → .xlsx at `path`, in the list's order; the
    export is checked (`export`) and audited once the file is written."""
    require(actor, "export", target=Path(path).name)
    xlsx_columns = [XlsxColumn(c.label, c.kind if c.kind in ("date", "money", "int") else "text") for c in columns]
    persons: set = set()
    rows = export_rows(query, columns, order=order, descending=descending, persons=persons)
    total = count_cases(query)
    written = yield from write_xlsx(path, title, xlsx_columns, rows, total=total, subtitle=subtitle, sheet=title)
    record("export", actor=actor, target=Path(written).name,
           detail={"file": str(written), "list": title, "records": total, "persons": len(persons), "full_id": False,
                   "filter": subtitle})
    return written


class CaseBrowser(QWidget):
    """Filters, 共 N 条, 导出 Excel and the table. Selecting a row says which record."""

    record_selected = Signal(object)  # record id or None
    record_activated = Signal(str)  # double-click / Enter
    exported = Signal(object)  # the Path written
    export_failed = Signal(str)

    def __init__(self, ctx, kind: str, columns: list[CaseColumn], *, export_title: str,
                 row_colour: Callable[[dict], QColor | None] | None = None, parent=None):
        super().__init__(parent)
        self.ctx, self.kind, self.export_title = ctx, kind, export_title
        self.filters = CaseFilters(ctx, kind)
        self.count_label = QLabel()
        self.count_label.setObjectName("caseCount")
        self.count_label.setStyleSheet("font-weight: bold;")
        self.hint = MessageLine()
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.clicked.connect(self.choose_export_path)
        press(self.export_button, "export", owner=self)
        self.model = CaseTableModel(kind, columns, row_colour=row_colour, parent=self)
        self.model.totalChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        pick_rows(self.table)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        header.setMinimumSectionSize(40)
        for i, column in enumerate(columns):
            if column.width:
                header.resizeSection(i, column.width)
            if column.stretch:  # takes what is left, but never less than its width
                self._stretch = (i, column.width or 160)
        self.table.viewport().installEventFilter(self)
        header.setSortIndicator(self.model.sort_column(), Qt.DescendingOrder)
        self.table.selectionModel().currentRowChanged.connect(lambda current, _prev: self._selected(current.row()))
        self.table.doubleClicked.connect(lambda index: self._activated(index.row()))
        self.table.activated.connect(lambda index: self._activated(index.row()))

        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addSpacing(12)
        counts.addWidget(self.hint)
        counts.addStretch(1)
        counts.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filters)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)
        self.filters.query_changed.connect(self.apply_query)
        self.apply_query(self.filters.query())
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_indicator)

    _stretch: tuple[int, int] | None = None

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Resize and self._stretch is not None:
            column, least = self._stretch
            header = self.table.horizontalHeader()
            others = sum(header.sectionSize(i) for i in range(header.count()) if i != column)
            header.resizeSection(column, max(least, self.table.viewport().width() - others))
        return False

    def _keep_indicator(self, column: int, _order) -> None:
        """A click on a column that does not sort leaves the indicator on the column that does."""
        if column == self.model.sort_column():
            return
        order = Qt.DescendingOrder if self.model.descending else Qt.AscendingOrder
        self.table.horizontalHeader().setSortIndicator(self.model.sort_column(), order)

    def apply_query(self, query: CaseQuery) -> None:
        self.hint.show_problem(self.filters.problems())
        self.model.set_query(query)

    def refresh(self) -> None:
        self.model.refresh()

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} records in total").format(count=total))

    def _selected(self, row: int) -> None:
        self.record_selected.emit(self.model.rows[row]["id"] if 0 <= row < len(self.model.rows) else None)

    def _activated(self, row: int) -> None:
        if 0 <= row < len(self.model.rows):
            self.record_activated.emit(self.model.rows[row]["id"])

    def select_record(self, record_id: str) -> bool:
        """Select the record's row if it is in the loaded rows."""
        row = self.model.row_of(record_id)
        if row < 0:
            return False
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))
        return True

    # -- export -----------------------------------------------------------------------------------
    def choose_export_path(self) -> None:
        default = f"{self.export_title}_{dt.date.today().isoformat()}.xlsx"
        path = choose_save_file(self, "excel_export", self.tr("Export to Excel"), default, "Excel (*.xlsx)")
        if path:
            self.export_to(Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx"))

    def export_to(self, path: Path) -> None:
        """Write the list as filtered (every row, not only those loaded) on the worker thread."""
        query, columns = self.model.query, self.model.columns
        order, descending = self.model.order, self.model.descending
        subtitle = f"{self.filters.describe()}，导出于{dt.date.today().isoformat()}"
        title = self.export_title

        self.export_button.setEnabled(False)
        run_task(self, export_cases(path, title, query, columns, actor=self.ctx.actor, subtitle=subtitle, order=order,
                                    descending=descending),
                 label=self.tr("Exporting…"), on_done=self._exported, on_error=self._export_failed)

    def _exported(self, path) -> None:
        self.export_button.setEnabled(True)
        self.hint.show_info(self.tr("Exported to {path}").format(path=path))
        self.exported.emit(path)

    def _export_failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        self.hint.show_problem(message)
        self.export_failed.emit(message)
