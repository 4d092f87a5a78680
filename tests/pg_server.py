"""A throwaway PostgreSQL server for the tests: initdb + pg_ctl into a temporary folder (never root: as
the `postgres` system user when the tests run as root), a Unix socket in that folder and 127.0.0.1 on
a free port, fsync off. The program connects as `bureau`, a role that is not a superuser; the tests'
own role `admin` creates and drops the databases.

    server = PgServer.start()          # None (and .why_not says why) when no PostgreSQL is installed
    dsn = server.fresh_database()      # an empty database owned by `bureau`, with the current schema
    server.drop(dsn); server.stop()
"""
from __future__ import annotations

import glob
import itertools
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

ROLE, ROLE_PASSWORD = "bureau", "bureau-secret"
ADMIN = "admin"
_counter = itertools.count(1)


def _bindir() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PgServer:
    why_not = ""

    def __init__(self, bindir: Path, folder: Path, port: int):
        self.bindir, self.folder, self.port = bindir, folder, port
        self.template = None

    @classmethod
    def start(cls):
        bindir = _bindir()
        if bindir is None:
            cls.why_not = "PostgreSQL server not installed (no initdb): the PostgreSQL tests need it (apt: postgresql)"
            return None
        try:
            import psycopg2  # noqa: F401
        except ImportError:
            cls.why_not = "psycopg2 not installed: pip install psycopg2-binary"
            return None
        folder = Path(tempfile.mkdtemp(prefix="vetstation-pg-"))
        folder.chmod(0o755)
        server = cls(bindir, folder, _free_port())
        server._run(["initdb", "-D", str(folder / "data"), "-U", ADMIN, "--auth-local=trust",
                     "--auth-host=scram-sha-256", "--pwfile", str(server._pwfile()), "--locale=C", "-E", "UTF8"])
        server._run(["pg_ctl", "-D", str(folder / "data"), "-w", "-l", str(folder / "server.log"), "-o",
                     f"-k {folder} -p {server.port} -h 127.0.0.1 -F -c max_connections=200 "
                     "-c full_page_writes=off -c synchronous_commit=off", "start"])
        server.admin_sql(f"CREATE ROLE {ROLE} LOGIN PASSWORD '{ROLE_PASSWORD}'")
        return server

    def _as_owner(self) -> list[str]:
        return ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []

    def _pwfile(self) -> Path:
        path = self.folder / "pw"
        path.write_text("admin-secret\n")
        if os.geteuid() == 0:
            shutil.chown(self.folder, "postgres", "postgres")
            shutil.chown(path, "postgres", "postgres")
        return path

    def _run(self, args: list[str]) -> None:
        command = [*self._as_owner(), str(self.bindir / args[0]), *args[1:]]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def stop(self) -> None:
        if not (self.folder / "data").exists():
            return  # already gone (stopped, or its temporary folder removed by a cleaner): nothing to stop
        try:
            self._run(["pg_ctl", "-D", str(self.folder / "data"), "-m", "immediate", "stop"])
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)

    def dsn(self, name: str, user: str = ROLE, *, tcp: bool = False) -> str:
        host = "127.0.0.1" if tcp else str(self.folder).replace("/", "%2F")
        return f"postgresql://{user}@{host}:{self.port}/{name}"

    def admin_sql(self, statement: str, database: str = "postgres"):
        import psycopg2

        con = psycopg2.connect(dbname=database, user=ADMIN, host=str(self.folder), port=self.port)
        con.autocommit = True
        try:
            with con.cursor() as cur:
                cur.execute(statement)
                return cur.fetchall() if cur.description else None
        finally:
            con.close()

    def empty_database(self) -> str:
        """A new empty database owned by the program's role (C collation, as docs/postgres.md says)."""
        name = f"t{os.getpid()}_{next(_counter)}"
        self.admin_sql(f"CREATE DATABASE {name} OWNER {ROLE} TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'")
        return name

    def fresh_database(self) -> str:
        """A new database with the current schema, copied from a template made once (fast per test)."""
        if self.template is None:
            self.template = self.empty_database()
            _create_schema(self.dsn(self.template))
        name = f"t{os.getpid()}_{next(_counter)}"
        self.admin_sql(f"CREATE DATABASE {name} OWNER {ROLE} TEMPLATE {self.template} STRATEGY FILE_COPY")
        return name

    def drop(self, name: str) -> None:
        self.admin_sql(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def _create_schema(dsn: str) -> None:
    """The template: what a bureau's first start creates (models.migrations.upgrade from version 0)."""
    from models import engine, migrations

    before = engine.db.obj
    database = engine.postgres_database(engine.PostgresTarget(dsn))
    try:
        engine.build_schema(database, migrations.fresh_schema)
    finally:
        database.close()
        engine.db.initialize(before)
