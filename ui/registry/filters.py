"""The registry's search box and filters; they produce one models.registry_search.PersonQuery.

    bar = FilterBar(ctx); bar.query_changed.connect(model_setter)

Typing waits DEBOUNCE_MS after the last key (Enter searches at once), so a fast typist causes one
query, not ten.
"""
from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from models import vocab
from models.installation import villages
from models.registry_search import PersonQuery, all_tags

DEBOUNCE_MS = 250


class FilterBar(QWidget):
    query_changed = Signal(object)  # PersonQuery

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Name / pinyin initials / ID number / phone"))
        self.search.setClearButtonEnabled(True)
        self.search.setMinimumWidth(240)
        self.identity = self._combo(self.tr("All categories"), vocab.choices("identity"))
        self.village = self._combo(self.tr("All villages"), [])
        self.status = self._combo(self.tr("Any status"), vocab.choices("person_status"))
        self.tag = self._combo(self.tr("Any tag"), [])
        self.key_focus = QCheckBox(self.tr("Only 重点关注"))
        self.key_focus.toggled.connect(self.emit_query)
        self.incomplete = QCheckBox(self.tr("Only 待补充"))
        self.incomplete.setToolTip(self.tr("People saved without 人员类别 or 嘎查村"))
        self.incomplete.toggled.connect(self.emit_query)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(DEBOUNCE_MS)
        self.timer.timeout.connect(self.emit_query)
        self.search.textChanged.connect(lambda _t: self.timer.start())
        self.search.returnPressed.connect(self.emit_query)
        # Two lines: on one line the search box and four lists overlapped below about 1200 px.
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search)
        choices = QHBoxLayout()
        for widget in (self.identity, self.village, self.status, self.tag):
            choices.addWidget(widget, 1)
        choices.addWidget(self.key_focus)
        choices.addWidget(self.incomplete)
        layout.addLayout(choices)
        self.reload_choices()

    def _combo(self, everything: str, choices) -> QComboBox:
        combo = QComboBox()
        combo.addItem(everything, None)
        for code, text in choices:
            combo.addItem(text, code)
        combo.setMaxVisibleItems(20)
        combo.currentIndexChanged.connect(lambda _i: self.emit_query())
        return combo

    def reload_choices(self) -> None:
        """Villages and tags are data: refill them, keeping what is chosen."""
        for combo, items in ((self.village, [(v.id, v.name) for v in villages(self.ctx.installation.station_code)]),
                             (self.tag, [(t, t) for t in all_tags()])):
            chosen = combo.currentData()
            combo.blockSignals(True)
            while combo.count() > 1:
                combo.removeItem(1)
            for value, text in items:
                combo.addItem(text, value)
            combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
            combo.blockSignals(False)

    def query(self) -> PersonQuery:
        return PersonQuery(text=self.search.text().strip(), identity=self.identity.currentData(),
                           village_id=self.village.currentData(), status=self.status.currentData(),
                           tag=self.tag.currentData(), key_focus=True if self.key_focus.isChecked() else None,
                           incomplete=True if self.incomplete.isChecked() else None)

    def emit_query(self) -> None:
        self.timer.stop()
        self.query_changed.emit(self.query())

    def choose(self, combo: QComboBox, value) -> None:
        combo.setCurrentIndex(max(combo.findData(value), 0))

