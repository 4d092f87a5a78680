"""The change log: one row per write to a synced table, appended in the same transaction.

Each change has its own UUIDv7, the origin installation and a gapless per-origin `seq`, the table
and record, the operation, the record's full state after the change, the changed fields with their
old values as the editor saw them, the version vector the editor saw (`base`), the author, the UTC
time and a hybrid-logical-clock stamp. The sync bundles are made of these rows; the audit trail
(who, when, old → new) is read from them.

Lean storage (issue 14, docs/lean-storage.md): a create's state is nearly always its own columns (id,
origin, author, time, version {origin: seq}) plus its `changed` values plus the model's defaults. Such a
row stores an empty `state` ('' = DERIVED) and the state is rebuilt when read:

    Change.select()…                  # objects and dicts come back with the full state, as before
    create_state(table, record_id, origin, seq, author, at, changed)   # the rebuild, for raw SQL readers
    stored_state(row_dict)            # what the write path / importer stores: '' when it rebuilds exactly

A create whose state is anything else (a default that is not a constant, values the rebuild would not
give) keeps its whole state, so what readers get is exactly what was written.

The `changed` column of a change whose old values are all null (a create) is stored as the compact flat
array [field, new, field, new, …] (fields sorted, each named by its short code from models.change_keys)
instead of {field: [null, new], …}, when that array expands back to exactly the same JSON text; otherwise
as before. Peewee readers get the dict back
(ChangedField); raw SQL readers call changed_text() / changed_value():

    lean_changed_text('{"name":[null,"张三"]}')   # -> '[111,"张三"]'  (what the column stores)
    changed_text('[111,"张三"]')                  # -> '{"name":[null,"张三"]}' (the text as written)
"""
from __future__ import annotations

import json

import peewee

from models.base import LocalModel, to_json_value
from models.engine import append_token
from models.change_keys import key_code, key_name
from models.fields import JSONField

OPERATIONS = ("upsert", "tombstone", "merge", "transfer")

DERIVED = ""  # the stored `state` of a create whose state create_state() rebuilds exactly


class StateField(JSONField):
    """The `state` column: JSON text, or DERIVED ('') for a create rebuilt from the row's other columns."""

    def db_value(self, value):
        if isinstance(value, str) and value == DERIVED:
            return DERIVED
        return super().db_value(value)

    def python_value(self, value):
        if value == DERIVED:
            return _Derived()
        return super().python_value(value)


def _dumps(value) -> str:
    return JSONField.db_value(None, value)


def _flat(changed) -> list | None:
    """[field, new, …] (fields sorted by name, each as its models.change_keys code) when every old value
    is null, else None."""
    if not isinstance(changed, dict) or not changed:
        return None
    flat = []
    for name in sorted(changed):
        pair = changed[name]
        if not (isinstance(pair, list) and len(pair) == 2 and pair[0] is None):
            return None
        flat += [key_code(name), pair[1]]
    return flat


def _expand(flat: list) -> dict:
    return {key_name(flat[i]): [None, flat[i + 1]] for i in range(0, len(flat), 2)}


def changed_value(stored: str):
    """The `changed` column as the dict that was written, whatever is stored."""
    value = json.loads(stored)
    return _expand(value) if isinstance(value, list) else value


def changed_text(stored: str) -> str:
    """The `changed` column as the JSON text that was written (for raw readers: export)."""
    if stored[:1] != "[":
        return stored
    return _dumps(_expand(json.loads(stored)))


def lean_changed_text(text: str, changed=None) -> str:
    """What the `changed` column stores for this JSON text: the compact array when it expands back to
    exactly `text`, else `text` itself. `changed` is the decoded text when the caller has it."""
    flat = _flat(json.loads(text) if changed is None else changed)
    if flat is None:
        return text
    compact = _dumps(flat)
    return compact if changed_text(compact) == text else text


_SCALARS = (str, int, bool, float, type(None))


def _plain(value) -> bool:
    """Whether JSON text of `value` decodes to values that encode to the same text again (the types the
    json module gives back: str, int, bool, float, None, lists, objects with text keys)."""
    kind = type(value)
    if kind in _SCALARS:
        return True
    if kind is list:
        return all(_plain(item) for item in value)
    if kind is dict:
        return all(type(key) is str and _plain(item) for key, item in value.items())
    return False


class ChangedField(JSONField):
    """The `changed` column: {field: [old, new]} as JSON text, or the compact array of a create's values.

    Writing: values of the plain JSON types give back exactly the same text when expanded, so their
    compact array is written directly (one encoding, as before); anything else goes through the text
    comparison of lean_changed_text."""

    def db_value(self, value):
        if value is None:
            return None
        if type(value) is dict and value:
            flat = []
            for name in sorted(value):
                pair = value[name]
                if (type(pair) is not list or len(pair) != 2 or pair[0] is not None or type(name) is not str
                        or not (type(pair[1]) in _SCALARS or _plain(pair[1]))):
                    break
                flat.append(key_code(name))
                flat.append(pair[1])
            else:
                return _dumps(flat)
        return lean_changed_text(super().db_value(value), value)

    def python_value(self, value):
        return None if value is None else changed_value(value)


class _Derived(dict):
    """Placeholder read from a DERIVED column; ChangeSelect replaces it with the rebuilt state."""


_MISSING = object()


def _default(field):
    default = field.default
    if default in (list, dict):  # an empty list / object, built per record
        return default()
    if callable(default):
        return _MISSING  # not a constant: such a create keeps its whole state
    return to_json_value(default)


def _model(table: str):
    from models.synced import _registry

    return _registry().get(table)


def create_state(table: str, record_id: str, origin: str, seq: int, author: str, at: str, changed: dict):
    """The state a create wrote, from its columns (None when the table is unknown or a default is not a
    constant). Same keys and values as SyncedModel.state() of the record just created."""
    model = _model(table)
    if model is None:
        return None
    meta = {"id": record_id, "origin": origin, "created_at": at, "created_by": author, "updated_at": at,
            "updated_by": author, "deleted_at": None, "deleted_reason": None, "version": {origin: seq}}
    state = {}
    derived = model.derived_fields
    for field in model._meta.sorted_fields:
        name = field.name
        if name in derived:
            continue
        if name in changed:
            value = changed[name][1]
            if name in meta and value != meta[name]:
                return None
        elif name in meta:
            value = meta[name]
        else:
            value = _default(field)
            if value is _MISSING:
                return None
        state[name] = value
    return state


def is_create(op: str, base) -> bool:
    return op == "upsert" and not base


def derivable(row: dict) -> bool:
    """Whether a change row's state is exactly what create_state() rebuilds (so need not be stored)."""
    if not is_create(row["op"], row["base"]):
        return False
    changed = row["changed"]
    if isinstance(changed, list):  # read raw from a column holding a create's compact values
        changed = _expand(changed)
    if not isinstance(changed, dict) or not all(isinstance(v, list) and len(v) == 2 for v in changed.values()):
        return False
    rebuilt = create_state(row["table"], row["record_id"], row["origin"], row["seq"], row["author"], row["at"],
                           changed)
    return rebuilt is not None and rebuilt == row["state"] and _same_types(rebuilt, row["state"])


def _same_types(a: dict, b: dict) -> bool:
    return all(type(a[k]) is type(b[k]) for k in a)  # 1 == True == 1.0 in Python, not in JSON


def stored_state(row: dict):
    """What the `state` column holds for this change row: DERIVED, or the state itself."""
    return DERIVED if derivable(row) else row["state"]


def state_text(table, record_id, origin, seq, author, at, state_text_or_derived: str, changed_text: str) -> str:
    """The state column as JSON text whatever is stored (for readers of raw rows: export)."""
    if state_text_or_derived != DERIVED:
        return state_text_or_derived
    changed = changed_value(changed_text)
    return Change.state.db_value(create_state(table, record_id, origin, seq, author, at, changed))


def _fill(change) -> None:
    """Replace a DERIVED placeholder in a Change object or a row dict by the rebuilt state."""
    get = change.get if isinstance(change, dict) else (lambda k: change.__data__.get(k))
    if not isinstance(get("state"), _Derived):
        return
    changed = get("changed")
    keys = ("table", "record_id", "origin", "seq", "author", "at")
    if changed is None or any(get(k) is None for k in keys):
        return  # a partial select: leave the placeholder (an empty dict)
    state = create_state(*(get(k) for k in keys), changed)
    if isinstance(change, dict):
        change["state"] = state
    else:
        change.__data__["state"] = state


class ChangeSelect(peewee.ModelSelect):
    """Change.select(): rows come back with the state rebuilt where the column holds DERIVED."""

    def _get_cursor_wrapper(self, cursor):
        wrapper = super()._get_cursor_wrapper(cursor)
        process = wrapper.process_row

        def process_row(row):
            out = process(row)
            if isinstance(out, (dict, peewee.Model)):
                _fill(out)
            return out

        wrapper.process_row = process_row
        return wrapper


class Change(LocalModel):
    change_id = peewee.TextField(primary_key=True)
    origin = peewee.TextField()
    seq = peewee.IntegerField()
    table = peewee.TextField()
    record_id = peewee.TextField(index=True)
    op = peewee.TextField()
    state = StateField()  # DERIVED ('') for a create that create_state() rebuilds
    changed = ChangedField()  # {field: [old, new]}; a create's: the compact array [field, new, …]
    base = JSONField()  # version vector the editor saw
    author = peewee.TextField()
    at = peewee.TextField()
    hlc = peewee.TextField()

    class Meta:
        table_name = "change_log"
        indexes = ((("origin", "seq"), True),)

    @classmethod
    def select(cls, *fields):
        is_default = not fields
        return ChangeSelect(cls, fields or cls._meta.sorted_fields, is_default=is_default)


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
    return (Change._meta.database.database, *append_token(Change, Change.change_id))
