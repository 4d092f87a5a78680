"""走访慰问台账: the visits of the period, with 慰问金 in 元 and the staff who went."""
from __future__ import annotations

import datetime as dt

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.periods import Period
from ledgers.progress import run
from models.visits import record_visit
from tests.ledgers.conftest import add_person, needs_poppler, pdf_pages


@needs_poppler
def test_the_visits_ledger_lists_the_visits_of_the_month_only(station, actor, tmp_path):
    today = dt.date.today()
    wang = add_person(actor, "王建国", 1)
    record_visit({"person": wang.id, "visited_on": today, "staff": ["张站长", "李明"], "visit_type": "festival",
                  "mode": "home", "money_fen": 50000, "goods": "米面油", "content": "春节走访", "requests": "无"},
                 actor=actor)
    earlier = today.replace(day=1) - dt.timedelta(days=1)
    record_visit({"person": wang.id, "visited_on": earlier, "visit_type": "festival", "content": "上月走访"},
                 actor=actor)
    month = Period.month(today.year, today.month)
    page = pdf_pages(run(render_ledger("visits", month, tmp_path / "v.pdf", LedgerOptions())))[0]
    assert "走访慰问台账" in page and "王建国" in page and "500.00元；米面油" in page and "张站长、李明" in page
    assert "春节走访" in page and "上月走访" not in page
