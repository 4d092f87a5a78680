"""工作台: the first page — real figures of this installation, what is due or overdue in casework, and
the people changed most recently.

    page = Workbench(ctx); page.person_requested.connect(main_window.open_person)
    page.record_requested.connect(main_window.open_record)   # (area key, record id) of a work item
    workbench_figures(ctx.home, ctx.installation)   # the same numbers without a widget

Every number comes from a query of the live database, read on the worker thread (ui.tasks) so a
big registry never delays the window; `refreshed` is emitted once they are on screen. The work items
are models.workbench.workbench(): follow-ups, visits due, dispute deadlines, aid cases waiting for a
step, cards to hand out — due within a few days or overdue (red); clicking one opens it in its area.
The exchange figure is sync.status.exchange_status(): at a station, the changes the bureau has not
yet confirmed and the date it confirmed up to; at the bureau, conflicts and duplicate persons
waiting for a person to resolve them. Refreshes when ctx announces a change (every write also
changes the count of unconfirmed changes, so any change counts).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget,
                               QTreeWidgetItem, QVBoxLayout, QWidget)
from shiboken6 import isValid

from models.backup_schedule import BackupEntry, latest_backup
from models.fields import local_display
from models.person import FIELD_LABELS, Person
from models.registry_search import PersonQuery, count_people, search_people
from models.vocab import label
from models.workbench import WorkItem, workbench
from sync.status import exchange_status
from ui.tasks import run_task

RECENT = 10
PERSON_CHARS = 5  # the 服务对象 column of 到期与逾期 is at most this many characters wide
WORK_SHOWN = 500  # a county's bureau may have thousands of items; the first (soonest) ones are listed
# work item kind -> the main window's area that opens its record
WORK_AREAS = {"follow_up": "services", "visit": "visits", "dispute": "disputes", "aid": "aid", "card": "cards",
              "progress": "tasks"}
OVERDUE_COLOUR = QColor("#b3261e")
DUE_TODAY_COLOUR = QColor("#8a5a00")


def label_key_focus() -> str:
    return FIELD_LABELS["key_focus"]  # 重点关注: the domain's own label for the ★


@dataclass(frozen=True)
class WorkbenchFigures:
    active: int
    key_focus: int
    registered_this_month: int
    exchange: dict  # sync.status.exchange_status()
    last_backup: BackupEntry | None  # dated by its file name; None when there is none
    recent: list[dict]
    work: list[WorkItem]


def month_start_utc(today: dt.date | None = None) -> str:
    """The first moment of this local month as a stored UTC timestamp, for comparing created_at."""
    today = today or dt.date.today()
    local = dt.datetime(today.year, today.month, 1).astimezone()
    return local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def workbench_figures(home, installation) -> WorkbenchFigures:
    return WorkbenchFigures(
        active=count_people(PersonQuery(status="active")),
        key_focus=count_people(PersonQuery(status="active", key_focus=True)),
        registered_this_month=Person.live().where(Person.created_at >= month_start_utc()).count(),
        exchange=exchange_status(home),
        last_backup=latest_backup(home),
        recent=search_people(PersonQuery(), limit=RECENT, order="updated_at", descending=True),
        work=workbench(dt.date.today(), station_code=None if installation.is_bureau else installation.station_code),
    )


def short_time(shown: str) -> str:
    """'2026-12-04 15:19' → '12-04 15:19' (and '2026-12-04' → '12-04') this year: the columns fit at 1024 px."""
    this_year = f"{dt.date.today().year}-"
    return shown[len(this_year):] if shown.startswith(this_year) else shown


class _Figure(QFrame):
    def __init__(self, caption: str, note: str = "", *, small: bool = False, parent=None):
        super().__init__(parent)
        self.setObjectName("figureCard")
        self.value = QLabel("—")
        self.value.setObjectName("figureValue")
        self.value.setProperty("small", small)  # a date, not a count: set before the style is applied
        self.caption = QLabel(caption)
        self.caption.setObjectName("figureCaption")
        self.note = QLabel(note)
        self.note.setObjectName("figureNote")
        self.note.setWordWrap(True)
        self.note.setVisible(bool(note))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(4)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        layout.addStretch(1)


class Workbench(QWidget):
    person_requested = Signal(str)  # a person id: open it in the registry
    record_requested = Signal(str, str)  # area key, record id: open it in its casework page
    area_requested = Signal(str)  # an area to open (导出数据包 → the exchange page)
    refreshed = Signal()  # the figures on screen are now those of the database

    _reading = False
    _read_again = False

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("workbench")
        title = QLabel(self.tr("Workbench"))
        title.setObjectName("pageTitle")
        self.today = QLabel()
        self.today.setObjectName("pageSubtitle")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.today, 0, Qt.AlignBottom)

        self.active = _Figure(self.tr("Persons registered (active)"))
        self.key_focus = _Figure(self.tr("Under key focus"))
        self.this_month = _Figure(self.tr("Registered this month"))
        self.unsent = _Figure(self.tr("Conflicts and duplicates to resolve") if ctx.installation.is_bureau
                              else self.tr("Changes for the bureau"), " ")
        self.backup = _Figure(self.tr("Last backup"), " ", small=True)
        self.export_link = QPushButton(self.tr("Export a bundle…"))
        self.export_link.setObjectName("exportBundleLink")
        self.export_link.setFlat(True)
        self.export_link.setCursor(Qt.PointingHandCursor)
        self.export_link.setStyleSheet("QPushButton { color: #1f5fa8; text-decoration: underline; border: none;"
                                       " padding: 0; text-align: left; min-width: 0; }")
        self.export_link.clicked.connect(lambda: self.area_requested.emit("exchange"))
        self.export_link.hide()
        self.unsent.layout().insertWidget(self.unsent.layout().count() - 1, self.export_link)
        figures = QGridLayout()
        figures.setSpacing(14)
        for column, card in enumerate((self.active, self.key_focus, self.this_month, self.unsent, self.backup)):
            figures.addWidget(card, 0, column)
            figures.setColumnStretch(column, 1)

        self.recent = QTreeWidget()
        self.recent.setObjectName("recentPeople")
        self.recent.setRootIsDecorated(False)
        self.recent.setAlternatingRowColors(True)
        self.recent.setHeaderLabels([self.tr("Name"), self.tr("Village"), self.tr("Identities"),
                                     self.tr("Status"), self.tr("Changed")])
        header = self.recent.header()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.Stretch)  # 嘎查村 and 人员类别 share what is left, so at
        header.setSectionResizeMode(2, QHeaderView.Stretch)  # 1024 px neither is cut to "…" alone (tooltips: whole)
        header.setStretchLastSection(False)
        header.setMinimumSectionSize(40)
        self.recent.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)  # every column in view, even at 1024 px
        self.recent.itemActivated.connect(self._activated)
        self.recent.itemClicked.connect(self._activated)
        self.recent_empty = QLabel(self.tr("No persons registered yet. Add the first one under “Registry”."))
        self.recent_empty.setObjectName("emptyNote")
        self.recent_empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.recent_empty.hide()  # until the figures are read
        recent_box = self._panel(self.tr("Recently changed persons"), self.recent, self.recent_empty)

        self.work = QTreeWidget()
        self.work.setObjectName("workItems")
        self.work.setRootIsDecorated(False)
        self.work.setTextElideMode(Qt.ElideMiddle)  # a long 事项 keeps its （已逾期 N 天） in view
        self.work.setAlternatingRowColors(True)
        self.work.setStyleSheet("QTreeWidget { border: none; alternate-background-color: #f8fafc; }"
                                "QTreeWidget::item { padding: 5px 2px; }")
        self.work.setHeaderLabels([self.tr("Due on"), self.tr("Kind"), self.tr("Person"), self.tr("What")])
        work_header = self.work.header()
        work_header.setSectionResizeMode(QHeaderView.ResizeToContents)
        work_header.setSectionResizeMode(2, QHeaderView.Interactive)  # sized in _fill_work, at most PERSON_CHARS
        work_header.setSectionResizeMode(3, QHeaderView.Stretch)
        work_header.setStretchLastSection(False)
        work_header.setMinimumSectionSize(40)
        # 事项 takes what is left and is cut with "…" (its tooltip holds the whole text), never pushed off screen.
        self.work.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.work.itemActivated.connect(self._work_activated)
        self.work.itemClicked.connect(self._work_activated)
        self.work_empty = QLabel(self.tr("Nothing is due or overdue."))
        self.work_empty.setObjectName("emptyNote")
        self.work_empty.setAlignment(Qt.AlignTop | Qt.AlignLeft)
        self.work_empty.hide()
        self.work_count = QLabel()
        self.work_count.setObjectName("figureNote")
        reminders = self._panel(self.tr("Due and overdue"), self.work_count, self.work, self.work_empty)

        columns = QHBoxLayout()
        columns.setSpacing(14)
        columns.addWidget(recent_box, 1)
        columns.addWidget(reminders, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(16)
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addLayout(heading)
        layout.addWidget(self.problem)
        layout.addLayout(figures)
        layout.addLayout(columns, 1)
        ctx.changed.connect(self.on_changed)
        self.refresh()

    def _panel(self, title: str, *widgets: QWidget) -> QFrame:
        panel = QFrame()
        panel.setObjectName("panel")
        heading = QLabel(title)
        heading.setObjectName("panelTitle")
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(10)
        layout.addWidget(heading)
        for widget in widgets:
            layout.addWidget(widget, 1 if isinstance(widget, QTreeWidget) else 0)
        if not any(isinstance(w, QTreeWidget) for w in widgets):
            layout.addStretch(1)
        return panel

    def on_changed(self, changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the figures on the worker thread (≈0.6 s at 100 000 persons); the window stays usable."""
        today = dt.date.today()
        self.today.setText(self.tr("Today is {date}").format(date=f"{today.year}-{today.month:02d}-{today.day:02d}"))
        if self._reading:
            self._read_again = True
            return
        self._reading, self._read_again = True, False
        home, installation = self.ctx.home, self.ctx.installation

        run_task(self, lambda: workbench_figures(home, installation), on_done=self._read, on_error=self._read_failed)

    def _read(self, figures: WorkbenchFigures) -> None:
        if not isValid(self):
            return
        self._reading = False
        if self._read_again:
            self.refresh()
            return
        self.problem.hide()
        self._show(figures)
        self.refreshed.emit()

    def _read_failed(self, message: str) -> None:
        if not isValid(self):
            return
        self._reading = False
        self.problem.setText(message)
        self.problem.show()
        self.refreshed.emit()

    def _show(self, figures: WorkbenchFigures) -> None:
        self.active.value.setText(str(figures.active))
        self.key_focus.value.setText(str(figures.key_focus))
        self.this_month.value.setText(str(figures.registered_this_month))
        self._show_exchange(figures.exchange)
        if figures.last_backup is None:
            self.backup.value.setText(self.tr("None yet"))
            self.backup.note.setText(self.tr("The program backs up every day after log-in."))
        else:
            self.backup.value.setText(figures.last_backup.taken_at.strftime("%Y-%m-%d %H:%M"))
            self.backup.note.setText(figures.last_backup.reason_label)
        self._fill_recent(figures.recent)
        self._fill_work(figures.work)

    def _show_exchange(self, exchange: dict) -> None:
        waiting = exchange["conflicts"] + exchange["duplicates"]
        if self.ctx.installation.is_bureau:
            self.unsent.value.setText(str(waiting))
            note = self.tr("Resolve them under “Data exchange”.") if waiting else self.tr("Nothing waits.")
        else:
            unconfirmed = exchange["unconfirmed"]
            self.unsent.value.setText(str(unconfirmed))
            if unconfirmed:
                note = self.tr("{count} changes have not reached the bureau yet:").format(count=unconfirmed)
            else:
                note = self.tr("The bureau has every change.")
            if exchange.get("confirmed_at"):
                note += "\n" + self.tr("The bureau confirmed up to {date}.").format(
                    date=local_display(exchange["confirmed_at"]))
            self.export_link.setVisible(bool(unconfirmed))
            if waiting:
                note += self.tr("; {count} conflicts to resolve").format(count=waiting)
        self.unsent.note.setText(note)

    def _fill_recent(self, rows: list[dict]) -> None:
        self.recent.clear()
        for row in rows:
            item = QTreeWidgetItem([
                row["name"] + ("  ★" if row["key_focus"] else ""),
                row["village_name"] or "",
                "、".join(label("identity", code) for code in row["identities"]),
                label("person_status", row["status"]),
                short_time(local_display(row["updated_at"])),
            ])
            item.setToolTip(1, item.text(1))
            item.setToolTip(2, item.text(2))
            item.setToolTip(4, local_display(row["updated_at"]))
            item.setData(0, Qt.UserRole, row["id"])
            if row["key_focus"]:
                item.setToolTip(0, label_key_focus())
            self.recent.addTopLevelItem(item)
        self.recent.setVisible(bool(rows))
        self.recent_empty.setVisible(not rows)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.person_requested.emit(item.data(0, Qt.UserRole))

    def _fill_work(self, items: list[WorkItem]) -> None:
        self.work.clear()
        overdue = sum(1 for i in items if i.overdue)
        today = dt.date.today()
        for work in items[:WORK_SHOWN]:
            item = QTreeWidgetItem([short_time(work.due_on.isoformat()), work.kind_label, work.person_name, work.label])
            item.setToolTip(0, work.due_on.isoformat())
            item.setData(0, Qt.UserRole, (WORK_AREAS[work.kind], work.record_id))
            item.setToolTip(2, work.person_name)
            item.setToolTip(3, work.label)
            if work.overdue or work.due_on == today:
                brush = QBrush(OVERDUE_COLOUR if work.overdue else DUE_TODAY_COLOUR)
                for column in range(4):
                    item.setForeground(column, brush)
            self.work.addTopLevelItem(item)
        # A long 服务对象 (a 月调度 item names its station) is cut, not allowed to push 事项 out of view.
        widest = self.work.fontMetrics().horizontalAdvance("字" * PERSON_CHARS) + 16
        self.work.header().resizeSection(2, min(self.work.sizeHintForColumn(2), widest))
        shown = self.tr("{count} items, {overdue} overdue").format(count=len(items), overdue=overdue)
        if len(items) > WORK_SHOWN:
            shown += self.tr(" (the first {shown} are listed)").format(shown=WORK_SHOWN)
        self.work_count.setText(shown)
        self.work_count.setVisible(bool(items))
        self.work.setVisible(bool(items))
        self.work_empty.setVisible(not items)

    def _work_activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        area, record_id = item.data(0, Qt.UserRole)
        self.record_requested.emit(area, record_id)
