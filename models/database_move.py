"""Where a bureau's data lives: creating it in PostgreSQL, connecting another bureau PC, moving an SQLite
bureau into PostgreSQL and a full copy back into an SQLite file (docs/postgres.md).

    start_in_postgres(home, PostgresTarget(dsn), password)   # `init --bureau --database DSN`: then init_bureau
    connect(home, target, password, keys=Path("E:/bureau-keys"))   # `connect`: another bureau PC
    facts = move_to_postgres(home, target, password)          # copy, verify every table, then switch
    copy_to_sqlite(home, Path("copy.db"))                     # a portable full copy (or leave PostgreSQL)

Every step either finishes or leaves the home as it was: the home is pointed at PostgreSQL (database.json)
only after the database answered and, for a move, after every table's rows and checksum matched.
"""
from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from models import engine, migrations
from models.db import close_database, db, open_database
from models.engine import DatabaseRefused, PostgresTarget
from models.errors import AlreadyInitialized, NotInitialized

MOVED_PREFIX = "moved-to-postgres-"


def _probe(target: PostgresTarget, password: str | None) -> tuple[list[str], bool]:
    """Connect once (clear errors for unreachable, wrong password …): the database's tables, and whether
    an installation lives in it."""
    database = engine.postgres_database(target, password)
    try:
        tables = database.get_tables()
        installed = "installation" in tables and bool(
            database.execute_sql("SELECT 1 FROM installation LIMIT 1").fetchone())
        return tables, installed
    finally:
        database.close()


def start_in_postgres(home, target: PostgresTarget, password: str | None) -> None:
    """Point a new home at an empty PostgreSQL database and open it (the schema is created on first open)."""
    home.prepare()
    if home.database.exists() and home.database.stat().st_size:
        raise AlreadyInitialized(f"数据目录 {home.root} 已有本机数据库；要把它迁入 PostgreSQL，请用 move-to-postgres。")
    if _probe(target, password)[1]:
        raise DatabaseRefused(f"数据库 {target.label} 里已有事务局的数据：其他局机关电脑请用 connect 连接。")
    _point(home, target, password)


def connect(home, target: PostgresTarget, password: str | None, keys: Path | None = None) -> None:
    """Another bureau PC: the home points at the bureau's existing PostgreSQL database; the bureau's keys
    (a copy of the admin's keys folder) are copied in, never over keys the home already has."""
    home.prepare()
    if home.database.exists() and home.database.stat().st_size:
        raise AlreadyInitialized(f"数据目录 {home.root} 已有本机数据库，不能再连接到 PostgreSQL。请换一个空的数据目录。")
    if not _probe(target, password)[1]:
        raise NotInitialized(f"数据库 {target.label} 是空的：请管理员先在一台电脑上运行 init --bureau --database。")
    _point(home, target, password)
    from models.installation_row import Installation

    inst = Installation.get_current()
    if inst is None or not inst.is_bureau:
        close_database()
        engine.write_target(home, None)
        raise DatabaseRefused(f"数据库 {target.label} 里不是事务局的数据，未连接。")
    if keys is not None:
        _copy_keys(Path(keys), home.folder("keys"))


def _copy_keys(source: Path, dest: Path) -> None:
    if not source.is_dir():
        raise DatabaseRefused(f"找不到事务局密钥文件夹：{source}")
    for path in sorted(source.iterdir()):
        if path.is_file() and path.name != engine.PASSWORD_FILE and not (dest / path.name).exists():
            shutil.copy2(path, dest / path.name)
            os.chmod(dest / path.name, 0o600)


def forget_postgres(home) -> None:
    """Undo start_in_postgres (an init that failed after it): the home points nowhere again."""
    close_database()
    engine.write_target(home, None)
    (home.folder("keys") / engine.PASSWORD_FILE).unlink(missing_ok=True)


def _point(home, target: PostgresTarget, password: str | None) -> None:
    """database.json written, then opened (schema created or checked); undone when the open fails."""
    engine.write_target(home, target, password)
    try:
        open_database(home)
    except Exception:
        forget_postgres(home)
        raise


def move_to_postgres(home, target: PostgresTarget, password: str | None, progress=None) -> dict[str, tuple]:
    """Copy the home's SQLite database into an empty PostgreSQL database, check every table's rows and
    checksum, then switch the home to it; the SQLite file is kept beside as moved-to-postgres-….db."""
    if engine.read_target(home) is not None:
        raise DatabaseRefused("此数据目录的数据已在 PostgreSQL 中。")
    if not home.database.exists():
        raise NotInitialized(f"数据目录 {home.root} 中还没有数据库。")
    open_database(home)  # brings the file to the current schema first (backup before migrating)
    if _probe(target, password)[0]:
        raise DatabaseRefused(f"数据库 {target.label} 不是空的：迁入需要一个空数据库，未作任何改动。")
    destination = engine.postgres_database(target, password)
    try:
        facts = engine.copy_database(db.obj, destination, migrations.fresh_schema, progress=progress)
    finally:
        destination.close()
    close_database()
    kept = home.root / f"{MOVED_PREFIX}{dt.datetime.now():%Y%m%d-%H%M%S}.db"
    engine.write_target(home, target, password)
    os.replace(home.database, kept)
    for suffix in ("-wal", "-shm"):
        Path(str(home.database) + suffix).unlink(missing_ok=True)
    open_database(home)
    return facts


def copy_to_sqlite(home, out: Path | None = None, progress=None) -> tuple[Path, dict[str, tuple]]:
    """A full copy of a PostgreSQL bureau as one SQLite file, checked table by table. With out: a portable
    copy, the home stays on PostgreSQL. Without: the home leaves PostgreSQL for its own vetstation.db."""
    target = engine.read_target(home)
    if target is None:
        raise DatabaseRefused("此数据目录的数据本来就在本机 SQLite 文件中。")
    open_database(home)
    path = Path(out) if out is not None else home.database
    if path.exists():
        raise DatabaseRefused(f"{path} 已存在，未覆盖。请换一个文件名。")
    partial = path.with_name(path.name + ".part")
    partial.unlink(missing_ok=True)
    copy = engine.sqlite_database(partial)
    try:
        facts = engine.copy_database(db.obj, copy, migrations.fresh_schema, progress=progress)
    except Exception:
        copy.close()
        partial.unlink(missing_ok=True)
        raise
    copy.close()
    os.replace(partial, path)
    if out is None:
        close_database()
        engine.write_target(home, None)
        open_database(home)
    return path, facts
