"""Schema versions: numbered steps on PRAGMA user_version, run in one transaction after a backup.

To change the schema, append a step `def step_N(): …` to STEPS; never edit a released step.
A database newer than SCHEMA_VERSION is refused by models.db.open_database.
"""
from __future__ import annotations

import json
import logging

from models import engine
from models.connection import db, set_user_version, user_version
from models.errors import DomainError

log = logging.getLogger(__name__)


class MigrationFailed(DomainError):
    code = "migration_failed"


def step_1() -> None:
    """The foundation: installation, accounts, stations, villages, persons, change log."""
    from models.accounts import User
    from models.changelog import Change
    from models.installation import Installation, Station, Village
    from models.person import FamilyMember, Person, PersonIdentity
    from models.attachments import Attachment

    db.create_tables([Installation, User, Station, Village, Person, PersonIdentity, FamilyMember,
                      Change, Attachment])


def step_casework() -> None:
    """Casework (issue 3): option lists, services, visits, cards, hardship aid, disputes, employment."""
    from models.aid import AidCase, AidDocument, AidEvent
    from models.cards import CardEvent, CardExclusion, PreferentialCard
    from models.disputes import DisputeCase, DisputeEvent, DisputeParty
    from models.employment import EmploymentRecord
    from models.options import Option
    from models.services import ServiceEvent, ServiceRecord
    from models.visits import Visit

    db.create_tables([Option, ServiceRecord, ServiceEvent, Visit, PreferentialCard, CardEvent, CardExclusion,
                      AidCase, AidEvent, AidDocument, DisputeCase, DisputeParty, DisputeEvent, EmploymentRecord])


def step_sync() -> None:
    """USB bundle exchange (issue 4): peers, imported bundles, receipts, conflicts, duplicates, held rows."""
    from models.conflicts import Conflict, DuplicateCandidate
    from models.held import HeldRecord
    from models.peers import ImportedBundle, Peer, Receipt

    db.create_tables([Peer, ImportedBundle, Receipt, Conflict, DuplicateCandidate, HeldRecord])


def step_closed_periods() -> None:
    """Closed periods (issue 5): period packs frozen as reported (PDF + SHA-256, who, when)."""
    from models.periods_closed import ClosedPeriod

    db.create_tables([ClosedPeriod])


def step_person_search_index() -> None:
    """Searching 100 000 persons reads this narrow index instead of the wide rows: every column the
    search box and the list filters test, in the list's default order (DESIGN.md §4, issue #2)."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS person_search ON person (search_pinyin, deleted_at, status, "
                   "village_id, key_focus, name, former_name, search_initials, id_number, phone, id)")


def step_workbench_indexes() -> None:
    """The workbench at county scale (issue #3) reads narrow covering indexes instead of wide rows:
    a person's name by id (every casework list and workbench item shows it), the tiered persons of the
    visit cadence, and the open hardship-aid cases with the columns their next-step date needs."""
    db.execute_sql("CREATE INDEX IF NOT EXISTS person_name_by_id ON person (id, name)")
    db.execute_sql("CREATE INDEX IF NOT EXISTS person_contact_cadence ON person (contact_tier, status, deleted_at, "
                   "station_code, filed_on, created_at, name, id) WHERE contact_tier IS NOT NULL")
    db.execute_sql("CREATE INDEX IF NOT EXISTS aid_case_next_step ON aid_case (status, deleted_at, status_on, "
                   "publicity_to, person_id, station_code, id)")


def step_person_village_text() -> None:
    """A roster's 嘎查村 that is not on the station's list can be kept as text (issue 11).
    Databases created after this column joined the model already have it (step_1 creates current tables)."""
    if "village_text" not in {c.name for c in db.get_columns("person")}:
        db.execute_sql("ALTER TABLE person ADD COLUMN village_text TEXT")


def step_work_plan() -> None:
    """The bureau's 对标 work plan (issue 10): plan, 对标对象, areas, tasks, assignments, 月调度, 季总结,
    专题会议 and decisions, the three lists, and the settings the bureau decides for every installation."""
    from models.bureau_settings import BureauSetting
    from models.plan import TABLES

    db.create_tables([*TABLES, BureauSetting], safe=True)


def step_scoring() -> None:
    """实绩考核赋分 (issue 10): the yearly scheme, the bureau's manual points, confirmed (frozen) quarter
    scores and the comparison published to the stations."""
    from models.scoring import TABLES

    db.create_tables(TABLES, safe=True)


def step_accounts_audit() -> None:
    """Lock-out, security settings and the audit trail (issue 12): wrong passwords in a row and the lock
    on each account, the administrator's lock-out and idle-lock settings, and the synced audit entries."""
    from models.audit import AuditEntry
    from models.security_settings import SecuritySetting

    columns = {c.name for c in db.get_columns("user")}
    if "failed_logins" not in columns:
        db.execute_sql('ALTER TABLE "user" ADD COLUMN failed_logins INTEGER NOT NULL DEFAULT 0')
    if "locked_until" not in columns:
        db.execute_sql('ALTER TABLE "user" ADD COLUMN locked_until TEXT')
    db.create_tables([AuditEntry, SecuritySetting], safe=True)


def step_former_origins() -> None:
    """Restore and PC replacement without loss (issue 12): the origins an installation carried on from
    after a restore (installation.former_origins) and a peer's earlier installations (peer.former_ids)."""
    for table, column in (("installation", "former_origins"), ("peer", "former_ids")):
        if column not in {c.name for c in db.get_columns(table)}:
            db.execute_sql(f"ALTER TABLE {table} ADD COLUMN {column} TEXT NOT NULL DEFAULT '[]'")


def step_indicator_indexes() -> None:
    """The 对标 indicators at county scale (issue 10): a case's or card's latest step by a day is one
    backward step through its events in (case, on, created_at, id) order, read from the index alone."""
    db.execute_sql('CREATE INDEX IF NOT EXISTS aid_event_latest ON aid_event (case_id, "on", created_at, id, step, '
                   'deleted_at)')
    db.execute_sql('CREATE INDEX IF NOT EXISTS card_event_latest ON card_event (card_id, "on", created_at, id, step, '
                   'deleted_at)')


def step_indicator_figure_indexes() -> None:
    """The 对标 indicators read each table once, grouped by station (models.indicators.casework_figures_of):
    narrow covering indexes with every column their conditions test, so the pass reads the index, not the
    wide rows; and the aid money by step and day."""
    for name, table, columns in (
            ("person_figures", "person",
             "station_code, deleted_at, filed_on, created_at, status, status_date, contact_tier, id"),
            ("service_record_figures", "service_record",
             "station_code, deleted_at, served_on, agency, needs_follow_up, follow_up_on, followed_up_on, id"),
            ("preferential_card_figures", "preferential_card", "station_code, deleted_at, applied_on, id"),
            ("aid_case_figures", "aid_case", "station_code, deleted_at, applied_on, publicity_to, id"),
            ("aid_event_money", "aid_event", 'step, "on", case_id, amount_fen, deleted_at')):
        db.execute_sql(f"CREATE INDEX IF NOT EXISTS {name} ON {table} ({columns})")


def step_exported_bundles() -> None:
    """Honest states (issue 11): a local record of every bundle written (file SHA-256, sender, recipient,
    time, counts, vectors), so a station can say what its own sealed bundle holds."""
    from models.peers import ExportedBundle

    db.create_tables([ExportedBundle], safe=True)


def step_lean_change_log() -> None:
    """Lean storage (issue 14): a create whose state create_state() rebuilds exactly stores '' instead of
    its whole state (docs/lean-storage.md). Rows are read and rewritten in rowid batches inside the
    migration's one transaction (a killed upgrade leaves the backup and the old file; the next start runs
    it again); `upgrade` compacts the file afterwards (VACUUM)."""
    from models.changelog import DERIVED, derivable

    cursor = db.execute_sql
    last = 0
    while True:
        rows = cursor('SELECT rowid, origin, seq, "table", record_id, op, state, changed, base, author, at '
                      'FROM change_log WHERE rowid > ? AND base = ? AND op = ? AND state != ? '
                      'ORDER BY rowid LIMIT 5000', (last, "{}", "upsert", DERIVED)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        lean = []
        for rowid, origin, seq, table, record_id, op, state, changed, base, author, at in rows:
            row = {"origin": origin, "seq": seq, "table": table, "record_id": record_id, "op": op,
                   "state": json.loads(state), "changed": json.loads(changed), "base": json.loads(base),
                   "author": author, "at": at}
            if derivable(row):
                lean.append((DERIVED, rowid))
        db.cursor().executemany("UPDATE change_log SET state = ? WHERE rowid = ?", lean)


def step_lean_create_values() -> None:
    """Lean storage, second step (issue 14): the `changed` of a change whose old values are all null (a
    create) is stored as the compact array [field, new, …] when it expands back to exactly the same text
    (models.changelog.lean_changed_text; docs/lean-storage.md). Rowid batches inside the migration's one
    transaction, like step_lean_change_log: a killed upgrade leaves the backup and the old file and runs
    again at the next start (rows already compact start with '[' and are skipped); `upgrade` compacts the
    file afterwards (VACUUM)."""
    from models.changelog import lean_changed_text

    cursor = db.execute_sql
    last = 0
    while True:
        rows = cursor("SELECT rowid, changed FROM change_log WHERE rowid > ? AND substr(changed, 1, 1) = '{' "
                      "ORDER BY rowid LIMIT 5000", (last,)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        lean = [(compact, rowid) for rowid, changed in rows if (compact := lean_changed_text(changed)) != changed]
        db.cursor().executemany("UPDATE change_log SET changed = ? WHERE rowid = ?", lean)


def step_create_values_by_reference() -> None:
    """Lean storage, third step (issue 14): a create whose record row still holds exactly what it wrote
    (version {origin: seq} of that create, every value equal and of the same JSON type) stores "@codes"
    instead of its values (models.changelog.ref_text; docs/lean-storage.md round 3). Rowid batches inside
    the migration's one transaction; a killed upgrade leaves the backup and the old file and runs again at
    the next start (rows already by reference start with '@' and are skipped); `upgrade` compacts the file
    afterwards (VACUUM)."""
    from models.changelog import DERIVED, by_reference, changed_value, record_states
    from models.synced import synced_tables

    tables = set(synced_tables())
    cursor = db.execute_sql
    last = 0
    while True:
        rows = cursor('SELECT rowid, "table", record_id, origin, seq, changed FROM change_log WHERE rowid > ? '
                      "AND op = ? AND base = ? AND state = ? AND substr(changed, 1, 1) = '[' ORDER BY rowid LIMIT 5000",
                      (last, "upsert", "{}", DERIVED)).fetchall()
        if not rows:
            return
        last = rows[-1][0]
        wanted: dict[str, set] = {}
        for _, table, record_id, *_ in rows:
            if table in tables:
                wanted.setdefault(table, set()).add(record_id)
        records = {table: record_states(table, ids) for table, ids in wanted.items()}
        lean = []
        for rowid, table, record_id, origin, seq, changed in rows:
            ref = by_reference(table, origin, seq, changed_value(changed), records.get(table, {}).get(record_id))
            if ref is not None:
                lean.append((ref, rowid))
        db.cursor().executemany("UPDATE change_log SET changed = ? WHERE rowid = ?", lean)


def step_compact_change_ids() -> None:
    """Lean storage, fourth step (issue 14): on SQLite the change log's origin and record_id hold a UUID as
    its 16 bytes instead of 36 characters (models.engine.compact_id; docs/lean-storage.md round 4); every
    reader gets the same text back. One UPDATE inside the migration's one transaction: a killed upgrade
    leaves the backup and the old file and runs again at the next start (stored bytes are left as they
    are); `upgrade` compacts the file afterwards (VACUUM). PostgreSQL keeps the text: nothing to do."""
    if engine.is_postgres():
        return
    db.execute_sql("UPDATE change_log SET origin = vetstation_compact_id(origin), "
                   "record_id = vetstation_compact_id(record_id) "
                   "WHERE typeof(origin) = 'text' OR typeof(record_id) = 'text'")


def step_person_search_pieces() -> None:
    """The search box at a PostgreSQL bureau (issue 13): a GIN index over the 2-character pieces of the
    searched columns, so LIKE '%…%' reads the few candidate rows instead of every person
    (models.engine.contains; docs/postgres.md). SQLite: nothing (its narrow person_search index)."""
    engine.create_pieces_index("person_search_pieces", "person", (
        ("n", ("name", "former_name")), ("p", ("search_initials", "search_pinyin")), ("d", ("id_number", "phone"))))


def step_compact_change_log() -> None:
    """Lean storage, fifth step (issue 14): on SQLite the change log's change_id holds a UUID as its 16 bytes (as
    origin and record_id do), `at` a UTC stamp as integer microseconds and `hlc` a clock stamp as one integer,
    wherever that gives back exactly the same text (models.engine.COMPACT_COLUMNS; docs/lean-storage.md round 5).
    Integers need a column without TEXT affinity, so the table is rebuilt: renamed, a new one of the current
    schema filled from it (same rowids, values converted), the old one dropped, the indexes made again — inside
    the migration's one transaction (a killed upgrade leaves the backup and the old file and runs again at the
    next start); `upgrade` compacts the file afterwards (VACUUM). PostgreSQL keeps the text: nothing to do."""
    from models.changelog import Change

    if engine.is_postgres():
        return
    old_indexes = [name for (name,) in db.execute_sql(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'change_log' AND sql IS NOT NULL")]
    db.execute_sql("ALTER TABLE change_log RENAME TO change_log_before")
    for name in old_indexes:
        db.execute_sql(f'DROP INDEX "{name}"')
    Change._schema.create_table(safe=False)
    columns = [f.column_name for f in Change._meta.sorted_fields]
    names = ", ".join(f'"{c}"' for c in columns)
    values = ", ".join(f"vetstation_stored('change_log', '{c}', \"{c}\")" if ("change_log", c) in engine.COMPACT_COLUMNS
                       else f'"{c}"' for c in columns)
    db.execute_sql(f"INSERT INTO change_log (rowid, {names}) SELECT rowid, {values} FROM change_log_before ORDER BY rowid")
    db.execute_sql("DROP TABLE change_log_before")
    Change._schema.create_indexes(safe=False)


STEPS = [step_1, step_casework, step_sync, step_closed_periods, step_person_search_index, step_workbench_indexes,
         step_person_village_text,
         step_work_plan,
         step_scoring,
         step_accounts_audit,
         step_former_origins,
         step_indicator_indexes,
         step_indicator_figure_indexes,
         step_exported_bundles,
         step_lean_change_log,
         step_lean_create_values,
         step_create_values_by_reference,
         step_compact_change_ids,
         step_person_search_pieces,
         step_compact_change_log]
SCHEMA_VERSION = len(STEPS)
# Steps that only rewrite rows an older database holds: a fresh database (from version 0, either engine)
# has none and skips them (their SQL is SQLite's). A new data step that is not portable belongs here.
DATA_STEPS = {step_lean_change_log, step_lean_create_values, step_create_values_by_reference, step_compact_change_ids,
              step_compact_change_log}
COMPACT_AFTER = STEPS.index(step_compact_change_log) + 1  # upgrading past this step VACUUMs the file once


def upgrade(home, from_version: int) -> None:
    from models.backup_take import backup_database

    if from_version > 0:
        backup_database(home, reason=f"before-migration-v{from_version}")
    try:
        with db.atomic():
            engine.writer_lock()  # PostgreSQL: two PCs opening one new database create its schema once
            if user_version() != from_version:
                return
            if from_version == 0:
                engine.prepare_schema()
            for number in range(from_version + 1, SCHEMA_VERSION + 1):
                if not (from_version == 0 and STEPS[number - 1] in DATA_STEPS):
                    STEPS[number - 1]()
            set_user_version(SCHEMA_VERSION)
    except Exception as exc:
        log.exception("migration from version %s failed", from_version)
        raise MigrationFailed(f"数据库升级失败（{exc}），已恢复原状，数据未改动。升级前的备份在 backups 文件夹。",
                              from_version=from_version) from exc
    if 0 < from_version < COMPACT_AFTER and not engine.is_postgres():
        db.execute_sql("VACUUM")  # give the space of the states no longer stored back (atomic; may be re-run)


def fresh_schema() -> None:
    """The current schema in an empty database, as a new installation gets it (a copy's target)."""
    engine.prepare_schema()
    for step in STEPS:
        if step not in DATA_STEPS:
            step()
    set_user_version(SCHEMA_VERSION)


engine.register_schema(fresh_schema)
