"""矛盾纠纷/信访: a clerk registers a dispute between two veterans, logs two mediation steps, resolves it,
follows up (满意) and sees 化解在当地率 change; overdue cases are red in the list."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from models.disputes import dispute_step, edit_dispute, get_dispute, parties, register_dispute
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.disputes_page import DEADLINE_COLOURS, DisputesPage

TODAY = dt.date.today()


@pytest.fixture
def page(qtbot, ctx):
    page = DisputesPage(ctx)
    qtbot.addWidget(page)
    return page


def fill(qtbot, editor, value) -> None:
    if hasattr(editor, "findData"):
        editor.setCurrentIndex(editor.findData(value))
    else:
        editor.clear()
        type_text(qtbot, editor, value)


def take_step(qtbot, page, code: str, note: str = "", **fields):
    assert code in page.detail.step_buttons, f"{code} not offered; offered: {sorted(page.detail.step_buttons)}"
    page.detail.step_buttons[code].click()
    dialog = page.detail.dialog
    for name, value in fields.items():
        fill(qtbot, dialog.grid.editors[name], value)
    if note:
        type_text(qtbot, dialog.grid.editors["note"], note)
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()


def register(actor, person, *, registered_on=TODAY, deadline=None, **values):
    case, _ = register_dispute({"persons": [person.id], "source": "visit", "dispute_type": "family",
                                "claim": "宅基地边界争议", "registered_on": registered_on, "deadline": deadline,
                                **values}, actor=actor)
    return case


def test_a_dispute_is_registered_mediated_twice_resolved_and_followed_up_and_the_rate_changes(qtbot, page, actor):
    first = add_person(1, actor, name="王建国")
    second = add_person(2, actor, name="李卫东")
    assert page.rate_label.text() == "化解在当地率 —（已化解 0 / 已办结 0）"
    page.new_button.click()
    dialog = page.dialog
    assert dialog.number.text().endswith(f"150626100-{TODAY.year}-0001")
    pick_person(qtbot, dialog.parties.picker, "19700101", first.id)  # an ID fragment: both are suggested
    pick_person(qtbot, dialog.parties.picker, "李卫东", second.id)
    assert dialog.parties.picker.search.text() == ""  # ready for another party
    assert dialog.parties.value() == [first.id, second.id]
    type_text(qtbot, dialog.grid.editors["outsiders"], "张某（邻居）")
    fill(qtbot, dialog.grid.editors["source"], "screening")
    fill(qtbot, dialog.grid.editors["dispute_type"], "family")
    fill(qtbot, dialog.grid.editors["risk"], "medium")
    type_text(qtbot, dialog.grid.editors["claim"], "两户因院墙边界发生争执，要求重新划界")
    dialog.grid.editors["repeat"].setChecked(True)
    type_text(qtbot, dialog.grid.editors["leader"], "刘书记")
    type_text(qtbot, dialog.grid.editors["leader_phone"], "13904771234")
    [case_id] = save(qtbot, dialog)

    case = get_dispute(case_id)
    assert case.number == f"150626100-{TODAY.year}-0001"
    assert (case.source, case.risk, case.repeat, case.leader, case.handler) == ("screening", "medium", True, "刘书记", "张站长")
    assert case.deadline == TODAY + dt.timedelta(days=30)
    assert [p.name for p in parties(case_id)] == ["王建国", "李卫东"]
    shown = dict(page.describe(page.detail.detail))
    assert shown["当事人"] == "王建国、李卫东、张某（邻居）"
    assert shown["包案领导"] == "刘书记（13904771234）"

    take_step(qtbot, page, "mediate", "约谈双方，讲解相关政策", result="双方同意现场勘查")
    take_step(qtbot, page, "mediate", "会同村委会现场勘查", who="张站长、村调解员", result="初步达成一致")
    assert page.detail.state.text() == "State: 调处中"
    take_step(qtbot, page, "resolve", "签订调解协议，重新砌墙")
    assert page.rate_label.text() == "化解在当地率 100.0%（已化解 1 / 已办结 1）"
    take_step(qtbot, page, "follow_up", "双方关系缓和", satisfaction="satisfied")

    assert get_dispute(case_id).status == "followed_up"
    shown = dict(page.describe(page.detail.detail))
    assert (shown["结果"], shown["满意度"]) == (f"已化解（{TODAY.isoformat()}）", "满意")
    trail = [page.detail.events.topLevelItem(i) for i in range(page.detail.events.topLevelItemCount())]
    assert [t.text(1) for t in trail] == ["回访", "已化解", "记录调处", "记录调处"]
    assert trail[2].text(2) == "会同村委会现场勘查；结果：初步达成一致；调处人：张站长、村调解员"
    assert page.detail.step_buttons == {}
    row = page.browser.model.rows[0]
    assert page.browser.model.data(page.browser.model.index(0, 0), Qt.ForegroundRole) == DEADLINE_COLOURS["green"]
    assert (row["number"], row["status_label"]) == (case.number, "已回访")

    other = register(actor, first)
    page.ctx.announce(dispute_step(other.id, "escalate", on=TODAY, data={"to": "旗信访局"}, actor=actor))
    assert page.rate_label.text() == "化解在当地率 50.0%（已化解 1 / 已办结 2）"


def test_an_overdue_dispute_shows_red_and_one_due_soon_yellow(qtbot, page, actor):
    person = add_person(3, actor, name="赵逾期")
    overdue = register(actor, person, registered_on=TODAY - dt.timedelta(days=40),
                       deadline=TODAY - dt.timedelta(days=10))
    soon = register(actor, person, deadline=TODAY + dt.timedelta(days=2))
    later = register(actor, person, deadline=TODAY + dt.timedelta(days=20))
    suspended = register(actor, person, registered_on=TODAY - dt.timedelta(days=5), deadline=TODAY - dt.timedelta(days=1))
    dispute_step(suspended.id, "suspend", on=TODAY, note="当事人外出务工，暂时联系不上", actor=actor)
    page.browser.refresh()
    model = page.browser.model
    colour = {model.rows[r]["id"]: model.data(model.index(r, 6), Qt.ForegroundRole) for r in range(model.rowCount())}
    assert colour[overdue.id] == DEADLINE_COLOURS["red"]
    assert colour[soon.id] == DEADLINE_COLOURS["yellow"]
    assert colour[suspended.id] == DEADLINE_COLOURS["grey"]
    assert colour[later.id] is None
    page.open_record(overdue.id)
    assert dict(page.describe(page.detail.detail))["办结期限"] == f"{(TODAY - dt.timedelta(days=10)).isoformat()}（红：已逾期）"


def test_escalating_needs_where_it_went(qtbot, page, actor):
    case = register(actor, add_person(4, actor, name="孙上报"))
    page.browser.refresh()
    page.open_record(case.id)
    page.detail.step_buttons["escalate"].click()
    dialog = page.detail.dialog
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["to"].text() == "请填写上报至何处"
    type_text(qtbot, dialog.grid.editors["to"], "旗退役军人事务局")
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()
    assert get_dispute(case.id).outcome == "escalated"
    assert "上报至：旗退役军人事务局" in page.detail.events.topLevelItem(0).text(2)


def test_a_registration_without_parties_or_claim_says_what_is_missing(qtbot, page):
    dialog = page.new_record()
    fill(qtbot, dialog.grid.editors["source"], "visit")
    fill(qtbot, dialog.grid.editors["dispute_type"], "housing")
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["persons"].text() == "请选择至少一名当事人"
    assert dialog.grid.messages["claim"].text() == "请填写诉求内容"


def test_the_risk_and_leader_can_be_changed_as_the_case_goes_on(qtbot, page, actor):
    case = register(actor, add_person(5, actor, name="周升级"), risk="low")
    page.browser.refresh()
    page.open_record(case.id)
    dialog = page.edit_registration()
    assert dialog.grid.editors["claim"].value() == "宅基地边界争议"
    fill(qtbot, dialog.grid.editors["risk"], "high")
    type_text(qtbot, dialog.grid.editors["leader"], "旗局王局长")
    save(qtbot, dialog)
    case = get_dispute(case.id)
    assert (case.risk, case.leader) == ("high", "旗局王局长")
    assert dict(page.describe(page.detail.detail))["风险等级"] == "高"


def test_a_change_saved_elsewhere_while_the_dialog_is_open_is_kept(qtbot, page, actor):
    """The case was changed from another PC (or by an imported bundle) after the clerk opened the dialog."""
    case = register(actor, add_person(7, actor, name="周并存"), risk="low")
    page.browser.refresh()
    page.open_record(case.id)
    dialog = page.edit_registration()
    edit_dispute(case.id, {"handler": "司法所李所长"}, actor=actor)  # elsewhere, meanwhile

    fill(qtbot, dialog.grid.editors["risk"], "high")
    save(qtbot, dialog)

    case = get_dispute(case.id)
    assert (case.risk, case.handler) == ("high", "司法所李所长")


def test_the_open_cases_export_to_xlsx_with_number_and_deadline(qtbot, page, actor, tmp_path, monkeypatch):
    import openpyxl

    person = add_person(6, actor, name="吴导出")
    kept = register(actor, person, deadline=TODAY + dt.timedelta(days=10))
    ended = register(actor, person)
    dispute_step(ended.id, "resolve", on=TODAY, actor=actor)
    page.browser.refresh()
    filters = page.browser.filters
    with qtbot.waitSignal(filters.query_changed):
        filters.choose(filters.status, "registered")
    target = tmp_path / "矛盾纠纷.xlsx"
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(page.browser.exported, timeout=10000):
        page.browser.export_button.click()
    rows = list(openpyxl.load_workbook(target).active.iter_rows(values_only=True))
    assert rows[1][:2] == ("编号", "登记日期")
    assert [r[0] for r in rows[2:]] == [kept.number]
    assert rows[2][6].date() == TODAY + dt.timedelta(days=10)


def test_the_main_window_opens_a_dispute_in_its_area(qtbot, ctx, actor):
    from ui.main_window import MainWindow

    case = register(actor, add_person(7, actor, name="郑打开"))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_record("disputes", case.id)
    page = window.pages["disputes"]
    assert isinstance(page, DisputesPage) and page.detail.record_id == case.id
    assert page.detail.title.text() == f"{case.number} · 郑打开"


def test_the_legend_and_the_edit_button_sit_in_the_pages_named_places(qtbot, page, actor):
    """The area's own widgets are held by name, not by layout position: the legend and 化解在当地率 on the
    line under the title, 修改登记 after the case's fields and before 已办理步骤."""
    from PySide6.QtCore import QPoint
    from PySide6.QtWidgets import QLabel

    case = register(actor, add_person(8, actor, name="钱位置"))
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    with qtbot.waitSignal(page.record_opened):
        page.open_record(case.id)
    assert page.below_heading.indexOf(page.facts_row) >= 0
    assert page.facts_row.isAncestorOf(page.legend) and page.facts_row.isAncestorOf(page.rate_label)
    assert page.detail.below_fields.indexOf(page.edit_row) >= 0 and page.edit_row.isVisible()

    def top(widget) -> int:
        return widget.mapTo(page, QPoint(0, 0)).y()

    title = page.findChild(QLabel, "pageTitle")
    assert top(title) + title.height() <= top(page.legend) < top(page.browser)
    fields = page.detail.form.parentWidget()
    assert top(fields) + fields.height() <= top(page.edit_row) < top(page.detail.events_title)
