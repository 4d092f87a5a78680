"""What the work-plan tabs share: a table of plain rows, status colours, a tab that reads in the background,
and the editors of the plan's forms (units, leaders).

    table = RowsTable([Column("编号", "number"), Column("事项", "title", stretch=True),
                       Column("状态", "status_label", colour=status_colour)])
    table.show_rows(rows); table.current_row()        # the row dict under the cursor (or None)

    class TasksTab(PlanTab):
        def read(self): return lambda: read_plan(year)      # runs on the worker thread
        def show_data(self, view): …                         # back on the GUI thread; then `loaded`
    tab._open(dialog)       # one of its dialogs; its saves are the tab's `saved`; self.message says results
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (QHeaderView, QLabel, QListWidget, QListWidgetItem, QTableView, QVBoxLayout, QWidget)
from shiboken6 import isValid

from models.plan import ALL_STATIONS, ALL_STATIONS_LABEL
from ui.registry.field_grid import MessageLine
from ui.row_views import pick_rows
from ui.tasks import run_task

STATUS_COLOURS = {"not_started": QColor("#5f6b7a"), "in_progress": QColor("#1d5fa8"), "done": QColor("#1e7b34"),
                  "late": QColor("#b3261e")}
ROW_ROLE = Qt.UserRole + 1


def status_colour(row: dict, key: str = "status") -> QColor | None:
    return STATUS_COLOURS.get(row.get(key))


@dataclass(frozen=True)
class Column:
    label: str
    value: str | Callable[[dict], object]
    stretch: bool = False
    number: bool = False
    colour: Callable[[dict], QColor | None] | None = None

    def text(self, row: dict) -> str:
        value = row.get(self.value) if isinstance(self.value, str) else self.value(row)
        if value is None:
            return ""
        if hasattr(value, "isoformat"):
            return value.isoformat()
        return str(value)


_TEXT_ROLES = (int(Qt.DisplayRole), int(Qt.ToolTipRole))
_ALIGNMENT_ROLE, _FOREGROUND_ROLE = int(Qt.TextAlignmentRole), int(Qt.ForegroundRole)
_ANSWERED = frozenset({*_TEXT_ROLES, _ALIGNMENT_ROLE, _FOREGROUND_ROLE, int(ROW_ROLE)})
_RIGHT = int(Qt.AlignRight | Qt.AlignVCenter)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.columns, self.rows = list(columns), []

    def show_rows(self, rows: list[dict]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole and 0 <= section < len(self.columns):
            return self.columns[section].label
        return None

    def data(self, index: QModelIndex, role=Qt.DisplayRole):
        # roles compared as plain ints: a view asks every cell for ~10 roles, and comparing PySide6
        # enums costs more than the rest of the call (a table sized to its contents asks them all)
        role = int(role)
        if role not in _ANSWERED or not index.isValid() or index.row() >= len(self.rows):
            return None
        row, column = self.rows[index.row()], self.columns[index.column()]
        if role in _TEXT_ROLES:
            return column.text(row)
        if role == _ALIGNMENT_ROLE:
            return _RIGHT if column.number else None
        if role == _FOREGROUND_ROLE:
            return column.colour(row) if column.colour is not None else None
        return row


class RowsTable(QTableView):
    """A read-only table of row dicts; whole rows are picked."""

    row_activated = Signal(object)  # the row dict (double-click or Enter)

    def __init__(self, columns: list[Column], parent=None):
        super().__init__(parent)
        self.rows_model = RowsModel(columns, self)
        self.setModel(self.rows_model)
        stretch = next((i for i, c in enumerate(columns) if c.stretch), None)
        pick_rows(self, stretch=stretch)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.verticalHeader().setDefaultSectionSize(28)
        if stretch is None:
            self.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.activated.connect(self._activated)
        self.doubleClicked.connect(self._activated)

    def show_rows(self, rows: list[dict]) -> None:
        self.rows_model.show_rows(rows)

    @property
    def rows(self) -> list[dict]:
        return self.rows_model.rows

    def current_row(self) -> dict | None:
        index = self.currentIndex()
        return self.rows_model.rows[index.row()] if index.isValid() else None

    def select_where(self, test: Callable[[dict], bool]) -> bool:
        for number, row in enumerate(self.rows_model.rows):
            if test(row):
                self.selectRow(number)
                self.scrollTo(self.rows_model.index(number, 0))
                return True
        return False

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.row_activated.emit(self.rows_model.rows[index.row()])


class PlanTab(QWidget):
    """A tab that reads its data on the worker thread whenever it is refreshed (never on a timer)."""

    loaded = Signal()  # the data on screen is now the database's (or the problem is shown)
    saved = Signal()   # a dialog opened from this tab (or one of its actions) saved

    _reading = False
    _again = False

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.message = MessageLine()  # what an action said (its refusal or its result)

    @property
    def bureau(self) -> bool:
        return self.ctx.installation.is_bureau

    def read(self) -> Callable[[], object]:
        raise NotImplementedError

    def show_data(self, data) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        if self._reading:
            self._again = True
            return
        self._reading, self._again = True, False
        run_task(self, self.read(), on_done=self._read, on_error=self._failed)

    def _read(self, data) -> None:
        if not isValid(self):
            return
        self._reading = False
        if self._again:
            self.refresh()
            return
        self.problem.hide()
        self.show_data(data)
        self.loaded.emit()

    def _open(self, dialog):
        """Open one of the tab's dialogs; its saves are the tab's `saved`."""
        self.message.show_problem(None)
        dialog.saved.connect(lambda _id: self.saved.emit())
        self.dialog = dialog
        dialog.open()
        return dialog

    def _failed(self, message: str) -> None:
        if not isValid(self):
            return
        self._reading = False
        self.problem.setText(message)
        self.problem.show()
        self.loaded.emit()


class UnitPicker(QListWidget):
    """责任单位: tick one or more 股室 and stations; "各苏木镇退役军人服务站" stands for every station."""

    edited = Signal()

    def __init__(self, units: list[tuple[str, str]], parent=None):
        super().__init__(parent)
        self.setFixedHeight(150)
        for code, name in [(ALL_STATIONS, ALL_STATIONS_LABEL), *units]:
            item = QListWidgetItem(name)
            item.setData(Qt.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Unchecked)
            self.addItem(item)
        self.itemChanged.connect(lambda _i: self.edited.emit())

    def value(self) -> list[str]:
        return [self.item(i).data(Qt.UserRole) for i in range(self.count())
                if self.item(i).checkState() == Qt.Checked]

    def set_value(self, codes) -> None:
        wanted = set(codes or [])
        for i in range(self.count()):
            item = self.item(i)
            item.setCheckState(Qt.Checked if item.data(Qt.UserRole) in wanted else Qt.Unchecked)

    def tick(self, code: str) -> None:
        self.set_value([*self.value(), code])

    def problem(self):
        return None


def leaders_text(leaders) -> str:
    """[{"post": "副局长", "name": "乌云图"}] → "副局长:乌云图；局长:" (the editor's text)."""
    return "；".join(f"{leader.get('post', '')}:{leader.get('name', '')}" for leader in leaders or [])


def parse_leaders(text: str | None) -> list[str]:
    """The editor's text → ["副局长:乌云图", …] as models.plan_edit.clean_leaders reads them."""
    return [part.strip().replace("：", ":") for part in re.split(r"[;；、,，\n]", text or "") if part.strip()]


def leader_names(leaders) -> str:
    return "、".join(f"{leader['post']}{('（' + leader['name'] + '）') if leader.get('name') else ''}"
                    for leader in leaders or [])


def page_layout(widget: QWidget) -> QVBoxLayout:
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 8, 0, 0)
    layout.setSpacing(8)
    return layout


def figure_text(code: str, value) -> str:
    """A figure as the dashboard and the scores show it: rates in %, money in 元, counts as they are."""
    from models.indicators import INDICATORS

    if value is None:
        return "—"
    unit = INDICATORS[code].unit if code in INDICATORS else ""
    if unit == "%":
        return f"{value * 100:.1f}%"
    if code.endswith("_fen"):
        return f"{value / 100:,.0f}元"
    return f"{value:g}" if isinstance(value, float) else str(value)


def change_text(code: str, now, before) -> str:
    """The change from the previous period: +3, −1.5 (percentage points for a rate), "" when not comparable."""
    from models.indicators import INDICATORS

    if now is None or before is None:
        return ""
    delta = now - before
    if code in INDICATORS and INDICATORS[code].unit == "%":
        delta *= 100
        text = f"{abs(delta):.1f}"
    elif code.endswith("_fen"):
        text = f"{abs(delta) / 100:,.0f}"
    else:
        text = f"{abs(delta):g}" if isinstance(delta, float) else str(abs(delta))
    return "±0" if not delta else ("+" if delta > 0 else "−") + text
