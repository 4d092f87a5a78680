"""The backup file (.vsbak): an age envelope around a deflated zip holding what is needed to carry on.

    about = write_backup(home, snapshot, target, reason)     # snapshot: the SQLite backup-API copy
    with opened_backup(path, identities, staging) as archive:
        archive.about ; archive.extract_database(dest) ; archive.attachments() ; archive.keys()

Inside: about.json (format, installation, taken_at, schema version, persons, cases, reason),
vetstation.db, attachments/<the home's files>, keys/<the installation's key files>, and any settings
file at the home's top level (settings/). Compressed before encrypting; encrypted to
models.backup_keys.recipients. Written as `<target>.part`, fsynced, renamed: a killed process or a full
disk never leaves a complete-looking backup, and the previous backups are never touched.
The plaintext zip exists only in the home's backups/.staging (beside the live database, which is
itself plaintext) and is removed at once — and, if a process was killed, at the next backup.
"""
from __future__ import annotations

import errno
import json
import os
import sqlite3
import uuid
import zipfile
from contextlib import contextmanager
from pathlib import Path, PurePosixPath

import pyrage

from models.durable_files import RecordingWriter, discard, sync_folder
from models.errors import DomainError

FORMAT = "vetstation-backup/1"
AGE_HEADER = b"age-encryption.org/v1"
SQLITE_HEADER = b"SQLite format 3\x00"
SUFFIX = ".vsbak"
_TOP_LEVEL_SKIP = {"vetstation.db", "vetstation.db-wal", "vetstation.db-shm"}
MAX_ENTRY = 64 * 1024 ** 3
# zlib level 1: 273 MB of database (20 000 persons) deflates in ~1.6 s to 52 MB, level 6 took ~4 s for
# 41 MB (docs/benchmarks.md, bench/bench_backup.py). A backup is taken before every import, so speed wins.
COMPRESS_LEVEL = 1


class BackupFailed(DomainError):
    code = "backup_failed"


def staging(home) -> Path:
    folder = home.backups / ".staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def clean_staging(home, *prefixes: str) -> None:
    """Remove plaintext left by a process that was killed during a backup ("backup-", "snapshot-") or a
    restore ("restore-"); a backup made during a restore leaves the restore's files alone. A backup also
    removes the half-written `*.vsbak.part` of a killed backup in the backups folder."""
    folder = home.backups / ".staging"
    if folder.exists():
        for stale in folder.iterdir():
            if stale.is_file() and stale.name.startswith(prefixes):
                stale.unlink(missing_ok=True)
    if "backup-" in prefixes and home.backups.exists():
        for stale in home.backups.glob(f"vetstation-*{SUFFIX}.part"):
            stale.unlink(missing_ok=True)


def disk_sentence(exc: OSError | sqlite3.Error) -> str:
    """Why a file could not be written, in words (an OSError's errno, or SQLite's code for its own files)."""
    code = getattr(exc, "sqlite_errorcode", None)
    if exc_errno := getattr(exc, "errno", None):
        code = None
    if exc_errno == errno.ENOSPC or code is not None and code & 0xFF == sqlite3.SQLITE_FULL:
        return "磁盘空间不足"
    if exc_errno in (errno.EROFS, errno.EACCES, errno.EPERM) or code is not None and code & 0xFF in (
            sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM):
        return "数据目录只读或没有写入权限"
    return getattr(exc, "strerror", None) or str(exc)


def facts_of(database: Path, reason: str) -> dict:
    """What a database holds, read with plain SQL (a database before migration has older tables)."""
    facts = {"format": FORMAT, "reason": reason, "installation": None, "persons": None, "cases": None}
    with sqlite3.connect(f"file:{database}?mode=ro", uri=True) as con:
        try:
            row = con.execute("SELECT id, kind, station_code, name FROM installation LIMIT 1").fetchone()
            if row:
                facts["installation"] = dict(zip(("id", "kind", "station_code", "name"), row))
        except sqlite3.Error:
            pass
        facts["schema_version"] = con.execute("PRAGMA user_version").fetchone()[0]
        try:
            facts["persons"] = con.execute("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL").fetchone()[0]
        except sqlite3.Error:
            pass
        cases = 0
        for table in ("service_record", "visit", "preferential_card", "aid_case", "dispute_case",
                      "employment_record"):
            try:
                cases += con.execute(f"SELECT COUNT(*) FROM {table} WHERE deleted_at IS NULL").fetchone()[0]
            except sqlite3.Error:
                continue
        facts["cases"] = cases
    return facts


def _home_files(home):
    for sub in ("attachments", "keys"):
        folder = home.folder(sub)
        if folder.exists():
            for path in sorted(folder.rglob("*")):
                if path.is_file() and not path.name.endswith(".part"):
                    yield path, f"{sub}/{path.relative_to(folder).as_posix()}"
    for path in sorted(home.root.iterdir()):
        if path.is_file() and path.name not in _TOP_LEVEL_SKIP and not path.name.startswith("."):
            yield path, f"settings/{path.name}"


def write_backup(home, snapshot: Path, target: Path, facts: dict, recipients: list[str]) -> None:
    plain = staging(home) / f"backup-{uuid.uuid4().hex}.zip"
    partial = target.with_name(target.name + ".part")
    try:
        with zipfile.ZipFile(plain, "w", zipfile.ZIP_DEFLATED, compresslevel=COMPRESS_LEVEL) as z:
            z.writestr("about.json", json.dumps(facts, ensure_ascii=False, indent=1))
            z.write(snapshot, "vetstation.db")
            for path, name in _home_files(home):
                z.write(path, name)
        keys = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
        with open(plain, "rb") as reader, open(partial, "wb") as out:
            writer = RecordingWriter(out)
            try:
                pyrage.encrypt_io(reader, writer, keys)
            except pyrage.EncryptError:
                if writer.error is not None:
                    raise writer.error from None
                raise
            if writer.error is not None:
                raise writer.error
            out.flush()
            os.fsync(out.fileno())
        os.replace(partial, target)
        sync_folder(target.parent)
    except BaseException:
        discard(partial)
        raise
    finally:
        discard(plain)


def kind_of(path: Path) -> str:
    """'encrypted', 'plain' (an older backup: a bare SQLite file) or 'unknown'."""
    try:
        with open(path, "rb") as f:
            head = f.read(32)
    except OSError as exc:
        raise BackupFailed(f"无法读取备份文件 {path}：{exc.strerror or exc}") from None
    if head.startswith(AGE_HEADER):
        return "encrypted"
    if head.startswith(SQLITE_HEADER):
        return "plain"
    return "unknown"


class Archive:
    def __init__(self, zf: zipfile.ZipFile):
        self.zf = zf
        names = zf.namelist()
        for name in names:
            parts = PurePosixPath(name).parts
            if name.startswith("/") or ".." in parts or "\\" in name or not parts or parts[0] not in (
                    "about.json", "vetstation.db", "attachments", "keys", "settings"):
                raise BackupFailed(f"备份文件内容不对（含有不认识的条目 {name[:60]}），未恢复。")
        if "about.json" not in names or "vetstation.db" not in names:
            raise BackupFailed("备份文件不完整（缺少数据库），未恢复。")
        try:
            self.about = json.loads(zf.read("about.json"))
        except ValueError:
            raise BackupFailed("备份文件的说明部分已损坏，未恢复。") from None
        if not isinstance(self.about, dict) or self.about.get("format") != FORMAT:
            raise BackupFailed("这个备份文件的版本不认识，请升级程序后再恢复。")

    def extract(self, name: str, dest: Path) -> None:
        info = self.zf.getinfo(name)
        if info.file_size > MAX_ENTRY:
            raise BackupFailed("备份文件中的条目过大，未恢复。")
        with self.zf.open(info) as src, open(dest, "wb") as out:
            while chunk := src.read(1 << 20):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())

    def entries(self, folder: str) -> list[str]:
        return [n for n in self.zf.namelist() if n.startswith(folder + "/") and not n.endswith("/")]


@contextmanager
def opened_backup(path: Path, identities: list, home):
    """Decrypt into staging and open the archive; the plaintext is always removed."""
    plain = staging(home) / f"restore-{uuid.uuid4().hex}.zip"
    try:
        try:
            with open(path, "rb") as reader, open(plain, "wb") as out:
                writer = RecordingWriter(out)
                pyrage.decrypt_io(reader, writer, identities)
                if writer.error is not None:
                    raise writer.error
        except pyrage.DecryptError as exc:
            if "No matching keys" in str(exc):
                raise BackupFailed("本机的密钥打不开这个备份（它是别的电脑做的，或本机密钥已换）。"
                                   "请用 --identity 指定局里离线保管的托管密钥文件，未作任何改动。") from None
            raise BackupFailed("备份文件已损坏或不完整（解密校验失败），未作任何改动。") from None
        except OSError as exc:
            raise BackupFailed(f"无法解密备份（{disk_sentence(exc)}），未作任何改动。") from None
        try:
            zf = zipfile.ZipFile(plain)
        except zipfile.BadZipFile:
            raise BackupFailed("备份文件已损坏（内容无法读取），未作任何改动。") from None
        with zf:
            yield Archive(zf)
    finally:
        discard(plain)
