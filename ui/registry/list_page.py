"""The registry list: search and filters above a paged, sortable table of people.

Double-click or Enter on a row asks to open that person (open_requested); 新建档案 asks for a new one.
ID and phone numbers are masked for everyone; 显示完整号码… (button, or the row's context menu) asks a
reason and shows the selected person's numbers in full (ui.registry.unmask; hidden for roles that may not).
A 1-character search shows the SearchTooShort sentence instead of the count, and an empty list (not the
previous query's people).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (QHBoxLayout, QHeaderView, QLabel, QMenu, QPushButton, QTableView, QVBoxLayout,
                               QWidget)

from models.errors import SearchTooShort
from ui.ledgers.registry_actions import RegistryTransfer
from ui.registry.filters import FilterBar
from ui.registry.table_model import (BIRTH_DATE, ETHNICITY, ID_NUMBER, IDENTITIES, KEY_FOCUS, NAME, PHONE, SEX,
                                     STATUS, VILLAGE, PersonTableModel)
from ui.registry.unmask import ask_to_unmask, may_unmask
from ui.row_views import pick_rows
from ui.shortcuts import press

WIDTHS = {NAME: 96, SEX: 48, ETHNICITY: 72, BIRTH_DATE: 100, ID_NUMBER: 170, IDENTITIES: 220, VILLAGE: 120,
          PHONE: 120, STATUS: 110, KEY_FOCUS: 90}


class PersonListPage(QWidget):
    open_requested = Signal(str)  # person id
    new_requested = Signal()
    numbers_revealed = Signal(str)  # person id, after the reason was given and the unmasking audited

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.filters = FilterBar(ctx)
        self.new_button = QPushButton(self.tr("New person"))
        self.new_button.clicked.connect(self.new_requested)
        press(self.new_button, "new", owner=self)
        self.transfer = RegistryTransfer(ctx, lambda: self.model.query, self)  # 导出Excel (as shown), 导入花名册…
        self.count_label = QLabel()
        self.count_label.setStyleSheet("font-weight: bold;")
        self.hint = QLabel()
        self.hint.setStyleSheet("color: #8a5a00;")

        self.model = PersonTableModel(parent=self)
        self.model.totalChanged.connect(self._show_count)
        self.table = QTableView()
        self.table.setModel(self.model)
        pick_rows(self.table)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setDefaultSectionSize(28)
        header = self.table.horizontalHeader()
        for column, width in WIDTHS.items():
            header.resizeSection(column, width)
        header.setSectionResizeMode(IDENTITIES, QHeaderView.Stretch)
        header.setSortIndicator(NAME, Qt.AscendingOrder)
        self.table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.unmask_action = QAction(self.tr("Show full numbers…"), self)
        self.unmask_action.triggered.connect(self.unmask_selected)
        self.unmask_button = QPushButton(self.unmask_action.text())
        self.unmask_button.setToolTip(self.tr("Show the selected person's full ID and phone numbers "
                                              "(asks for a reason, which is recorded)"))
        self.unmask_button.clicked.connect(self.unmask_selected)
        self.unmask_button.setVisible(may_unmask(ctx))
        self.unmask_button.setEnabled(False)
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.unmask_button.setEnabled(self.model.person_id(current.row()) is not None))
        self.model.modelReset.connect(lambda: self.unmask_button.setEnabled(False))
        self.table.setContextMenuPolicy(Qt.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._context_menu)
        enter = QShortcut(QKeySequence(Qt.Key_Return), self.table, context=Qt.WidgetShortcut)
        enter.activated.connect(lambda: self._open_row(self.table.currentIndex().row()))
        QShortcut(QKeySequence(Qt.Key_Enter), self.table, context=Qt.WidgetShortcut).activated.connect(
            lambda: self._open_row(self.table.currentIndex().row()))

        top = QHBoxLayout()
        top.addWidget(self.filters, 1)
        top.addWidget(self.new_button, 0, Qt.AlignTop)
        counts = QHBoxLayout()
        counts.setSpacing(8)
        counts.addWidget(self.count_label)
        counts.addSpacing(16)
        counts.addWidget(self.hint, 1)
        counts.addWidget(self.unmask_button)
        counts.addWidget(self.transfer.note)
        counts.addWidget(self.transfer.export_button)
        counts.addWidget(self.transfer.import_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(counts)
        layout.addWidget(self.table, 1)

        self.filters.query_changed.connect(self.apply_query)
        self.filters.search.returnPressed.connect(self._search_entered)
        self.apply_query(self.filters.query())
        self.table.setSortingEnabled(True)  # after the first query: the view sorts once at once

    def apply_query(self, query) -> None:
        try:
            self.model.set_query(query)
        except SearchTooShort as exc:
            self.count_label.setText("")
            self.hint.setText(exc.message)
            return
        self.hint.setText("")

    def refresh(self) -> None:
        self.filters.reload_choices()
        try:
            self.model.refresh()
        except SearchTooShort:
            self.count_label.setText("")

    def _show_count(self, total: int) -> None:
        self.count_label.setText(self.tr("{count} people in total").format(count=total))

    def _search_entered(self) -> None:
        if self.model.rowCount() and not self.hint.text():
            self.table.setFocus()
            self.table.selectRow(0)

    def _context_menu(self, position) -> None:
        index = self.table.indexAt(position)
        if not index.isValid():
            return
        self.table.selectRow(index.row())
        menu = QMenu(self)
        menu.addAction(self.tr("Open"), lambda: self._open_row(index.row()))
        if may_unmask(self.ctx):
            menu.addAction(self.unmask_action)
        menu.popup(self.table.viewport().mapToGlobal(position))
        self.context_menu = menu  # kept for tests and so that it is not collected while open

    def unmask_selected(self) -> None:
        """The selected person's full numbers, after a reason (audited as unmask); nothing when cancelled."""
        person_id = self.model.person_id(self.table.currentIndex().row())
        if person_id is None or not ask_to_unmask(self, self.ctx, person_id):
            return
        self.model.reveal(person_id)
        self.numbers_revealed.emit(person_id)

    def _open_row(self, row: int) -> None:
        person_id = self.model.person_id(row)
        if person_id:
            self.open_requested.emit(person_id)
