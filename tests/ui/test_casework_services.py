"""服务记录: a clerk records a 代办 item for a veteran, steps it to 已办结, finds it in the list, exports it."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import Qt

from models.services import get_service, record_service
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.services_page import ServicesPage

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, ctx):
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    return page


def step(qtbot, page, code: str, note: str = ""):
    dialog = page.detail.start_step(code, page.detail.step_buttons[code].text())
    if note:
        type_text(qtbot, dialog.grid.editors["note"], note)
    return dialog


def test_a_agency_item_is_recorded_for_a_person_and_stepped_to_done(qtbot, page, actor):
    person = add_person(1, actor, name="王建国")
    page.new_button.click()
    dialog = page.dialog
    pick_person(qtbot, dialog.person, "wjg", person.id)
    dialog.category.setCurrentIndex(dialog.category.findData("agency"))
    assert dialog.agency.isChecked()  # 服务代办 is tracked as a 代办 item without an extra click
    type_text(qtbot, dialog.content, "代办医疗保险转移接续")
    [record_id] = save(qtbot, dialog)

    assert page.detail.record_id == record_id
    assert page.detail.state.text() == "State: 已受理"
    assert set(page.detail.step_buttons) == {"start", "complete", "return", "follow_up"}
    with qtbot.waitSignal(page.detail.step_saved):
        step(qtbot, page, "start").save_button.click()
    assert set(page.detail.step_buttons) == {"complete", "return", "follow_up"}  # only what the state allows
    with qtbot.waitSignal(page.detail.step_saved):
        step(qtbot, page, "complete", "已办结，材料已寄出").save_button.click()

    assert get_service(record_id).agency_state == "done"
    assert set(page.detail.step_buttons) == {"follow_up"}
    assert page.detail.events.topLevelItemCount() == 2
    assert page.detail.events.topLevelItem(0).text(1) == "办结"
    row = page.browser.model.rows[0]
    assert (row["id"], row["person_name"], row["status_label"]) == (record_id, "王建国", "已办结")
    assert page.browser.count_label.text() == "1 records in total"


def test_returning_an_item_without_a_reason_is_refused_next_to_the_field(qtbot, page, actor):
    record, _ = record_service({"category": "agency", "content": "代办优待证申请"}, actor=actor)
    page.open_record(record.id)
    dialog = step(qtbot, page, "return")
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["note"].text() == "退回请写明原因"
    assert dialog.isVisible() or not dialog.result()  # still open: nothing typed is lost
    type_text(qtbot, dialog.grid.editors["note"], "材料不全")
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()
    assert get_service(record.id).agency_state == "returned"


def test_an_anonymous_walk_in_needs_only_category_and_content(qtbot, page):
    dialog = page.new_record()
    assert dialog.person.value() is None
    dialog.category.setCurrentIndex(dialog.category.findData("policy"))
    type_text(qtbot, dialog.content, "咨询优待证办理条件")
    [record_id] = save(qtbot, dialog)
    assert page.browser.model.rows[0]["person_name"] == ""
    assert page.browser.table.model().index(0, 1).data() == "来访群众"
    assert get_service(record_id).handler == "张站长"


def test_a_record_without_category_or_content_says_what_is_missing(qtbot, page):
    dialog = page.new_record()
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["category"].text() == "请选择服务类别"
    assert dialog.grid.messages["content"].text() == "请填写服务内容"
    assert "Not saved" in dialog.banner.text()


def test_typing_a_name_without_choosing_is_not_saved_as_anonymous(qtbot, page, actor):
    add_person(1, actor, name="王建国")
    dialog = page.new_record()
    type_text(qtbot, dialog.person.search, "王建")
    dialog.category.setCurrentIndex(dialog.category.findData("policy"))
    type_text(qtbot, dialog.content, "咨询")
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["person"].text().startswith("Pick the person")


def test_the_list_filters_by_category_date_and_staff(qtbot, page, actor):
    record_service({"category": "policy", "content": "咨询A", "served_on": TODAY - dt.timedelta(days=20)}, actor=actor)
    record_service({"category": "agency", "content": "代办B", "served_on": TODAY - dt.timedelta(days=2)}, actor=actor)
    record_service({"category": "agency", "content": "代办C", "handler": "李明"}, actor=actor)
    page.browser.refresh()
    assert page.browser.model.total == 3
    filters = page.browser.filters
    with qtbot.waitSignal(filters.query_changed):
        filters.choose(filters.category, "agency")
    assert [r["summary"] for r in page.browser.model.rows] == ["代办C", "代办B"]
    with qtbot.waitSignal(filters.query_changed):
        type_text(qtbot, filters.date_to, (TODAY - dt.timedelta(days=1)).isoformat())
    assert [r["summary"] for r in page.browser.model.rows] == ["代办B"]
    assert page.browser.count_label.text() == "1 records in total"


def test_the_filtered_list_exports_to_xlsx_with_every_row_as_shown(qtbot, page, actor, tmp_path, monkeypatch):
    for n in range(3):
        record_service({"category": "policy", "content": f"咨询{n}"}, actor=actor)
    record_service({"category": "agency", "content": "代办X"}, actor=actor)
    page.browser.refresh()
    with qtbot.waitSignal(page.browser.filters.query_changed):
        page.browser.filters.choose(page.browser.filters.category, "policy")
    target = tmp_path / "服务记录.xlsx"
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.browser.exported, timeout=10000):
        page.browser.export_button.click()
    sheet = openpyxl.load_workbook(target).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][0].startswith("服务记录（筛选：政策咨询")
    assert rows[1][:5] == ("服务日期", "服务对象", "方式", "类别", "服务内容")
    assert len(rows) == 2 + 3
    assert {r[4] for r in rows[2:]} == {"咨询0", "咨询1", "咨询2"}
    assert rows[2][0].date() == TODAY  # a real date cell


def test_double_click_on_a_service_row_keeps_it_in_the_detail_panel(qtbot, page, actor):
    record, _ = record_service({"category": "policy", "content": "咨询"}, actor=actor)
    page.browser.refresh()
    table = page.browser.table
    page.show()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=table.visualRect(table.model().index(0, 0)).center())
    assert page.detail.record_id == record.id
    assert set(page.detail.step_buttons) == {"follow_up"}  # not a 代办 item: only 回访
