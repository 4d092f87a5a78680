"""月调度材料 / 季总结材料 for what exists so far: the register's counts, a chart, and visits."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.period_pack import pack_figures
from ledgers.periods import Period, PeriodInvalid, parse_period
from ledgers.progress import run
from models.person import Person
from models.registry import set_status
from models.visits import record_visit
from tests.ledgers.conftest import add_person, needs_poppler, pdf_fonts, pdf_pages

TODAY = dt.date.today()
MONTH = Period.month(TODAY.year, TODAY.month)


def test_the_month_figures_count_the_register_and_the_visits(station, actor):
    old = add_person(actor, "王建国", 1)
    add_person(actor, "李卫东", 2, identities=("retired_soldier", "disabled_veteran"))
    gone = add_person(actor, "张老汉", 3, identities=("demobilized",))
    Person.update(filed_on=dt.date(2020, 1, 1)).where(Person.id.in_([old.id, gone.id])).execute()
    set_status(gone.id, "deceased", on=TODAY, actor=actor)
    record_visit({"person": old.id, "visited_on": TODAY, "visit_type": "festival", "money_fen": 20000}, actor=actor)
    record_visit({"person": old.id, "visited_on": TODAY, "visit_type": "hospital", "money_fen": 5050}, actor=actor)
    f = pack_figures(MONTH, LedgerOptions())
    assert (f["on_roster"], f["registered"], f["left"]["deceased"]) == (2, 1, 1)
    identities = dict(f["by_identity"])
    assert (identities["退役士兵"], identities["残疾军人"], identities["复员军人"]) == (2, 1, 0)
    assert sum(n for _, n in f["by_village"]) == 2
    assert f["visits"] == {"visits": 2, "persons": 1, "money_fen": 25050}


@needs_poppler
@pytest.mark.parametrize("kind, period, title", [("month_pack", MONTH, "月调度材料"),
                                                 ("quarter_pack", parse_period(f"{TODAY.year}Q{(TODAY.month - 1) // 3 + 1}"),
                                                  "季总结材料")])
def test_a_pack_prints_framed_numbered_and_signed_even_when_empty(station, kind, period, title, tmp_path):
    pages = pdf_pages(run(render_ledger(kind, period, tmp_path / "pack.pdf")))
    total = len(pages)
    for number, text in enumerate(pages, 1):
        page = re.sub(r"\s+", "", text)
        assert title in page and period.label in page and f"第{number}页共{total}页" in page
    assert "审核人" in re.sub(r"\s+", "", pages[-1]) and "人员类别" in pages[0]
    assert all(row[-5] == "yes" for row in pdf_fonts(tmp_path / "pack.pdf"))


def test_a_month_pack_for_a_quarter_is_refused_with_a_sentence(station, tmp_path):
    with pytest.raises(PeriodInvalid) as caught:
        run(render_ledger("month_pack", parse_period("2026Q4"), tmp_path / "x.pdf"))
    assert "一个月" in caught.value.message
