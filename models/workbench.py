"""工作台: today's and overdue items across the casework areas, soonest first.

    for item in workbench(today=date(2026, 5, 6)):
        item.kind, item.record_id, item.person_id, item.person_name, item.due_on, item.label, item.overdue

Kinds (KIND_LABELS): follow_up (service records whose 回访 is due), visit (contact-tier visits due
or overdue; record_id is the person), dispute (open cases near or past their 办结期限), aid (open
cases waiting for their next step), card (cards signed for at the county, waiting to be handed out).
An item is listed when it is due within `horizon_days` or overdue.

At county scale (20 000 persons) a bureau's workbench can hold tens of thousands of items, so each
kind is one set-based query that computes the due date in SQL and returns only the rows due by the
horizon, with the person's name from a covering index (migration step_workbench_indexes); the label
text is formatted only when a screen reads it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models.aid import AID, AidCase
from models.cards import PreferentialCard
from models.connection import db
from models.disputes import DUE_SOON_DAYS, DisputeCase
from models.person import Person
from models.plan_status import workbench_rows as plan_workbench_rows
from models.services import ServiceRecord
from models.visits import due_visits_query

KIND_LABELS = {"follow_up": "回访", "visit": "走访", "dispute": "矛盾纠纷", "aid": "困难帮扶", "card": "优待证发放",
               "progress": "月调度"}

# Days a station has for the next step of an aid case once it reached each state.
AID_WAIT_DAYS = {"applied": 7, "verified": 7, "station_approved": 5, "publicized": 0, "approved": 15,
                 "rejected": 15, "disbursed": 30, "followed_up": 7}
AID_NEXT = {"applied": "待入户核实", "verified": "待站审核", "station_approved": "待公示", "publicized": "待局审批",
            "approved": "待发放", "rejected": "待结案", "disbursed": "待回访", "followed_up": "待结案"}
ANONYMOUS = "来访群众"


@dataclass(slots=True)
class WorkItem:
    kind: str
    record_id: str
    person_id: str | None
    person_name: str
    due_on: dt.date
    days: int  # days until due; negative: overdue by that many days
    detail: str | None = None  # the kind's own fact: the service's content, last visit, case number, aid state

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]

    @property
    def overdue(self) -> bool:
        return self.days < 0

    @property
    def label(self) -> str:
        if self.kind == "follow_up":
            what = f"服务回访：{self.detail}"
        elif self.kind == "visit":
            what = "首次走访" if self.detail is None else f"定期走访，上次 {self.detail}"
        elif self.kind == "dispute":
            what = f"矛盾纠纷 {self.detail} 办结期限"
        elif self.kind == "progress":  # person_name is the unit, record_id its code (models.plan_status)
            month, count = self.detail.split(":")
            what = f"{month[:4]}年{int(month[5:])}月月调度未报（{count}项任务）"
        elif self.kind == "aid":
            what = f"困难帮扶{AID_NEXT[self.detail]}（{AID.state_label(self.detail)}）"
        else:
            what = "优待证已到，待通知本人领取"
        days = self.days
        when = f"还有 {days} 天" if days > 0 else ("今天到期" if days == 0 else f"已逾期 {-days} 天")
        return f"{what}（{when}）"


def workbench(today: dt.date | None = None, *, horizon_days: int = DUE_SOON_DAYS,
              station_code: str | None = None) -> list[WorkItem]:
    today = today or dt.date.today()
    until = today + dt.timedelta(days=horizon_days)
    rows: list[tuple] = []  # (due_on ISO, kind, person name, record id, person id, detail)
    for query, model in _queries(until.isoformat()):
        if station_code and model is not None:
            query = query.where(model.station_code == station_code)
        rows.extend(db.execute(query).fetchall())
    visits = due_visits_query(until, station_code=station_code)
    if visits is not None:
        rows.extend((due, "visit", name, pid, pid, last) for pid, name, _tier, last, due in db.execute(visits))
    rows.extend(plan_workbench_rows(today, station_code))
    rows.sort()  # due date, kind, person name, record id: (kind, record id) is unique, so never further
    days: dict[str, tuple[dt.date, int]] = {}
    items = []
    for due, kind, name, rid, pid, detail in rows:
        known = days.get(due)
        if known is None:
            due_on = dt.date.fromisoformat(due)
            known = days[due] = (due_on, (due_on - today).days)
        items.append(WorkItem(kind, rid, pid, name, known[0], known[1], detail))
    return items


def _queries(until: str) -> list[tuple]:
    """(query, the model whose station_code scopes it) for every kind but visits; each query yields
    (due_on ISO, kind, person name, record id, person id, detail) for the rows due by `until`."""
    kind = peewee.Value
    follow = (ServiceRecord.select(ServiceRecord.follow_up_on, kind("follow_up"),
                                   peewee.fn.COALESCE(Person.name, ANONYMOUS), ServiceRecord.id, Person.id,
                                   peewee.fn.SUBSTR(ServiceRecord.content, 1, 20))
              .join(Person, peewee.JOIN.LEFT_OUTER, on=(ServiceRecord.person == Person.id))
              .where(ServiceRecord.deleted_at.is_null() & (ServiceRecord.needs_follow_up == True)  # noqa: E712
                     & ServiceRecord.followed_up_on.is_null() & (ServiceRecord.follow_up_on <= until)))
    disputes = (DisputeCase.select(DisputeCase.deadline, kind("dispute"), Person.name, DisputeCase.id, Person.id,
                                   DisputeCase.number)
                .join(Person, on=(DisputeCase.person == Person.id))
                .where(DisputeCase.deleted_at.is_null() & DisputeCase.outcome.is_null()
                       & (DisputeCase.deadline <= until)))
    # the next step is due AID_WAIT_DAYS after the state was reached; a 公示 ends the day after it closes
    wait = peewee.Case(AidCase.status, [(state, f"+{days} days") for state, days in AID_WAIT_DAYS.items()])
    aid_due = peewee.Case(None, [((AidCase.status == "publicized") & AidCase.publicity_to.is_null(False),
                                  peewee.fn.DATE(AidCase.publicity_to, "+1 day"))],
                          peewee.fn.DATE(AidCase.status_on, wait))
    aid = (AidCase.select(aid_due, kind("aid"), Person.name, AidCase.id, Person.id, AidCase.status)
           .join(Person, on=(AidCase.person == Person.id))
           .where(AidCase.deleted_at.is_null() & AidCase.status.in_(list(AID_WAIT_DAYS)) & (aid_due <= until)))
    cards = (PreferentialCard.select(PreferentialCard.status_on, kind("card"), Person.name, PreferentialCard.id,
                                     Person.id, kind(None))
             .join(Person, on=(PreferentialCard.person == Person.id))
             .where(PreferentialCard.deleted_at.is_null() & (PreferentialCard.status == "received")
                    & (PreferentialCard.status_on <= until)))
    return [(follow, ServiceRecord), (disputes, DisputeCase), (aid, AidCase), (cards, PreferentialCard)]
