"""The ledger page offers printing the internal 备注 for the 花名册 only; unticked, it is not printed."""
from __future__ import annotations

from tests.ledgers.conftest import add_person, needs_poppler
from tests.ledgers.test_roster_remarks import REMARK, printed
from tests.ui.test_ledgers_page import generate
from ui.ledgers import LedgerPage

pytestmark = needs_poppler


def test_the_ledger_page_offers_the_remarks_for_the_roster_only(qtbot, ctx, actor):
    add_person(actor, "王建国", 1, note=REMARK)
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    page.choose("visits")
    assert page.with_remarks.isHidden()
    page.choose("roster")
    assert not page.with_remarks.isHidden() and not page.with_remarks.isChecked()
    assert REMARK not in printed(generate(qtbot, page))
    page.with_remarks.setChecked(True)
    assert REMARK in printed(generate(qtbot, page))
