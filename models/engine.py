"""The two database engines behind the one peewee `db`: SQLite (a station, a one-person bureau) and
PostgreSQL (a bureau's master copy shared by several PCs). Every difference between them lives here;
the models, the write path and the bundle code are the same for both.

    from models.engine import db, is_postgres
    use_sqlite(path)                  # or use_postgres(target) with a PostgresTarget from database.json
    schema_version(); set_schema_version(16)
    with db.atomic(): writer_lock(); …   # seq stays gap-free per origin with concurrent writers
    sql("SELECT … WHERE id = ?")      # a raw statement with ? marks, as the open engine wants them
    contains(groups, "n", "建国")      # the search box's LIKE '%…%', on PostgreSQL through a pieces index

PostgreSQL keeps SQLite's storage forms so raw SQL and bundles behave the same: dates as ISO text,
integers 64-bit, floats double, text compared byte-wise (the database must use the C collation),
and the two SQLite functions the queries use (DATE(day, '+N days'), INSTR) exist in its schema.
The schema version is one row in `vetstation_schema` (SQLite: PRAGMA user_version); every program
connects with application_name "vetstation <schema version>" so another version can be told apart.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import operator
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

import peewee

from models.errors import DomainError
from models.fields import utc_text
from models.ids import format_stamp, new_id, new_id_number


class _HeldRows:
    """A database that runs what the write path registered (before_next_statement) before its next statement."""

    def execute_sql(self, sql, params=None):
        run = getattr(self._state, "before_statement", None)  # peewee's state of this thread's connection
        if run is not None:
            self._state.before_statement = None
            run()
        return super().execute_sql(sql, params)


class SqliteDatabase(_HeldRows, peewee.SqliteDatabase):
    pass


class PostgresqlDatabase(_HeldRows, peewee.PostgresqlDatabase):
    pass


db = peewee.DatabaseProxy()
db.initialize(SqliteDatabase(None))


def before_next_statement(run) -> bool:
    """run() before the next statement peewee runs on this thread's connection (a query, an update, a
    savepoint: anything but BEGIN/COMMIT/ROLLBACK, which the write path flushes itself), then forgotten;
    None forgets it. The write path holds the INSERTs of the records an operation creates and runs them in
    one executemany per table (docs/lean-storage.md §30): whatever reads or changes the database in the same
    operation sees them first. False when the open database cannot do this (then insert at once)."""
    if not isinstance(db.obj, _HeldRows):
        return False
    db.obj._state.before_statement = run
    return True

SQLITE_PRAGMAS = {
    "journal_mode": "wal",
    "foreign_keys": 1,
    "synchronous": 2,  # FULL: a station PC loses power; a saved record must survive it
    "busy_timeout": 10_000,
    "cache_size": -32_000,
}
# PostgreSQL column types that store what SQLite stores (a bundle's values fit both the same way)
# COMPACT_TEXT: a change-log column SQLite may store as an integer (BLOB affinity keeps values as given)
COMPACT_TEXT = "COMPACT_BLOB"
PG_FIELD_TYPES = {"DATE": "TEXT", "INT": "BIGINT", "FLOAT": "DOUBLE PRECISION", COMPACT_TEXT: "TEXT"}
PG_FUNCTIONS = (
    # SQLite's DATE(day, '+N days'): the queries of visits, workbench and indicators use it on ISO text
    "CREATE OR REPLACE FUNCTION date(day text, modifier text) RETURNS text LANGUAGE sql IMMUTABLE STRICT "
    "AS $$ SELECT to_char(substr(day, 1, 10)::date + modifier::interval, 'YYYY-MM-DD') $$",
    "CREATE OR REPLACE FUNCTION instr(haystack text, needle text) RETURNS integer LANGUAGE sql IMMUTABLE STRICT "
    "AS $$ SELECT strpos(haystack, needle) $$",
)
VERSION_TABLE = "vetstation_schema"
APPLICATION = "vetstation"
TARGET_FILE = "database.json"
PASSWORD_FILE = "database-password"  # in the home's keys/ folder, readable only by its user
PASSWORD_ENV = "VETSTATION_DB_PASSWORD"
WRITER_LOCK = 0x7665_7473  # "vets": the one advisory lock every writing transaction takes


class DatabaseUnreachable(DomainError):
    code = "database_unreachable"


class DatabaseRefused(DomainError):
    code = "database_refused"


@dataclass(frozen=True)
class PostgresTarget:
    """Where a bureau's data lives: a PostgreSQL DSN without the password (that is kept apart)."""

    dsn: str

    @property
    def params(self) -> dict:
        import psycopg2.extensions

        try:
            params = psycopg2.extensions.parse_dsn(self.dsn)
        except psycopg2.ProgrammingError:
            raise DatabaseRefused(f"数据库地址写得不对：{self.dsn}（应为 postgresql://用户@主机:端口/数据库名）。") from None
        if "password" in params:
            raise DatabaseRefused("数据库地址里不要写密码：请用 --password-file 或环境变量 "
                                  f"{PASSWORD_ENV} 提供密码。")
        if not params.get("dbname"):
            raise DatabaseRefused(f"数据库地址缺少数据库名：{self.dsn}（应为 postgresql://用户@主机:端口/数据库名）。")
        return params

    @property
    def label(self) -> str:
        p = self.params
        return f"{p.get('user', '')}@{p.get('host', 'localhost')}:{p.get('port', 5432)}/{p['dbname']}"


def read_target(home) -> PostgresTarget | None:
    """The PostgreSQL database a home points at (database.json), or None: the home's own SQLite file."""
    path = Path(home.root) / TARGET_FILE
    if not path.exists():
        return None
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return PostgresTarget(doc["dsn"]) if doc.get("engine") == "postgresql" else None
    except (OSError, ValueError, KeyError, TypeError):
        raise DatabaseRefused(f"{path} 已损坏，无法知道数据库在哪里。请向管理员重新取得连接信息（vetstation connect）。")


def write_target(home, target: PostgresTarget | None, password: str | None = None) -> None:
    """Point the home at a PostgreSQL database (None: back to its SQLite file); the password, when given,
    goes to keys/database-password (mode 600), never into database.json."""
    from models.durable_files import write_secret

    root = Path(home.root)
    if target is None:
        (root / TARGET_FILE).unlink(missing_ok=True)
        return
    if password is not None:
        (root / "keys").mkdir(parents=True, exist_ok=True)
        write_secret(root / "keys" / PASSWORD_FILE, password.encode("utf-8"))
    write_secret(root / TARGET_FILE, json.dumps({"engine": "postgresql", "dsn": target.dsn}, ensure_ascii=False,
                                                indent=1).encode("utf-8"))


def password_of(home) -> str | None:
    if os.environ.get(PASSWORD_ENV):
        return os.environ[PASSWORD_ENV]
    secret = Path(home.root) / "keys" / PASSWORD_FILE
    return secret.read_text(encoding="utf-8").strip() if secret.exists() else None


# -- opening -----------------------------------------------------------------------------------------
def is_postgres() -> bool:
    return isinstance(db.obj, peewee.PostgresqlDatabase)


_HEX = frozenset("0123456789abcdef")


def compact_id(value):
    """How an id column of the change log stores a value (lean storage round 4, docs/lean-storage.md §18):
    on SQLite a canonical UUID text (lowercase, hyphenated) as its 16 bytes — byte order is the text's order —
    anything else as it is; PostgreSQL keeps the text. id_text(compact_id(v)) == v for every value."""
    return value if is_postgres() else _uuid_bytes(value)


def _uuid_bytes(value):
    if type(value) is str and len(value) == 36 and value[8] == value[13] == value[18] == value[23] == "-":
        digits = value[:8] + value[9:13] + value[14:18] + value[19:23] + value[24:]
        if _HEX.issuperset(digits):
            return bytes.fromhex(digits)
    return value


_EPOCH = dt.datetime(1970, 1, 1)


def compact_stamp(value):
    """How the change log stores its `at` (lean storage round 5, docs/lean-storage.md §25): on SQLite a UTC
    stamp as models.fields.utc_now writes it ('2026-12-05T06:30:12.123456Z') as integer microseconds since
    1970 when stamp_text gives exactly that text back, anything else as it is; PostgreSQL keeps the text."""
    return value if is_postgres() else _stamp_int(value)


def _stamp_int(value):
    if type(value) is str and len(value) == 27 and value[26] == "Z":
        head, micro = value[:20], value[20:26]
        seconds = _HEADS.get(head)
        if seconds is None:
            seconds = _head_seconds(head)
        if seconds is not None and micro.isascii() and micro.isdigit():
            return seconds * 1_000_000 + int(micro)
    return value


def _head_seconds(head: str) -> int | None:
    """Seconds since 1970 of 'YYYY-MM-DDTHH:MM:SS.' when stamp_text writes exactly that, else None."""
    try:
        moment = dt.datetime.fromisoformat(head[:19])
    except ValueError:
        return None
    if moment.tzinfo is not None or moment.isoformat(timespec="seconds") + "." != head:
        return None
    if len(_HEADS) > 4096:
        _HEADS.clear()
    seconds = _HEADS[head] = (moment - _EPOCH) // dt.timedelta(seconds=1)
    return seconds


_HEADS: dict[str, int] = {}  # the other way round: a second's text → seconds (bulk writes share seconds)


def stamp_text(value):
    """compact_stamp's inverse (text comes back as it is)."""
    return utc_text(value) if type(value) is int else value


_CLOCK_LIMIT = (1 << 63) // 100_000  # physical milliseconds whose stamp fits a 64-bit integer


def compact_clock(value):
    """How the change log stores its `hlc`: on SQLite a stamp as models.ids.format_stamp writes it
    ('0001732600000000.00012', 16 + 5 ASCII digits) as the integer ms × 100 000 + counter — same order, since
    the text is fixed-width — anything else (and a stamp beyond the 64-bit range) as it is; PostgreSQL: text."""
    return value if is_postgres() else _clock_int(value)


def _clock_int(value):
    if (type(value) is str and len(value) == 22 and value[16] == "." and value.isascii()
            and value[:16].isdigit() and value[17:].isdigit() and int(value[:16]) < _CLOCK_LIMIT):
        return int(value[:16]) * 100_000 + int(value[17:])
    return value


def clock_text(value):
    """compact_clock's inverse (text comes back as it is)."""
    if type(value) is int:
        physical, logical = divmod(value, 100_000)
        return f"{physical:016d}.{logical:05d}"
    return value


def id_sql(expression):
    """An SQL expression of record ids (a subquery's column) in the form the change log stores them
    (compact_id in SQL: SQLite's function vetstation_compact_id, registered on every connection)."""
    return expression if is_postgres() else peewee.fn.vetstation_compact_id(expression)


def stamp_sql(expression):
    """The change log's `at` as its text in SQL (a comparison or order that must be the text's own: a stamp
    compact_stamp kept as text compares as it did)."""
    return expression if is_postgres() else peewee.fn.vetstation_stamp_text(expression)


def _sqlite(path: str, pragmas: dict) -> peewee.SqliteDatabase:
    database = SqliteDatabase(path, pragmas=pragmas)
    database.register_function(_uuid_bytes, "vetstation_compact_id", 1, deterministic=True)
    database.register_function(_stored, "vetstation_stored", 3, deterministic=True)
    database.register_function(stamp_text, "vetstation_stamp_text", 1, deterministic=True)
    return database


def id_text(value):
    """The id text of a stored change-log id (compact_id's inverse; text comes back as it is)."""
    if type(value) is bytes and len(value) == 16:
        h = value.hex()
        return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"
    return value


# the change log's columns SQLite stores compactly:
# {(table, column): (stored form of a text, text of a stored value, the type of a compact stored value)}
COMPACT_COLUMNS = {
    ("change_log", "change_id"): (_uuid_bytes, id_text, bytes),
    ("change_log", "origin"): (_uuid_bytes, id_text, bytes),
    ("change_log", "record_id"): (_uuid_bytes, id_text, bytes),
    ("change_log", "at"): (_stamp_int, stamp_text, int),
    ("change_log", "hlc"): (_clock_int, clock_text, int),
}


def new_change_id():
    """A new id (models.ids.new_id) as the change log stores it: compact_id(new_id()), made from its number."""
    return new_id() if is_postgres() else new_id_number().to_bytes(16, "big")


def stored_stamp(micros: int):
    """compact_stamp(utc_text(micros)), made from the microseconds."""
    return utc_text(micros) if is_postgres() or micros < 0 else micros


def stored_clock(physical: int, logical: int):
    """compact_clock(format_stamp(physical, logical)), made from the clock's two numbers."""
    if is_postgres() or not (0 <= physical < _CLOCK_LIMIT and 0 <= logical < 100_000):
        return compact_clock(format_stamp(physical, logical))
    return physical * 100_000 + logical


def _stored(table: str, column: str, value):
    """SQL vetstation_stored(table, column, value): the value as SQLite stores it in that column (a schema step)."""
    forms = COMPACT_COLUMNS.get((table, column))
    return value if forms is None else forms[0](value)


def use_sqlite(path) -> None:
    close()
    db.initialize(_sqlite(str(path), SQLITE_PRAGMAS))
    db.connect(reuse_if_open=True)


def postgres_database(target: PostgresTarget, password: str | None = None,
                      application: str | None = None) -> peewee.PostgresqlDatabase:
    """A peewee PostgreSQL database for target, connected; a clear Chinese error when it cannot be."""
    import psycopg2

    _register_adapters()
    params = dict(target.params)
    name = params.pop("dbname")
    if password:
        params["password"] = password
    params.setdefault("connect_timeout", 10)
    params["application_name"] = application or APPLICATION
    database = PostgresqlDatabase(name, field_types=PG_FIELD_TYPES, **params)
    try:
        database.connect()
    except (peewee.OperationalError, psycopg2.OperationalError) as exc:
        raise connect_error(target, exc) from None
    return database


def connect_error(target: PostgresTarget, exc: Exception) -> DomainError:
    text = str(exc)
    if "password authentication failed" in text or "no password supplied" in text:
        return DatabaseRefused(f"数据库拒绝登录（{target.label}）：密码不对或未提供密码。请向管理员核对密码，数据未作任何改动。")
    if "does not exist" in text:
        return DatabaseRefused(f"数据库服务器上没有这个数据库或用户（{target.label}）。请向管理员核对连接信息。")
    if "no pg_hba.conf entry" in text or "permission denied" in text:
        return DatabaseRefused(f"数据库服务器不允许这台电脑连接（{target.label}）。请管理员在服务器上放行本机。")
    return DatabaseUnreachable(f"连不上数据库服务器（{target.label}）：请检查网络和服务器是否开着，数据未作任何改动。",
                               detail=text.strip())


def use_postgres(target: PostgresTarget, password: str | None = None, application: str | None = None) -> None:
    close()
    db.initialize(postgres_database(target, password, application))


def close() -> None:
    if db.obj is not None and not db.is_closed():
        db.close()


_adapted = False


def _register_adapters() -> None:
    """Dates go to PostgreSQL as untyped ISO text, as SQLite stores them (a DATE column is TEXT there).
    NUMERIC comes back as SQLite gives it: SUM over integers (NUMERIC in PostgreSQL) as int, AVG as float —
    never a Decimal, which would be stored as text in a JSON column (a closed period's figures)."""
    global _adapted
    if _adapted:
        return
    import datetime as dt

    from psycopg2.extensions import DECIMAL, QuotedString, new_type, register_adapter, register_type

    register_adapter(dt.date, lambda day: QuotedString(day.isoformat()))
    register_type(new_type(DECIMAL.values, "VETSTATION_NUMBER", _sqlite_number))
    _adapted = True


def _sqlite_number(text: str | None, _cursor):
    if text is None:
        return None
    return int(text) if text.lstrip("-").isdigit() else float(text)


# -- the differences -------------------------------------------------------------------------------
def sql(text: str) -> str:
    """A raw statement written with SQLite's ? marks, as the open engine takes its parameters."""
    return text.replace("?", "%s") if is_postgres() else text


_PREPARED: dict[tuple, object] = {}


def prepared(key: tuple, build):
    """What build() makes (a statement peewee generates, with its fields), made once per engine and key:
    building a wide statement per call cost more than running it (measured on the write path).

        sql = prepared(("live_village",), lambda: query.sql()[0])
    """
    full = (is_postgres(), *key)  # the statement's parameter marks are the engine's
    found = _PREPARED.get(full)
    if found is None:
        if len(_PREPARED) > 4096:  # keys with a size in them (IN lists) stay bounded
            _PREPARED.clear()
        found = _PREPARED[full] = build()
    return found


# -- contains-search (the search box) ---------------------------------------------------------------------
# PostgreSQL has no index for LIKE '%…%' on 2-character Chinese fragments (pg_trgm needs 3, and an
# extension); a GIN index over the array of every 2-character piece of the searched columns (built-in
# array GIN, no superuser) finds the few candidate rows, the LIKE itself then decides exactly, so the
# rows found are those of SQLite. A piece is its group's tag + 2 characters, ASCII lower-cased as
# PostgreSQL's lower() does under the C collation (and as SQLite's LIKE folds case).
PIECES_FUNCTION = (  # PL/pgSQL: 6 µs a row where the same in SQL (array_agg over generate_series) takes 17
    "CREATE OR REPLACE FUNCTION search_pieces(VARIADIC parts text[]) RETURNS text[] LANGUAGE plpgsql IMMUTABLE "
    "PARALLEL SAFE AS $$ DECLARE found text[] := '{}'; k int; i int; part text; BEGIN "
    "FOR k IN 1 .. coalesce(array_length(parts, 1), 0) BY 2 LOOP part := lower(parts[k + 1]); "
    "FOR i IN 1 .. coalesce(char_length(part), 0) - 1 LOOP found := found || (parts[k] || substr(part, i, 2)); "
    "END LOOP; END LOOP; RETURN found; END $$")
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _pieces_sql(groups) -> str:
    return ", ".join(f"'{tag}', \"{column}\"" for tag, columns in groups for column in columns)


def create_pieces_index(name: str, table: str, groups: tuple) -> None:
    """PostgreSQL: the GIN index `contains` uses, over groups = ((tag, (column, …)), …) of table
    (SQLite: nothing — its LIKE over a narrow covering index is fast enough)."""
    if is_postgres():
        db.execute_sql(PIECES_FUNCTION)
        db.execute_sql(f'CREATE INDEX IF NOT EXISTS {name} ON "{table}" USING gin (search_pieces({_pieces_sql(groups)}))')


def pieces(tag: str, text: str) -> list[str]:
    """The pieces search_pieces() gives text in group tag."""
    low = text.translate(_ASCII_LOWER)
    return sorted({tag + low[i:i + 2] for i in range(len(low) - 1)})


def contains(groups: tuple, tag: str, text: str):
    """Rows where a field of group tag contains text (ASCII case folded, as SQLite's LIKE does), as both
    engines run it fast; groups = ((tag, (field, …)), …) in the order of the table's pieces index.

        contains((("n", (Person.name, Person.former_name)), …), "n", "建国")
    """
    fields = dict(groups)[tag]
    if not is_postgres():
        pattern = f"%{text}%"
        return functools.reduce(operator.or_, (f ** pattern for f in fields))
    pattern = "%" + text.replace("\\", "\\\\") + "%"  # a backslash is a character, as in SQLite's LIKE
    matches = functools.reduce(operator.or_, (f ** pattern for f in fields))
    wanted = pieces(tag, text)
    if not wanted:
        return matches
    arguments = [a for t, columns in groups for f in columns for a in (peewee.SQL(f"'{t}'"), f)]
    return peewee.Expression(peewee.fn.search_pieces(*arguments), "@>", peewee.Value(wanted, unpack=False)) & matches


@contextlib.contextmanager
def searching(text_search: bool):
    """Around the statements of a search box query. PostgreSQL: when most rows match (the first digits of
    the county's ID numbers, a common phone prefix) the planner would read every row and compute its
    pieces again (6 µs each: 0.7 s at 100 000 persons) rather than read the pieces index (40 ms); it is told
    not to read whole tables for these statements."""
    if not (text_search and is_postgres()):
        yield
        return
    with db.atomic():
        before = db.execute_sql("SELECT current_setting('enable_seqscan'), "
                                "set_config('enable_seqscan', 'off', true)").fetchone()[0]
        try:
            yield
        finally:  # an enclosing transaction goes on as it was
            db.execute_sql("SELECT set_config('enable_seqscan', %s, true)", (before,))


def schema_version() -> int:
    if not is_postgres():
        return db.execute_sql("PRAGMA user_version").fetchone()[0]
    if not db.table_exists(VERSION_TABLE):
        return 0
    row = db.execute_sql(f"SELECT version FROM {VERSION_TABLE}").fetchone()
    return row[0] if row else 0


def set_schema_version(version: int) -> None:
    if not is_postgres():
        db.execute_sql(f"PRAGMA user_version = {int(version)}")
        return
    db.execute_sql(f"CREATE TABLE IF NOT EXISTS {VERSION_TABLE} (version INTEGER NOT NULL)")
    db.execute_sql(f"DELETE FROM {VERSION_TABLE}")
    db.execute_sql(f"INSERT INTO {VERSION_TABLE} (version) VALUES (%s)", (int(version),))


def prepare_schema() -> None:
    """What a fresh database needs before the migration steps create its tables (PostgreSQL: the
    SQLite functions the queries use)."""
    if is_postgres():
        for statement in PG_FUNCTIONS:
            db.execute_sql(statement)


def writer_lock() -> None:
    """Called first in every writing or importing transaction. SQLite lets one writer in at a time by
    itself; on PostgreSQL a transaction-scoped advisory lock does it, so each origin's seq stays gap-free,
    a bundle two PCs import at once is applied once, and every read after it sees the latest commit."""
    if is_postgres():
        db.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))


def insert_or_replace(model, **values) -> None:
    """SQLite's INSERT OR REPLACE by primary key, as both engines take it (INSERT … ON CONFLICT DO UPDATE)."""
    key = list(model._meta.get_primary_keys())
    names = {f.name for f in key}
    model.insert(**values).on_conflict(conflict_target=key, preserve=[
        f for f in model._meta.sorted_fields if f.name not in names and f.name in values]).execute()


def append_token(model, key) -> tuple:
    """A token that changes with every row appended to an append-only table (SQLite: the newest rowid and
    its key; PostgreSQL, which has no rowid: the number of rows and the greatest key)."""
    if is_postgres():
        return model.select(peewee.fn.COUNT(key), peewee.fn.MAX(key)).tuples().first()
    last = model.select(peewee.SQL("rowid"), key).order_by(peewee.SQL("rowid").desc()).limit(1)
    return last.tuples().first() or (0, None)


def integrity_problems() -> list[str]:
    if is_postgres():  # the server keeps its pages whole; foreign keys are enforced on every write
        return []
    rows = [r[0] for r in db.execute_sql("PRAGMA integrity_check").fetchall()]
    problems = [] if rows == ["ok"] else rows
    problems += [f"外键失效：{r[0]} 行 {r[1]} → {r[2]}" for r in db.execute_sql("PRAGMA foreign_key_check").fetchall()]
    return problems


def other_versions_connected(mine: str) -> list[str]:
    """Application names of other programs connected to this PostgreSQL database under another version."""
    if not is_postgres():
        return []
    rows = db.execute_sql("SELECT DISTINCT application_name FROM pg_stat_activity WHERE datname = current_database() "
                          "AND pid <> pg_backend_pid() AND application_name LIKE %s AND application_name <> %s",
                          (f"{APPLICATION} %", mine)).fetchall()
    return sorted(r[0] for r in rows)


def collation_problem() -> str | None:
    """Text must compare byte-wise as in SQLite (search order, codes, clocks): the C collation."""
    if not is_postgres():
        return None
    collate = db.execute_sql("SELECT datcollate FROM pg_database WHERE datname = current_database()").fetchone()[0]
    if collate not in ("C", "POSIX", "C.UTF-8", "C.utf8"):
        return (f"此 PostgreSQL 数据库的排序规则是 {collate}，本程序需要 C 排序规则。请管理员按 docs/postgres.md "
                "用 LC_COLLATE 'C' 重新建库。")
    return None


def backup_to(target: Path) -> None:
    """A consistent copy of the open database as one SQLite file (what every backup compresses and
    encrypts, so a backup restores into either engine)."""
    if not is_postgres():
        src = db.connection()
        dest = sqlite3.connect(str(target))
        try:
            src.backup(dest)
        finally:
            dest.close()
        return
    if SQLITE_SCHEMA is None:
        raise RuntimeError("models.migrations is not loaded: no schema to copy into")
    copy_database(db.obj, sqlite_database(target), SQLITE_SCHEMA)


# -- copying a whole database between engines ----------------------------------------------------------
SQLITE_SCHEMA = None  # models.migrations registers how a fresh database gets the current schema


def register_schema(build) -> None:
    global SQLITE_SCHEMA
    SQLITE_SCHEMA = build


def sqlite_database(path: Path) -> peewee.SqliteDatabase:
    """A copy's target file: written in one go, made durable when closed."""
    database = _sqlite(str(path), {"journal_mode": "delete", "synchronous": 1, "foreign_keys": 0})
    database.connect()
    return database


def build_schema(target: peewee.Database, build) -> None:
    """Run build() (the fresh schema, current version) against target instead of the open database."""
    before = db.obj
    db.initialize(target)
    try:
        with db.atomic():
            build()
    finally:
        db.initialize(before)


def tables_in_order(database: peewee.Database) -> list[str]:
    """The tables a copy fills, parents before children (foreign keys)."""
    names = [t for t in database.get_tables() if t != VERSION_TABLE]
    parents = {t: {fk.dest_table for fk in database.get_foreign_keys(t) if fk.dest_table != t} for t in names}
    done: list[str] = []
    while len(done) < len(names):
        ready = sorted(t for t in names if t not in done and parents[t] <= set(done))
        if not ready:  # a loop of foreign keys: take the rest as they come
            ready = sorted(t for t in names if t not in done)
        done.extend(ready)
    return done


def _normal(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, memoryview):
        return bytes(value)
    return value


def _compact(table: str, columns: list[str]) -> list[tuple[int, object, object]]:
    """[(index, stored form, text)] of the columns of table SQLite stores compactly (COMPACT_COLUMNS)."""
    return [(i, *COMPACT_COLUMNS[(table, c)][:2]) for i, c in enumerate(columns) if (table, c) in COMPACT_COLUMNS]


def _text_row(row, compact) -> list:
    """A row as text wherever SQLite stores a compact form: what a server holds, what checksums compare."""
    out = list(map(_normal, row))
    for i, _, text in compact:
        out[i] = text(out[i])
    return out


def _target_row(row, flags: list[int], compact, to_sqlite: bool) -> tuple:
    out = _text_row(row, compact)
    for i in flags:  # SQLite's 0/1 into a PostgreSQL boolean
        if out[i] is not None:
            out[i] = bool(out[i])
    if to_sqlite:  # into a SQLite file: stored as the change log's fields store them
        for i, stored, _ in compact:
            out[i] = stored(out[i])
    return tuple(out)


def _row_digest(row) -> int:
    import hashlib

    text = json.dumps(row, ensure_ascii=False, default=str).encode("utf-8")
    return int.from_bytes(hashlib.sha256(text).digest()[:16], "big")


def _read(database: peewee.Database, table: str, columns: list[str]):
    """Every row of table, streamed (a server-side cursor on PostgreSQL, inside the caller's snapshot)."""
    quoted = ", ".join(f'"{c}"' for c in columns)
    statement = f'SELECT {quoted} FROM "{table}"'
    if isinstance(database, peewee.PostgresqlDatabase):  # a cursor on the server: memory stays bounded
        name = f"copy_{table}"
        database.execute_sql(f"DECLARE {name} NO SCROLL CURSOR FOR {statement}")
        try:
            while True:
                rows = database.execute_sql(f"FETCH 5000 FROM {name}").fetchall()
                if not rows:
                    break
                yield rows
        finally:
            database.execute_sql(f"CLOSE {name}")
        return
    cursor = database.execute_sql(statement)
    while True:
        rows = cursor.fetchmany(5000)
        if not rows:
            break
        yield rows


def table_facts(database: peewee.Database, table: str, columns: list[str]) -> tuple[int, int]:
    """(rows, checksum) of a table: the sum of each row's SHA-256, so the order rows come in does not matter."""
    count = total = 0
    compact = _compact(table, columns)
    for rows in _read(database, table, columns):
        count += len(rows)
        total = (total + sum(_row_digest(_text_row(row, compact)) for row in rows)) % (1 << 128)
    return count, total


@contextlib.contextmanager
def snapshot(database: peewee.Database):
    """One consistent read of the whole database (PostgreSQL: a REPEATABLE READ transaction)."""
    with database.atomic():
        if isinstance(database, peewee.PostgresqlDatabase):
            database.execute_sql("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        yield


def copy_database(source: peewee.Database, target: peewee.Database, build=None, *, replace: bool = False,
                  progress=None) -> dict[str, tuple]:
    """Copy every row of source into target from one consistent snapshot, in one transaction on the target:
    build() first gives an empty target the current schema; replace=True empties the target's tables first
    (a restore). Then both are read back and each table's rows and checksum compared. Returns
    {table: (rows, checksum)}; raises DatabaseRefused when they differ, and the target keeps nothing."""
    facts = {}
    with target.atomic():
        if build is not None:
            build_schema(target, build)
        order = tables_in_order(target)
        if replace:
            if isinstance(target, peewee.PostgresqlDatabase):
                target.execute_sql("SELECT pg_advisory_xact_lock(%s)", (WRITER_LOCK,))
                target.execute_sql("TRUNCATE " + ", ".join(f'"{t}"' for t in order))
            else:
                for table in reversed(order):
                    target.execute_sql(f'DELETE FROM "{table}"')
        with snapshot(source):
            for table in order:
                kinds = {c.name: c.data_type.lower() for c in target.get_columns(table)}
                present = {c.name for c in source.get_columns(table)} if source.table_exists(table) else set()
                columns = [c for c in kinds if c in present]
                if not columns:
                    continue
                flags = [i for i, c in enumerate(columns) if kinds[c] == "boolean"]
                compact = _compact(table, columns)
                to_sqlite = not isinstance(target, peewee.PostgresqlDatabase)
                statement = (f'INSERT INTO "{table}" ({", ".join(chr(34) + c + chr(34) for c in columns)}) '
                             f'VALUES ({", ".join([target.param] * len(columns))})')
                for rows in _read(source, table, columns):
                    target.cursor().executemany(statement, [_target_row(r, flags, compact, to_sqlite) for r in rows])
                facts[table] = (columns, table_facts(source, table, columns))
                if progress:
                    progress(table)
        copied = {}
        for table, (columns, expected) in facts.items():
            found = table_facts(target, table, columns)
            if found != expected:
                raise DatabaseRefused(f"复制核对不符：「{table}」源 {expected[0]} 行，复制后 {found[0]} 行（或内容校验和不同）。"
                                      "未切换，原数据库未作任何改动。", table=table)
            copied[table] = found
    return copied


def replace_contents(restored: Path) -> None:
    """PostgreSQL: the open database's rows become those of a restored SQLite copy (the caller's transaction;
    the schema versions must match — a copy from another version is migrated on SQLite first)."""
    source = sqlite_database(restored)
    try:
        found = source.execute_sql("PRAGMA user_version").fetchone()[0]
        if found != schema_version():
            raise DatabaseRefused(f"此备份的数据结构版本（{found}）与数据库服务器上的（{schema_version()}）不同，"
                                  "不能直接恢复到 PostgreSQL。请先把备份恢复到一个 SQLite 数据目录（会自动升级），再用 "
                                  "move-to-postgres 迁入。数据未作任何改动。", found=found)
        copy_database(source, db.obj, replace=True)
    finally:
        source.close()
