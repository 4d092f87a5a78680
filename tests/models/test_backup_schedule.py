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
    # both were really taken today: the rotation keeps the newest of each day
    assert [e.path for e in dailies(station)] == [second]


def test_daily_backups_are_kept_seven_days_four_weeks_twelve_months():
    from models.backup import kept_daily

    today = dt.datetime(2026, 11, 26, 9, 0)
    stamps = [today - dt.timedelta(days=n, hours=h) for n in range(400) for h in (0, 5)]
    kept = kept_daily(stamps)
    assert {today - dt.timedelta(days=n) for n in range(7)} <= kept  # the newest of each of the last 7 days
    assert len({(t.year, t.month) for t in kept}) == 12
    assert len({t.isocalendar()[:2] for t in kept}) >= 4
    assert len(kept) <= 7 + 4 + 12
    assert min(kept) > today - dt.timedelta(days=366)


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
