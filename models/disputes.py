"""矛盾纠纷排查化解 / 信访事项 (DOMAIN.md §6): register a case with its number, source, parties, type,
risk, 包案领导 and deadline; log mediation steps; end it 已化解 / 已稳控 / 已上报 / 已中止; follow up with
satisfaction; deadline colours; and the rate of cases resolved locally (化解在当地率).

    case, changes = register_dispute({"persons": [pid], "source": "visit", "dispute_type": "housing",
                                      "claim": "…", "risk": "medium", "deadline": d}, actor=actor)
    dispute_step(case.id, "mediate", on=d, note="约谈双方", data={"result": "初步达成一致"}, actor=actor)
    dispute_step(case.id, "resolve", on=d, actor=actor)
    dispute_step(case.id, "follow_up", on=d, data={"satisfaction": "satisfied"}, actor=actor)
    deadline_colour(case, today)        # 'green' | 'yellow' | 'red' | 'grey' | None
    local_resolution_rate()             # ResolutionRate(resolved=…, ended=…, rate=…)

Mediation steps and outcomes are append-only DisputeEvent rows; state and outcome are their replay.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models import options
from models.base import SyncedModel, label_fields
from models.errors import NotFound, ValidationError
from models.installation import Installation
from models.person import Person
from models.workflow import (CaseEvent, Step, Workflow, check_event_date, clean_text, events_of, refresher,
                             require_text, store_cache)
from models.write import Actor, OpChanges, writing

RISKS = {"high": "高", "medium": "中", "low": "低"}
SATISFACTION = {"very_satisfied": "非常满意", "satisfied": "满意", "fair": "基本满意",
                "dissatisfied": "不满意", "very_dissatisfied": "非常不满意"}
COLOURS = {"green": "绿", "yellow": "黄", "red": "红", "grey": "灰"}
DUE_SOON_DAYS = 3

DISPUTE = Workflow("dispute", "矛盾纠纷", {
    "registered": "已登记", "mediating": "调处中", "resolved": "已化解", "contained": "已稳控",
    "escalated": "已上报", "suspended": "已中止", "followed_up": "已回访"},
    initial="registered", steps=[
        Step("mediate", "记录调处", ("registered", "mediating"), "mediating"),
        Step("monitor", "记录稳控跟踪", ("contained",), None),
        Step("resolve", "已化解", ("registered", "mediating", "contained"), "resolved"),
        Step("contain", "已稳控", ("registered", "mediating"), "contained"),
        Step("escalate", "上报", ("registered", "mediating", "contained"), "escalated"),
        Step("suspend", "中止", ("registered", "mediating", "contained"), "suspended"),
        Step("follow_up", "回访", ("resolved", "contained", "escalated", "suspended"), "followed_up"),
    ], final=("followed_up",))
OPEN_STATES = ("registered", "mediating")
OUTCOMES = ("resolved", "contained", "escalated", "suspended")
EDITABLE = {"source", "dispute_type", "claim", "risk", "repeat", "leader", "leader_phone", "handler",
            "handler_phone", "deadline", "outsiders"}


class DisputeCase(SyncedModel):
    number = peewee.TextField(index=True)  # division code + year + serial: 150626100-2026-0001
    station_code = peewee.TextField(null=True, index=True)
    person = peewee.ForeignKeyField(Person, backref="disputes", on_delete="RESTRICT", index=True)  # first party
    outsiders = peewee.TextField(null=True)  # parties who are not in the registry, free text
    source = peewee.TextField()
    dispute_type = peewee.TextField(index=True)
    claim = peewee.TextField()  # 诉求内容
    risk = peewee.TextField(default="low", index=True)
    repeat = peewee.BooleanField(default=False)  # 是否重复访
    leader = peewee.TextField(null=True)  # 包案领导
    leader_phone = peewee.TextField(null=True)
    handler = peewee.TextField(null=True)  # 责任人
    handler_phone = peewee.TextField(null=True)
    registered_on = peewee.DateField(index=True)
    deadline = peewee.DateField(null=True, index=True)
    # derived from the events on this installation
    status = peewee.TextField(default="registered", index=True)
    status_on = peewee.DateField(null=True)
    outcome = peewee.TextField(null=True, index=True)
    outcome_on = peewee.DateField(null=True)

    derived_fields = ("status", "status_on", "outcome", "outcome_on")

    def derive(self) -> None:
        if self.id:
            for name, value in derive_dispute(self).items():
                setattr(self, name, value)

    @property
    def title(self) -> str:
        return f"{self.number} · {self.person.name}"


label_fields(DisputeCase, {"source": "来源", "dispute_type": "类型", "outsiders": "其他当事人", "claim": "诉求内容",
                           "risk": "风险等级", "deadline": "办结期限", "leader": "包案领导", "leader_phone": "领导电话",
                           "handler": "责任人", "handler_phone": "责任人电话", "repeat": "是否重复访"})


class DisputeParty(SyncedModel):
    case = peewee.ForeignKeyField(DisputeCase, backref="parties", on_delete="RESTRICT", index=True)
    person = peewee.ForeignKeyField(Person, backref="dispute_parties", on_delete="RESTRICT", index=True)


@events_of("dispute_case", "case")
class DisputeEvent(CaseEvent):
    case = peewee.ForeignKeyField(DisputeCase, backref="events", on_delete="RESTRICT", index=True)


@dataclass(frozen=True)
class ResolutionRate:
    resolved: int
    ended: int

    @property
    def rate(self) -> float | None:
        return self.resolved / self.ended if self.ended else None

    @property
    def text(self) -> str:
        return "—" if self.rate is None else f"{self.rate * 100:.1f}%"


# --- derivation --------------------------------------------------------------------------------

def dispute_events(case_id: str) -> list[DisputeEvent]:
    return list(DisputeEvent.live().where(DisputeEvent.case == case_id))


def derive_dispute(case: DisputeCase) -> dict:
    replay = DISPUTE.replay(dispute_events(case.id))
    outcome = outcome_on = None
    for event in replay.applied:
        if event.step in ("resolve", "contain", "escalate", "suspend"):
            outcome, outcome_on = DISPUTE.step(event.step).target, event.on
    return {"status": replay.state, "status_on": replay.state_on or case.registered_on, "outcome": outcome,
            "outcome_on": outcome_on}


@refresher("dispute_case")
def refresh_dispute(case_id: str) -> None:
    case = DisputeCase.get_or_none(DisputeCase.id == case_id)
    if case is not None:
        store_cache(case, derive_dispute(case))


def get_dispute(case_id: str) -> DisputeCase:
    case = DisputeCase.live().where((DisputeCase.id == case_id) | (DisputeCase.number == case_id)).first()
    if case is None:
        raise NotFound(f"未找到矛盾纠纷案件（{case_id}）。", record_id=case_id)
    return case


def parties(case_id: str) -> list[Person]:
    return list(Person.select().join(DisputeParty, on=(DisputeParty.person == Person.id))
                .where((DisputeParty.case == case_id) & DisputeParty.deleted_at.is_null())
                .order_by(DisputeParty.created_at))


def legal_steps(case: DisputeCase) -> list[Step]:
    return DISPUTE.legal_steps(case.status)


def deadline_colour(case: DisputeCase, today: dt.date | None = None) -> str | None:
    """绿 done, 黄 due within 3 days, 红 overdue, 灰 suspended; None: open with time to spare."""
    today = today or dt.date.today()
    if case.outcome == "suspended":
        return "grey"
    if case.outcome:
        return "green"
    if case.deadline is None:
        return None
    days = (case.deadline - today).days
    if days < 0:
        return "red"
    return "yellow" if days <= DUE_SOON_DAYS else None


# --- operations ----------------------------------------------------------------------------------

def next_number(registered_on: dt.date) -> str:
    inst = Installation.get_current()
    prefix = f"{inst.station_code or inst.division_code}-{registered_on.year}-"
    last = (DisputeCase.select(peewee.fn.MAX(DisputeCase.number))
            .where(DisputeCase.number.startswith(prefix)).scalar())
    serial = int(last.rsplit("-", 1)[1]) + 1 if last else 1
    return f"{prefix}{serial:04d}"


def _validate(values: dict, problems: dict) -> dict:
    v = {}
    for name in ("claim", "leader", "leader_phone", "handler", "handler_phone", "outsiders"):
        if name in values:
            v[name] = clean_text(values[name])
    if "claim" in values and not v["claim"]:
        problems["claim"] = "请填写诉求内容"
    if "source" in values:
        if not options.is_option("dispute_source", values["source"]):
            problems["source"] = "请选择来源"
        v["source"] = values["source"]
    if "dispute_type" in values:
        if not options.is_option("dispute_type", values["dispute_type"]):
            problems["dispute_type"] = "请选择矛盾纠纷类型"
        v["dispute_type"] = values["dispute_type"]
    if "risk" in values:
        if values["risk"] not in RISKS:
            problems["risk"] = "请选择风险等级（高、中、低）"
        v["risk"] = values["risk"]
    if "repeat" in values:
        v["repeat"] = bool(values["repeat"])
    if "deadline" in values:
        if values["deadline"] is not None and not isinstance(values["deadline"], dt.date):
            problems["deadline"] = "办结期限应为日期"
        v["deadline"] = values["deadline"]
    return v


def register_dispute(values: dict, *, actor: Actor, today: dt.date | None = None) -> tuple[DisputeCase, OpChanges]:
    """登记: parties are values["persons"] (ids, at least one) plus optional outsiders text."""
    today = today or dt.date.today()
    problems: dict[str, str] = {}
    person_ids = list(dict.fromkeys(str(p) for p in values.get("persons") or [] if p))
    people = {p.id: p for p in Person.live().where(Person.id.in_(person_ids))} if person_ids else {}
    if not person_ids:
        problems["persons"] = "请选择至少一名当事人"
    elif len(people) != len(person_ids):
        problems["persons"] = "所选当事人不存在或已被删除"
    registered_on = values.get("registered_on") or today
    if not isinstance(registered_on, dt.date) or registered_on > today:
        problems["registered_on"] = "登记日期应为不晚于今天的日期"
    v = _validate({"risk": "low", "repeat": False, **{k: values.get(k) for k in EDITABLE if k in values},
                   "claim": values.get("claim"), "source": values.get("source"),
                   "dispute_type": values.get("dispute_type")}, problems)
    if isinstance(v.get("deadline"), dt.date) and isinstance(registered_on, dt.date) and v["deadline"] < registered_on:
        problems["deadline"] = "办结期限不能早于登记日期"
    if problems:
        raise ValidationError(problems)
    first = people[person_ids[0]]
    with writing(actor) as w:
        case = w.create(DisputeCase, {**v, "number": next_number(registered_on), "station_code": first.station_code,
                                      "person": first.id, "registered_on": registered_on})
        for pid in person_ids:
            w.create(DisputeParty, {"case": case.id, "person": pid})
    return case, w.changes


def edit_dispute(case_id: str, values: dict, *, actor: Actor, seen: dict | None = None) -> OpChanges:
    """Change the case's header (risk, leader, deadline …); steps go through dispute_step."""
    case = get_dispute(case_id)
    unknown = set(values) - EDITABLE
    if unknown:
        raise ValueError(f"not editable here: {sorted(unknown)}")
    problems: dict[str, str] = {}
    v = _validate(values, problems)
    if problems:
        raise ValidationError(problems)
    with writing(actor) as w:
        w.update(case, v, seen=seen)
    return w.changes


def dispute_step(case_id: str, step: str, *, on: dt.date, note: str | None = None, data: dict | None = None,
                 actor: Actor, today: dt.date | None = None) -> OpChanges:
    """mediate (note: what was done; data.result, data.who), monitor, resolve, contain,
    escalate (data.to: where it went), suspend (note: reason), follow_up (data.satisfaction)."""
    case = get_dispute(case_id)
    DISPUTE.check(case.title, case.status, step)
    check_event_date(on, after=case.status_on, today=today)
    data = dict(data or {})
    kept: dict = {}
    if step in ("mediate", "monitor"):
        note = require_text(note, "note", "请填写做了哪些工作")
        kept = {"who": clean_text(data.get("who")) or actor.display_name, "result": clean_text(data.get("result"))}
    if step == "escalate":
        kept["to"] = require_text(data.get("to"), "to", "请填写上报至何处")
    if step == "suspend":
        note = require_text(note, "note", "中止请写明原因")
    if step == "follow_up":
        if data.get("satisfaction") not in SATISFACTION:
            raise ValidationError({"satisfaction": "请选择满意度"})
        kept["satisfaction"] = data["satisfaction"]
    with writing(actor) as w:
        w.create(DisputeEvent, {"case": case.id, "step": step, "on": on, "note": clean_text(note),
                                "by_name": actor.display_name, "data": kept})
        refresh_dispute(case.id)
        w.changes.updated.append(("dispute_case", case.id))
    return w.changes


def ended_between(date_from: dt.date | None = None, date_to: dt.date | None = None):
    """The cases 化解在当地率 counts: live, with an outcome dated in the range (either end open)."""
    condition = DisputeCase.deleted_at.is_null() & DisputeCase.outcome.is_null(False)
    if date_from:
        condition &= DisputeCase.outcome_on >= date_from
    if date_to:
        condition &= DisputeCase.outcome_on <= date_to
    return condition


def resolution_by_station(date_from: dt.date | None = None, date_to: dt.date | None = None,
                          station_codes: list[str] | None = None) -> dict[str, ResolutionRate]:
    """化解在当地率 of every station at once (one grouped query): {station code: ResolutionRate}."""
    query = DisputeCase.select(DisputeCase.station_code, DisputeCase.outcome, peewee.fn.COUNT(DisputeCase.id)).where(
        ended_between(date_from, date_to))
    if station_codes is not None:
        query = query.where(DisputeCase.station_code.in_(station_codes))
    counts: dict[str, dict[str, int]] = {}
    for station, outcome, n in query.group_by(DisputeCase.station_code, DisputeCase.outcome).tuples():
        counts.setdefault(station, {})[outcome] = n
    return {station: ResolutionRate(resolved=c.get("resolved", 0), ended=sum(c.values())) for station, c in counts.items()}


def local_resolution_rate(*, station_code: str | None = None, date_from: dt.date | None = None,
                          date_to: dt.date | None = None) -> ResolutionRate:
    """化解在当地率 = cases ended 已化解 (never escalated) / cases ended (by outcome date in the period)."""
    query = DisputeCase.select(DisputeCase.outcome, peewee.fn.COUNT(DisputeCase.id)).where(
        ended_between(date_from, date_to))
    if station_code:
        query = query.where(DisputeCase.station_code == station_code)
    counts = dict(query.group_by(DisputeCase.outcome).tuples())
    return ResolutionRate(resolved=counts.get("resolved", 0), ended=sum(counts.values()))
