"""The one write path for synced records: validate → write → log the change → say what changed.

    with writing(actor) as w:
        person = w.create(Person, {"name": "王建国", …})
        w.update(person, {"phone": "13800000000"})
        w.update_where(Person, Person.village == old, {"village": new})   # bulk, still logged
    w.changes   # OpChanges: which tables and records were created/updated/tombstoned

Everything inside `writing` is one transaction: the records, their change rows and the per-origin
sequence counter commit together or not at all.
"""
from __future__ import annotations

import contextlib
import gc
import itertools
import threading
import time
from dataclasses import dataclass, field

import peewee

from models.base import SyncedModel, to_json_value
from models.changelog import DERIVED, Change, logged_create, materialise, plain_columns, stored_state
from models.connection import db
from models.engine import (COMPACT_COLUMNS, before_next_statement, compact_id, is_postgres, new_change_id, prepared,
                           stored_clock, stored_stamp, writer_lock)
from models.errors import EditedMeanwhile
from models.fields import utc_now, utc_text
from models.ids import HybridClock, new_id
from models.installation_row import Installation


@dataclass(frozen=True)
class Actor:
    """Who is writing: a logged-in user, or a named system actor such as `cli`."""

    username: str
    display_name: str
    role: str


CLI_ACTOR = Actor("cli", "命令行", "system")


@dataclass
class OpChanges:
    """What one operation changed; views refresh from this, not from guesses."""

    created: list[tuple[str, str]] = field(default_factory=list)
    updated: list[tuple[str, str]] = field(default_factory=list)
    tombstoned: list[tuple[str, str]] = field(default_factory=list)

    @property
    def tables(self) -> set[str]:
        return {t for t, _ in self.created + self.updated + self.tombstoned}

    @property
    def empty(self) -> bool:
        return not (self.created or self.updated or self.tombstoned)

    def touches(self, table: str) -> bool:
        return table in self.tables


class Writer:
    def __init__(self, actor: Actor):
        self.actor = actor
        self.changes = OpChanges()
        self.installation = Installation.get_current()
        self.origin = self.installation.id
        self.seq = self.installation.last_seq
        self.clock = HybridClock(self.installation.last_hlc)
        self._stored_origin = compact_id(self.origin)
        self._pending: list[dict] = []
        self._refs: dict[int, dict] = {}  # seq → pending create row whose values are stored by reference
        self._held: dict[type, list] = {}  # model → INSERT parameters of records created, not yet inserted

    # -- the three operations -------------------------------------------------------------
    def create(self, model: type[SyncedModel], values: dict, *, record_id: str | None = None):
        micros = time.time_ns() // 1000
        now = utc_text(micros)
        record = _construct(model, values)
        seq = self._next_seq()
        data = record.__data__
        data.update(id=record_id or new_id(), origin=self.origin, created_at=now, created_by=self.actor.username,
                    updated_at=now, updated_by=self.actor.username, deleted_at=None, deleted_reason=None,
                    version={self.origin: seq})
        record.derive()
        self._hold(model, data)
        changed = {name: [None, v if type(v := data.get(name)) in _AS_JSON else to_json_value(v)] for name in values}
        self._log(record, "upsert", seq, changed, base={}, micros=micros)
        self.changes.created.append((model._meta.table_name, data["id"]))
        return record

    def update(self, record: SyncedModel, values: dict, *, force: bool = False, op: str = "upsert",
               seen: dict | None = None) -> bool:
        """Apply only the fields whose value differs; return whether anything changed.

        force=True writes every given field even when unchanged (a conflict resolution must be a
        change that has seen both sides); op names the operation ("transfer", "merge").
        seen: the values the user had in front of them when they began editing (a form stays open for
        minutes while another bureau PC may save the same record): a field left as seen is not written,
        so a newer value saved meanwhile stays; a field the user changed that was also changed meanwhile
        raises EditedMeanwhile — never a silent overwrite.
        """
        if seen is not None:
            values = _against_seen(record, values, seen)
        changed = {}
        for name, new in values.items():
            if isinstance(new, peewee.Model):
                new = new.get_id()
            old = record.__data__.get(name)
            if force or to_json_value(old) != to_json_value(new):
                changed[name] = [to_json_value(old), to_json_value(new)]
                record.__data__[name] = new
        if not changed:
            return False
        self._save(record, changed, op=op)
        self.changes.updated.append((record._meta.table_name, record.id))
        return True

    def tombstone(self, record: SyncedModel, reason: str) -> None:
        changed = {"deleted_at": [record.deleted_at, None], "deleted_reason": [record.deleted_reason, reason]}
        record.deleted_at = utc_now()
        record.deleted_reason = reason
        changed["deleted_at"][1] = record.deleted_at
        self._save(record, changed, op="tombstone")
        self.changes.tombstoned.append((record._meta.table_name, record.id))

    def update_where(self, model: type[SyncedModel], condition, values: dict) -> int:
        """A bulk update that is captured like any other: one change row per record it alters."""
        count = 0
        for record in model.select().where(condition):
            count += self.update(record, values)
        return count

    # -- internals ----------------------------------------------------------------------------
    def _save(self, record: SyncedModel, changed: dict, *, op: str) -> None:
        base = dict(record.version or {})
        self._materialise(record, base)
        seq = self._next_seq()
        record.version = {**base, self.origin: seq}
        micros = time.time_ns() // 1000
        record.updated_at = utc_text(micros)
        record.updated_by = self.actor.username
        record.derive()
        if not _update(type(record), record, base):  # saved meanwhile by another bureau PC: merge, or say so
            base = self._merge_meanwhile(record, changed, seq)
        self._log(record, op, seq, changed, base=base, micros=micros)

    def _merge_meanwhile(self, record: SyncedModel, changed: dict, seq: int) -> dict:
        """The record changed in the database after this edit read it. Fields only one side changed merge
        (this edit's onto the stored row); a field both changed is refused — never a silent overwrite."""
        model = type(record)
        current = model.get_or_none(model.id == record.id)
        if current is None:
            raise EditedMeanwhile("这条记录已不存在（可能已被他人删除或合并），未保存。请刷新后再看。", record_id=record.id)
        both = [name for name, (old, _new) in changed.items()
                if name in current.__data__ and to_json_value(current.__data__.get(name)) != old]
        if both:
            raise edited_meanwhile(record, both)
        base = dict(current.version or {})
        mine = {name: record.__data__.get(name) for name in changed}
        stamp = record.updated_at, record.updated_by
        record.__data__.update(current.__data__)
        record.__data__.update(mine)
        record.updated_at, record.updated_by = stamp
        record.version = {**base, self.origin: seq}
        record.derive()
        _update(model, record)
        return base

    def _next_seq(self) -> int:
        self.seq += 1
        return self.seq

    def _log(self, record, op, seq, changed, *, base, micros) -> None:
        """The change row of this write made at `micros` (microseconds since 1970), its own columns in their stored
        form (models.engine.COMPACT_COLUMNS) made from the numbers at hand."""
        row = dict(change_id=new_change_id(), origin=self._stored_origin, seq=seq, table=record._meta.table_name,
                   record_id=record.id, op=op, state=DERIVED, changed=changed, base=base, author=self.actor.username,
                   at=stored_stamp(micros), hlc=stored_clock(*self.clock.tick()))
        rebuilt, ref = logged_create(type(record), record.__data__, changed) if not base and op == "upsert" else (
            False, None)
        if not rebuilt:  # else the state is rebuilt from the create's columns when read
            row["state"] = stored_state(dict(row, origin=self.origin, at=utc_text(micros), state=record.state()))
        elif ref is not None:
            row["values"], row["changed"] = changed, ref  # the record row holds the values (until changed)
            self._refs[seq] = row
        self._pending.append(row)
        if len(self._pending) >= 500:
            self.flush()

    def _materialise(self, record: SyncedModel, version: dict) -> None:
        """Before the record's row changes: its create's values, if stored by reference, go into its change row."""
        row = self._refs.pop(version.get(self.origin), None) if len(version) == 1 else None
        if row is not None and row["record_id"] == record.id:
            row["changed"] = row.pop("values")  # not written yet: write the values themselves
        else:
            materialise(record._meta.table_name, record.id, version)

    def _hold(self, model: type[SyncedModel], data: dict) -> None:
        """The record's INSERT, run with the others of its table in one executemany before the operation's next
        statement (engine.before_next_statement) or at its end. Tables go in parents first (_rank), so a row is
        inserted after the rows it refers to; round a circle of references, the held rows go in first."""
        held = self._held
        if held and any(m in held for m in _not_below(model)):
            self._insert_held()
            held = self._held
        if not held and not before_next_statement(self._insert_held):
            _insert(model, [data])
            return
        held.setdefault(model, []).extend(_insert_params(model, [data]))

    def _insert_held(self) -> None:
        held, self._held = self._held, {}
        before_next_statement(None)
        for model in sorted(held, key=_rank):
            _execute_insert(model, held[model])

    def discard(self) -> None:
        """At the end of the operation, whatever happened: nothing held stays registered."""
        self._held = {}
        before_next_statement(None)

    def flush(self) -> None:
        self._insert_held()
        if self._pending:
            _insert(Change, self._pending)
            self._pending.clear()
            self._refs.clear()

    def finish(self) -> None:
        self.flush()
        if self.seq != self.installation.last_seq:
            Installation.update(last_seq=self.seq, last_hlc=format_clock(self.clock)).where(
                Installation.id == self.origin).execute()
            self.installation.last_seq = self.seq


_AS_JSON = frozenset((str, int, float, bool, type(None), list, dict))  # values to_json_value gives back as they are
_RANKS: dict = {}


def _rank(model: type[peewee.Model], visiting: tuple = ()) -> int:
    """1 + the highest rank of the tables the model refers to (0 for none): inserting tables by rank puts every
    row after those it refers to. A self-reference, or one back round a circle, does not count."""
    rank = _RANKS.get(model)
    if rank is None:
        parents = [m for m in model._meta.refs.values() if m is not model and m not in visiting]
        rank = _RANKS[model] = 1 + max((_rank(m, (*visiting, model)) for m in parents), default=-1)
    return rank


def _not_below(model: type[peewee.Model]) -> list:
    """The other tables the model refers to whose rank is not below its own (round a circle of references)."""
    found = _NOT_BELOW.get(model)
    if found is None:
        rank = _rank(model)
        found = _NOT_BELOW[model] = [m for m in model._meta.refs.values() if m is not model and _rank(m) >= rank]
    return found


_NOT_BELOW: dict = {}


def _against_seen(record: SyncedModel, values: dict, seen: dict) -> dict:
    """The fields of `values` the user changed from what they saw; refuses those changed meanwhile too."""
    kept, both = {}, []
    for name, new in values.items():
        if name not in seen:
            kept[name] = new
            continue
        was, now = to_json_value(seen[name]), to_json_value(record.__data__.get(name))
        if to_json_value(new) == was:
            continue  # left as shown: whatever is stored now stays
        if now not in (was, to_json_value(new)):
            both.append(name)
        kept[name] = new
    if both:
        raise edited_meanwhile(record, both)
    return kept


def edited_meanwhile(record: SyncedModel, fields: list[str]):
    """The refusal when another user saved the same fields first, naming them as the form does."""
    meta = record._meta.fields
    labels = "、".join(getattr(meta.get(name), "verbose_name", None) or name for name in fields)
    return EditedMeanwhile(f"他人刚保存了同一条记录的「{labels}」，与您的修改冲突，您的修改未保存。"
                           "请记下您的修改，重新打开这条记录后再改。", record_id=record.id, fields=fields)


def format_clock(clock: HybridClock) -> str:
    from models.ids import format_stamp

    return format_stamp(clock.physical, clock.logical)


def _construct(model: type[SyncedModel], values: dict) -> SyncedModel:
    """model(**values), without peewee's per-field setattr when every value is a plain value of one of the
    model's fields (a related record given as a value goes through its accessor, which keeps the id)."""
    record = model()
    data, fields = record.__data__, model._meta.fields
    if values.keys() <= fields.keys() and not any(map(isinstance, values.values(), _A_RECORD)):
        data.update(values)
    else:
        for name, value in values.items():
            setattr(record, name, value)
    record._dirty.update(data)
    return record


_A_RECORD = itertools.repeat(peewee.Model)


def _insert(model: type[peewee.Model], rows: list[dict]) -> None:
    """INSERT rows (by field name) with the statement peewee generated once per model.

    Rebuilding the SQL of a 60-column insert for every record dominated bulk writes (roster import)."""
    _execute_insert(model, _insert_params(model, rows))


def _insert_params(model: type[peewee.Model], rows: list[dict]) -> list[list]:
    """Each row's column values as the INSERT binds them; a value a text or integer column stores as it is
    skips its field's conversion (peewee's would give it back unchanged)."""
    columns = prepared(("insert", model), lambda: _insert_plan(model))[1]
    return [[v if v is None or type(v) is kind else convert(v) for name, kind, convert in columns
             for v in (row.get(name),)] for row in rows]


def _execute_insert(model: type[peewee.Model], params: list[list]) -> None:
    sql = prepared(("insert", model), lambda: _insert_plan(model))[0]
    model._meta.database.cursor().executemany(sql, params)


def _insert_plan(model: type[peewee.Model]) -> tuple[str, list]:
    """The INSERT and [(column, the type bound as it is or None, conversion)]. The change log's compact columns
    convert with the engine's own form, chosen here once (prepared() is per engine), not per value."""
    fields, table = model._meta.sorted_fields, model._meta.table_name
    plain = plain_columns(model)
    columns = []
    for f in fields:
        kind, convert = plain.get(f.name), f.db_value
        kind = kind if kind in (str, int) else None
        compact = COMPACT_COLUMNS.get((table, f.name))
        if compact is not None:  # the value given in its stored form, or a text made compact here
            kind, convert = (str, convert) if is_postgres() else (compact[2], compact[0])
        columns.append((f.name, kind, convert))
    return model.insert({f: None for f in fields}).sql()[0], columns


def _update(model: type[peewee.Model], record: peewee.Model, version: dict | None = None) -> int:
    """UPDATE every column of the record's row with the statement peewee generated once per model and engine
    (building a 60-column UPDATE per record was two thirds of an edit's time, measured). With `version`: only
    while the row still has that version (another bureau PC may have saved it meanwhile). Rows updated."""
    def build():
        fields = [f for f in model._meta.sorted_fields if f.name != "id"]
        where = model.id == ""
        if version is not None:
            where &= model.version == {}
        return model.update({f: None for f in fields}).where(where).sql()[0], fields

    sql, fields = prepared(("update", model, version is not None), build)
    data = record.__data__
    params = [f.db_value(data.get(f.name)) for f in fields]
    params.append(model.id.db_value(record.id))
    if version is not None:
        params.append(model.version.db_value(version))
    return model._meta.database.execute_sql(sql, params).rowcount


_pauses = 0
_pauses_lock = threading.Lock()
_collector_was_on = False


@contextlib.contextmanager
def _collector_paused():
    """Python's cycle collector waits while operations run: it rescanned the rows an operation holds (and every
    long-lived object of the program) hundreds of times per 1 000 people written — 10 % of a bulk write,
    measured (docs/lean-storage.md §30). Reference counting frees everything as before; the collector runs
    as usual again when the last operation ends, and it is left alone if something else had turned it off."""
    global _pauses, _collector_was_on
    with _pauses_lock:
        _pauses += 1
        if _pauses == 1:
            _collector_was_on = gc.isenabled()
            gc.disable()
    try:
        yield
    finally:
        with _pauses_lock:
            _pauses -= 1
            if _pauses == 0 and _collector_was_on:
                gc.enable()


@contextlib.contextmanager
def writing(actor: Actor):
    """One transaction; yields the Writer; rolls everything back on any exception."""
    with db.atomic(), _collector_paused():
        writer_lock()  # before reading the origin's last seq: concurrent writers stay gap-free
        writer = Writer(actor)
        try:
            yield writer
            writer.finish()
        finally:
            writer.discard()  # before the rollback on an exception: held rows are dropped, not inserted
