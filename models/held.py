"""Records held back by an import because a record they point to (their parent) has not arrived.

Their changes are already in the change log; only the row waits. When the parent arrives the
importer applies them. Nothing is ever dropped on a constraint.
"""
from __future__ import annotations

import peewee

from models.base import LocalModel


class HeldRecord(LocalModel):
    table = peewee.TextField()
    record_id = peewee.TextField()
    parent_table = peewee.TextField()
    parent_id = peewee.TextField(index=True)
    field = peewee.TextField()
    since = peewee.TextField()

    class Meta:
        primary_key = peewee.CompositeKey("table", "record_id")


def held_records() -> list[HeldRecord]:
    return list(HeldRecord.select().order_by(HeldRecord.since))


def held_count() -> int:
    return HeldRecord.select().count()
