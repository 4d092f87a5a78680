"""工作台: today's and overdue items across the casework areas, soonest first.

    for item in workbench(today=date(2026, 5, 6)):
        item.kind, item.record_id, item.person_id, item.person_name, item.due_on, item.label, item.overdue

Kinds (KIND_LABELS): follow_up (service records whose 回访 is due), visit (contact-tier visits due
or overdue; record_id is the person), dispute (open cases near or past their 办结期限), aid (open
cases waiting for their next step), card (cards signed for at the county, waiting to be handed out).
An item is listed when it is due within `horizon_days` or overdue.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models.aid import AID, AidCase
from models.cards import PreferentialCard
from models.db import db
from models.disputes import DUE_SOON_DAYS, DisputeCase
from models.person import Person
from models.services import ServiceRecord
from models.visits import due_visits

KIND_LABELS = {"follow_up": "回访", "visit": "走访", "dispute": "矛盾纠纷", "aid": "困难帮扶", "card": "优待证发放"}

# Days a station has for the next step of an aid case once it reached each state.
AID_WAIT_DAYS = {"applied": 7, "verified": 7, "station_approved": 5, "publicized": 0, "approved": 15,
                 "rejected": 15, "disbursed": 30, "followed_up": 7}
AID_NEXT = {"applied": "待入户核实", "verified": "待站审核", "station_approved": "待公示", "publicized": "待局审批",
            "approved": "待发放", "rejected": "待结案", "disbursed": "待回访", "followed_up": "待结案"}


@dataclass(slots=True)
class WorkItem:
    kind: str
    record_id: str
    person_id: str | None
    person_name: str
    due_on: dt.date
    label: str
    overdue: bool

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


def workbench(today: dt.date | None = None, *, horizon_days: int = DUE_SOON_DAYS,
              station_code: str | None = None) -> list[WorkItem]:
    today = today or dt.date.today()
    until = today + dt.timedelta(days=horizon_days)
    items: list[WorkItem] = []

    def add(kind, record_id, person_id, person_name, due_on, label):
        days = (due_on - today).days
        when = f"还有 {days} 天" if days > 0 else ("今天到期" if days == 0 else f"已逾期 {-days} 天")
        items.append(WorkItem(kind, record_id, person_id, person_name or "", due_on, f"{label}（{when}）", days < 0))

    def rows(query, model):
        """Raw rows (dates as ISO text): the workbench may hold tens of thousands of items."""
        if station_code:
            query = query.where(model.station_code == station_code)
        return db.execute(query).fetchall()

    date = dt.date.fromisoformat
    follow = (ServiceRecord.select(ServiceRecord.id, Person.id, Person.name, ServiceRecord.follow_up_on,
                                   ServiceRecord.content)
              .join(Person, peewee.JOIN.LEFT_OUTER, on=(ServiceRecord.person == Person.id))
              .where(ServiceRecord.deleted_at.is_null() & (ServiceRecord.needs_follow_up == True)  # noqa: E712
                     & ServiceRecord.followed_up_on.is_null() & (ServiceRecord.follow_up_on <= until)))
    for rid, pid, name, due_on, content in rows(follow, ServiceRecord):
        add("follow_up", rid, pid, name or "来访群众", date(due_on), f"服务回访：{content[:20]}")

    for due in due_visits(today, within_days=horizon_days, station_code=station_code):
        add("visit", due.person_id, due.person_id, due.name, due.due_on,
            "首次走访" if due.last_visit is None else f"定期走访，上次 {due.last_visit.isoformat()}")

    disputes = (DisputeCase.select(DisputeCase.id, Person.id, Person.name, DisputeCase.deadline, DisputeCase.number)
                .join(Person, on=(DisputeCase.person == Person.id))
                .where(DisputeCase.deleted_at.is_null() & DisputeCase.outcome.is_null()
                       & (DisputeCase.deadline <= until)))
    for rid, pid, name, deadline, number in rows(disputes, DisputeCase):
        add("dispute", rid, pid, name, date(deadline), f"矛盾纠纷 {number} 办结期限")

    aid = (AidCase.select(AidCase.id, Person.id, Person.name, AidCase.status, AidCase.status_on,
                          AidCase.publicity_to)
           .join(Person, on=(AidCase.person == Person.id))
           .where(AidCase.deleted_at.is_null() & AidCase.status.in_(list(AID_WAIT_DAYS))))
    for rid, pid, name, status, status_on, publicity_to in rows(aid, AidCase):
        if status == "publicized" and publicity_to:
            due_on = date(publicity_to) + dt.timedelta(days=1)
        else:
            due_on = date(status_on) + dt.timedelta(days=AID_WAIT_DAYS[status])
        if due_on <= until:
            add("aid", rid, pid, name, due_on, f"困难帮扶{AID_NEXT[status]}（{AID.state_label(status)}）")

    cards = (PreferentialCard.select(PreferentialCard.id, Person.id, Person.name, PreferentialCard.status_on)
             .join(Person, on=(PreferentialCard.person == Person.id))
             .where(PreferentialCard.deleted_at.is_null() & (PreferentialCard.status == "received")))
    for rid, pid, name, status_on in rows(cards, PreferentialCard):
        add("card", rid, pid, name, date(status_on), "优待证已到，待通知本人领取")

    items.sort(key=lambda i: (i.due_on, i.kind, i.person_name, i.record_id))
    return items
