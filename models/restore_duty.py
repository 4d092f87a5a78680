"""The duty a restored database carries inside itself: to continue under a new change origin.

    owe_new_origin(restored_copy, origin_state())   # models.backup, before the copy is put in place
    owe_new_origin_here(origin_state())             # the same, a PostgreSQL restore (in its transaction)
    finish_restore()                                # models.db.open_database, once the schema is current

Written into the copy before the swap, so a process killed right after the database was put in place
still does it at the next start; done exactly once (models.origins).
"""
from __future__ import annotations

import dataclasses
import json
import sqlite3
from pathlib import Path

from models.connection import db
from models.engine import sql
from models.origins import OriginState, carry_on_under_new_origin

_PENDING = "restore_pending"


def owe_new_origin(restored: Path, before) -> None:
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


def owe_new_origin_here(before) -> None:
    """The same duty written into the open database (a PostgreSQL restore, inside its transaction)."""
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {_PENDING} (state TEXT)")
    db.execute_sql(f"DELETE FROM {_PENDING}")
    db.execute_sql(sql(f"INSERT INTO {_PENDING} VALUES (?)"),
                   (json.dumps(dataclasses.asdict(before) if before else None),))


def finish_restore() -> None:
    """After a restore (called by models.db.open_database once the schema is current): carry on under a
    new change origin and drop the duty, in one transaction — done exactly once, even when the
    restoring process was killed right after the database was put in place."""
    if not db.table_exists(_PENDING):
        return
    row = db.execute_sql(f"SELECT state FROM {_PENDING}").fetchone()
    state = json.loads(row[0]) if row and row[0] else None
    with db.atomic():
        carry_on_under_new_origin(OriginState(**state) if state else None, reason="restore")
        db.execute_sql(f"DROP TABLE {_PENDING}")
