"""工作清单与对标: the main window's "tasks" area — the plan, 月调度, 季总结 and the lists, 考核赋分, 对标看板.

    page = PlanPage(ctx)                  # PAGES["tasks"] in ui/main_window.py
    page.show_tab("dashboard")            # plan | progress | lists | scores | dashboard
    page.open_record(unit_code or task_id)   # from the workbench: a unit's missing 月调度, or a task
    page.person_requested / page.record_requested    # a record chosen in the dashboard's drill-down

Each tab reads its data on the worker thread when first shown and again when an operation touches the
plan's tables (ctx.changed); widgets never write: the dialogs call models/plan_*.py and models/scoring.py.
"""
from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from models.plan_units import unit_names
from ui.plan.dashboard import Dashboard
from ui.plan.lists_tab import ListsTab
from ui.plan.progress_tab import ProgressTab
from ui.plan.reading import PLAN_TABLES
from ui.plan.scores_tab import ScoresTab
from ui.plan.tasks_tab import TasksTab

TABS = ("plan", "progress", "lists", "scores", "dashboard")


class PlanPage(QWidget):
    person_requested = Signal(str)
    record_requested = Signal(str, str)  # area key, record id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("tasksPage")
        title = QLabel(self.tr("Work checklist and assessment"))
        title.setObjectName("pageTitle")
        self.plan = TasksTab(ctx)
        self.progress = ProgressTab(ctx)
        self.lists = ListsTab(ctx)
        self.scores = ScoresTab(ctx)
        self.dashboard = Dashboard(ctx)
        self.dashboard.person_requested.connect(self.person_requested)
        self.dashboard.record_requested.connect(self.record_requested)
        self.dashboard.task_requested.connect(self.open_task)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("planTabs")
        self.tabs.addTab(self.plan, self.tr("Plan and tasks"))
        self.tabs.addTab(self.progress, self.tr("Monthly progress"))
        self.tabs.addTab(self.lists, self.tr("Summaries, meetings, lists"))
        self.tabs.addTab(self.scores, self.tr("Scores"))
        self.tabs.addTab(self.dashboard, self.tr("Benchmark dashboard"))
        self.stale = set(TABS)
        self.pending_task = None
        self.plan.loaded.connect(self._plan_loaded)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_current())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(8)
        layout.addWidget(title)
        layout.addWidget(self.tabs, 1)
        ctx.changed.connect(self._changed)
        self._refresh_current()

    def tab(self, key: str):
        return getattr(self, key)

    def show_tab(self, key: str):
        self.tabs.setCurrentWidget(self.tab(key))
        return self.tab(key)

    def _refresh_current(self) -> None:
        key = TABS[self.tabs.currentIndex()]
        if key in self.stale:
            self.stale.discard(key)
            self.tab(key).refresh()

    def _changed(self, changes) -> None:
        # the dashboard and the scores count casework and persons too; the other tabs only the plan
        self.stale |= set(TABS) if changes.tables & PLAN_TABLES else {"scores", "dashboard"}
        self._refresh_current()

    def open_record(self, record_id: str) -> None:
        """A unit (from the workbench: its missing 月调度) or a task (from a drill-down)."""
        if record_id in unit_names():
            self.show_tab("progress")
            if self.ctx.installation.is_bureau:
                self.progress.set_unit(record_id)
            return
        self.open_task(record_id)

    def open_task(self, task_id: str) -> None:
        self.pending_task = task_id
        tab = self.show_tab("plan")
        if tab.view is not None and tab.select_task(task_id):
            self.pending_task = None

    def _plan_loaded(self) -> None:
        if self.pending_task and self.plan.select_task(self.pending_task):
            self.pending_task = None
