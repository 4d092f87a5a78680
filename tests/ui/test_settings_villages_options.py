"""Settings · villages and option lists: the station keeps its villages; the bureau keeps the option lists."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QInputDialog

from models import options
from models.accounts import create_user
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau, villages
from models.registry import save_person
from models.write import CLI_ACTOR, Actor
from tests.models.people import person_values
from tests.ui.settings_helpers import answer_yes, open_settings, warnings  # noqa: F401 (fixtures)
from ui.registry import RegistryPage

BUREAU_ADMIN = Actor("ju", "赵科长", "bureau_admin")


@pytest.fixture
def type_into_dialog(monkeypatch):
    """type_into_dialog("text"): the next QInputDialog.getText returns it, as if typed and confirmed."""
    def answer(text):
        monkeypatch.setattr(QInputDialog, "getText", staticmethod(lambda *a, **k: (text, True)))

    return answer


@pytest.fixture
def bureau(tmp_path):
    close_database()
    home = Home(tmp_path / "bureau")
    open_database(home)
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    create_user("ju", "赵科长", "admin123", "bureau_admin", actor=CLI_ACTOR)
    yield home
    close_database()


def test_a_village_added_in_settings_is_offered_in_the_person_form(qtbot, open_settings, station, actor,
                                                                   type_into_dialog):
    section = open_settings(station, actor).show_section("villages")
    assert section.station.isHidden()  # a station keeps only its own villages
    type_into_dialog("乌兰什巴台嘎查")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        section.add_button.click()
    assert done.args[0].ok
    added = done.args[0].value
    assert section.table.selected_key() == added.id
    assert section.table.text(added.id, 0) == "乌兰什巴台嘎查" and section.table.text(added.id, 1) == "0"

    registry = RegistryPage(section.ctx)
    qtbot.addWidget(registry)
    combo = registry.new_person().basic.village.combo
    assert "乌兰什巴台嘎查" in [combo.itemText(i) for i in range(combo.count())]


def test_a_village_in_use_is_renamed_but_not_removed(qtbot, open_settings, station, actor, type_into_dialog,
                                                     warnings, answer_yes):
    village = villages()[0]
    save_person(None, person_values(1, village=village.id), actor=actor)
    section = open_settings(station, actor).show_section("villages")
    assert section.table.text(village.id, 1) == "1"
    section.table.select_key(village.id)
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.remove_button.click()
    assert warnings == [f"「{village.name}」已有 1 名服务对象登记，不能删除；名称有误请改名。"]
    assert village.id in section.table.keys

    type_into_dialog("布日都嘎查村")
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.rename_button.click()
    assert section.table.text(village.id, 0) == "布日都嘎查村"
    assert village.id in [v.id for v in villages()]


def test_an_unused_village_is_removed_after_asking(qtbot, open_settings, station, actor, answer_yes):
    village = villages()[1]
    section = open_settings(station, actor).show_section("villages")
    section.table.select_key(village.id)
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.remove_button.click()
    assert answer_yes == [f"要从嘎查村列表中删除「{village.name}」吗？"]
    assert village.id not in section.table.keys
    assert village.id not in [v.id for v in villages()]


def test_a_station_installed_before_the_lists_shipped_adds_its_published_villages(qtbot, open_settings, station,
                                                                                 actor, answer_yes):
    section = open_settings(station, actor).show_section("villages")
    button = section.published_button
    assert button.isEnabled() and "沙沙滩村" in button.toolTip()  # 嘎鲁图镇's list, not yet on this station's
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        button.click()
    assert done.args[0].ok and answer_yes[0].startswith("把以下 ")
    assert "沙沙滩村" in [section.table.text(key, 0) for key in section.table.keys]
    assert "沙沙滩村" in [v.name for v in villages()]
    assert not button.isEnabled() and "都已在本站名单中" in button.toolTip()


def test_the_bureau_relabels_an_option_and_the_new_label_is_used(qtbot, open_settings, bureau, type_into_dialog):
    section = open_settings(bureau, BUREAU_ADMIN).show_section("options")
    section.choose("visit_type")
    assert not section.rename_button.isHidden()
    section.table.select_key("festival")
    type_into_dialog("节日走访慰问")
    with qtbot.waitSignal(section.done, timeout=10_000) as done:
        section.rename_button.click()
    assert done.args[0].ok
    assert section.table.text("festival", 0) == "节日走访慰问"
    assert options.label("visit_type", "festival") == "节日走访慰问"


def test_the_bureau_adds_an_item_with_a_code_from_its_pinyin_and_retires_another(qtbot, open_settings, bureau):
    section = open_settings(bureau, BUREAU_ADMIN).show_section("options")
    section.choose("fund_source")
    dialog = section.add_item()
    dialog.label.setText("企业捐赠")
    assert dialog.code.text() == "qyjz"
    with qtbot.waitSignal(section.done, timeout=10_000):
        dialog.ok_button.click()
    assert options.label("fund_source", "qyjz") == "企业捐赠"
    section.table.select_key("donation")
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.active_button.click()
    assert section.table.text("donation", 2) == "已停用"
    assert "donation" not in [code for code, _ in options.choices("fund_source")]


def test_the_bureau_changes_the_visit_cadence_and_moves_an_item_up(qtbot, open_settings, bureau, monkeypatch):
    section = open_settings(bureau, BUREAU_ADMIN).show_section("options")
    section.choose("contact_cadence")
    section.table.select_key("key")
    monkeypatch.setattr(QInputDialog, "getInt", staticmethod(lambda *a, **k: (15, True)))
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.setting_button.click()
    assert options.setting("contact_cadence", "key", "days") == 15
    assert section.table.text("key", 3) == "每 15 天"
    section.table.select_key("regular")
    with qtbot.waitSignal(section.done, timeout=10_000):
        section.up_button.click()
    assert [code for code, _ in options.choices("contact_cadence")] == ["regular", "key"]
    assert section.table.keys == ["regular", "key"]


def test_a_station_sees_the_option_lists_read_only(open_settings, station, actor):
    section = open_settings(station, actor).show_section("options")
    section.choose("aid_document")
    assert all(b.isHidden() for b in (section.add_button, section.rename_button, section.active_button,
                                      section.setting_button))
    assert "由旗退役军人事务局" in section.note.text()
    assert section.table.text("application", 0) == "申请表" and section.table.text("application", 3) == "必交"
