"""The conflict queue: the same field changed at two places at once; a named user decides which value stays.

    queue = ConflictQueue(ctx); queue.person_requested.connect(main_window.open_person)
    queue.keep_side(0) / queue.keep_typed("13900000000") / queue.decide_deletion(keep_deleted=True)

The list shows every open conflict (record, field, when found); the panel beside it shows both
values with who changed them, where and when. Choosing one — or typing another — writes a change
through models.conflicts (it travels like any other change and closes the conflict everywhere).
`resolved` is emitted after the write was announced.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QLineEdit, QPushButton, QSplitter, QTableWidget,
                               QTableWidgetItem, QVBoxLayout, QWidget)

from models.conflicts import DELETE_VS_EDIT, Conflict, open_conflicts, resolve_conflict, resolve_deletion
from models.errors import ValidationError
from sync.status import describe_conflict, value_from_text
from ui.messages import show_error
from ui.row_views import pick_rows
from ui.sync.jobs import run_engine


class ConflictQueue(QWidget):
    person_requested = Signal(str)
    resolved = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.items: list[dict] = []
        self.current: dict | None = None
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("conflictList")
        self.table.setHorizontalHeaderLabels([self.tr("Record"), self.tr("Field"), self.tr("Found")])
        pick_rows(self.table, stretch=0)
        self.table.itemSelectionChanged.connect(self._selected)
        self.empty = QLabel(self.tr("No conflicts to resolve."))
        self.empty.setObjectName("emptyNote")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table, 1)
        left_layout.addWidget(self.empty)

        self.panel = QFrame()
        self.panel.setObjectName("panel")
        self.panel_layout = QVBoxLayout(self.panel)
        self.panel_layout.setContentsMargins(18, 14, 18, 14)
        self.panel_layout.setSpacing(10)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.panel)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([380, 700])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    # --- list ---------------------------------------------------------------------------------
    def refresh(self) -> None:
        self.items = [describe_conflict(c) for c in open_conflicts()]
        self.table.setRowCount(len(self.items))
        for row, item in enumerate(self.items):
            for col, text in enumerate((item["record"], item["field"], item["detected_at"])):
                self.table.setItem(row, col, QTableWidgetItem(text))
        self.empty.setVisible(not self.items)
        self.table.setVisible(bool(self.items))
        if self.items:
            self.table.selectRow(0)
        self._show(self.items[0] if self.items else None)

    def count(self) -> int:
        return len(self.items)

    def _selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        self._show(self.items[rows[0].row()] if rows else None)

    # --- detail panel -------------------------------------------------------------------------
    def _clear_panel(self) -> None:
        while self.panel_layout.count():
            child = self.panel_layout.takeAt(0)
            if child.widget():
                child.widget().deleteLater()
            elif child.layout():
                _drop_layout(child.layout())

    def _show(self, item: dict | None) -> None:
        self._clear_panel()
        self.current = item
        self.typed = None
        if item is None:
            note = QLabel(self.tr("When the same field of a record was changed at two places before they "
                                  "exchanged bundles, both values wait here until someone decides."))
            note.setWordWrap(True)
            note.setObjectName("emptyNote")
            self.panel_layout.addWidget(note)
            self.panel_layout.addStretch(1)
            return
        title = QLabel(f"{item['record']} · {item['field']}")
        title.setObjectName("panelTitle")
        head = QHBoxLayout()
        head.addWidget(title, 1)
        if item["person_id"]:
            open_button = QPushButton(self.tr("Open the person"))
            open_button.clicked.connect(lambda: self.person_requested.emit(item["person_id"]))
            head.addWidget(open_button)
        self.panel_layout.addLayout(head)
        if item["kind"] == DELETE_VS_EDIT:
            text = self.tr("The record was deleted at one place while it was edited at another. It stays "
                           "deleted until you decide.")
        else:
            text = self.tr("Both values below were entered independently. Meanwhile the record shows "
                           "“{value}”. Choose the right one, or type the correct value.").format(
                value=item["provisional"])
        explain = QLabel(text)
        explain.setWordWrap(True)
        self.panel_layout.addWidget(explain)
        for index, side in enumerate(item["sides"]):
            self.panel_layout.addWidget(self._side_card(item, index, side))
        if item["kind"] == DELETE_VS_EDIT:
            row = QHBoxLayout()
            keep = QPushButton(self.tr("Keep it deleted"))
            keep.clicked.connect(lambda: self.decide_deletion(keep_deleted=True))
            restore = QPushButton(self.tr("Restore the record with the edit"))
            restore.setObjectName("primaryButton")
            restore.clicked.connect(lambda: self.decide_deletion(keep_deleted=False))
            row.addStretch(1)
            row.addWidget(keep)
            row.addWidget(restore)
            self.panel_layout.addLayout(row)
        else:
            self.typed = QLineEdit()
            self.typed.setObjectName("typedValue")
            self.typed.setPlaceholderText(self.tr("or type the correct value"))
            use = QPushButton(self.tr("Keep the typed value"))
            use.clicked.connect(lambda: self.keep_typed(self.typed.text()))
            self.typed.returnPressed.connect(use.click)
            row = QHBoxLayout()
            row.addWidget(self.typed, 1)
            row.addWidget(use)
            self.panel_layout.addLayout(row)
        who = QLabel(self.tr("Your decision is recorded as {name} and sent with the next bundle.").format(
            name=self.ctx.actor.display_name))
        who.setObjectName("hint")
        who.setWordWrap(True)
        self.panel_layout.addWidget(who)
        self.panel_layout.addStretch(1)

    def _side_card(self, item: dict, index: int, side: dict) -> QFrame:
        card = QFrame()
        card.setObjectName("figureCard")
        value = QLabel(side["text"] if item["kind"] != DELETE_VS_EDIT else side["text"])
        value.setObjectName("figureValue")
        value.setProperty("small", True)
        value.setWordWrap(True)
        value.setTextInteractionFlags(Qt.TextSelectableByMouse)
        origin = QLabel(self.tr("by {who} at {where}, {when}").format(who=side["who"], where=side["where"],
                                                                    when=side["when"]))
        origin.setObjectName("figureCaption")
        box = QHBoxLayout(card)
        box.setContentsMargins(14, 10, 14, 10)
        text = QVBoxLayout()
        text.addWidget(value)
        text.addWidget(origin)
        box.addLayout(text, 1)
        if item["kind"] != DELETE_VS_EDIT:
            choose = QPushButton(self.tr("Keep this value"))
            choose.setObjectName(f"keepSide{index}")
            choose.clicked.connect(lambda: self.keep_side(index))
            box.addWidget(choose, 0, Qt.AlignVCenter)
        return card

    # --- decisions ----------------------------------------------------------------------------
    def keep_side(self, index: int) -> None:
        item = self.current
        value = item["sides"][index]["value"]
        self._write(lambda: resolve_conflict(item["id"], value, actor=self.ctx.actor))

    def keep_typed(self, text: str) -> None:
        item = self.current
        conflict = Conflict.get_by_id(item["id"])
        try:
            value = value_from_text(conflict, text)
        except ValidationError as exc:
            show_error(self, "；".join(exc.fields.values()) or exc.message)
            return
        self._write(lambda: resolve_conflict(item["id"], value, actor=self.ctx.actor))

    def decide_deletion(self, *, keep_deleted: bool) -> None:
        item = self.current
        self._write(lambda: resolve_deletion(item["id"], keep_deleted=keep_deleted, actor=self.ctx.actor))

    def _write(self, fn) -> None:
        def done(changes):
            self.ctx.announce(changes)
            self.refresh()
            self.resolved.emit()

        def failed(error):
            show_error(self, error)
            self.refresh()

        run_engine(self, lambda _progress: fn(), on_done=done, on_error=failed, label=self.tr("Saving the decision…"))


def _drop_layout(layout) -> None:
    while layout.count():
        child = layout.takeAt(0)
        if child.widget():
            child.widget().deleteLater()
        elif child.layout():
            _drop_layout(child.layout())
