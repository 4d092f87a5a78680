"""实绩考核赋分: the year's scheme, the stations' scores for a quarter or the year, ranked; manual points
with a reason; confirming (freezing) a quarter, and what a recompute would change since.

    tab = ScoresTab(ctx); tab.set_period("2026Q4"); tab.refresh()
    tab.start_scheme(); tab.edit_scheme(); tab.enter_manual(); tab.confirm()

Writing is the bureau's (models.scoring refuses anything else); a station sees its own computed score.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QPushButton, QSpinBox, QSplitter

from models.indicators import INDICATORS
from models.periods import Period
from models.permissions import allowed
from models.scoring import KINDS, confirm_quarter, start_scheme
from ui.plan.common import STATUS_COLOURS, Column, PlanTab, RowsTable, figure_text, page_layout
from ui.plan.dialogs import ManualScoreDialog
from ui.plan.reading import read_scores, touched
from ui.plan.scheme_dialog import SchemeDialog
from ui.registry.operations import run_write


def points(value) -> str:
    return "" if value is None else f"{value:g}"


class ScoresTab(PlanTab):
    refused = Signal(str)  # the domain's sentence, shown above the tables

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        today = dt.date.today()
        self.scheme = self.board = None
        self.editable = self.bureau and allowed(ctx.actor, "scoring")
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(today.year)
        self.quarter = QComboBox()
        for number, text in enumerate((self.tr("First quarter"), self.tr("Second quarter"), self.tr("Third quarter"),
                                       self.tr("Fourth quarter"), self.tr("Whole year")), 1):
            self.quarter.addItem(text, number if number <= 4 else None)
        self.quarter.setCurrentIndex((today.month - 1) // 3)
        self.year.valueChanged.connect(lambda _v: self.refresh())
        self.quarter.currentIndexChanged.connect(lambda _i: self.refresh())
        self.state = QLabel()
        self.state.setObjectName("figureNote")
        self.state.setWordWrap(True)
        self.scheme_button = QPushButton(self.tr("Start the year's scheme"))
        self.scheme_button.clicked.connect(self.start_scheme)
        self.edit_scheme_button = QPushButton(self.tr("Edit the scheme…"))
        self.edit_scheme_button.clicked.connect(self.edit_scheme)
        self.manual_button = QPushButton(self.tr("Manual score…"))
        self.manual_button.clicked.connect(self.enter_manual)
        self.confirm_button = QPushButton(self.tr("Confirm the quarter"))
        self.confirm_button.clicked.connect(self.confirm)

        self.items = RowsTable([
            Column(self.tr("Item"), "label", stretch=True), Column(self.tr("Full marks"), "max_points", number=True),
            Column(self.tr("Weight"), "weight", number=True), Column(self.tr("Scored"), "how")])
        self.scores = RowsTable([
            Column(self.tr("Rank"), "rank", number=True), Column(self.tr("Station"), "station_name", stretch=True),
            Column(self.tr("Score"), "total", number=True), Column(self.tr("Confirmed"), "frozen"),
            Column(self.tr("Recomputed now"), "now", number=True,
                   colour=lambda r: STATUS_COLOURS["late"] if r["changed"] else None),
            Column(self.tr("Manual points missing"), "missing")])
        self.scores.selectionModel().currentRowChanged.connect(lambda *_: self._show_station())
        self.detail = RowsTable([
            Column(self.tr("Item"), "label", stretch=True), Column(self.tr("Value"), "value", number=True),
            Column(self.tr("Points"), "points", number=True), Column(self.tr("Score"), "score", number=True),
            Column(self.tr("Confirmed"), "frozen", number=True), Column(self.tr("Reason"), "reason")])

        top = QHBoxLayout()
        top.addWidget(self.year)
        top.addWidget(self.quarter)
        for button in (self.scheme_button, self.edit_scheme_button, self.manual_button, self.confirm_button):
            button.setVisible(self.editable)
            top.addWidget(button)
        top.addStretch(1)
        right = QSplitter(Qt.Vertical)
        right.addWidget(self.scores)
        right.addWidget(self.detail)
        right.setChildrenCollapsible(False)
        split = QSplitter(Qt.Horizontal)
        split.addWidget(self.items)
        split.addWidget(right)
        split.setStretchFactor(1, 2)
        split.setChildrenCollapsible(False)
        layout = page_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.state)
        layout.addWidget(self.problem)
        layout.addWidget(self.message)
        layout.addWidget(split, 1)

    def period(self) -> Period:
        number = self.quarter.currentData()
        return Period.quarter(self.year.value(), number) if number else Period.year(self.year.value())

    def set_period(self, code: str) -> None:
        year, _, number = code.partition("Q")
        self.year.setValue(int(year))
        self.quarter.setCurrentIndex(int(number) - 1 if number else 4)

    def read(self):
        period = self.period()
        return lambda: read_scores(period)

    def show_data(self, data) -> None:
        self.scheme, self.board = data
        scheme, board = data
        if scheme is None:
            self.state.setText(self.tr("There is no scoring scheme for {year} yet.").format(year=self.year.value()))
            self.items.show_rows([])
            self.scores.show_rows([])
            self.detail.show_rows([])
        else:
            self.items.show_rows([{**i, "max_points": points(i["max_points"]), "weight": points(i["weight"]),
                                   "how": KINDS[i["kind"]] + (f"：{INDICATORS[i['indicator']].label}"
                                                              if i["kind"] == "indicator" else "")}
                                  for i in scheme.items])
            rows = []
            for r in board.rows:
                changed = bool(r.difference())
                rows.append({"rank": r.rank, "station_code": r.station_code, "station_name": r.station_name,
                             "total": points(r.shown_total), "now": points(r.total) if r.frozen else "",
                             "frozen": self.tr("yes, version {v}").format(v=r.frozen.scheme_version) if r.frozen else "",
                             "missing": "、".join(r.missing), "changed": changed, "record": r})
            self.scores.show_rows(rows)
            state = (self.tr("Confirmed: the scores are frozen; a recompute that differs is shown in red.")
                     if board.confirmed else self.tr("Not confirmed: the scores follow the data."))
            self.state.setText(self.tr("Scheme of {year}, version {v}. ").format(year=scheme.year, v=scheme.revision)
                               + (state if board.period.kind == "quarter" else
                                  self.tr("The year's score sums the year's data.")))
            if rows:
                self.scores.selectRow(0)
            self._show_station()
        has = scheme is not None
        quarter = self.quarter.currentData() is not None
        self.scheme_button.setVisible(self.editable and not has)
        self.edit_scheme_button.setVisible(self.editable and has)
        self.manual_button.setVisible(self.editable and has and quarter)
        self.confirm_button.setVisible(self.editable and has and quarter and board is not None and not board.confirmed)

    def _show_station(self) -> None:
        row = self.scores.current_row()
        if row is None:
            self.detail.show_rows([])
            return
        score = row["record"]
        frozen = {i["code"]: i["score"] for i in score.frozen.items} if score.frozen else {}
        measured = {i["code"]: i.get("indicator") or "" for i in self.scheme.items}
        self.detail.show_rows([{"label": i["label"],
                                "value": "" if i["value"] is None else figure_text(measured.get(i["code"], ""), i["value"]), "points": points(i["points"]),
                                "score": points(i["score"]), "frozen": points(frozen.get(i["code"])),
                                "reason": i["reason"] or ""} for i in score.items])

    # -- acting -------------------------------------------------------------------------------------
    def _write(self, job, done: str) -> None:
        self.message.show_problem(None)

        def finished(outcome):
            if not outcome.ok:
                self.message.show_problem(outcome.error.message)
                self.refused.emit(outcome.error.message)
                return
            self.message.show_info(done)
            self.ctx.announce(outcome.value)
            self.saved.emit()

        run_write(self, job, on_done=finished)

    def start_scheme(self) -> None:
        year, actor = self.year.value(), self.ctx.actor
        self._write(lambda: touched(start_scheme(year, actor=actor)),
                    self.tr("The scheme of {year} was started from the default scheme.").format(year=year))

    def confirm(self) -> None:
        period, actor = self.period(), self.ctx.actor

        def job():
            board = confirm_quarter(period.code, actor=actor)
            return touched(*(r.frozen for r in board.rows))

        self._write(job, self.tr("The scores of {period} are confirmed and frozen.").format(period=period.label))

    def edit_scheme(self):
        if self.scheme is None:
            return None
        return self._open(SchemeDialog(self.ctx, self.scheme, self))

    def enter_manual(self):
        if self.scheme is None or self.board is None:
            return None
        row = self.scores.current_row()
        stations = [(r.station_code, r.station_name) for r in self.board.rows]
        return self._open(ManualScoreDialog(self.ctx, self.period().code, self.scheme, stations,
                                            row["station_code"] if row else None, self))

