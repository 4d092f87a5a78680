"""The two tables of the roster import wizard: the column mapping, and the dry-run report.

    mapping = MappingTable(); mapping.show_sheet(sheet, proposed)   # one row per column, a combo each
    mapping.set_field(3, "id_number"); mapping.mapping()            # {column index: field key}
    report = PlanModel(full_id_numbers=False); report.set_plan(plan); report.set_filter("skip")

Field labels come from ledgers.roster_sheet.FIELDS (the importer's own words); choosing a field
already taken by another column sets that other column to 不导入, so a mapping never names a field twice.
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QHeaderView, QTableWidget, QTableWidgetItem
from openpyxl.utils import get_column_letter

from ledgers import roster_cells
from ledgers.roster_import import ACTIONS as ACTION_LABELS
from ledgers.roster_import import ImportPlan
from ledgers.roster_sheet import FIELDS, IGNORE, RosterSheet
from models.idnumber import is_valid, mask

SAMPLES = 3  # example values shown per column
ACTION_COLOURS = {"create": QColor("#1b7a3d"), "update": QColor("#1d5fa8"), "skip": QColor("#6b6b6b"),
                  "reject": QColor("#b3261e")}
ROW, NAME, ID_NUMBER, ACTION, DETAIL = range(5)


def field_choices() -> list[tuple[str, str]]:
    """(key, label) a column can be imported as; 不导入 first."""
    return [(IGNORE, FIELDS[IGNORE][0])] + [(key, label) for key, (label, _, _) in FIELDS.items() if key != IGNORE]


class MappingTable(QTableWidget):
    """Column · header · examples · 导入为 (a combo per column)."""

    mapping_changed = Signal()

    def __init__(self, parent=None):
        super().__init__(0, 4, parent)
        self.setObjectName("importMapping")
        self.setHorizontalHeaderLabels([self.tr("Column"), self.tr("Header in the file"), self.tr("Examples"),
                                        self.tr("Import as")])
        self.verticalHeader().hide()
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.NoSelection)
        self.setAlternatingRowColors(True)
        self.verticalHeader().setDefaultSectionSize(34)
        header = self.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeToContents)
        header.resizeSection(1, 180)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.resizeSection(3, 200)
        self.combos: list[QComboBox] = []

    def show_sheet(self, sheet: RosterSheet, proposed: dict[int, str]) -> None:
        width = max([len(sheet.headers)] + [len(values) for _, values, _ in sheet.rows[:50]])
        self.setRowCount(width)
        self.combos = []
        for index in range(width):
            header = sheet.headers[index] if index < len(sheet.headers) else ""
            samples = []
            for _, values, _ in sheet.rows:
                if roster_cells.is_total_row(values):
                    continue
                text = roster_cells.text_of(values[index]) if index < len(values) else ""
                if text:
                    samples.append(text)
                if len(samples) == SAMPLES:
                    break
            self.setItem(index, 0, QTableWidgetItem(get_column_letter(index + 1)))
            self.setItem(index, 1, QTableWidgetItem(header))
            self.setItem(index, 2, QTableWidgetItem("；".join(samples)))
            combo = QComboBox()
            for key, label in field_choices():
                combo.addItem(label, key)
            combo.setCurrentIndex(max(combo.findData(proposed.get(index, IGNORE)), 0))
            combo.currentIndexChanged.connect(lambda _i, column=index: self._chosen(column))
            self.setCellWidget(index, 3, combo)
            self.combos.append(combo)

    def _chosen(self, column: int) -> None:
        key = self.combos[column].currentData()
        if key != IGNORE:
            for other, combo in enumerate(self.combos):
                if other != column and combo.currentData() == key:
                    combo.blockSignals(True)
                    combo.setCurrentIndex(combo.findData(IGNORE))
                    combo.blockSignals(False)
        self.mapping_changed.emit()

    def set_field(self, column: int, key: str) -> None:
        combo = self.combos[column]
        combo.setCurrentIndex(combo.findData(key))

    def field(self, column: int) -> str:
        return self.combos[column].currentData()

    def mapping(self) -> dict[int, str]:
        """Every column with a header or a field: what it is imported as (不导入 included, to be remembered)."""
        found = {}
        for index, combo in enumerate(self.combos):
            header = self.item(index, 1).text()
            if combo.currentData() != IGNORE or header:
                found[index] = combo.currentData()
        return found


class PlanModel(QAbstractTableModel):
    """The dry run, one row per roster row: row, name, ID number, action and why."""

    def __init__(self, *, full_id_numbers: bool, parent=None):
        super().__init__(parent)
        self.full_id_numbers = full_id_numbers
        self.all_rows: list = []
        self.rows: list = []
        self.action_filter: str | None = None

    def set_plan(self, plan) -> None:
        self.beginResetModel()
        self.all_rows = list(plan.rows) if plan is not None else []
        self._apply_filter()
        self.endResetModel()

    def set_filter(self, action: str | None) -> None:
        """Only rows with this action (create / update / skip / reject), "warning" for rows with a 提示, or all."""
        self.beginResetModel()
        self.action_filter = action
        self._apply_filter()
        self.endResetModel()

    def _apply_filter(self) -> None:
        wanted = self.action_filter
        if wanted is None:
            self.rows = self.all_rows
        elif wanted == "warning":
            self.rows = [r for r in self.all_rows if r.warnings]
        else:
            self.rows = [r for r in self.all_rows if r.action == wanted]

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else 5

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return (self.tr("Row"), self.tr("Name"), self.tr("ID number"), self.tr("Action"),
                    self.tr("Reason / details"))[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        column = index.column()
        if role == Qt.DisplayRole:
            return self.text(row, column)
        if role == Qt.ForegroundRole and column == ACTION:
            return ACTION_COLOURS[row.action]
        if role == Qt.ToolTipRole and column == DETAIL:
            return self.text(row, DETAIL).replace("；", "\n")
        if role == Qt.TextAlignmentRole and column in (ROW, ACTION):
            return int(Qt.AlignCenter)
        return None

    def text(self, row, column: int) -> str:
        if column == ROW:
            return str(row.row)
        if column == NAME:
            return row.name
        if column == ID_NUMBER:
            if not row.id_number or self.full_id_numbers or not is_valid(row.id_number):
                return row.id_number  # a number that is not a valid ID is shown as written, to find and fix it
            return mask(row.id_number)  # a valid number is a person's: masked, whatever the row's action
        if column == ACTION:
            return ACTION_LABELS[row.action]
        return ImportPlan.detail(row)
