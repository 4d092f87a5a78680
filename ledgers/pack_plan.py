"""The work plan's part of the period packs: task progress and missing 月调度 (month and quarter), and
in the quarter the 季总结, the 考核赋分 and the stations compared (issue 10).

    f = plan_figures(parse_period("2026Q4"), LedgerOptions())     # plain data, frozen beside the pack
    for title, flowables in plan_sections(f): …                  # the pack's sections (period_pack._story)

Figures are read through the domain (models.plan_status.task_counts / task_statuses / missing_reports,
models.plan_meetings.quarter_summaries, models.scoring.compute_scores, models.indicators) for the pack's
scope (ledgers.options.scope_unit: a station its own unit; the bureau every unit, or one station).
They are plain data (strings and numbers) so closing a period stores them with the PDF.
"""
from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, Spacer

from ledgers.assessment import change_text, figure_text, previous_period, score_board
from ledgers.options import scope_unit
from ledgers.pack_charts import grouped_bars
from ledgers.pdf_layout import AVAIL_W, Column, side_by_side, small_table
from ledgers.work_plan import short_unit
from models.fields import local_display
from models.indicators import as_at, indicator_rows_of
from models.installation import Installation
from models.plan_edit import find_plan
from models.plan_meetings import SUMMARY_FIELDS, quarter_summaries
from models.plan_status import STATUS_LABELS, due_date, missing_reports, months_between, task_counts, task_statuses
from models.plan_units import unit_names
from models.periods import Period

COMPARED = ("visit_rate", "resolved_locally_rate", "overdue_items", "tasks_assigned", "tasks_done", "tasks_late",
            "progress_on_time")


def plan_figures(period: Period, options) -> dict:
    """The plan's numbers for the pack (see the module docstring); {"plan": None} without a plan."""
    plan = find_plan(period.start.year)
    if plan is None:
        return {"plan": None, "year": period.start.year}
    unit = scope_unit(options)
    on = as_at(period)
    names = unit_names()
    counts = task_counts(period.start, period.end, [unit] if unit else None)
    statuses = task_statuses(plan.id, on=on, unit_code=unit)
    by_status = {label: sum(1 for s in statuses.values() if s == code) for code, label in STATUS_LABELS.items()}
    months = months_between(period.start, period.end)
    missing: dict[str, dict[str, list[int]]] = {}  # unit name → month → task numbers not reported
    for month in months:
        for m in missing_reports(month, unit_code=unit):
            missing.setdefault(m["unit_name"], {}).setdefault(month, []).append(m["task_number"])
    f = {"plan": plan.title, "year": plan.year, "as_at": on.isoformat(), "tasks_by_status": by_status,
         "units": [{"name": names.get(code, code), **c} for code, c in sorted(counts.items())],
         "months": months, "missing": [{"unit": name, **by_month} for name, by_month in missing.items()],
         "due_days": [due_date(m).isoformat() for m in months]}
    if period.kind == "quarter":
        f["summaries"] = [{"unit": names.get(s.unit_code, s.unit_code),
                           **{label: getattr(s, name) or "" for name, label in SUMMARY_FIELDS.items()}}
                          for s in quarter_summaries(period.code, unit_code=unit)]
        f["scores"] = _score_figures(period, options)
        f["comparison"] = _comparison_figures(period, unit)
    return f


def _score_figures(period: Period, options) -> dict | None:
    board = score_board(period, options)
    if board is None:
        return None
    rows = []
    for r in board.rows:
        frozen = r.frozen
        rows.append({"name": r.station_name, "rank": frozen.rank if frozen else r.rank, "total": r.shown_total,
                     "confirmed": local_display(frozen.confirmed_at) if frozen else None,
                     "version": frozen.scheme_version if frozen else board.scheme.revision,
                     "recomputed": r.total if frozen and r.total != frozen.total else None})
    return {"rows": rows, "confirmed": board.confirmed, "version": board.scheme.revision}


def _comparison_figures(period: Period, unit: str | None) -> list[dict]:
    """The stations' key indicators this quarter, with the change from the previous one (scores apart:
    they are in the score section)."""
    if not Installation.get_current().is_bureau and unit is None:
        return []
    now, before = indicator_rows_of([period, previous_period(period)], [unit] if unit else None, with_score=False)
    before = {r["station_code"]: r for r in before}
    out = []
    for row in now:
        was = before.get(row["station_code"], {})
        out.append({"name": row["station_name"],
                    **{k: figure_text(k, row[k]) for k in COMPARED},
                    **{f"{k}_change": change_text(k, row[k], was.get(k)) for k in COMPARED},
                    "done": row["tasks_done"], "late": row["tasks_late"]})
    return out


def _nums(*labels: str) -> list[Column]:
    return [Column(label, align="CENTER") for label in labels]


def plan_sections(f: dict, body) -> list[tuple[str, list]]:
    """(title, flowables) of each plan section of a pack, from plan_figures."""
    if f.get("plan") is None:
        return [("工作任务推进情况", [Paragraph(f"{f['year']}年还没有工作方案。", body)])]
    sections = []
    status = f["tasks_by_status"]
    on = f["as_at"]
    units = f["units"]
    sections.append(("工作任务推进情况", [
        Paragraph(f"{f['plan']}（{f['year']}年）：截至{on}，任务{sum(status.values())}项，"
                  + "，".join(f"{label}{n}项" for label, n in status.items()) + "。", body),
        Spacer(1, 2 * mm),
        small_table([Column("责任单位", wrap=True)] + _nums("承担任务", "已完成", "滞后", "应报月调度", "已报", "按时报送"),
                    [[u["name"], str(u["tasks_assigned"]), str(u["tasks_done"]), str(u["tasks_late"]),
                      str(u["progress_due"]), str(u["progress_reported"]), str(u["progress_on_time"])] for u in units]),
        Spacer(1, 2 * mm),
        Paragraph("应报月调度：本期截止日已过、应当报送的月调度（单位×任务×月）；已报含逾期补报；按时报送指截止日前报送。", body)]))
    missing, months = f["missing"], f["months"]
    due = "、".join(f"{int(d[5:7])}月{int(d[8:])}日" for d in f["due_days"])
    sections.append(("月调度未报情况", [
        small_table([Column("责任单位", wrap=True)] + [Column(f"{int(m[5:])}月未报的任务", wrap=True) for m in months],
                    [[row["unit"]] + ["、".join(str(n) for n in row.get(m, [])) for m in months] for row in missing])
        if missing else Paragraph("截止日已过的月调度均已报送。", body),
        Spacer(1, 2 * mm), Paragraph(f"截止日：{due}；截止日未到的月份不列未报。表中为任务序号（见工作任务台账）。", body)]))
    if "summaries" in f:
        summaries = f["summaries"]
        sections.append(("季总结", [
            small_table([Column("单位", wrap=True)] + [Column(label, wrap=True) for label in SUMMARY_FIELDS.values()],
                        [[s["unit"]] + [s[label] for label in SUMMARY_FIELDS.values()] for s in summaries])
            if summaries else Paragraph("本季度还没有单位填写季总结。", body)]))
        sections.append(("实绩考核赋分", _score_block(f["scores"], body)))
        if f["comparison"]:
            sections.append(("对标情况", _comparison_block(f["comparison"], body)))
    return sections


def _score_block(scores: dict | None, body) -> list:
    if scores is None:
        return [Paragraph("本年度还没有考核赋分方案。", body)]
    rows = scores["rows"]
    table = small_table([Column("名次", align="CENTER"), Column("服务站", wrap=True), Column("总分", align="RIGHT"),
                         Column("确认情况", wrap=True)],
                        [[str(r["rank"]), r["name"], f"{r['total']:.2f}",
                          (f"已确认（{r['confirmed']}，方案第{r['version']}版）" if r["confirmed"] else "未确认")
                          + (f"；按现有数据重算为{r['recomputed']:.2f}" if r["recomputed"] is not None else "")]
                         for r in rows], AVAIL_W / 2 - 6 * mm)
    out = [table]
    if rows:
        chart = grouped_bars("各服务站考核总分", [short_unit(r["name"]) for r in rows],
                             {"总分": [round(r["total"], 2) for r in rows]}, AVAIL_W / 2 - 6 * mm,
                             value_format="%.1f")
        out = [side_by_side(table, chart)]
    note = ("本季度考核分数已确认，以上为确认时冻结的分数。" if scores["confirmed"] else
            f"本季度考核分数尚未确认（方案第{scores['version']}版），确认前可能变化。")
    return out + [Spacer(1, 2 * mm), Paragraph(note + "各项目得分见季度考核赋分表。", body)]


def _comparison_block(rows: list[dict], body) -> list:
    labels = ("走访完成率", "化解在当地率", "逾期事项", "承担任务", "完成任务", "滞后任务", "月调度按时")
    table = small_table([Column("服务站", wrap=True)] + _nums(*labels),
                        [[r["name"]] + [r[k] + (f"\n{r[k + '_change']}" if r[k + "_change"] else "") for k in COMPARED]
                         for r in rows])
    out = [table, Spacer(1, 2 * mm),
           Paragraph("每格第二行为较上季度的变化（率以百分点计）。全部指标见对标情况表。", body)]
    if len(rows) > 1:
        out += [Spacer(1, 3 * mm), grouped_bars("各服务站工作任务（项）", [short_unit(r["name"]) for r in rows],
                                                {"完成": [r["done"] for r in rows], "滞后": [r["late"] for r in rows]},
                                                AVAIL_W)]
    return out
