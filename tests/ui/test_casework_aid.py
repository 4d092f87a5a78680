"""困难帮扶: a clerk opens a case, collects the documents, takes it through 公示 and 局审批 to
disbursements and 结案; another case is withdrawn; refusals say why."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtGui import QColor, QImage

from models.aid import add_document, aid_step, get_case, open_case
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.aid_page import AidPage

TODAY = dt.date.today()


def days_ago(n: int) -> str:
    return (TODAY - dt.timedelta(days=n)).isoformat()


@pytest.fixture
def page(qtbot, ctx):
    page = AidPage(ctx)
    qtbot.addWidget(page)
    return page


@pytest.fixture
def scan(tmp_path):
    path = tmp_path / "申请表.png"
    image = QImage(40, 30, QImage.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path))
    return path


def fill(qtbot, editor, value) -> None:
    if hasattr(editor, "findData"):
        editor.setCurrentIndex(editor.findData(value))
    else:
        editor.clear()
        type_text(qtbot, editor, value)


def take_step(qtbot, page, code: str, on: str, note: str = "", **fields):
    """Press the step's button, fill the dialog like a user, save, wait until the detail shows it."""
    assert code in page.detail.step_buttons, f"{code} not offered; offered: {sorted(page.detail.step_buttons)}"
    page.detail.step_buttons[code].click()
    dialog = page.detail.dialog
    fill(qtbot, dialog.grid.editors["on"], on)
    for name, value in fields.items():
        fill(qtbot, dialog.grid.editors[name], value)
    if note:
        type_text(qtbot, dialog.grid.editors["note"], note)
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()


def receive_document(qtbot, page, code: str, scan=None):
    dialog = page.documents.add_document(code)
    if scan is not None:
        dialog.grid.editors["attachment"].set_value(str(scan))
    return save(qtbot, dialog)


def open_for(actor, person, requested_fen=200000):
    case, _ = open_case({"person": person.id, "hardship_type": "illness", "description": "住院治疗",
                         "requested_fen": requested_fen, "applied_on": TODAY - dt.timedelta(days=30)}, actor=actor)
    return case


def test_a_case_is_taken_through_to_a_disbursement_of_1500_yuan_and_closed(qtbot, page, actor, scan):
    person = add_person(1, actor, name="王建国")
    page.new_button.click()
    dialog = page.dialog
    pick_person(qtbot, dialog.person, "wjg", person.id)
    fill(qtbot, dialog.hardship_type, "illness")
    fill(qtbot, dialog.grid.editors["applied_on"], days_ago(30))
    type_text(qtbot, dialog.grid.editors["description"], "妻子住院手术，家庭无力承担医疗费用")
    fill(qtbot, dialog.grid.editors["family_income_fen"], "24,000")
    fill(qtbot, dialog.grid.editors["family_size"], "3")
    fill(qtbot, dialog.grid.editors["requested_fen"], "2000")
    [case_id] = save(qtbot, dialog)
    case = get_case(case_id)
    assert (case.family_income_fen, case.family_size, case.requested_fen, case.aid_form) == (2400000, 3, 200000, "cash")
    assert page.detail.state.text() == "State: 已申请"
    assert dict(page.describe(page.detail.detail))["家庭情况"] == "3 人，申请前12个月家庭总收入 24,000.00 元"

    for code in ("application", "id_card", "household"):
        receive_document(qtbot, page, code, scan)
    box = page.documents.rows
    received = [box.topLevelItem(i) for i in range(box.topLevelItemCount())]
    assert [(r.text(0), r.text(2)) for r in received[:3]] == [("申请表（必备）", "Yes"), ("身份证（必备）", "Yes"),
                                                            ("户口簿（必备）", "Yes")]
    assert page.documents.attachment_file(received[0]).is_file()  # the scan is kept in the home

    take_step(qtbot, page, "verify", days_ago(28), "入户核实，情况属实")
    take_step(qtbot, page, "station_approve", days_ago(26))
    take_step(qtbot, page, "publicize", days_ago(20), "村务公开栏", **{"from": days_ago(20), "to": days_ago(14)})
    assert dict(page.describe(page.detail.detail))["公示"] == f"{days_ago(20)} 至 {days_ago(14)}；异议：无"
    page.detail.step_buttons["approve"].click()
    assert page.detail.dialog.grid.editors["amount_fen"].text() == "2000.00"  # the requested amount, to change
    page.detail.dialog.reject()
    take_step(qtbot, page, "approve", days_ago(13), amount_fen="1500")
    page.detail.step_buttons["disburse"].click()
    assert page.detail.dialog.grid.editors["amount_fen"].text() == "1500.00"  # what is left to pay
    page.detail.dialog.reject()
    take_step(qtbot, page, "disburse", days_ago(10), amount_fen="1000", fund_source="aid_fund")
    take_step(qtbot, page, "disburse", days_ago(9), amount_fen="500", fund_source="donation")
    take_step(qtbot, page, "follow_up", days_ago(5), "已用于缴纳住院费用")
    take_step(qtbot, page, "close", days_ago(0))

    shown = dict(page.describe(page.detail.detail))
    assert (shown["申请金额"], shown["核定金额"], shown["已发放"]) == ("2,000.00 元", "1,500.00 元", "1,500.00 元（2 笔）")
    assert page.detail.state.text() == "State: 已结案"
    assert page.detail.step_buttons == {}
    assert page.detail.events.topLevelItem(2).text(2) == "发放 500.00 元（社会捐助）"
    row = page.browser.model.rows[0]
    assert (row["status_label"], row["requested_fen"], row["approved_fen"], row["paid_fen"]) == \
        ("已结案", 200000, 150000, 150000)
    assert page.browser.table.model().index(0, 6).data() == "1500.00"
    assert not page.documents.add_button.isEnabled()  # a closed case takes no more documents


def test_station_approval_is_refused_while_required_documents_are_missing(qtbot, page, actor, scan):
    case = open_for(actor, add_person(2, actor, name="李缺件"))
    aid_step(case.id, "verify", on=TODAY, actor=actor)
    page.browser.refresh()
    page.open_record(case.id)
    missing = [page.documents.rows.topLevelItem(i) for i in range(3)]
    assert [m.text(1) for m in missing] == ["not received"] * 3
    assert missing[0].foreground(0).color() == QColor("#b3261e")

    receive_document(qtbot, page, "application", scan)
    page.detail.step_buttons["station_approve"].click()
    dialog = page.detail.dialog
    save(qtbot, dialog, "refused")
    assert "申请材料不齐，缺少：身份证、户口簿" in dialog.banner.text()
    assert get_case(case.id).status == "verified"


def test_another_case_is_withdrawn_with_a_reason(qtbot, page, actor):
    case = open_for(actor, add_person(3, actor, name="赵撤回"))
    page.browser.refresh()
    page.open_record(case.id)
    page.detail.step_buttons["withdraw"].click()
    dialog = page.detail.dialog
    assert dialog.grid.labels["note"].text() == "撤回原因"
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["note"].text() == "撤回请写明原因"
    type_text(qtbot, dialog.grid.editors["note"], "本人申请撤回，已通过其他渠道解决")
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()
    assert get_case(case.id).status == "withdrawn"
    assert page.detail.state.text() == "State: 已撤回"
    assert page.detail.step_buttons == {}
    assert page.browser.model.rows[0]["status_label"] == "已撤回"


def test_paying_more_than_the_approved_amount_is_refused_next_to_the_amount(qtbot, page, actor):
    case = open_for(actor, add_person(4, actor, name="钱超发"))
    day = lambda n: TODAY - dt.timedelta(days=n)  # noqa: E731
    aid_step(case.id, "verify", on=day(20), actor=actor)
    for code in ("application", "id_card", "household"):
        add_document(case.id, code, on=day(20), actor=actor)
    aid_step(case.id, "station_approve", on=day(19), actor=actor)
    aid_step(case.id, "publicize", on=day(18), data={"from": day(18), "to": day(12)}, actor=actor)
    aid_step(case.id, "approve", on=day(11), amount_fen=150000, actor=actor)
    page.browser.refresh()
    page.open_record(case.id)
    page.detail.step_buttons["disburse"].click()
    dialog = page.detail.dialog
    fill(qtbot, dialog.grid.editors["amount_fen"], "2500")
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["amount_fen"].text() == "发放总额不能超过核定金额 1,500.00 元（已发放 0.00 元）"
    assert get_case(case.id).paid_fen == 0


def test_a_file_that_is_not_a_scan_is_refused_and_nothing_is_recorded(qtbot, page, actor, tmp_path):
    case = open_for(actor, add_person(5, actor, name="孙附件"))
    page.browser.refresh()
    page.open_record(case.id)
    text = tmp_path / "说明.txt"
    text.write_text("不是扫描件")
    dialog = page.documents.add_document("application")
    dialog.grid.editors["attachment"].set_value(str(text))
    save(qtbot, dialog, "refused")
    assert "不支持的文件类型：说明.txt" in dialog.banner.text()
    assert page.documents.rows.topLevelItem(0).text(1) == "not received"


def test_the_main_window_opens_an_aid_case_in_its_area(qtbot, ctx, actor):
    from ui.main_window import MainWindow

    case = open_for(actor, add_person(6, actor, name="周打开"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_record("aid", case.id)  # what the workbench and the person's timeline do
    page = window.pages["aid"]
    assert isinstance(page, AidPage) and window.current_area() == "aid"
    assert page.detail.record_id == case.id
    assert page.documents.isVisibleTo(page) and page.documents.case_id == case.id
