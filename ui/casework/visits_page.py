"""走访慰问: record visits (several staff, type, way, content, requests raised, 慰问金 in 元 → fen,
慰问物, photos) and see who is due or overdue by their contact tier (联系等级 on the person).

    page = VisitsPage(ctx)
    page.open_record(visit_id)       # a visit in the detail panel
    page.open_record(person_id)      # a person whose visit is due (from the workbench): the 待走访 tab
                                     # with them selected, and the 登记走访 dialog for them
The due list reads models.visits.due_visits ("距下次走访还有 N 天" / "已逾期 N 天", overdue in red).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QListWidget, QPushButton, QTabWidget,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models import options
from models.attachments import store_attachment
from models.person import Person
from models.visits import MODES, delete_visit, due_visits, record_visit, visit_due
from models.workflow import yuan
from ui.casework.case_list import CaseColumn, station_scope
from ui.casework.fields import ChoiceCombo, DateEdit, MoneyEdit, NoteEdit, PersonPicker, StaffPicker, TextEdit
from ui.casework.forms import RecordDialog
from ui.casework.page import CaseAreaPage
from ui.file_dialogs import choose_open_files
from ui.row_views import TREE_STYLE

DUE_WITHIN_DAYS = 30
OVERDUE_COLOUR = QColor("#b3261e")
DUE_TODAY_COLOUR = QColor("#8a5a00")


class PhotoList(QWidget):
    """Photos chosen from disk; stored as attachments when the visit is saved."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.files = QListWidget()
        self.files.setMaximumHeight(70)
        add = QPushButton(self.tr("Add photos…"))
        add.clicked.connect(self._add)
        remove = QPushButton(self.tr("Remove"))
        remove.clicked.connect(self._remove)
        buttons = QVBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.files, 1)
        layout.addLayout(buttons)

    def _add(self) -> None:
        paths = choose_open_files(self, "photo", self.tr("Choose photos"),
                                  self.tr("Images (*.jpg *.jpeg *.png *.bmp)"))
        self.add_files(paths)

    def add_files(self, paths) -> None:
        for path in paths:
            self.files.addItem(str(path))
        if paths:
            self.edited.emit()

    def _remove(self) -> None:
        for item in self.files.selectedItems():
            self.files.takeItem(self.files.row(item))
        self.edited.emit()

    def value(self) -> list[str]:
        return [self.files.item(i).text() for i in range(self.files.count())]

    def set_value(self, paths) -> None:
        self.files.clear()
        self.add_files(list(paths or []))

    def problem(self) -> str | None:
        missing = [p for p in self.value() if not Path(p).is_file()]
        return self.tr("Photo not found: {path}").format(path=missing[0]) if missing else None


class VisitDialog(RecordDialog):
    columns = 2

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("Record a visit"), parent)
        self.setMinimumWidth(760)
        self.person.set_value(person_id)
        (self.content if person_id else self.person.search).setFocus()

    def build(self, grid) -> None:
        self.person = grid.add("person", PersonPicker(), label=self.tr("Person visited"), span=2)
        grid.add("visited_on", DateEdit(), label=self.tr("Date")).set_value(dt.date.today())
        grid.add("visit_type", ChoiceCombo(options.choices("visit_type")), label=self.tr("Type"))
        self.staff = grid.add("staff", StaffPicker([self.ctx.actor.display_name]), label=self.tr("Visited by"), span=2)
        grid.add("mode", ChoiceCombo(list(MODES.items())), label=self.tr("Way")).set_value("home")
        grid.add("money_fen", MoneyEdit(), label=self.tr("Money (yuan)"))
        self.content = grid.add("content", NoteEdit(), label=self.tr("Content"), span=2)
        grid.add("requests", NoteEdit(), label=self.tr("Requests raised"), span=2)
        grid.add("goods", TextEdit(), label=self.tr("Goods"), span=2)
        grid.add("photos", PhotoList(), label=self.tr("Photos"), span=2)

    def submit(self, values: dict, actor):
        home = self.ctx.home
        values = {**values, "photos": [store_attachment(home, Path(p)) for p in values.get("photos") or []]}
        return record_visit(values, actor=actor)


class DueList(QWidget):
    """Who is due or overdue for a visit by their contact tier, soonest first."""

    visit_requested = Signal(str)  # person id
    person_requested = Signal(str)
    refreshed = Signal(int)

    NAME, TIER, LAST, DUE, WHEN = range(5)

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.note = QLabel(self.tr("Persons with a contact tier whose next visit is due within {days} days or overdue. "
                                   "The tier is set on the person's record (联系等级).").format(days=DUE_WITHIN_DAYS))
        self.note.setWordWrap(True)
        self.note.setObjectName("pageSubtitle")
        self.tree = QTreeWidget()
        self.tree.setObjectName("visitsDue")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet(TREE_STYLE)
        self.tree.setHeaderLabels([self.tr("Name"), self.tr("Contact tier"), self.tr("Last visit"), self.tr("Due on"),
                                   self.tr("When")])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(self.WHEN, QHeaderView.Stretch)
        self.tree.itemDoubleClicked.connect(lambda item, _c: self.visit_requested.emit(item.data(0, Qt.UserRole)))
        self.record_button = QPushButton(self.tr("Record the visit…"))
        self.record_button.setObjectName("recordDueVisit")
        self.record_button.clicked.connect(self._record_selected)
        self.person_button = QPushButton(self.tr("Open person record"))
        self.person_button.clicked.connect(self._person_selected)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.person_button)
        buttons.addWidget(self.record_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.due = []
        self.refresh()

    def refresh(self) -> None:
        self.due = due_visits(dt.date.today(), within_days=DUE_WITHIN_DAYS, station_code=station_scope(self.ctx))
        self.tree.clear()
        tiers = options.labels("contact_cadence")
        for due in self.due:
            item = QTreeWidgetItem([due.name, tiers.get(due.tier, due.tier),
                                    due.last_visit.isoformat() if due.last_visit else self.tr("never"),
                                    due.due_on.isoformat(), due.text])
            item.setData(0, Qt.UserRole, due.person_id)
            if due.days_left <= 0:
                brush = QBrush(OVERDUE_COLOUR if due.overdue else DUE_TODAY_COLOUR)
                for column in range(5):
                    item.setForeground(column, brush)
            self.tree.addTopLevelItem(item)
        self.refreshed.emit(len(self.due))

    def select_person(self, person_id: str) -> bool:
        for i in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(i)
            if item.data(0, Qt.UserRole) == person_id:
                self.tree.setCurrentItem(item)
                return True
        return False

    def _selected(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.UserRole) if item else None

    def _record_selected(self) -> None:
        if self._selected():
            self.visit_requested.emit(self._selected())

    def _person_selected(self) -> None:
        if self._selected():
            self.person_requested.emit(self._selected())


class VisitsPage(CaseAreaPage):
    kind = "visit"
    tables = ("visit",)
    export_title = "走访慰问记录"
    can_delete = True

    def area_title(self) -> str:
        return self.tr("Visits")

    def new_button_text(self) -> str:
        return self.tr("Record a visit… (Ctrl+N)")

    def body(self, splitter) -> QWidget:
        self.due = DueList(self.ctx)
        self.due.visit_requested.connect(lambda person_id: self.new_record(person_id))
        self.due.person_requested.connect(self.person_requested)
        self.tabs = QTabWidget()
        self.tabs.addTab(splitter, self.tr("Visit records"))
        self.tabs.addTab(self.due, "")
        self.due.refreshed.connect(self._due_counted)
        self._due_counted(len(self.due.due))
        return self.tabs

    def _due_counted(self, count: int) -> None:
        overdue = sum(1 for d in self.due.due if d.overdue)
        self.tabs.setTabText(1, self.tr("Due and overdue ({count}, {overdue} overdue)").format(count=count,
                                                                                             overdue=overdue))

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("走访日期", "date", "date", 96, order="date"),
                CaseColumn("被走访人", "person_name", width=80, order="person"),
                CaseColumn("走访类型", "category_label", width=80, order="category"),
                CaseColumn("方式", "mode", width=44, order="mode"),
                CaseColumn("走访人", "staff", width=100),
                CaseColumn("走访内容", "summary", width=110, stretch=True),
                CaseColumn("慰问金（元）", lambda r: r["money_fen"] or None, "money", 96, order="money"),
                CaseColumn("慰问物", "goods", width=80)]

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        due = visit_due(detail["person_id"]) if detail.get("person_id") else None
        return [("走访日期", detail["date"]), ("走访人", "、".join(f["staff"])), ("走访类型", detail["category_label"]),
                ("走访方式", detail["mode"]), ("走访内容", f["content"]), ("反馈诉求", f["requests"]),
                ("慰问金", yuan(f["money_fen"]) if f["money_fen"] else ""), ("慰问物", f["goods"]),
                ("照片", f"{len(f['photos'])} 张" if f["photos"] else ""),
                ("下次走访", f"{due.due_on.isoformat()}（{due.text}）" if due else "")]

    def delete(self, record_id: str, reason: str, actor):
        return delete_visit(record_id, reason, actor=actor)

    def new_dialog(self, person_id: str | None = None):
        return VisitDialog(self.ctx, person_id, self)

    def open_record(self, record_id: str) -> None:
        """A visit, or a person whose visit is due (the workbench's visit items name the person)."""
        if Person.live().where(Person.id == record_id).exists():
            self.tabs.setCurrentWidget(self.due)
            self.due.select_person(record_id)
            self.new_record(record_id)
            self.record_opened.emit(record_id)
            return
        self.tabs.setCurrentIndex(0)
        super().open_record(record_id)

    def _changed(self, changes) -> None:
        super()._changed(changes)
        if changes.touches("visit") or changes.touches("person"):
            self.due.refresh()
