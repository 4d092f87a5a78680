"""Where the exchange stands, in the words a person at the desk needs: for the exchange page and the CLI.

    exchange_status(home)          # keys ready? confirmed by the bureau up to …, unconfirmed, queues
    station_overview()             # bureau: each station's last exchange and what it is known to hold
    import_history()               # the stored import reports, newest first
    describe_conflict(conflict)    # record, field label, both sides with who/when/where, as text
    value_from_text(conflict, s)   # a value a user typed to resolve a conflict, checked and converted
    person_of(table, record_id)    # the person a reported record belongs to (for a link), or None

Read-only: nothing here writes. Resolutions go through models.conflicts.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models.accounts import display_names
from models.conflicts import DELETE_VS_EDIT, open_conflicts, open_duplicates
from models.errors import ValidationError
from models.held import held_count
from models.installation import Installation
from models.peers import BUREAU, ImportedBundle, Peer, get_peer
from sync.keys import load_keys
from sync.table_labels import TABLE_LABELS


def exchange_status(home) -> dict:
    """{kind, keys_ready, conflicts, duplicates, held, …}; a station adds what the bureau confirmed."""
    from sync.receipts import confirmation

    inst = Installation.get_current()
    status = {"kind": inst.kind, "keys_ready": load_keys(home) is not None, "conflicts": len(open_conflicts()),
              "duplicates": len(open_duplicates()), "held": held_count()}
    if not inst.is_bureau:
        peer = get_peer(BUREAU)
        status.update(confirmation())
        status["bureau_name"] = peer.name if peer else None
        status["last_import_at"] = peer.last_import_at if peer else None
    return status


def station_overview() -> list[dict]:
    """Bureau: one row per known station — last import/export, confirmed, held there, waiting to go."""
    from models.person import Person
    from sync.export import selection

    inst = Installation.get_current()
    rows = []
    for peer in Peer.select().where(Peer.kind == "station").order_by(Peer.code):
        known = peer.known or {}
        persons = Person.select().where((Person.station_code == peer.code) & Person.deleted_at.is_null()).count()
        rows.append({"code": peer.code, "name": peer.name, "enrolled": bool(peer.certificate),
                     "last_import_at": peer.last_import_at, "last_import_sequence": peer.last_import_sequence,
                     "last_export_at": peer.last_export_at, "confirmed_at": peer.confirmed_at,
                     "known_changes": sum(int(v) for v in known.values()), "persons": persons,
                     "pending": selection(inst, peer.code, peer).count()})
    return rows


def peer_names() -> dict[str, str]:
    """installation id -> its name (this installation's and every known peer's)."""
    names = {p.installation_id: p.name for p in Peer.select() if p.installation_id}
    inst = Installation.get_current()
    names[inst.id] = inst.name
    return names


def import_history(limit: int = 50) -> list[dict]:
    names = {p.code: p.name for p in Peer.select()}
    users = display_names()
    query = ImportedBundle.select().order_by(ImportedBundle.imported_at.desc()).limit(limit)
    return [{"bundle_hash": b.bundle_hash, "peer": b.peer, "peer_name": names.get(b.peer, b.peer),
             "sequence": b.sequence, "imported_at": b.imported_at,
             "imported_by": users.get(b.imported_by, b.imported_by), "report": b.report} for b in query]


def person_of(table: str, record_id: str) -> str | None:
    """The id of the person a record is (or belongs to), if that person is here; else None."""
    from models.person import Person
    from models.synced import model_for_table

    if table == "person":
        return record_id if Person.get_or_none(Person.id == record_id) else None
    try:
        model = model_for_table(table)
    except Exception:
        return None
    person_field = getattr(model, "person", None)
    if not isinstance(person_field, peewee.ForeignKeyField):
        return None
    row = model.select(person_field).where(model.id == record_id).tuples().first()
    return row[0] if row else None


def _field_label(table: str, field: str) -> str:
    from models.person import FIELD_LABELS

    if field == "deleted_at":
        return "删除"
    return FIELD_LABELS.get(field, field) if table in ("person", "family_member") else field


def display_value(table: str, field: str, value) -> str:
    from models import vocab
    from models.person import FIELD_VOCABULARY, MONEY_FIELDS

    if value is None or value == "" or value == []:
        return "（空）"
    if table == "person" and field in FIELD_VOCABULARY and isinstance(value, str):
        return vocab.label(FIELD_VOCABULARY[field], value)
    if table == "person" and field in MONEY_FIELDS and isinstance(value, int):
        return f"{value / 100:.2f} 元"
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def record_label(table: str, record_id: str) -> str:
    from models.person import Person

    person_id = person_of(table, record_id)
    person = Person.get_or_none(Person.id == person_id) if person_id else None
    kind = TABLE_LABELS.get(table, table)
    if person is None:
        return f"{kind} {record_id[:8]}"
    return person.name if table == "person" else f"{person.name} 的{kind}"


def describe_conflict(conflict) -> dict:
    """What the queue shows: record, field label, provisional value and each side (value, who, when, where)."""
    from models.fields import local_display

    places, users = peer_names(), display_names()
    sides = []
    for side in conflict.sides:
        author = side.get("author") or ""
        sides.append({"change_id": side.get("change_id"), "value": side.get("value"),
                      "text": display_value(conflict.table, conflict.field, side.get("value")),
                      "who": users.get(author, author), "where": places.get(side.get("origin"), "其他单位"),
                      "when": _when(side.get("at"), local_display)})
    return {"id": conflict.id, "kind": conflict.kind, "table": conflict.table, "record_id": conflict.record_id,
            "person_id": person_of(conflict.table, conflict.record_id),
            "record": record_label(conflict.table, conflict.record_id),
            "field": "删除与修改" if conflict.kind == DELETE_VS_EDIT else _field_label(conflict.table, conflict.field),
            "provisional": display_value(conflict.table, conflict.field, conflict.provisional),
            "detected_at": _when(conflict.detected_at, local_display), "sides": sides}


def _when(stamp, local_display) -> str:
    try:
        return local_display(stamp) if stamp else ""
    except ValueError:
        return str(stamp)


def value_from_text(conflict, text: str):
    """Turn what a user typed into the value to keep; raise ValidationError with a sentence if it is wrong."""
    from models import vocab
    from models.person import FIELD_LABELS, FIELD_VOCABULARY, MONEY_FIELDS, Person
    from models.registry import DATE_FIELDS, EDITABLE, validate_person

    text = (text or "").strip()
    if conflict.table != "person" or conflict.field not in EDITABLE:
        return text or None
    field, label = conflict.field, FIELD_LABELS.get(conflict.field, conflict.field)
    value: object = text or None
    try:
        if value is not None and field in FIELD_VOCABULARY:
            value = vocab.code_for_label(FIELD_VOCABULARY[field], text)
            if value is None:
                raise ValidationError({field: f"{label}的值「{text}」不在可选范围内"})
        elif value is not None and field in DATE_FIELDS:
            value = dt.date.fromisoformat(text)
        elif value is not None and field in MONEY_FIELDS:
            value = round(float(text.replace("元", "")) * 100)
    except ValueError:
        raise ValidationError({field: f"{label}的格式不对（日期写作 2026-11-26，金额写作 1200.50）"}) from None
    person = Person.get_or_none(Person.id == conflict.record_id)
    cleaned = validate_person({field: value}, existing=person)
    return cleaned.get(field, value)
