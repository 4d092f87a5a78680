"""CaseAreaPage: what a casework area of the main window is made of — subclass it per area.

    class EmploymentPage(CaseAreaPage):
        kind = "employment"                                  # models.cases_query kind
        tables = ("employment_record",)                      # refresh when an operation touches these
        export_title = "就业创业记录"
        def area_title(self): return self.tr("Employment")
        def columns(self): return [CaseColumn("日期", "date", "date", 100), …]
        def describe(self, detail): return [("单位", detail["fields"]["organisation"]), …]
        def new_dialog(self, person_id=None): return EmploymentDialog(self.ctx, person_id, self)
        def delete(self, record_id, reason, actor): return delete_employment(record_id, reason, actor=actor)
        def perform_step(self, detail, code, values, actor): …        # workflow kinds only (worker thread)

    page.open_record(record_id)     # select it in the list (if loaded) and show it in the detail panel
    page.new_record(person_id=None) # the 新建 dialog, optionally for a person
    page.person_requested           # Signal(person id): the main window opens the registry

Layout: title and the 新建 button; the CaseBrowser (filters, 共 N 条, export, table) on the left and
the CaseDetail on the right, shown only while a record is open (else the list has the width). `body(splitter)` may wrap the two (the visits page adds a due list).

An area's own widgets go into named places (layouts kept as attributes, empty unless an area fills them):

    self.add_to_heading(button)           # page.heading_extra: the title row, just before 新建 (不予发放情形…)
    self.add_below_heading(row)           # page.below_heading: a line under the title row (deadline legend, 化解在当地率)
    self.detail.add_below_fields(box)     # detail.below_fields: after the record's fields, before 已办理步骤
    facts_text(["核定金额 1,500.00 元", None, "资金来源：社会捐助"])   # '核定金额 1,500.00 元；资金来源：社会捐助'
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QSplitter, QVBoxLayout, QWidget

from ui.casework.case_list import CaseBrowser, CaseColumn
from ui.casework.detail import CaseDetail
from ui.casework.forms import ReasonDialog, StepDialog, StepField
from ui.shortcuts import press


def facts_text(parts) -> str:
    """The 说明 of an event: its note and facts, empty parts left out."""
    return "；".join(p for p in parts if p)


class CaseAreaPage(QWidget):
    person_requested = Signal(str)
    record_opened = Signal(str)  # after open_record showed it

    kind = ""
    tables: tuple[str, ...] = ()
    export_title = ""
    can_delete = False

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.kind}Page")
        title = QLabel(self.area_title())
        title.setObjectName("pageTitle")
        self.new_button = QPushButton(self.new_button_text())
        self.new_button.setObjectName("newRecord")
        self.new_button.clicked.connect(lambda: self.new_record())
        press(self.new_button, "new", owner=self)
        self.heading_extra = QHBoxLayout()
        self.heading_extra.setObjectName("headingExtra")
        self.heading_extra.setContentsMargins(0, 0, 0, 0)
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addLayout(self.heading_extra)
        heading.addWidget(self.new_button)
        self.below_heading = QVBoxLayout()
        self.below_heading.setObjectName("belowHeading")
        self.below_heading.setContentsMargins(0, 0, 0, 0)

        self.browser = CaseBrowser(ctx, self.kind, self.columns(), export_title=self.export_title,
                                   row_colour=self.row_colour)
        self.detail = CaseDetail(ctx, self)
        self.browser.record_selected.connect(self.detail.show_record)
        self.detail.shown.connect(self._detail_shown)
        self.detail.person_requested.connect(self.person_requested)
        self.splitter = QSplitter(Qt.Horizontal)
        self.splitter.addWidget(self.browser)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.setSizes([700, 440])
        self.detail.hide()  # nothing selected yet: the list takes the whole width
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addLayout(self.below_heading)  # empty, it takes no room and no spacing
        layout.addWidget(self.body(self.splitter), 1)
        self.dialog = None
        ctx.changed.connect(self._changed)

    # -- where an area's own widgets go --------------------------------------------------------------
    def add_to_heading(self, widget: QWidget) -> QWidget:
        """Put `widget` in the title row, just before the 新建 button."""
        self.heading_extra.addWidget(widget)
        return widget

    def add_below_heading(self, widget: QWidget) -> QWidget:
        """Put `widget` on a line of its own under the title row (what would not fit beside the title)."""
        self.below_heading.addWidget(widget)
        return widget

    # -- what an area says -------------------------------------------------------------------------
    def area_title(self) -> str:
        raise NotImplementedError

    def new_button_text(self) -> str:
        return self.tr("New record… (Ctrl+N)")

    def columns(self) -> list[CaseColumn]:
        raise NotImplementedError

    def row_colour(self, row: dict):
        """A QColor for a row's text (e.g. a deadline colour), or None."""
        return None

    def heading(self, detail: dict) -> str:
        who = detail.get("person_name") or ""
        return f"{detail['kind_label']} · {who}" if who else detail["kind_label"]

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        """(label, text) lines of the detail panel."""
        return []

    def event_text(self, event: dict) -> str:
        """What the event trail shows in its 说明 column."""
        return event.get("note") or ""

    def body(self, splitter: QSplitter) -> QWidget:
        return splitter

    def new_dialog(self, person_id: str | None = None):
        """The RecordDialog for a new record (None: this area has no 新建)."""
        return None

    def step_fields(self, detail: dict, code: str) -> list[StepField]:
        """Extra fields of a step's dialog (date and note are always there)."""
        return []

    def note_label(self, detail: dict, code: str) -> str | None:
        return None

    def perform_step(self, detail: dict, code: str, values: dict, actor):
        """Take the step (worker thread): values has "on", "note" and the step_fields' names."""
        raise NotImplementedError

    def delete(self, record_id: str, reason: str, actor):
        """Tombstone a record entered by mistake (worker thread); set can_delete = True to offer it."""
        raise NotImplementedError

    # -- dialogs ------------------------------------------------------------------------------------
    def step_dialog(self, detail: dict, code: str, label: str) -> StepDialog:
        return StepDialog(self.ctx, label, lambda values, actor: self.perform_step(detail, code, values, actor),
                          extra=self.step_fields(detail, code), note_label=self.note_label(detail, code), parent=self)

    def delete_dialog(self, detail: dict) -> ReasonDialog:
        record_id = detail["id"]
        return ReasonDialog(self.ctx, self.tr("Delete record"), lambda reason, actor: self.delete(record_id, reason, actor),
                            label=self.tr("Why is it deleted?"), parent=self)

    def new_record(self, person_id: str | None = None):
        dialog = self.new_dialog(person_id)
        if dialog is None:
            return None
        dialog.saved.connect(lambda record_id: record_id and self.open_record(record_id))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _detail_shown(self, detail) -> None:
        """The detail panel takes room only while it shows a record; otherwise the list has the width."""
        self.detail.setVisible(detail is not None or bool(self.detail.record_id))

    # -- navigation ---------------------------------------------------------------------------------
    def open_record(self, record_id: str) -> None:
        if not self.browser.select_record(record_id):
            self.browser.table.clearSelection()
        if self.detail.record_id != record_id or self.detail.detail is None:
            self.detail.show_record(record_id)
        self.record_opened.emit(record_id)

    def _changed(self, changes) -> None:
        if any(changes.touches(t) for t in (*self.tables, "person")):
            current = self.detail.record_id
            self.browser.refresh()
            if current:
                self.browser.select_record(current)
                self.detail.show_record(current)
