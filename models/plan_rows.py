"""The work plan as plain rows for screens (and anything else that lists it): tasks with their units and
derived statuses, one unit's 月调度 sheet for a month, and what stands behind a figure of the dashboard.

    rows = task_rows(plan, unit_code=None)          # [{"id", "number", "area", "title", "status", "units": […]}, …]
    sheet = progress_sheet(plan, "150626100", "2026-11")   # one row per task assigned to the unit
    lines = behind_lines(records_behind("services", "150626100", period))   # [BehindLine …] to open

Statuses come from models.plan_status (SQL, never typed). A progress sheet row carries the unit's entry
for the month if there is one, else — for a task measured by a computed indicator — the indicator's value
for that station and month as the suggested 指标值 (models.indicators.indicator_value).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from peewee import JOIN

from models.indicators import INDICATORS, Behind
from models.plan import Plan, PlanArea, PlanTask, ProgressEntry, TaskAssignment
from models.plan_status import STATUS_LABELS, assignment_statuses, task_statuses
from models.plan_progress import indicator_reached
from models.plan_tasks import tasks_of
from models.plan_units import station_of, unit_names

SHOWN_BEHIND = 500  # a drill-down lists the first records; the figure says how many there are


def target_text(value, unit) -> str:
    if value is None:
        return ""
    return f"{value:g}{unit or ''}"


def task_rows(plan: Plan, *, unit_code: str | None = None, on: dt.date | None = None) -> list[dict]:
    """The plan's tasks in area order (with unit_code: only that unit's, with its part's status)."""
    names = unit_names()
    statuses = task_statuses(plan.id, on=on, unit_code=unit_code)
    parts = assignment_statuses(plan_id=plan.id, on=on, unit_code=unit_code)
    units: dict[str, list] = {}
    for a in TaskAssignment.live().where(TaskAssignment.id.in_(list(parts))).order_by(TaskAssignment.created_at):
        units.setdefault(a.task_id, []).append({
            "assignment_id": a.id, "code": a.unit_code, "name": names.get(a.unit_code, a.unit_code),
            "status": parts[a.id], "status_label": STATUS_LABELS[parts[a.id]], "done_on": a.done_on})
    rows = []
    for task in tasks_of(plan.id, unit_code=unit_code):
        indicator = INDICATORS.get(task.indicator) if task.indicator else None
        rows.append({"id": task.id, "number": task.number, "area_id": task.area_id, "area": task.area.name,
                     "title": task.title, "target_value": task.target_value, "target_unit": task.target_unit,
                     "target": target_text(task.target_value, task.target_unit), "indicator": task.indicator,
                     "indicator_label": indicator.label if indicator else (task.indicator or ""),
                     "leaders": task.leaders, "deadline": task.deadline, "note": task.note,
                     "status": statuses[task.id], "status_label": STATUS_LABELS[statuses[task.id]],
                     "units": units.get(task.id, [])})
    return rows


def progress_sheet(plan: Plan, unit_code: str, month: str, *, on: dt.date | None = None) -> list[dict]:
    """One row per task of the plan assigned to `unit_code`: its entry for `month` (or None), its status,
    and the suggested indicator value of a computed-indicator task at a station."""
    station = station_of(unit_code)
    entries = {e.assignment_id: e for e in ProgressEntry.live().where((ProgressEntry.unit_code == unit_code)
                                                                     & (ProgressEntry.month == month))}
    rows = []
    for row in task_rows(plan, unit_code=unit_code, on=on):
        part = row["units"][0] if row["units"] else None
        if part is None:
            continue
        entry = entries.get(part["assignment_id"])
        suggested = indicator_reached(row["indicator"], station, month, on) if station else None
        rows.append({**row, "assignment_id": part["assignment_id"], "unit_status": part["status"],
                     "unit_status_label": part["status_label"], "entry": entry_dict(entry), "suggested": suggested})
    return rows


def entry_dict(entry: ProgressEntry | None) -> dict | None:
    if entry is None:
        return None
    return {"id": entry.id, "month": entry.month, "done_text": entry.done_text, "value": entry.value,
            "problems": entry.problems, "next_steps": entry.next_steps, "reported_on": entry.reported_on,
            "reported_by": entry.reported_by}


def areas_of(plan: Plan) -> list[PlanArea]:
    return list(PlanArea.live().where(PlanArea.plan == plan.id).order_by(PlanArea.position))


# --- the records behind a figure ------------------------------------------------------------------

@dataclass(frozen=True)
class BehindLine:
    """One record behind a figure: where it opens (an area key of the main window, or "person" or
    "task") and the id to open there, with its date and a line of text."""

    part: str
    area: str
    record_id: str
    on: str
    text: str


def behind_lines(parts: list[Behind], limit: int = SHOWN_BEHIND) -> tuple[list[BehindLine], int]:
    """The first `limit` records of each part as lines, and how many records there are in all."""
    lines: list[BehindLine] = []
    total = 0
    for part in parts:
        ids = part.ids()
        total += len(ids)
        lines.extend(_describe(part, ids[:limit]))
    return lines, total


def _describe(part: Behind, ids: list[str]) -> list[BehindLine]:
    from models.aid import AidCase, AidEvent
    from models.cards import PreferentialCard
    from models.disputes import DisputeCase
    from models.person import Person
    from models.services import ServiceRecord

    if not ids:
        return []
    table, label = part.table, part.label
    if table == "person":
        query = Person.select(Person.id, Person.name, Person.filed_on).where(Person.id.in_(ids))
        return [BehindLine(label, "person", pid, _iso(on), name) for pid, name, on in query.tuples()]
    if table == "service_record":
        query = (ServiceRecord.select(ServiceRecord.id, ServiceRecord.served_on, Person.name, ServiceRecord.content)
                 .join(Person, on=(ServiceRecord.person == Person.id), join_type=JOIN.LEFT_OUTER)
                 .where(ServiceRecord.id.in_(ids)))
        return [BehindLine(label, "services", rid, _iso(on), f"{name or ''} {content}".strip())
                for rid, on, name, content in query.tuples()]
    if table == "preferential_card":
        query = (PreferentialCard.select(PreferentialCard.id, PreferentialCard.applied_on, Person.name)
                 .join(Person).where(PreferentialCard.id.in_(ids)))
        return [BehindLine(label, "cards", rid, _iso(on), name) for rid, on, name in query.tuples()]
    if table == "aid_case":
        query = (AidCase.select(AidCase.id, AidCase.applied_on, Person.name, AidCase.description)
                 .join(Person).where(AidCase.id.in_(ids)))
        return [BehindLine(label, "aid", rid, _iso(on), f"{name} {text}") for rid, on, name, text in query.tuples()]
    if table == "aid_event":
        query = (AidEvent.select(AidEvent.case, AidEvent.on, Person.name, AidEvent.amount_fen)
                 .join(AidCase, on=(AidEvent.case == AidCase.id)).join(Person, on=(AidCase.person == Person.id))
                 .where(AidEvent.id.in_(ids)))
        return [BehindLine(label, "aid", case, _iso(on), f"{name} {(fen or 0) / 100:,.2f}元")
                for case, on, name, fen in query.tuples()]
    if table == "dispute_case":
        query = (DisputeCase.select(DisputeCase.id, DisputeCase.registered_on, DisputeCase.number, Person.name)
                 .join(Person).where(DisputeCase.id.in_(ids)))
        return [BehindLine(label, "disputes", rid, _iso(on), f"{number} {name}")
                for rid, on, number, name in query.tuples()]
    if table == "task_assignment":
        names = unit_names()
        query = (TaskAssignment.select(TaskAssignment.task, TaskAssignment.assigned_on, PlanTask.number, PlanTask.title,
                                       TaskAssignment.unit_code)
                 .join(PlanTask, on=(TaskAssignment.task == PlanTask.id)).where(TaskAssignment.id.in_(ids)))
        return [BehindLine(label, "task", task, _iso(on), f"{number}. {title}（{names.get(unit, unit)}）")
                for task, on, number, title, unit in query.tuples()]
    if table == "progress_entry":
        query = (ProgressEntry.select(TaskAssignment.task, ProgressEntry.reported_on, ProgressEntry.month,
                                      PlanTask.number, PlanTask.title)
                 .join(TaskAssignment, on=(ProgressEntry.assignment == TaskAssignment.id))
                 .join(PlanTask, on=(TaskAssignment.task == PlanTask.id)).where(ProgressEntry.id.in_(ids)))
        return [BehindLine(label, "task", task, _iso(on), f"{month} {number}. {title}")
                for task, on, month, number, title in query.tuples()]
    return [BehindLine(label, "", rid, "", rid) for rid in ids]


def _iso(day) -> str:
    return day.isoformat() if hasattr(day, "isoformat") else (day or "")
