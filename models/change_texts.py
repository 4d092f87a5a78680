"""A create's bundle texts put together from its values' JSON texts (lean storage round 6, docs/lean-storage.md §31).

    values = ref_value_texts(rows)[(origin, seq)]          # [(field, JSON text)] read from the record row
    state, changed = create_texts(table, record_id, origin, seq, author, at, values, with_state=True)

Exactly dumps(create_state(…)) and dumps(changed) of models.changelog, without building and encoding the dicts:
the export writes one per by-reference create.
"""
from __future__ import annotations

from models.changelog import CREATE_META, NOT_CONSTANT, create_defaults, ref_values, table_model
from models.fields import dumps, json_text


def ref_value_texts(rows: list[tuple[str, str, str, str, int]]) -> dict[tuple[str, int], list[tuple[str, str]]]:
    """resolve_refs() as [(field, its new value as JSON text), …] per create, without the dicts (for the export:
    create_texts() puts the lines' texts together from these)."""
    return {key: [(name, value_text(v)) for name, v in zip(names, values)] for key, names, values in ref_values(rows)}


def value_text(v) -> str:
    """A value as JSON text, exactly as dumps() writes it inside an object or array."""
    kind = type(v)
    if kind is str:
        return json_text(v)
    if v is None:
        return "null"
    if kind is int:
        return int.__repr__(v)
    if kind is bool:
        return "true" if v else "false"
    return dumps(v)


def create_texts(table: str, record_id: str, origin: str, seq: int, author: str, at: str,
                 values: list[tuple[str, str]], *, with_state: bool) -> tuple[str | None, str]:
    """(state text, changed text) of a create whose new values are `values` [(field, JSON text)]: exactly
    dumps(create_state(…)) and dumps(changed) (sorted keys, no spaces), put together from the texts instead of
    built as dicts and encoded again (the export writes one per create; docs/lean-storage.md §31). State None when
    not with_state, or when create_state() would give None (the caller then builds it from the dicts)."""
    changed_plan, state_plan = _text_plans(table, tuple(name for name, _ in values))
    slots = [text for _, text in values]
    changed = "".join([piece if type(piece) is str else slots[piece] for piece in changed_plan])
    if not with_state or state_plan is None:
        return None, changed
    quoted_origin, quoted_at, quoted_author = json_text(origin), json_text(at), json_text(author)
    slots += (json_text(record_id), quoted_origin, quoted_at, quoted_author, f"{{{quoted_origin}:{int.__repr__(seq)}}}")
    return "".join([piece if type(piece) is str else slots[piece] for piece in state_plan]), changed


_TEXT_PLANS: dict = {}
_META_SLOTS = {"id": 0, "origin": 1, "created_at": 2, "created_by": 3, "updated_at": 2, "updated_by": 3, "version": 4}


def _text_plans(table: str, names: tuple[str, ...]) -> tuple[list, list | None]:
    """The templates of create_texts() for a create of `table` giving `names` (in that order): the texts in key
    order, each piece a constant text or the index of a value (the given values, then id, origin, at, author,
    version). The state's is None when create_state() would not rebuild it (a default that is not a constant, a
    bookkeeping field among the values, an unknown table)."""
    key = (table, names)
    plans = _TEXT_PLANS.get(key)
    if plans is None:
        if len(_TEXT_PLANS) > 4096:
            _TEXT_PLANS.clear()
        at = {name: i for i, name in enumerate(names)}
        changed = []
        for n, name in enumerate(sorted(names)):
            changed += [("{" if n == 0 else ",") + json_text(name) + ":[null,", at[name], "]"]
        plans = _TEXT_PLANS[key] = (_merged(changed + ["}"] if names else ["{}"]), _state_template(table, at))
    return plans


def _state_template(table: str, at: dict[str, int]) -> list | None:
    model = table_model(table)
    if model is None or CREATE_META.intersection(at):
        return None
    meta = {name: len(at) + slot for name, slot in _META_SLOTS.items()}
    pieces = []
    for n, (name, default) in enumerate(sorted(create_defaults(model), key=lambda item: item[0])):
        pieces.append(("{" if n == 0 else ",") + json_text(name) + ":")
        if name in at:
            pieces.append(at[name])
        elif name in meta:
            pieces.append(meta[name])
        elif name in ("deleted_at", "deleted_reason"):
            pieces.append("null")
        elif default is NOT_CONSTANT:
            return None
        else:
            pieces.append(dumps(default() if default is list or default is dict else default))
    return _merged(pieces + ["}"])


def _merged(pieces: list) -> list:
    """Adjacent constant texts joined into one."""
    out = []
    for piece in pieces:
        if type(piece) is str and out and type(out[-1]) is str:
            out[-1] += piece
        else:
            out.append(piece)
    return out


