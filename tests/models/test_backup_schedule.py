"""The daily automatic backup: one a day, never two, and the list of backups says when and why."""
import datetime as dt

from models.backup import backup_database
from models.backup_schedule import backup_if_due, backups, describe, reason_label


def dailies(home):
    return [e for e in backups(home) if e.reason == "daily"]


def test_backup_if_due_makes_one_backup_per_day_and_not_two(station):
    started = dt.datetime.now()
    first = backup_if_due(station, now=started)
    assert first is not None and first.exists()
    assert backup_if_due(station, now=started + dt.timedelta(hours=1)) is None
    assert backup_if_due(station, now=started + dt.timedelta(hours=23)) is None
    assert len(dailies(station)) == 1
    second = backup_if_due(station, now=started + dt.timedelta(hours=25))
    assert second is not None and second != first
    assert len(dailies(station)) == 2


def test_other_backups_do_not_count_as_the_daily_one(station):
    backup_database(station, reason="manual")
    assert backup_if_due(station) is not None
    assert backup_if_due(station) is None


def test_a_clock_set_back_does_not_stop_daily_backups(station):
    backup_if_due(station)
    assert backup_if_due(station, now=dt.datetime.now() - dt.timedelta(days=3)) is not None


def test_the_backup_list_tells_when_why_and_how_big_newest_first(station):
    backup_database(station, reason="manual")
    backup_database(station, reason="before-migration-v3")
    newest, oldest = backups(station)
    assert newest.reason_label == "升级数据结构前自动备份（原版本 3）"
    assert oldest.reason_label == "手动备份"
    assert newest.taken_at >= oldest.taken_at
    assert newest.size == newest.path.stat().st_size > 0
    assert abs(newest.taken_at - dt.datetime.now()) < dt.timedelta(minutes=5)
    assert reason_label("something-new") == "something-new"
    assert describe(station.backups / "stray.db").taken_at is None
