"""A person's audit trail, read from the change log: who, when, which field, old → new.

    for entry in person_history(person_id): print(entry.when, entry.who, entry.what, entry.old, entry.new)

Covers the person row, its identities and its family members, newest first.
"""
from __future__ import annotations

from dataclasses import dataclass

from models import vocab
from models.accounts import display_names
from models.changelog import Change
from models.fields import local_display
from models.installation import Village
from models.person import (FIELD_LABELS, FIELD_VOCABULARY, MONEY_FIELDS, TABLE_LABELS, FamilyMember,
                           PersonIdentity)

HIDDEN = {"id", "origin", "created_at", "created_by", "updated_at", "updated_by", "version", "person",
          "station_code"}


@dataclass(frozen=True)
class HistoryEntry:
    at: str  # UTC ISO stamp
    when: str  # local time for display
    who: str
    section: str  # 基本信息 / 人员类别 / 家庭成员
    what: str  # field label, or the action for creates and deletes
    old: str
    new: str


def show_value(field: str, value) -> str:
    if value is None or value == "" or value == []:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if field in MONEY_FIELDS:
        return f"{value / 100:.2f} 元"
    if field == "village":
        village = Village.get_or_none(Village.id == value)
        return village.name if village else str(value)
    if field in FIELD_VOCABULARY:
        return vocab.label(FIELD_VOCABULARY[field], value)
    if field == "subtypes":
        return "、".join(vocab.PREFERENTIAL_SUBTYPES.get(s, s) for s in value)
    if isinstance(value, list):
        return "、".join(str(v) for v in value)
    return str(value)


def person_history(person_id: str) -> list[HistoryEntry]:
    children = [r for (r,) in PersonIdentity.select(PersonIdentity.id).where(PersonIdentity.person == person_id).tuples()]
    children += [r for (r,) in FamilyMember.select(FamilyMember.id).where(FamilyMember.person == person_id).tuples()]
    changes = (Change.select().where(Change.record_id.in_([person_id, *children]))
               .order_by(Change.hlc.desc(), Change.origin.desc()))
    names = display_names()
    entries: list[HistoryEntry] = []
    for change in changes:
        who = names.get(change.author, change.author)
        section = TABLE_LABELS.get(change.table, change.table)
        when = local_display(change.at)
        subject = _subject(change)
        if change.op == "tombstone":
            entries.append(HistoryEntry(change.at, when, who, section, f"删除{subject}",
                                        "", change.changed.get("deleted_reason", [None, ""])[1] or ""))
            continue
        created = change.base == {}
        if created and change.table != "person":
            entries.append(HistoryEntry(change.at, when, who, section, f"新增{subject}", "", ""))
            continue
        for field, (old, new) in sorted(change.changed.items()):
            if field in HIDDEN or (created and show_value(field, new) == ""):
                continue  # bookkeeping columns, and the empty fields of a new record, say nothing
            label = FIELD_LABELS.get(field, field)
            if change.table != "person":
                label = f"{subject}：{label}"
            entries.append(HistoryEntry(change.at, when, who, section, label,
                                        show_value(field, old), show_value(field, new)))
    return entries


def _subject(change: Change) -> str:
    state = change.state
    if change.table == "person_identity":
        return vocab.label("identity", state.get("category"))
    if change.table == "family_member":
        return f"{vocab.label('relation', state.get('relation'))} {state.get('name') or ''}".strip()
    return "档案" if change.table == "person" else ""
