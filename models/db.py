"""Opening a home's database: bind the models to it, bring its schema up to date (a backup first),
refuse a newer one, and finish a restore it carries. The top floor of models/ — it needs the
migrations, which need every model module — so modules inside models/ import the connection itself
from models.connection; code outside models/ may import both from here.

    open_database(home)   # opens, migrates (backup first), refuses a newer database
    with db.atomic(): ...
"""
from __future__ import annotations

from pathlib import Path

from models import migrations
from models.connection import (PRAGMAS, DatabaseUnreadable, backup_to, check_readable, close_database, db,
                               integrity_problems, set_user_version, user_version)
from models.errors import DatabaseTooNew
from models.restore_duty import finish_restore

__all__ = ["PRAGMAS", "DatabaseUnreadable", "backup_to", "check_readable", "close_database", "db",
           "integrity_problems", "open_database", "set_user_version", "user_version"]


def open_database(home, *, migrate: bool = True) -> None:
    """Bind the models to home's database and bring its schema up to date."""
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
        finish_restore()  # a restored database carries on under a new change origin (models.backup)
