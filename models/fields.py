"""Column types shared by the models: JSON text, UTC timestamps as ISO text.

    class Person(SyncedModel):
        tags = JSONField(default=list)
"""
from __future__ import annotations

import datetime as dt
import json

import peewee


class JSONField(peewee.TextField):
    def db_value(self, value):
        if value is None:
            return None
        return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))

    def python_value(self, value):
        return None if value is None else json.loads(value)


def utc_now() -> str:
    """UTC timestamps are ISO text with a Z: portable, sortable, unambiguous."""
    return utc_stamp(dt.datetime.now(dt.timezone.utc))


def utc_stamp(moment: dt.datetime) -> str:
    """An aware datetime as the stored UTC text (what utc_now gives for now)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local_display(stamp: str | None) -> str:
    """A stored UTC timestamp as the PC's local time, for screens: 2026-11-26 14:03."""
    if not stamp:
        return ""
    moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
