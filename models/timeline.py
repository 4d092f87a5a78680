"""A person's timeline: everything that happened to them in the casework areas, newest first.

    for item in person_timeline(pid):
        item.on, item.kind, item.record_id, item.label     # open the record by (kind, record_id)

Kinds: service, visit, card, aid, dispute, employment (KIND_LABELS). Case steps (decisions,
disbursements, mediation steps, card steps) appear as their own items pointing at their case.
Order: date descending, then creation time and id descending — stable across runs.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from models import options
from models.aid import AID, AidCase, AidEvent
from models.cards import CARD, CARD_TYPES, CardEvent, PreferentialCard
from models.disputes import DISPUTE, DisputeCase, DisputeEvent, DisputeParty
from models.employment import KINDS as EMPLOYMENT_KINDS, EmploymentRecord
from models.services import AGENCY, CHANNELS, ServiceEvent, ServiceRecord
from models.visits import Visit
from models.workflow import yuan

KIND_LABELS = {"service": "服务记录", "visit": "走访慰问", "card": "优待证", "aid": "困难帮扶",
               "dispute": "矛盾纠纷", "employment": "就业创业"}


@dataclass(frozen=True)
class TimelineItem:
    on: dt.date
    kind: str  # KIND_LABELS key: which record to open
    record_id: str  # the record (or case) to open
    label: str  # one line for the list
    event_id: str | None = None  # the step within the case, if the item is a step
    at: str = ""  # created_at, for a stable order

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def person_timeline(person_id: str) -> list[TimelineItem]:
    items: list[TimelineItem] = []

    def record(on, kind, record_id, label, at):
        items.append(TimelineItem(on, kind, record_id, label, None, at))

    def step(kind, case_id, flow_label, event, money=""):
        label = f"{flow_label}{money}" + (f"：{event.note}" if event.note else "")
        items.append(TimelineItem(event.on, kind, case_id, label, event.id, event.created_at))

    categories = options.labels("service_category")
    services = list(ServiceRecord.live().where(ServiceRecord.person == person_id))
    for s in services:
        record(s.served_on, "service", s.id,
               f"{CHANNELS.get(s.channel, s.channel)} · {categories.get(s.category, s.category)}：{s.content}",
               s.created_at)
    if services:
        for e in ServiceEvent.live().where(ServiceEvent.service.in_([s.id for s in services])):
            step("service", e.service_id, AGENCY.step(e.step).label, e)

    types = options.labels("visit_type")
    for v in Visit.live().where(Visit.person == person_id):
        gift = "、".join(x for x in (yuan(v.money_fen) if v.money_fen else "", v.goods or "") if x)
        record(v.visited_on, "visit", v.id,
               f"{types.get(v.visit_type, v.visit_type)}（{'、'.join(v.staff)}）" + (f"：{gift}" if gift else ""),
               v.created_at)

    cards = list(PreferentialCard.live().where(PreferentialCard.person == person_id))
    for c in cards:
        record(c.applied_on, "card", c.id, f"申领{CARD_TYPES.get(c.card_type, c.card_type)}", c.created_at)
    if cards:
        for e in CardEvent.live().where(CardEvent.card.in_([c.id for c in cards])):
            step("card", e.card_id, f"优待证{CARD.step(e.step).label}", e)

    hardship = options.labels("hardship_type")
    cases = list(AidCase.live().where(AidCase.person == person_id))
    for a in cases:
        record(a.applied_on, "aid", a.id,
               f"申请困难帮扶（{hardship.get(a.hardship_type, a.hardship_type)}，{yuan(a.requested_fen)}）",
               a.created_at)
    if cases:
        for e in AidEvent.live().where(AidEvent.case.in_([a.id for a in cases])):
            step("aid", e.case_id, f"困难帮扶{AID.step(e.step).label}", e, f" {yuan(e.amount_fen)}" if e.amount_fen else "")

    case_ids = [c for (c,) in DisputeParty.select(DisputeParty.case)
                .where((DisputeParty.person == person_id) & DisputeParty.deleted_at.is_null()).tuples()]
    if case_ids:
        for d in DisputeCase.live().where(DisputeCase.id.in_(case_ids)):
            record(d.registered_on, "dispute", d.id, f"登记矛盾纠纷 {d.number}：{d.claim}", d.created_at)
        for e in DisputeEvent.live().where(DisputeEvent.case.in_(case_ids)):
            step("dispute", e.case_id, f"矛盾纠纷{DISPUTE.step(e.step).label}", e)

    for r in EmploymentRecord.live().where(EmploymentRecord.person == person_id):
        record(r.on, "employment", r.id, f"{EMPLOYMENT_KINDS[r.kind]}：{r.title}", r.created_at)
    return sorted(items, key=lambda i: (i.on, i.at, i.event_id or i.record_id), reverse=True)
