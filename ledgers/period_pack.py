"""Period packs: 月调度材料 (a month) and 季总结材料 (a quarter) — the numbers and charts, one PDF.

    run(write_pack("month_pack", parse_period("2026-11"), Path("月调度.pdf"), LedgerOptions(), unit="…"))
    pack_figures(parse_period("2026Q4"), LedgerOptions())     # the same numbers as plain data

Sections: 人员基本情况 (在册 at the period's end, new registrations, who left; by 人员类别 with a
chart; by 嘎查村), 业务办理 (new and closed cases per area, with a chart), 超期事项 at the period's
end, 帮扶资金 (approved and paid in the period), 走访慰问 (visits, 应访 vs 已访), 矛盾纠纷化解 (outcomes
and 化解在当地率). The quarter adds 各月趋势 (each month of the quarter, table and line chart). At the
bureau (no station filter) 各服务站对比 puts every station side by side. Last, 对已关账期间的更正:
changes made after an earlier period was closed to records dated in it (models.periods_closed).
Before it, the work plan (ledgers/pack_plan.py): 工作任务推进情况 and 月调度未报情况, and in the quarter
季总结, 实绩考核赋分 and 对标情况.
The casework numbers and their definitions are in ledgers/pack_figures.py.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import peewee
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import KeepTogether, Paragraph, Spacer

from ledgers.as_of import money
from ledgers.fonts import FONT, register_fonts
from ledgers.pack_charts import grouped_bars, identity_chart, trend_chart  # noqa: F401 (identity_chart: public)
from ledgers.pack_plan import plan_figures, plan_sections
from ledgers.pack_figures import (CASE_AREAS, CLOSED_MEANS, OVERDUE_LABELS, as_at, casework_figures, flow_figures,
                                  visits_by_station, visits_total)
from ledgers.pdf_layout import AVAIL_W, Column, LedgerDocument, side_by_side, small_table, write_document_pdf
from ledgers.periods import Period, PeriodInvalid
from ledgers.progress import Job, Progress
from models import vocab
from models.as_of import on_roster, registered_in
from models.installation import Installation, Station, Village
from models.person import Person, PersonIdentity

CORRECTIONS_HEADING = "对已关账期间的更正"
PAIRED_ROWS = 24  # a list longer than this gets its own section (and may run over pages)
NUMERALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"] + [f"十{n}" for n in "一二三四五六七八九"]


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


def check_period(kind: str, period: Period) -> Pack:
    pack = PACKS[kind]
    if period.kind != pack.period_kind:
        what = {"month": "一个月", "quarter": "一个季度"}[pack.period_kind]
        raise PeriodInvalid(f"{pack.title}的期间应为{what}，例如 {pack.example}。")
    return pack


def _scoped(select, station_code):
    return select.where(Person.station_code == station_code) if station_code else select


def register_figures(period: Period, station_code: str | None) -> dict:
    count = peewee.fn.COUNT(Person.id)
    on = on_roster(period)
    left = {status: _scoped(Person.select(count).where(
        Person.deleted_at.is_null() & (Person.status == status) & Person.status_date.between(period.start, period.end)),
        station_code).scalar() for status in ("moved", "deceased", "removed")}
    return {"on_roster": _scoped(Person.select(count).where(on), station_code).scalar(),
            "registered": _scoped(Person.select(count).where(registered_in(period)), station_code).scalar(),
            "left": left}


def pack_figures(period: Period, options) -> dict:
    """The numbers of the pack, as plain data (what closing a period freezes beside the PDF)."""
    station_code = options.station_code
    figures = register_figures(period, station_code)
    on = on_roster(period)
    by_identity = (PersonIdentity.select(PersonIdentity.category, peewee.fn.COUNT(PersonIdentity.id))
                   .join(Person, on=(PersonIdentity.person == Person.id))
                   .where(on & PersonIdentity.deleted_at.is_null()).group_by(PersonIdentity.category).tuples())
    found = dict(_scoped(by_identity, station_code))
    figures["by_identity"] = [(vocab.label("identity", c), found.get(c, 0)) for c in vocab.VOCABULARIES["identity"]]
    by_village = (Person.select(Village.name, peewee.fn.COUNT(Person.id))
                  .join(Village, peewee.JOIN.LEFT_OUTER, on=(Person.village == Village.id))
                  .where(on).group_by(Village.name).order_by(Village.name).tuples())
    figures["by_village"] = [(name or "（未填写嘎查村）", n) for name, n in _scoped(by_village, station_code)]
    figures["visits"] = _visit_figures(period, station_code)
    visits = visits_by_station(period, station_code)  # every station's in one count (the comparison's too)
    figures.update(casework_figures(period, station_code, visits=visits_total(visits)))
    if period.kind == "quarter":
        figures["months"] = [_month_trend(Period.month(period.start.year, period.start.month + i), station_code)
                             for i in range(3)]
    if Installation.get_current().is_bureau and not station_code:
        figures["by_station"] = _station_comparison(period, visits)
    figures["work_plan"] = plan_figures(period, options)
    return figures


def _visit_figures(period: Period, station_code: str | None) -> dict:
    from models.visits import Visit

    select = Visit.select(peewee.fn.COUNT(Visit.id), peewee.fn.COUNT(Visit.person.distinct()),
                          peewee.fn.COALESCE(peewee.fn.SUM(Visit.money_fen), 0)).where(
        Visit.deleted_at.is_null() & Visit.visited_on.between(period.start, period.end))
    if station_code:
        select = select.where(Visit.station_code == station_code)
    visits, persons, money_fen = select.tuples().get()
    return {"visits": visits, "persons": persons, "money_fen": money_fen}


def _month_trend(month: Period, station_code: str | None) -> dict:
    reg = register_figures(month, station_code)
    work = flow_figures(month, station_code)
    return {"label": f"{month.start.month}月", "registered": reg["registered"],
            "visits": _visit_figures(month, station_code)["visits"], "services": work["services"],
            "new_cases": sum(c["new"] for c in work["cases"].values()),
            "closed_cases": sum(c["closed"] for c in work["cases"].values()),
            "paid_fen": work["money"]["paid_fen"], "rate_text": work["disputes"]["rate_text"]}


def _station_comparison(period: Period, visits: dict[str | None, dict[str, int]]) -> list[dict]:
    rows = []
    for station in Station.select().order_by(Station.id):
        reg = register_figures(period, station.id)
        work = casework_figures(period, station.id, visits=visits.get(station.id, {"due": 0, "done": 0}))
        rows.append({"name": station.name, "on_roster": reg["on_roster"], "registered": reg["registered"],
                     "visits": _visit_figures(period, station.id)["visits"], "due": work["visits_due"]["due"],
                     "done": work["visits_due"]["done"], "services": work["services"],
                     "new_cases": sum(c["new"] for c in work["cases"].values()),
                     "closed_cases": sum(c["closed"] for c in work["cases"].values()),
                     "overdue": sum(work["overdue"].values()), "approved_fen": work["money"]["approved_fen"],
                     "paid_fen": work["money"]["paid_fen"], "rate_text": work["disputes"]["rate_text"]})
    return rows


def _percent(part: int, whole: int) -> str:
    return f"{part * 100 / whole:.1f}%" if whole else "—"


def _story(pack: Pack, period: Period, f: dict, corrections: list, closing_note: str) -> list:
    register_fonts()
    heading = ParagraphStyle("pack-h", fontName=FONT, fontSize=12, leading=16, spaceBefore=8, spaceAfter=4)
    body = ParagraphStyle("pack-b", fontName=FONT, fontSize=9.5, leading=13, wordWrap="CJK")
    half = AVAIL_W / 2 - 6 * mm
    numerals = iter(NUMERALS)

    def section(title: str, *flowables) -> list:
        return [KeepTogether([Paragraph(f"{next(numerals)}、{title}", heading), *flowables])]

    def pair(title_a: str, flow_a, title_b: str, flow_b, *, fits: bool = True) -> list:
        """Two short sections side by side (landscape pages have the room); one after the other when
        either is long (a table row cannot split across pages)."""
        if not fits:
            return section(title_a, flow_a) + section(title_b, flow_b)
        left = [Paragraph(f"{next(numerals)}、{title_a}", heading), flow_a]
        right = [Paragraph(f"{next(numerals)}、{title_b}", heading), flow_b]
        return [side_by_side(left, right)]

    def nums(*labels: str) -> list[Column]:
        return [Column(label, align="CENTER") for label in labels]

    story = section("人员基本情况", side_by_side(small_table(
        nums("期末在册", "本期新登记", "本期迁出", "本期去世", "本期注销"),
        [[str(f["on_roster"]), str(f["registered"]), str(f["left"]["moved"]), str(f["left"]["deceased"]),
          str(f["left"]["removed"])]], half), identity_chart(f["by_identity"], half)))
    story += pair("按人员类别（期末在册）", small_table(
        [Column("人员类别", wrap=True), Column("人数", align="RIGHT")],
        [[label, str(n)] for label, n in f["by_identity"] if n] or [], half),
        "按嘎查村（期末在册）", small_table(
        [Column("嘎查村", wrap=True), Column("人数", align="RIGHT")], [[name, str(n)] for name, n in f["by_village"]],
        half), fits=len(f["by_village"]) <= PAIRED_ROWS)
    cases = f["cases"]
    areas = list(CASE_AREAS)
    story += section("业务办理情况", side_by_side(small_table(
        [Column("事项", wrap=True), Column("本期新增", align="RIGHT"), Column("本期办结", align="RIGHT"),
         Column("办结指", wrap=True)],
        [["服务记录", str(f["services"]), "—", "—"]]
        + [[CASE_AREAS[a], str(cases[a]["new"]), str(cases[a]["closed"]), CLOSED_MEANS[a]] for a in areas], half),
        grouped_bars("本期业务办理（件）", [CASE_AREAS[a] for a in areas],
                     {"新增": [cases[a]["new"] for a in areas], "办结": [cases[a]["closed"] for a in areas]}, half)))
    overdue = f["overdue"]
    until = as_at(period)
    m = f["money"]
    story += pair(f"超期事项（截至{until.month}月{until.day}日）", small_table(
        [Column("事项", wrap=True), Column("件数", align="RIGHT")],
        [[OVERDUE_LABELS[k], str(v)] for k, v in overdue.items()] + [["合计", str(sum(overdue.values()))]], half),
        "困难帮扶资金", small_table(
        nums("本期核定（件）", "核定金额（元）", "本期发放（件）", "发放金额（元）"),
        [[str(m["approved_cases"]), money(m["approved_fen"]), str(m["paid_cases"]), money(m["paid_fen"])]], half))
    v, due = f["visits"], f["visits_due"]
    story += section("走访慰问", small_table(
        nums("走访次数", "走访人数", "慰问金（元）", "应走访（人）", "已走访（人）", "完成率"),
        [[str(v["visits"]), str(v["persons"]), money(v["money_fen"]), str(due["due"]), str(due["done"]),
          _percent(due["done"], due["due"])]], AVAIL_W * 0.7))
    d = f["disputes"]
    story += section("矛盾纠纷化解", small_table(
        nums("本期登记", "已化解", "已稳控", "已上报", "已中止", "化解在当地率"),
        [[str(cases["dispute"]["new"]), str(d["resolved"]), str(d["contained"]), str(d["escalated"]),
          str(d["suspended"]), d["rate_text"]]], AVAIL_W * 0.7),
        Spacer(1, 2 * mm), Paragraph(f"化解在当地率 = 本期以“已化解”办结的件数 ÷ 本期办结的件数 = {d['rate_resolved']} ÷ {d['rate_ended']}。",
                  body))
    if "months" in f:
        months = f["months"]
        story += section("各月趋势", small_table(
            [Column("月份", align="CENTER")] + nums("新登记", "走访次数", "服务记录", "新增案件", "办结案件",
                                                  "发放金额（元）", "化解在当地率"),
            [[t["label"], str(t["registered"]), str(t["visits"]), str(t["services"]), str(t["new_cases"]),
              str(t["closed_cases"]), money(t["paid_fen"]), t["rate_text"]] for t in months]),
            Spacer(1, 3 * mm),
            trend_chart("各月走访、服务与案件（次/件）", [t["label"] for t in months],
                        {"走访次数": [t["visits"] for t in months], "服务记录": [t["services"] for t in months],
                         "新增案件": [t["new_cases"] for t in months]}, AVAIL_W * 0.7))
    if "by_station" in f:
        stations = f["by_station"]
        story += section("各服务站对比", small_table(
            [Column("服务站", wrap=True)] + nums("期末在册", "新登记", "走访次数", "应访", "已访", "服务记录", "新增案件",
                                               "办结案件", "超期事项", "核定（元）", "发放（元）", "化解在当地率"),
            [[s["name"], str(s["on_roster"]), str(s["registered"]), str(s["visits"]), str(s["due"]), str(s["done"]),
              str(s["services"]), str(s["new_cases"]), str(s["closed_cases"]), str(s["overdue"]),
              money(s["approved_fen"]), money(s["paid_fen"]), s["rate_text"]] for s in stations]))
        if pack.period_kind == "quarter" and stations:
            story += [Spacer(1, 3 * mm), KeepTogether([grouped_bars(
                "各服务站走访完成情况（人）", [s["name"].replace("退役军人服务站", "") for s in stations],
                {"应访": [s["due"] for s in stations], "已访": [s["done"] for s in stations]}, AVAIL_W)])]
    for title, flowables in plan_sections(f["work_plan"], body):
        story += section(title, *flowables)
    story += section(CORRECTIONS_HEADING, *_corrections_block(corrections, body))
    if closing_note:
        story += [Spacer(1, 3 * mm), Paragraph(closing_note, body)]
    return story


def _corrections_block(corrections: list, body) -> list:
    if not corrections:
        return [Paragraph("无。已关账期间的记录在关账后没有更改。", body)]
    from models.fields import local_display

    rows = [[local_display(c.at), c.period, c.on.isoformat(), c.what, c.op, c.author] for c in corrections]
    return [small_table([Column("更正时间", align="CENTER"), Column("所属期间", align="CENTER"),
                         Column("记录日期", align="CENTER"), Column("记录", wrap=True), Column("操作", align="CENTER"),
                         Column("操作人", wrap=True)], rows),
            Spacer(1, 2 * mm), Paragraph("以上记录的日期在已关账期间内，在关账之后录入或修改；已关账材料保持原样，更正在本期列明。", body)]


def build_pack(kind: str, period: Period, out: Path, options, *, unit: str, prepared_by: str = "",
               filled_on: dt.date | None = None, closing_note: str = "", until: str | None = None) -> Job[dict]:
    """Write the pack to `out`; yields Progress, returns the figures it printed."""
    from models.periods_closed import corrections_since

    pack = check_period(kind, period)
    yield Progress(0, 2, "正在统计…")
    figures = pack_figures(period, options)
    corrections = corrections_since(kind, period.start, options.station_code, until=until)
    figures["corrections"] = len(corrections)
    story = _story(pack, period, figures, corrections, closing_note)
    doc = LedgerDocument(title=pack.title, unit=unit, period_label=period.label, columns=(),
                         prepared_by=prepared_by, filled_on=filled_on or dt.date.today())
    yield from write_document_pdf(Path(out), doc, story, start=1, total=2)
    return figures


def write_pack(kind: str, period: Period, out: Path, options, *, unit: str, prepared_by: str = "",
               filled_on: dt.date | None = None) -> Job[Path]:
    yield from build_pack(kind, period, out, options, unit=unit, prepared_by=prepared_by, filled_on=filled_on)
    return Path(out)
