"""The change log: one row per write to a synced table, appended in the same transaction.

Each change has its own UUIDv7, the origin installation and a gapless per-origin `seq`, the table
and record, the operation, the record's full state after the change, the changed fields with their
old values as the editor saw them, the version vector the editor saw (`base`), the author, the UTC
time and a hybrid-logical-clock stamp. The sync bundles are made of these rows; the audit trail
(who, when, old → new) is read from them.
"""
from __future__ import annotations

import peewee

from models.base import LocalModel
from models.fields import JSONField

OPERATIONS = ("upsert", "tombstone", "merge", "transfer")


class Change(LocalModel):
    change_id = peewee.TextField(primary_key=True)
    origin = peewee.TextField()
    seq = peewee.IntegerField()
    table = peewee.TextField()
    record_id = peewee.TextField(index=True)
    op = peewee.TextField()
    state = JSONField()
    changed = JSONField()  # {field: [old, new]}
    base = JSONField()  # version vector the editor saw
    author = peewee.TextField()
    at = peewee.TextField()
    hlc = peewee.TextField()

    class Meta:
        table_name = "change_log"
        indexes = ((("origin", "seq"), True),)


def changes_for(records: list[tuple[str, str]]):
    """Changes touching any of (table, record_id), oldest first by clock."""
    if not records:
        return []
    ids = [rid for _, rid in records]
    return list(Change.select().where(Change.record_id.in_(ids)).order_by(Change.hlc, Change.origin))


def count_since(origin: str, seq: int) -> int:
    return Change.select().where((Change.origin == origin) & (Change.seq > seq)).count()


def data_version() -> tuple:
    """A token that changes with every write to a synced table, local or imported: the database file and
    the newest change row (rows are only ever appended, never deleted; its change id tells a restored older
    copy from this one). Equal tokens mean the synced data is the same."""
    last = Change.select(peewee.SQL("rowid"), Change.change_id).order_by(peewee.SQL("rowid").desc()).limit(1)
    return (Change._meta.database.database, *(last.tuples().first() or (0, None)))
