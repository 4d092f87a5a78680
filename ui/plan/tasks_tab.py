"""工作清单: a year's plan — its head (对标对象, 领导小组), the areas and their tasks with derived statuses.

    tab = TasksTab(ctx); tab.set_year(2027); tab.refresh()
    tab.start_from_template() / tab.copy_last_year()     # the bureau, when the year has no plan yet
    tab.select_task(task_id)
    tab.edit_settings()       # the bureau: 月调度 due day, whether stations see every station's rank

At the bureau everything is editable through the dialogs of ui/plan/dialogs.py; at a station the plan is
read-only and the list shows the tasks given to the station, with the status of its own part.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QSpinBox, QSplitter)

from models.permissions import allowed
from models.plan import BENCHMARK_ROLES
from models.plan_template import copy_plan, start_plan_from_template
from ui.plan.common import Column, PlanTab, RowsTable, leader_names, page_layout, status_colour
from ui.plan.dialogs import AreaDialog, ConfirmDoneDialog, PlanHeaderDialog, TaskDialog
from ui.plan.reading import own_unit, read_plan, touched
from ui.plan.settings_dialog import PlanSettingsDialog
from ui.registry.operations import run_write


class TasksTab(PlanTab):
    plan_started = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.view = None
        self.editable = self.bureau and allowed(ctx.actor, "plan_edit")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(dt.date.today().year)
        self.year.setPrefix(self.tr("Year "))
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.head = QLabel()
        self.head.setObjectName("figureNote")
        self.head.setWordWrap(True)
        self.head.setTextInteractionFlags(Qt.TextSelectableByMouse)

        self.start_button = QPushButton(self.tr("Start from the template"))
        self.start_button.clicked.connect(self.start_from_template)
        self.copy_button = QPushButton(self.tr("Copy last year's plan"))
        self.copy_button.clicked.connect(self.copy_last_year)
        self.edit_plan_button = QPushButton(self.tr("Edit plan…"))
        self.edit_plan_button.clicked.connect(self.edit_plan)
        self.edit_area_button = QPushButton(self.tr("Edit area…"))
        self.edit_area_button.clicked.connect(self.edit_area)
        self.new_task_button = QPushButton(self.tr("New task…"))
        self.new_task_button.clicked.connect(self.new_task)
        self.edit_task_button = QPushButton(self.tr("Edit task…"))
        self.edit_task_button.clicked.connect(self.edit_task)
        self.confirm_button = QPushButton(self.tr("Confirm completed…"))
        self.confirm_button.clicked.connect(self.confirm_task)
        self.settings_button = QPushButton(self.tr("Plan settings…"))
        self.settings_button.clicked.connect(self.edit_settings)
        self.bureau_buttons = (self.start_button, self.copy_button, self.edit_plan_button, self.edit_area_button,
                               self.new_task_button, self.edit_task_button, self.confirm_button)

        self.areas = QListWidget()
        self.areas.setMaximumWidth(170)
        self.areas.currentRowChanged.connect(lambda _r: self._filter())
        self.table = RowsTable([
            Column(self.tr("No."), "number", number=True),
            Column(self.tr("Area"), "area"),
            Column(self.tr("Task"), "title", stretch=True),
            Column(self.tr("Target"), lambda r: " ".join(t for t in (r["target"], r["indicator_label"]) if t)),
            Column(self.tr("Leading officials"), lambda r: leader_names(r["leaders"])),
            Column(self.tr("Responsible units"), lambda r: "、".join(u["name"] for u in r["units"])),
            Column(self.tr("Deadline"), "deadline"),
            Column(self.tr("Status"), "status_label", colour=status_colour),
        ])
        self.table.row_activated.connect(lambda _row: self.edit_task() if self.editable else None)
        self.count = QLabel()
        self.count.setObjectName("caseCount")

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.title, 1)
        buttons = QHBoxLayout()
        for button in self.bureau_buttons:
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.count)
        buttons.addWidget(self.settings_button)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.areas)
        split.addWidget(self.table)
        split.setStretchFactor(1, 1)
        split.setChildrenCollapsible(False)
        split.setSizes([150, 2000])  # the area list is narrow; the tasks take the rest
        self.table.horizontalHeader().setMaximumSectionSize(260)  # long unit lists leave the 事项 room
        layout = page_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.head)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        layout.addWidget(split, 1)
        self._show_buttons()

    # -- reading --------------------------------------------------------------------------------
    def set_year(self, year: int) -> None:
        self.year.setValue(year)

    def read(self):
        year, unit = self.year.value(), own_unit(self.ctx.installation)
        return lambda: read_plan(year, unit)

    def show_data(self, view) -> None:
        self.view = view
        plan = view.plan
        if plan is None:
            self.title.setText(self.tr("There is no plan for {year} yet.").format(year=view.year))
            self.head.setText(self.tr("Start it from the built-in template (the 2022 plan) or copy last year's plan.")
                              if self.editable else
                              self.tr("The bureau makes the plan; it arrives with the next bundle from the bureau."))
        else:
            self.title.setText(f"{plan.year}年 {plan.title}")
            self.head.setText(self._head_text(view))
        current = self.areas.currentRow()
        self.areas.blockSignals(True)
        self.areas.clear()
        everything = QListWidgetItem(self.tr("All areas"))
        everything.setData(Qt.UserRole, None)
        self.areas.addItem(everything)
        for number, area in enumerate(view.areas, 1):
            item = QListWidgetItem(f"{number}. {area.name}")
            item.setData(Qt.UserRole, area.id)
            item.setToolTip(area.content)
            self.areas.addItem(item)
        self.areas.setCurrentRow(current if 0 <= current < self.areas.count() else 0)
        self.areas.blockSignals(False)
        self._filter()
        self._show_buttons()

    def _head_text(self, view) -> str:
        plan = view.plan
        benchmarks = "；".join(f"{BENCHMARK_ROLES.get(b.role, b.role)} {b.name}" for b in view.benchmarks)
        group = "、".join(f"{m['post']}{('：' + m['name']) if m.get('name') else ''}" for m in plan.leading_group)
        lines = [self.tr("Benchmarks: {list}").format(list=benchmarks or "—"),
                 self.tr("Leading group: {list}").format(list=group or "—")]
        if plan.office_head or plan.liaison:
            lines.append(self.tr("Office head: {head}  Liaison: {liaison}").format(
                head=plan.office_head or "—", liaison=plan.liaison or "—"))
        return "\n".join(lines)

    def _filter(self) -> None:
        if self.view is None:
            return
        item = self.areas.currentItem()
        area_id = item.data(Qt.UserRole) if item is not None else None
        rows = [r for r in self.view.tasks if area_id is None or r["area_id"] == area_id]
        self.table.show_rows(rows)
        late = sum(r["status"] == "late" for r in rows)
        self.count.setText(self.tr("{count} tasks, {late} late").format(count=len(rows), late=late))

    def _show_buttons(self) -> None:
        has_plan = self.view is not None and self.view.plan is not None
        for button in self.bureau_buttons:
            button.setVisible(self.editable)
        if self.editable:
            self.start_button.setVisible(not has_plan)
            self.copy_button.setVisible(not has_plan and self.view is not None
                                        and self.year.value() - 1 in self.view.years)
            for button in self.bureau_buttons[2:]:
                button.setVisible(has_plan)
        self.settings_button.setVisible(self.editable and self.view is not None)

    def current_area(self):
        item = self.areas.currentItem()
        area_id = item.data(Qt.UserRole) if item is not None else None
        return next((a for a in self.view.areas if a.id == area_id), None) if self.view else None

    def select_task(self, task_id: str) -> bool:
        self.areas.setCurrentRow(0)
        return self.table.select_where(lambda r: r["id"] == task_id)

    # -- acting ---------------------------------------------------------------------------------
    def start_from_template(self) -> None:
        year = self.year.value()
        self._write(lambda: touched(start_plan_from_template(year, actor=self.ctx.actor)),
                    self.tr("The plan of {year} was started from the template.").format(year=year))

    def copy_last_year(self) -> None:
        year = self.year.value()
        self._write(lambda: touched(copy_plan(year - 1, year, actor=self.ctx.actor)),
                    self.tr("Last year's plan was copied to {year}.").format(year=year))

    def _write(self, job, done: str) -> None:
        self.message.show_problem(None)

        def finished(outcome):
            if not outcome.ok:
                self.message.show_problem(outcome.error.message)
                return
            self.message.show_info(done)
            self.ctx.announce(outcome.value)
            self.plan_started.emit()

        run_write(self, job, on_done=finished)

    def edit_plan(self):
        return self._open(PlanHeaderDialog(self.ctx, self.view, self))

    def edit_area(self):
        area = self.current_area() or (self.view.areas[0] if self.view and self.view.areas else None)
        return self._open(AreaDialog(self.ctx, self.view, area, self)) if area is not None else None

    def new_task(self):
        area = self.current_area()
        return self._open(TaskDialog(self.ctx, self.view, area_id=area.id if area else None, parent=self))

    def edit_task(self):
        row = self.table.current_row()
        if row is None:
            self.message.show_problem(self.tr("Choose a task in the list first."))
            return None
        return self._open(TaskDialog(self.ctx, self.view, task=row, parent=self))

    def confirm_task(self):
        row = self.table.current_row()
        if row is None:
            self.message.show_problem(self.tr("Choose a task in the list first."))
            return None
        return self._open(ConfirmDoneDialog(self.ctx, row, self))

    def edit_settings(self):
        if self.view is None:
            return None
        return self._open(PlanSettingsDialog(self.ctx, self.view.settings, self))
