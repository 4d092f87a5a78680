"""Settings · accounts: the station head manages accounts; everyone changes only their own password."""
from __future__ import annotations

import pytest

from models.accounts import authenticate, create_user
from models.errors import WrongPassword
from models.write import Actor
from tests.ui.settings_helpers import answer_yes, open_settings, warnings  # noqa: F401 (fixtures)

CLERK = Actor("wangfang", "王芳", "station_staff")


@pytest.fixture
def open_page(open_settings, station):
    return lambda actor: open_settings(station, actor).show_section("accounts")


def fill_passwords(dialog, password, repeat=None):
    dialog.passwords.password.setText(password)
    dialog.passwords.repeat.setText(password if repeat is None else repeat)


def test_the_station_head_adds_a_clerk_who_can_then_log_in(qtbot, open_page, actor):
    section = open_page(actor)
    dialog = section.add_user()
    assert [dialog.role.itemText(i) for i in range(dialog.role.count())] == ["服务站工作人员", "服务站站长"]
    dialog.username.setText("wangfang")
    dialog.display_name.setText("王芳")
    fill_passwords(dialog, "start123")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        dialog.ok_button.click()
    assert done.args[0].ok and not dialog.isVisible()
    assert authenticate("wangfang", "start123").display_name == "王芳"
    assert section.table.selected_key() == "wangfang"
    assert section.table.text("wangfang", 2) == "服务站工作人员"
    assert section.table.text("wangfang", 5) == "张站长"  # created by


def test_a_refused_new_account_keeps_what_was_typed_and_says_why(qtbot, open_page, actor):
    section = open_page(actor)
    dialog = section.add_user()
    dialog.username.setText("admin")
    dialog.display_name.setText("王芳")
    fill_passwords(dialog, "start123")
    with qtbot.waitSignal(section.done, timeout=10_000):
        dialog.ok_button.click()
    assert dialog.isVisible() and "已被使用" in dialog.error.text()
    assert dialog.display_name.text() == "王芳"
    fill_passwords(dialog, "start123", "start124")
    dialog.ok_button.click()  # refused at once, before anything is written
    assert dialog.error.text() == "两次输入的密码不一致，请重新输入。"


def test_a_clerk_sees_accounts_read_only_and_cannot_add_one(qtbot, open_page, actor):
    create_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    section = open_page(CLERK)
    assert section.add_button.isHidden() and section.reset_button.isHidden() and section.active_button.isHidden()
    assert not section.note.isHidden() and not section.own_button.isHidden()
    assert set(section.table.keys) == {"admin", "wangfang"}
    dialog = section.add_user()  # even if the form were reached, the model refuses
    dialog.username.setText("lisi")
    dialog.display_name.setText("李四")
    fill_passwords(dialog, "start123")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        dialog.ok_button.click()
    assert not done.args[0].ok and "站长" in dialog.error.text()
    with pytest.raises(WrongPassword):
        authenticate("lisi", "start123")


def test_the_head_resets_a_forgotten_password_and_the_old_one_fails(qtbot, open_page, actor):
    create_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    section = open_page(actor)
    section.table.select_key("wangfang")
    dialog = section.reset_password()
    fill_passwords(dialog, "fresh456")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        dialog.ok_button.click()
    assert done.args[0].ok
    assert authenticate("wangfang", "fresh456")
    with pytest.raises(WrongPassword):
        authenticate("wangfang", "start123")


def test_the_last_administrator_cannot_be_deactivated_and_is_told_why(qtbot, open_page, actor, warnings,
                                                                       answer_yes):
    section = open_page(actor)
    section.table.select_key("admin")
    assert section.active_button.text() == "停用"
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        section.active_button.click()
    assert not done.args[0].ok
    assert warnings == ["「张站长」是最后一个可用的管理员账号，不能停用；请先添加或启用另一个站长/管理员账号。"]
    assert section.table.text("admin", 3) == "在用"
    assert authenticate("admin", "admin123")


def test_a_deactivated_clerk_cannot_log_in_until_reactivated(qtbot, open_page, actor, answer_yes):
    create_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    section = open_page(actor)
    section.table.select_key("wangfang")
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.active_button.click()
    assert section.table.text("wangfang", 3) == "已停用"
    with pytest.raises(WrongPassword):
        authenticate("wangfang", "start123")
    assert section.active_button.text() == "启用"
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.active_button.click()
    assert authenticate("wangfang", "start123")


def test_changing_my_own_password_with_a_wrong_old_one_is_refused(qtbot, open_page, actor):
    create_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    section = open_page(CLERK)
    dialog = section.change_own_password()
    dialog.old.setText("guess999")
    fill_passwords(dialog, "mine4567")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        dialog.ok_button.click()
    assert not done.args[0].ok and dialog.error.text() == "原密码不正确，密码未修改。"
    assert authenticate("wangfang", "start123")
    dialog.old.setText("start123")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        dialog.ok_button.click()
    assert done.args[0].ok
    assert authenticate("wangfang", "mine4567")
