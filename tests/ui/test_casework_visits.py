"""走访慰问: two staff visit a veteran with 200 元; the due date moves; a dead person gets no new visit."""
from __future__ import annotations

import datetime as dt

import pytest
from PIL import Image

from models.accounts import create_user
from models.attachments import attachment_path
from models.installation import current
from models.registry import set_status
from models.visits import get_visit, record_visit, visit_due
from models.write import CLI_ACTOR
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.casework.visits_page import VisitsPage
from ui.context import AppContext

TODAY = dt.date.today()


@pytest.fixture
def ctx(station, actor):
    create_user("liming", "李明", "liming123", "station_staff", actor=CLI_ACTOR)
    return AppContext(station, current(), actor)


@pytest.fixture
def page(qtbot, ctx):
    page = VisitsPage(ctx)
    qtbot.addWidget(page)
    return page


def test_a_visit_by_two_staff_with_200_yuan_is_recorded_and_the_due_date_moves(qtbot, page, actor, tmp_path):
    person = add_person(1, actor, name="王建国", contact_tier="key", filed_on=TODAY - dt.timedelta(days=40))
    before = visit_due(person.id)
    page.due.refresh()
    assert before.overdue and page.due.select_person(person.id)  # listed as overdue before the visit
    photo = tmp_path / "走访.jpg"
    Image.new("RGB", (8, 8), "red").save(photo)

    dialog = page.new_record()
    pick_person(qtbot, dialog.person, "wjg", person.id)
    assert dialog.staff.value() == ["张站长"]  # whoever is logged in goes along by default
    dialog.staff.boxes["李明"].click()
    dialog.grid.editors["visit_type"].setCurrentIndex(dialog.grid.editors["visit_type"].findData("festival"))
    type_text(qtbot, dialog.grid.editors["money_fen"], "200.00")
    type_text(qtbot, dialog.content, "春节慰问，了解身体情况")
    type_text(qtbot, dialog.grid.editors["requests"], "希望协助办理优待证")
    dialog.grid.editors["photos"].add_files([str(photo)])
    [visit_id] = save(qtbot, dialog)

    visit = get_visit(visit_id)
    assert visit.staff == ["张站长", "李明"]
    assert visit.money_fen == 20000
    assert visit.requests == "希望协助办理优待证"
    assert attachment_path(page.ctx.home, visit.photos[0]).exists()
    after = visit_due(person.id)
    assert after.due_on == TODAY + dt.timedelta(days=30) and after.text == "距下次走访还有 30 天"
    assert page.due.select_person(person.id)  # the due list moved on with it
    item = page.due.tree.currentItem()
    assert item.text(2) == TODAY.isoformat() and item.text(4) == "距下次走访还有 30 天"
    assert item.foreground(4).color().name() != "#b3261e"
    row = page.browser.model.rows[0]
    assert (row["person_name"], row["money_fen"]) == ("王建国", 20000)
    assert page.browser.table.model().index(0, 6).data() == "200.00"
    lines = dict(page.describe(page.detail.detail))
    assert lines["走访人"] == "张站长、李明" and lines["慰问金"] == "200.00 元"
    assert lines["下次走访"].endswith("（距下次走访还有 30 天）")


def test_a_dead_persons_visit_is_refused_with_the_domains_sentence(qtbot, page, actor):
    person = add_person(2, actor, name="李德胜")
    set_status(person.id, "deceased", on=TODAY - dt.timedelta(days=3), reason="病故", actor=actor)
    dialog = page.new_record(person.id)
    assert dialog.person.details.text().endswith("（去世）")
    dialog.grid.editors["visit_type"].setCurrentIndex(1)
    save(qtbot, dialog, "refused")
    assert dialog.banner.text() == (f"李德胜已去世（{(TODAY - dt.timedelta(days=3)).isoformat()}），"
                                    "不能再登记走访；已有记录仍然保留。")
    assert dialog.banner.isVisibleTo(dialog)
    assert page.browser.model.total == 0


def test_the_due_list_offers_to_record_the_visit_for_the_selected_person(qtbot, page, actor):
    person = add_person(3, actor, name="张海军", contact_tier="regular", filed_on=TODAY - dt.timedelta(days=100))
    page.due.refresh()
    assert page.due.select_person(person.id)
    item = page.due.tree.currentItem()
    assert item.text(4) == "已逾期 10 天" and item.foreground(4).color().name() == "#b3261e"
    page.due.record_button.click()
    assert page.dialog.person.value() == person.id


def test_the_visit_list_filters_by_staff(qtbot, page, actor):
    person = add_person(4, actor)
    record_visit({"person": person.id, "staff": ["张站长"], "visit_type": "routine"}, actor=actor)
    record_visit({"person": person.id, "staff": ["李明", "王芳"], "visit_type": "routine"}, actor=actor)
    page.browser.refresh()
    filters = page.browser.filters
    with qtbot.waitSignal(filters.query_changed):
        filters.choose(filters.staff, "李明")
    assert [r["staff"] for r in page.browser.model.rows] == [["李明", "王芳"]]


def test_opening_a_due_person_from_elsewhere_starts_their_visit(qtbot, page, actor):
    person = add_person(5, actor, contact_tier="key", filed_on=TODAY - dt.timedelta(days=31))
    page.due.refresh()
    page.open_record(person.id)
    assert page.tabs.currentWidget() is page.due
    assert page.dialog.person.value() == person.id
