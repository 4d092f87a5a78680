"""Schema versions: numbered steps on PRAGMA user_version, run in one transaction after a backup.

To change the schema, append a step `def step_N(): …` to STEPS; never edit a released step.
A database newer than SCHEMA_VERSION is refused by models.db.open_database.
"""
from __future__ import annotations

from models.db import db, set_user_version


def step_1() -> None:
    """The foundation: installation, accounts, stations, villages, persons, change log."""
    from models.accounts import User
    from models.changelog import Change
    from models.installation import Installation, Station, Village
    from models.person import FamilyMember, Person, PersonIdentity
    from models.attachments import Attachment

    db.create_tables([Installation, User, Station, Village, Person, PersonIdentity, FamilyMember,
                      Change, Attachment])


STEPS = [step_1]
SCHEMA_VERSION = len(STEPS)


def upgrade(home, from_version: int) -> None:
    from models.backup import backup_database

    if from_version > 0:
        backup_database(home, reason=f"before-migration-v{from_version}")
    with db.atomic():
        for number in range(from_version + 1, SCHEMA_VERSION + 1):
            STEPS[number - 1]()
        set_user_version(SCHEMA_VERSION)
