"""Base models: local tables, and synced records that travel between installations.

Every synced record has a UUIDv7 text id, the origin installation, who/when created and updated,
a version vector {origin: seq}, and is never hard-deleted (a tombstone: deleted_at + reason).
Write synced records only through models.write, which also appends the change log.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models.connection import db
from models.fields import JSONField

# Bookkeeping columns: written by models.write, never by a form.
META_FIELDS = ("id", "origin", "created_at", "created_by", "updated_at", "updated_by",
               "deleted_at", "deleted_reason", "version")


class LocalModel(peewee.Model):
    """A table that stays on this installation (accounts, settings, the change log itself)."""

    class Meta:
        database = db
        legacy_table_names = False


class SyncedModel(LocalModel):
    id = peewee.TextField(primary_key=True)
    origin = peewee.TextField()
    created_at = peewee.TextField()
    created_by = peewee.TextField()
    updated_at = peewee.TextField()
    updated_by = peewee.TextField()
    deleted_at = peewee.TextField(null=True)
    deleted_reason = peewee.TextField(null=True)
    version = JSONField(default=dict)

    # Columns derived from others on this installation (search keys): not part of the state.
    derived_fields: tuple[str, ...] = ()

    @classmethod
    def live(cls):
        return cls.select().where(cls.deleted_at.is_null())

    @classmethod
    def content_fields(cls) -> list[str]:
        return [f.name for f in cls._meta.sorted_fields
                if f.name not in META_FIELDS and f.name not in cls.derived_fields]

    def derive(self) -> None:
        """Recompute derived_fields from the content (called by the write path)."""

    def state(self) -> dict:
        """The record as JSON-ready values: what the change log stores and bundles carry."""
        out = {}
        for field in self._meta.sorted_fields:
            if field.name in self.derived_fields:
                continue
            out[field.name] = to_json_value(self.__data__.get(field.name))
        return out


def label_fields(model: type[peewee.Model], labels: dict[str, str]) -> None:
    """Name fields in Chinese (peewee's verbose_name): what messages of the write path call them."""
    for name, label in labels.items():
        model._meta.fields[name].verbose_name = label


def to_json_value(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, peewee.Model):
        return value.get_id()
    return value
