"""就业创业: a referral, a training and an entrepreneurship grant per person, listed and exported."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest

from models.employment import add_employment, employment_of
from models.installation import current
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.employment_page import EmploymentPage
from ui.context import AppContext


@pytest.fixture
def page(qtbot, station, actor):
    page = EmploymentPage(AppContext(station, current(), actor))
    qtbot.addWidget(page)
    return page


def test_an_entrepreneurship_grant_is_recorded_with_its_amount_in_yuan(qtbot, page, actor):
    person = add_person(1, actor, name="巴特尔")
    dialog = page.new_record()
    pick_person(qtbot, dialog.person, "bte", person.id)
    dialog.kind.setCurrentIndex(dialog.kind.findData("entrepreneurship"))
    assert dialog.grid.labels["title"].text() == "创业项目"
    assert [dialog.result.itemText(i) for i in range(dialog.result.count())] == ["", "已申请", "已扶持", "未获扶持"]
    type_text(qtbot, dialog.title, "肉羊养殖合作社")
    type_text(qtbot, dialog.grid.editors["organisation"], "乌审旗人社局")
    dialog.result.setCurrentIndex(dialog.result.findData("granted"))
    type_text(qtbot, dialog.grid.editors["amount_fen"], "5000")
    [record_id] = save(qtbot, dialog)

    [record] = employment_of(person.id)
    assert (record.id, record.title, record.result, record.amount_fen) == (record_id, "肉羊养殖合作社", "granted", 500000)
    assert page.detail.record_id == record_id
    lines = dict(page.describe(page.detail.detail))
    assert lines["创业项目"] == "肉羊养殖合作社" and lines["金额"] == "5,000.00 元" and lines["结果"] == "已扶持"
    assert page.detail.step_buttons == {}  # no workflow: nothing to step


def test_a_referral_without_a_post_says_so_next_to_the_field(qtbot, page, actor):
    person = add_person(2, actor)
    dialog = page.new_record(person.id)
    dialog.kind.setCurrentIndex(dialog.kind.findData("referral"))
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["title"].text() == "请填写推荐岗位"


def test_a_bad_amount_is_caught_before_saving(qtbot, page, actor):
    person = add_person(3, actor)
    dialog = page.new_record(person.id)
    type_text(qtbot, dialog.grid.editors["amount_fen"], "12.345")
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["amount_fen"].text() == "金额最多两位小数（元、角、分）"
    assert employment_of(person.id) == []


def test_the_training_list_exports_as_filtered(qtbot, page, actor, tmp_path):
    person = add_person(4, actor, name="刘振华")
    add_employment({"person": person.id, "kind": "training", "title": "电工培训", "result": "certified"}, actor=actor)
    add_employment({"person": person.id, "kind": "referral", "title": "保安", "amount_fen": 12345}, actor=actor)
    page.browser.refresh()
    with qtbot.waitSignal(page.browser.filters.query_changed):
        page.browser.filters.choose(page.browser.filters.category, "training")
    with qtbot.waitSignal(page.browser.exported, timeout=10000):
        page.browser.export_to(tmp_path / "training.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "training.xlsx").active.iter_rows(values_only=True))
    assert rows[1] == ("日期", "姓名", "类别", "岗位/培训/项目", "单位", "结果", "金额（元）")
    assert rows[2][1:6] == ("刘振华", "技能培训", "电工培训", None, "取得证书")
    assert rows[2][0].date() == dt.date.today() and len(rows) == 3
