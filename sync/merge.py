"""Merging: a record's state as a function of the SET of changes held for it, never their order.

    merged = merge_record(Person, changes, bureau_origin)   # pure: same set → same result everywhere
    merged.state, merged.conflicts, merged.parallel

Rules (DESIGN.md §3, details in docs/sync.md):
- A change "saw" another when its base vector covers it (or it came later from the same origin).
- A create (empty base) writes every field of its state; an update writes the fields in `changed`.
- For each field, the heads are the writers no other writer saw. The value is the head with the
  greatest (hlc, origin) — for bureau-owned tables a bureau head first (provisional).
- Heads with different values are a conflict entry; a later write that saw all heads (a named
  user's resolution) leaves one head and so closes it everywhere.
- A deleted record with an edit the deletion did not see is a delete-vs-edit conflict: the record
  stays deleted provisionally, nothing is silently resurrected or lost.
- Meta columns: origin/created_* from the first create, updated_* from the newest change, version
  = {origin: highest seq} of the changes held.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field

from models.base import META_FIELDS

DELETED = "deleted_at"


@dataclass(eq=False)
class Ch:
    """One change as the merge sees it (a row of the change log or a line of a bundle)."""

    change_id: str
    origin: str
    seq: int
    table: str
    record_id: str
    op: str
    state: dict
    changed: dict
    base: dict
    author: str
    at: str
    hlc: str

    @property
    def key(self) -> tuple[str, str]:
        return (self.hlc, self.origin)

    def wrote(self, name: str) -> bool:
        return name in self.changed or (not self.base and name in self.state)

    def saw(self, other: "Ch") -> bool:
        if self is other:
            return False
        if self.origin == other.origin:
            return self.seq > other.seq
        return self.base.get(other.origin, 0) >= other.seq

    def as_row(self) -> dict:
        return {k: getattr(self, k) for k in ("change_id", "origin", "seq", "table", "record_id", "op",
                                              "state", "changed", "base", "author", "at", "hlc")}


@dataclass
class Conflict:
    field: str
    kind: str  # field | delete_vs_edit
    sides: list[dict]
    provisional: object

    @property
    def id(self) -> str:
        return conflict_id(self.field, self.sides)


@dataclass
class Merged:
    state: dict
    conflicts: list[Conflict] = field(default_factory=list)
    parallel: bool = False


def conflict_id(field_name: str, sides: list[dict]) -> str:
    text = field_name + "|" + "|".join(sorted(s["change_id"] for s in sides))
    return hashlib.sha256(text.encode()).hexdigest()[:32]


def _norm(name: str, value):
    if name == DELETED:
        return value is not None
    return json.dumps(value, sort_keys=True, ensure_ascii=False)


def _heads(writers: list[Ch]) -> list[Ch]:
    if len(writers) == 1:
        return writers
    return [c for c in writers if not any(d.saw(c) for d in writers)]


def _side(c: Ch, value) -> dict:
    return {"change_id": c.change_id, "origin": c.origin, "seq": c.seq, "hlc": c.hlc, "author": c.author,
            "at": c.at, "value": value}


_ALLOWED: dict[int, tuple[list, frozenset]] = {}


def _allowed(fields: list[str]) -> frozenset:
    """The keys a single change's state may have to be copied whole: content, meta, deletion."""
    entry = _ALLOWED.get(id(fields))
    if entry is None or entry[0] is not fields:
        entry = _ALLOWED[id(fields)] = (fields, frozenset(fields) | set(META_FIELDS) | {DELETED, "deleted_reason"})
        if len(_ALLOWED) > 64:
            _ALLOWED.clear()
            _ALLOWED[id(fields)] = entry
    return entry[1]


def merge_record(fields: list[str], changes: list[Ch], *, bureau_owned: bool = False,
                 bureau_origin=None) -> Merged:
    """The record's state from all changes held for it (fields: content fields of its model).
    bureau_origin: the bureau's origin id, or all of them (a restored bureau carries on under a new one)."""
    if len(changes) == 1:  # the common case (a record met for the first time): its one state
        only = changes[0]
        written = only.state
        if written.keys() <= _allowed(fields):  # as written by a sender of our version: copy it
            state = dict(written)
        else:
            state = {name: written[name] for name in fields if name in written}
            for name in (DELETED, "deleted_reason"):
                if name in written:
                    state[name] = written[name]
        state.update({"id": only.record_id, "origin": written.get("origin") if only.base else only.origin,
                      "created_at": written.get("created_at"), "created_by": written.get("created_by"),
                      "updated_at": written.get("updated_at"), "updated_by": written.get("updated_by"),
                      "version": {only.origin: only.seq}})
        return Merged(state)
    changes = sorted(changes, key=lambda c: c.key)
    bureaus = (bureau_origin,) if isinstance(bureau_origin, str) else (bureau_origin or ())  # no copy per record
    newest = changes[-1]
    creates = [c for c in changes if not c.base]
    first = creates[0] if creates else changes[0]
    state = {"id": newest.record_id, "origin": first.origin if creates else first.state.get("origin"),
             "created_at": first.state.get("created_at"), "created_by": first.state.get("created_by"),
             "updated_at": newest.state.get("updated_at"), "updated_by": newest.state.get("updated_by")}
    version: dict[str, int] = {}
    for c in changes:
        if c.seq > version.get(c.origin, 0):
            version[c.origin] = c.seq
    state["version"] = version
    if len(changes) == 1:
        for name in fields + [DELETED, "deleted_reason"]:
            if name in newest.state:
                state[name] = newest.state[name]
        return Merged(state)
    conflicts: list[Conflict] = []
    winners: dict[str, Ch] = {}
    for name in fields + [DELETED, "deleted_reason"]:
        writers = [c for c in changes if c.wrote(name)]
        if not writers:
            if name in newest.state:
                state[name] = newest.state[name]
            continue
        heads = _heads(writers)
        pool = heads
        if bureau_owned and bureau_origin:
            pool = [h for h in heads if h.origin in bureaus] or heads
        winner = max(pool, key=lambda c: c.key)
        winners[name] = winner
        state[name] = winner.state.get(name)
        if len(heads) > 1 and name != "deleted_reason":
            if len({_norm(name, h.state.get(name)) for h in heads}) > 1:
                conflicts.append(Conflict(name, "field", [_side(h, h.state.get(name)) for h in heads],
                                          state[name]))
    if state.get(DELETED) is not None and DELETED in winners:
        tomb = winners[DELETED]
        edits = [c for c in changes if not c.wrote(DELETED) and not tomb.saw(c) and not c.saw(tomb)]
        edits = [c for c in edits if not any(d.saw(c) for d in edits)]
        if edits and not any(c.kind == "field" and c.field == DELETED for c in conflicts):
            sides = [_side(tomb, {"deleted_at": tomb.state.get(DELETED),
                                  "deleted_reason": tomb.state.get("deleted_reason")})]
            sides += [_side(c, {k: v[1] for k, v in c.changed.items()}) for c in edits]
            conflicts.append(Conflict(DELETED, "delete_vs_edit", sides, state[DELETED]))
    record_heads = _heads(changes)
    parallel = False
    if len(record_heads) > 1 and not conflicts:
        contents = {json.dumps({k: h.state.get(k) for k in fields}, sort_keys=True, ensure_ascii=False)
                    for h in record_heads}
        parallel = len(contents) > 1
    return Merged(state, conflicts, parallel)


def content_fields(model) -> list[str]:
    return [f.name for f in model._meta.sorted_fields
            if f.name not in META_FIELDS and f.name not in model.derived_fields]
