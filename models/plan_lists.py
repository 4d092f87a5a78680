"""The three lists (主要问题清单, 学习借鉴清单, 整改提升清单).

    item = add_list_item(plan.id, "problem", {"title": "走访台账不全", "measures": "…", "person": "王帅",
                                              "unit_code": "150626100", "deadline": date(2026, 12, 31),
                                              "task_ids": [task.id]},
                         source=("progress", entry.id), actor=a)
    fix = improvement_for(item.id, {"title": "补齐走访台账", "measures": "…"}, actor=a)   # 主要问题 → 整改
    edit_list_item(item.id, {"state": "done"}, actor=a)
    list_items(plan.id, kind="problem")        # [(ListItem, status code)]  status: LIST_STATES or "late"

来源 (source) is ("benchmark", PlanBenchmark id), ("progress", ProgressEntry id) or ("meeting",
MeetingDecision id). The bureau keeps any item; a station adds and edits the items of its own unit
(they travel to the bureau). 状态 is typed (未开始, 推进中, 已完成); 滞后 is shown when the 时限 has
passed and the item is not done.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models.errors import PermissionDenied, ValidationError
from models.installation import Installation
from models.plan import (LIST_KINDS, LIST_STATES, SOURCE_KINDS, ListItem, MeetingDecision, Plan, PlanBenchmark,
                         PlanTask, ProgressEntry)
from models.plan_edit import _live, check_deadline
from models.plan_units import resolve_unit, station_of, unit_name
from models.write import Actor, OpChanges, Writer, writing

SOURCE_MODELS = {"benchmark": PlanBenchmark, "progress": ProgressEntry, "meeting": MeetingDecision}


def _check_unit(code: str | None) -> None:
    inst = Installation.get_current()
    if not inst.is_bureau and code != inst.station_code:
        raise PermissionDenied(f"服务站只能登记和修改本站的清单事项，不能修改{unit_name(code) or '事务局'}的。")


def item_values(values: dict, *, partial: bool) -> dict:
    row: dict = {}
    if not partial or "title" in values:
        row["title"] = (values.get("title") or "").strip()
        if not row["title"]:
            raise ValidationError({"title": "请填写清单事项"})
    for name in ("measures", "person"):
        if name in values:
            row[name] = (values.get(name) or "").strip() or None
    if "unit_code" in values:
        code = resolve_unit(values["unit_code"]) if values.get("unit_code") else None
        row["unit_code"], row["station_code"] = code, station_of(code) if code else None
    if "deadline" in values:
        row["deadline"] = check_deadline(values["deadline"]) if values.get("deadline") else None
    if "state" in values:  # the form's name; the column is list_state
        state = values["state"]
        state = state if state in LIST_STATES else {v: k for k, v in LIST_STATES.items()}.get(state)
        if state is None:
            raise ValidationError({"state": "清单事项的状态应为 未开始、推进中 或 已完成"})
        row["list_state"] = state
    if "task_ids" in values:
        ids = list(dict.fromkeys(values.get("task_ids") or []))
        known = {t.id for t in PlanTask.live().where(PlanTask.id.in_(ids))}
        if set(ids) - known:
            raise ValidationError({"task_ids": "关联的工作任务不存在或已删除"})
        row["task_ids"] = ids
    return row


def add_list_item(plan_id: str, kind: str, values: dict, *, actor: Actor, source: tuple[str, str] | None = None,
                  problem_id: str | None = None) -> ListItem:
    plan = _live(Plan, plan_id, "工作方案")
    if kind not in LIST_KINDS:
        raise ValidationError({"kind": "清单应为 problem（主要问题）、learning（学习借鉴）或 improvement（整改提升）"})
    row = item_values({"unit_code": None, **values}, partial=False)
    _check_unit(row.get("unit_code"))
    source_kind, source_id = source or (None, None)
    if source_kind is not None:
        if source_kind not in SOURCE_KINDS:
            raise ValidationError({"source": "来源应为 对标对象、月调度 或 专题会议"})
        _live(SOURCE_MODELS[source_kind], source_id, SOURCE_KINDS[source_kind])
    if problem_id:
        problem = _live(ListItem, problem_id, "主要问题")
        if kind != "improvement" or problem.kind != "problem":
            raise ValidationError({"problem": "只有整改提升事项可以对应一个主要问题"})
    with writing(actor) as w:
        return create_item(w, plan.id, kind, row, source_kind, source_id, problem_id)


def create_item(w: Writer, plan_id: str, kind: str, row: dict, source_kind=None, source_id=None,
                problem_id=None) -> ListItem:
    top = ListItem.select(peewee.fn.MAX(ListItem.number)).where(
        (ListItem.plan == plan_id) & (ListItem.kind == kind)).scalar()
    return w.create(ListItem, {"plan": plan_id, "kind": kind, "number": (top or 0) + 1, "source_kind": source_kind,
                               "source_id": source_id, "problem": problem_id, **row})


def improvement_for(problem_id: str, values: dict, *, actor: Actor) -> ListItem:
    """The 整改提升 item that addresses a 主要问题 (its unit, person, deadline and tasks unless given)."""
    problem = _live(ListItem, problem_id, "主要问题")
    inherited = {"unit_code": problem.unit_code, "person": problem.person, "deadline": problem.deadline,
                 "task_ids": problem.task_ids}
    return add_list_item(problem.plan_id, "improvement", {**inherited, **values}, actor=actor,
                         source=(problem.source_kind, problem.source_id) if problem.source_kind else None,
                         problem_id=problem.id)


def edit_list_item(item_id: str, values: dict, *, actor: Actor, seen: dict | None = None) -> OpChanges:
    item = _live(ListItem, item_id, "清单事项")
    _check_unit(item.unit_code)
    row = item_values(values, partial=True)
    if "unit_code" in row:
        _check_unit(row["unit_code"])
    with writing(actor) as w:
        w.update(item, row, seen=seen)
    return w.changes


def item_status(item: ListItem, on: dt.date | None = None) -> str:
    on = on or dt.date.today()
    if item.list_state != "done" and item.deadline is not None and item.deadline < on:
        return "late"
    return item.list_state


def list_items(plan_id: str, *, kind: str | None = None, unit_code: str | None = None,
               on: dt.date | None = None) -> list[tuple[ListItem, str]]:
    query = ListItem.live().where(ListItem.plan == plan_id).order_by(ListItem.kind, ListItem.number)
    if kind:
        query = query.where(ListItem.kind == kind)
    if unit_code:
        query = query.where(ListItem.unit_code == unit_code)
    return [(item, item_status(item, on)) for item in query]
