"""Leaving a person form with unsaved edits asks 保存 / 不保存 / 取消 — from 返回列表, the sidebar and closing."""
from __future__ import annotations

import datetime as dt

import pytest

from models.person import Person
from ui.leaving import CANCEL, DISCARD, SAVE
from ui.main_window import AREA_KEYS, MainWindow

from tests.ui.test_registry_form import id_number, type_text


@pytest.fixture
def window(qtbot, ctx):
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    qtbot.waitExposed(win)
    yield win
    registry = win.pages.get("registry")
    while registry is not None and registry.forms:  # the test is over: nobody is left to answer a question
        registry._pop()


def answer(monkeypatch, reply):
    asked = []
    monkeypatch.setattr("ui.registry.person_form.ask_unsaved", lambda _p, sentence: asked.append(sentence) or reply)
    return asked


def draft(window):
    registry = window.select_area("registry")
    form = registry.new_person()
    type_text(form.basic.name, "王建国")
    type_text(form.basic.id_number, id_number(dt.date(1980, 3, 9), 13))
    return registry, form


def test_the_sidebar_asks_and_cancel_keeps_the_page_and_the_edits(qtbot, window, monkeypatch):
    registry, form = draft(window)
    asked = answer(monkeypatch, CANCEL)
    window.nav.setCurrentRow(AREA_KEYS.index("workbench"))
    assert asked and "王建国" in asked[0]
    assert window.current_area() == "registry" and window.stack.currentWidget() is registry
    assert registry.current_form is form and form.basic.name.text() == "王建国"


def test_the_sidebar_with_dont_save_leaves_and_drops_the_draft(qtbot, window, monkeypatch):
    registry, _form = draft(window)
    answer(monkeypatch, DISCARD)
    window.nav.setCurrentRow(AREA_KEYS.index("workbench"))
    assert window.current_area() == "workbench"
    assert registry.current_form is None and Person.select().count() == 0


def test_the_sidebar_with_save_saves_then_leaves(qtbot, window, monkeypatch):
    registry, form = draft(window)
    answer(monkeypatch, SAVE)
    with qtbot.waitSignal(form.saved, timeout=10_000):
        window.nav.setCurrentRow(AREA_KEYS.index("services"))
    assert Person.select().count() == 1
    assert window.current_area() == "services"


def test_back_to_list_without_edits_does_not_ask(qtbot, window, monkeypatch):
    registry = window.select_area("registry")
    asked = answer(monkeypatch, CANCEL)
    registry.new_person().go_back()
    assert asked == [] and registry.stack.currentWidget() is registry.list_page


def test_closing_the_window_asks_and_cancel_keeps_it_open(qtbot, window, monkeypatch):
    draft(window)
    asked = answer(monkeypatch, CANCEL)
    window.close()
    assert asked and window.isVisible()
