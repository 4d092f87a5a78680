"""Stories of the audit tab: the head filters who did what; a clerk is told the trail is not theirs to see."""
from __future__ import annotations

from models.accounts import authenticate
from models.errors import WrongPassword
from models.installation import current
from models.security_settings import get_security
from models.staff import add_user
from models.write import Actor
from ui.context import AppContext
from ui.settings.audit import AuditSection
from ui.settings.page import SettingsPage


def test_the_head_sees_log_ins_and_filters_by_user_and_action(qtbot, ctx, actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    authenticate("wangfang", "start123")
    try:
        authenticate("wangfang", "wrong")
    except WrongPassword:
        pass
    page = SettingsPage(ctx)
    qtbot.addWidget(page)
    section = page.show_section("audit")
    assert section.model.rowCount() == 3  # the account added, a log-in, a failed log-in
    with qtbot.waitSignal(section.model.totalChanged):
        section.filter_by(user="wangfang", action="login_failed")
    assert section.model.rowCount() == 1
    row = [section.model.index(0, c).data() for c in range(5)]
    assert row[1:4] == ["wangfang", "登录失败", "wangfang"] and "in_a_row：1" in row[4]
    with qtbot.waitSignal(section.model.totalChanged):
        section.filter_by(target="nobody")
    assert section.model.rowCount() == 0


def test_the_head_changes_the_idle_time_and_a_bad_value_is_said(qtbot, ctx):
    section = AuditSection(ctx)
    qtbot.addWidget(section)
    section.settings["idle_minutes"].setValue(5)
    assert section.save_settings() and get_security("idle_minutes") == 5
    section.settings["lockout_attempts"].setValue(1)
    assert not section.save_settings() and "3 到 20" in section.settings_message.text()
    assert get_security("lockout_attempts") == 5


def test_a_clerk_does_not_see_the_audit(qtbot, station):
    section = AuditSection(AppContext(station, current(), Actor("li", "李四", "station_staff")))
    qtbot.addWidget(section)
    assert not section.may_see and not hasattr(section, "model")
