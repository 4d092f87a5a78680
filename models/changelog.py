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

A create this installation wrote whose record row still holds exactly its values (the record's version is
{origin: seq} of that create) stores only "@" and its field codes (BY_REF; docs/lean-storage.md round 3);
readers take the values from the record row:

    ref_text("person", changed)                   # -> '@…' (what the write path stores)
    resolve_refs([(table, record_id, stored, origin, seq), …])   # raw readers: {(origin, seq): changed}
    materialise(table, record_id, version)        # before a record row is rewritten (models.write, sync.apply)
    materialise_table(table)                      # a schema step that back-fills record rows calls this first
"""
from __future__ import annotations

import json
import operator
import re

import peewee

from models.base import LocalModel, to_json_value
from models.engine import (COMPACT_TEXT, append_token, clock_text, compact_clock, compact_id, compact_stamp, id_text,
                           prepared, stamp_text)
from models.change_keys import key_code, key_name
from models.fields import JSONField, dumps, json_text

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
    return dumps(_expand(json.loads(stored)))


def lean_changed_text(text: str, changed=None) -> str:
    """What the `changed` column stores for this JSON text: the compact array when it expands back to
    exactly `text`, else `text` itself. `changed` is the decoded text when the caller has it."""
    flat = _flat(json.loads(text) if changed is None else changed)
    if flat is None:
        return text
    compact = dumps(flat)
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
        if isinstance(value, _Ref):
            return value.stored
        if type(value) is str and value[:1] == BY_REF:  # the write path's by-reference marker
            return value
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
                return dumps(flat)
        return lean_changed_text(super().db_value(value), value)

    def python_value(self, value):
        if value is None:
            return None
        if value[:1] == BY_REF:
            return _Ref(value)
        return changed_value(value)


# -- a create's values by reference ---------------------------------------------------------------------------
BY_REF = "@"  # `changed` = "@code,code,…": the create's values are those fields of its record, still as created


class _Ref(dict):
    """Placeholder read from a by-reference `changed`; ChangeSelect replaces it with the values."""

    def __init__(self, stored: str):
        super().__init__()
        self.stored = stored


_REF_TEXTS: dict[tuple, str | None] = {}


def ref_text(table: str, changed: dict) -> str | None:
    """What a fresh create's `changed` column stores when its record row holds exactly these values:
    "@" and the fields' codes (None when a field has no code or is a derived column the record may rewrite)."""
    key = (table, *changed)
    if key not in _REF_TEXTS:
        if len(_REF_TEXTS) > 4096:
            _REF_TEXTS.clear()
        _REF_TEXTS[key] = _ref_text(table, changed)
    return _REF_TEXTS[key]


def _ref_text(table: str, changed: dict) -> str | None:
    model = table_model(table)
    if model is None or not changed:
        return None
    codes = []
    for name in changed:
        code = key_code(name)
        if type(code) is not int or name in model.derived_fields:
            return None
        codes.append(code)
    return BY_REF + _code_text(sorted(codes))


# "@" then each field code as its step from the previous one (from -1) in one character '0'…'~' (steps 1–79),
# or '/' and the code itself in two such characters: person's ~20 fields in ~20 bytes.
_ZERO, _BASE, _ABSOLUTE = 48, 79, "/"


def _code_text(codes: list[int]) -> str:
    out, previous = [], -1
    for code in codes:
        step = code - previous
        if 1 <= step <= _BASE:
            out.append(chr(_ZERO + step - 1))
        else:
            out.append(_ABSOLUTE + chr(_ZERO + code // _BASE) + chr(_ZERO + code % _BASE))
        previous = code
    return "".join(out)


def _codes(text: str) -> list[int]:
    codes, previous, i = [], -1, 0
    while i < len(text):
        if text[i] == _ABSOLUTE:
            previous = (ord(text[i + 1]) - _ZERO) * _BASE + ord(text[i + 2]) - _ZERO
            i += 3
        else:
            previous += ord(text[i]) - _ZERO + 1
            i += 1
        codes.append(previous)
    return codes


def by_reference(table: str, origin: str, seq: int, changed: dict, record: dict | None) -> str | None:
    """ref_text() of a stored create whose record row (as record_states gives it) still holds exactly its
    values — same version {origin: seq}, every value equal and of the same type — else None (migration)."""
    if record is None or record.get("version") != {origin: seq} or not isinstance(changed, dict):
        return None
    for name, pair in changed.items():
        if name not in record or not (isinstance(pair, list) and len(pair) == 2 and pair[0] is None):
            return None
        value = record[name]
        if value != pair[1] or type(value) is not type(pair[1]) or not _plain(value) or not _same_json(value, pair[1]):
            return None
    return ref_text(table, changed)


def _same_json(a, b) -> bool:
    return dumps(a) == dumps(b)  # nested values: 1 == True == 1.0 inside lists and objects too


_REF_NAMES: dict[str, list[str]] = {}


def ref_names(stored: str) -> list[str]:
    names = _REF_NAMES.get(stored)
    if names is None:
        if len(_REF_NAMES) > 4096:
            _REF_NAMES.clear()
        names = _REF_NAMES[stored] = [key_name(code) for code in _codes(stored[1:])]
    return names


def _json_fields(model) -> list:
    return [f for f in model._meta.sorted_fields if f.name not in model.derived_fields]


_PLAIN: dict[str, dict[str, type]] = {}


def plain_columns(model) -> dict[str, type]:
    """{field name: the one value type its column gives back unchanged}: text, integer and boolean columns."""
    table = model._meta.table_name
    if table not in _PLAIN:
        kinds = {}
        for field in model._meta.sorted_fields:
            column = field.rel_field if isinstance(field, peewee.ForeignKeyField) else field
            kind = {peewee.TextField: str, peewee.CharField: str, peewee.IntegerField: int,
                    peewee.BooleanField: bool}.get(type(column))
            if kind is not None:
                kinds[field.name] = kind
        _PLAIN[table] = kinds
    return _PLAIN[table]


def round_trips(model, values: dict) -> bool:
    """Whether each value reads back from the model's record row as exactly itself (type included)."""
    fields = model._meta.fields
    plain = plain_columns(model)
    for name, value in values.items():
        if value is None or type(value) is plain.get(name):
            continue  # NULL, or text / an integer / a boolean in a column of that kind
        field = fields.get(name)
        if type(value) is str and type(field) is peewee.DateField and _ISO_DATE.fullmatch(value):
            continue  # what python_value + isoformat give back for a stored 'YYYY-MM-DD' (see _convert)
        if type(value) is list and type(field) is JSONField and all(type(item) is str for item in value):
            continue  # a list of texts (tags, subtypes): its JSON text decodes to an equal list of texts
        if field is None:
            return False
        back = to_json_value(field.python_value(field.db_value(value)))
        if back != value or type(back) is not type(value) or not _plain(back):
            return False
    return True


def record_states(table: str, ids, names=None) -> dict[str, dict]:
    """{record id: its row as SyncedModel.state() gives it} for the records of `table` with these ids
    (only id, version and `names` when given)."""
    columns, rows = _record_rows(table, ids, names)
    return {rid: {column[0]: _value(column, v) for column, v in zip(columns, row)} for rid, row in rows.items()}


def _value(column, v):
    """A record column's value as SyncedModel.state() gives it."""
    _, field, kind = column
    # text and integer columns give back their value as it is; the rest (booleans, JSON, dates) is converted
    return v if v is None or type(v) is kind else to_json_value(field.python_value(v))


def _record_rows(table: str, ids, names=None) -> tuple[list, dict[str, tuple]]:
    """([(name, field, plain type)], {record id: raw row}): the records of `table` with these ids."""
    model = table_model(table)
    fields = _json_fields(model)
    if names is not None:
        wanted = {"id", "version", *names}
        fields = [f for f in fields if f.name in wanted]
    plain = plain_columns(model)
    columns = [(f.name, f, plain.get(f.name) if plain.get(f.name) in (str, int) else None) for f in fields]
    out = {}
    ids = sorted(set(ids))
    database = model._meta.database
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        marks = "(" + ", ".join([database.param] * len(chunk)) + ")"
        sql = prepared(("records", table, tuple(f.name for f in fields), len(chunk)),
                       lambda: model.select(*fields).where(model.id.in_(peewee.SQL(marks, chunk))).sql()[0])
        for row in database.execute_sql(sql, chunk):
            out[row[0]] = row
    return columns, out


def ref_changed(stored: str, origin: str, seq: int, record: dict | None) -> dict:
    """The {field: [null, new]} of a by-reference create, from its record's row (as record_states gives it)."""
    if record is None or record.get("version") != {origin: seq}:
        raise RuntimeError(f"change log: the record of create {origin}/{seq} no longer holds its values")
    return {name: [None, record[name]] for name in ref_names(stored)}


def resolve_refs(rows: list[tuple[str, str, str, str, int]]) -> dict[tuple[str, int], dict]:
    """For raw readers: rows (table, record_id, stored changed, origin, seq) → {(origin, seq): changed dict}
    of those stored by reference (one query per table per 500 records)."""
    return {key: {name: [None, v] for name, v in zip(names, values)} for key, names, values in ref_values(rows)}


def ref_values(rows):
    """((origin, seq), [field, …], [value, …]) of each row stored by reference, its values read from its record."""
    wanted: dict[str, set] = {}
    codes: dict[str, set] = {}
    for table, record_id, stored, _, _ in rows:
        if stored[:1] == BY_REF:
            wanted.setdefault(table, set()).add(record_id)
            codes.setdefault(table, set()).add(stored)
    for table, ids in wanted.items():
        columns, records = _record_rows(table, ids, {name for stored in codes[table] for name in ref_names(stored)})
        at = {column[0]: (i, column) for i, column in enumerate(columns)}
        version_at, version_column = at["version"]
        plans = {stored: (ref_names(stored), [(at[name][0], at[name][1][2], at[name][1][1]) for name in ref_names(stored)])
                 for stored in codes[table]}
        for _, record_id, stored, origin, seq in (r for r in rows if r[0] == table and r[2][:1] == BY_REF):
            row = records.get(record_id)
            # the version column holds {origin: seq}: compared as the text it is written as, else decoded
            if row is None or (row[version_at] != f'{{{json_text(origin)}:{seq}}}'
                               and _value(version_column, row[version_at]) != {origin: seq}):
                ref_changed(stored, origin, seq, None)  # raises: the record no longer holds the values
            names, plan = plans[stored]
            yield (origin, seq), names, [v if (v := row[i]) is None or type(v) is kind else _convert(field, v)
                                         for i, kind, field in plan]


def _convert(field, v):
    if v == "[]" and type(field) is JSONField:
        return []  # an empty list (tags, subtypes of most records): what python_value + to_json_value give
    if type(field) is peewee.DateField and type(v) is str and _ISO_DATE.fullmatch(v):
        return v  # what python_value + isoformat give back for a stored 'YYYY-MM-DD' (or itself, if not a date)
    return to_json_value(field.python_value(v))


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def materialise(table: str, record_id: str, version: dict) -> None:
    """Before a record's row is rewritten: if it still holds the values of its create stored by reference
    (version {origin: seq} of that create), store those values in the create's change row (compact form)."""
    if len(version) != 1:
        return
    (origin, seq), = version.items()
    database = Change._meta.database
    sql = prepared(("create_change",), lambda: Change.select(Change.change_id, Change.changed).where(
        (Change.origin == "") & (Change.seq == 0)).sql()[0])  # every edit of a record asks it
    found = database.execute_sql(sql, (compact_id(origin), seq)).fetchone()
    if found is None or found[1][:1] != BY_REF:
        return
    changed = ref_changed(found[1], origin, seq, record_states(table, [record_id]).get(record_id))
    update = prepared(("store_changed",), lambda: Change.update(changed={"": [None, None]}).where(
        Change.change_id == "").sql()[0])
    database.execute_sql(update, (Change.changed.db_value(changed), found[0]))




def materialise_table(table: str) -> None:
    """Store the values of every by-reference create of `table` in its change row. A schema step that
    rewrites existing record rows (a back-fill) calls this first for each table it rewrites."""
    rows = Change.select(Change.record_id, Change.changed, Change.origin, Change.seq).where(
        (Change.table == table) & Change.changed.startswith(BY_REF)).tuples()
    refs = resolve_refs([(table, rid, ref.stored, origin, seq) for rid, ref, origin, seq in rows])
    for (origin, seq), changed in refs.items():
        Change.update(changed=changed).where((Change.origin == origin) & (Change.seq == seq)).execute()


class _Derived(dict):
    """Placeholder read from a DERIVED column; ChangeSelect replaces it with the rebuilt state."""


NOT_CONSTANT = object()


def _default(field):
    default = field.default
    if default in (list, dict):  # an empty list / object, built per record
        return default()
    if callable(default):
        return NOT_CONSTANT  # not a constant: such a create keeps its whole state
    return to_json_value(default)


def table_model(table: str):
    """The synced model of a table name (None when unknown)."""
    from models.synced import _registry

    return _registry().get(table)


def create_state(table: str, record_id: str, origin: str, seq: int, author: str, at: str, changed: dict):
    """The state a create wrote, from its columns (None when the table is unknown or a default is not a
    constant). Same keys and values as SyncedModel.state() of the record just created."""
    model = table_model(table)
    if model is None:
        return None
    meta = {"id": record_id, "origin": origin, "created_at": at, "created_by": author, "updated_at": at,
            "updated_by": author, "deleted_at": None, "deleted_reason": None, "version": {origin: seq}}
    state = {}
    for name, default in create_defaults(model):
        if name in changed:
            value = changed[name][1]
            if name in meta and value != meta[name]:
                return None
        elif name in meta:
            value = meta[name]
        elif default is NOT_CONSTANT:
            return None
        else:
            value = default() if default is list or default is dict else default
        state[name] = value
    return state


_DEFAULTS: dict = {}


def create_defaults(model) -> list[tuple[str, object]]:
    """[(field name, its constant default as state() gives it, or list / dict, or NOT_CONSTANT)] of the fields
    a create's state holds, in the model's order (worked out once per model: every create read asks)."""
    plan = _DEFAULTS.get(model)
    if plan is None:
        plan = []
        for field in model._meta.sorted_fields:
            if field.name not in model.derived_fields:
                default = field.default
                plan.append((field.name, default if default in (list, dict) else _default(field)))
        _DEFAULTS[model] = plan
    return plan


CREATE_META = frozenset(("id", "origin", "created_at", "created_by", "updated_at", "updated_by", "deleted_at",
                         "deleted_reason", "version"))  # what create_state() takes from the change row itself


def logged_create(model, data: dict, changed: dict) -> tuple[bool, str | None]:
    """How the write path logs a record it just created (`data` its row, `changed` {field: [None, its value]} of
    the fields given, the bookkeeping columns as create_state() sets them): (whether create_state() rebuilds its
    state — derivable() without building it: every other field holds its constant default, of the same type —,
    the `changed` text by reference when moreover its record row holds each value as exactly itself, else None).
    What depends only on the model and the fields given is worked out once per such set (bulk writes repeat it)."""
    key = (model, *changed)
    plan = _CREATE_PLANS.get(key)
    if plan is None:
        if len(_CREATE_PLANS) > 4096:
            _CREATE_PLANS.clear()
        plan = _CREATE_PLANS[key] = _create_plan(model, changed)
    not_given, defaults, types, ref, groups = plan
    if not_given is None:
        return False, None
    held = tuple(map(data.get, not_given))
    if held != defaults or tuple(map(type, held)) != types:  # one comparison for the usual case
        for value, default in zip(map(to_json_value, held), defaults):
            if value != default or type(value) is not type(default):
                return False, None
    if ref is None:
        return True, None
    for allowed, read, names in groups:  # text columns given text or NULL, integers integers…: nothing to check
        if not allowed.issuperset(map(type, map(_NEW, read(changed)))):
            if not round_trips(model, {name: changed[name][1] for name in names}):
                return True, None
    return True, ref


_CREATE_PLANS: dict = {}
_NEW = operator.itemgetter(1)


def _create_plan(model, changed: dict) -> tuple:
    """(the fields not given, or None when one has no constant default; their defaults as create_state() gives
    them; the types of those; the ref text;
    [(the types that need no check, reader of those fields' [old, new] pairs, their names)] — the fields given, by
    plain type: a text column's text or NULL…; for a column of no plain type (a date, JSON) only NULL, any other
    value is checked by round_trips()."""
    not_given = [(name, default) for name, default in create_defaults(model)
                 if name not in CREATE_META and name not in changed]
    fields, defaults = zip(*not_given) if not_given else ((), ())
    if any(default is NOT_CONSTANT for default in defaults):
        fields = None
    defaults = tuple(default() if default is list or default is dict else default for default in defaults)
    plain, by_kind = plain_columns(model), {}
    for name in changed:
        by_kind.setdefault(plain.get(name), []).append(name)
    groups = tuple((_NEED_NO_CHECK[kind], _reader(names), tuple(names))
                   for kind, names in by_kind.items())
    return fields, defaults, tuple(map(type, defaults)), _ref_text(model._meta.table_name, changed), groups


_NEED_NO_CHECK = {kind: frozenset((kind, type(None))) for kind in (str, int, bool)} | {None: frozenset((type(None),))}


def _reader(names: list[str]):
    """The values of these keys of a dict as a tuple (itemgetter gives a single key's value bare)."""
    get = operator.itemgetter(*names)
    return get if len(names) > 1 else (lambda row: (get(row),))


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
    changed = get("changed")
    if isinstance(changed, _Ref) and get("table") is not None and get("record_id") is not None:
        origin, seq = get("origin"), get("seq")
        if origin is not None and seq is not None:
            record = record_states(get("table"), [get("record_id")]).get(get("record_id"))
            changed = ref_changed(changed.stored, origin, seq, record)
            if isinstance(change, dict):
                change["changed"] = changed
            else:
                change.__data__["changed"] = changed
    if not isinstance(get("state"), _Derived) or isinstance(changed, _Ref):
        return
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


class IdField(peewee.TextField):
    """A change-log id column (change_id, origin, record_id): a UUID is stored as its 16 bytes where the engine
    can (models.engine.compact_id; docs/lean-storage.md rounds 4 and 5); every reader gets the text back."""

    def db_value(self, value):
        return compact_id(value)

    def python_value(self, value):
        return id_text(value)


class _CompactText(peewee.Field):
    """A change-log text column SQLite may store as an integer (docs/lean-storage.md round 5): declared with
    BLOB affinity there, so the integer is kept as one (a TEXT column would turn it back into text); TEXT on
    PostgreSQL (models.engine.PG_FIELD_TYPES). Every reader gets the text back."""

    field_type = COMPACT_TEXT


class StampField(_CompactText):
    """at: a UTC stamp as integer microseconds where that gives back the same text (models.engine.compact_stamp)."""

    def db_value(self, value):
        return compact_stamp(value)

    def python_value(self, value):
        return stamp_text(value)


class ClockField(_CompactText):
    """hlc: a clock stamp as one integer, in the same order (models.engine.compact_clock)."""

    def db_value(self, value):
        return compact_clock(value)

    def python_value(self, value):
        return clock_text(value)


class Change(LocalModel):
    change_id = IdField(primary_key=True)
    origin = IdField()
    seq = peewee.IntegerField()
    table = peewee.TextField()
    record_id = IdField(index=True)
    op = peewee.TextField()
    state = StateField()  # DERIVED ('') for a create that create_state() rebuilds
    changed = ChangedField()  # {field: [old, new]}; a create's: the compact array [field, new, …]
    base = JSONField()  # version vector the editor saw
    author = peewee.TextField()
    at = StampField()
    hlc = ClockField()

    class Meta:
        table_name = "change_log"
        indexes = ((("origin", "seq"), True),)

    @classmethod
    def select(cls, *fields):
        is_default = not fields
        return ChangeSelect(cls, fields or cls._meta.sorted_fields, is_default=is_default)


def text_row(row: tuple) -> tuple:
    """A change row read raw, columns in model order (change_id, origin, seq, table, record_id, op, state,
    changed, base, author, at, hlc), with its compactly stored columns as their text (export, import)."""
    change_id, origin, seq, table, record_id, op, state, changed, base, author, at, hlc = row
    return (id_text(change_id), id_text(origin), seq, table, id_text(record_id), op, state, changed, base, author,
            stamp_text(at), clock_text(hlc))


def stored_row(row: tuple) -> tuple:
    """text_row's inverse: a change row (model order) as a raw INSERT stores it."""
    change_id, origin, seq, table, record_id, op, state, changed, base, author, at, hlc = row
    return (compact_id(change_id), compact_id(origin), seq, table, compact_id(record_id), op, state, changed, base,
            author, compact_stamp(at), compact_clock(hlc))


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
