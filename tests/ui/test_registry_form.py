"""The person form: registering, validating as typed, duplicates, history, status, photo."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import QColor, QImage, QKeyEvent
from PySide6.QtWidgets import QApplication

from models.idnumber import check_digit
from models.installation import villages
from models.person import Person
from models.registry import family_of, get_person, identities_of, save_person
from ui.leaving import CANCEL, DISCARD
from ui.registry.editors import Unreadable, fen_to_yuan, parse_date, yuan_to_fen


def id_number(birth: dt.date, seq: int) -> str:
    body = f"150626{birth:%Y%m%d}{seq:03d}"
    return body + check_digit(body)


@pytest.fixture
def page(registry_page):
    return registry_page


def type_text(widget, text: str) -> None:
    """Type like a keyboard (or an input method committing a character): one key event per character.

    QTest.keyClicks only knows ASCII; Chinese text arrives as key events carrying the text.
    """
    widget.setFocus()  # the clerk clicks into the field first
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def save_with_ctrl_s(qtbot, form):
    with qtbot.waitSignal(form.saved, timeout=10_000):
        qtbot.keyClick(form.basic.name, Qt.Key_S, Qt.ControlModifier)


def refuse_with_ctrl_s(qtbot, form):
    with qtbot.waitSignal(form.save_refused, timeout=10_000) as refused:
        qtbot.keyClick(form.basic.name, Qt.Key_S, Qt.ControlModifier)
    return refused.args[0]


def test_register_a_new_person_through_the_form_and_find_them_by_pinyin_initials(qtbot, page, station):
    form = page.new_person()
    number = id_number(dt.date(1980, 3, 9), 13)  # 17th digit 3: male
    type_text(form.basic.name, "王建国")
    type_text(form.basic.id_number, number)
    assert form.basic.birth_date.text() == "1980-03-09"
    assert form.basic.sex.currentText() == "男"
    assert not form.basic.grid.messages["id_number"].is_problem
    form.tabs.setCurrentIndex(form.tab_of["identities"])
    box = form.identities.rows["retired_soldier"].box
    qtbot.mouseClick(box, Qt.LeftButton, pos=QPoint(8, box.height() // 2))  # on the tick box itself
    form.tabs.setCurrentIndex(form.tab_of["family"])
    qtbot.mouseClick(form.family.add_button, Qt.LeftButton)
    member = form.family.rows[0].editors
    member["relation"].set_value("spouse")
    type_text(member["name"], "李秀兰")
    type_text(member["phone"], "13904770000")

    save_with_ctrl_s(qtbot, form)

    person = Person.get(Person.id_number == number)
    assert (person.name, person.sex, person.birth_date) == ("王建国", "M", dt.date(1980, 3, 9))
    assert [i.category for i in identities_of(person.id)] == ["retired_soldier"]
    assert [(m.relation, m.name, m.phone) for m in family_of(person.id)] == [("spouse", "李秀兰", "13904770000")]
    assert form.title.text() == "王建国" and not form.is_dirty()

    form.go_back()
    list_page = page.list_page
    with qtbot.waitSignal(list_page.filters.query_changed):
        list_page.filters.search.setText("wjg")
    assert list_page.model.rowCount() == 1
    assert list_page.model.rows[0]["id"] == person.id


def test_a_wrong_check_digit_is_shown_next_to_the_field_and_nothing_is_saved(qtbot, page):
    form = page.new_person()
    good = id_number(dt.date(1980, 3, 9), 13)
    wrong = good[:17] + ("0" if good[17] != "0" else "1")
    type_text(form.basic.name, "王建国")
    type_text(form.basic.id_number, wrong)
    message = form.basic.grid.messages["id_number"]
    assert message.is_problem and "校验位错误" in message.text()

    error = refuse_with_ctrl_s(qtbot, form)

    assert "id_number" in error.fields
    assert Person.select().count() == 0
    assert form.basic.name.text() == "王建国" and form.basic.id_number.text() == wrong
    assert form.banner.isVisible()


def test_a_number_still_being_typed_is_not_an_error_until_the_field_is_left(qtbot, page):
    form = page.new_person()
    type_text(form.basic.id_number, "1506261980")
    message = form.basic.grid.messages["id_number"]
    assert not message.is_problem and "10" in message.text()
    qtbot.keyClick(form.basic.id_number, Qt.Key_Return)  # Enter moves on: the field is left
    assert message.is_problem and "18位" in message.text()
    assert form.basic.birth_date.hasFocus()


def test_an_impossible_birth_date_in_the_number_is_named(qtbot, page):
    form = page.new_person()
    body = "15062619800230001"
    type_text(form.basic.id_number, body + check_digit(body))
    assert "19800230 不存在" in form.basic.grid.messages["id_number"].text()


def test_an_old_15_digit_number_is_shown_as_its_18_digit_form(qtbot, page):
    form = page.new_person()
    type_text(form.basic.id_number, "150626800309131")
    message = form.basic.grid.messages["id_number"]
    assert not message.is_problem
    assert "150626198003091310"[:17] in message.text()
    assert form.basic.birth_date.value() == dt.date(1980, 3, 9)


def test_a_birth_date_that_contradicts_the_number_is_flagged(qtbot, page):
    form = page.new_person()
    type_text(form.basic.birth_date, "1979-01-01")
    type_text(form.basic.id_number, id_number(dt.date(1980, 3, 9), 13))
    message = form.basic.grid.messages["birth_date"]
    assert message.is_problem and "1980-03-09" in message.text()
    form.basic.birth_date.setFocus()
    form.basic.birth_date.selectAll()
    type_text(form.basic.birth_date, "1980-03-09")
    assert not message.isVisible()


def test_a_duplicate_id_number_is_refused_with_a_link_to_the_existing_person(qtbot, page, actor, monkeypatch):
    number = id_number(dt.date(1970, 5, 5), 21)
    existing, _ = save_person(None, {"name": "巴特尔", "id_number": number}, actor=actor)
    form = page.new_person()
    type_text(form.basic.name, "巴特尔二")
    type_text(form.basic.id_number, number)
    type_text(form.basic.grid.editors["phone"], "13904770000")

    refuse_with_ctrl_s(qtbot, form)

    assert form.duplicate.isVisible() and "巴特尔" in form.duplicate_text.text()
    assert Person.select().count() == 1
    qtbot.mouseClick(form.open_existing_button, Qt.LeftButton)
    shown = page.current_form
    assert shown is not form and shown.person.id == existing.id
    assert shown.basic.name.text() == "巴特尔"
    asked = []
    monkeypatch.setattr("ui.registry.person_form.ask_unsaved", lambda _p, sentence: asked.append(sentence) or DISCARD)
    shown.go_back()  # 返回列表: the abandoned draft is asked about, not silently shown again
    assert page.current_form is None and page.stack.currentWidget() is page.list_page
    assert len(asked) == 1 and "巴特尔二" in asked[0]
    assert Person.select().count() == 1


def test_an_edited_phone_appears_in_the_history_as_old_to_new(qtbot, page, actor, monkeypatch):
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 3, 9), 13),
                                   "phone": "13900000001"}, actor=actor)
    form = page.open_person(person.id)
    monkeypatch.setattr("ui.registry.unmask.ask_reason", lambda *a: "更正档案")  # the stored phone is masked
    with qtbot.waitSignal(form.numbers_revealed):
        qtbot.mouseClick(form.unmask_button, Qt.LeftButton)
    phone = form.basic.grid.editors["phone"]
    phone.selectAll()
    type_text(phone, "13900000002")
    save_with_ctrl_s(qtbot, form)

    rows = form.history.model.entries
    change = next(e for e in rows if e.what == "联系电话" and e.old)
    assert (change.old, change.new, change.who) == ("13900000001", "13900000002", "张站长")
    assert get_person(person.id).phone == "13900000002"


def test_a_domain_validation_error_is_shown_next_to_its_field_and_nothing_typed_is_lost(qtbot, page):
    form = page.new_person()
    type_text(form.basic.name, "王建国")
    type_text(form.basic.id_number, id_number(dt.date(1980, 3, 9), 13))
    type_text(form.basic.grid.editors["phone"], "12345")
    form.tabs.setCurrentIndex(form.tab_of["identities"])

    refuse_with_ctrl_s(qtbot, form)

    assert "电话号码格式不对" in form.basic.grid.messages["phone"].text()
    assert form.tabs.currentIndex() == form.tab_of["basic"]
    assert form.basic.grid.editors["phone"].text() == "12345"
    assert Person.select().count() == 0


def test_income_is_typed_in_yuan_and_stored_as_whole_fen(qtbot, page, actor):
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 3, 9), 13)}, actor=actor)
    form = page.open_person(person.id)
    type_text(form.employment.editors["personal_income_fen"], "36,000.10")
    type_text(form.employment.editors["family_income_fen"], "0.3")
    save_with_ctrl_s(qtbot, form)
    stored = get_person(person.id)
    assert (stored.personal_income_fen, stored.family_income_fen) == (3600010, 30)
    assert form.employment.editors["personal_income_fen"].text() == "36000.10"


def test_money_and_date_text_are_read_exactly():
    assert yuan_to_fen("0.1") + yuan_to_fen("0.2") == yuan_to_fen("0.3") == 30
    assert yuan_to_fen("12345678.99") == 1234567899
    assert yuan_to_fen("") is None
    assert fen_to_yuan(5) == "0.05"
    for bad in ("1.005", "-3", "abc", "1e400"):
        with pytest.raises(Unreadable):
            yuan_to_fen(bad)
    assert parse_date("2024年3月1日") == parse_date("20240301") == parse_date("2024/3/1") == dt.date(2024, 3, 1)
    with pytest.raises(Unreadable):
        parse_date("2024-02-30")


def test_an_unreadable_date_blocks_saving_with_a_message_beside_it(qtbot, page):
    form = page.new_person()
    type_text(form.basic.name, "王建国")
    type_text(form.basic.id_number, id_number(dt.date(1980, 3, 9), 13))
    form.tabs.setCurrentIndex(form.tab_of["service"])
    type_text(form.service.editors["enlist_date"], "1998-13-01")
    assert form.service.messages["enlist_date"].is_problem
    form.tabs.setCurrentIndex(form.tab_of["basic"])
    form.save()
    assert form.tabs.currentIndex() == form.tab_of["service"]
    assert Person.select().count() == 0


def test_escape_with_unsaved_edits_asks_before_discarding(qtbot, page, monkeypatch):
    form = page.new_person()
    type_text(form.basic.name, "王")
    asked = []
    monkeypatch.setattr("ui.registry.person_form.ask_unsaved", lambda *a: asked.append(a) or CANCEL)
    qtbot.keyClick(form.basic.name, Qt.Key_Escape)
    assert asked and page.current_form is form
    monkeypatch.setattr("ui.registry.person_form.ask_unsaved", lambda *a: DISCARD)
    qtbot.keyClick(form.basic.name, Qt.Key_Escape)
    assert page.current_form is None and page.stack.currentWidget() is page.list_page


def test_a_new_village_can_be_added_from_the_form(qtbot, page):
    form = page.new_person()
    picker = form.basic.village
    with qtbot.waitSignal(picker.added, timeout=10_000):
        picker.add("沙尔利格嘎查")
    assert picker.combo.currentText() == "沙尔利格嘎查"
    assert "沙尔利格嘎查" in [v.name for v in villages()]
    assert page.list_page.filters.village.findText("沙尔利格嘎查") > 0


def test_disability_fields_open_for_disabled_veterans(qtbot, page):
    form = page.new_person()
    level = form.disability.editors["disability_level"]
    assert not level.isEnabled()
    form.identities.tick("disabled_veteran")
    assert level.isEnabled()


def test_family_of_a_martyr_records_the_deceased_service_member(qtbot, page, actor):
    form = page.new_person()
    type_text(form.basic.name, "张桂兰")
    type_text(form.basic.id_number, id_number(dt.date(1950, 2, 2), 24))
    from ui.registry.family_section import COLUMNS
    hidden = form.family.table.isColumnHidden(COLUMNS.index("deceased_name"))
    form.identities.tick("martyr_family")
    assert hidden and not form.family.table.isColumnHidden(COLUMNS.index("deceased_name"))
    row = form.family.add_row()
    row.editors["relation"].set_value("son")
    row.editors["name"].set_value("张卫国")
    row.editors["deceased_name"].set_value("张卫国")
    row.editors["deceased_date"].set_value(dt.date(1979, 2, 17))
    save_with_ctrl_s(qtbot, form)
    member = family_of(form.person.id)[0]
    assert (member.deceased_name, member.deceased_date) == ("张卫国", dt.date(1979, 2, 17))


def test_status_change_to_deceased_with_date(qtbot, page, actor):
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1930, 3, 9), 13)}, actor=actor)
    form = page.open_person(person.id)
    form.change_status()
    dialog = form.status_dialog
    dialog.status.set_value("deceased")
    with qtbot.waitSignal(dialog.refused, timeout=10_000):
        dialog.apply()
    assert "去世日期" in dialog.grid.messages["status_date"].text()
    assert get_person(person.id).status == "active"
    dialog.on.set_value(dt.date(2025, 11, 2))
    with qtbot.waitSignal(dialog.changed, timeout=10_000):
        dialog.apply()
    assert get_person(person.id).status == "deceased"
    assert "去世" in form.status_label.text()


def test_a_chosen_photo_is_stored_and_shown(qtbot, page, actor, tmp_path):
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 3, 9), 13)}, actor=actor)
    image = QImage(352, 440, QImage.Format_RGB32)
    image.fill(QColor("#88aacc"))
    path = tmp_path / "photo.jpg"
    assert image.save(str(path))
    form = page.open_person(person.id)
    with qtbot.waitSignal(form.basic.photo.stored, timeout=10_000):
        form.basic.photo.use_file(path)
    assert form.basic.photo.picture.pixmap() is not None and not form.basic.photo.picture.pixmap().isNull()
    save_with_ctrl_s(qtbot, form)
    assert get_person(person.id).photo == form.basic.photo.value()


def test_a_message_under_a_field_does_not_move_the_fields_below_it(qtbot, page):
    form = page.new_person()
    grid = form.basic.grid
    row_of = grid.messages["birth_date"].parentWidget().mapTo(form, QPoint(0, 0)).y()
    below = next(m.parentWidget() for m in reversed(list(grid.messages.values()))
                 if m.parentWidget().mapTo(form, QPoint(0, 0)).y() > row_of)  # a field in a later row
    before = below.mapTo(form, QPoint(0, 0)).y()
    type_text(form.basic.birth_date, "1979-01-01")
    type_text(form.basic.id_number, id_number(dt.date(1980, 3, 9), 13))
    assert form.basic.grid.messages["birth_date"].is_problem
    # the layout settles after the message appears; the field below must end where it was
    qtbot.waitUntil(lambda: below.mapTo(form, QPoint(0, 0)).y() == before, timeout=1000)


def test_a_save_from_another_pc_while_the_form_is_open_is_kept(qtbot, page, actor):
    """Two bureau staff have the same person open; the other one saves the address first."""
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 3, 9), 13)}, actor=actor)
    form = page.open_person(person.id)
    save_person(person.id, {"residence_address": "乌审召镇"}, actor=actor)  # the other PC

    form.basic.grid.editors["note"].setPlainText("家中有困难")
    save_with_ctrl_s(qtbot, form)

    stored = get_person(person.id)
    assert (stored.residence_address, stored.note) == ("乌审召镇", "家中有困难")
    assert form.basic.grid.editors["residence_address"].text() == "乌审召镇"  # the form shows both now


def test_a_field_the_other_pc_changed_first_is_refused_and_nothing_typed_is_lost(qtbot, page, actor):
    person, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 3, 9), 13)}, actor=actor)
    form = page.open_person(person.id)
    save_person(person.id, {"note": "另一台电脑写的备注"}, actor=actor)

    form.basic.grid.editors["note"].setPlainText("我写的备注")
    error = refuse_with_ctrl_s(qtbot, form)

    assert "「备注」" in error.message
    assert "「备注」" in form.banner.text()
    assert form.basic.grid.editors["note"].toPlainText() == "我写的备注"
    assert get_person(person.id).note == "另一台电脑写的备注"
