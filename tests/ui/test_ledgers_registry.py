"""The registry list's Excel buttons: export the list as it is filtered, and open the roster import."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from tests.ledgers.conftest import add_person
from ui.ledgers import RosterImportWizard
from ui.registry import RegistryPage


@pytest.fixture
def page(qtbot, ctx):
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    return page


@pytest.fixture
def people(actor):
    return [add_person(actor, name, order) for order, name in enumerate(["王建国", "李卫东", "张新来"], 1)]


def test_export_writes_only_the_people_the_search_shows(qtbot, page, people, tmp_path, monkeypatch):
    wang = people[0]
    page.list_page.filters.search.setText("wjg")
    page.list_page.filters.emit_query()
    assert page.list_page.model.total == 1
    target = tmp_path / "名单"
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    monkeypatch.setattr("ui.ledgers.registry_actions.ask_reason", lambda *a: "报送上级")  # the head says why
    with qtbot.waitSignal(page.list_page.transfer.exported, timeout=10000) as blocker:
        page.list_page.transfer.export_button.click()
    assert blocker.args[0].name == "名单.xlsx"
    rows = list(load_workbook(blocker.args[0]).active.iter_rows(values_only=True))
    assert "wjg" in rows[0][0]  # the title row says how the list was filtered
    assert len(rows) == 3 and rows[2][0] == "王建国"
    assert rows[2][4] == wang.id_number  # the ID number as text, in full for a station head
    assert isinstance(rows[2][3], dt.datetime)  # the birth date as a real date
    assert "名单.xlsx" in page.list_page.transfer.note.text()


def test_export_without_a_filter_writes_everyone(qtbot, page, people, tmp_path):
    with qtbot.waitSignal(page.list_page.transfer.exported, timeout=10000) as blocker:
        page.list_page.transfer.export_to(tmp_path / "all.xlsx")
    names = [row[0] for row in load_workbook(blocker.args[0]).active.iter_rows(min_row=3, values_only=True)]
    assert sorted(names) == sorted(p.name for p in people)


def test_the_import_button_opens_the_roster_import_wizard(qtbot, page):
    page.list_page.transfer.import_button.click()
    wizard = page.list_page.transfer.wizard
    qtbot.addWidget(wizard)
    assert isinstance(wizard, RosterImportWizard) and wizard.isVisible()
    wizard.cancel_button.click()
    assert not wizard.isVisible()
