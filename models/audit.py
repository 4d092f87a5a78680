"""The audit trail: who logged in, failed, was locked out or refused, exported, printed, unmasked,
exchanged bundles, backed up, restored, or changed an account or an option list.

    record("export", actor=actor, target="名单.xlsx", detail={"persons": 120, "full_id": False})
    entries(AuditFilter(user="wangfang", action="print", since=dt.date(2026, 11, 1)))   # newest first
    as_json(entry)   # {"at": …, "user": …, "action": …, "target": …, "detail": {…}}

Entries are synced records (created once, never updated or deleted: this module offers no other
write), stamped with the station's code, so they travel to the bureau with the station's bundles
like any other change and the bureau holds every station's trail (the bureau's own entries carry
no station code and stay at the bureau). Each entry is written in its own transaction, so a
refusal is recorded even though the refused work never starts.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models.base import SyncedModel
from models.fields import JSONField, local_display
from models.write import Actor, writing

# action code -> 中文, in the order the audit page offers them
ACTIONS = {
    "login": "登录",
    "login_failed": "登录失败",
    "locked": "账号锁定",
    "denied": "拒绝操作",
    "export": "导出",
    "print": "打印",
    "bundle_export": "导出数据包",
    "bundle_import": "导入数据包",
    "backup": "备份",
    "restore": "恢复",
    "unmask": "查看完整号码",
    "user_change": "账号或设置变更",
}


class AuditEntry(SyncedModel):
    station_code = peewee.TextField(null=True)  # where it happened; None at the bureau
    action = peewee.TextField()
    target = peewee.TextField(null=True)         # a file, a record id, an account, a bundle
    detail = JSONField(default=dict)

    class Meta:
        table_name = "audit_entry"
        indexes = ((("action", "created_at"), False), (("created_by", "created_at"), False))


def record(action: str, *, actor: Actor, target: str | None = None, detail: dict | None = None) -> None:
    """Append one entry (in its own transaction). Before the home is set up there is nothing to audit."""
    from models.installation import current

    if action not in ACTIONS:
        raise KeyError(action)
    installation = current()
    if installation is None:
        return
    with writing(actor) as w:
        w.create(AuditEntry, {"station_code": None if installation.is_bureau else installation.station_code,
                              "action": action, "target": target, "detail": dict(detail or {})})


@dataclass(frozen=True)
class AuditFilter:
    user: str | None = None
    action: str | None = None
    target: str | None = None          # a record id, file or account (exact), or part of it
    since: dt.date | None = None       # local dates, inclusive
    until: dt.date | None = None
    station_code: str | None = None


def _utc_bound(day: dt.date) -> str:
    """Local midnight of `day` as the stored UTC text."""
    local = dt.datetime.combine(day, dt.time()).astimezone()
    return local.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%S")


def query(f: AuditFilter = AuditFilter()) -> peewee.ModelSelect:
    q = AuditEntry.select()
    if f.user:
        q = q.where(AuditEntry.created_by == f.user)
    if f.action:
        if f.action not in ACTIONS:
            from models.errors import ValidationError

            known = "、".join(f"{code}（{label}）" for code, label in ACTIONS.items())
            raise ValidationError({"action": f"没有这种审计动作：{f.action}。可选：{known}"})
        q = q.where(AuditEntry.action == f.action)
    if f.target:
        q = q.where(AuditEntry.target.contains(f.target))
    if f.since:
        q = q.where(AuditEntry.created_at >= _utc_bound(f.since))
    if f.until:
        q = q.where(AuditEntry.created_at < _utc_bound(f.until + dt.timedelta(days=1)))
    if f.station_code:
        q = q.where(AuditEntry.station_code == f.station_code)
    return q.order_by(AuditEntry.created_at.desc(), AuditEntry.id.desc())


def entries(f: AuditFilter = AuditFilter(), *, offset: int = 0, limit: int | None = None) -> list[AuditEntry]:
    q = query(f)
    if limit is not None:
        q = q.offset(offset).limit(limit)
    return list(q)


def count(f: AuditFilter = AuditFilter()) -> int:
    return query(f).count()


def as_json(entry: AuditEntry) -> dict:
    return {"at": entry.created_at, "user": entry.created_by, "action": entry.action,
            "target": entry.target, "detail": entry.detail or {}}


def describe(entry: AuditEntry) -> str:
    """One line for a person: 2026-11-26 09:30 wangfang 导出 名单.xlsx （persons=120 …）."""
    detail = "，".join(f"{k}={v}" for k, v in (entry.detail or {}).items())
    return " ".join(p for p in (local_display(entry.created_at), entry.created_by, ACTIONS.get(entry.action, entry.action),
                                entry.target or "", f"（{detail}）" if detail else "") if p)
