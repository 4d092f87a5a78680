"""季总结: each unit's quarterly summary, and the bureau's 专题会议 whose decisions become work.

    write_quarter_summary("2026Q4", {"results": "…", "highlights": "…", "problems": "…",
                                     "next_plans": "…"}, actor=a)               # a station: its own
    meeting = record_meeting(plan.id, {"held_on": date(2026, 12, 28), "title": "第四季度专题会议",
                                       "chaired_by": "党新峰", "attendees": "…", "quarter": "2026Q4"},
                             decisions=["补齐走访台账", "…"], actor=a)
    decision_to_task(decision.id, area.id, {"deadline": …}, units=["150626100"], actor=a)   # one action
    decision_to_list_item(decision.id, "improvement", {"unit_code": "office"}, actor=a)

The summary follows the 月调度 rule (a station writes its own; the bureau writes its 股室'); writing
the same unit and quarter again corrects it. Meetings are the bureau's.
"""
from __future__ import annotations

import datetime as dt

from models.errors import ValidationError
from models.periods import period_of_kind
from models.plan import ListItem, MeetingDecision, Plan, PlanArea, PlanMeeting, PlanTask, QuarterSummary
from models.plan_edit import _live, get_plan, require_bureau
from models.plan_lists import add_list_item
from models.plan_progress import reporting_unit
from models.plan_tasks import add_task
from models.plan_units import station_of
from models.write import Actor, writing

SUMMARY_FIELDS = {"results": "成效", "highlights": "亮点做法", "problems": "存在问题", "next_plans": "下季打算"}


def parse_quarter(text: str):
    period = period_of_kind(text, "quarter")
    if period is None:
        raise ValidationError({"quarter": f"季度应写为 年Q季，例如 2026Q4：{text}"})
    return period


def write_quarter_summary(quarter: str, values: dict, *, actor: Actor, unit: str | None = None,
                          on: dt.date | None = None) -> QuarterSummary:
    code = reporting_unit(unit)
    period = parse_quarter(quarter)
    on = on or dt.date.today()
    if period.start > on:
        raise ValidationError({"quarter": f"不能填写未来季度（{period.code}）的季总结"})
    row = {name: (values.get(name) or "").strip() or None for name in SUMMARY_FIELDS}
    if not any(row.values()):
        raise ValidationError({"results": "季总结至少要写一项（成效、亮点做法、存在问题或下季打算）"})
    plan = get_plan(period.start.year)
    existing = QuarterSummary.live().where((QuarterSummary.unit_code == code)
                                           & (QuarterSummary.quarter == period.code)).first()
    with writing(actor) as w:
        if existing is not None:
            w.update(existing, row)
            return existing
        return w.create(QuarterSummary, {"plan": plan.id, "unit_code": code, "station_code": station_of(code),
                                         "quarter": period.code, "written_on": on, "written_by": actor.username,
                                         **row})


def record_meeting(plan_id: str, values: dict, *, decisions: list[str], actor: Actor) -> PlanMeeting:
    require_bureau("专题会议")
    plan = _live(Plan, plan_id, "工作方案")
    problems = {}
    held_on = values.get("held_on")
    if isinstance(held_on, str):
        try:
            held_on = dt.date.fromisoformat(held_on)
        except ValueError:
            held_on = None
    if not isinstance(held_on, dt.date):
        problems["held_on"] = "请填写会议日期（YYYY-MM-DD）"
    title = (values.get("title") or "").strip()
    if not title:
        problems["title"] = "请填写会议名称"
    quarter = values.get("quarter")
    if quarter:
        try:
            quarter = parse_quarter(quarter).code
        except ValidationError as exc:
            problems.update(exc.fields)
    texts = [t.strip() for t in decisions if t and t.strip()]
    if problems:
        raise ValidationError(problems)
    with writing(actor) as w:
        meeting = w.create(PlanMeeting, {"plan": plan.id, "held_on": held_on, "title": title, "quarter": quarter or None,
                                         "chaired_by": (values.get("chaired_by") or "").strip() or None,
                                         "attendees": (values.get("attendees") or "").strip() or None})
        for position, text in enumerate(texts):
            w.create(MeetingDecision, {"meeting": meeting.id, "position": position, "text": text})
    return meeting


def decision_to_task(decision_id: str, area_id: str, values: dict, *, units: list[str], actor: Actor,
                     on: dt.date | None = None) -> PlanTask:
    """A new task from a meeting decision (its text as the 事项 unless values give one)."""
    decision = _live(MeetingDecision, decision_id, "会议决定")
    _live(PlanArea, area_id, "工作领域")
    return add_task(area_id, {"title": decision.text, **values}, units=units, actor=actor, on=on,
                    decision_id=decision.id)


def decision_to_list_item(decision_id: str, kind: str, values: dict, *, actor: Actor) -> ListItem:
    """A three-list item whose 来源 is the decision (its text as the 事项 unless values give one)."""
    require_bureau("专题会议的决定")
    decision = _live(MeetingDecision, decision_id, "会议决定")
    return add_list_item(decision.meeting.plan_id, kind, {"title": decision.text, **values}, actor=actor,
                         source=("meeting", decision.id))


def quarter_summaries(quarter: str, *, unit_code: str | None = None) -> list[QuarterSummary]:
    """The live 季总结 of a quarter ("2026Q4"), by unit code; with unit_code only that unit's."""
    query = (QuarterSummary.live().where(QuarterSummary.quarter == parse_quarter(quarter).code)
             .order_by(QuarterSummary.unit_code))
    if unit_code:
        query = query.where(QuarterSummary.unit_code == unit_code)
    return list(query)
