"""Choosing the period a ledger covers: a month, a quarter, a year or a date range.

    picker = PeriodPicker()
    picker.restrict_to("month")      # a period pack made for one kind of period (None: any kind)
    period = picker.period()         # ledgers.periods.Period; raises PeriodInvalid for a reversed range

Starts on the current month; the widgets shown follow the chosen kind.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QHBoxLayout, QLabel, QSpinBox, QVBoxLayout, QWidget

from ledgers.periods import Period

KINDS = ("month", "quarter", "year", "range")


class PeriodPicker(QWidget):
    changed = Signal()

    def __init__(self, parent=None, today: dt.date | None = None):
        super().__init__(parent)
        today = today or dt.date.today()
        self.kind = QComboBox()
        self.kind.setObjectName("periodKind")
        for key, text in zip(KINDS, (self.tr("Month"), self.tr("Quarter"), self.tr("Year"), self.tr("Date range"))):
            self.kind.addItem(text, key)
        self.year = QSpinBox()
        self.year.setObjectName("periodYear")
        self.year.setRange(1990, 2100)
        self.year.setValue(today.year)
        self.year.setSuffix(self.tr(" (year)"))
        self.month = QComboBox()
        self.month.setObjectName("periodMonth")
        for number in range(1, 13):
            self.month.addItem(self.tr("Month {n}").format(n=number), number)
        self.month.setCurrentIndex(today.month - 1)
        self.quarter = QComboBox()
        self.quarter.setObjectName("periodQuarter")
        for number, text in enumerate((self.tr("First quarter"), self.tr("Second quarter"),
                                       self.tr("Third quarter"), self.tr("Fourth quarter")), 1):
            self.quarter.addItem(text, number)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.start = self._date_edit(QDate(today.year, today.month, 1))
        self.end = self._date_edit(QDate(today.year, today.month, today.day))
        self.range_row = QWidget()
        range_layout = QHBoxLayout(self.range_row)
        range_layout.setContentsMargins(0, 0, 0, 0)
        range_layout.addWidget(self.start, 1)
        range_layout.addWidget(QLabel(self.tr("to")))
        range_layout.addWidget(self.end, 1)

        self.calendar_row = QWidget()
        calendar_layout = QHBoxLayout(self.calendar_row)
        calendar_layout.setContentsMargins(0, 0, 0, 0)
        calendar_layout.addWidget(self.year, 1)
        calendar_layout.addWidget(self.month, 1)
        calendar_layout.addWidget(self.quarter, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.kind)
        layout.addWidget(self.calendar_row)
        layout.addWidget(self.range_row)
        self.kind.currentIndexChanged.connect(self._show_kind)
        for combo in (self.month, self.quarter):
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.year.valueChanged.connect(lambda _v: self.changed.emit())
        self._show_kind()

    def _date_edit(self, day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        edit.dateChanged.connect(lambda _d: self.changed.emit())
        return edit

    def _show_kind(self) -> None:
        kind = self.kind.currentData()
        self.calendar_row.setVisible(kind != "range")
        self.month.setVisible(kind == "month")
        self.quarter.setVisible(kind == "quarter")
        self.range_row.setVisible(kind == "range")
        self.changed.emit()

    def restrict_to(self, kind: str | None) -> None:
        """Only `kind` may be chosen (a period pack), or any kind again with None."""
        if kind is not None:
            self.kind.setCurrentIndex(KINDS.index(kind))
        self.kind.setEnabled(kind is None)

    def set_period(self, period: Period) -> None:
        self.kind.setCurrentIndex(KINDS.index(period.kind))
        self.year.setValue(period.start.year)
        self.month.setCurrentIndex(period.start.month - 1)
        self.quarter.setCurrentIndex((period.start.month - 1) // 3)
        self.start.setDate(QDate(period.start.year, period.start.month, period.start.day))
        self.end.setDate(QDate(period.end.year, period.end.month, period.end.day))

    def period(self) -> Period:
        kind, year = self.kind.currentData(), self.year.value()
        if kind == "month":
            return Period.month(year, self.month.currentData())
        if kind == "quarter":
            return Period.quarter(year, self.quarter.currentData())
        if kind == "year":
            return Period.year(year)
        return Period.between(self.start.date().toPython(), self.end.date().toPython())
