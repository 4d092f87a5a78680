"""The daily automatic backup, and the backups of a home described for people (when, why, how big).

    backup_if_due(home)          # after log-in: a 'daily' backup unless one is less than 24 h old
    for entry in backups(home):  # newest first
        entry.taken_at, entry.reason_label, entry.size
    latest_backup(home)          # the newest backup whose time is known, or None (the workbench's 最近备份)

The time and reason are read from the file name models.backup gives each backup
(vetstation-20261126-140312-123456-daily.vsbak; older plain ones end in .db), not from the file's mtime, which a copy changes.
Rotation (how many of each reason are kept) is models.backup's.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path

from models.backup import backup_database, list_backups, taken

DAILY = "daily"
DAILY_INTERVAL = dt.timedelta(hours=24)

REASON_LABELS = {
    "manual": "手动备份",
    DAILY: "每日自动备份",
    "before-restore": "恢复备份前自动保存",
    "import": "导入花名册前自动备份",
    "before-import": "导入数据包前自动备份",
}


@dataclass(frozen=True)
class BackupEntry:
    path: Path
    taken_at: dt.datetime | None  # local time, as models.backup names the file
    reason: str
    size: int

    @property
    def reason_label(self) -> str:
        return reason_label(self.reason)


def reason_label(reason: str) -> str:
    if reason in REASON_LABELS:
        return REASON_LABELS[reason]
    migration = re.fullmatch(r"before-migration-v(\d+)", reason)
    if migration:
        return f"升级数据结构前自动备份（原版本 {migration.group(1)}）"
    return reason


def describe(path: Path) -> BackupEntry:
    taken_at, reason = taken(path) or (None, "")
    try:
        size = path.stat().st_size
    except OSError:
        size = 0
    return BackupEntry(path, taken_at, reason, size)


def backups(home) -> list[BackupEntry]:
    """Every backup of the home, newest first."""
    entries = [describe(p) for p in list_backups(home)]
    return sorted(entries, key=lambda e: e.taken_at or dt.datetime.min, reverse=True)


def latest_backup(home) -> BackupEntry | None:
    """The newest backup that can be dated by its name; None when there is none (never a guess)."""
    dated = [entry for entry in backups(home) if entry.taken_at is not None and entry.size > 0]
    return dated[0] if dated else None


def backup_if_due(home, now: dt.datetime | None = None) -> Path | None:
    """Make the daily backup when the newest one is 24 h old (or none exists); else None.

    A newest backup dated after `now` means the PC's clock went back: back up rather than wait.
    """
    now = now or dt.datetime.now()
    dailies = [e.taken_at for e in backups(home) if e.reason == DAILY and e.taken_at is not None]
    if dailies:
        age = now - max(dailies)
        if dt.timedelta(0) <= age < DAILY_INTERVAL:
            return None
    return backup_database(home, reason=DAILY)
