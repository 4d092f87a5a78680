"""季度考核赋分表 and 对标情况表: the 实绩考核 scores and the stations side by side (issue 10).

    rows = score_rows(parse_period("2026Q4"), LedgerOptions())       # every station's items, ranked
    rows = comparison_rows(parse_period("2026Q4"), LedgerOptions())  # indicators × stations, with 较上期

Scores come from models.scoring.compute_scores: a confirmed station prints what was frozen (its items,
total and rank as confirmed, and the scheme version), and a recomputation that differs is named in
the notes, never silently printed instead. The comparison reads models.indicators.indicator_rows_of for
the period and for the one before it (the previous month, quarter or year) and prints each figure
with its change. At a station: its own column (and the banner's average the bureau published, if
any); at the bureau every station and the 合计 row, or one station (options.station_code) beside the
banner's average.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgers.as_of import money
from ledgers.options import Rows, scope_unit
from ledgers.pdf_layout import Column
from ledgers.work_plan import short_unit
from models.errors import NotFound
from models.fields import local_display
from models.indicators import INDICATORS, ROW_KEYS, indicator_rows_of, total_row
from models.installation import Installation
from models.periods import Period, PeriodInvalid
from models.scoring import ScoreBoard, compute_scores, find_scheme, published

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions

SCORE_COLUMNS = (
    Column("名次", align="CENTER"), Column("服务站", wrap=True), Column("考核项目", wrap=True),
    Column("计分依据", wrap=True), Column("指标值", align="RIGHT"), Column("原始分/满分", align="CENTER"),
    Column("权重", align="RIGHT"), Column("得分", align="RIGHT"), Column("总分", align="RIGHT"),
)
FIGURE_KEYS = ROW_KEYS[2:]  # persons … score


# --- figures in words -----------------------------------------------------------------------------

def figure_text(code: str, value) -> str:
    """An indicator's value as printed: rates in %, money in 元, scores with two decimals, "—" for none."""
    if value is None:
        return "—"
    unit = INDICATORS[code].unit if code in INDICATORS else ""
    if unit == "%":
        return f"{value * 100:.1f}%"
    if unit == "分" and code.endswith("_fen"):
        return money(value)
    if code == "score":
        return f"{value:.2f}"
    return f"{value:g}" if isinstance(value, float) else str(value)


def change_text(code: str, now, before) -> str:
    """较上期: +3, −1.2个百分点, 持平; blank where either side has no figure."""
    if now is None or before is None:
        return ""
    diff = now - before
    if code in INDICATORS and INDICATORS[code].unit == "%":
        diff, suffix = round(diff * 100, 1), "个百分点"
    elif code.endswith("_fen"):
        diff, suffix = round(diff / 100, 2), "元"
    else:
        diff, suffix = round(diff, 2), ""
    if diff == 0:
        return "持平"
    return f"{'+' if diff > 0 else '−'}{abs(diff):g}{suffix}"


def previous_period(period: Period) -> Period:
    """The period before: the month, quarter or year before this one."""
    s = period.start
    if period.kind == "month":
        return Period.month(s.year - 1, 12) if s.month == 1 else Period.month(s.year, s.month - 1)
    if period.kind == "quarter":
        q = (s.month - 1) // 3 + 1
        return Period.quarter(s.year - 1, 4) if q == 1 else Period.quarter(s.year, q - 1)
    if period.kind == "year":
        return Period.year(s.year - 1)
    raise PeriodInvalid(f"对标情况表比较一个月、一个季度或一年（如 2026-11、2026Q4、2026），不比较日期范围「{period.label}」。",
                        value=period.code)


# --- 季度考核赋分表 ---------------------------------------------------------------------------------

def score_board(period: Period, options: "LedgerOptions") -> ScoreBoard | None:
    """The quarter's board for the stations in scope (None when the year has no scheme)."""
    if find_scheme(period.start.year) is None:
        return None
    unit = scope_unit(options)
    return compute_scores(period, [unit] if unit else None)


def _rule_text(spec: dict | None, item: dict) -> str:
    if spec is None:
        return ""
    if spec["kind"] == "manual":
        return f"事务局评定：{item.get('reason') or '（未录入）'}"
    label = INDICATORS[spec["indicator"]].label if spec["indicator"] in INDICATORS else spec["indicator"]
    rule = spec["rule"]
    if rule["kind"] == "deduct":
        return f"{label}，每项扣{rule['per_item']:g}分"
    target = rule["target"]
    shown = f"{target * 100:g}%" if INDICATORS.get(spec["indicator"]) and INDICATORS[spec["indicator"]].unit == "%" \
        else f"{target:g}"
    return f"{label}，目标{shown}，达到目标的{rule['zero_at'] * 100:g}%及以下得0分、{rule['full_at'] * 100:g}%得满分"


def score_rows(period: Period, options: "LedgerOptions") -> Rows:
    """Per station (by rank): one row per scheme item — 计分依据, 指标值, 原始分/满分, 权重, 得分 — the
    total on the station's first row; confirmed stations print their frozen items."""
    board = score_board(period, options)
    if board is None:
        return Rows([], [f"{period.start.year}年还没有考核赋分方案，本表无内容。"])
    specs = {i["code"]: i for i in board.scheme.items}
    rows: list[list[str]] = []
    notes: list[str] = []
    for station in board.rows:
        frozen = station.frozen
        items = frozen.items if frozen else station.items
        total = frozen.total if frozen else station.total
        rank = frozen.rank if frozen else station.rank
        for n, item in enumerate(items):
            spec = specs.get(item["code"])
            value = figure_text(spec["indicator"], item["value"]) if spec and spec["kind"] == "indicator" else ""
            points = "未录入" if item["points"] is None else f"{item['points']:g}"
            rows.append([str(rank) if n == 0 else "", station.station_name if n == 0 else "", item["label"],
                         _rule_text(spec, item), value, f"{points}/{item['max_points']:g}", f"{item['weight']:g}",
                         f"{item['score']:.2f}", f"{total:.2f}" if n == 0 else ""])
        if frozen:
            notes.append(f"{station.station_name}：已于 {local_display(frozen.confirmed_at)} 由 {frozen.confirmed_by} "
                         f"确认并冻结（考核方案第{frozen.scheme_version}版，数据截至{frozen.data_as_at.isoformat()}）。")
            changed = [d for d in station.difference() if d["code"] != "total"]
            if changed:
                notes.append(f"{station.station_name}：按现有数据重新计算与确认时不同——"
                             + "；".join(f"{d['label']} {_pts(d['frozen'])}→{_pts(d['now'])}" for d in changed)
                             + f"；总分 {frozen.total:.2f}→{station.total:.2f}。本表仍按确认的分数。")
        elif station.missing:
            notes.append(f"{station.station_name}：事务局评定项目未录入（{'、'.join(station.missing)}），按0分计。")
    if not board.confirmed:
        on = min(period.end, dt.date.today())
        notes.insert(0, f"本季度考核分数尚未确认（考核方案第{board.scheme.revision}版，按{on.isoformat()}的数据计算），"
                        "确认前可能变化。")
    notes.append("得分 = 原始分 ÷ 满分 × 权重；总分为各项得分之和（满分100）；名次按总分，同分同名次。")
    return Rows(rows, notes)


def _pts(value) -> str:
    return "—" if value is None else f"{value:.2f}"


# --- 对标情况表 -------------------------------------------------------------------------------------

def _figures(periods: list[Period], codes: list[str] | None, *, ranked: bool) -> list[list[dict]]:
    """indicator_rows of each period (the casework read once for all: indicator_rows_of) with the score
    (the confirmed total where frozen) and, when `ranked`, the rank — both from one models.scoring board
    scored from those rows (quarters and years with a scheme; None otherwise)."""
    tables = indicator_rows_of(periods, codes, with_score=False)
    for period, rows in zip(periods, tables):
        if period.kind in ("quarter", "year") and find_scheme(period.start.year) is not None:
            board = {r.station_code: r for r in compute_scores(period, codes, rows=rows).rows}
            for row in rows:
                found = board.get(row["station_code"])
                row["score"] = found.shown_total if found else None
                if ranked:
                    row["rank"] = found.rank if found else None
    return tables


def _comparison_sides(period: Period, options: "LedgerOptions") -> list[tuple[str, dict, dict | None]]:
    """(heading, row now, row before) for each value column."""
    unit = scope_unit(options)
    before_period = previous_period(period)
    if Installation.get_current().is_bureau:
        now, before = _figures([period, before_period], None, ranked=True)
        previous = {r["station_code"]: r for r in before}
        if unit:
            own = [r for r in now if r["station_code"] == unit]
            if not own:
                raise NotFound(f"没有代码为 {unit} 的服务站的数据。", station_code=unit)
            return [(short_unit(own[0]["station_name"]), own[0], previous.get(unit)),
                    ("全旗平均", _average(now), _average(before))]
        sides = [(short_unit(r["station_name"]), r, previous.get(r["station_code"])) for r in now]
        return sides + [("合计", total_row(now), total_row(before))]
    now, before = _figures([period, before_period], [unit], ranked=False)
    if not now:
        return []
    sides = [(short_unit(now[0]["station_name"]), now[0], before[0] if before else None)]
    got = published(period, unit)  # the banner's average and this station's rank, as the bureau published them
    if got is not None:
        was = published(before_period, unit)
        sides.append(("全旗平均", dict(got.average), dict(was.average) if was else None))
        now[0]["rank"] = got.rank
        if was is not None and before:
            before[0]["rank"] = was.rank
    return sides


def _average(rows: list[dict]) -> dict:
    """The banner's average per station: sums ÷ stations, rates of the sums, the mean score."""
    total = total_row(rows)
    n = max(len(rows), 1)
    return {k: (round(v / n, 2) if INDICATORS[k].aggregate == "sum" and v is not None else v)
            for k, v in total.items() if k in INDICATORS}


COMPARED = FIGURE_KEYS + ["rank"]


def comparison_rows(period: Period, options: "LedgerOptions") -> Rows:
    """One row per indicator (then 名次), one column per station (then 合计 or 全旗平均): the figure and,
    under it, the change from the previous period. The columns depend on the stations: Rows.columns."""
    sides = _comparison_sides(period, options)
    rows = []
    for code in COMPARED:
        label = "名次" if code == "rank" else INDICATORS[code].label
        unit = "" if code == "rank" else ("元" if code.endswith("_fen") else INDICATORS[code].unit)
        cells = [f"{label}（{unit}）" if unit and unit != "%" else label]
        for _, now, before in sides:
            value = now.get(code)
            text = "—" if value is None else (str(value) if code == "rank" else figure_text(code, value))
            was = (before or {}).get(code)
            change = change_text(code, value, was)
            if code == "rank" and change and change != "持平":  # a smaller rank is better: say it in words
                change = f"{'升' if was > value else '降'}{abs(was - value)}位"
            cells.append(text + (f"\n{change}" if change else ""))
        rows.append(cells)
    before_label = previous_period(period).label
    notes = [f"每格第二行为较上期（{before_label}）的变化；率的变化以百分点计，名次以升降位数计。",
             "考核得分和名次：已确认的为确认时冻结的分数，未确认的按现有数据计算；按月比较或该年无考核方案时为“—”。",
             "在册、走访、服务、优待证、帮扶、矛盾纠纷按期间内的日期统计；逾期事项和任务状态为期末（期间未结束时为今天）的情况"
             "（定义见 docs/indicators.md）。"]
    columns = [Column("指标", wrap=True)] + [Column(name, align="RIGHT") for name, _, _ in sides]
    return Rows(rows, notes, columns=columns)
