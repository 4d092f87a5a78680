"""Bulk SQL for the importer: statements that peewee generates ONCE and that run for many rows.

    known = InQuery(lambda ids: Change.select(Change.change_id).where(Change.change_id.in_(ids)))
    for (change_id,) in known.rows(ids): …                 # 500 ids per statement, any number of ids
    seqs = InQuery(lambda seqs, origin: …, extra=("origin",)); seqs.rows(values, origin="…")
    writer = TableWriter(Person); writer.check(state)      # each state, once: BundleRefused if it cannot be held
    writer.write(states, new=False)                        # one executemany of whole rows

Rebuilding a peewee query with a 500-value IN list for every chunk cost more than running it (profiled:
13% of a 100 000-change import). The SQL text stays portable: peewee writes it, only the parameters
change. An IN list shorter than the statement is padded with NULL, which never matches.
"""
from __future__ import annotations

import datetime as dt
import math
import sqlite3

import peewee

from models.base import SyncedModel
from models.db import db
from models.fields import JSONField, dumps
from sync.errors import BundleRefused
from sync.merge import content_fields

CHUNK = 500
MAX_TEXT = 65_536  # characters in one text value of a record: a note of some 30 pages, never megabytes
# A column that holds a document (a closed period's PDF, base64) names its own limit on the model:
# `large_text = {"pdf": 64 * 2**20}`.
INT_RANGE = (-2**63, 2**63 - 1)  # what SQLite's INTEGER holds
SIZES = (8, 64, CHUNK)
_MISSING = object()


def chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class InQuery:
    """A query with one `IN (…)` list (and optional extra parameters), prepared per list size."""

    def __init__(self, build, extra: tuple[str, ...] = ()):
        self.build = build
        self.extra = extra
        self.prepared: dict[int, tuple[str, list]] = {}

    def _prepare(self, size: int):
        if size not in self.prepared:
            marks = [peewee.Value(f"\x00in{i}", converter=False) for i in range(size)]
            named = {name: peewee.Value(f"\x00{name}", converter=False) for name in self.extra}
            sql, params = self.build(marks, **named).sql()
            where = {f"\x00in{i}": i for i in range(size)}
            where.update({f"\x00{name}": name for name in self.extra})
            layout = [(where[p], None) if isinstance(p, str) and p in where else (None, p) for p in params]
            self.prepared[size] = (sql, layout)
        return self.prepared[size]

    def rows(self, values, **extra):
        values = list(values)
        for chunk in chunks(values):
            size = next(s for s in SIZES if s >= len(chunk))
            sql, layout = self._prepare(size)
            params = []
            for slot, constant in layout:
                if slot is None:
                    params.append(constant)
                elif isinstance(slot, str):
                    params.append(extra[slot])
                else:
                    params.append(chunk[slot] if slot < len(chunk) else None)
            yield from db.execute_sql(sql, params)


class _DeriveView:
    """What a model's derive() sees: the incoming state by attribute, collecting what it sets."""

    __slots__ = ("_state", "_set")

    def __init__(self, state: dict):
        object.__setattr__(self, "_state", state)
        object.__setattr__(self, "_set", {})

    def __getattr__(self, name):
        found = self._set.get(name, _MISSING)
        return self._state.get(name) if found is _MISSING else found

    def __setattr__(self, name, value):
        self._set[name] = value


class TableWriter:
    """Upserts whole rows of one synced table with one prepared statement (portable SQL via peewee).

    Derived (local) columns: a pure derive() (search keys) runs per row; tables whose cached state is
    replayed from events (models.workflow) are refreshed after writing instead (refresh=True).
    """

    def __init__(self, model: type[SyncedModel]):
        from models import workflow

        self.model = model
        self.content = content_fields(model)
        self.fields = list(model._meta.sorted_fields)
        self.names = [f.name for f in self.fields]
        self.json_at = [i for i, f in enumerate(self.fields) if isinstance(f, JSONField)]
        self.defaulted = [i for i, f in enumerate(self.fields) if f.default is not None]
        table = model._meta.table_name
        self.refresh = table in workflow.REFRESHERS or table in workflow.EVENT_LINKS
        self.derives = model.derive is not SyncedModel.derive and not self.refresh
        self.derived_at = [(i, f.name) for i, f in enumerate(self.fields) if f.name in model.derived_fields]
        query = model.insert({f: None for f in self.fields}).on_conflict(
            conflict_target=[model._meta.primary_key], preserve=[f for f in self.fields if f.name != "id"])
        self.sql, _ = query.sql()
        self.insert_sql, _ = model.insert({f: None for f in self.fields}).sql()
        large = getattr(model, "large_text", {})
        self.checks = [(f.name, _kind(f), f.null, f.default is not None, large.get(f.name, MAX_TEXT))
                       for f in self.fields if f.name not in model.derived_fields]

    def _default(self, i: int):
        default = self.fields[i].default
        value = default() if callable(default) else default
        return dumps(value) if i in self.json_at and value is not None else value

    def row(self, state: dict) -> list:
        """The row of a state that check() already passed (sync.apply checks every merged state)."""
        out = list(map(state.get, self.names))
        for i in self.defaulted:  # absent (not null) → the column's default, as an insert would give
            if self.names[i] not in state:
                out[i] = self._default(i)
        for i in self.json_at:
            value = out[i]
            if value is not None and self.names[i] in state:
                out[i] = dumps(value)
        if self.derives:
            view = _DeriveView(state)
            self.model.derive(view)
            for i, name in self.derived_at:
                if name in view._set:
                    out[i] = view._set[name]
        return out

    def check(self, state: dict) -> None:
        """Refuse (BundleRefused) a state whose values this table cannot hold: a missing required value,
        a wrong type, a number beyond SQLite's INTEGER, an impossible date, a text of megabytes.
        Derived columns are computed here, not taken from the state."""
        for name, kind, null, default, longest in self.checks:
            value = state.get(name)
            if value is None:
                if not null and kind != "json" and not (default and name not in state):
                    self._refuse(name, "缺少必填的值")
            elif not _fits(value, kind, longest):
                self._refuse(name, "类型或范围不对")

    def _refuse(self, name: str, what: str):
        """A record a bundle brings that this program's tables cannot hold: the whole import is refused."""
        raise BundleRefused("damaged", f"数据包内「{self.model._meta.table_name}」记录的「{name}」{what}，"
                                       "整个数据包未导入，未作任何改动。请让对方检查后重新导出。")

    def write(self, states: list[dict], *, new: bool = False) -> None:
        """Upsert the rows; new=True: records this installation never held (no change in its log), so
        a plain INSERT — a quarter cheaper than an upsert (measured) — inside a savepoint, falling back
        to the upsert should a row exist after all."""
        if not states:
            return
        rows = [self.row(s) for s in states]
        try:
            if new:
                try:
                    with db.atomic(), peewee.__exception_wrapper__:  # driver errors → peewee's portable ones
                        db.cursor().executemany(self.insert_sql, rows)
                    return
                except peewee.IntegrityError:
                    pass
            with peewee.__exception_wrapper__:  # PostgreSQL's driver errors → peewee's portable ones
                db.cursor().executemany(self.sql, rows)
        except (sqlite3.IntegrityError, sqlite3.InterfaceError, sqlite3.ProgrammingError, peewee.InterfaceError,
                peewee.ProgrammingError, peewee.IntegrityError, peewee.DataError, OverflowError, UnicodeEncodeError,
                ValueError):  # ValueError: a NUL character, which PostgreSQL's text cannot hold
            # a CHECK or UNIQUE rule, an unencodable text: rows this database cannot hold
            table = self.model._meta.table_name
            raise BundleRefused("damaged", f"数据包内「{table}」的记录不符合本程序的数据规则，整个数据包未导入，"
                                           "未作任何改动。请让对方检查后重新导出。") from None


def _kind(field):
    """The Python type a stored value of this column has in a change's state ("json": anything)."""
    from models.fields import JSONField

    if isinstance(field, JSONField):
        return "json"
    if isinstance(field, peewee.BooleanField):
        return bool
    if isinstance(field, peewee.FloatField):
        return float
    if isinstance(field, peewee.IntegerField) and not isinstance(field, peewee.ForeignKeyField):
        return int
    if isinstance(field, peewee.DateField):
        return dt.date
    return str


def _fits(value, kind, longest: int = MAX_TEXT) -> bool:
    """What a change's state may hold for a column of this kind (TableWriter.check asks it of every value)."""
    if kind == "json":
        return True
    if kind is str:
        return isinstance(value, str) and len(value) <= longest and "\x00" not in value  # no engine stores NUL
    if kind is int:
        return isinstance(value, int) and INT_RANGE[0] <= value <= INT_RANGE[1]
    if kind is float:
        return (isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
                and abs(value) < 2**63)
    if kind is bool:
        return value in (0, 1) and isinstance(value, int)
    if kind is dt.date:
        if not isinstance(value, str) or len(value) != 10:
            return False
        try:
            dt.date.fromisoformat(value)
        except ValueError:
            return False
        return True
    return False
