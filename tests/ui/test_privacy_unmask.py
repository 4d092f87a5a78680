"""Stories of numbers on screen: lists mask ID and phone numbers for everyone; one record's full numbers
are shown on request with a reason (audited as unmask); a clerk cannot ask; casework exports are audited."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from models import audit
from models.employment import add_employment
from models.idnumber import check_digit, mask
from models.installation import current
from models.permissions import ActionRefused
from models.privacy import unmask_one
from models.registry import save_person
from models.write import Actor
from ui.casework.employment_page import EmploymentPage
from ui.context import AppContext
from ui.registry import RegistryPage
from ui.registry.table_model import ID_NUMBER, NAME, PHONE

CLERK = Actor("li", "李四", "station_staff")


def id_number(birth: dt.date, seq: int) -> str:
    body = f"150626{birth:%Y%m%d}{seq:03d}"
    return body + check_digit(body)


@pytest.fixture
def two_people(actor):
    wang, _ = save_person(None, {"name": "王建国", "id_number": id_number(dt.date(1980, 1, 1), 11),
                                 "phone": "13904771234"}, actor=actor)
    li, _ = save_person(None, {"name": "李志强", "id_number": id_number(dt.date(1981, 2, 2), 13),
                               "phone": "13800005678"}, actor=actor)
    return wang, li


def shown(page, person) -> tuple[str, str]:
    model = page.list_page.model
    row = next(r for r in range(model.rowCount()) if model.person_id(r) == person.id)
    return model.data(model.index(row, ID_NUMBER)), model.data(model.index(row, PHONE))


def select(page, person) -> None:
    model = page.list_page.model
    row = next(r for r in range(model.rowCount()) if model.person_id(r) == person.id)
    page.list_page.table.setCurrentIndex(model.index(row, NAME))


def unmask_entries():
    return audit.entries(audit.AuditFilter(action="unmask"))


def test_the_head_sees_masked_numbers_in_the_list(registry_page, two_people):
    wang, _ = two_people
    registry_page.list_page.refresh()
    assert shown(registry_page, wang) == (mask(wang.id_number), "139****1234")


def test_showing_one_record_asks_why_shows_only_that_record_and_is_audited(qtbot, registry_page, two_people,
                                                                           monkeypatch):
    wang, li = two_people
    registry_page.list_page.refresh()
    asked = []
    monkeypatch.setattr("ui.registry.unmask.ask_reason", lambda *a: asked.append(a[1]) or "核对身份")
    select(registry_page, wang)
    with qtbot.waitSignal(registry_page.list_page.numbers_revealed) as revealed:
        qtbot.mouseClick(registry_page.list_page.unmask_button, Qt.LeftButton)
    assert revealed.args == [wang.id] and len(asked) == 1
    assert shown(registry_page, wang) == (wang.id_number, "13904771234")
    assert shown(registry_page, li) == (mask(li.id_number), "138****5678")  # only the record asked for
    [entry] = unmask_entries()
    assert (entry.created_by, entry.target, entry.detail["reason"]) == ("admin", wang.id, "核对身份")


def test_the_context_menu_offers_the_same_action(qtbot, registry_page, two_people, monkeypatch):
    wang, _ = two_people
    registry_page.list_page.refresh()
    select(registry_page, wang)
    table = registry_page.list_page.table
    registry_page.list_page._context_menu(table.visualRect(table.currentIndex()).center())
    menu = registry_page.list_page.context_menu
    assert registry_page.list_page.unmask_action in menu.actions()
    menu.close()
    monkeypatch.setattr("ui.registry.unmask.ask_reason", lambda *a: "协查核实")
    with qtbot.waitSignal(registry_page.list_page.numbers_revealed):
        registry_page.list_page.unmask_action.trigger()
    assert shown(registry_page, wang)[0] == wang.id_number


def test_cancelling_the_reason_shows_nothing_and_writes_nothing(qtbot, registry_page, two_people, monkeypatch):
    wang, _ = two_people
    registry_page.list_page.refresh()
    monkeypatch.setattr("ui.registry.unmask.ask_reason", lambda *a: None)
    select(registry_page, wang)
    with qtbot.assertNotEmitted(registry_page.list_page.numbers_revealed):
        qtbot.mouseClick(registry_page.list_page.unmask_button, Qt.LeftButton)
    assert shown(registry_page, wang) == (mask(wang.id_number), "139****1234")
    form = registry_page.open_person(wang.id)
    with qtbot.assertNotEmitted(form.numbers_revealed):
        qtbot.mouseClick(form.unmask_button, Qt.LeftButton)
    assert form.basic.id_number.text() == mask(wang.id_number) and form.basic.id_number.isReadOnly()
    assert unmask_entries() == []


def test_the_person_form_shows_masked_numbers_until_asked_then_they_can_be_edited(qtbot, registry_page, two_people,
                                                                                  monkeypatch):
    wang, _ = two_people
    form = registry_page.open_person(wang.id)
    number, phone = form.basic.id_number, form.basic.grid.editors["phone"]
    assert (number.text(), phone.text()) == (mask(wang.id_number), "139****1234")
    assert number.isReadOnly() and not form.is_dirty()
    monkeypatch.setattr("ui.registry.unmask.ask_reason", lambda *a: "更正档案")
    with qtbot.waitSignal(form.numbers_revealed):
        qtbot.mouseClick(form.unmask_button, Qt.LeftButton)
    assert (number.text(), phone.text()) == (wang.id_number, "13904771234")
    assert not number.isReadOnly() and not form.unmask_button.isVisible()
    new_number = id_number(dt.date(1980, 1, 1), 15)
    number.setText(new_number)
    number.textEdited.emit(new_number)
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()
    from models.registry import get_person
    assert get_person(wang.id).id_number == new_number
    assert [e.detail["reason"] for e in unmask_entries()] == ["更正档案"]


def test_a_clerk_sees_no_unmask_action_and_the_domain_refuses_it(qtbot, station, two_people):
    wang, _ = two_people
    page = RegistryPage(AppContext(station, current(), CLERK))
    qtbot.addWidget(page)
    page.show()
    assert not page.list_page.unmask_button.isVisible()
    form = page.open_person(wang.id)
    assert not form.unmask_button.isVisible() and form.retype_button.isVisible()
    with pytest.raises(ActionRefused, match="服务站工作人员不能查看完整的身份证号码和电话号码"):
        unmask_one(CLERK, wang.id, reason="核对身份")
    assert unmask_entries() == []
    assert audit.entries(audit.AuditFilter(action="denied"))[0].target == wang.id


def test_a_clerk_may_retype_an_id_number_without_seeing_the_old_one(qtbot, station, two_people):
    wang, _ = two_people
    page = RegistryPage(AppContext(station, current(), CLERK))
    qtbot.addWidget(page)
    page.show()
    form = page.open_person(wang.id)
    qtbot.mouseClick(form.retype_button, Qt.LeftButton)
    number = form.basic.id_number
    assert number.text() == "" and not number.isReadOnly() and not form.is_dirty()  # empty keeps the stored one
    new_number = id_number(dt.date(1980, 1, 1), 17)
    number.setText(new_number)
    number.textEdited.emit(new_number)
    with qtbot.waitSignal(form.saved, timeout=10000):
        form.save()
    from models.registry import get_person
    assert get_person(wang.id).id_number == new_number
    assert form.basic.id_number.text() == mask(new_number)  # masked again once saved


def test_search_by_an_id_fragment_still_finds_the_person(qtbot, registry_page, two_people):
    wang, _ = two_people
    registry_page.list_page.refresh()
    with qtbot.waitSignal(registry_page.list_page.filters.query_changed):
        registry_page.list_page.filters.search.setText(wang.id_number[-8:-1])
    assert [registry_page.list_page.model.rows[r]["name"] for r in range(registry_page.list_page.model.rowCount())] \
        == ["王建国"]


def test_a_casework_export_is_audited_with_file_count_and_masked(qtbot, station, actor, two_people, tmp_path):
    wang, li = two_people
    for person, title in ((wang, "电工培训"), (li, "焊工培训"), (wang, "厨师培训")):
        add_employment({"person": person.id, "kind": "training", "title": title}, actor=actor)
    page = EmploymentPage(AppContext(station, current(), actor))
    qtbot.addWidget(page)
    page.browser.refresh()
    with qtbot.waitSignal(page.browser.exported, timeout=10000):
        page.browser.export_to(tmp_path / "培训.xlsx")
    [entry] = audit.entries(audit.AuditFilter(action="export"))
    assert entry.target == "培训.xlsx" and entry.created_by == "admin"
    assert (entry.detail["records"], entry.detail["persons"], entry.detail["full_id"]) == (3, 2, False)
