"""The registry list: a paged table model over the search, sortable, filtered, refreshed on change."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt

from models.idnumber import check_digit, mask
from models.installation import villages
from models.person import Person, PersonIdentity
from models.registry import save_person
from models.registry_search import PersonQuery
from models.write import OpChanges, writing
from ui.registry import RegistryPage
from ui.registry.table_model import BIRTH_DATE, ID_NUMBER, IDENTITIES, NAME, PHONE, PersonTableModel



def id_number(birth: dt.date, seq: int) -> str:
    body = f"150626{birth:%Y%m%d}{seq:03d}"
    return body + check_digit(body)


def add_people(actor, count: int, **values) -> None:
    """Many people in one transaction (fast); the GUI itself always goes through save_person."""
    with writing(actor) as w:
        for i in range(count):
            birth = dt.date(1950, 1, 1) + dt.timedelta(days=97 * i)
            w.create(Person, {"station_code": "150626100", "name": f"测试{i:03d}", "status": "active",
                              "id_number": id_number(birth, 101 + i % 800), "birth_date": birth, "sex": "M",
                              **values})


@pytest.fixture
def page(qtbot, ctx):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


@pytest.fixture
def village_ids(station):
    return {v.name: v.id for v in villages()}


def register(actor, name, birth, seq, **kw):
    identities = kw.pop("identities", None)
    person, _ = save_person(None, {"name": name, "id_number": id_number(birth, seq), **kw},
                            identities=identities, actor=actor)
    return person


def test_model_fetches_people_a_page_at_a_time(actor, qapp):
    add_people(actor, 250)
    model = PersonTableModel(page_size=100)
    model.set_query(PersonQuery())
    assert model.total == 250
    assert model.rowCount() == 100
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 200
    model.fetchMore()
    assert model.rowCount() == 250
    assert not model.canFetchMore()
    assert len({model.person_id(r) for r in range(250)}) == 250


def test_sorting_a_column_orders_all_people_not_just_the_loaded_page(actor, qapp):
    add_people(actor, 150)
    model = PersonTableModel(page_size=50)
    model.set_query(PersonQuery())
    model.sort(BIRTH_DATE, Qt.DescendingOrder)
    youngest = Person.select().order_by(Person.birth_date.desc()).first()
    assert model.data(model.index(0, NAME)) == youngest.name
    model.sort(BIRTH_DATE, Qt.AscendingOrder)
    assert model.data(model.index(0, BIRTH_DATE)) == "1950-01-01"
    assert model.rowCount() == 50


def test_id_and_phone_numbers_are_masked_in_the_list_for_every_role(actor, qapp):
    # was: a role allowed full numbers saw them in full in the list; now the list masks them for everyone
    person = register(actor, "王建国", dt.date(1980, 1, 1), 11, phone="13904771234")
    model = PersonTableModel()
    model.set_query(PersonQuery())
    assert model.data(model.index(0, ID_NUMBER)) == mask(person.id_number)
    assert "*" in model.data(model.index(0, ID_NUMBER))
    assert model.data(model.index(0, PHONE)) == "139****1234"


def test_a_person_with_several_identities_shows_all_their_labels(actor, qapp):
    register(actor, "王建国", dt.date(1980, 1, 1), 11,
             identities=[{"category": "retired_soldier"}, {"category": "disabled_veteran"}])
    model = PersonTableModel()
    model.set_query(PersonQuery())
    assert model.data(model.index(0, IDENTITIES)) == "退役士兵、残疾军人"


def test_search_box_finds_people_by_pinyin_initials_id_fragment_and_phone(qtbot, actor, page):
    register(actor, "王建国", dt.date(1980, 1, 1), 11, phone="13904771234")
    register(actor, "巴特尔", dt.date(1975, 6, 2), 21, phone="13800000000")
    page.list_page.refresh()
    box, model = page.list_page.filters.search, page.list_page.model
    for text, expected in (("wjg", ["王建国"]), ("batee", ["巴特尔"]), ("19750602", ["巴特尔"]),
                           ("4771234", ["王建国"]), ("建国", ["王建国"])):
        with qtbot.waitSignal(page.list_page.filters.query_changed):
            box.setText(text)
        assert [model.rows[r]["name"] for r in range(model.rowCount())] == expected, text
    assert page.list_page.count_label.text() == page.list_page.tr("{count} people in total").format(count=1)


def test_a_one_character_search_shows_the_hint_not_the_previous_results(qtbot, actor, page):
    register(actor, "王建国", dt.date(1980, 1, 1), 11)
    register(actor, "李志强", dt.date(1981, 1, 1), 13)
    page.list_page.refresh()
    with qtbot.waitSignal(page.list_page.filters.query_changed):
        page.list_page.filters.search.setText("李志")
    assert page.list_page.model.rowCount() == 1
    with qtbot.waitSignal(page.list_page.filters.query_changed):
        page.list_page.filters.search.setText("王")  # 李志's result must not stay as if it were 王's
    assert "至少输入2个字符" in page.list_page.hint.text()
    assert page.list_page.model.rowCount() == 0
    assert page.list_page.count_label.text() == ""
    with qtbot.waitSignal(page.list_page.filters.query_changed):
        page.list_page.filters.search.setText("王建")
    assert page.list_page.hint.text() == ""
    assert page.list_page.model.rowCount() == 1


def test_each_filter_narrows_the_list(qtbot, actor, page, village_ids):
    a = register(actor, "王建国", dt.date(1980, 1, 1), 11, village=village_ids["布日都嘎查"], tags=["低保户"],
                 identities=[{"category": "retired_soldier"}])
    b = register(actor, "李志强", dt.date(1981, 1, 1), 13, village=village_ids["陶尔庙嘎查"], key_focus=True,
                 key_focus_reason="独居", identities=[{"category": "disabled_veteran"}])
    from models.registry import set_status
    set_status(b.id, "deceased", on=dt.date(2025, 1, 1), actor=actor)
    page.list_page.refresh()
    bar, model = page.list_page.filters, page.list_page.model

    def names():
        return sorted(model.rows[r]["name"] for r in range(model.rowCount()))

    assert names() == ["李志强", "王建国"]
    for combo, value, expected in ((bar.identity, "disabled_veteran", ["李志强"]),
                                   (bar.village, village_ids["布日都嘎查"], ["王建国"]),
                                   (bar.status, "deceased", ["李志强"]),
                                   (bar.tag, "低保户", ["王建国"])):
        with qtbot.waitSignal(bar.query_changed):
            bar.choose(combo, value)
        assert names() == expected, combo
        with qtbot.waitSignal(bar.query_changed):
            combo.setCurrentIndex(0)
    with qtbot.waitSignal(bar.query_changed):
        bar.key_focus.setChecked(True)
    assert names() == ["李志强"]
    assert a.id not in [model.person_id(r) for r in range(model.rowCount())]


def test_the_list_reloads_only_when_people_change(qtbot, actor, page, ctx):
    page.list_page.refresh()
    resets = []
    page.list_page.model.modelReset.connect(lambda: resets.append(1))
    ctx.announce(OpChanges(updated=[("service_record", "x")]))
    assert resets == []
    person = register(actor, "王建国", dt.date(1980, 1, 1), 11)
    ctx.announce(OpChanges(created=[("person", person.id)]))
    assert resets == [1]
    assert page.list_page.model.rowCount() == 1


def test_double_click_or_enter_on_a_row_opens_the_person(qtbot, actor, page):
    person = register(actor, "王建国", dt.date(1980, 1, 1), 11)
    page.list_page.refresh()
    table = page.list_page.table
    with qtbot.waitSignal(page.list_page.open_requested) as opened:
        table.doubleClicked.emit(page.list_page.model.index(0, NAME))
    assert opened.args == [person.id]
    assert page.current_form.basic.name.text() == "王建国"
    page.current_form.go_back()
    assert page.stack.currentWidget() is page.list_page
    table.setFocus()
    table.selectRow(0)
    with qtbot.waitSignal(page.list_page.open_requested):
        qtbot.keyClick(table, Qt.Key_Return)


def test_identities_filter_sees_identities_added_later(qtbot, actor, page):
    person = register(actor, "王建国", dt.date(1980, 1, 1), 11)
    save_person(person.id, {}, identities=[{"category": "martyr_family"}], actor=actor)
    assert PersonIdentity.select().count() == 1
    bar = page.list_page.filters
    with qtbot.waitSignal(bar.query_changed):
        bar.choose(bar.identity, "martyr_family")
    assert page.list_page.model.rowCount() == 1
