"""对标看板: the stations side by side for a month, quarter or year — as a table and as charts — with the
change from the previous period; every figure opens the records behind it.

    board = Dashboard(ctx); board.set_period(parse_period("2026")); board.refresh()
    board.loaded                                  # the figures are on screen (read on the worker thread)
    board.open_figure("visit_rate", "150626100")  # the drill-down: BehindDialog listing the records
    board.record_requested / person_requested / task_requested   # a record chosen in the drill-down
    board.publish()                               # the bureau: every station receives its comparison (scoring)
    board.edit_settings()                         # the bureau: 月调度 due day, whether stations see the ranks

At the bureau: one row per station (and the banner's total), one column per figure (DASHBOARD_KEYS),
each cell "value (change)"; charts of a chosen figure (this period against the previous one) and of task
progress. At a station: its own figures against the previous period, the banner's average as the bureau
published it, and the plan's targets; other stations' ranks only where the bureau shares them.
Publishing is one action for the period on screen (models.scoring.publish_comparison); the line above
the table says when it was last published and what the stations see.
"""
from __future__ import annotations

from PySide6.QtCharts import (QBarCategoryAxis, QBarSeries, QBarSet, QChart, QChartView, QStackedBarSeries,
                              QValueAxis)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QPushButton, QSplitter,
                               QVBoxLayout)

from models.fields import local_display
from models.indicators import INDICATORS
from models.periods import Period
from models.permissions import allowed
from models.scoring import publish_comparison
from ui.ledgers.period_picker import PeriodPicker
from ui.plan.common import STATUS_COLOURS, Column, PlanTab, RowsTable, change_text, figure_text, page_layout
from ui.plan.reading import DASHBOARD_KEYS, read_behind, read_dashboard
from ui.plan.settings_dialog import PlanSettingsDialog
from ui.registry.operations import run_write
from ui.tasks import run_task

CHART_KEYS = [k for k in DASHBOARD_KEYS if k not in ("tasks_assigned",)]
# the bureau's table: the score and rank first (the comparison at a glance), then the figures
TABLE_KEYS = ("score", *(k for k in DASHBOARD_KEYS if k != "score"))
STATION_SUFFIX = "退役军人服务站"
PLACE_SUFFIXES = ("经济开发区", "苏木", "镇")


def short_name(name: str | None, *, place: bool = False) -> str:
    """嘎鲁图镇退役军人服务站 → 嘎鲁图镇 (a table); place=True → 嘎鲁图 (a chart's axis, where room is short)."""
    name = (name or "").removesuffix(STATION_SUFFIX)
    if place:
        for suffix in PLACE_SUFFIXES:
            if name.endswith(suffix) and len(name) > len(suffix) + 1:
                return name.removesuffix(suffix)
    return name
NOW_COLOUR, BEFORE_COLOUR, AVERAGE_COLOUR = QColor("#1d5fa8"), QColor("#9db7d6"), QColor("#c98a1a")


def chart_value(code: str, value) -> float:
    """What a bar shows: rates in %, money in 元."""
    if value is None:
        return 0.0
    if INDICATORS[code].unit == "%":
        return value * 100
    if code.endswith("_fen"):
        return value / 100
    return float(value)


class Dashboard(PlanTab):
    record_requested = Signal(str, str)  # area key, record id
    person_requested = Signal(str)
    task_requested = Signal(str)
    drilled = Signal(object)  # the BehindDialog, once its records are listed
    published = Signal(str)  # the sentence saying what was published (after ctx.announce)
    refused = Signal(str)  # the domain's sentence when publishing is refused

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.data = None
        self.picker = PeriodPicker(self)
        self.picker.kind.removeItem(3)  # a date range has no "previous period" worth comparing
        self.picker.changed.connect(self.refresh)
        self.figure = QComboBox()
        for code in CHART_KEYS:
            self.figure.addItem(INDICATORS[code].label, code)
        self.figure.setCurrentIndex(CHART_KEYS.index("visit_rate"))
        self.figure.currentIndexChanged.connect(lambda _i: self._draw_figure())
        self.caption = QLabel()
        self.caption.setObjectName("figureNote")
        self.caption.setWordWrap(True)

        if self.bureau:
            columns = [Column(self.tr("Station"), lambda r: short_name(r["station_name"])),
                       Column(INDICATORS["score"].label, lambda r: self._cell(r, "score"), number=True),
                       Column(self.tr("Rank"), lambda r: r.get("rank") or "", number=True)]
            columns += [Column(INDICATORS[code].label, lambda r, c=code: self._cell(r, c), number=True)
                        for code in TABLE_KEYS[1:]]
        else:
            columns = [Column(self.tr("Figure"), "label"), Column(self.tr("This station"), "now", number=True),
                       Column(self.tr("Previous period"), "before", number=True),
                       Column(self.tr("Change"), "change", number=True),
                       Column(self.tr("Banner average"), "average", number=True),
                       Column(self.tr("Target"), "target", number=True)]
        self.codes = [None, "score", None, *TABLE_KEYS[1:]] if self.bureau else None
        self.table = RowsTable(columns)
        self.table.setObjectName("dashboardTable")
        self.table.clicked.connect(self._cell_clicked)
        self.table.setToolTip(self.tr("Click a figure to see the records behind it."))

        self.figure_chart = QChartView()
        self.figure_chart.setRenderHint(QPainter.Antialiasing)
        self.figure_chart.setMinimumHeight(200)
        self.progress_chart = QChartView()
        self.progress_chart.setRenderHint(QPainter.Antialiasing)
        self.progress_chart.setMinimumHeight(200)
        charts = QSplitter(Qt.Horizontal)
        charts.addWidget(self.figure_chart)
        charts.addWidget(self.progress_chart)
        charts.setChildrenCollapsible(False)

        top = QHBoxLayout()
        top.addWidget(self.picker)
        top.addSpacing(12)
        chart_label = QLabel(self.tr("Chart:"))
        top.addWidget(chart_label, 0, Qt.AlignBottom)
        top.addWidget(self.figure, 0, Qt.AlignBottom)
        top.addStretch(1)
        self.publish_note = QLabel()
        self.publish_note.setObjectName("figureNote")
        self.publish_note.setWordWrap(True)
        self.publish_button = QPushButton(self.tr("Publish to the stations"))
        self.publish_button.setToolTip(self.tr("Each station receives its own figures for this period against the "
                                               "banner's average, with the next bundle."))
        self.publish_button.clicked.connect(self.publish)
        self.settings_button = QPushButton(self.tr("Plan settings…"))
        self.settings_button.clicked.connect(self.edit_settings)
        self.may_publish = self.bureau and allowed(ctx.actor, "scoring")
        self.may_set = self.bureau and allowed(ctx.actor, "plan_edit")
        publishing = QHBoxLayout()
        publishing.addWidget(self.publish_note, 1)
        publishing.addWidget(self.publish_button)
        publishing.addWidget(self.settings_button)
        self.publish_button.setVisible(self.may_publish)
        self.settings_button.setVisible(self.may_set)
        self.publish_note.setVisible(self.bureau)
        body = QSplitter(Qt.Vertical)
        body.addWidget(self.table)
        body.addWidget(charts)
        body.setStretchFactor(0, 1)
        body.setStretchFactor(1, 1)
        body.setChildrenCollapsible(False)
        layout = page_layout(self)
        layout.addLayout(top)
        layout.addWidget(self.caption)
        if self.bureau:
            layout.addLayout(publishing)
        layout.addWidget(self.message)
        layout.addWidget(self.problem)
        layout.addWidget(body, 1)
        self.dialog = None

    # -- reading ----------------------------------------------------------------------------------------
    def set_period(self, period: Period) -> None:
        self.picker.blockSignals(True)
        self.picker.set_period(period)
        self.picker.blockSignals(False)
        self.refresh()

    def read(self):
        period = self.picker.period()
        return lambda: read_dashboard(period)

    def show_data(self, data) -> None:
        self.data = data
        before = self.tr("compared with {period}").format(period=data.previous.label)
        if self.bureau:
            rows = [{**r, "rank": data.ranks.get(r["station_code"])} for r in data.rows]
            rows.append({**data.total, "station_name": self.tr("Banner total"), "station_code": None})
            self.table.show_rows(rows)
            caption = self.tr("{period}, {count} stations, {before}. Changes in brackets; click a figure for the records behind it.")
            self.caption.setText(caption.format(period=data.period.label, count=len(data.rows), before=before))
            self.publish_note.setText(self._publish_note(data))
        else:
            self.table.show_rows(self._station_rows(data))
            shared = "、".join(f"{r['rank']}. {r['station_name']} {r['score']:g}" for r in data.shared_ranks)
            note = (self.tr("The bureau published the comparison; rank {rank}.").format(rank=data.rank or "—")
                    if data.published else self.tr("The bureau has not yet published the banner's comparison for this period."))
            self.caption.setText(f"{data.period.label}，{before}。{note}" + (f" {shared}" if shared else ""))
        self._draw_figure()
        self._draw_progress()

    def _publish_note(self, data) -> str:
        if data.last_published is None:
            said = self.tr("Not yet published to the stations for {period}.").format(period=data.period.label)
        else:
            when, who = data.last_published
            said = self.tr("Published to the stations on {when} by {who}.").format(when=local_display(when), who=who)
        return self.tr("{said} {sees}").format(said=said, sees=self._what_stations_see(data.period, data.ranks_shared))

    def _what_stations_see(self, period: Period, shared: bool) -> str:
        if period.kind == "month":
            return self.tr("Each station sees its own figures and the banner's average.")
        if shared:
            return self.tr("Each station sees its own figures, the banner's average and every station's score and rank.")
        return self.tr("Each station sees its own figures, the banner's average and its own rank; "
                       "the other stations' scores and ranks are not shown (plan settings).")

    # -- acting (the bureau) ------------------------------------------------------------------------------
    def publish(self) -> None:
        """Publish the period on screen to every station, in one action; the result is said in one line."""
        if not self.may_publish:
            return
        period, actor = self.picker.period(), self.ctx.actor
        self.message.show_problem(None)

        def job():
            from models.bureau_settings import get_setting

            changes = publish_comparison(period, actor=actor)
            count = len({rid for table, rid in changes.created + changes.updated if table == "published_comparison"})
            return changes, count, bool(get_setting("stations_see_ranks"))

        def finished(outcome):
            if not outcome.ok:
                self.message.show_problem(outcome.error.message)
                self.refused.emit(outcome.error.message)
                return
            changes, count, shared = outcome.value
            sentence = self.tr("The comparison for {period} was published to {count} stations; they receive it with "
                               "their next bundle.").format(period=period.label, count=count)
            sentence = self.tr("{said} {sees}").format(said=sentence, sees=self._what_stations_see(period, shared))
            self.message.show_info(sentence)
            self.ctx.announce(changes)
            self.published.emit(sentence)

        run_write(self, job, on_done=finished)

    def edit_settings(self):
        if not self.may_set or self.data is None:
            return None
        dialog = PlanSettingsDialog(self.ctx, self.data.settings, self)
        self.dialog = dialog
        dialog.open()
        return dialog

    def _cell(self, row: dict, code: str) -> str:
        text = figure_text(code, row.get(code))
        key = row["station_code"] or "total"
        change = change_text(code, row.get(code), (self.data.before.get(key) or {}).get(code)) if self.data else ""
        return f"{text} ({change})" if change else text

    def _station_rows(self, data) -> list[dict]:
        own = data.rows[0] if data.rows else {}
        before = data.before.get(own.get("station_code")) or {}
        rows = []
        for code in DASHBOARD_KEYS:
            rows.append({"code": code, "label": INDICATORS[code].label, "now": figure_text(code, own.get(code)),
                         "before": figure_text(code, before.get(code)),
                         "change": change_text(code, own.get(code), before.get(code)),
                         "average": figure_text(code, (data.average or {}).get(code)) if data.average else "",
                         "target": data.targets.get(code, "")})
        return rows

    # -- charts -------------------------------------------------------------------------------------------
    def chart_code(self) -> str:
        return self.figure.currentData()

    def _draw_figure(self) -> None:
        if self.data is None:
            return
        code, data = self.chart_code(), self.data
        chart = QChart()
        chart.setTitle(f"{INDICATORS[code].label}（{data.period.label} / {data.previous.label}）")
        series = QBarSeries()
        now, before = QBarSet(data.period.label), QBarSet(data.previous.label)
        now.setColor(NOW_COLOUR)
        before.setColor(BEFORE_COLOUR)
        if self.bureau:
            categories = [short_name(r["station_name"], place=True) for r in data.rows]
            for row in data.rows:
                now.append(chart_value(code, row.get(code)))
                before.append(chart_value(code, (data.before.get(row["station_code"]) or {}).get(code)))
            series.append(now)
            series.append(before)
            now.clicked.connect(lambda index: self._bar_clicked(index))
            before.clicked.connect(lambda index: self._bar_clicked(index))
        else:
            categories = [self.tr("This station")]
            own = data.rows[0] if data.rows else {}
            now.append(chart_value(code, own.get(code)))
            before.append(chart_value(code, (data.before.get(own.get("station_code")) or {}).get(code)))
            series.append(now)
            series.append(before)
            if data.average:
                average = QBarSet(self.tr("Banner average"))
                average.setColor(AVERAGE_COLOUR)
                average.append(chart_value(code, data.average.get(code)))
                series.append(average)
            now.clicked.connect(lambda _i: self._bar_clicked(0))
        self._finish(chart, series, categories, percent=INDICATORS[code].unit == "%")
        self.figure_chart.setChart(chart)

    def _draw_progress(self) -> None:
        data = self.data
        chart = QChart()
        chart.setTitle(self.tr("Tasks: done, late, open"))
        series = QStackedBarSeries()
        parts = [(self.tr("Done"), "tasks_done", STATUS_COLOURS["done"]),
                 (self.tr("Late"), "tasks_late", STATUS_COLOURS["late"]),
                 (self.tr("Open, not late"), None, STATUS_COLOURS["in_progress"])]
        rows = data.rows
        for label, code, colour in parts:
            bar = QBarSet(label)
            bar.setColor(colour)
            for row in rows:
                if code is None:
                    bar.append(max(0, row["tasks_assigned"] - row["tasks_done"] - row["tasks_late"]))
                else:
                    bar.append(row[code])
            if code is not None:
                bar.clicked.connect(lambda index, c=code: self._open_row(c, index))
            series.append(bar)
        categories = [short_name(r["station_name"], place=True) for r in rows]
        self._finish(chart, series, categories)
        self.progress_chart.setChart(chart)

    def _finish(self, chart: QChart, series, categories: list[str], *, percent: bool = False) -> None:
        chart.addSeries(series)
        axis_x = QBarCategoryAxis()
        axis_x.append(categories)
        if len(categories) > 5:  # seven stations' names side by side: a point smaller, so none is cut short
            font = axis_x.labelsFont()
            font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
            axis_x.setLabelsFont(font)
        chart.addAxis(axis_x, Qt.AlignBottom)
        series.attachAxis(axis_x)
        axis_y = QValueAxis()
        axis_y.setLabelFormat("%.0f")
        axis_y.setTruncateLabels(False)  # "100" was cut to "…" in a short chart
        chart.addAxis(axis_y, Qt.AlignLeft)
        series.attachAxis(axis_y)
        axis_y.setMin(0)
        if percent:
            axis_y.setMax(100)
        axis_y.applyNiceNumbers()  # 0, 20, 40 … rather than 0, 15, 29, 44
        chart.legend().setAlignment(Qt.AlignBottom)
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setAnimationOptions(QChart.NoAnimation)

    # -- drill-down ---------------------------------------------------------------------------------------
    def _cell_clicked(self, index) -> None:
        if self.data is None or not index.isValid():
            return
        row = self.table.rows[index.row()]
        if self.bureau:
            code = self.codes[index.column()] if index.column() < len(self.codes) else None
            if code is not None and row["station_code"]:
                self.open_figure(code, row["station_code"])
        elif index.column() == 1 and self.data.rows:
            self.open_figure(row["code"], self.data.rows[0]["station_code"])

    def _bar_clicked(self, index: int) -> None:
        self._open_row(self.chart_code(), index)

    def _open_row(self, code: str, index: int) -> None:
        if self.data is not None and 0 <= index < len(self.data.rows):
            self.open_figure(code, self.data.rows[index]["station_code"])

    def open_figure(self, code: str, station_code: str):
        """The records behind one station's figure, read on the worker thread, in a dialog."""
        if code == "score":
            return None  # a score is made of items, not records: see 考核赋分
        name = next((r["station_name"] for r in self.data.rows if r["station_code"] == station_code), station_code)
        dialog = BehindDialog(f"{name} · {INDICATORS[code].label} · {self.data.period.label}", self)
        dialog.chosen.connect(self._chosen)
        self.dialog = dialog
        period = self.data.period
        run_task(self, lambda: read_behind(code, station_code, period), on_done=lambda found: self._listed(dialog, found),
                 on_error=dialog.show_problem)
        dialog.open()
        return dialog

    def _listed(self, dialog, found) -> None:
        dialog.show_lines(*found)
        self.drilled.emit(dialog)

    def _chosen(self, line) -> None:
        if line.area == "person":
            self.person_requested.emit(line.record_id)
        elif line.area == "task":
            self.task_requested.emit(line.record_id)
        elif line.area:
            self.record_requested.emit(line.area, line.record_id)


class BehindDialog(QDialog):
    """The records behind a figure; double-click (or Enter) opens one in its area."""

    chosen = Signal(object)  # models.plan_rows.BehindLine

    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(640, 420)
        self.count = QLabel(self.tr("Reading…"))
        self.table = RowsTable([Column(self.tr("Part"), "part"), Column(self.tr("Date"), "on"),
                                Column(self.tr("Record"), "text", stretch=True)])
        self.table.row_activated.connect(self._activated)
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.count)
        layout.addWidget(self.table, 1)
        layout.addWidget(buttons)

    def show_lines(self, lines, total: int) -> None:
        self.table.show_rows([{"part": line.part, "on": line.on, "text": line.text, "line": line} for line in lines])
        text = self.tr("{total} records; double-click one to open it.").format(total=total)
        if total > len(lines):
            text += self.tr(" The first {shown} are listed.").format(shown=len(lines))
        self.count.setText(text)

    def show_problem(self, message: str) -> None:
        self.count.setText(message)

    def _activated(self, row: dict) -> None:
        self.chosen.emit(row["line"])
        self.accept()

