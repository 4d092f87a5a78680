"""服务历程: everything that happened to a person in casework (models.timeline), newest first.

    tab = TimelineTab(ctx); tab.show_person(person_id)
    tab.record_requested.connect(main_window.open_record)   # (area key, record id) on double-click / Enter

Double-click (or Enter) opens the item's record in its area page; the buttons start a new service
record, visit or employment record for this person. Without a main window around it (a test, a
dialog) the tab only emits record_requested / new_requested.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QPushButton, QTreeWidget, QTreeWidgetItem,
                               QVBoxLayout, QWidget)

from models.timeline import person_timeline
from ui.row_views import TREE_STYLE

# timeline kind -> the main window's area that opens its record
KIND_AREAS = {"service": "services", "visit": "visits", "card": "cards", "aid": "aid", "dispute": "disputes",
              "employment": "employment"}
CASE_TABLES = ("service_record", "service_event", "visit", "preferential_card", "card_event", "aid_case", "aid_event",
               "dispute_case", "dispute_event", "dispute_party", "employment_record")


class TimelineTab(QWidget):
    title = "服务历程"
    record_requested = Signal(str, str)  # area key, record id
    new_requested = Signal(str, str)  # area key, person id

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.person_id: str | None = None
        self.tree = QTreeWidget()
        self.tree.setObjectName("personTimeline")
        self.tree.setRootIsDecorated(False)
        self.tree.setAlternatingRowColors(True)
        self.tree.setStyleSheet(TREE_STYLE)
        self.tree.setHeaderLabels([self.tr("Date"), self.tr("Area"), self.tr("What happened")])
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.Stretch)
        header.setStretchLastSection(False)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        self.empty = QLabel(self.tr("Nothing recorded for this person yet."))
        self.empty.setObjectName("emptyNote")
        self.hint = QLabel(self.tr("Double-click an item to open it."))
        self.hint.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.hint)
        buttons.addStretch(1)
        self.new_buttons = {}
        for area, text in (("services", self.tr("New service record…")), ("visits", self.tr("Record a visit…")),
                           ("employment", self.tr("New employment record…"))):
            button = QPushButton(text)
            button.clicked.connect(lambda _c=False, a=area: self._new(a))
            self.new_buttons[area] = button
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.empty)
        layout.addWidget(self.tree, 1)
        ctx.changed.connect(self._changed)

    def show_person(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.tree.clear()
        items = person_timeline(person_id) if person_id else []
        for entry in items:
            item = QTreeWidgetItem([entry.on.isoformat(), entry.kind_label, entry.label])
            item.setData(0, Qt.UserRole, (KIND_AREAS[entry.kind], entry.record_id))
            item.setToolTip(2, entry.label)
            self.tree.addTopLevelItem(item)
        self.empty.setVisible(not items)

    def _changed(self, changes) -> None:
        if self.person_id and any(changes.touches(t) for t in CASE_TABLES):
            self.show_person(self.person_id)

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        area, record_id = item.data(0, Qt.UserRole)
        self.record_requested.emit(area, record_id)
        window = self.window()
        if hasattr(window, "open_record"):
            window.open_record(area, record_id)

    def _new(self, area: str) -> None:
        if not self.person_id:
            return
        self.new_requested.emit(area, self.person_id)
        window = self.window()
        if hasattr(window, "select_area"):
            page = window.select_area(area)
            if hasattr(page, "new_record"):
                page.new_record(self.person_id)
