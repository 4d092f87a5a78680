"""Taking an encrypted backup of a home (database, attachments, settings, keys), and rotating them.

    path = backup_database(home, reason="daily")               # backups/vetstation-…-daily.vsbak
    backup_database(home, reason="manual", out=Path("E:/x.vsbak"))
    backup_database(home, actor=head)                          # a person's: checked and audited
    list_backups(home)                                         # newest first

A floor below models.migrations (which backs up before it migrates) and models.db; restoring, which
opens the database again, is models.backup, which also re-exports these names for the rest of the program.
Rotation: automatic daily backups keep the newest of each of the last 7 days, 4 weeks and 12 months;
every other kind keeps its newest KEEP_PER_REASON.
"""
from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path

from models import backup_keys
from models.audit import record
from models.backup_file import SUFFIX, BackupFailed, clean_staging, disk_sentence, facts_of, staging, write_backup
from models.connection import backup_to
from models.durable_files import discard
from models.permissions import require

KEEP_PER_REASON = 10
KEEP_DAYS, KEEP_WEEKS, KEEP_MONTHS = 7, 4, 12
_STAMP = re.compile(r"vetstation-(\d{8}-\d{6}-\d{6})-(.+)\.(?:db|vsbak)")


def backup_database(home, *, reason: str = "manual", actor=None, out: Path | None = None) -> Path:
    if actor is not None:
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
            remove_database_file(snapshot)
    if not out:
        _rotate(folder, reason)
    if actor is not None:
        record("backup", actor=actor, target=target.name, detail={"file": str(target), "reason": reason})
    return target


def remove_database_file(path: Path) -> None:
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
