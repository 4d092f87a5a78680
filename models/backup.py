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
Rotation: automatic daily backups keep the newest of each of the last 7 days, 4 weeks and 12 months;
every other kind keeps its newest KEEP_PER_REASON.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import errno
import json
import os
import re
import shutil
import sqlite3
from contextlib import closing
from pathlib import Path

from models import backup_keys
from models.backup_file import (SUFFIX, BackupFailed, clean_staging, disk_sentence, facts_of, kind_of,
                                opened_backup, staging, write_backup)
from models.db import backup_to, close_database, open_database
from models.durable_files import discard, sync_folder
from models.origins import OriginState, carry_on_under_new_origin, origin_state

__all__ = ["BackupFailed", "backup_database", "restore_database", "describe_backup", "list_backups"]

KEEP_PER_REASON = 10
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
_STAMP = re.compile(r"vetstation-(\d{8}-\d{6}-\d{6})-(.+)\.(?:db|vsbak)")


def backup_database(home, *, reason: str = "manual", actor=None, out: Path | None = None) -> Path:
    if actor is not None:
        from models.permissions import require
        require(actor, "backup")
    folder = home.backups
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = Path(out) if out else folder / f"vetstation-{stamp}-{reason}{SUFFIX}"
    if target.suffix != SUFFIX and out:
        target = target.with_name(target.name + SUFFIX)
    snapshot = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        # plaintext a killed backup or restore left; a restore's own backup leaves the restore's files alone
        clean_staging(home, "backup-", "snapshot-", *(() if reason == "before-restore" else ("restore-",)))
        recipients = backup_keys.recipients(home)
        snapshot = staging(home) / f"snapshot-{stamp}.db"
        backup_to(snapshot)
        facts = facts_of(snapshot, reason)
        facts["taken_at"] = dt.datetime.now().isoformat(timespec="seconds")
        write_backup(home, snapshot, target, facts, recipients)
    except OSError as exc:
        raise BackupFailed(f"备份失败（{disk_sentence(exc)}）：{target.name} 未写成，数据库和以前的备份都未受影响。") from None
    except sqlite3.Error as exc:
        raise BackupFailed(f"备份失败（{disk_sentence(exc)}）：数据库和以前的备份都未受影响。") from None
    finally:
        if snapshot is not None:
            _remove_database_file(snapshot)
    if not out:
        _rotate(folder, reason)
    if actor is not None:
        from models.audit import record
        record("backup", actor=actor, target=target.name, detail={"file": str(target), "reason": reason})
    return target


def _remove_database_file(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        discard(Path(str(path) + suffix))


def taken(path: Path) -> tuple[dt.datetime, str] | None:
    """(local time taken, reason) as the backup's file name says, or None for a name this module did not give."""
    found = _STAMP.fullmatch(path.name)
    if not found:
        return None
    return dt.datetime.strptime(found.group(1), "%Y%m%d-%H%M%S-%f"), found.group(2)


def kept_daily(stamps: list[dt.datetime]) -> set[dt.datetime]:
    """Grandfather-father-son: the newest backup of each of the last 7 days, 4 ISO weeks, 12 months."""
    keep: set[dt.datetime] = set()
    for key, limit in ((lambda t: t.date(), KEEP_DAYS), (lambda t: t.isocalendar()[:2], KEEP_WEEKS),
                       (lambda t: (t.year, t.month), KEEP_MONTHS)):
        newest: dict = {}
        for stamp in sorted(stamps, reverse=True):
            newest.setdefault(key(stamp), stamp)
        keep.update(sorted(newest.values(), reverse=True)[:limit])
    return keep


def _rotate(folder: Path, reason: str) -> None:
    same = [(t, p) for p in list_backups_in(folder) if (found := taken(p)) and found[1] == reason
            for t in [found[0]]]
    if reason == "daily":
        keep = kept_daily([t for t, _ in same])
        doomed = [p for t, p in same if t not in keep]
    else:
        doomed = [p for _, p in sorted(same)[:-KEEP_PER_REASON]]
    for old in doomed:
        old.unlink(missing_ok=True)


def list_backups_in(folder: Path) -> list[Path]:
    return sorted([*folder.glob("vetstation-*.db"), *folder.glob(f"vetstation-*{SUFFIX}")], reverse=True)


def list_backups(home) -> list[Path]:
    return list_backups_in(home.backups)


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
        from models.permissions import require
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
        _remove_database_file(restored)
    open_database(home)  # finishes the restore: carries on under a new origin (finish_restore)
    if actor is not None:
        from models.audit import record
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
    _owe_new_origin(restored, before)
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


_PENDING = "restore_pending"


def _owe_new_origin(restored: Path, before) -> None:
    """Write into the restored copy what the installation was before (models.origins.OriginState), in
    rollback-journal mode so the copy is one complete file when renamed into place."""
    con = sqlite3.connect(str(restored), isolation_level=None)
    try:
        con.execute("PRAGMA journal_mode=DELETE")
        con.execute("BEGIN")
        con.execute(f"CREATE TABLE IF NOT EXISTS {_PENDING} (state TEXT)")
        con.execute(f"DELETE FROM {_PENDING}")
        con.execute(f"INSERT INTO {_PENDING} VALUES (?)",
                    (json.dumps(dataclasses.asdict(before) if before else None),))
        con.execute("COMMIT")
    finally:
        con.close()


def finish_restore() -> None:
    """After a restore (called by models.db.open_database once the schema is current): carry on under a
    new change origin and drop the duty, in one transaction — done exactly once, even when the
    restoring process was killed right after the database was put in place."""
    from models.db import db

    if not db.table_exists(_PENDING):
        return
    row = db.execute_sql(f"SELECT state FROM {_PENDING}").fetchone()
    state = json.loads(row[0]) if row and row[0] else None
    with db.atomic():
        carry_on_under_new_origin(OriginState(**state) if state else None, reason="restore")
        db.execute_sql(f"DROP TABLE {_PENDING}")


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
