"""Period packs: 月调度材料 (a month) and 季总结材料 (a quarter) — counts and a chart, one PDF.

    run(write_pack("month_pack", parse_period("2026-11"), Path("月调度.pdf"), LedgerOptions()))

What exists so far is covered: the register (在册 at the period's end, new registrations, who left
in the period, by 人员类别 with a bar chart, by 嘎查村, and at the bureau by station) and 走访慰问
(visits, persons visited, 慰问金). Casework sections (cases opened/closed, overdue items, money
approved and paid, 化解在当地率) and closing a period are still to come.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import peewee
from reportlab.graphics.charts.barcharts import HorizontalBarChart
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ledgers.fonts import FONT, register_fonts
from ledgers.pdf_layout import AVAIL_W, Column, LedgerDocument, small_table, write_document_pdf
from ledgers.periods import Period, PeriodInvalid
from ledgers.progress import Job, Progress
from ledgers.roster import on_roster
from models import vocab
from models.installation import Installation, Station, Village
from models.person import Person, PersonIdentity


@dataclass(frozen=True)
class Pack:
    kind: str
    title: str
    period_kind: str  # the period it is made for
    example: str


PACKS = {p.kind: p for p in [
    Pack("month_pack", "月调度材料", "month", "2026-11"),
    Pack("quarter_pack", "季总结材料", "quarter", "2026Q4"),
]}


def _registered_in(period: Period):
    start = period.start.isoformat()
    end = (period.end + dt.timedelta(days=1)).isoformat()
    return Person.deleted_at.is_null() & (
        Person.filed_on.between(period.start, period.end)
        | (Person.filed_on.is_null() & (Person.created_at >= start) & (Person.created_at < end)))


def _scoped(select, options):
    return select.where(Person.station_code == options.station_code) if options.station_code else select


def pack_figures(period: Period, options) -> dict:
    """The numbers of the pack, as plain data (also what a later 'close the period' would freeze)."""
    count = peewee.fn.COUNT(Person.id)
    on = on_roster(period)
    left = {status: _scoped(Person.select(count).where(
        Person.deleted_at.is_null() & (Person.status == status) & Person.status_date.between(period.start, period.end)),
        options).scalar() for status in ("moved", "deceased", "removed")}
    figures = {
        "on_roster": _scoped(Person.select(count).where(on), options).scalar(),
        "registered": _scoped(Person.select(count).where(_registered_in(period)), options).scalar(),
        "left": left,
    }
    by_identity = (PersonIdentity.select(PersonIdentity.category, peewee.fn.COUNT(PersonIdentity.id))
                   .join(Person, on=(PersonIdentity.person == Person.id))
                   .where(on & PersonIdentity.deleted_at.is_null()).group_by(PersonIdentity.category).tuples())
    found = dict(_scoped(by_identity, options))
    figures["by_identity"] = [(vocab.label("identity", c), found.get(c, 0)) for c in vocab.VOCABULARIES["identity"]]
    by_village = (Person.select(Village.name, count).join(Village, peewee.JOIN.LEFT_OUTER, on=(Person.village == Village.id))
                  .where(on).group_by(Village.name).order_by(Village.name).tuples())
    figures["by_village"] = [(name or "（未填写嘎查村）", n) for name, n in _scoped(by_village, options)]
    if Installation.get_current().is_bureau and not options.station_code:
        names = {s.id: s.name for s in Station.select()}
        new = dict(Person.select(Person.station_code, count).where(_registered_in(period)).group_by(Person.station_code).tuples())
        on_end = dict(Person.select(Person.station_code, count).where(on).group_by(Person.station_code).tuples())
        figures["by_station"] = [(names.get(code, code), on_end.get(code, 0), new.get(code, 0))
                                 for code in sorted(set(names) | set(on_end))]
    figures["visits"] = _visit_figures(period, options)
    return figures


def _visit_figures(period: Period, options) -> dict | None:
    try:
        from models.visits import Visit
    except ImportError:  # visits not part of this build
        return None
    select = Visit.select(peewee.fn.COUNT(Visit.id), peewee.fn.COUNT(Visit.person.distinct()),
                          peewee.fn.COALESCE(peewee.fn.SUM(Visit.money_fen), 0)).where(
        Visit.deleted_at.is_null() & Visit.visited_on.between(period.start, period.end))
    if options.station_code:
        select = select.where(Visit.station_code == options.station_code)
    visits, persons, money = select.tuples().get()
    return {"visits": visits, "persons": persons, "money_fen": money}


def identity_chart(counts: list[tuple[str, int]], width: float) -> Drawing:
    """A horizontal bar per 人员类别 (labels are long Chinese words: they read best on the left)."""
    register_fonts()
    shown = [(label, n) for label, n in counts if n] or counts[:1]
    bar_h = 16
    height = max(60, bar_h * len(shown) + 40)
    drawing = Drawing(width, height)
    drawing.initialFontName = FONT  # else the renderer starts with (and embeds a reference to) Helvetica
    chart = HorizontalBarChart()
    chart.x, chart.y = 150, 25
    chart.width, chart.height = width - 200, height - 40
    chart.data = [[n for _, n in reversed(shown)]]
    chart.categoryAxis.categoryNames = [label for label, _ in reversed(shown)]
    chart.categoryAxis.labels.fontName = FONT
    chart.categoryAxis.labels.fontSize = 9
    chart.valueAxis.labels.fontName = FONT
    chart.valueAxis.valueMin = 0
    chart.bars[0].fillColor = colors.Color(0.35, 0.5, 0.7)
    chart.barLabels.fontName = FONT
    chart.barLabels.fontSize = 8
    chart.barLabelFormat = "%d"
    chart.barLabels.nudge = 8
    drawing.add(chart)
    drawing.add(String(0, height - 10, "期末在册人员按人员类别（人）", fontName=FONT, fontSize=10))
    return drawing


def write_pack(kind: str, period: Period, out: Path, options, *, unit: str, prepared_by: str = "",
               filled_on: dt.date | None = None) -> Job[Path]:
    pack = PACKS[kind]
    if period.kind != pack.period_kind:
        what = {"month": "一个月", "quarter": "一个季度"}[pack.period_kind]
        raise PeriodInvalid(f"{pack.title}的期间应为{what}，例如 {pack.example}。")
    yield Progress(0, 2, "正在统计…")
    f = pack_figures(period, options)
    register_fonts()
    heading = ParagraphStyle("pack-h", fontName=FONT, fontSize=12, leading=16, spaceBefore=6, spaceAfter=4)
    half = AVAIL_W / 2 - 6 * mm
    story = [Paragraph("一、人员基本情况", heading), small_table(
        [Column(label, align="CENTER") for label in ("期末在册", "本期新登记", "本期迁出", "本期去世", "本期注销")],
        [[str(f["on_roster"]), str(f["registered"]), str(f["left"]["moved"]), str(f["left"]["deceased"]),
          str(f["left"]["removed"])]], half)]
    story += [Spacer(1, 3 * mm), KeepTogether([identity_chart(f["by_identity"], AVAIL_W)])]
    story += [Paragraph("二、按人员类别", heading),
              small_table([Column("人员类别", wrap=True), Column("人数", align="RIGHT")],
                          [[label, str(n)] for label, n in f["by_identity"]], half)]
    story += [Paragraph("三、按嘎查村（期末在册）", heading),
              small_table([Column("嘎查村", wrap=True), Column("人数", align="RIGHT")],
                          [[name, str(n)] for name, n in f["by_village"]], half)]
    number = "四五六"
    if "by_station" in f:
        story += [Paragraph(f"{number[0]}、各服务站对比", heading),
                  small_table([Column("服务站", wrap=True), Column("期末在册", align="RIGHT"),
                               Column("本期新登记", align="RIGHT")],
                              [[name, str(a), str(b)] for name, a, b in f["by_station"]], AVAIL_W * 0.7)]
        number = number[1:]
    if f["visits"] is not None:
        v = f["visits"]
        story += [Paragraph(f"{number[0]}、走访慰问", heading),
                  small_table([Column("走访次数", align="RIGHT"), Column("走访人数", align="RIGHT"),
                               Column("慰问金（元）", align="RIGHT")],
                              [[str(v["visits"]), str(v["persons"]), f"{v['money_fen'] / 100:.2f}"]], half)]
    doc = LedgerDocument(title=pack.title, unit=unit, period_label=period.label, columns=(),
                         prepared_by=prepared_by, filled_on=filled_on or dt.date.today())
    return (yield from write_document_pdf(Path(out), doc, story, start=1, total=2))
