"""《优待证》申领发放 (DOMAIN.md §4): applications for the 退役军人优待证 and the 三属优待证,
their preconditions and exclusions, every state and side path, and one live card per person.

    card, changes = apply_card(pid, "veteran", on=d, actor=actor)
    card_step(card.id, "submit", on=d, actor=actor)                  # 已受理 → 审核中
    card_step(card.id, "review", on=d, data={"level": "city"}, actor=actor)
    card_step(card.id, "issue", on=d, data={"collected_by": "王建国"}, actor=actor)
    reapply(card.id, "reissue", on=d, reason="遗失", actor=actor)     # 补领: new card linked to the old

Preconditions: 建档立卡 done (filed_on) and an eligible identity. Exclusions (除名/开除军籍,
剥夺政治权利, 服刑/羁押/通缉) are recorded per person and refuse an application unless the bureau
overrode them with a reason. Every step is an append-only CardEvent; the state is their replay.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models import vocab
from models.base import SyncedModel
from models.errors import DomainError, NotFound, ValidationError
from models.permissions import require
from models.person import Person, PersonIdentity
from models.workflow import (CaseEvent, Step, Workflow, check_event_date, clean_text, events_of, refresher,
                             require_active_person, require_text, store_cache)
from models.write import Actor, OpChanges, writing

CARD_TYPES = {"veteran": "退役军人优待证", "family": "三属优待证"}
APPLICATION_KINDS = {"new": "首次申领", "reissue": "补领", "exchange": "换领"}
ELIGIBLE = {
    "veteran": {"transferred_officer", "retired_soldier", "military_retiree", "demobilized", "red_army_veteran",
                "disabled_veteran"},
    "family": set(vocab.IDENTITIES_FOR_FAMILY_OF_DECEASED),
}
EXCLUSIONS = {"dismissed": "被除名、开除军籍", "deprived": "被依法剥夺政治权利",
              "detained": "正在服刑、被羁押或被通缉"}
REVIEW_LEVELS = {"county": "县级", "city": "市级", "province": "省级"}

CARD = Workflow("card", "优待证申领", {
    "accepted": "已受理", "reviewing": "审核中", "producing": "制卡中", "received": "已签收", "issued": "已发放",
    "not_accepted": "不予受理", "revoked": "已收回", "replaced": "已补换"},
    initial="accepted", steps=[
        Step("submit", "报送审核", ("accepted",), "reviewing"),
        Step("review", "记录审核通过", ("reviewing",), None),
        Step("produce", "转入制卡", ("reviewing",), "producing"),
        Step("receive", "县级签收", ("producing",), "received"),
        Step("issue", "发放", ("received",), "issued"),
        Step("reject", "不予受理", ("accepted", "reviewing"), "not_accepted"),
        Step("send_back", "退回补正", ("reviewing",), "accepted"),
        Step("revoke", "收回", ("issued", "received"), "revoked"),
        Step("replace", "补领/换领", ("issued", "received"), "replaced"),
    ], final=("not_accepted", "revoked", "replaced"), closing=("reject", "revoke", "replace"))
LIVE_STATES = ("accepted", "reviewing", "producing", "received", "issued")


class CardRefused(DomainError):
    """A precondition, an exclusion or the one-live-card rule refuses the application."""

    code = "card_refused"


class PreferentialCard(SyncedModel):
    station_code = peewee.TextField(null=True, index=True)
    person = peewee.ForeignKeyField(Person, backref="cards", on_delete="RESTRICT", index=True)
    card_type = peewee.TextField()
    kind = peewee.TextField(default="new")
    replaces = peewee.ForeignKeyField("self", null=True, backref="replaced_by", on_delete="RESTRICT")
    applied_on = peewee.DateField(index=True)
    note = peewee.TextField(null=True)
    # derived from the events on this installation
    status = peewee.TextField(default="accepted", index=True)
    status_on = peewee.DateField(null=True)
    card_no = peewee.TextField(null=True)
    issued_on = peewee.DateField(null=True)

    derived_fields = ("status", "status_on", "card_no", "issued_on")

    def derive(self) -> None:
        if self.id:
            for name, value in derive_card(self).items():
                setattr(self, name, value)

    @property
    def title(self) -> str:
        return f"{self.person.name} · {CARD_TYPES.get(self.card_type, self.card_type)}（{APPLICATION_KINDS.get(self.kind)}）"


@events_of("preferential_card", "card")
class CardEvent(CaseEvent):
    card = peewee.ForeignKeyField(PreferentialCard, backref="events", on_delete="RESTRICT", index=True)


class CardExclusion(SyncedModel):
    person = peewee.ForeignKeyField(Person, backref="card_exclusions", on_delete="RESTRICT", index=True)
    kind = peewee.TextField()
    recorded_on = peewee.DateField()
    note = peewee.TextField(null=True)
    overridden_reason = peewee.TextField(null=True)
    overridden_by = peewee.TextField(null=True)
    overridden_on = peewee.DateField(null=True)


# --- derivation --------------------------------------------------------------------------------

def card_events(card_id: str) -> list[CardEvent]:
    return list(CardEvent.live().where(CardEvent.card == card_id))


def derive_card(card: PreferentialCard) -> dict:
    replay = CARD.replay(card_events(card.id))
    card_no = issued = None
    for event in replay.applied:
        card_no = event.data.get("card_no") or card_no
        if event.step == "issue":
            issued = event.on
    return {"status": replay.state, "status_on": replay.state_on or card.applied_on, "card_no": card_no,
            "issued_on": issued}


@refresher("preferential_card")
def refresh_card(card_id: str) -> None:
    card = PreferentialCard.get_or_none(PreferentialCard.id == card_id)
    if card is not None:
        store_cache(card, derive_card(card))


def get_card(card_id: str) -> PreferentialCard:
    card = PreferentialCard.live().where(PreferentialCard.id == card_id).first()
    if card is None:
        raise NotFound(f"未找到优待证申领记录（编号 {card_id}）。", record_id=card_id)
    return card


def cards_of(person_id: str) -> list[PreferentialCard]:
    return list(PreferentialCard.live().where(PreferentialCard.person == person_id)
                .order_by(PreferentialCard.applied_on.desc(), PreferentialCard.id.desc()))


def live_card(person_id: str) -> PreferentialCard | None:
    return (PreferentialCard.live().where((PreferentialCard.person == person_id)
                                          & PreferentialCard.status.in_(LIVE_STATES)).first())


def legal_steps(card: PreferentialCard) -> list[Step]:
    return CARD.legal_steps(card.status)


# --- preconditions -----------------------------------------------------------------------------

def open_exclusions(person_id: str) -> list[CardExclusion]:
    return list(CardExclusion.live().where((CardExclusion.person == person_id)
                                           & CardExclusion.overridden_reason.is_null()))


def check_eligibility(person: Person, card_type: str, *, ignore_card: str | None = None) -> None:
    """Raise CardRefused with the first reason this person cannot apply for this card now."""
    if card_type not in CARD_TYPES:
        raise ValidationError({"card_type": "请选择优待证类型"})
    require_active_person(person, "申领优待证")
    if not person.filed_on:
        raise CardRefused(f"{person.name}尚未建档立卡，请先完成建档立卡再申领优待证。", person_id=person.id)
    held = {c for (c,) in PersonIdentity.select(PersonIdentity.category)
            .where((PersonIdentity.person == person.id) & PersonIdentity.deleted_at.is_null()).tuples()}
    if not held & ELIGIBLE[card_type]:
        raise CardRefused(f"{person.name}的人员类别不符合{CARD_TYPES[card_type]}的申领条件。",
                          person_id=person.id, card_type=card_type)
    for exclusion in open_exclusions(person.id):
        raise CardRefused(f"{person.name}有不予发放优待证的情形：{EXCLUSIONS.get(exclusion.kind, exclusion.kind)}"
                          "（如确需办理，须由事务局说明理由后解除）。", person_id=person.id, exclusion_id=exclusion.id)
    existing = live_card(person.id)
    if existing and existing.id != ignore_card:
        raise CardRefused(f"{person.name}已有一张在办或已发放的优待证（{CARD.state_label(existing.status)}），"
                          "每人只能持有一张。", person_id=person.id, existing_id=existing.id)


def _person(person_id: str) -> Person:
    person = Person.live().where(Person.id == str(person_id or "")).first()
    if person is None:
        raise ValidationError({"person": "请选择申领人"})
    return person


# --- operations ----------------------------------------------------------------------------------

def apply_card(person_id: str, card_type: str, *, on: dt.date, note: str | None = None, actor: Actor,
               today: dt.date | None = None) -> tuple[PreferentialCard, OpChanges]:
    """受理 an application (state 已受理)."""
    person = _person(person_id)
    check_eligibility(person, card_type)
    check_event_date(on, after=None, today=today, field_name="applied_on", what="受理日期")
    with writing(actor) as w:
        card = w.create(PreferentialCard, {"station_code": person.station_code, "person": person.id,
                                           "card_type": card_type, "kind": "new", "replaces": None,
                                           "applied_on": on, "note": clean_text(note)})
    return card, w.changes


def reapply(old_card_id: str, kind: str, *, on: dt.date, reason: str, actor: Actor,
            today: dt.date | None = None) -> tuple[PreferentialCard, OpChanges]:
    """补领 (lost) or 换领 (worn, details changed): a new application linked to the old card, which ends."""
    old = get_card(old_card_id)
    if kind not in ("reissue", "exchange"):
        raise ValidationError({"kind": "请选择补领或换领"})
    reason = require_text(reason, "reason", f"{APPLICATION_KINDS[kind]}请写明原因")
    CARD.check(old.title, old.status, "replace")
    person = _person(old.person_id)
    check_eligibility(person, old.card_type, ignore_card=old.id)
    check_event_date(on, after=old.status_on, today=today, field_name="applied_on", what="受理日期")
    with writing(actor) as w:
        card = w.create(PreferentialCard, {"station_code": person.station_code, "person": person.id,
                                           "card_type": old.card_type, "kind": kind, "replaces": old.id,
                                           "applied_on": on, "note": reason})
        w.create(CardEvent, {"card": old.id, "step": "replace", "on": on, "note": reason,
                             "by_name": actor.display_name, "data": {"new_card": card.id}})
        refresh_card(old.id)
        w.changes.updated.append(("preferential_card", old.id))
    return card, w.changes


def card_step(card_id: str, step: str, *, on: dt.date, note: str | None = None, data: dict | None = None,
              actor: Actor, today: dt.date | None = None) -> OpChanges:
    """Any step but 补领/换领 (use reapply): submit, review, produce, receive, issue, reject, send_back, revoke."""
    card = get_card(card_id)
    if step == "replace":
        raise ValidationError({"step": "补领/换领请新建一张关联原证的申请"})
    CARD.check(card.title, card.status, step)
    if step not in CARD.closing:
        require_active_person(card.person, "办理优待证")
    data = dict(data or {})
    kept: dict = {}
    if step in ("reject", "send_back", "revoke"):
        note = require_text(note, "note", f"{CARD.step(step).label}请写明原因")
    if step == "review":
        if data.get("level") not in REVIEW_LEVELS:
            raise ValidationError({"level": "请选择审核层级（县级、市级、省级）"})
        kept["level"] = data["level"]
    if step in ("receive", "issue") and clean_text(data.get("card_no")):
        kept["card_no"] = clean_text(data["card_no"])
    if step == "issue":
        kept["collected_by"] = require_text(data.get("collected_by"), "collected_by", "请填写领取人")
        if clean_text(data.get("guardian_relation")):
            kept["guardian_relation"] = clean_text(data["guardian_relation"])
    check_event_date(on, after=card.status_on, today=today)
    with writing(actor) as w:
        w.create(CardEvent, {"card": card.id, "step": step, "on": on, "note": clean_text(note),
                             "by_name": actor.display_name, "data": kept})
        refresh_card(card.id)
        w.changes.updated.append(("preferential_card", card.id))
    return w.changes


# --- exclusions ----------------------------------------------------------------------------------

def record_exclusion(person_id: str, kind: str, *, on: dt.date, note: str | None = None, actor: Actor,
                     today: dt.date | None = None) -> tuple[CardExclusion, OpChanges]:
    person = _person(person_id)
    if kind not in EXCLUSIONS:
        raise ValidationError({"kind": "请选择不予发放的情形"})
    check_event_date(on, after=None, today=today, field_name="recorded_on", what="登记日期")
    with writing(actor) as w:
        found = w.create(CardExclusion, {"person": person.id, "kind": kind, "recorded_on": on,
                                         "note": clean_text(note)})
    return found, w.changes


def override_exclusion(exclusion_id: str, reason: str, *, on: dt.date, actor: Actor) -> OpChanges:
    """Only the bureau lifts an exclusion, with a reason; the exclusion stays on record."""
    require(actor, "lift_card_exclusion", target=exclusion_id)
    exclusion = CardExclusion.live().where(CardExclusion.id == exclusion_id).first()
    if exclusion is None:
        raise NotFound("未找到该不予发放情形。", record_id=exclusion_id)
    reason = require_text(reason, "overridden_reason", "解除请写明理由")
    with writing(actor) as w:
        w.update(exclusion, {"overridden_reason": reason, "overridden_by": actor.display_name, "overridden_on": on})
    return w.changes
