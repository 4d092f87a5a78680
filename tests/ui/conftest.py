"""Fixtures for the widget tests."""
from __future__ import annotations

import pytest

from ui.app import application
from ui.i18n import install_translations


@pytest.fixture
def dressed_app(qapp):
    """The app as run_gui prepares it (bundled font, zh_CN, style sheet); English chrome again afterwards."""
    app = application()
    yield app
    install_translations(app, "en")
    app.setStyleSheet("")
