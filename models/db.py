"""Opening a home's database: bind the models to it, bring its schema up to date (a backup first),
refuse a newer one, and finish a restore it carries. The top floor of models/ — it needs the
migrations, which need every model module — so modules inside models/ import the connection itself
from models.connection; code outside models/ may import both from here.

    open_database(home)   # opens, migrates (backup first), refuses a newer database
    with db.atomic(): ...
"""
from __future__ import annotations

from pathlib import Path

from models import engine, migrations
from models.connection import (PRAGMAS, DatabaseUnreadable, backup_to, check_readable, close_database, db,
                               integrity_problems, set_user_version, user_version)
from models.errors import DatabaseTooNew
from models.restore_duty import finish_restore

__all__ = ["PRAGMAS", "DatabaseUnreadable", "backup_to", "check_readable", "close_database", "db",
           "integrity_problems", "open_database", "set_user_version", "user_version"]


def program_name() -> str:
    """How this program shows itself to a shared PostgreSQL database (pg_stat_activity.application_name)."""
    return f"{engine.APPLICATION} {migrations.SCHEMA_VERSION}"


def refuse_shared(target) -> None:
    """A shared database this program must not use: a collation other than C, or another program
    version connected to it right now (one would change the schema under the other)."""
    problem = engine.collation_problem()
    if problem:
        raise engine.DatabaseRefused(problem)
    others = engine.other_versions_connected(program_name())
    if others:
        versions = "、".join(name.split(" ", 1)[-1] for name in others)
        raise engine.DatabaseRefused(
            f"另有电脑上的程序正以不同版本（数据结构版本 {versions}，本程序 {migrations.SCHEMA_VERSION}）连着数据库 "
            f"{target.label}。请所有局机关电脑升级到同一版本后再打开，数据未作任何改动。", others=others)


def open_database(home, *, migrate: bool = True) -> None:
    """Bind the models to home's database and bring its schema up to date."""
    engine.close()
    home.prepare()
    target = engine.read_target(home)
    if target is None:
        path: Path = home.database
        check_readable(path)
        engine.use_sqlite(path)
    else:
        engine.use_postgres(target, engine.password_of(home), application=program_name())
        try:
            refuse_shared(target)
        except Exception:
            db.close()
            raise
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
        finish_restore()  # a restored database carries on under a new change origin (models.backup)
