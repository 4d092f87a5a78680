"""Every page of the main window is usable at 1024×700: no button or label cut, nothing outside the window.

The areas come from ui.main_window.AREA_KEYS, so a page added later is checked without editing this test.
"""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication

from models.registry import save_person
from tests.models.people import person_values
from ui.main_window import AREA_KEYS, MainWindow
from ui.screen_fit import fit_problems
from ui.tasks import pool

SMALL = (1024, 700)


@pytest.fixture
def small_window(qtbot, ctx, actor, dressed_app):
    for number in range(1, 4):
        save_person(None, person_values(number), actor=actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*SMALL)
    window.show()
    qtbot.waitExposed(window)
    return window


def settle() -> None:
    """Let the page's background reads finish and reach the screen."""
    for _ in range(3):
        pool().waitForDone()
        QApplication.processEvents()


@pytest.mark.parametrize("area", AREA_KEYS)
def test_every_page_fits_a_1024_by_700_screen(qtbot, small_window, area):
    small_window.select_area(area)
    settle()
    assert small_window.current_area() == area
    assert (small_window.width(), small_window.height()) == SMALL
    assert fit_problems(small_window, area) == []


def test_the_checker_sees_a_cut_button(qtbot, small_window):
    page = small_window.select_area("registry")
    button = page.list_page.new_button
    button.setFixedWidth(20)  # as the ledger toolbar did to 另存为PDF
    assert any("is 20 px wide" in problem for problem in fit_problems(small_window, "registry"))
