"""Backups of the database (SQLite online backup API), rotated, and restore in one action.

    path = backup_database(home, reason="daily")
    restore_database(home, path)   # the current file is itself backed up first
    backup_database(home, actor=head); restore_database(home, path, actor=head)   # a person's: checked, audited

With an `actor` (a person or `cli` asking for it), the permission table decides (models.permissions:
backup, restore) and the act is audited; automatic backups (daily, before migrations, imports and
restores) have none.
"""
from __future__ import annotations

import datetime as dt
import shutil
import sqlite3
from pathlib import Path

from models.db import backup_to, close_database, open_database
from models.errors import DomainError
from models.origins import carry_on_under_new_origin, origin_state

KEEP_PER_REASON = 10


class BackupFailed(DomainError):
    code = "backup_failed"


def backup_database(home, *, reason: str = "manual", actor=None) -> Path:
    if actor is not None:
        from models.permissions import require
        require(actor, "backup")
    folder = home.backups
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = folder / f"vetstation-{stamp}-{reason}.db"
    partial = target.with_suffix(".db.part")
    try:
        backup_to(partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise BackupFailed(f"备份失败：{exc}。数据库未受影响，请检查磁盘空间。") from None
    _rotate(folder, reason)
    if actor is not None:
        from models.audit import record
        record("backup", actor=actor, target=target.name, detail={"file": str(target), "reason": reason})
    return target


def _rotate(folder: Path, reason: str) -> None:
    same = sorted(folder.glob(f"vetstation-*-{reason}.db"))
    for old in same[:-KEEP_PER_REASON]:
        old.unlink(missing_ok=True)


def list_backups(home) -> list[Path]:
    return sorted(home.backups.glob("vetstation-*.db"), reverse=True)


def restore_database(home, backup: Path, *, actor=None) -> Path:
    """Replace the database by `backup`; the current state is saved first and returned."""
    if actor is not None:
        from models.permissions import require
        require(actor, "restore", target=Path(backup).name)
    if not backup.exists():
        raise BackupFailed(f"找不到备份文件：{backup}")
    with sqlite3.connect(str(backup)) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed(f"备份文件已损坏，未恢复：{backup.name}")
    safety = backup_database(home, reason="before-restore")
    before = origin_state()
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(home.database) + suffix).unlink(missing_ok=True)
    partial = home.database.with_suffix(".restore.part")
    shutil.copyfile(backup, partial)
    partial.replace(home.database)
    open_database(home)
    carry_on_under_new_origin(before, reason="restore")
    if actor is not None:
        from models.audit import record
        record("restore", actor=actor, target=Path(backup).name, detail={"file": str(backup), "safety": str(safety)})
    return safety

