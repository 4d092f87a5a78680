"""Closed periods (关账): a period pack frozen as it was reported, and the corrections made after.

    closed, changes = record_closing("month_pack", "2026-11", start, end, pdf, figures,
                                     closed_at=stamp, actor=actor)     # refuses a second closing
    find_closed("month_pack", "2026-11")          # ClosedPeriod or None (this installation's scope)
    frozen_pdf(closed)                            # the stored bytes, checked against their SHA-256
    corrections_since("month_pack", dt.date(2026, 12, 1))   # changes to closed periods before that day

The PDF itself is made in ledgers/ (ledgers.period_close.close_period renders and calls
record_closing); this module keeps it. A ClosedPeriod is a synced record written through
models.write: a station's closed packs travel to the bureau (it sees what each station reported)
and are never edited. Its `station_code` is the scope: the station's code, or at the bureau the
division code (the county-wide pack), which no station receives.

A correction is a change-log row written after a period was closed (`Change.at` later than the
closing's `closed_at`) to a record whose own date lies in that period: a service, visit, card,
aid or dispute record or step dated in it, a person registered (建档) or leaving in it. The pack of
a later period lists the corrections made since the last closing before it, so each correction is
reported once, in the first pack made after it.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import json
from dataclasses import dataclass

import peewee

from models.base import SyncedModel
from models.changelog import Change
from models.engine import stamp_sql
from models.errors import DomainError
from models.permissions import require
from models.fields import JSONField
from models.installation import Installation
from models.write import Actor, OpChanges, writing


# table -> (label, the fields holding the record's own date)
DATED_TABLES = {
    "person": ("人员信息", ("filed_on", "status_date")),
    "service_record": ("服务记录", ("served_on",)),
    "service_event": ("服务代办步骤", ("on",)),
    "visit": ("走访慰问", ("visited_on",)),
    "preferential_card": ("优待证申领", ("applied_on",)),
    "card_event": ("优待证办理步骤", ("on",)),
    "aid_case": ("困难帮扶", ("applied_on",)),
    "aid_event": ("困难帮扶步骤", ("on",)),
    "dispute_case": ("矛盾纠纷", ("registered_on",)),
    "dispute_event": ("矛盾纠纷调处步骤", ("on",)),
    "employment_record": ("就业创业", ("on",)),
}
# a person's edits count only where they change what a pack counts
PERSON_COUNTED = {"filed_on", "status", "status_date", "deleted_at"}
# event table -> (case table, FK field in the state)
EVENT_CASES = {"service_event": ("service_record", "service"), "card_event": ("preferential_card", "card"),
               "aid_event": ("aid_case", "case"), "dispute_event": ("dispute_case", "case")}


class AlreadyClosed(DomainError):
    code = "already_closed"


class ClosedPackDamaged(DomainError):
    code = "closed_pack_damaged"


class ClosedPeriod(SyncedModel):
    station_code = peewee.TextField(index=True)  # scope: station code, or the bureau's division code
    pack = peewee.TextField()  # month_pack | quarter_pack
    period = peewee.TextField()  # 2026-11 | 2026Q4
    period_start = peewee.DateField()
    period_end = peewee.DateField()
    pdf = peewee.TextField()  # the PDF as reported, base64
    large_text = {"pdf": 64 * 2**20}  # a pack of many pages travels whole (sync.rows checks text sizes)
    sha256 = peewee.TextField()  # of the PDF bytes
    size = peewee.IntegerField()
    figures = JSONField(default=dict)  # the numbers the pack showed
    closed_by = peewee.TextField()  # display name
    closed_at = peewee.TextField()  # UTC; changes after this are corrections

    class Meta:
        indexes = ((("station_code", "pack", "period"), False),)


@dataclass(frozen=True)
class Correction:
    at: str  # UTC stamp of the change
    author: str  # display name
    table: str
    record_id: str
    op: str  # 新增 | 修改 | 删除
    on: dt.date  # the record's own date
    period: str  # the closed period it falls in (code)
    what: str  # one line: area, person, detail

    @property
    def area(self) -> str:
        return DATED_TABLES[self.table][0]


def scope_code(station_code: str | None = None) -> str:
    """The scope of a pack: a station's code, or the bureau's division code for the county-wide pack."""
    if station_code:
        return station_code
    inst = Installation.get_current()
    return inst.station_code or inst.division_code


def find_closed(pack: str, period: str, station_code: str | None = None) -> ClosedPeriod | None:
    return (ClosedPeriod.live().where((ClosedPeriod.station_code == scope_code(station_code))
                                      & (ClosedPeriod.pack == pack) & (ClosedPeriod.period == period))
            .order_by(ClosedPeriod.closed_at, ClosedPeriod.id).first())


def closed_periods(pack: str | None = None, station_code: str | None = None) -> list[ClosedPeriod]:
    select = ClosedPeriod.live().where(ClosedPeriod.station_code == scope_code(station_code))
    if pack:
        select = select.where(ClosedPeriod.pack == pack)
    return list(select.order_by(ClosedPeriod.period_start, ClosedPeriod.pack))


def frozen_pdf(closed: ClosedPeriod) -> bytes:
    data = base64.b64decode(closed.pdf)
    if hashlib.sha256(data).hexdigest() != closed.sha256:
        raise ClosedPackDamaged(f"{closed.period} 已关账的材料校验不符（内容可能已损坏），请从备份恢复或联系事务局。",
                                period=closed.period)
    return data


def record_closing(pack: str, period: str, start: dt.date, end: dt.date, pdf: bytes, figures: dict, *,
                   closed_at: str, actor: Actor, station_code: str | None = None) -> tuple[ClosedPeriod, OpChanges]:
    """Store the pack as reported. Only a station head or the bureau closes; a period closes once."""
    require(actor, "close_period", target=period)
    scope = scope_code(station_code)
    existing = find_closed(pack, period, scope)
    if existing is not None:
        raise AlreadyClosed(f"{period} 已于 {_local(existing.closed_at)} 由 {existing.closed_by} 关账，"
                            "不能再次关账；之后的更正会列入下一期的材料。", period=period, closed_id=existing.id)
    with writing(actor) as w:
        closed = w.create(ClosedPeriod, {
            "station_code": scope, "pack": pack, "period": period, "period_start": start, "period_end": end,
            "pdf": base64.b64encode(pdf).decode("ascii"), "sha256": hashlib.sha256(pdf).hexdigest(),
            "size": len(pdf), "figures": json.loads(json.dumps(figures, default=str)),
            "closed_by": actor.display_name, "closed_at": closed_at})
    return closed, w.changes


def corrections_since(pack: str, before: dt.date, station_code: str | None = None, *,
                      until: str | None = None) -> list[Correction]:
    """Corrections to this scope's closed periods ending before `before`, made after the last of
    those closings (and before `until`, a UTC stamp, if given), oldest first."""
    closed = [c for c in closed_periods(pack, station_code) if c.period_end < before]
    if not closed:
        return []
    since = max(c.closed_at for c in closed)
    at = stamp_sql(Change.at)  # compared as the text it is (SQLite may store it as an integer)
    select = Change.select().where((at > since) & Change.table.in_(list(DATED_TABLES)))
    if until:
        select = select.where(at <= until)
    scope = station_code or Installation.get_current().station_code
    names = _display_names()
    out: list[Correction] = []
    cases: dict[tuple[str, str], dict] = {}
    for change in sorted(select, key=lambda c: (c.at, c.change_id)):  # as text: ids may be stored as bytes
        state = change.state or {}
        if change.table == "person" and change.base and not (set(change.changed or {}) & PERSON_COUNTED):
            continue
        on = _record_date(change.table, state)
        if on is None:
            continue
        hit = next((c for c in closed if c.period_start <= on <= c.period_end and change.at > c.closed_at), None)
        if hit is None:
            continue
        case = _case_of(change.table, state, cases)
        if scope and (case or state).get("station_code") not in (scope, None):
            continue
        op = "删除" if change.op == "tombstone" else ("新增" if not change.base else "修改")
        out.append(Correction(at=change.at, author=names.get(change.author, change.author), table=change.table,
                              record_id=change.record_id, op=op, on=on, period=hit.period,
                              what=_describe(change.table, state, case)))
    return out


def _record_date(table: str, state: dict) -> dt.date | None:
    for name in DATED_TABLES[table][1]:
        value = state.get(name)
        if value:
            try:
                return dt.date.fromisoformat(str(value)[:10])
            except ValueError:
                continue
    return None


def _case_of(table: str, state: dict, cache: dict) -> dict | None:
    """The case an event row belongs to (its station and person), as plain values."""
    if table not in EVENT_CASES:
        return None
    from models.synced import model_for_table

    case_table, fk = EVENT_CASES[table]
    key = (case_table, state.get(fk))
    if key not in cache:
        model = model_for_table(case_table)
        row = model.select(model.station_code, model.person).where(model.id == state.get(fk)).dicts().first()
        cache[key] = row or {}
    return cache[key]


def _describe(table: str, state: dict, case: dict | None) -> str:
    from models.person import Person

    if table == "person":
        who = state.get("name") or ""
    else:
        person_id = (case or {}).get("person") or state.get("person")
        found = Person.select(Person.name).where(Person.id == person_id).first() if person_id else None
        who = found.name if found else "来访群众"
    detail = state.get("number") or ""
    return " ".join(part for part in (DATED_TABLES[table][0], who, detail) if part)


def _display_names() -> dict[str, str]:
    from models.accounts import display_names

    return display_names()


def _local(stamp: str) -> str:
    from models.fields import local_display

    return local_display(stamp)
