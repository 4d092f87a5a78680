"""The bureau transfers a person to another station from the person form; a station never sees the button."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from models.installation import current, init_bureau
from models.registry import get_person, save_person, set_status
from models.write import CLI_ACTOR, Actor
from ui.context import AppContext
from ui.registry.page import RegistryPage

GALUTU, WUSHENZHAO = "150626100", "150626101"
GALUTU_NAME, WUSHENZHAO_NAME = "嘎鲁图镇退役军人服务站", "乌审召镇退役军人服务站"
TODAY = dt.date.today()


def open_page(qtbot, home, actor):
    page = RegistryPage(AppContext(home, current(), actor))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    return page


@pytest.fixture
def bureau(home):
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    return home


@pytest.fixture
def clerk():
    return Actor("li", "李科长", "bureau_admin")


@pytest.fixture
def wang(bureau, clerk):
    person, _ = save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=clerk,
                            station_code=GALUTU)
    return person.id


def open_transfer(qtbot, bureau, clerk, pid):
    page = open_page(qtbot, bureau, clerk)
    form = page.open_person(pid)
    assert form.transfer_button.isVisible() and "嘎鲁图镇" in form.status_label.text()
    qtbot.mouseClick(form.transfer_button, Qt.LeftButton)
    return page, form, form.transfer_dialog


def test_the_bureau_moves_a_person_to_another_station_and_the_form_shows_it(qtbot, bureau, clerk, wang):
    page, form, dialog = open_transfer(qtbot, bureau, clerk, wang)
    choices = [dialog.target.itemData(i) for i in range(1, dialog.target.count())]
    assert WUSHENZHAO in choices and GALUTU not in choices  # the current station is not offered
    assert dialog.on.value() == TODAY
    dialog.target.set_value(WUSHENZHAO)
    dialog.reason.setText("随子女迁居")
    with qtbot.waitSignal(page.ctx.changed, timeout=10_000) as announced, \
            qtbot.waitSignal(dialog.changed, timeout=10_000):
        qtbot.mouseClick(dialog.buttons.button(dialog.buttons.StandardButton.Ok), Qt.LeftButton)
    assert announced.args[0].touches("person")
    person = get_person(wang)
    assert (person.station_code, person.status) == (WUSHENZHAO, "active")
    assert form.status_label.text() == f"（在册 · {WUSHENZHAO_NAME}）"
    history = [(e.what, e.new) for e in form.history.model.entries]
    assert ("状态原因", f"迁往{WUSHENZHAO_NAME}：随子女迁居") in history
    assert ("状态原因", f"由{GALUTU_NAME}迁入（{TODAY.isoformat()}）") in history
    form.transfer()  # a second transfer lists the first one
    assert f"{GALUTU_NAME} → {WUSHENZHAO_NAME}" in form.transfer_dialog.earlier.text()


def test_without_a_chosen_station_nothing_is_written(qtbot, dressed_app, bureau, clerk, wang):
    _page, _form, dialog = open_transfer(qtbot, bureau, clerk, wang)
    dialog.apply()
    assert dialog.grid.messages["station_code"].text() == "请选择此人转入的服务站。"
    assert dialog.isVisible() and get_person(wang).station_code == GALUTU


def test_the_domain_refuses_a_person_who_is_not_registered_and_the_dialog_says_why(qtbot, bureau, clerk, wang):
    set_status(wang, "deceased", on=dt.date(2025, 11, 2), actor=clerk)
    _page, _form, dialog = open_transfer(qtbot, bureau, clerk, wang)
    dialog.target.set_value(WUSHENZHAO)
    with qtbot.waitSignal(dialog.refused, timeout=10_000):
        dialog.apply()
    assert dialog.grid.messages["station_code"].text() == "只能转移在册人员：王建国现为「去世」。"
    assert dialog.isVisible() and get_person(wang).station_code == GALUTU


def test_a_station_never_sees_the_transfer_button(qtbot, station, actor):
    person, _ = save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=actor)
    form = open_page(qtbot, station, actor).open_person(person.id)
    assert form.status_button.isVisible() and not form.transfer_button.isVisible()
    assert form.status_label.text() == "（在册）"
