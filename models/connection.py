"""The SQLite connection: the one peewee database object, the pragmas DESIGN.md §2 asks for, the schema
version and SQLite's own checks. The bottom floor of models/: every model module binds to this `db`.

    from models.connection import db
    with db.atomic(): ...
    user_version()          # the schema version the open database says it has

Opening a home's database (migrating it, finishing a restore) is models.db.open_database, a floor
above everything it needs. All SQLite-specific SQL lives here and in migrations.py; the rest uses
peewee expressions.
"""
from __future__ import annotations

import sqlite3
from pathlib import Path

import peewee

from models.errors import DomainError

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
