"""Fixtures for the settings page tests: the page as a given person sees it, in Chinese."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

from models.installation import current
from ui.context import AppContext
from ui.settings import SettingsPage


@pytest.fixture
def open_settings(qtbot, dressed_app):
    """open_settings(home, actor) -> the settings page of that home as that person sees it."""
    pages = []  # qtbot holds widgets weakly

    def open_as(home, actor):
        page = SettingsPage(AppContext(home, current(), actor))
        pages.append(page)
        qtbot.addWidget(page)
        page.resize(1100, 700)
        page.show()
        qtbot.waitExposed(page)
        return page

    return open_as


@pytest.fixture
def warnings(monkeypatch):
    """The sentences shown in warning boxes (instead of showing them)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", staticmethod(lambda parent, title, text, *a: shown.append(text)))
    return shown


@pytest.fixture
def answer_yes(monkeypatch):
    """Every question is answered Yes; the questions asked are kept."""
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda parent, title, text, *a: asked.append(text)
                                                              or QMessageBox.Yes))
    return asked
