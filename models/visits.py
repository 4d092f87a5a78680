"""走访慰问 (DOMAIN.md §3): visits with their staff, type, way, content, requests raised, 慰问金
(fen) and 慰问物 (text) and photos; and the contact-tier cadence that says who is due or overdue.

    visit, changes = record_visit({"person": pid, "visited_on": d, "staff": ["张站长", "李明"],
                                   "visit_type": "festival", "mode": "home", "money_fen": 50000}, actor=actor)
    visit_due(pid, today=d).text     # '距下次走访还有 12 天' / '已逾期 3 天'
    due_visits(today=d, within_days=7)

A visit is an append-only event: never edited; a mistake is deleted with a reason. A person who
died or was removed gets no new visits; their visits stay.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models import options
from models.base import SyncedModel
from models.connection import db
from models.errors import NotFound, ValidationError
from models.fields import JSONField
from models.person import Person
from models.workflow import clean_text, require_active_person, require_text
from models.write import Actor, OpChanges, writing

MODES = {"home": "入户", "phone": "电话", "group": "集中"}


class Visit(SyncedModel):
    station_code = peewee.TextField(null=True, index=True)
    person = peewee.ForeignKeyField(Person, backref="visits", on_delete="RESTRICT")
    visited_on = peewee.DateField(index=True)
    staff = JSONField(default=list)  # 走访人: staff names
    visit_type = peewee.TextField(index=True)
    mode = peewee.TextField()
    content = peewee.TextField(null=True)
    requests = peewee.TextField(null=True)  # 反馈诉求
    money_fen = peewee.IntegerField(default=0)  # 慰问金
    goods = peewee.TextField(null=True)  # 慰问物
    photos = JSONField(default=list)  # attachment sha256 digests

    class Meta:
        # covers "last visit per person" (the workbench's cadence query) without touching the rows
        indexes = ((("person", "visited_on", "deleted_at"), False),)


@dataclass(slots=True)
class VisitDue:
    person_id: str
    name: str
    tier: str
    last_visit: dt.date | None
    due_on: dt.date
    days_left: int  # negative: overdue by that many days

    @property
    def overdue(self) -> bool:
        return self.days_left < 0

    @property
    def text(self) -> str:
        if self.days_left > 0:
            return f"距下次走访还有 {self.days_left} 天"
        if self.days_left == 0:
            return "今天应走访"
        return f"已逾期 {-self.days_left} 天"


def get_visit(visit_id: str) -> Visit:
    visit = Visit.live().where(Visit.id == visit_id).first()
    if visit is None:
        raise NotFound(f"未找到走访记录（编号 {visit_id}），可能已被删除。", record_id=visit_id)
    return visit


def visits_of(person_id: str) -> list[Visit]:
    return list(Visit.live().where(Visit.person == person_id).order_by(Visit.visited_on.desc(), Visit.id.desc()))


def record_visit(values: dict, *, actor: Actor, today: dt.date | None = None) -> tuple[Visit, OpChanges]:
    today = today or dt.date.today()
    person = Person.live().where(Person.id == str(values.get("person") or "")).first()
    if person is None:
        raise ValidationError({"person": "请选择被走访人"})
    require_active_person(person, "登记走访")
    problems = {}
    visited_on = values.get("visited_on") or today
    if not isinstance(visited_on, dt.date) or visited_on > today:
        problems["visited_on"] = "走访日期应为不晚于今天的日期"
    staff = [s.strip() for s in values.get("staff") or [actor.display_name] if isinstance(s, str) and s.strip()]
    if not staff:
        problems["staff"] = "请填写走访人"
    if not options.is_option("visit_type", values.get("visit_type")):
        problems["visit_type"] = "请选择走访类型"
    mode = values.get("mode") or "home"
    if mode not in MODES:
        problems["mode"] = "请选择走访方式（入户、电话、集中）"
    money = values.get("money_fen") or 0
    if not isinstance(money, int) or isinstance(money, bool) or money < 0:
        problems["money_fen"] = "慰问金应为不小于0的金额（单位：分）"
    photos = list(values.get("photos") or [])
    if any(not (isinstance(p, str) and len(p) == 64) for p in photos):
        problems["photos"] = "照片须先存为附件"
    if problems:
        raise ValidationError(problems)
    row = {"station_code": person.station_code, "person": person.id, "visited_on": visited_on,
           "staff": list(dict.fromkeys(staff)), "visit_type": values["visit_type"], "mode": mode,
           "content": clean_text(values.get("content")), "requests": clean_text(values.get("requests")),
           "money_fen": money, "goods": clean_text(values.get("goods")), "photos": photos}
    with writing(actor) as w:
        visit = w.create(Visit, row)
    return visit, w.changes


def delete_visit(visit_id: str, reason: str, *, actor: Actor) -> OpChanges:
    visit = get_visit(visit_id)
    reason = require_text(reason, "deleted_reason", "删除请写明原因")
    with writing(actor) as w:
        w.tombstone(visit, reason)
    return w.changes


# --- cadence -------------------------------------------------------------------------------------

def cadence_days(tier: str | None) -> int | None:
    """Days between visits for a contact tier (options list contact_cadence), None if untiered."""
    if not tier:
        return None
    days = options.setting("contact_cadence", tier, "days")
    return int(days) if days else None


def visit_due(person_id: str, today: dt.date | None = None) -> VisitDue | None:
    """When this person's next visit is due by their contact tier (None without a tier)."""
    today = today or dt.date.today()
    person = Person.get_or_none(Person.id == person_id)
    if person is None or person.status != "active":
        return None
    days = cadence_days(person.contact_tier)
    if days is None:
        return None
    last = _as_date(Visit.select(peewee.fn.MAX(Visit.visited_on))
                    .where((Visit.person == person_id) & Visit.deleted_at.is_null()).scalar())
    due_on = (last or person.filed_on or _as_date(person.created_at)) + dt.timedelta(days=days)
    return VisitDue(person.id, person.name, person.contact_tier, last, due_on, (due_on - today).days)


def due_visits(today: dt.date | None = None, *, within_days: int = 7,
               station_code: str | None = None) -> list[VisitDue]:
    """Active persons with a contact tier whose next visit is due within `within_days` (or overdue)."""
    today = today or dt.date.today()
    query = due_visits_query(today + dt.timedelta(days=within_days), station_code=station_code)
    if query is None:
        return []
    out: list[VisitDue] = []
    for pid, name, tier, last, due in db.execute(query).fetchall():
        due_on = dt.date.fromisoformat(due)
        out.append(VisitDue(pid, name, tier, _as_date(last), due_on, (due_on - today).days))
    out.sort(key=lambda d: (d.due_on, d.name))
    return out


def due_visits_query(until: dt.date, *, station_code: str | None = None):
    """The cadence as one set-based query (None when no tier has a cadence): rows (person_id, name,
    tier, last_visit, due_on) with dates as ISO text, for active tiered persons due on or before
    `until`. The due date is the last live visit (else 建档 date, else creation) + the tier's days;
    the workbench reads the same query."""
    cadence = tier_cadence()
    if not cadence:
        return None
    last = (Visit.select(peewee.fn.MAX(Visit.visited_on))
            .where((Visit.person == Person.id) & Visit.deleted_at.is_null()))
    people = (Person.select(Person.id, Person.name, Person.contact_tier, last.alias("last_visit"),
                            Person.filed_on, Person.created_at)
              .where(Person.deleted_at.is_null() & (Person.status == "active")
                     & Person.contact_tier.in_(list(cadence))))
    if station_code:
        people = people.where(Person.station_code == station_code)
    tiered = people.cte("tiered", materialized=True)  # the last visit is looked up once per person
    due = next_visit_due(tiered.c.contact_tier, tiered.c.last_visit, tiered.c.filed_on, tiered.c.created_at, cadence)
    return (tiered.select_from(tiered.c.id, tiered.c.name, tiered.c.contact_tier, tiered.c.last_visit,
                               due.alias("due_on"))
            .where(due <= until.isoformat()))


def tier_cadence() -> dict[str, int]:
    """{contact tier: days between visits} for the tiers that have a cadence."""
    cadence = {code: cadence_days(code) for code, _ in options.choices("contact_cadence")}
    return {tier: days for tier, days in cadence.items() if days}


def next_visit_due(tier, last_visit, filed_on, created_at, cadence: dict[str, int]):
    """SQL for the ISO date a tiered person's next visit falls due: the last visit (else the 建档 date,
    else the record's creation day) plus the tier's days. The workbench and the indicators use it."""
    step = peewee.Case(tier, [(code, f"+{days} days") for code, days in cadence.items()])
    return peewee.fn.DATE(peewee.fn.COALESCE(last_visit, filed_on, peewee.fn.SUBSTR(created_at, 1, 10)), step)


def _as_date(value) -> dt.date | None:
    if value is None or isinstance(value, dt.date):
        return value
    return dt.date.fromisoformat(str(value)[:10])
