"""月调度: a responsible unit reports, per assigned task and month, what it did.

    report_progress(task.id, "2026-11", {"done_text": "完成走访120人", "value": 96.5,
                                         "problems": "…", "next_steps": "…"}, actor=a)      # at a station
    report_progress(task.id, "2026-11", {...}, unit="office", actor=a)                    # a 股室, at the bureau
    progress_entries(task_id=task.id)      # [ProgressEntry …] newest month first

A station reports for itself only (its entries travel to the bureau in the next bundle); the bureau's
股室 report at the bureau. Reporting the same task and month again corrects that month's entry (its
first reported_on stays, so punctuality is kept). Refused, with nothing written: a task not assigned
to the unit, a station reporting for another unit, the bureau reporting for a station, a month that
is malformed, in the future or before the task was assigned, an empty 完成情况, a value that is no number.

The indicator value: when the task names a computed indicator (PlanTask.indicator) and the unit is a
station, a report without a value gets the indicator's value for that station and month
(`indicator_reached`, the same figure the dashboard shows); a value typed in is kept.
"""
from __future__ import annotations

import datetime as dt

from models.errors import DomainError, PermissionDenied, ValidationError
from models.indicators import INDICATORS, indicator_value
from models.installation import Installation
from models.periods import Period
from models.plan import PlanTask, ProgressEntry, TaskAssignment
from models.plan_edit import _live
from models.plan_status import first_day, month_of, parse_month
from models.plan_units import resolve_unit, station_of, unit_name
from models.write import Actor, writing


class ProgressRefused(DomainError):
    code = "progress_refused"


def reporting_unit(unit: str | None) -> str:
    """The unit this installation reports for: a station reports for itself, the bureau for a 股室."""
    inst = Installation.get_current()
    if not inst.is_bureau:
        if unit and resolve_unit(unit) != inst.station_code:
            raise PermissionDenied(f"服务站只能填报本站的月调度，不能替{unit_name(resolve_unit(unit))}填报。")
        return inst.station_code
    if not unit:
        raise ValidationError({"unit": "请指定填报月调度的股室（--unit，如 office 或 办公室）"})
    code = resolve_unit(unit)
    if station_of(code):
        raise PermissionDenied(f"{unit_name(code)}的月调度由该服务站自己填报，随数据包报送事务局。")
    return code


def report_progress(task_id: str, month: str, values: dict, *, actor: Actor, unit: str | None = None,
                    on: dt.date | None = None) -> ProgressEntry:
    """values: done_text (完成情况, required), value (指标完成值), problems (存在问题), next_steps (下步措施)."""
    code = reporting_unit(unit)
    month = parse_month(month)
    on = on or dt.date.today()
    task = _live(PlanTask, task_id, "工作任务")
    assignment = TaskAssignment.live().where((TaskAssignment.task == task.id)
                                             & (TaskAssignment.unit_code == code)).first()
    if assignment is None:
        raise ProgressRefused(f"任务{task.number}「{_short(task.title)}」没有分配给{unit_name(code)}，不能填报其月调度。",
                              task_id=task.id, unit_code=code)
    if first_day(month) > on:
        raise ValidationError({"month": f"不能填报未来月份（{month}）的月调度"})
    if month < month_of(assignment.assigned_on):
        raise ValidationError({"month": f"该任务{assignment.assigned_on.isoformat()}才分配给{unit_name(code)}，"
                                        f"不能填报{month}的月调度"})
    row = _entry_values(values)
    if row["value"] is None and assignment.station_code:
        row["value"] = indicator_reached(task.indicator, assignment.station_code, month, on)
    existing = ProgressEntry.live().where((ProgressEntry.assignment == assignment.id)
                                          & (ProgressEntry.month == month)).first()
    with writing(actor) as w:
        if existing is None:
            return w.create(ProgressEntry, {"assignment": assignment.id, "unit_code": code,
                                            "station_code": assignment.station_code, "month": month,
                                            "reported_on": on, "reported_by": actor.username, **row})
        w.update(existing, row)
        return existing


def indicator_reached(indicator: str | None, station_code: str, month: str, on: dt.date | None = None):
    """A computed-indicator task's value for a station and month, as a target is written (95 for 95%);
    None for a task without a computed indicator or a month not begun."""
    if indicator not in INDICATORS or first_day(month) > (on or dt.date.today()):
        return None
    year, number = (int(n) for n in month.split("-"))
    value = indicator_value(indicator, station_code, Period.month(year, number), today=on)
    if value is not None and INDICATORS[indicator].unit == "%":
        value = round(value * 100, 1)  # rates are fractions; a target is written as 95 (%)
    return value


def _entry_values(values: dict) -> dict:
    problems = {}
    done_text = (values.get("done_text") or "").strip()
    if not done_text:
        problems["done_text"] = "请填写完成情况"
    value = values.get("value")
    if value in (None, ""):
        value = None
    else:
        try:
            value = float(value)
        except (TypeError, ValueError):
            problems["value"] = f"指标完成值应为数字：{value}"
    if problems:
        raise ValidationError(problems)
    return {"done_text": done_text, "value": value,
            "problems": (values.get("problems") or "").strip() or None,
            "next_steps": (values.get("next_steps") or "").strip() or None}


def progress_entries(*, task_id: str | None = None, unit_code: str | None = None,
                     month: str | None = None) -> list[ProgressEntry]:
    query = (ProgressEntry.live().join(TaskAssignment).where(TaskAssignment.deleted_at.is_null())
             .order_by(ProgressEntry.month.desc(), ProgressEntry.unit_code))
    if task_id:
        query = query.where(TaskAssignment.task == task_id)
    if unit_code:
        query = query.where(ProgressEntry.unit_code == unit_code)
    if month:
        query = query.where(ProgressEntry.month == parse_month(month))
    return list(query)


def _short(text: str, size: int = 24) -> str:
    return text if len(text) <= size else text[:size] + "…"
