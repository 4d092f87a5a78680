"""A person's audit trail, read from the change log: who, when, which field, old → new.

    for entry in person_history(person_id): print(entry.when, entry.who, entry.what, entry.old, entry.new)

Covers the person row, its identities and its family members, newest first. A new record is one
entry (新建档案, its filled fields in `new`), not a row per field. `who` is the account's name;
a change made through the command line without an account says 命令行 (CLI_WHO).
"""
from __future__ import annotations

from dataclasses import dataclass

from models import vocab
from models.accounts import display_names
from models.changelog import Change
from models.fields import local_display
from models.installation import Village
from models.write import CLI_ACTOR
from models.person import (FIELD_LABELS, FIELD_VOCABULARY, MONEY_FIELDS, TABLE_LABELS, FamilyMember,
                           PersonIdentity)

CLI_WHO = "命令行（未登录账号）"
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
        who = who_label(change.author, names)
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
        if created:
            entries.append(HistoryEntry(change.at, when, who, section, "新建档案", "", created_fields(change.changed)))
            continue
        for field, (old, new) in sorted(change.changed.items()):
            if field in HIDDEN:
                continue  # bookkeeping columns say nothing
            label = FIELD_LABELS.get(field, field)
            if change.table != "person":
                label = f"{subject}：{label}"
            entries.append(HistoryEntry(change.at, when, who, section, label,
                                        show_value(field, old), show_value(field, new)))
    return entries


def who_label(author: str, names: dict[str, str]) -> str:
    """The account's display name; the command line's system actor said plainly."""
    if author == CLI_ACTOR.username:
        return CLI_WHO
    return names.get(author, author)


def created_fields(changed: dict) -> str:
    """'姓名：王建国；性别：男；…' — the filled fields of a new record, in the form's order."""
    order = list(FIELD_LABELS)
    fields = sorted((f for f in changed if f not in HIDDEN),
                    key=lambda f: order.index(f) if f in order else len(order))
    parts = [f"{FIELD_LABELS.get(f, f)}：{show_value(f, changed[f][1])}" for f in fields
             if show_value(f, changed[f][1]) != ""]
    return "；".join(parts)


def _subject(change: Change) -> str:
    state = change.state
    if change.table == "person_identity":
        return vocab.label("identity", state.get("category"))
    if change.table == "family_member":
        return f"{vocab.label('relation', state.get('relation'))} {state.get('name') or ''}".strip()
    return "档案" if change.table == "person" else ""
