"""The work plan's ledgers: 工作任务台账, 月调度情况表 and the three lists (DOMAIN.md §7, issue 10).

    rows = task_rows(parse_period("2026Q4"), LedgerOptions())            # every task, by area
    rows = progress_rows(parse_period("2026-11"), LedgerOptions(station_code="150626100"))
    rows = list_rows("problem", parse_period("2026"), LedgerOptions())  # 主要问题清单

Everything is read through the domain (models.plan_tasks, plan_status, plan_progress, plan_lists):
statuses are the derived ones, as they stood at the period's end (today while it runs). The plan is
the one of the period's year. Scope: at a station its own unit (it holds only its own assignments
and reports); at the bureau every unit — 股室 and stations — or, with `options.station_code`, that
station's part only. A ledger returns `Rows`: the display rows and the lines printed under them.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ledgers.options import Rows, scope_unit
from ledgers.pdf_layout import Column
from models.indicators import INDICATORS, as_at
from models.plan import (ALL_STATIONS, LIST_KINDS, LIST_STATES, MeetingDecision, PlanBenchmark, PlanTask, ProgressEntry,
                         TaskAssignment)
from models.plan_edit import find_plan
from models.plan_lists import list_items
from models.plan_progress import progress_entries
from models.plan_status import STATUS_LABELS, assignment_statuses, due_date, missing_reports, task_statuses
from models.plan_tasks import tasks_of
from models.plan_units import stations, unit_names

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

TASK_COLUMNS = (
    Column("序号", align="CENTER"), Column("领域", wrap=True), Column("事项", wrap=True),
    Column("量化指标/目标", wrap=True), Column("牵头领导", wrap=True), Column("责任单位", wrap=True),
    Column("完成时限", align="CENTER"), Column("状态", wrap=True), Column("本期进展", wrap=True),
)
PROGRESS_COLUMNS = (
    Column("序号", align="CENTER"), Column("责任单位", wrap=True), Column("任务", wrap=True),
    Column("完成情况", wrap=True), Column("指标值", align="RIGHT"), Column("存在问题", wrap=True),
    Column("下步措施", wrap=True), Column("报送日期", align="CENTER"), Column("报送情况", wrap=True),
)
LIST_COLUMNS = {
    kind: (Column("序号", align="CENTER"), Column("事项", wrap=True), Column("来源", wrap=True),
           Column("措施", wrap=True), Column("责任人", wrap=True), Column("责任单位", wrap=True),
           Column("时限", align="CENTER"), Column("状态", align="CENTER"), Column("关联任务", wrap=True),
           Column({"problem": "整改事项", "improvement": "对应问题", "learning": "备注"}[kind], wrap=True))
    for kind in LIST_KINDS
}
ITEM_STATUS = {**LIST_STATES, "late": "滞后"}
NOT_REPORTED = "未报"


def short_unit(name: str) -> str:
    """嘎鲁图镇退役军人服务站 → 嘎鲁图镇 (lists of units stay readable)."""
    return name.removesuffix("退役军人服务站") or name


def _plan_or_note(period: "Period"):
    plan = find_plan(period.start.year)
    return plan, ([] if plan else [f"{period.start.year}年还没有工作方案，本表无内容。"])


def _figure(value: float | None, unit: str | None) -> str:
    return "" if value is None else f"{value:g}{unit or ''}"


def target_text(task: PlanTask) -> str:
    """量化指标: '95%（走访完成率）' — the target, and the computed indicator that measures it."""
    text = _figure(task.target_value, task.target_unit)
    if task.indicator:
        label = INDICATORS[task.indicator].label if task.indicator in INDICATORS else task.indicator
        text = f"{text}（{label}）" if text else f"按{label}"
    return text


def leaders_text(leaders: list[dict]) -> str:
    return "、".join(" ".join(p for p in ((l.get("post") or "").strip(), (l.get("name") or "").strip()) if p)
                    for l in leaders or [])


# --- 工作任务台账 -----------------------------------------------------------------------------------

def task_rows(period: "Period", options: "LedgerOptions") -> Rows:
    """One row per task in area order: 领域, 事项, 量化指标, 牵头领导, 责任单位, 完成时限, the status at
    the period's end (at the bureau the units behind a 滞后), and each unit's latest 月调度 in the period."""
    plan, notes = _plan_or_note(period)
    if plan is None:
        return Rows([], notes)
    unit = scope_unit(options)
    on = as_at(period)
    names = unit_names()
    statuses = task_statuses(plan.id, on=on, unit_code=unit)
    parts = assignment_statuses(plan_id=plan.id, on=on, unit_code=unit)
    by_task: dict[str, list[TaskAssignment]] = {}
    for a in TaskAssignment.select().where(TaskAssignment.id.in_(list(parts))).order_by(TaskAssignment.created_at):
        by_task.setdefault(a.task_id, []).append(a)
    latest = _latest_progress(period, unit)
    every = {code for code, _ in stations()}
    rows = []
    for task in tasks_of(plan.id, unit_code=unit):
        assignments = by_task.get(task.id, [])
        status = STATUS_LABELS[statuses[task.id]]
        late = [a.unit_code for a in assignments if parts[a.id] == "late"]
        if unit is None and late and len(late) < len(assignments):
            status += f"（{units_text(late, names, every)}）"
        progress = [f"{short_unit(names.get(a.unit_code, a.unit_code))} {_month_label(e.month)}：{e.done_text}"
                    + (f"（{_figure(e.value, task.target_unit)}）" if e.value is not None else "")
                    for a in assignments if (e := latest.get(a.id))]
        rows.append([str(task.number), task.area.name, task.title, target_text(task), leaders_text(task.leaders),
                     units_text([a.unit_code for a in assignments], names, every),
                     task.deadline.isoformat(), status, "\n".join(progress) or "本期无月调度"])
    notes.append(f"状态为{on.year}年{on.month}月{on.day}日的情况：已完成须经事务局确认；滞后指超过完成时限未完成，"
                 "或应报的月调度未报。本期进展为各责任单位本期最近一次月调度。")
    return Rows(rows, notes)


def units_text(codes: list[str], names: dict[str, str], every_station: set[str]) -> str:
    """责任单位 in words; every station at once is written 各苏木镇退役军人服务站, as the plan writes it."""
    if len(every_station) > 1 and every_station <= set(codes):
        codes = [c for c in codes if c not in every_station] + [ALL_STATIONS]
    return "、".join(names.get(c, c) if c == ALL_STATIONS else short_unit(names.get(c, c)) for c in codes)


def _latest_progress(period: "Period", unit: str | None) -> dict[str, ProgressEntry]:
    """assignment id → its latest 月调度 among the months of the period."""
    first, last = f"{period.start:%Y-%m}", f"{period.end:%Y-%m}"
    latest: dict[str, ProgressEntry] = {}
    for entry in progress_entries(unit_code=unit):  # newest month first
        if first <= entry.month <= last and entry.assignment_id not in latest:
            latest[entry.assignment_id] = entry
    return latest


def _month_label(month: str) -> str:
    return f"{int(month[5:])}月"


# --- 月调度情况表 -----------------------------------------------------------------------------------

def progress_rows(period: "Period", options: "LedgerOptions") -> Rows:
    """One row per unit and task for the month: what was reported (on time, or how late), and every
    report owed and missing once the due day has passed (models.plan_status.missing_reports)."""
    unit = scope_unit(options)
    month = period.code
    due = due_date(month)
    names = unit_names()
    reported = progress_entries(month=month, unit_code=unit)
    task_of = {a.id: a.task for a in TaskAssignment.select(TaskAssignment.id, PlanTask).join(PlanTask)
               .where(TaskAssignment.id.in_([e.assignment_id for e in reported]))}
    found = []
    for e in reported:
        task = task_of[e.assignment_id]
        late_days = (e.reported_on - due).days
        found.append((e.unit_code, task.number, [
            names.get(e.unit_code, e.unit_code), f"{task.number}. {task.title}", e.done_text,
            _figure(e.value, task.target_unit), e.problems or "", e.next_steps or "", e.reported_on.isoformat(),
            "按时" if late_days <= 0 else f"逾期{late_days}天"]))
    missing = missing_reports(month, unit_code=unit)
    for m in missing:
        found.append((m["unit_code"], m["task_number"], [
            m["unit_name"], f"{m['task_number']}. {m['task_title']}", "", "", "", "", "", NOT_REPORTED]))
    found.sort(key=lambda r: (r[0], r[1]))
    rows = [[str(n)] + cells for n, (_, _, cells) in enumerate(found, 1)]
    on_time = sum(1 for _, _, c in found if c[-1] == "按时")
    notes = [f"本月月调度截止日为{due.month}月{due.day}日。共{len(found)}项：按时报送{on_time}项，"
             f"逾期报送{len(reported) - on_time}项，未报{len(missing)}项"
             + ("（截止日未到，尚无未报）" if due >= dt.date.today() else "") + "。"]
    return Rows(rows, notes)


# --- 主要问题清单 / 学习借鉴清单 / 整改提升清单 --------------------------------------------------------

def list_rows(kind: str, period: "Period", options: "LedgerOptions") -> Rows:
    """The items of one list of the year's plan, status at the period's end (滞后: 时限 passed, not done)."""
    plan, notes = _plan_or_note(period)
    if plan is None:
        return Rows([], notes)
    unit = scope_unit(options)
    on = as_at(period)
    names = unit_names()
    items = list_items(plan.id, kind=kind, unit_code=unit, on=on)
    numbers = dict(PlanTask.select(PlanTask.id, PlanTask.number).where(
        PlanTask.id.in_([t for item, _ in items for t in item.task_ids])).tuples())
    rows = []
    for item, status in items:
        if kind == "problem":
            last = "、".join(f"整改{fix.number}" for fix in item.improvements if fix.deleted_at is None)
        elif kind == "improvement":
            last = f"问题{item.problem.number}：{item.problem.title}" if item.problem_id else ""
        else:
            last = ""
        rows.append([str(item.number), item.title, source_text(item.source_kind, item.source_id), item.measures or "",
                     item.person or "", names.get(item.unit_code, item.unit_code or "") if item.unit_code else "",
                     item.deadline.isoformat() if item.deadline else "", ITEM_STATUS[status],
                     "、".join(f"任务{numbers[t]}" for t in item.task_ids if t in numbers), last])
    notes.append(f"状态为{on.year}年{on.month}月{on.day}日的情况；滞后指超过时限尚未完成。")
    return Rows(rows, notes)


def source_text(kind: str | None, source_id: str | None) -> str:
    """来源 in words: the 对标对象's name, the 月调度 entry (unit, month, task), or the meeting."""
    if not kind:
        return ""
    if kind == "benchmark":
        b = PlanBenchmark.get_or_none(PlanBenchmark.id == source_id)
        return f"对标：{b.name}" if b else "对标对象"
    if kind == "progress":
        e = ProgressEntry.get_or_none(ProgressEntry.id == source_id)
        if e is None:
            return "月调度"
        return f"月调度：{unit_names().get(e.unit_code, e.unit_code)} {e.month} 任务{e.assignment.task.number}"
    d = MeetingDecision.get_or_none(MeetingDecision.id == source_id)
    if d is None:
        return "专题会议"
    return f"{d.meeting.title}（{d.meeting.held_on.isoformat()}）"


def list_ledger(kind: str):
    """The rows function of one list's ledger (the catalog's signature: period, options)."""
    def rows(period: "Period", options: "LedgerOptions") -> Rows:
        return list_rows(kind, period, options)
    rows.__name__ = f"{kind}_rows"
    return rows
