"""The detail panel of a casework area: one record's fields, its event trail, and its legal steps.

    detail = CaseDetail(ctx, page)     # page: the CaseAreaPage (describe / step_dialog / delete_record)
    detail.show_record(record_id)      # reads models.cases_query.case_detail
    detail.step_buttons                # {step code: QPushButton} — only the steps the workflow allows now
    detail.add_below_fields(box)       # an area's own widget after the fields, before 已办理步骤 (detail.below_fields)

A step button opens the page's StepDialog for that step; after it saved, the record is read again.
The steps offered are exactly case_detail()["legal_steps"] (Workflow.legal_steps): the screen never
offers a step the domain would refuse for the state.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFormLayout, QFrame, QGridLayout, QHBoxLayout, QHeaderView, QLabel, QPushButton, QScrollArea,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget)

from models.cases_query import case_detail
from models.errors import DomainError
from ui.casework.fields import ToolLink
from ui.registry.field_grid import MessageLine
from ui.row_views import TREE_STYLE

STEPS_PER_ROW = 3


class CaseDetail(QWidget):
    person_requested = Signal(str)
    shown = Signal(object)  # the detail dict on screen (None when empty)
    step_saved = Signal(str)  # step code, after its dialog saved

    def __init__(self, ctx, page, parent=None):
        super().__init__(parent)
        self.ctx, self.page = ctx, page
        self.record_id: str | None = None
        self.detail: dict | None = None
        self.step_buttons: dict[str, QPushButton] = {}
        self.dialog = None

        self.title = QLabel()
        self.title.setObjectName("caseTitle")
        self.title.setWordWrap(True)
        self.title.setStyleSheet("font-size: 16px; font-weight: bold;")
        self.state = QLabel()
        self.state.setObjectName("caseState")
        self.person_link = ToolLink(self.tr("Open person record"))
        self.person_link.clicked.connect(self._open_person)
        self.banner = MessageLine()
        self.form = QFormLayout()
        self.form.setLabelAlignment(Qt.AlignRight)
        self.form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        fields = QWidget()
        fields.setLayout(self.form)

        self.events_title = QLabel(self.tr("Steps taken"))
        self.events_title.setStyleSheet("font-weight: bold;")
        self.events = QTreeWidget()
        self.events.setObjectName("caseEvents")
        self.events.setRootIsDecorated(False)
        self.events.setAlternatingRowColors(True)
        self.events.setStyleSheet(TREE_STYLE)
        self.events.setHeaderLabels([self.tr("Date"), self.tr("Step"), self.tr("Details"), self.tr("By")])
        header = self.events.header()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setStretchLastSection(False)
        self.events.setMinimumHeight(120)
        self.steps_row = QGridLayout()  # STEPS_PER_ROW buttons a row: the panel stays narrow
        self.steps_row.setSpacing(6)
        self.delete_button = QPushButton(self.tr("Delete (entered by mistake)…"))
        self.delete_button.setObjectName("deleteRecord")
        self.delete_button.clicked.connect(self._delete)

        self.empty = QLabel(self.tr("Select a record in the list to see it here."))
        self.empty.setObjectName("emptyNote")
        self.empty.setAlignment(Qt.AlignCenter)
        self.empty.setWordWrap(True)

        body = QWidget()
        box = QVBoxLayout(body)
        heading = QHBoxLayout()
        heading.addWidget(self.title, 1)
        heading.addWidget(self.person_link, 0, Qt.AlignTop)
        box.addLayout(heading)
        box.addWidget(self.state)
        box.addWidget(self.banner)
        box.addWidget(fields)
        self.below_fields = QVBoxLayout()  # the area's own widgets (add_below_fields); empty, it takes no room
        self.below_fields.setObjectName("belowFields")
        self.below_fields.setContentsMargins(0, 0, 0, 0)
        box.addLayout(self.below_fields)
        box.addWidget(self.events_title)
        box.addWidget(self.events, 1)
        box.addStretch(0)  # takes the room the event trail would have taken when there is none
        self.box = box
        self.body = body
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setObjectName("caseDetailPanel")
        body.setObjectName("caseDetailBody")
        scroll.setStyleSheet("QScrollArea#caseDetailPanel { background: #ffffff; border: 1px solid #e1e5ec;"
                             " border-radius: 8px; } QWidget#caseDetailBody { background: #ffffff; }")
        box.setContentsMargins(14, 12, 14, 12)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 0, 0, 0)
        layout.addWidget(self.empty)
        layout.addWidget(scroll, 1)
        # The steps stay below the scrolled record, so they are reachable without scrolling.
        self.actions = QWidget()
        self.actions.setObjectName("caseActions")
        actions = QVBoxLayout(self.actions)
        actions.setContentsMargins(0, 8, 0, 0)
        actions.addLayout(self.steps_row)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.delete_button)
        actions.addLayout(bottom)
        layout.addWidget(self.actions)
        self.scroll = scroll
        self.setMinimumWidth(400)
        self.show_record(None)

    def add_below_fields(self, widget: QWidget) -> QWidget:
        """Put an area's own `widget` after the record's fields (before 已办理步骤)."""
        self.below_fields.addWidget(widget)
        return widget

    # -- showing ------------------------------------------------------------------------------------
    def show_record(self, record_id: str | None) -> None:
        self.record_id = record_id
        self.detail = None
        self.banner.show_problem(None)
        if record_id:
            try:
                self.detail = case_detail(record_id)
            except DomainError as exc:  # deleted meanwhile (e.g. by an incoming bundle)
                self.banner.show_problem(exc.message)
        self.empty.setVisible(self.detail is None and not record_id)
        self.scroll.setVisible(self.detail is not None or bool(record_id))
        self.actions.setVisible(self.detail is not None)
        self._fill(self.detail)
        self.shown.emit(self.detail)

    def reload(self) -> None:
        self.show_record(self.record_id)

    def _fill(self, detail: dict | None) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.events.clear()
        for button in self.step_buttons.values():
            self.steps_row.removeWidget(button)
            button.deleteLater()
        self.step_buttons = {}
        if detail is None:
            self.title.setText("")
            self.state.setText("")
            self.person_link.hide()
            for widget in (self.events_title, self.events, self.delete_button):
                widget.hide()
            return
        self.title.setText(self.page.heading(detail))
        state = detail.get("status_label") or ""
        self.state.setText(self.tr("State: {state}").format(state=state) if state else "")
        self.state.setVisible(bool(state))
        self.person_link.setVisible(bool(detail.get("person_id")))
        for label, text in self.page.describe(detail):
            value = QLabel(text if text not in (None, "") else "—")
            value.setWordWrap(True)
            value.setTextInteractionFlags(Qt.TextSelectableByMouse)
            self.form.addRow(label + "：", value)
        has_events = "events" in detail
        self.events_title.setVisible(has_events)
        self.events.setVisible(has_events)
        self.box.setStretch(self.box.count() - 1, 0 if has_events else 1)
        for event in reversed(detail.get("events", [])):  # newest first
            item = QTreeWidgetItem([event["on"], event["step_label"], self.page.event_text(event), event.get("by") or ""])
            item.setToolTip(2, item.text(2))
            self.events.addTopLevelItem(item)
        for step in detail.get("legal_steps", []):
            button = QPushButton(step["label"])
            button.setObjectName(f"step_{step['code']}")
            button.clicked.connect(lambda _c=False, code=step["code"], label=step["label"]: self.start_step(code, label))
            position = len(self.step_buttons)
            self.step_buttons[step["code"]] = button
            self.steps_row.addWidget(button, position // STEPS_PER_ROW, position % STEPS_PER_ROW)
        self.delete_button.setVisible(self.page.can_delete)

    # -- acting -------------------------------------------------------------------------------------
    def start_step(self, code: str, label: str):
        """Open the page's dialog for this step (returned, and kept as self.dialog, for tests)."""
        if self.detail is None:
            return None
        dialog = self.page.step_dialog(self.detail, code, label)
        if dialog is None:
            return None
        dialog.saved.connect(lambda _id, c=code: self._step_done(c))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _step_done(self, code: str) -> None:
        self.reload()
        self.step_saved.emit(code)

    def _delete(self):
        if self.detail is None:
            return None
        dialog = self.page.delete_dialog(self.detail)
        dialog.saved.connect(lambda _id: self.show_record(None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def _open_person(self) -> None:
        if self.detail and self.detail.get("person_id"):
            self.person_requested.emit(self.detail["person_id"])
