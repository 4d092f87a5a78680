"""Option lists the bureau may edit: service categories, visit types, dispute types and sources,
hardship types, fund sources, the aid documents checklist and the contact-tier cadence.

    choices("visit_type")                     # [('festival', '节日慰问'), …] active items, in order
    label("fund_source", "donation")          # '社会捐助'
    setting("contact_cadence", "key", "days") # 30
    save_option("visit_type", "flood", "洪涝灾害", actor=bureau_actor)

Defaults come from resources/defaults/options.json and need no seeding: a stored Option (a synced
record whose id is "<list>.<code>", so two installations editing the same item edit the same
record) overrides the default item with that code, or adds a new one. Items are retired
(active=False), never removed, so old records keep their label.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import peewee

from models.base import SyncedModel
from models.errors import ValidationError
from models.fields import JSONField
from models.permissions import require
from models.resources import default_data
from models.write import Actor, OpChanges, writing



class Option(SyncedModel):
    list_code = peewee.TextField(index=True)
    code = peewee.TextField()
    label = peewee.TextField()
    position = peewee.IntegerField(default=0)
    active = peewee.BooleanField(default=True)
    extra = JSONField(default=dict)  # per-list settings: {"days": 30}, {"required": true}


@dataclass(frozen=True)
class OptionItem:
    code: str
    label: str
    position: int
    active: bool = True
    extra: dict = field(default_factory=dict)


def lists() -> dict[str, str]:
    """list code -> 中文 name of every option list."""
    return {code: spec["label"] for code, spec in default_data("options")["lists"].items()}


def items(list_code: str, *, include_inactive: bool = False) -> list[OptionItem]:
    spec = default_data("options")["lists"].get(list_code)
    if spec is None:
        raise ValueError(f"unknown option list {list_code!r}")
    merged: dict[str, OptionItem] = {}
    for position, raw in enumerate(spec["items"]):
        extra = {k: v for k, v in raw.items() if k not in ("code", "label")}
        merged[raw["code"]] = OptionItem(raw["code"], raw["label"], position * 10, True, extra)
    for row in Option.live().where(Option.list_code == list_code):
        default = merged.get(row.code)
        extra = {**(default.extra if default else {}), **(row.extra or {})}
        merged[row.code] = OptionItem(row.code, row.label, row.position, row.active, extra)
    found = sorted(merged.values(), key=lambda i: (i.position, i.code))
    return found if include_inactive else [i for i in found if i.active]


def choices(list_code: str) -> list[tuple[str, str]]:
    return [(i.code, i.label) for i in items(list_code)]


def labels(list_code: str) -> dict[str, str]:
    """code -> label, retired items included (for showing old records)."""
    return {i.code: i.label for i in items(list_code, include_inactive=True)}


def label(list_code: str, code: str | None) -> str:
    return labels(list_code).get(code, code or "") if code else ""


def is_option(list_code: str, code: str | None) -> bool:
    """Whether `code` may be chosen for a new record (active items only)."""
    return any(i.code == code for i in items(list_code))


def setting(list_code: str, code: str, key: str, default=None):
    for item in items(list_code, include_inactive=True):
        if item.code == code:
            return item.extra.get(key, default)
    return default


def save_option(list_code: str, code: str, label_text: str, *, position: int | None = None, active: bool = True,
                extra: dict | None = None, actor: Actor) -> OpChanges:
    """Add, relabel, reorder or retire an item; only the bureau edits option lists."""
    require(actor, "manage_options", target=f"{list_code}.{code}")
    if list_code not in lists():
        raise ValidationError({"list_code": "没有这个选项列表"})
    code = (code or "").strip()
    label_text = (label_text or "").strip()
    problems = {}
    if not code or not code.isascii() or " " in code:
        problems["code"] = "选项代码请用英文字母、数字或下划线"
    if not label_text:
        problems["label"] = "请填写选项名称"
    if problems:
        raise ValidationError(problems)
    current = {i.code: i for i in items(list_code, include_inactive=True)}
    if position is None:
        position = current[code].position if code in current else max([i.position for i in current.values()] + [0]) + 10
    values = {"list_code": list_code, "code": code, "label": label_text, "position": position, "active": bool(active),
              "extra": extra if extra is not None else (current[code].extra if code in current else {})}
    record_id = f"{list_code}.{code}"
    with writing(actor) as w:
        existing = Option.get_or_none(Option.id == record_id)
        if existing is None:
            w.create(Option, values, record_id=record_id)
        else:
            w.update(existing, values)
    if not w.changes.empty:
        from models.audit import record

        record("user_change", actor=actor, target=record_id,
               detail={"change": "option", "label": label_text, "active": bool(active), "position": position})
    return w.changes
