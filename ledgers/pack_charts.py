"""The simple charts of the period packs (reportlab graphics, the embedded CJK font everywhere).

    identity_chart([("退役士兵", 120), …], width)                 # horizontal bars per 人员类别
    grouped_bars("本期业务办理（件）", ["服务代办", …], {"新增": [...], "办结": [...]}, width)
    trend_chart("各月情况", ["10月", "11月", "12月"], {"走访次数": [...], …}, width)

Every Drawing sets initialFontName, else the renderer starts with (and embeds a reference to)
Helvetica and pdffonts would list a font that is not embedded.
"""
from __future__ import annotations

from reportlab.graphics.charts.barcharts import HorizontalBarChart, VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.linecharts import HorizontalLineChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.graphics.widgets.markers import makeMarker
from reportlab.lib import colors

from ledgers.fonts import FONT, register_fonts

PALETTE = [colors.Color(0.35, 0.5, 0.7), colors.Color(0.85, 0.55, 0.25), colors.Color(0.4, 0.65, 0.4),
           colors.Color(0.6, 0.4, 0.65)]


def _drawing(width: float, height: float, title: str) -> Drawing:
    register_fonts()
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT
    drawing.add(String(0, height - 10, title, fontName=FONT, fontSize=10))
    return drawing


def _legend(drawing: Drawing, names: list[str], right: float, y: float) -> None:
    """A one-line legend ending at `right`."""
    legend = Legend()
    legend.deltax = 64
    legend.x, legend.y = right - legend.deltax * len(names) + 10, y
    legend.fontName, legend.fontSize = FONT, 8
    legend.alignment = "right"
    legend.columnMaximum = 1
    legend.colorNamePairs = [(PALETTE[i % len(PALETTE)], name) for i, name in enumerate(names)]
    drawing.add(legend)


def identity_chart(counts: list[tuple[str, int]], width: float) -> Drawing:
    """A horizontal bar per 人员类别 (labels are long Chinese words: they read best on the left)."""
    shown = [(label, n) for label, n in counts if n] or counts[:1]
    height = max(60, 16 * len(shown) + 40)
    drawing = _drawing(width, height, "期末在册人员按人员类别（人）")
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 25
    chart.width, chart.height = width - 200, height - 40
    chart.data = [[n for _, n in reversed(shown)]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(shown)]
    _style_bars(chart, 1)
    chart.categoryAxis.labels.fontSize = 9
    drawing.add(chart)
    return drawing


def grouped_bars(title: str, categories: list[str], series: dict[str, list[float]], width: float,
                 height: float = 150, value_format: str = "%d") -> Drawing:
    """Vertical bars, one group per category, one bar per series, with a legend."""
    drawing = _drawing(width, height, title)
    chart = VerticalBarChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, height - 62
    chart.data = [list(values) for values in series.values()]
    chart.categoryAxis.categoryNames = categories
    _style_bars(chart, len(series), value_format)
    chart.categoryAxis.labels.fontSize = 8.5
    chart.groupSpacing = 10
    drawing.add(chart)
    _legend(drawing, list(series), width - 10, height - 6)
    return drawing


def trend_chart(title: str, months: list[str], series: dict[str, list[float]], width: float,
                height: float = 150) -> Drawing:
    """One line per series across the months of the quarter."""
    drawing = _drawing(width, height, title)
    chart = HorizontalLineChart()
    chart.x, chart.y = 40, 30
    chart.width, chart.height = width - 60, height - 62
    chart.data = [list(values) for values in series.values()]
    chart.categoryAxis.categoryNames = months
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    _whole_number_axis(chart.valueAxis, [v for values in series.values() for v in values])
    chart.joinedLines = 1
    for i in range(len(series)):
        chart.lines[i].strokeColor = PALETTE[i % len(PALETTE)]
        chart.lines[i].strokeWidth = 1.5
        chart.lines[i].symbol = makeMarker("FilledCircle", size=4, fillColor=PALETTE[i % len(PALETTE)])
    # no value labels on the points: lines cross and labels collide; the table above has the numbers
    drawing.add(chart)
    _legend(drawing, list(series), width - 10, height - 6)
    return drawing


def _style_bars(chart, count: int, value_format: str = "%d") -> None:
    chart.categoryAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.labels.fontSize = 8
    chart.valueAxis.valueMin = 0
    _whole_number_axis(chart.valueAxis, [v for values in chart.data for v in values])
    for i in range(count):
        chart.bars[i].fillColor = PALETTE[i % len(PALETTE)]
        chart.bars[i].strokeColor = None
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 7.5
    chart.barLabelFormat = value_format
    chart.barLabels.nudge = 7



def _whole_number_axis(axis, values: list[float]) -> None:
    """Counts: ticks on whole numbers, at most five of them (1, 2, 5, 10, 20, 50 … apart)."""
    top = max([0] + list(values))
    step = next(c for c in (m * 10 ** k for k in range(12) for m in (1, 2, 5)) if top / c <= 5)
    axis.valueMin = 0
    axis.valueStep = step
    axis.valueMax = step * (int(top // step) + 1)
    axis.labelTextFormat = "%d"
