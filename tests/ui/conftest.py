"""Fixtures for the widget tests."""
from __future__ import annotations

import gc

import pytest
from PySide6.QtCore import QSettings

from models.installation import current
from ui.app import application
from ui.context import AppContext
from ui.i18n import install_translations
from ui.main_thread_gc import keep_gc_on_gui_thread
from ui.registry import RegistryPage


@pytest.fixture(scope="session", autouse=True)
def gc_on_gui_thread(qapp):
    """As in the app: cyclic garbage is collected on the GUI thread only (ui/main_thread_gc.py)."""
    keep_gc_on_gui_thread(qapp)
    yield
    gc.enable()


@pytest.fixture(autouse=True)
def collect_after_each_test(gc_on_gui_thread):
    yield
    gc.collect()  # here, on the GUI thread: what the test threw away


@pytest.fixture(autouse=True)
def own_qsettings(tmp_path):
    """QSettings (the file dialogs' last folders) go to this test's folder, never the developer's."""
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def dressed_app(qapp):
    """The app as run_gui prepares it (bundled font, zh_CN, style sheet); English chrome again afterwards."""
    app = application()
    yield app
    install_translations(app, "en")
    app.setStyleSheet("")


@pytest.fixture
def ctx(station, actor):
    """What every page is given: the station home, its installation, the logged-in head of station."""
    return AppContext(station, current(), actor)


@pytest.fixture
def registry_page(qtbot, ctx):
    """The registry page on screen and active, at the size a clerk's window has."""
    page = RegistryPage(ctx)
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page
