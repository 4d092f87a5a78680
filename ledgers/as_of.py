"""Casework as it stood at the end of a period: replay each case's events dated on or before that day.

    events = events_by_case(AidEvent, AidEvent.case, case_ids, until=period.end)
    replay = AID.replay(events.get(case_id, []))      # state, state_on, applied steps as at period.end

A ledger printed later for a past period shows the states and amounts of that period's end, not
today's (and a closed period's pack is frozen anyway). For the running period this is today's state.
Also the small display helpers the casework ledgers share (money in 元, the serial of a case).
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Iterable

import peewee

BATCH = 500


def events_by_case(model, fk: peewee.ForeignKeyField, case_ids: Iterable[str], *, until: dt.date) -> dict[str, list]:
    """Live events of these cases dated on or before `until`, grouped by case id."""
    ids = list(case_ids)
    out: dict[str, list] = defaultdict(list)
    for start in range(0, len(ids), BATCH):
        chunk = ids[start:start + BATCH]
        for event in model.select().where(model.deleted_at.is_null() & fk.in_(chunk) & (model.on <= until)):
            out[getattr(event, fk.name + "_id")].append(event)
    return out


def case_ids_with_events_in(model, fk: peewee.ForeignKeyField, start: dt.date, end: dt.date) -> set[str]:
    """Cases that had a live step dated inside [start, end]."""
    return {c for (c,) in model.select(fk).where(model.deleted_at.is_null() & model.on.between(start, end)).tuples()}


def money(fen: int | None) -> str:
    """Integer fen as 元 with two decimals and thousands separators (blank for none)."""
    return "" if fen is None else f"{fen / 100:,.2f}"


def day(value: dt.date | None) -> str:
    return value.isoformat() if value else ""


def with_phone(name: str | None, phone: str | None) -> str:
    return " ".join(part for part in ((name or "").strip(), (phone or "").strip()) if part)
