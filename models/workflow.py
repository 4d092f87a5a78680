"""Declared state machines for casework (cards, hardship aid, disputes, 代办 items) and their events.

    AID = Workflow("aid", "困难帮扶", states={…}, initial="applied", steps=[
        Step("verify", "核实", ("applied",), "verified"), …])
    AID.legal_steps("applied")            # [Step('verify', …), Step('withdraw', …)]
    AID.check("王建国 · 因病致困", "applied", "approve")   # raises InvalidTransition
    AID.replay(events)                    # Replay(state, state_on, applied, skipped)

A case's state is never written by hand: every step is an append-only event row (a CaseEvent
subclass) and the state is the replay of the case's live events in EVENT ORDER (event date, then
created_at, then id). Events that arrive by sync and are not legal where they fall are kept but
skipped (listed in Replay.skipped), so every installation derives the same state from the same set
of events. Cases cache the derived state in local columns (derived_fields: not synced) that
refresh functions recompute with the same replay; after applying incoming rows the sync importer
calls `refresh_records(table, record_ids)` (case tables and event tables alike; others are ignored).

Also here: the rule that a person who is 去世 or 注销 gets no new visits, aid or card steps.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Callable, Iterable

import peewee

from models.base import SyncedModel
from models.errors import DomainError, ValidationError
from models.fields import JSONField

INACTIVE_STATUSES = {"deceased": "已去世", "removed": "已注销"}


class InvalidTransition(DomainError):
    """A step that the case's state does not allow; names the case, the state and the step."""

    code = "invalid_transition"

    def __init__(self, case: str, from_state: str, to_state: str | None, *, step: str = "",
                 message: str | None = None):
        super().__init__(message or f"「{case}」当前状态为「{from_state}」，不能{step or to_state}。",
                         case=case, from_state=from_state, to_state=to_state, step=step)


class PersonInactive(DomainError):
    """The person has died or was removed: no new visits, aid or card steps (history stays)."""

    code = "person_inactive"


@dataclass(frozen=True)
class Step:
    code: str
    label: str  # the verb a button shows: 核实, 局审批通过 …
    sources: tuple[str, ...]  # states the step may start from; ("*",) = any non-final state
    target: str | None  # None: the step is logged but the state stays (e.g. a mediation step)


@dataclass
class Replay:
    state: str
    state_on: dt.date | None
    applied: list = field(default_factory=list)
    skipped: list = field(default_factory=list)


class Workflow:
    def __init__(self, name: str, label: str, states: dict[str, str], initial: str, steps: list[Step],
                 final: Iterable[str] = (), closing: Iterable[str] = ()):
        self.name, self.label, self.states, self.initial = name, label, states, initial
        self.steps = {s.code: s for s in steps}
        self.final = frozenset(final)
        self.closing = frozenset(closing)  # steps still allowed for a person who died or was removed
        for s in steps:
            unknown = {*s.sources, s.target} - set(states) - {"*", None}
            if unknown:
                raise ValueError(f"{name}.{s.code}: unknown states {unknown}")

    def state_label(self, state: str) -> str:
        return self.states.get(state, state)

    def step(self, code: str) -> Step:
        if code not in self.steps:
            raise ValueError(f"{self.name}: unknown step {code!r}")
        return self.steps[code]

    def allows(self, state: str, code: str) -> bool:
        s = self.step(code)
        if "*" in s.sources:
            return state not in self.final
        return state in s.sources

    def legal_steps(self, state: str) -> list[Step]:
        return [s for s in self.steps.values() if self.allows(state, s.code)]

    def check(self, case: str, state: str, code: str) -> str:
        """The state after `code`, or InvalidTransition naming the case, the state and the step."""
        s = self.step(code)
        if not self.allows(state, code):
            raise InvalidTransition(case, self.state_label(state), self.state_label(s.target) if s.target else None,
                                    step=s.label)
        return s.target or state

    def replay(self, events: Iterable, *, on_step: Callable | None = None) -> Replay:
        """Fold live events in event order; illegal ones are skipped, never fatal."""
        result = Replay(self.initial, None)
        for event in sorted(events, key=event_order):
            if event.step not in self.steps or not self.allows(result.state, event.step):
                result.skipped.append(event)
                continue
            if on_step and on_step(result, event) is False:
                result.skipped.append(event)
                continue
            result.state = self.steps[event.step].target or result.state
            result.state_on = event.on
            result.applied.append(event)
        return result


def event_order(event) -> tuple:
    return (event.on, event.created_at, event.id)


class CaseEvent(SyncedModel):
    """Base of the append-only event tables: what step, on which date, why, by whom (never updated)."""

    step = peewee.TextField()
    on = peewee.DateField()
    note = peewee.TextField(null=True)  # what was done / the reason
    by_name = peewee.TextField(null=True)  # the staff member's name as shown on the ledger
    data = JSONField(default=dict)  # step-specific facts (publicity dates, satisfaction, level …)


# --- rules shared by the casework modules --------------------------------------------------------

def require_active_person(person, doing: str) -> None:
    """Refuse new visits, aid or card steps for a person who died or was removed."""
    if person.status in INACTIVE_STATUSES:
        when = f"（{person.status_date.isoformat()}）" if person.status_date else ""
        raise PersonInactive(f"{person.name}{INACTIVE_STATUSES[person.status]}{when}，不能再{doing}；已有记录仍然保留。",
                             person_id=person.id, status=person.status)


def check_event_date(on, *, after: dt.date | None, today: dt.date | None = None, field_name: str = "on",
                     what: str = "日期") -> dt.date:
    """An event date: a real date, not in the future, not before the case's previous step."""
    today = today or dt.date.today()
    if not isinstance(on, dt.date):
        raise ValidationError({field_name: f"请填写{what}"})
    if on > today:
        raise ValidationError({field_name: f"{what}不能晚于今天"})
    if after and on < after:
        raise ValidationError({field_name: f"{what}不能早于上一步的日期（{after.isoformat()}）"})
    return on


def require_text(value, field_name: str, message: str) -> str:
    text = (value or "").strip() if isinstance(value, str) else ""
    if not text:
        raise ValidationError({field_name: message})
    return text


def clean_text(value) -> str | None:
    return (value.strip() or None) if isinstance(value, str) else None


def require_money(value, field_name: str, what: str, *, positive: bool = True) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or (positive and value == 0):
        raise ValidationError({field_name: f"{what}应为{'大于' if positive else '不小于'}0的金额（单位：分）"})
    return value


def yuan(fen: int | None) -> str:
    return "" if fen is None else f"{fen / 100:,.2f} 元"


# --- cached state: recomputed from events by the same replay --------------------------------------

REFRESHERS: dict[str, Callable[[str], None]] = {}
EVENT_LINKS: dict[str, tuple[type, str, str]] = {}  # event table -> (event model, FK field, case table)


def refresher(table: str):
    """Register `fn(case_id)` that recomputes the cached columns of a case table from its events."""
    def register(fn):
        REFRESHERS[table] = fn
        return fn
    return register


def events_of(case_table: str, fk: str):
    """Class decorator for an event model: its rows belong to cases of `case_table` via field `fk`."""
    def register(model):
        EVENT_LINKS[model._meta.table_name] = (model, fk, case_table)
        return model
    return register


def refresh_records(table: str, record_ids: Iterable[str]) -> None:
    """For the sync importer: after rows of `table` arrived (cases or their events), recompute the
    cached state of the cases concerned. Tables without cached state are ignored."""
    record_ids = list(record_ids)
    if table in EVENT_LINKS:
        model, fk, table = EVENT_LINKS[table]
        column = getattr(model, fk)
        record_ids = sorted({c for (c,) in model.select(column).where(model.id.in_(record_ids)).tuples()})
    fn = REFRESHERS.get(table)
    if fn:
        for record_id in record_ids:
            fn(record_id)


def store_cache(record: SyncedModel, values: dict) -> None:
    """Write derived (local, unsynced) columns of a case directly; they are not part of its state."""
    assert set(values) <= set(type(record).derived_fields), values
    for name, value in values.items():
        setattr(record, name, value)
    model = type(record)
    model.update(**values).where(model.id == record.id).execute()
