"""Opening a home: the schema is created or upgraded safely, and bad homes are refused clearly."""
import sqlite3

import pytest

from models import migrations
from models.backup import describe_backup, list_backups, restore_database
from models.migrations import MigrationFailed
from models.db import DatabaseUnreadable, close_database, db, open_database, user_version
from models.errors import AlreadyInitialized, DatabaseTooNew, HomeNotWritable, NotInitialized
from models.home import Home
from models.installation import Installation, init_bureau, init_station
from models.person import Person
from models.registry import save_person
from models.write import CLI_ACTOR

from tests.models.people import person_values


def test_a_new_home_gets_its_folders_and_the_current_schema(tmp_path):
    home = Home(tmp_path / "h")
    open_database(home)
    try:
        assert user_version() == migrations.SCHEMA_VERSION
        assert all((home.root / name).is_dir() for name in ("attachments", "backups", "keys", "exports", "logs"))
        pragmas = {name: db.execute_sql(f"PRAGMA {name}").fetchone()[0]
                   for name in ("journal_mode", "foreign_keys", "synchronous")}
        assert pragmas == {"journal_mode": "wal", "foreign_keys": 1, "synchronous": 2}
    finally:
        close_database()


def test_a_database_from_a_newer_program_is_refused_and_left_untouched(tmp_path):
    home = Home(tmp_path / "h")
    open_database(home)
    close_database()
    with sqlite3.connect(home.database) as raw:
        raw.execute(f"PRAGMA user_version = {migrations.SCHEMA_VERSION + 5}")
    before = home.database.read_bytes()
    with pytest.raises(DatabaseTooNew, match="请先升级本程序"):
        open_database(home)
    assert home.database.read_bytes() == before


def test_a_file_that_is_not_a_database_is_refused(tmp_path):
    home = Home(tmp_path / "h")
    home.root.mkdir()
    home.database.write_bytes(b"this is a spreadsheet, not a database")
    with pytest.raises(DatabaseUnreadable, match="不是本程序的数据库文件"):
        open_database(home)
    assert home.database.read_bytes() == b"this is a spreadsheet, not a database"


def test_a_read_only_home_is_refused_with_its_path(read_only_folder):
    with pytest.raises(HomeNotWritable, match="数据目录不可写") as err:
        open_database(Home(read_only_folder / "home"))
    assert str(read_only_folder) in err.value.message


def test_an_upgrade_backs_up_first_and_runs_the_new_steps(tmp_path, monkeypatch):
    home = Home(tmp_path / "h")
    open_database(home)
    init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)
    close_database()
    ran = []
    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, lambda: ran.append("new step")])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    open_database(home)
    try:
        assert ran == ["new step"] and user_version() == migrations.SCHEMA_VERSION
        backups = list_backups(home)
        assert len(backups) == 1 and "before-migration" in backups[0].name
        assert describe_backup(home, backups[0])["schema_version"] == migrations.SCHEMA_VERSION - 1
    finally:
        close_database()


def test_a_failing_upgrade_step_changes_nothing(tmp_path, monkeypatch):
    home = Home(tmp_path / "h")
    open_database(home)
    close_database()

    def broken():
        db.execute_sql("CREATE TABLE half_done (x)")
        raise RuntimeError("disk full")

    monkeypatch.setattr(migrations, "STEPS", [*migrations.STEPS, broken])
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", len(migrations.STEPS))
    with pytest.raises(MigrationFailed, match="已恢复原状"):
        open_database(home)
    with sqlite3.connect(home.database) as raw:
        tables = [r[0] for r in raw.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        assert "half_done" not in tables
        assert raw.execute("PRAGMA user_version").fetchone()[0] == migrations.SCHEMA_VERSION - 1


def test_an_installation_is_made_once(home):
    with pytest.raises(NotInitialized):
        Installation.get_current()
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    with pytest.raises(AlreadyInitialized, match="已初始化"):
        init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)


def test_restore_brings_back_the_backed_up_state_and_keeps_the_current_one(station, actor):
    from models.backup import backup_database

    save_person(None, person_values(1, name="备份前"), actor=actor)
    snapshot = backup_database(station, reason="manual")
    save_person(None, person_values(2, name="备份后"), actor=actor)
    safety = restore_database(station, snapshot)
    assert [p.name for p in Person.select()] == ["备份前"]
    assert describe_backup(station, safety)["persons"] == 2


def test_after_a_restore_new_changes_never_reuse_a_sequence_number(station, actor):
    from models.backup import backup_database
    from models.changelog import Change

    snapshot = backup_database(station, reason="manual")
    save_person(None, person_values(3, name="已发出"), actor=actor)
    sent = {(c.origin, c.seq) for c in Change.select()}  # may have left on a stick
    restore_database(station, snapshot)
    save_person(None, person_values(4, name="恢复后"), actor=actor)
    after = {(c.origin, c.seq) for c in Change.select().where(Change.record_id.in_(
        [p.id for p in Person.select().where(Person.name == "恢复后")]))}
    assert after and not (after & sent)  # a new origin: no change number is given twice
