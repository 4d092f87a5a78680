"""Stories of full numbers on screen and paper: the head gives a reason, it is audited; no reason, no print."""
from __future__ import annotations

import datetime as dt

from models import audit
from models.periods import Period
from ui.ledgers.ledger_page import LedgerPage

THIS_YEAR = Period(dt.date(dt.date.today().year, 1, 1), dt.date(dt.date.today().year, 12, 31), "year")


def roster_page(qtbot, ctx):
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.choose("roster")
    page.picker.set_period(THIS_YEAR)
    page.full_id.setChecked(True)
    return page


def test_printing_full_numbers_asks_why_and_the_reason_is_audited(qtbot, ctx, monkeypatch):
    page = roster_page(qtbot, ctx)
    monkeypatch.setattr("ui.ledgers.ledger_page.ask_reason", lambda *a: "报送上级")
    with qtbot.waitSignal(page.generated, timeout=60000):
        page.generate_button.click()
    printed = audit.entries(audit.AuditFilter(action="print"))[0]
    assert (printed.created_by, printed.detail["full_id"], printed.detail["reason"]) == ("admin", True, "报送上级")


def test_without_a_reason_nothing_is_printed(qtbot, ctx, monkeypatch):
    page = roster_page(qtbot, ctx)
    monkeypatch.setattr("ui.ledgers.ledger_page.ask_reason", lambda *a: None)
    generated = []
    page.generated.connect(generated.append)
    page.generate_button.click()
    assert generated == [] and page.generate_button.isEnabled()
    assert audit.entries(audit.AuditFilter(action="print")) == []
