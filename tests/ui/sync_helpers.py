"""Shared by the exchange-page tests: a bureau and enrolled stations (tests/sync's sites), and the page.

    bureau, a, b = sites              # fixture: no database open
    with a: page = exchange_page(qtbot, a)
"""
from __future__ import annotations

import pytest

from models.db import close_database
from models.installation import current
from tests.sync.conftest import enroll, make_bureau
from ui.context import AppContext
from ui.sync import ExchangePage

ID = "150626198503150314"
SLOW = 30_000  # ms: age encryption and a backup on a busy CI machine


@pytest.fixture
def sites(tmp_path, dressed_app):
    close_database()
    bureau = make_bureau(tmp_path)
    a = enroll(bureau, tmp_path, "150626100")
    b = enroll(bureau, tmp_path, "150626101")
    yield bureau, a, b
    close_database()


def exchange_page(qtbot, site) -> ExchangePage:
    """The 数据交换 page of `site`, which must be entered (`with site:`)."""
    page = ExchangePage(AppContext(site.home, current(), site.actor))
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    return page
