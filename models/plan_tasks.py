"""Tasks (工作任务) of the plan and who carries them out (责任单位). Bureau only, except reading.

    task = add_task(area.id, {"title": "走访完成率达到95%", "target_value": 95, "target_unit": "%",
                              "indicator": "visit_rate", "deadline": date(2027, 12, 31)},
                    units=["centre", "all_stations"], actor=a)      # all_stations: every station
    edit_task(task.id, {"leaders": [{"post": "副局长", "name": "乌云图"}]}, actor=a)
    assign_task(task.id, ["office"], actor=a);  unassign_task(task.id, "office", actor=a)
    confirm_done(task.id, actor=a)                       # 已完成, every unit; unit="150626100": that unit only
    find_task("3", year=2027)                            # by short number or id

A task's `number` is its short number within the plan (1, 2, … in the order tasks were made).
Assignments of a station carry its code and travel to it in the next bundle.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models.errors import DomainError, NotFound, ValidationError
from models.plan import MeetingDecision, PlanArea, PlanTask, ProgressEntry, TaskAssignment
from models.plan_edit import _live, check_deadline, clean_leaders, get_plan, require_bureau
from models.plan_units import expand_units, resolve_unit, stations_among, unit_name
from models.write import Actor, OpChanges, Writer, writing


class AssignmentRefused(DomainError):
    code = "assignment_refused"


def task_values(values: dict, *, partial: bool) -> dict:
    """Validated columns of a task from form values (partial: only the keys given)."""
    row: dict = {}
    problems: dict[str, str] = {}
    if not partial or "title" in values:
        title = (values.get("title") or "").strip()
        if not title:
            problems["title"] = "请填写任务事项"
        row["title"] = title
    if "target_value" in values:
        target = values.get("target_value")
        if target in (None, ""):
            row["target_value"] = None
        else:
            try:
                row["target_value"] = float(target)
            except (TypeError, ValueError):
                problems["target_value"] = f"量化指标的目标值应为数字：{target}"
    if "target_unit" in values:
        row["target_unit"] = (values.get("target_unit") or "").strip() or None
    if "indicator" in values:
        code = (values.get("indicator") or "").strip() or None
        if code and not (code.isascii() and code.replace("_", "").isalnum()):
            problems["indicator"] = f"指标代码应为英文字母、数字或下划线（如 visit_rate）：{code}"
        row["indicator"] = code
    if "leaders" in values:
        row["leaders"] = clean_leaders(values["leaders"])
    if not partial or "deadline" in values:
        try:
            row["deadline"] = check_deadline(values.get("deadline"))
        except ValidationError as exc:
            problems.update(exc.fields)
    if "note" in values:
        row["note"] = (values.get("note") or "").strip() or None
    if problems:
        raise ValidationError(problems)
    return row


def add_task(area_id: str, values: dict, *, units: list[str], actor: Actor, on: dt.date | None = None,
             decision_id: str | None = None) -> PlanTask:
    """A new task of an area given to `units` (股室 codes, station codes, all_stations). Without a
    deadline the area's 完成时限 applies; without leaders the area's 牵头领导."""
    require_bureau()
    area = _live(PlanArea, area_id, "工作领域")
    values = {"deadline": area.deadline, "leaders": area.leaders, **values}
    row = task_values(values, partial=False)
    codes = expand_units(units)
    if not codes:
        raise ValidationError({"units": "请至少选择一个责任单位"})
    if decision_id:
        _live(MeetingDecision, decision_id, "会议决定")
    with writing(actor) as w:
        task = create_task(w, area, row, decision_id=decision_id)
        assign(w, task, codes, on or dt.date.today())
    return task


def create_task(w: Writer, area: PlanArea, row: dict, *, decision_id: str | None = None,
                number: int | None = None) -> PlanTask:
    if number is None:
        number = next_number(area.plan_id)
    return w.create(PlanTask, {"area": area.id, "number": number, "decision": decision_id, **row})


def next_number(plan_id: str) -> int:
    top = (PlanTask.select(peewee.fn.MAX(PlanTask.number)).join(PlanArea)
           .where(PlanArea.plan == plan_id).scalar())
    return (top or 0) + 1


def assign(w: Writer, task: PlanTask, codes: list[str], on: dt.date) -> list[TaskAssignment]:
    """Assignments for the units the task does not have yet (reports due from `on`, at the
    earliest from the first day of the plan's year)."""
    have = {a.unit_code for a in TaskAssignment.live().where(TaskAssignment.task == task.id)}
    year = task.area.plan.year
    since = max(on, dt.date(year, 1, 1))
    stations = stations_among(codes)
    return [w.create(TaskAssignment, {"task": task.id, "unit_code": code,
                                      "station_code": code if code in stations else None, "assigned_on": since})
            for code in codes if code not in have]


def edit_task(task_id: str, values: dict, *, actor: Actor, seen: dict | None = None) -> OpChanges:
    require_bureau()
    task = _live(PlanTask, task_id, "工作任务")
    row = task_values(values, partial=True)
    if "area" in values:
        row["area"] = _live(PlanArea, values["area"], "工作领域").id
    with writing(actor) as w:
        w.update(task, row, seen=seen)
    return w.changes


def assign_task(task_id: str, units: list[str], *, actor: Actor, on: dt.date | None = None) -> OpChanges:
    require_bureau()
    task = _live(PlanTask, task_id, "工作任务")
    codes = expand_units(units)
    with writing(actor) as w:
        assign(w, task, codes, on or dt.date.today())
    return w.changes


def unassign_task(task_id: str, unit: str, *, actor: Actor, reason: str = "取消分配") -> OpChanges:
    """Take a task back from a unit; refused once the unit has reported on it."""
    require_bureau()
    task = _live(PlanTask, task_id, "工作任务")
    assignment = _assignment(task, resolve_unit(unit))
    if ProgressEntry.live().where(ProgressEntry.assignment == assignment.id).exists():
        raise AssignmentRefused(f"{unit_name(assignment.unit_code)}已填报过任务{task.number}的月调度，不能取消分配；"
                                "可以修改任务内容或由事务局确认完成。")
    with writing(actor) as w:
        w.tombstone(assignment, reason)
    return w.changes


def remove_task(task_id: str, *, actor: Actor, reason: str) -> OpChanges:
    """Delete a task (a tombstone) with its assignments; refused once any unit has reported on it."""
    require_bureau()
    task = _live(PlanTask, task_id, "工作任务")
    if not (reason or "").strip():
        raise ValidationError({"reason": "请说明删除任务的原因"})
    assignments = list(TaskAssignment.live().where(TaskAssignment.task == task.id))
    if ProgressEntry.live().where(ProgressEntry.assignment.in_([a.id for a in assignments])).exists():
        raise AssignmentRefused(f"任务{task.number}已有月调度记录，不能删除；可以修改任务或由事务局确认完成。")
    with writing(actor) as w:
        for assignment in assignments:
            w.tombstone(assignment, reason)
        w.tombstone(task, reason)
    return w.changes


def confirm_done(task_id: str, *, actor: Actor, unit: str | None = None, on: dt.date | None = None,
                 note: str | None = None) -> OpChanges:
    """The bureau confirms a task completed (已完成): by every unit, or by `unit` only."""
    require_bureau("任务完成情况")
    task = _live(PlanTask, task_id, "工作任务")
    on = on or dt.date.today()
    if on > dt.date.today():
        raise ValidationError({"done_on": "确认完成的日期不能晚于今天"})
    if unit:
        targets = [_assignment(task, resolve_unit(unit))]
    else:
        targets = list(TaskAssignment.live().where(TaskAssignment.task == task.id))
        if not targets:
            raise AssignmentRefused(f"任务{task.number}还没有责任单位，无从确认完成。")
    with writing(actor) as w:
        for assignment in targets:
            if assignment.done_on is None:
                w.update(assignment, {"done_on": on, "done_by": actor.username,
                                      "done_note": (note or "").strip() or None})
    return w.changes


def reopen(task_id: str, *, actor: Actor, unit: str | None = None) -> OpChanges:
    """Withdraw a confirmation of completion (the task is in progress again)."""
    require_bureau("任务完成情况")
    task = _live(PlanTask, task_id, "工作任务")
    query = TaskAssignment.live().where(TaskAssignment.task == task.id)
    if unit:
        query = query.where(TaskAssignment.unit_code == resolve_unit(unit))
    with writing(actor) as w:
        for assignment in query:
            w.update(assignment, {"done_on": None, "done_by": None, "done_note": None})
    return w.changes


def _assignment(task: PlanTask, unit_code: str) -> TaskAssignment:
    found = TaskAssignment.live().where((TaskAssignment.task == task.id)
                                        & (TaskAssignment.unit_code == unit_code)).first()
    if found is None:
        raise AssignmentRefused(f"任务{task.number}「{task.title}」没有分配给{unit_name(unit_code)}。",
                                task_id=task.id, unit_code=unit_code)
    return found


def find_task(key: str, *, year: int | None = None) -> PlanTask:
    """A live task by its id, or by its short number within the plan of `year` (default: the current plan)."""
    key = (key or "").strip()
    task = PlanTask.get_or_none(PlanTask.id == key)
    if task is None and key.isdigit():
        plan = get_plan(year)
        task = (PlanTask.live().join(PlanArea).where((PlanArea.plan == plan.id) & (PlanTask.number == int(key)))
                .first())
    if task is None or task.deleted_at is not None:
        raise NotFound(f"没有编号为「{key}」的工作任务（用 vetstation plan tasks 查看任务编号）。", key=key)
    return task


def tasks_of(plan_id: str, *, unit_code: str | None = None) -> list[PlanTask]:
    """The plan's live tasks in area order, then number; with unit_code: only those assigned to it.
    Each task's area comes with it (task.area costs no query)."""
    query = (PlanTask.select(PlanTask, PlanArea).join(PlanArea)
             .where(PlanTask.deleted_at.is_null() & (PlanArea.plan == plan_id) & PlanArea.deleted_at.is_null())
             .order_by(PlanArea.position, PlanTask.number))
    if unit_code:
        query = query.where(PlanTask.id.in_(
            TaskAssignment.select(TaskAssignment.task).where(TaskAssignment.deleted_at.is_null()
                                                             & (TaskAssignment.unit_code == unit_code))))
    return list(query)
