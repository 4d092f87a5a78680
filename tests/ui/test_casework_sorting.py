"""A clerk clicks a list's column headers: the whole list (every page, not only the rows loaded) re-sorts,
columns that cannot sort leave the order alone, and the Excel export follows the order on screen."""
from __future__ import annotations

import datetime as dt

import openpyxl
import pytest
from PySide6.QtCore import QPoint, Qt

from models.installation import current
from models.visits import record_visit
from tests.ui.casework_helpers import add_person
from ui.casework.visits_page import VisitsPage
from ui.context import AppContext

TODAY = dt.date.today()
VISITS = 250  # two and a half pages of 100


@pytest.fixture
def page(qtbot, station, actor):
    people = [add_person(n, actor, name=name) for n, name in enumerate(["王建国", "阿拉坦", "李秀英"], start=1)]
    for i in range(VISITS):  # the older the visit, the more 慰问金: the largest amounts are on the last page
        record_visit({"person": people[i % 3].id, "visited_on": TODAY - dt.timedelta(days=i), "visit_type": "festival",
                      "mode": "home", "money_fen": 100 * i, "staff": ["张站长"]}, actor=actor)
    page = VisitsPage(AppContext(station, current(), actor))
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    return page


def column(page, label: str) -> int:
    return next(i for i, c in enumerate(page.browser.model.columns) if c.label == label)


def click_header(qtbot, page, label: str) -> None:
    header = page.browser.table.horizontalHeader()
    index = column(page, label)
    page.browser.table.scrollTo(page.browser.model.index(0, index))
    x = header.sectionViewportPosition(index) + header.sectionSize(index) // 2
    qtbot.mouseClick(header.viewport(), Qt.LeftButton, pos=QPoint(x, header.height() // 2))


def money(page) -> list[int]:
    return [row["money_fen"] for row in page.browser.model.rows]


def indicator(page) -> tuple[int, Qt.SortOrder]:
    header = page.browser.table.horizontalHeader()
    return header.sortIndicatorSection(), header.sortIndicatorOrder()


def test_a_list_opens_newest_first_with_one_page_loaded(page):
    model = page.browser.model
    assert model.total == VISITS and len(model.rows) == 100
    assert model.rows[0]["date"] == TODAY and money(page)[:3] == [0, 100, 200]
    assert indicator(page) == (column(page, "走访日期"), Qt.DescendingOrder)


def test_clicking_the_money_header_sorts_every_page_not_only_the_loaded_one(qtbot, page):
    model = page.browser.model
    with qtbot.waitSignal(model.modelReset):
        click_header(qtbot, page, "慰问金（元）")
    ascending = money(page)
    with qtbot.waitSignal(model.modelReset):
        click_header(qtbot, page, "慰问金（元）")
    assert {ascending[0], money(page)[0]} == {0, 100 * (VISITS - 1)}  # the extremes of all 250, whichever way first
    assert money(page)[:3] == [24_900, 24_800, 24_700]
    assert indicator(page) == (column(page, "慰问金（元）"), Qt.DescendingOrder)
    while model.canFetchMore():
        model.fetchMore()
    assert money(page) == [100 * i for i in range(VISITS - 1, -1, -1)]


def test_clicking_the_name_header_sorts_people_by_pinyin(qtbot, page):
    model = page.browser.model
    with qtbot.waitSignal(model.modelReset):
        click_header(qtbot, page, "被走访人")
    if model.descending:
        with qtbot.waitSignal(model.modelReset):
            click_header(qtbot, page, "被走访人")
    while model.canFetchMore():
        model.fetchMore()
    names = [row["person_name"] for row in model.rows]
    assert names == ["阿拉坦"] * 83 + ["李秀英"] * 83 + ["王建国"] * 84


def test_a_column_without_an_order_does_not_sort_or_move_the_indicator(qtbot, page):
    model = page.browser.model
    before = [row["id"] for row in model.rows]
    with qtbot.assertNotEmitted(model.modelReset):
        click_header(qtbot, page, "走访内容")
    assert [row["id"] for row in model.rows] == before
    assert indicator(page) == (column(page, "走访日期"), Qt.DescendingOrder)


def test_the_export_follows_the_order_on_screen(qtbot, page, tmp_path):
    model = page.browser.model
    while (model.order, model.descending) != ("money", True):
        with qtbot.waitSignal(model.modelReset):
            click_header(qtbot, page, "慰问金（元）")
    with qtbot.waitSignal(page.browser.exported, timeout=20000):
        page.browser.export_to(tmp_path / "visits.xlsx")
    rows = list(openpyxl.load_workbook(tmp_path / "visits.xlsx").active.iter_rows(values_only=True))
    amounts = [row[column(page, "慰问金（元）")] for row in rows[2:]]
    assert len(amounts) == VISITS
    assert amounts[:-1] == [i for i in range(VISITS - 1, 0, -1)] and amounts[-1] is None  # 元; nothing given is blank
