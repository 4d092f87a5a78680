"""月调度: the month's report per task of one unit, and (at the bureau) who has not reported.

    tab = ProgressTab(ctx); tab.set_month("2026-11"); tab.set_unit("office"); tab.refresh()
    tab.report(row)          # the MonthReportDialog for a task of the sheet

A station reports for itself; the bureau reports for its 股室 (chosen above the list) — stations' reports
arrive in bundles. The status column is the unit's own part of the task (滞后 in red). The indicator value
is prefilled from the data where the task is measured by a computed indicator.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QSplitter, QVBoxLayout, QWidget

from models import options
from models.permissions import allowed
from models.plan_units import UNIT_LIST
from ui.plan.common import STATUS_COLOURS, Column, PlanTab, RowsTable, page_layout
from ui.plan.dialogs import MonthReportDialog
from ui.plan.reading import own_unit, read_progress


def entry_text(row: dict, key: str):
    entry = row.get("entry")
    return entry.get(key) if entry else None


class ProgressTab(PlanTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = dt.date.today()
        self.may_report = allowed(ctx.actor, "plan_report")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.month = QComboBox()
        for number in range(1, 13):
            self.month.addItem(self.tr("Month {n}").format(n=number), number)
        self.month.setCurrentIndex(today.month - 1)
        self.unit = QComboBox()
        self.unit.setVisible(self.bureau)
        if self.bureau:
            for code, name in options.choices(UNIT_LIST):
                self.unit.addItem(name, code)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.month.currentIndexChanged.connect(lambda _i: self.refresh())
        self.unit.currentIndexChanged.connect(lambda _i: self.refresh())
        self.due = QLabel()
        self.due.setObjectName("figureNote")
        self.report_button = QPushButton(self.tr("Report progress…"))
        self.report_button.clicked.connect(lambda: self.report(self.table.current_row()))
        self.report_button.setVisible(self.may_report)

        self.table = RowsTable([
            Column(self.tr("No."), "number", number=True),
            Column(self.tr("Task"), "title", stretch=True),
            Column(self.tr("Target"), "target"),
            Column(self.tr("Status"), "unit_status_label", colour=lambda r: STATUS_COLOURS.get(r["unit_status"])),
            Column(self.tr("This month"), lambda r: entry_text(r, "done_text") or self.tr("not reported"),
                   colour=lambda r: None if r.get("entry") else STATUS_COLOURS["late"]),
            Column(self.tr("Value"), lambda r: _value(r), number=True),
            Column(self.tr("Problems"), lambda r: entry_text(r, "problems")),
            Column(self.tr("Reported on"), lambda r: entry_text(r, "reported_on")),
        ])
        self.table.row_activated.connect(self.report)
        self.missing = RowsTable([
            Column(self.tr("Unit"), "unit_name"),
            Column(self.tr("No."), "task_number", number=True),
            Column(self.tr("Task"), "task_title", stretch=True),
            Column(self.tr("Due"), "due_on"),
        ])
        self.missing_title = QLabel()
        self.missing_title.setObjectName("panelTitle")
        missing_box = QWidget()
        box = QVBoxLayout(missing_box)
        box.setContentsMargins(0, 0, 0, 0)
        box.addWidget(self.missing_title)
        box.addWidget(self.missing, 1)
        missing_box.setVisible(self.bureau)

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.month)
        top.addWidget(self.unit)
        top.addWidget(self.due, 1)
        top.addWidget(self.report_button)
        split = QSplitter(Qt.Vertical)
        split.addWidget(self.table)
        split.addWidget(missing_box)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = page_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)
        self.view = None

    def month_code(self) -> str:
        return f"{self.year.value()}-{self.month.currentData():02d}"

    def set_month(self, month: str) -> None:
        year, number = month.split("-")
        self.year.setValue(int(year))
        self.month.setCurrentIndex(int(number) - 1)

    def set_unit(self, code: str) -> bool:
        index = self.unit.findData(code)
        if index >= 0:
            self.unit.setCurrentIndex(index)
        return index >= 0

    def unit_code(self) -> str | None:
        return self.unit.currentData() if self.bureau else own_unit(self.ctx.installation)

    def read(self):
        month, unit, bureau = self.month_code(), self.unit_code(), self.bureau
        return lambda: read_progress(month, unit, bureau=bureau)

    def show_data(self, view) -> None:
        self.view = view
        self.table.show_rows(view.rows)
        self.due.setText(self.tr("Due on the {day}th of each month. {count} tasks for this unit.").format(
            day=view.due_day, count=len(view.rows)) if view.plan is not None else
            self.tr("There is no plan for this year."))
        self.missing.show_rows(view.missing)
        units = len({m["unit_code"] for m in view.missing})
        self.missing_title.setText(self.tr("Not reported for {month}: {units} units, {tasks} tasks").format(
            month=view.month, units=units, tasks=len(view.missing)) if view.missing else
            self.tr("Nobody owes a report for {month} (or its due day has not passed).").format(month=view.month))

    def report(self, row: dict | None):
        self.message.show_problem(None)
        if not self.may_report:
            return None
        if row is None:
            self.message.show_problem(self.tr("Choose a task in the list first."))
            return None
        return self._open(MonthReportDialog(self.ctx, row, self.month_code(), self.unit_code() if self.bureau else None,
                                            self))


def _value(row: dict) -> str:
    value = entry_text(row, "value")
    if value is None and row.get("suggested") is not None:
        return f"({row['suggested']:g})"
    return "" if value is None else f"{value:g}"
