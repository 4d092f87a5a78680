"""Saving a person without 人员类别 or 嘎查村 warns, saves, and the list marks and filters them as 待补充."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from models.registry import save_person
from tests.models.people import person_values
from ui.registry.table_model import NAME, STATUS


@pytest.fixture
def page(registry_page):
    return registry_page


def test_saving_without_category_or_village_warns_but_saves(qtbot, page):
    form = page.new_person()
    values = person_values(1, name="王建国")
    form.basic.name.setText(values["name"])
    form.basic.grid.editors["id_number"].set_value(values["id_number"])
    with qtbot.waitSignal(form.saved, timeout=10_000):
        form.save()
    assert form.banner.isVisible() and not form.banner.is_problem
    assert "人员类别、嘎查村" in form.banner.text() and "待补充" in form.banner.text()


def test_the_list_marks_incomplete_people_and_filters_them(qtbot, page, actor, station):
    from models.installation import villages
    save_person(None, person_values(1, name="王建国"), actor=actor)
    save_person(None, person_values(2, name="巴特尔", village=villages()[0].id),
                identities=[{"category": "retired_soldier"}], actor=actor)
    listing = page.list_page
    with qtbot.waitSignal(listing.model.totalChanged, timeout=10_000):
        listing.filters.emit_query()
    model = listing.model
    shown = {model.index(r, NAME).data(): model.index(r, STATUS).data() for r in range(model.rowCount())}
    assert shown["王建国"].endswith("待补充") and not shown["巴特尔"].endswith("待补充")
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == "王建国")
    assert "人员类别" in model.index(row, STATUS).data(Qt.ToolTipRole)
    with qtbot.waitSignal(model.totalChanged, timeout=10_000):
        listing.filters.incomplete.setChecked(True)
    assert [model.index(r, NAME).data() for r in range(model.rowCount())] == ["王建国"]
