"""The SQLite connection: one file per installation, opened with the pragmas DESIGN.md §2 asks for.

    open_database(home)   # opens, migrates (backup first), refuses a newer database
    with db.atomic(): ...

All SQLite-specific SQL lives here and in migrations.py; the rest uses peewee expressions.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from models.errors import DatabaseTooNew, DomainError

db = peewee.SqliteDatabase(None)

PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a station PC loses power; a saved record must survive it
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}


class DatabaseUnreadable(DomainError):
    code = "database_unreadable"


def open_database(home, *, migrate: bool = True) -> None:
    """Bind the models to home's database and bring its schema up to date."""
    from models import migrations

    if not db.is_closed():
        db.close()
    home.prepare()
    path: Path = home.database
    check_readable(path)
    db.init(str(path), pragmas=PRAGMAS)
    db.connect(reuse_if_open=True)
    version = user_version()
    if version > migrations.SCHEMA_VERSION:
        db.close()
        raise DatabaseTooNew(
            f"此数据库由更新版本的程序创建（数据结构版本 {version}，本程序支持到 {migrations.SCHEMA_VERSION}）。"
            "请先升级本程序，数据未作任何改动。",
            found=version, supported=migrations.SCHEMA_VERSION,
        )
    if migrate and version < migrations.SCHEMA_VERSION:
        try:
            migrations.upgrade(home, version)
        except Exception:
            db.close()
            raise
    if migrate:
        from models.backup import finish_restore
        finish_restore()  # a restored database carries on under a new change origin (models.backup)


def check_readable(path: Path) -> None:
    """Refuse a file that is not an SQLite database before peewee touches it."""
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as f:
        head = f.read(16)
    if head != b"SQLite format 3\x00":
        raise DatabaseUnreadable(f"{path.name} 不是本程序的数据库文件，已停止，未作任何改动。", path=str(path))


def close_database() -> None:
    if not db.is_closed():
        db.close()


def user_version() -> int:
    return db.execute_sql("PRAGMA user_version").fetchone()[0]


def set_user_version(version: int) -> None:
    db.execute_sql(f"PRAGMA user_version = {int(version)}")


def integrity_problems() -> list[str]:
    rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [f"外键失效：{r[0]} 行 {r[1]} → {r[2]}" for r in db.execute_sql("PRAGMA foreign_key_check").fetchall()]
    return problems


def backup_to(target: Path) -> None:
    """Copy the live database with SQLite's online backup API (consistent even mid-write)."""
    src = db.connection()
    dest = sqlite3.connect(str(target))
    try:
        src.backup(dest)
    finally:
        dest.close()
