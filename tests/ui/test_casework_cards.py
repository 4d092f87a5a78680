"""优待证: a clerk accepts an application for a retired soldier and steps it to 已发放; refusals say why."""
from __future__ import annotations

import datetime as dt

import pytest

from models.cards import apply_card, card_step, get_card, live_card, record_exclusion
from models.write import Actor
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.cards_page import CardsPage

TODAY = dt.date.today()
FILED = dt.date(2024, 1, 10)


@pytest.fixture
def page(qtbot, ctx):
    page = CardsPage(ctx)
    qtbot.addWidget(page)
    return page


def take_step(qtbot, page, code: str, note: str = "", **fields):
    """Press the step's button, fill its dialog like a user, save, and wait for the detail to reload."""
    assert code in page.detail.step_buttons, f"{code} not offered; offered: {sorted(page.detail.step_buttons)}"
    page.detail.step_buttons[code].click()
    dialog = page.detail.dialog
    for name, value in fields.items():
        editor = dialog.grid.editors[name]
        if hasattr(editor, "findData"):
            editor.setCurrentIndex(editor.findData(value))
        else:
            editor.clear()
            type_text(qtbot, editor, value)
    if note:
        type_text(qtbot, dialog.grid.editors["note"], note)
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()


def test_a_retired_soldier_applies_and_the_card_is_stepped_to_issued_with_the_collector(qtbot, page, actor):
    person = add_person(1, actor, name="王建国", filed_on=FILED)
    page.new_button.click()
    dialog = page.dialog
    pick_person(qtbot, dialog.person, "wjg", person.id)
    assert dialog.card_type.value() == "veteran"  # chosen from the person's identity
    assert not dialog.eligibility.is_problem and "王建国" in dialog.eligibility.text()
    [card_id] = save(qtbot, dialog)

    assert page.detail.record_id == card_id
    assert page.detail.state.text() == "State: 已受理"
    assert set(page.detail.step_buttons) == {"submit", "reject"}
    take_step(qtbot, page, "submit")
    take_step(qtbot, page, "review", level="county")
    take_step(qtbot, page, "review", level="city")
    take_step(qtbot, page, "produce")
    take_step(qtbot, page, "receive", card_no="NM150626000123")
    assert set(page.detail.step_buttons) == {"issue", "revoke", "replace"}
    page.detail.step_buttons["issue"].click()
    issue = page.detail.dialog
    assert issue.grid.editors["collected_by"].value() == "王建国"  # the holder, unless someone else came
    assert issue.grid.editors["card_no"].value() == "NM150626000123"
    issue.grid.editors["collected_by"].clear()
    type_text(qtbot, issue.grid.editors["collected_by"], "李秀兰")
    type_text(qtbot, issue.grid.editors["guardian_relation"], "配偶")
    with qtbot.waitSignal(page.detail.step_saved):
        issue.save_button.click()

    card = get_card(card_id)
    assert (card.status, card.card_no, card.issued_on) == ("issued", "NM150626000123", TODAY)
    assert page.detail.state.text() == "State: 已发放"
    shown = dict(page.describe(page.detail.detail))
    assert shown["领取人"] == "李秀兰（配偶）"
    trail = [page.detail.events.topLevelItem(i).text(1) for i in range(page.detail.events.topLevelItemCount())]
    assert trail == ["发放", "县级签收", "转入制卡", "记录审核通过", "记录审核通过", "报送审核"]
    assert "审核层级：市级" in page.detail.events.topLevelItem(3).text(2)
    row = page.browser.model.rows[0]
    assert (row["person_name"], row["status_label"], row["card_no"]) == ("王建国", "已发放", "NM150626000123")


def test_an_application_for_a_person_without_an_eligible_identity_is_refused_with_the_reason(qtbot, page, actor):
    from models.registry import save_person
    from tests.models.people import person_values

    person, _ = save_person(None, person_values(2, name="赵民工", filed_on=FILED),
                            identities=[{"category": "disabled_militia"}], actor=actor)
    dialog = page.new_record(person.id)
    dialog.card_type.set_value("veteran")
    dialog.check()
    assert dialog.eligibility.is_problem  # said before saving …
    assert "不符合退役军人优待证的申领条件" in dialog.eligibility.text()
    save(qtbot, dialog, "refused")
    assert "赵民工的人员类别不符合退役军人优待证的申领条件" in dialog.banner.text()  # … and when saving
    assert live_card(person.id) is None
    assert page.browser.model.total == 0


def test_a_person_not_yet_registered_or_already_holding_a_card_is_refused(qtbot, page, actor):
    unfiled = add_person(3, actor, name="钱未建", filed_on=None)
    dialog = page.new_record(unfiled.id)
    save(qtbot, dialog, "refused")
    assert "尚未建档立卡" in dialog.banner.text()
    dialog.reject()

    holder = add_person(4, actor, name="孙持证", filed_on=FILED)
    apply_card(holder.id, "veteran", on=TODAY, actor=actor)
    dialog = page.new_record(holder.id)
    assert "每人只能持有一张" in dialog.eligibility.text()
    save(qtbot, dialog, "refused")
    assert "每人只能持有一张" in dialog.banner.text()


def test_send_back_returns_to_accepted_and_a_reason_is_required(qtbot, page, actor):
    person = add_person(5, actor, name="周补正", filed_on=FILED)
    card, _ = apply_card(person.id, "veteran", on=TODAY, actor=actor)
    card_step(card.id, "submit", on=TODAY, actor=actor)
    page.browser.refresh()
    page.open_record(card.id)
    page.detail.step_buttons["send_back"].click()
    dialog = page.detail.dialog
    assert dialog.grid.labels["note"].text() == "需补正的内容"
    save(qtbot, dialog, "refused")
    assert dialog.grid.messages["note"].text() == "退回补正请写明原因"
    type_text(qtbot, dialog.grid.editors["note"], "照片不合格")
    with qtbot.waitSignal(page.detail.step_saved):
        dialog.save_button.click()
    assert get_card(card.id).status == "accepted"
    assert set(page.detail.step_buttons) == {"submit", "reject"}


def test_reissuing_a_lost_card_opens_a_new_application_linked_to_the_old(qtbot, page, actor):
    person = add_person(6, actor, name="吴遗失", filed_on=FILED)
    card, _ = apply_card(person.id, "veteran", on=TODAY, actor=actor)
    for step, data in (("submit", {}), ("produce", {}), ("receive", {"card_no": "A1"}), ("issue", {"collected_by": "吴遗失"})):
        card_step(card.id, step, on=TODAY, data=data, actor=actor)
    page.browser.refresh()
    page.open_record(card.id)
    take_step(qtbot, page, "replace", note="不慎遗失", kind="reissue")

    new = live_card(person.id)
    assert new.id != card.id and new.replaces_id == card.id and new.kind == "reissue"
    assert get_card(card.id).status == "replaced"
    assert page.detail.record_id == new.id  # the new application is shown
    assert dict(page.describe(page.detail.detail))["申领类型"] == "补领"


def test_an_exclusion_refuses_the_application_and_only_the_bureau_lifts_it(qtbot, ctx, page, actor):
    person = add_person(7, actor, name="郑除名", filed_on=FILED)
    page.exclusions_button.click()
    register = page.dialog
    pick_person(qtbot, register.person, "郑除名", person.id)
    register.record()
    record = register.dialog
    record.grid.editors["kind"].set_value("dismissed")
    type_text(qtbot, record.grid.editors["note"], "原部队除名决定")
    save(qtbot, record)
    assert register.rows.topLevelItemCount() == 1
    assert register.rows.topLevelItem(0).text(3) == "有效"
    register.rows.setCurrentItem(register.rows.topLevelItem(0))
    assert not register.override_button.isEnabled()  # a station cannot lift it
    register.reject()

    dialog = page.new_record(person.id)
    save(qtbot, dialog, "refused")
    assert "被除名、开除军籍" in dialog.banner.text()
    dialog.reject()

    ctx.actor = Actor("bureau", "局审核员", "bureau_staff")
    register = page.exclusions(person.id)
    register.rows.setCurrentItem(register.rows.topLevelItem(0))
    assert register.override_button.isEnabled()
    lift = register.override()
    save(qtbot, lift, "refused")
    assert lift.grid.messages["overridden_reason"].text() == "解除请写明理由"
    type_text(qtbot, lift.grid.editors["overridden_reason"], "经核查系误登记")
    save(qtbot, lift)
    assert register.rows.topLevelItem(0).text(3).startswith("已解除（局审核员")

    dialog = page.new_record(person.id)
    [card_id] = save(qtbot, dialog)
    assert get_card(card_id).status == "accepted"


def test_the_cards_area_of_the_main_window_is_the_real_page(qtbot, ctx):
    from ui.main_window import MainWindow

    window = MainWindow(ctx)
    qtbot.addWidget(window)
    assert isinstance(window.show_area("cards"), CardsPage)


def test_a_record_excluded_person_shows_the_exclusion_on_their_card(qtbot, page, actor):
    person = add_person(8, actor, name="冯在押", filed_on=FILED)
    card, _ = apply_card(person.id, "veteran", on=TODAY, actor=actor)
    record_exclusion(person.id, "detained", on=TODAY, actor=actor)
    page.browser.refresh()
    page.open_record(card.id)
    assert dict(page.describe(page.detail.detail))["不予发放情形"] == "正在服刑、被羁押或被通缉"


def test_the_exclusions_button_is_in_the_title_row_just_before_new(qtbot, page):
    """不予发放情形… is held by the page's named place in the title row, beside 新建."""
    page.resize(1100, 700)
    page.show()
    qtbot.waitExposed(page)
    assert page.heading_extra.indexOf(page.exclusions_button) >= 0
    button, new = page.exclusions_button.geometry(), page.new_button.geometry()
    assert button.right() < new.left() and button.center().y() == new.center().y()
