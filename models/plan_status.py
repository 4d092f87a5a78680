"""Derived status of the plan's work (never typed) and the SQL aggregates the indicators read.

    assignment_statuses(on=date(2026, 12, 1), unit_code="150626100")   # {assignment id: "late", …}
    task_statuses(plan.id)                                             # {task id: "in_progress", …}
    task_counts(date(2026, 10, 1), date(2026, 12, 31), station_codes=["150626100"])
        # {"150626100": {"tasks_assigned": 9, "tasks_done": 1, "tasks_late": 3,
        #                "progress_due": 27, "progress_reported": 25, "progress_on_time": 20}}
    missing_reports("2026-11")      # [{"unit_code", "unit_name", "station_code", "task_id", …}] not reported

Statuses (STATUS_LABELS), for an assignment on a day `on`:
  已完成 done         the bureau confirmed completion on or before `on`;
  滞后   late         else: its 完成时限 is before `on`, or a month's 月调度 it owed was due before `on`
                      (the due day, bureau setting progress_due_day, has passed) and is missing;
  推进中 in_progress  else: at least one 月调度 entry reported by `on`;
  未开始 not_started  otherwise.
A unit owes the report of month M for an assignment when M's due date is on or after the day the task
was assigned to it, M begins on or before the task's 完成时限, and completion was not confirmed by
the due date. A report filed late still counts as reported (the task is no longer 滞后 for it) but not
as on time (reported_on after the due date).
A task is 已完成 when every unit's part is, 滞后 when any unit's part is (or, with no unit, its 完成时限
passed), 推进中 when any part has started, else 未开始.

Everything is computed in SQL: one query whatever the number of tasks, with one EXISTS per month owed.
"""
from __future__ import annotations

import datetime as dt
import operator
from functools import reduce

import peewee
from peewee import JOIN, Case, fn

from models.bureau_settings import get_setting
from models.errors import ValidationError
from models.periods import period_of_kind
from models.plan import PlanArea, PlanTask, ProgressEntry, TaskAssignment
from models.plan_units import unit_names

STATUS_LABELS = {"not_started": "未开始", "in_progress": "推进中", "done": "已完成", "late": "滞后"}
COUNT_KEYS = ("tasks_assigned", "tasks_done", "tasks_late", "progress_due", "progress_reported",
              "progress_on_time")
A, T, P = TaskAssignment, PlanTask, ProgressEntry


# -- months and their due dates -------------------------------------------------------------------
def parse_month(text: str) -> str:
    """"2026-11" (also 2026.11, 2026年11月) → "2026-11"; anything else is refused with a sentence."""
    period = period_of_kind(text, "month")
    if period is None:
        raise ValidationError({"month": f"月份应写为 年-月，例如 2026-11：{text}"})
    return period.code


def month_of(day: dt.date) -> str:
    return f"{day.year}-{day.month:02d}"


def first_day(month: str) -> dt.date:
    year, number = month.split("-")
    return dt.date(int(year), int(number), 1)


def due_day() -> int:
    return get_setting("progress_due_day")


def due_date(month: str, day: int | None = None) -> dt.date:
    """The day the month's 月调度 is due (the bureau's progress_due_day, at most the 28th)."""
    return first_day(month).replace(day=day or due_day())


def months_between(first: dt.date, last: dt.date) -> list[str]:
    months, cursor = [], first.replace(day=1)
    while cursor <= last:
        months.append(month_of(cursor))
        cursor = (cursor + dt.timedelta(days=32)).replace(day=1)
    return months


# -- the SQL building blocks --------------------------------------------------------------------------
def owes(month: str, due: dt.date):
    """The assignment owes the report of `month` (see the module docstring)."""
    return (A.assigned_on <= due) & (T.deadline >= first_day(month)) & (A.done_on.is_null() | (A.done_on > due))


def reported(month: str, by: dt.date):
    """An entry for `month` reported on or before `by` exists for the assignment."""
    return fn.EXISTS(P.select(P.id).where((P.assignment == A.id) & (P.month == month) & P.deleted_at.is_null()
                                          & (P.reported_on <= by)))


def _owed_months(passed_before: dt.date) -> list[tuple[str, dt.date]]:
    """(month, due date) of every month whose due date is before `passed_before`, from the earliest
    live assignment on."""
    earliest = A.select(fn.MIN(A.assigned_on)).where(A.deleted_at.is_null()).scalar()
    if earliest is None:
        return []
    if isinstance(earliest, str):
        earliest = dt.date.fromisoformat(earliest)
    day = due_day()
    return [(m, due) for m in months_between(earliest, passed_before)
            if (due := due_date(m, day)) < passed_before and due >= earliest]


def status_case(facts_by: dt.date, passed_before: dt.date | None = None):
    """A CASE giving an assignment's status code (rows of TaskAssignment joined to PlanTask): facts
    (confirmations, reports) count up to `facts_by` inclusive; deadlines and due days count as passed
    when they are before `passed_before` (default: `facts_by`)."""
    passed_before = passed_before or facts_by
    done = A.done_on.is_null(False) & (A.done_on <= facts_by)
    missing = [owes(m, due) & ~reported(m, facts_by) for m, due in _owed_months(passed_before)]
    late = reduce(operator.or_, missing, T.deadline < passed_before)
    started = fn.EXISTS(P.select(P.id).where((P.assignment == A.id) & P.deleted_at.is_null()
                                             & (P.reported_on <= facts_by)))
    return Case(None, [(done, "done"), (late, "late"), (started, "in_progress")], "not_started")


def _live_assignments(*columns):
    return (A.select(*columns).join(T, on=(A.task == T.id))
            .where(A.deleted_at.is_null() & T.deleted_at.is_null()))


# -- statuses -------------------------------------------------------------------------------------------
def period_passed_before(end: dt.date, today: dt.date) -> dt.date:
    """Deadlines and due days before this day count as passed in a period's figures: the whole last day
    of the period has passed once it is over."""
    return min(end + dt.timedelta(days=1), today)


def assignment_statuses(*, on: dt.date | None = None, plan_id: str | None = None, task_id: str | None = None,
                        unit_code: str | None = None, passed_before: dt.date | None = None) -> dict[str, str]:
    """{assignment id: status code} on `on` (default today); passed_before as in status_case (a period's
    figures pass the day after its end, so a deadline on the last day counts as passed)."""
    on = on or dt.date.today()
    query = _live_assignments(A.id, status_case(on, passed_before))
    if plan_id:
        query = query.switch(T).join(PlanArea, on=(T.area == PlanArea.id)).where(PlanArea.plan == plan_id)
    if task_id:
        query = query.where(A.task == task_id)
    if unit_code:
        query = query.where(A.unit_code == unit_code)
    return dict(query.tuples())


def task_statuses(plan_id: str, *, on: dt.date | None = None, unit_code: str | None = None) -> dict[str, str]:
    """{task id: status code} for the plan's live tasks; with unit_code, that unit's part of each task."""
    on = on or dt.date.today()
    status = status_case(on)
    assigned = A.deleted_at.is_null() if unit_code is None else (A.deleted_at.is_null() & (A.unit_code == unit_code))
    parts = fn.COUNT(A.id)

    def count(code):
        return fn.SUM(Case(None, [(status == code, 1)], 0))

    query = (T.select(T.id, T.deadline, parts, count("done"), count("late"), count("in_progress"))
             .join(PlanArea, on=(T.area == PlanArea.id))
             .join(A, JOIN.LEFT_OUTER, on=((A.task == T.id) & assigned))
             .where((PlanArea.plan == plan_id) & T.deleted_at.is_null())
             .group_by(T.id, T.deadline))
    out = {}
    for task_id, deadline, n, done, late, started in query.tuples():
        if isinstance(deadline, str):
            deadline = dt.date.fromisoformat(deadline)
        if not n:
            out[task_id] = "late" if deadline < on else "not_started"
        elif done == n:
            out[task_id] = "done"
        elif late:
            out[task_id] = "late"
        elif started or done:
            out[task_id] = "in_progress"
        else:
            out[task_id] = "not_started"
    return out


# -- aggregates for indicators, dashboard and scores ---------------------------------------------------
def task_counts(start: dt.date, end: dt.date, station_codes: list[str] | None = None, *,
                on: dt.date | None = None) -> dict[str, dict[str, int]]:
    """Per unit (station code or 股室 code) for the period start…end (inclusive), as it stood at the
    period's end (or on `on`, default today, if that is earlier):

    tasks_assigned     assignments in force: assigned by `end`, not confirmed done before `start`
    tasks_done         of those, confirmed done by the period's end
    tasks_late         of those, 滞后 at the period's end
    progress_due       月调度 reports owed whose due date lies in the period and has passed
    progress_reported  of those, reported by the period's end (late reports included)
    progress_on_time   of those, reported on or before their due date

    station_codes: only those units (every one listed, zeros where nothing is assigned); None: every
    unit that has an assignment."""
    today = on or dt.date.today()
    facts_by = min(end, today)
    passed_before = period_passed_before(end, today)
    status = status_case(facts_by, passed_before)
    in_force = (A.assigned_on <= end) & (A.done_on.is_null() | (A.done_on >= start))

    def count(condition):
        return fn.COALESCE(fn.SUM(Case(None, [(condition, 1)], 0)), 0)

    due_months = [(m, due) for m, due in _owed_months(passed_before) if start <= due <= end]
    zero = peewee.Value(0)
    progress_due = reduce(operator.add, [count(owes(m, due)) for m, due in due_months], zero)
    progress_reported = reduce(operator.add, [count(owes(m, due) & reported(m, facts_by)) for m, due in due_months],
                               zero)
    on_time = reduce(operator.add, [count(owes(m, due) & reported(m, due)) for m, due in due_months], zero)
    query = (_live_assignments(A.unit_code, count(in_force), count(in_force & (status == "done")),
                               count(in_force & (status == "late")), progress_due, progress_reported, on_time)
             .group_by(A.unit_code))
    if station_codes is not None:
        query = query.where(A.unit_code.in_(list(station_codes)))
    out = {code: dict.fromkeys(COUNT_KEYS, 0) for code in (station_codes or [])}
    for unit, *figures in query.tuples():
        out[unit] = dict(zip(COUNT_KEYS, (int(f or 0) for f in figures)))
    return out


def missing_reports(month: str, *, on: dt.date | None = None, unit_code: str | None = None) -> list[dict]:
    """The units that owe `month`'s 月调度 on a task and have not reported it by `on` (default today),
    once its due date has passed (before that, nothing is missing): one row per unit and task, by unit."""
    month = parse_month(month)
    on = on or dt.date.today()
    due = due_date(month)
    if due >= on:
        return []
    query = (_live_assignments(A.id, A.unit_code, A.station_code, T.id, T.number, T.title)
             .where(owes(month, due) & ~reported(month, on))
             .order_by(A.unit_code, T.number))
    if unit_code:
        query = query.where(A.unit_code == unit_code)
    names = unit_names()
    return [{"unit_code": unit, "unit_name": names.get(unit, unit), "station_code": station, "assignment_id": aid,
             "task_id": tid, "task_number": number, "task_title": title, "month": month, "due_on": due}
            for aid, unit, station, tid, number, title in query.tuples()]


def missing_by_unit(*, on: dt.date | None = None, unit_code: str | None = None) -> list[tuple[str, str, dt.date, int]]:
    """(unit code, month, due date, tasks not reported) for every month owed and missing on `on`, in one
    query: a GROUP BY per owed month, joined with UNION ALL (the workbench reads this)."""
    on = on or dt.date.today()
    owed = _owed_months(on)
    if not owed:
        return []
    due_of = dict(owed)
    parts = []
    for month, due in owed:
        part = (_live_assignments(A.unit_code, peewee.Value(month).alias("month"), fn.COUNT(A.id))
                .where(owes(month, due) & ~reported(month, on)).group_by(A.unit_code))
        parts.append(part.where(A.unit_code == unit_code) if unit_code else part)
    rows = reduce(operator.add, parts).tuples()
    return sorted(((unit, month, due_of[month], count) for unit, month, count in rows),
                  key=lambda row: (row[1], row[0]))


def workbench_rows(today: dt.date, station_code: str | None = None) -> list[tuple]:
    """The workbench's rows (due ISO, "progress", unit name, unit code, None, "YYYY-MM:count") of every
    month a unit owes and has not reported; a station sees its own, the bureau every unit's."""
    names = unit_names()
    return [(due.isoformat(), "progress", names.get(unit, unit), unit, None, f"{month}:{count}")
            for unit, month, due, count in missing_by_unit(on=today, unit_code=station_code)]
