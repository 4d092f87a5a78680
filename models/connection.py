"""The connection: the one peewee database object (SQLite, or a bureau's PostgreSQL — models.engine holds
every difference), the schema version and the database's own checks. The bottom floor of models/: every model module binds to this `db`.

    from models.connection import db
    with db.atomic(): ...
    user_version()          # the schema version the open database says it has

Opening a home's database (migrating it, finishing a restore) is models.db.open_database, a floor
above everything it needs. Engine-specific SQL lives in models/engine.py (and migrations.py's released
SQLite steps); the rest uses peewee expressions.
"""
from __future__ import annotations

from pathlib import Path

from models import engine
from models.engine import SQLITE_PRAGMAS as PRAGMAS, db
from models.errors import DomainError


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
    return engine.schema_version()


def set_user_version(version: int) -> None:
    engine.set_schema_version(version)


def integrity_problems() -> list[str]:
    return engine.integrity_problems()


def backup_to(target: Path) -> None:
    """A consistent copy of the live database as one SQLite file (SQLite's online backup API; from
    PostgreSQL a snapshot copied table by table — models.engine)."""
    engine.backup_to(target)
