"""Who was on the register at a period's end, and who was registered during it — as peewee conditions,
so the roster ledger, the period packs and the indicators (models/indicators.py) count the same people.

    Person.select().where(on_roster(period))        # registered (建档) by the end, live, not left by then
    Person.select().where(registered_in(period))    # 建档 within the period

A person's 建档 date is `filed_on`, else the day the record was created; a person who died, moved away
or was removed counts until their status date.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from models.person import Person

if TYPE_CHECKING:
    from models.periods import Period


def on_roster(period: "Period"):
    """The peewee condition 'on the register at the end of the period'."""
    end = period.end
    end_stamp = (end + dt.timedelta(days=1)).isoformat()
    registered = (Person.filed_on <= end) | (Person.filed_on.is_null() & (Person.created_at < end_stamp))
    still_there = (Person.status == "active") | (Person.status_date > end)
    return Person.deleted_at.is_null() & registered & still_there


def registered_in(period: "Period"):
    """The peewee condition '建档 within the period' (live persons)."""
    start = period.start.isoformat()
    end = (period.end + dt.timedelta(days=1)).isoformat()
    return Person.deleted_at.is_null() & (
        Person.filed_on.between(period.start, period.end)
        | (Person.filed_on.is_null() & (Person.created_at >= start) & (Person.created_at < end)))
