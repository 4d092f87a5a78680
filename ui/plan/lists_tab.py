"""季总结, 专题会议 and the three lists (主要问题 → 整改提升, 学习借鉴) of a year's plan.

    tab = ListsTab(ctx); tab.set_year(2026); tab.refresh()
    tab.write_summary("2026Q4"); tab.record_meeting()
    tab.decision_to_task(decision) / tab.decision_to_item(decision)     # one action each
    tab.new_item(); tab.improvement_for(problem_row); tab.edit_item(row)

A station writes its own 季总结 and keeps its own list items; meetings are the bureau's (a station sees them).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QHBoxLayout, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter,
                               QTabWidget, QVBoxLayout, QWidget)

from models.permissions import allowed
from models.plan import LIST_KINDS, LIST_STATES, SOURCE_KINDS
from ui.plan.common import STATUS_COLOURS, Column, PlanTab, RowsTable, page_layout
from ui.plan.dialogs import DecisionTaskDialog, ListItemDialog, MeetingDialog, SummaryDialog
from ui.plan.reading import own_unit, read_lists, read_plan

ITEM_STATES = {**LIST_STATES, "late": "滞后"}
ITEM_COLOURS = {"open": "not_started", "in_progress": "in_progress", "done": "done", "late": "late"}


def this_quarter(today: dt.date | None = None) -> str:
    today = today or dt.date.today()
    return f"{today.year}Q{(today.month - 1) // 3 + 1}"


class ListsTab(PlanTab):
    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.view = self.plan_view = None
        self.editable = self.bureau and allowed(ctx.actor, "plan_edit")
        self.may_report = allowed(ctx.actor, "plan_report")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.sections = QTabWidget()
        self.sections.setDocumentMode(True)

        # 季总结
        self.summaries = RowsTable([
            Column(self.tr("Quarter"), "quarter"), Column(self.tr("Unit"), "unit"),
            Column(self.tr("Results"), "results", stretch=True), Column(self.tr("Highlights"), "highlights"),
            Column(self.tr("Problems"), "problems"), Column(self.tr("Plans for next quarter"), "next_plans")])
        self.summary_button = QPushButton(self.tr("Write this quarter's summary…"))
        self.summary_button.clicked.connect(lambda: self.write_summary(this_quarter()))
        self.summary_button.setVisible(self.may_report and not self.bureau)
        self.sections.addTab(self._section(self.summaries, self.summary_button), self.tr("Quarterly summaries"))

        # 专题会议
        self.meetings = RowsTable([
            Column(self.tr("Held on"), "held_on"), Column(self.tr("Quarter"), "quarter"),
            Column(self.tr("Meeting"), "title", stretch=True), Column(self.tr("Chaired by"), "chaired_by"),
            Column(self.tr("Attendees"), "attendees")])
        self.meetings.selectionModel().currentRowChanged.connect(lambda *_: self._show_decisions())
        self.decisions = QListWidget()
        self.meeting_button = QPushButton(self.tr("Record a meeting…"))
        self.meeting_button.clicked.connect(self.record_meeting)
        self.to_task_button = QPushButton(self.tr("Decision → task…"))
        self.to_task_button.clicked.connect(lambda: self.decision_to_task(self.current_decision()))
        self.to_item_button = QPushButton(self.tr("Decision → list item…"))
        self.to_item_button.clicked.connect(lambda: self.decision_to_item(self.current_decision()))
        for button in (self.meeting_button, self.to_task_button, self.to_item_button):
            button.setVisible(self.editable)
        meeting_split = QSplitter(Qt.Vertical)
        meeting_split.addWidget(self.meetings)
        meeting_split.addWidget(self.decisions)
        meeting_split.setChildrenCollapsible(False)
        self.sections.addTab(self._section(meeting_split, self.meeting_button, self.to_task_button,
                                           self.to_item_button), self.tr("Meetings"))

        # 三个清单
        self.items = RowsTable([
            Column(self.tr("List"), "kind_label"), Column(self.tr("No."), "number", number=True),
            Column(self.tr("Item"), "title", stretch=True), Column(self.tr("Source"), "source"),
            Column(self.tr("Responsible unit"), "unit"), Column(self.tr("Person responsible"), "person"),
            Column(self.tr("Deadline"), "deadline"),
            Column(self.tr("State"), "status_label", colour=lambda r: STATUS_COLOURS[ITEM_COLOURS[r["status"]]]),
            Column(self.tr("Improvement"), "improved_by")])
        self.items.row_activated.connect(self.edit_item)
        self.new_item_button = QPushButton(self.tr("New list item…"))
        self.new_item_button.clicked.connect(self.new_item)
        self.improve_button = QPushButton(self.tr("Improvement for the problem…"))
        self.improve_button.clicked.connect(lambda: self.improvement_for(self.items.current_row()))
        for button in (self.new_item_button, self.improve_button):
            button.setVisible(self.may_report)
        self.sections.addTab(self._section(self.items, self.new_item_button, self.improve_button),
                             self.tr("Three lists"))

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addStretch(1)
        layout = page_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(self.sections, 1)

    def _section(self, body: QWidget, *buttons: QPushButton) -> QWidget:
        section = QWidget()
        layout = QVBoxLayout(section)
        layout.setContentsMargins(0, 6, 0, 0)
        row = QHBoxLayout()
        for button in buttons:
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addWidget(body, 1)
        return section

    def set_year(self, year: int) -> None:
        self.year.setValue(year)

    def read(self):
        year, unit = self.year.value(), own_unit(self.ctx.installation)
        return lambda: (read_lists(year, unit), read_plan(year, unit))

    def show_data(self, data) -> None:
        self.view, self.plan_view = data
        view, names = self.view, self.view.names
        self.summaries.show_rows([{"quarter": s.quarter, "unit": names.get(s.unit_code, s.unit_code),
                                   "results": s.results, "highlights": s.highlights, "problems": s.problems,
                                   "next_plans": s.next_plans, "record": s} for s in view.summaries])
        self.meetings.show_rows([{"held_on": m.held_on, "quarter": m.quarter, "title": m.title,
                                  "chaired_by": m.chaired_by, "attendees": m.attendees, "record": m,
                                  "decisions": decisions} for m, decisions in view.meetings])
        improved = {}
        for item, _status in view.items:
            if item.problem_id:
                improved.setdefault(item.problem_id, []).append(f"{LIST_KINDS['improvement'][:2]}{item.number}")
        self.items.show_rows([{"kind_label": LIST_KINDS[i.kind], "number": i.number, "title": i.title,
                               "source": SOURCE_KINDS.get(i.source_kind, ""), "unit": names.get(i.unit_code, ""),
                               "person": i.person, "deadline": i.deadline, "status": status,
                               "status_label": ITEM_STATES[status], "improved_by": "、".join(improved.get(i.id, [])),
                               "kind": i.kind, "record": i} for i, status in view.items])
        self._show_decisions()

    def _show_decisions(self) -> None:
        self.decisions.clear()
        row = self.meetings.current_row()
        for decision in (row or {}).get("decisions", []):
            item = QListWidgetItem(f"{decision.position + 1}. {decision.text}")
            item.setData(Qt.UserRole, decision)
            self.decisions.addItem(item)
        if self.decisions.count():
            self.decisions.setCurrentRow(0)

    def current_decision(self):
        item = self.decisions.currentItem()
        return item.data(Qt.UserRole) if item is not None else None

    # -- acting -------------------------------------------------------------------------------------
    def _needs_plan(self) -> bool:
        if self.view is None or self.view.plan is None:
            self.message.show_problem(self.tr("There is no plan for this year."))
            return False
        return True

    def _choose_first(self) -> None:
        self.message.show_problem(self.tr("Choose a row in the list first."))

    def write_summary(self, quarter: str):
        unit = own_unit(self.ctx.installation)
        existing = next((s for s in (self.view.summaries if self.view else [])
                         if s.quarter == quarter and s.unit_code == unit), None)
        return self._open(SummaryDialog(self.ctx, quarter, None, existing, self))

    def record_meeting(self):
        if self._needs_plan():
            return self._open(MeetingDialog(self.ctx, self.view.plan, this_quarter(), self))
        return None

    def decision_to_task(self, decision):
        if decision is None:
            return self._choose_first()
        return self._open(DecisionTaskDialog(self.ctx, self.plan_view, decision, self))

    def _units(self):
        return [(code, name) for code, name in self.plan_view.units]

    def decision_to_item(self, decision):
        if decision is None:
            return self._choose_first()
        return self._open(ListItemDialog(self.ctx, self.view.plan, self._units(), decision=decision, parent=self))

    def new_item(self):
        if self._needs_plan():
            return self._open(ListItemDialog(self.ctx, self.view.plan, self._units(),
                                             station_code=own_unit(self.ctx.installation), parent=self))
        return None

    def improvement_for(self, row: dict | None):
        if row is None or row["kind"] != "problem":
            self.message.show_problem(self.tr("Choose a main problem in the list first."))
            return None
        return self._open(ListItemDialog(self.ctx, self.view.plan, self._units(), problem=row["record"],
                                         station_code=own_unit(self.ctx.installation), parent=self))

    def edit_item(self, row: dict | None):
        if row is None or not self.may_report:
            return None
        return self._open(ListItemDialog(self.ctx, self.view.plan, self._units(), item=row["record"],
                                         station_code=own_unit(self.ctx.installation), parent=self))
