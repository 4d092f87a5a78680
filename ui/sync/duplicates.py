"""The duplicate-person queue (bureau): two live persons with one ID number, side by side; merge keeps one.

    queue = DuplicateQueue(ctx); queue.person_requested.connect(main_window.open_person)
    queue.merge_keeping(0)     # keep the left person; the right one becomes a redirect to it
    queue.dismiss()            # two different people after all

Merging (models.conflicts.merge_duplicate) moves identities, family members and records to the
kept person and leaves the other as a tombstone that redirects to it; it travels as changes.
ID and phone numbers are masked for every role, as in every list (the two share one ID number anyway);
a person's full numbers are shown on request in the person form (显示完整号码…).
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (QAbstractItemView, QHBoxLayout, QHeaderView, QLabel, QMessageBox, QPushButton,
                               QSplitter, QTableWidget, QTableWidgetItem, QVBoxLayout, QWidget)

from models import vocab
from models.conflicts import dismiss_duplicate, merge_duplicate, open_duplicates
from models.fields import local_display
from models.idnumber import mask
from models.installation import Village
from models.peers import Peer
from models.privacy import mask_phone
from models.person import FIELD_LABELS, Person
from models.registry import family_of, identities_of
from ui.messages import show_error
from ui.row_views import pick_rows
from ui.sync.jobs import run_engine

COMPARED = ("name", "former_name", "sex", "ethnicity", "birth_date", "id_number", "phone", "household_address",
            "residence_address")
DIFFERENT = QColor("#fdecea")


def person_facts(person: Person) -> list[tuple[str, str]]:
    """(label, text) rows describing a person for a side-by-side comparison (numbers masked)."""
    rows = []
    for name in COMPARED:
        value = getattr(person, name)
        if name == "id_number" and value:
            value = mask(value)
        elif name == "phone" and value:
            value = mask_phone(value)
        elif name in ("sex", "ethnicity"):
            value = vocab.label(name, value)
        rows.append((FIELD_LABELS.get(name, name), "" if value is None else str(value)))
    peer = Peer.get_or_none(Peer.code == person.station_code)
    village = Village.get_or_none(Village.id == person.village_id) if person.village_id else None
    rows += [("服务站", f"{peer.name if peer else ''}（{person.station_code}）"),
             (FIELD_LABELS.get("village", "嘎查村"), village.name if village else ""),
             ("身份类别", "、".join(vocab.label("identity", i.category) for i in identities_of(person.id))),
             ("家庭成员", str(len(family_of(person.id)))),
             ("登记时间", local_display(person.created_at)),
             ("最近修改", local_display(person.updated_at))]
    return rows


class DuplicateQueue(QWidget):
    person_requested = Signal(str)
    resolved = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.candidates = []
        self.current = None
        self.list = QTableWidget(0, 2)
        self.list.setObjectName("duplicateList")
        self.list.setHorizontalHeaderLabels([self.tr("ID number"), self.tr("Found")])
        pick_rows(self.list, stretch=0)
        self.list.itemSelectionChanged.connect(self._selected)
        self.empty = QLabel(self.tr("No duplicate persons to resolve."))
        self.empty.setObjectName("emptyNote")
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.list, 1)
        left_layout.addWidget(self.empty)

        self.compare = QTableWidget(0, 2)
        self.compare.setObjectName("duplicateComparison")
        self.compare.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.compare.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.compare.setWordWrap(True)
        self.keep_left = QPushButton(self.tr("Keep the left one"))
        self.keep_left.clicked.connect(lambda: self.merge_keeping(0))
        self.keep_right = QPushButton(self.tr("Keep the right one"))
        self.keep_right.clicked.connect(lambda: self.merge_keeping(1))
        self.not_same = QPushButton(self.tr("Not the same person"))
        self.not_same.clicked.connect(self.dismiss)
        self.open_left = QPushButton(self.tr("Open left"))
        self.open_left.clicked.connect(lambda: self._open(0))
        self.open_right = QPushButton(self.tr("Open right"))
        self.open_right.clicked.connect(lambda: self._open(1))
        explain = QLabel(self.tr("Merging keeps one person: the other's identities, family members and records "
                                 "move to it, and the other becomes a pointer to it."))
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_left)
        buttons.addWidget(self.open_right)
        buttons.addStretch(1)
        buttons.addWidget(self.not_same)
        buttons.addWidget(self.keep_left)
        buttons.addWidget(self.keep_right)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.compare, 1)
        right_layout.addWidget(explain)
        right_layout.addLayout(buttons)

        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([360, 900])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.refresh()

    def refresh(self) -> None:
        self.candidates = open_duplicates()
        self.list.setRowCount(len(self.candidates))
        for row, c in enumerate(self.candidates):
            number = mask(c.id_number)
            self.list.setItem(row, 0, QTableWidgetItem(number))
            self.list.setItem(row, 1, QTableWidgetItem(local_display(c.detected_at)))
        self.empty.setVisible(not self.candidates)
        if self.candidates:
            self.list.selectRow(0)
        self._show(self.candidates[0] if self.candidates else None)

    def count(self) -> int:
        return len(self.candidates)

    def _selected(self) -> None:
        rows = self.list.selectionModel().selectedRows()
        self._show(self.candidates[rows[0].row()] if rows else None)

    def people(self) -> list[Person]:
        c = self.current
        return [Person.get_by_id(c.person_a), Person.get_by_id(c.person_b)] if c else []

    def _show(self, candidate) -> None:
        self.current = candidate
        for button in (self.keep_left, self.keep_right, self.not_same, self.open_left, self.open_right):
            button.setEnabled(candidate is not None)
        self.compare.setRowCount(0)
        if candidate is None:
            return
        people = self.people()
        left, right = (person_facts(p) for p in people)
        self.compare.setHorizontalHeaderLabels([f"{self.tr('Left')}：{p.name}（{p.station_code}）" for p in people[:1]]
                                               + [f"{self.tr('Right')}：{p.name}（{p.station_code}）"
                                                  for p in people[1:]])
        self.compare.setRowCount(len(left))
        self.compare.setVerticalHeaderLabels([label for label, _ in left])
        for row, ((_, a), (_, b)) in enumerate(zip(left, right)):
            for col, text in enumerate((a, b)):
                cell = QTableWidgetItem(text)
                if a != b:
                    cell.setBackground(QBrush(DIFFERENT))
                self.compare.setItem(row, col, cell)
        self.compare.resizeRowsToContents()

    def _open(self, side: int) -> None:
        self.person_requested.emit(self.people()[side].id)

    def merge_keeping(self, side: int) -> None:
        keep, drop = self.people()[side], self.people()[1 - side]
        answer = QMessageBox.question(
            self, self.tr("Merge duplicate persons"),
            self.tr("Keep {keep} (station {keep_station}) and merge {drop} (station {drop_station}) into it? "
                    "This is recorded under your name and sent to both stations.").format(
                keep=keep.name, keep_station=keep.station_code, drop=drop.name, drop_station=drop.station_code))
        if answer != QMessageBox.Yes:
            return
        candidate_id = self.current.id
        self._write(lambda: merge_duplicate(candidate_id, keep.id, actor=self.ctx.actor))

    def dismiss(self) -> None:
        candidate_id = self.current.id
        self._write(lambda: dismiss_duplicate(candidate_id, actor=self.ctx.actor))

    def _write(self, fn) -> None:
        def done(changes):
            if changes is not None:
                self.ctx.announce(changes)
            self.refresh()
            self.resolved.emit()

        def failed(error):
            show_error(self, error)
            self.refresh()

        run_engine(self, lambda _progress: fn(), on_done=done, on_error=failed, label=self.tr("Saving the decision…"))
