"""Encrypted backups of a home (database, attachments, settings, keys), rotated, and restore in one action.

    path = backup_database(home, reason="daily")               # backups/vetstation-…-daily.vsbak
    backup_database(home, reason="manual", out=Path("E:/x.vsbak"))
    about = describe_backup(home, path)                         # installation, taken_at, persons, cases
    restore_database(home, path)                                # the current data is backed up first
    restore_database(home, path, key_file=Path("escrow.txt"))   # a replacement PC: the bureau's escrow key
    backup_database(home, actor=head); restore_database(home, path, actor=head)   # a person's: checked, audited

Entry points for other parts: `backup_database` (make_backup) and `restore_database` (restore_backup).
With an `actor` (a person or `cli` asking for it), the permission table decides (models.permissions:
backup, restore) and the act is audited; automatic backups (daily, before migrations, imports and
restores) have none.

Every backup is encrypted (models.backup_file, models.backup_keys): no backup file holds a readable
ID number. A restore carries on under a new change origin (models.origins), so no change number that
may already have left this PC is used twice. Older plain backups (bare SQLite files) still restore.
Taking and rotating backups is models.backup_take (a floor lower, because migrations back up
first); this module adds restoring, which opens the database again (models.db), and re-exports
backup_take's names, so models.backup stays the one place the rest of the program asks.
"""
from __future__ import annotations

import datetime as dt
import errno
import os
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from models import backup_keys
from models.audit import record
from models.backup_file import BackupFailed, clean_staging, disk_sentence, facts_of, kind_of, opened_backup, staging
from models.backup_take import (KEEP_DAYS, KEEP_MONTHS, KEEP_PER_REASON, KEEP_WEEKS, remove_database_file,
                                backup_database, kept_daily, list_backups, list_backups_in, taken)
from models import engine
from models.db import close_database, db, open_database
from models.durable_files import sync_folder
from models.origins import origin_state
from models.permissions import require
from models.restore_duty import owe_new_origin, owe_new_origin_here

__all__ = ["BackupFailed", "backup_database", "restore_database", "describe_backup", "list_backups",
           "list_backups_in", "taken", "kept_daily", "KEEP_PER_REASON", "KEEP_DAYS", "KEEP_WEEKS", "KEEP_MONTHS"]


def describe_backup(home, backup: Path, *, key_file: Path | None = None) -> dict:
    """What a backup holds (installation, taken_at, persons, cases), without changing anything."""
    backup = Path(backup)
    if not backup.exists():
        raise BackupFailed(f"找不到备份文件：{backup}")
    kind = kind_of(backup)
    if kind == "plain":
        facts = facts_of(backup, "")
        facts["taken_at"] = dt.datetime.fromtimestamp(backup.stat().st_mtime).isoformat(timespec="seconds")
        facts["encrypted"] = False
        return facts
    if kind != "encrypted":
        raise BackupFailed(f"这不是 vetstation 备份文件：{backup.name}，未作任何改动。")
    with opened_backup(backup, _identities(home, key_file), home) as archive:
        return dict(archive.about, encrypted=True)


def held_sentence(about: dict) -> str:
    """What a backup holds, in one sentence (describe_backup's facts), said before a restore."""
    inst = about.get("installation") or {}
    unit = inst.get("name") or "（未初始化）"
    if inst.get("station_code"):
        unit += f"（服务站代码 {inst['station_code']}）"
    return (f"备份内容：{unit}，备份时间 {about.get('taken_at') or '不详'}，在册人员 {about.get('persons', '不详')} 人，"
            f"事项 {about.get('cases', '不详')} 件{'' if about.get('encrypted', True) else '（旧格式，未加密）'}。")


def _identities(home, key_file):
    try:
        found = backup_keys.identities(home, key_file)
    except OSError as exc:
        raise BackupFailed(f"无法读取密钥文件 {key_file}：{exc.strerror or exc}") from None
    if key_file is not None and not backup_keys.identities_in(Path(key_file).read_text("utf-8", errors="replace")):
        raise BackupFailed(f"密钥文件 {key_file} 中没有 age 密钥（AGE-SECRET-KEY-…），未作任何改动。")
    if not found:
        raise BackupFailed("本机没有能打开备份的密钥。请用 --identity 指定局里离线保管的托管密钥文件。")
    return found


def restore_database(home, backup: Path, *, actor=None, key_file: Path | None = None) -> Path | None:
    """Replace this home's data by the backup's; the current data is backed up first (returned; None
    when the home was empty — a replacement PC). Afterwards the installation carries on under a new
    change origin, so nothing that already left this PC is numbered twice."""
    if actor is not None:
        require(actor, "restore", target=Path(backup).name)
    backup = Path(backup)
    if not backup.exists():
        raise BackupFailed(f"找不到备份文件：{backup}")
    kind = kind_of(backup)
    if kind == "unknown":
        raise BackupFailed(f"这不是 vetstation 备份文件：{backup.name}，未作任何改动。")
    clean_staging(home, "restore-")
    restored = staging(home) / f"restore-{dt.datetime.now():%Y%m%d-%H%M%S-%f}.db"
    try:
        if kind == "plain":
            _copy_durably(backup, restored)
            safety = _swap(home, backup, restored, None)
        else:
            with opened_backup(backup, _identities(home, key_file), home) as archive:
                archive.extract("vetstation.db", restored)
                safety = _swap(home, backup, restored, archive)
    except (OSError, sqlite3.Error) as exc:
        raise BackupFailed(f"恢复失败（{disk_sentence(exc)}），数据库未作任何改动。") from None
    finally:
        remove_database_file(restored)
    open_database(home)  # finishes the restore: carries on under a new origin (finish_restore)
    if actor is not None:
        record("restore", actor=actor, target=backup.name, detail={"file": str(backup), "safety": str(safety)})
    return safety


def _copy_durably(source: Path, dest: Path) -> None:
    with open(source, "rb") as src, open(dest, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def _swap(home, backup: Path, restored: Path, archive):
    """Check the restored copy, back up the current data, give the copy its duty to carry on under a
    new origin (written into the copy itself, so a process killed after the swap still does it at the
    next start), then put it in place with one rename."""
    with closing(sqlite3.connect(str(restored))) as check:
        if check.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
            raise BackupFailed(f"备份文件已损坏，未恢复：{backup.name}")
    before = origin_state()
    safety = backup_database(home, reason="before-restore") if before is not None else None
    if archive is not None:
        _put_files(home, archive)  # only files the home lacks: harmless if the swap never happens
    if engine.is_postgres():  # the server's rows are replaced in one transaction, the duty with them
        with db.atomic():
            engine.replace_contents(restored)
            owe_new_origin_here(before)
        return safety
    owe_new_origin(restored, before)
    close_database()
    for suffix in ("-wal", "-shm"):
        Path(str(home.database) + suffix).unlink(missing_ok=True)
    try:
        os.replace(restored, home.database)
    except OSError as exc:
        if exc.errno != errno.EXDEV and getattr(exc, "winerror", None) != 17:  # backups/ on another drive
            raise
        partial = home.database.with_suffix(".restore.part")
        _copy_durably(restored, partial)
        os.replace(partial, home.database)
    sync_folder(home.database.parent)
    return safety


def _put_files(home, archive) -> None:
    """Attachments the home lacks; keys only where the home has none (a replacement PC): a home's own
    keys are never replaced by older ones."""
    for name in archive.entries("attachments") + archive.entries("keys"):
        sub, rest = name.split("/", 1)
        target = home.folder(sub) / rest
        if target.exists():
            continue
        if sub == "keys":
            backup_keys.write_secret(target, archive.zf.read(name))
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            tmp = target.with_name(target.name + ".part")
            archive.extract(name, tmp)
            tmp.replace(target)
