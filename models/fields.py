"""Column types shared by the models: JSON text, UTC timestamps as ISO text.

    class Person(SyncedModel):
        tags = JSONField(default=list)
"""
from __future__ import annotations

import datetime as dt
import json
import time

import peewee


_ENCODE = json.JSONEncoder(ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode
json_text = json.encoder.encode_basestring  # json.dumps(str, ensure_ascii=False), without the per-call setup


def dumps(value) -> str:
    """The one JSON text form of stored values (what JSONField writes; bundles carry the same). Setting up
    an encoder per call cost more than encoding a small value (measured on the write path): one is built once,
    and [], {} and one-origin version vectors {origin: seq} (most records) are written directly — the same text."""
    if not value and (value == [] or value == {}):
        return "[]" if isinstance(value, list) else "{}"
    if type(value) is dict and len(value) == 1:
        (key, number), = value.items()
        if type(key) is str and type(number) is int:
            return f"{{{json_text(key)}:{number}}}"
    return _ENCODE(value)


class JSONField(peewee.TextField):
    def db_value(self, value):
        if value is None:
            return None
        return dumps(value)

    def python_value(self, value):
        return None if value is None else json.loads(value)


def utc_now() -> str:
    """UTC timestamps are ISO text with a Z: portable, sortable, unambiguous."""
    return utc_text(time.time_ns() // 1000)  # every write stamps: no datetime built per call


_EPOCH = dt.datetime(1970, 1, 1)
_SECONDS: dict[int, str] = {}  # a second's text up to the '.' (writes in bulk share seconds)


def utc_text(micros: int) -> str:
    """The stored UTC text of a moment given in microseconds since 1970: '2026-12-05T06:30:12.123456Z'."""
    seconds, micro = divmod(micros, 1_000_000)
    head = _SECONDS.get(seconds)
    if head is None:
        if len(_SECONDS) > 4096:
            _SECONDS.clear()
        head = _SECONDS[seconds] = (_EPOCH + dt.timedelta(seconds=seconds)).isoformat(timespec="seconds") + "."
    return f"{head}{micro:06d}Z"


def utc_stamp(moment: dt.datetime) -> str:
    """An aware datetime as the stored UTC text (what utc_now gives for now)."""
    return moment.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def local_display(stamp: str | None) -> str:
    """A stored UTC timestamp as the PC's local time, for screens: 2026-11-26 14:03."""
    if not stamp:
        return ""
    moment = dt.datetime.strptime(stamp, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=dt.timezone.utc)
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")
