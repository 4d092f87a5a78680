"""服务记录 (DOMAIN.md §2): one row per contact — walk-in, call, home or online — with its
category, content, result, who handled it and whether a follow-up is due; 代办 items carry the
small state 已受理 → 办理中 → 已办结 (or 已退回 with a reason).

    record, changes = record_service({"served_on": d, "person": pid, "channel": "visit",
                                      "category": "agency", "content": "代办优待证申请"}, actor=actor)
    agency_step(record.id, "start", on=d, actor=actor)
    record_follow_up(record.id, on=d, note="电话回访，已满意", actor=actor)

A service record is an event: it is never edited (a mistake is deleted with a reason and entered
again); steps and follow-ups are append-only ServiceEvent rows.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models import options
from models.base import SyncedModel
from models.errors import NotFound, ValidationError
from models.installation import Installation
from models.person import Person
from models.workflow import (CaseEvent, Step, Workflow, check_event_date, clean_text, events_of, refresher,
                             require_text, store_cache)
from models.write import Actor, OpChanges, writing

CHANNELS = {"visit": "来访", "call": "来电", "home": "上门", "online": "线上"}

AGENCY = Workflow("agency", "服务代办", {
    "accepted": "已受理", "in_progress": "办理中", "done": "已办结", "returned": "已退回"},
    initial="accepted", steps=[
        Step("start", "开始办理", ("accepted",), "in_progress"),
        Step("complete", "办结", ("accepted", "in_progress"), "done"),
        Step("return", "退回", ("accepted", "in_progress"), "returned"),
        Step("follow_up", "回访", ("accepted", "in_progress", "done", "returned"), None),
    ], final=("done", "returned"))


class ServiceRecord(SyncedModel):
    station_code = peewee.TextField(null=True, index=True)
    served_on = peewee.DateField(index=True)
    person = peewee.ForeignKeyField(Person, null=True, backref="services", on_delete="RESTRICT", index=True)
    channel = peewee.TextField()
    category = peewee.TextField(index=True)
    content = peewee.TextField()
    result = peewee.TextField(null=True)
    handler = peewee.TextField()  # 经办人 (staff name)
    agency = peewee.BooleanField(default=False)  # a 代办 item with a state
    needs_follow_up = peewee.BooleanField(default=False)
    follow_up_on = peewee.DateField(null=True, index=True)
    # derived from the events on this installation
    agency_state = peewee.TextField(null=True, index=True)
    followed_up_on = peewee.DateField(null=True)

    derived_fields = ("agency_state", "followed_up_on")

    def derive(self) -> None:
        if self.id:
            self.agency_state, self.followed_up_on = derive_service(self)

    @property
    def title(self) -> str:
        who = self.person.name if self.person_id else "来访群众"
        return f"{who} · {options.label('service_category', self.category)} · {self.served_on.isoformat()}"


@events_of("service_record", "service")
class ServiceEvent(CaseEvent):
    service = peewee.ForeignKeyField(ServiceRecord, backref="events", on_delete="RESTRICT", index=True)


def derive_service(record: ServiceRecord) -> tuple[str | None, dt.date | None]:
    replay = AGENCY.replay(service_events(record.id))
    follow_ups = [e.on for e in replay.applied if e.step == "follow_up"]
    return (replay.state if record.agency else None), (max(follow_ups) if follow_ups else None)


@refresher("service_record")
def refresh_service(service_id: str) -> None:
    record = ServiceRecord.get_or_none(ServiceRecord.id == service_id)
    if record is not None:
        state, followed = derive_service(record)
        store_cache(record, {"agency_state": state, "followed_up_on": followed})


def service_events(service_id: str) -> list[ServiceEvent]:
    return list(ServiceEvent.live().where(ServiceEvent.service == service_id))


def get_service(service_id: str) -> ServiceRecord:
    record = ServiceRecord.live().where(ServiceRecord.id == service_id).first()
    if record is None:
        raise NotFound(f"未找到服务记录（编号 {service_id}），可能已被删除。", record_id=service_id)
    return record


def legal_steps(record: ServiceRecord) -> list[Step]:
    """Steps the screen may offer: the 代办 steps for 代办 items, and 回访 for any record."""
    if not record.agency:
        return [AGENCY.step("follow_up")]
    return AGENCY.legal_steps(record.agency_state or AGENCY.initial)


def record_service(values: dict, *, actor: Actor, today: dt.date | None = None) -> tuple[ServiceRecord, OpChanges]:
    today = today or dt.date.today()
    problems = {}
    served_on = values.get("served_on") or today
    if not isinstance(served_on, dt.date) or served_on > today:
        problems["served_on"] = "服务日期应为不晚于今天的日期"
    person = None
    if values.get("person"):
        person = Person.live().where(Person.id == str(values["person"])).first()
        if person is None:
            problems["person"] = "所选服务对象不存在或已被删除"
    channel = values.get("channel") or "visit"
    if channel not in CHANNELS:
        problems["channel"] = "请选择服务方式（来访、来电、上门、线上）"
    category = values.get("category")
    if not options.is_option("service_category", category):
        problems["category"] = "请选择服务类别"
    content = clean_text(values.get("content"))
    if not content:
        problems["content"] = "请填写服务内容"
    needs = bool(values.get("needs_follow_up"))
    follow_on = values.get("follow_up_on")
    if needs and not isinstance(follow_on, dt.date):
        problems["follow_up_on"] = "需要回访时请填写回访日期"
    elif needs and isinstance(served_on, dt.date) and follow_on < served_on:
        problems["follow_up_on"] = "回访日期不能早于服务日期"
    if problems:
        raise ValidationError(problems)
    station = person.station_code if person else Installation.get_current().station_code
    row = {"station_code": station, "served_on": served_on, "person": person.id if person else None,
           "channel": channel, "category": category, "content": content,
           "result": clean_text(values.get("result")),
           "handler": clean_text(values.get("handler")) or actor.display_name,
           "agency": bool(values.get("agency", category == "agency")),
           "needs_follow_up": needs, "follow_up_on": follow_on if needs else None}
    with writing(actor) as w:
        record = w.create(ServiceRecord, row)
    return record, w.changes


def agency_step(service_id: str, step: str, *, on: dt.date, note: str | None = None, actor: Actor,
                today: dt.date | None = None) -> OpChanges:
    """Move a 代办 item: start / complete / return (a return needs the reason)."""
    record = get_service(service_id)
    if step == "follow_up":
        return record_follow_up(service_id, on=on, note=note, actor=actor, today=today)
    if not record.agency:
        raise ValidationError({"step": "这条服务记录不是代办事项，没有办理状态"})
    AGENCY.check(record.title, record.agency_state or AGENCY.initial, step)
    if step == "return":
        note = require_text(note, "note", "退回请写明原因")
    last = max([e.on for e in service_events(record.id)], default=record.served_on)
    check_event_date(on, after=last, today=today)
    return _add_event(record, step, on, clean_text(note), actor)


def record_follow_up(service_id: str, *, on: dt.date, note: str | None, actor: Actor,
                     today: dt.date | None = None) -> OpChanges:
    record = get_service(service_id)
    check_event_date(on, after=record.served_on, today=today, what="回访日期")
    return _add_event(record, "follow_up", on, require_text(note, "note", "请填写回访情况"), actor)


def _add_event(record: ServiceRecord, step: str, on: dt.date, note: str | None, actor: Actor) -> OpChanges:
    with writing(actor) as w:
        w.create(ServiceEvent, {"service": record.id, "step": step, "on": on, "note": note,
                                "by_name": actor.display_name, "data": {}})
        refresh_service(record.id)
        w.changes.updated.append(("service_record", record.id))
    return w.changes


def delete_service(service_id: str, reason: str, *, actor: Actor) -> OpChanges:
    """A record entered by mistake: a tombstone with the reason (the change log keeps it)."""
    record = get_service(service_id)
    reason = require_text(reason, "deleted_reason", "删除请写明原因")
    with writing(actor) as w:
        w.tombstone(record, reason)
    return w.changes
