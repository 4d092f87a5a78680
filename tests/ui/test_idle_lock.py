"""Stories of the idle lock: covered after idle time, the password again, nothing typed is lost, and
someone else may log in without seeing the first person's unsaved input."""
from __future__ import annotations

import pytest

from models import audit
from models.installation import current
from models.staff import add_user
from ui.context import AppContext
from ui.idle_lock import IdleLock, Sessions
from ui.main_window import MainWindow

IDLE_MS = 40  # injected: the real default is models.security_settings idle_minutes (10)


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1100, 700)
    win.show()
    return win


def type_a_search(window, text: str):
    search = window.select_area("registry").list_page.filters.search
    search.setText(text)
    return search


def test_the_window_locks_when_idle_and_the_same_person_carries_on_with_what_they_typed(qtbot, window):
    search = type_a_search(window, "王建")
    lock = IdleLock(window, idle_ms=IDLE_MS)
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass
    assert lock.cover.isVisible() and not window.centralWidget().isEnabled()
    assert lock.cover.geometry() == window.rect()
    lock.cover.password.setText("wrong")
    lock.cover.submit()
    assert lock.is_locked and "用户名或密码不正确" in lock.cover.message.text()
    lock.cover.password.setText("admin123")
    with qtbot.waitSignal(lock.unlocked):
        lock.cover.submit()
    assert not lock.cover.isVisible() and window.centralWidget().isEnabled()
    assert search.text() == "王建"
    assert [e.action for e in audit.entries(audit.AuditFilter(user="admin"))][:2] == ["login", "login_failed"]


def test_activity_keeps_the_window_open(qtbot, window):
    lock = IdleLock(window, idle_ms=10_000)
    lock.timer.setInterval(IDLE_MS)
    lock.timer.start()
    with qtbot.waitSignal(lock.locked, timeout=3000):
        pass  # the timer alone locks …
    lock.unlock()
    remaining = lock.timer.remainingTime()
    qtbot.mouseMove(window.centralWidget())  # … and any input starts the idle time again
    assert lock.timer.isActive() and lock.timer.remainingTime() >= remaining - 5


def test_another_person_logs_in_instead_and_the_first_persons_draft_waits_for_them(qtbot, window, station, actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    search = type_a_search(window, "王建")
    made = []

    def make_window(who):
        other = MainWindow(AppContext(station, current(), who))
        qtbot.addWidget(other)
        made.append(other)
        return other

    sessions = Sessions(make_window, idle_ms=IDLE_MS)
    first = sessions.adopt(window)
    with qtbot.waitSignal(first.locked, timeout=3000):
        pass
    first.cover.username.setText("wangfang")
    first.cover.password.setText("start123")
    with qtbot.waitSignal(first.switched):
        first.cover.submit()
    second_window = made[0]
    assert second_window.ctx.actor.username == "wangfang" and second_window.isVisible()
    assert not window.isVisible() and first.is_locked  # kept, locked, out of sight
    assert second_window.select_area("registry").list_page.filters.search.text() == ""
    second = sessions.lock_of(second_window)
    with qtbot.waitSignal(second.locked, timeout=3000):
        pass
    second.cover.username.setText("admin")
    second.cover.password.setText("admin123")
    with qtbot.waitSignal(second.switched):
        second.cover.submit()
    assert window.isVisible() and not first.is_locked and not second_window.isVisible()
    assert search.text() == "王建"
