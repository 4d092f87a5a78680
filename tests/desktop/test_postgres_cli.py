"""Stories of a bureau whose master copy lives in PostgreSQL (issue 13), through the command line.

Every test here starts its own empty database on the session's throwaway server (tests/pg_server.py)
and skips with the reason when no PostgreSQL server is installed.
"""
from __future__ import annotations

import json
import sqlite3

import pytest

from desktop.__main__ import main
from models.db import close_database, db, open_database
from models.home import Home
from tests.conftest import _CREATED, pg_server
from tests.pg_server import ROLE_PASSWORD

BUREAU = "乌审旗退役军人事务局"


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch):
    for name in ("VETSTATION_HOME", "VETSTATION_PASSWORD", "VETSTATION_ADMIN_PASSWORD", "VETSTATION_DB_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def server():
    return pg_server()


@pytest.fixture
def empty_db(server):
    name = server.empty_database()
    _CREATED.append(name)
    return name


@pytest.fixture
def password_file(tmp_path):
    path = tmp_path / "pw.txt"
    path.write_text(ROLE_PASSWORD + "\n")
    return path


def run(capsys, home, *args):
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def add_person(capsys, home, name: str, n: int):
    """A person saved at this PC through the domain (the bureau registers one for a station)."""
    from models.registry import save_person
    from models.write import CLI_ACTOR
    from tests.models.people import person_values

    open_database(Home(home))
    try:
        save_person(None, person_values(n, name=name), actor=CLI_ACTOR, station_code="150626100")
    finally:
        close_database()


def names(capsys, home) -> list[str]:
    code, out, err = run(capsys, home, "people", "list", "--json")
    assert code == 0, err
    return sorted(p["name"] for p in json.loads(out))


def test_a_bureau_created_in_postgres_is_shared_by_a_second_pc_that_connects(tmp_path, capsys, server, empty_db,
                                                                            password_file):
    first, second = tmp_path / "admin-pc", tmp_path / "staff-pc"
    dsn = server.dsn(empty_db, tcp=True)
    code, out, err = run(capsys, first, "init", "--bureau", "--name", BUREAU, "--database", dsn,
                         "--password-file", str(password_file))
    assert (code, err) == (0, ""), err
    assert not (first / "vetstation.db").exists()
    assert json.loads((first / "database.json").read_text())["dsn"] == dsn  # no password in it
    assert ROLE_PASSWORD not in (first / "database.json").read_text()
    code, out, err = run(capsys, first, "bureau-keys", "--escrow-out", str(tmp_path / "escrow.txt"))
    assert code == 0, err
    code, out, err = run(capsys, second, "connect", "--database", dsn, "--password-file", str(password_file),
                         "--keys", str(first / "keys"))
    assert (code, err) == (0, ""), err
    add_person(capsys, first, "王建国", 1)
    add_person(capsys, second, "李卫东", 2)
    assert names(capsys, first) == names(capsys, second) == ["李卫东", "王建国"]
    code, out, err = run(capsys, second, "check")
    assert code == 0, err


def test_unreachable_server_and_wrong_password_are_one_chinese_line_and_leave_the_home_empty(
        tmp_path, capsys, server, empty_db):
    home = tmp_path / "h"
    unreachable = f"postgresql://bureau@127.0.0.1:{_closed_port()}/vetstation"
    code, out, err = run(capsys, home, "init", "--bureau", "--name", BUREAU, "--database", unreachable,
                         "--password-file", str(_secret(tmp_path, "x")))
    assert code == 1 and err.startswith("连不上数据库服务器") and len(err.strip().splitlines()) == 1
    assert not (home / "database.json").exists()
    code, out, err = run(capsys, home, "init", "--bureau", "--name", BUREAU, "--database",
                         server.dsn(empty_db, tcp=True), "--password-file", str(_secret(tmp_path, "wrong")))
    assert code == 1 and "密码不对" in err
    assert not (home / "database.json").exists()
    code, out, err = run(capsys, home, "init", "--bureau", "--name", BUREAU, "--database",
                         "postgresql://bureau:secret@127.0.0.1/vetstation")
    assert code == 1 and "不要写密码" in err


def test_a_database_newer_than_the_program_or_another_version_connected_is_refused(tmp_path, capsys, server,
                                                                                   empty_db, password_file):
    import psycopg2

    home = tmp_path / "h"
    dsn = server.dsn(empty_db)
    assert run(capsys, home, "init", "--bureau", "--name", BUREAU, "--database", dsn,
               "--password-file", str(password_file))[0] == 0
    other = psycopg2.connect(dsn, application_name="vetstation 99")
    try:
        code, out, err = run(capsys, home, "people", "list")
        assert code == 1 and "不同版本" in err and "99" in err
    finally:
        other.close()
    assert run(capsys, home, "people", "list")[0] == 0
    server.admin_sql("UPDATE vetstation_schema SET version = 99", database=empty_db)
    code, out, err = run(capsys, home, "people", "list")
    assert code == 1 and "更新版本的程序" in err and "99" in err


def test_moving_a_sqlite_bureau_into_postgres_and_back_keeps_every_row(tmp_path, capsys, server, empty_db,
                                                                        password_file):
    home = tmp_path / "bureau"
    assert run(capsys, home, "init", "--bureau", "--name", BUREAU)[0] == 0
    for i, name in enumerate(["王建国", "李卫东", "张建军"]):
        add_person(capsys, home, name, i + 1)
    before = _content(home / "vetstation.db")
    code, out, err = run(capsys, home, "move-to-postgres", "--database", server.dsn(empty_db),
                         "--password-file", str(password_file))
    assert (code, err) == (0, ""), err
    assert "核对" in out and not (home / "vetstation.db").exists()
    kept = list(home.glob("moved-to-postgres-*.db"))
    assert len(kept) == 1 and _content(kept[0]) == before
    assert names(capsys, home) == ["张建军", "李卫东", "王建国"]
    code, out, err = run(capsys, home, "copy-to-sqlite", "--out", str(tmp_path / "copy.db"))
    assert code == 0, err
    assert _content(tmp_path / "copy.db") == before
    code, out, err = run(capsys, home, "copy-to-sqlite")  # leaving PostgreSQL
    assert code == 0, err
    assert not (home / "database.json").exists() and _content(home / "vetstation.db") == before
    assert names(capsys, home) == ["张建军", "李卫东", "王建国"]


def test_moving_into_a_database_that_is_not_empty_changes_nothing(tmp_path, capsys, server, empty_db,
                                                                   password_file):
    home = tmp_path / "bureau"
    assert run(capsys, home, "init", "--bureau", "--name", BUREAU)[0] == 0
    server.admin_sql("CREATE TABLE someone_elses (x int)", database=empty_db)
    code, out, err = run(capsys, home, "move-to-postgres", "--database", server.dsn(empty_db),
                         "--password-file", str(password_file))
    assert code == 1 and "不是空的" in err
    assert (home / "vetstation.db").exists() and not (home / "database.json").exists()


def test_a_backup_taken_in_postgres_restores_into_a_sqlite_home_and_back_into_postgres(tmp_path, capsys, server,
                                                                                       empty_db, password_file):
    home = tmp_path / "bureau"
    assert run(capsys, home, "init", "--bureau", "--name", BUREAU, "--database", server.dsn(empty_db),
               "--password-file", str(password_file))[0] == 0
    assert run(capsys, home, "bureau-keys", "--escrow-out", str(tmp_path / "escrow.txt"))[0] == 0
    add_person(capsys, home, "王建国", 1)
    code, out, err = run(capsys, home, "backup", "--out", str(tmp_path / "b.vsbak"))
    assert code == 0, err
    add_person(capsys, home, "李卫东", 2)
    replacement = tmp_path / "replacement-pc"  # an SQLite home, restored from the bureau's backup
    code, out, err = run(capsys, replacement, "restore", str(tmp_path / "b.vsbak"), "--yes",
                         "--identity", str(tmp_path / "escrow.txt"))
    assert code == 0, err
    assert names(capsys, replacement) == ["王建国"]
    code, out, err = run(capsys, home, "restore", str(tmp_path / "b.vsbak"), "--yes")
    assert code == 0, err
    assert names(capsys, home) == ["王建国"]
    code, out, err = run(capsys, home, "check")
    assert code == 0, err


def test_a_fresh_postgres_schema_equals_a_migrated_sqlite_one(tmp_path, server, empty_db):
    from tests.conftest import point_at_postgres

    lite = Home(tmp_path / "lite")
    open_database(lite)
    expected = _schema()
    close_database()
    pg = Home(tmp_path / "pg")
    point_at_postgres(pg, schema=False)
    open_database(pg)
    try:
        found = _schema()
        columns, indexes, foreign = found["person"]
        assert "person_search_pieces" in {i[0] for i in indexes}  # the search box's index: PostgreSQL only
        found["person"] = (columns, tuple(i for i in indexes if i[0] != "person_search_pieces"), foreign)
        assert found == expected
    finally:
        close_database()


def _schema() -> dict:
    tables = {}
    for table in sorted(t for t in db.get_tables() if t != "vetstation_schema"):
        columns = tuple(sorted((c.name, c.null, c.primary_key) for c in db.get_columns(table)))
        indexes = tuple(sorted((i.name if not i.name.endswith("_pkey") and "autoindex" not in i.name else "pk",
                                tuple(i.columns), i.unique) for i in db.get_indexes(table)))
        foreign = tuple(sorted((f.column, f.dest_table, f.dest_column) for f in db.get_foreign_keys(table)))
        tables[table] = (columns, indexes, foreign)
    return tables


def _content(path) -> dict:
    con = sqlite3.connect(str(path))
    try:
        tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")]
        return {t: sorted(map(repr, con.execute(f'SELECT * FROM "{t}"').fetchall())) for t in tables}
    finally:
        con.close()


def _secret(folder, text: str):
    path = folder / f"pw-{text}.txt"
    path.write_text(text)
    return path


def _closed_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
