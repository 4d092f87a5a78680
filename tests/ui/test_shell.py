"""The shell a user meets: first-start setup, log-in, and the main window with its navigation."""
from __future__ import annotations

import sys
import types

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QWidget

from models.accounts import authenticate
from models.installation import current, init_station
from models.write import CLI_ACTOR, Actor
from tests.conftest import STATION_CODE, STATION_NAME
from ui.context import AppContext
from ui.login_dialog import LoginDialog
from ui.main_window import AREA_KEYS, MainWindow
from ui.setup_dialog import SetupDialog
from ui.unavailable_page import UnavailablePage


def type_text(qtbot, edit: QLineEdit, text: str) -> None:
    """Type like a person: Latin by key clicks, Chinese as an input method commits it."""
    if text.isascii():
        qtbot.keyClicks(edit, text)
        return
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(edit, event)


def type_into(qtbot, dialog, values: dict[str, str]) -> None:
    for key, text in values.items():
        edit = dialog.fields[key].edit
        edit.clear()
        type_text(qtbot, edit, text)


ADMIN = {"username": "zhangwei", "display_name": "张伟", "password": "secret123", "password_again": "secret123"}


class FakeRegistryPage(QWidget):
    """Stands in for ui.registry.RegistryPage so the shell's wiring is tested on its own."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.search = QLineEdit(self)
        self.opened: list[str] = []

    def open_person(self, person_id: str) -> None:
        self.opened.append(person_id)

    def focus_search(self) -> None:
        self.search.setFocus()


@pytest.fixture
def fake_registry(monkeypatch):
    module = types.ModuleType("ui.registry")
    module.RegistryPage = FakeRegistryPage
    monkeypatch.setitem(sys.modules, "ui.registry", module)
    return module


@pytest.fixture
def window(qtbot, station, dressed_app, fake_registry):
    ctx = AppContext(station, current(), Actor("admin", "张站长", "station_head"))
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


# --- first start ------------------------------------------------------------------------------
def test_first_start_creates_the_station_and_its_administrator_and_logs_in(qtbot, home, dressed_app):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    assert dialog.fields["station_code"].edit.text() == "150626100"  # first default station chosen
    type_into(qtbot, dialog, ADMIN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.LeftButton)

    installation = current()
    assert (installation.kind, installation.station_code, installation.name) == (
        "station", "150626100", "嘎鲁图镇退役军人服务站")
    assert dialog.actor == Actor("zhangwei", "张伟", "station_head")
    assert authenticate("zhangwei", "secret123") == dialog.actor

    window = MainWindow(AppContext(home, installation, dialog.actor))
    qtbot.addWidget(window)
    assert "嘎鲁图镇退役军人服务站" in window.windowTitle() and "张伟" in window.windowTitle()
    assert window.status_user.text() == "当前用户：张伟（服务站站长）"


def test_first_start_as_the_bureau_creates_a_bureau_administrator(qtbot, home, dressed_app):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.choose_bureau()
    assert dialog.fields["bureau_name"].edit.text() == "乌审旗退役军人事务局"
    type_into(qtbot, dialog, ADMIN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert current().kind == "bureau"
    assert dialog.actor.role == "bureau_admin"


def test_a_typed_station_code_and_name_are_used(qtbot, home, dressed_app):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    type_into(qtbot, dialog, {"station_code": "150626999", "station_name": "测试镇退役军人服务站", **ADMIN})
    assert dialog.station_combo.currentData() is None  # switched to "another station"
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert (current().station_code, current().name) == ("150626999", "测试镇退役军人服务站")


def test_setup_mistakes_are_shown_next_to_the_fields_and_nothing_is_created(qtbot, home, dressed_app):
    dialog = SetupDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    type_into(qtbot, dialog, {"station_code": "15062", "username": "zhang wei", "password": "123",
                              "password_again": "124"})
    # shown as typed, before any click
    assert dialog.fields["station_code"].error.text() == "服务站代码为9到12位数字（统计用区划代码），例如 150626100。"
    assert dialog.fields["username"].error.isVisible()
    assert not dialog.fields["display_name"].error.isVisible()  # untouched fields are not scolded yet

    qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert dialog.fields["display_name"].error.text() == "请填写管理员姓名。"
    assert dialog.fields["password"].error.text() == "密码至少需要6位。"
    assert dialog.fields["password_again"].error.text() == "两次输入的密码不一致。"
    assert dialog.isVisible() and dialog.actor is None
    assert current() is None
    assert dialog.fields["username"].edit.text() == "zhang wei"  # nothing typed is lost


def test_after_cli_init_the_setup_only_asks_for_the_administrator(qtbot, home, dressed_app):
    init_station(STATION_CODE, STATION_NAME, actor=CLI_ACTOR)
    dialog = SetupDialog(installation=current())
    qtbot.addWidget(dialog)
    assert "station_code" not in dialog.fields
    type_into(qtbot, dialog, ADMIN)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.create_button, Qt.LeftButton)
    assert dialog.actor.role == "station_head"
    assert current().name == STATION_NAME


# --- log-in ------------------------------------------------------------------------------------
def test_wrong_password_says_so_in_the_dialog_and_nothing_else_happens(qtbot, station, dressed_app):
    dialog = LoginDialog(current(), username="admin", password="wrong-one")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.login_button, Qt.LeftButton)
    assert dialog.message.isVisible()
    assert dialog.message.text() == "用户名或密码不正确，请重新输入。"
    assert dialog.isVisible() and dialog.actor is None
    assert dialog.password.text() == "" and dialog.username.text() == "admin"


def test_right_password_and_enter_log_in(qtbot, station, dressed_app):
    dialog = LoginDialog(current())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username, "admin")
    qtbot.keyClicks(dialog.password, "admin123")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.password, Qt.Key_Return)
    assert dialog.actor == Actor("admin", "张站长", "station_head")


# --- main window -------------------------------------------------------------------------------
def test_navigation_lists_every_area_of_the_domain(window):
    titles = [window.nav.item(row).text() for row in range(window.nav.count())]
    assert titles == ["工作台", "信息采集", "服务记录", "走访慰问", "优待证", "困难帮扶", "矛盾纠纷", "就业创业",
                      "工作清单/考核", "台账打印", "数据交换（U盘）", "系统设置"]


def test_every_navigation_item_opens_a_page(window):
    for row, key in enumerate(AREA_KEYS):
        window.nav.setCurrentRow(row)
        assert window.stack.currentWidget() is window.pages[key]
    assert isinstance(window.pages["registry"], FakeRegistryPage)


def test_the_work_checklist_is_a_real_page_now(qtbot, station, dressed_app):
    win = MainWindow(AppContext(station, current(), Actor("admin", "张站长", "station_head")))
    qtbot.addWidget(win)
    page = win.select_area("tasks")
    assert not isinstance(page, UnavailablePage)
    assert win.nav.currentItem().text() == "工作清单/考核"


def test_window_opens_without_the_registry_module(qtbot, station, dressed_app, monkeypatch):
    monkeypatch.setitem(sys.modules, "ui.registry", None)  # import fails as if the package were missing
    win = MainWindow(AppContext(station, current(), Actor("admin", "张站长", "station_head")))
    qtbot.addWidget(win)
    page = win.select_area("registry")
    assert isinstance(page, UnavailablePage) and page.title.text() == "信息采集"


def test_ctrl_number_switches_area_and_ctrl_f_focuses_the_registry_search(qtbot, window):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key_3, Qt.ControlModifier)
    assert window.current_area() == "services"
    qtbot.keyClick(window, Qt.Key_1, Qt.ControlModifier)
    assert window.current_area() == "workbench"
    qtbot.keyClick(window, Qt.Key_F, Qt.ControlModifier)
    assert window.current_area() == "registry"
    qtbot.waitUntil(lambda: window.pages["registry"].search.hasFocus())


def test_status_bar_names_the_user_role_and_installation(window):
    assert window.status_user.text() == "当前用户：张站长（服务站站长）"
    assert window.status_installation.text() == "嘎鲁图镇退役军人服务站 · 服务站"
