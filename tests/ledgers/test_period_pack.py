"""月调度材料 / 季总结材料: the register's counts and chart, casework numbers, trends, stations side by side."""
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
from models.write import CLI_ACTOR
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


# --- casework numbers, with the known October of tests/ledgers/casework_data.py --------------------------

def test_the_october_figures_are_the_known_casework_numbers(station, actor):
    from tests.ledgers.casework_data import october

    october(actor)
    f = pack_figures(Period.month(2026, 10), LedgerOptions())
    assert f["money"] == {"approved_fen": 300000, "approved_cases": 1, "paid_fen": 200000, "paid_cases": 1}
    assert f["cases"] == {"agency": {"new": 1, "closed": 1}, "card": {"new": 1, "closed": 1},
                          "aid": {"new": 2, "closed": 1}, "dispute": {"new": 3, "closed": 2}}
    assert (f["disputes"]["rate_resolved"], f["disputes"]["rate_ended"], f["disputes"]["rate_text"]) == (1, 2, "50.0%")
    assert f["visits_due"] == {"due": 2, "done": 1} and f["services"] == 2
    assert f["overdue"] == {"dispute": 1, "follow_up": 0, "visit": 1, "aid": 0, "card": 0}
    november = pack_figures(Period.month(2026, 11), LedgerOptions())
    assert november["money"]["paid_fen"] == 100000 and november["money"]["approved_fen"] == 0


@needs_poppler
def test_the_month_pack_prints_the_money_the_rate_and_the_visits_due(station, actor, tmp_path):
    from tests.ledgers.casework_data import october

    october(actor)
    path = run(render_ledger("month_pack", Period.month(2026, 10), tmp_path / "m.pdf"))
    text = re.sub(r"\s+", "", "".join(pdf_pages(path, "-raw")))  # -raw: content order (sections sit side by side)
    assert "本期核定（件）核定金额（元）本期发放（件）发放金额（元）13,000.0012,000.00" in text
    assert "化解在当地率=本期以“已化解”办结的件数÷本期办结的件数=1÷2" in text and "50.0%" in text
    assert "应走访（人）已走访（人）完成率" in text and "500.002150.0%" in text
    assert "对已关账期间的更正" in text and "无。" in text


@needs_poppler
def test_the_quarter_pack_adds_each_months_trend(station, actor, tmp_path):
    from tests.ledgers.casework_data import october

    october(actor)
    f = pack_figures(parse_period("2026Q4"), LedgerOptions())
    assert [(m["label"], m["visits"], m["new_cases"], m["paid_fen"]) for m in f["months"]] == [
        ("10月", 1, 7, 200000), ("11月", 0, 0, 100000), ("12月", 0, 0, 0)]
    text = re.sub(r"\s+", "", "".join(pdf_pages(run(render_ledger("quarter_pack", parse_period("2026Q4"),
                                                                    tmp_path / "q.pdf")))))
    assert "各月趋势" in text and "10月0127" in text


def test_at_the_bureau_the_pack_puts_every_station_side_by_side(home, tmp_path):
    from models.installation import init_bureau

    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    f = pack_figures(Period.month(2026, 10), LedgerOptions())
    names = [s["name"] for s in f["by_station"]]
    assert len(names) > 1 and "嘎鲁图镇退役军人服务站" in names
    assert all(s["rate_text"] == "—" and s["paid_fen"] == 0 for s in f["by_station"])


@needs_poppler
def test_a_station_with_many_villages_still_prints_its_pack(station, actor, tmp_path):
    from models.installation import add_village, villages

    for i in range(40):
        add_village(f"第{i}嘎查", actor=CLI_ACTOR)
    for i, village in enumerate(villages()[:40]):
        add_person(actor, f"人员{i}", i + 1, village=village.id)
    pages = pdf_pages(run(render_ledger("month_pack", MONTH, tmp_path / "m.pdf")))
    text = re.sub(r"\s+", "", "".join(pages))
    assert "第39嘎查" in text and "审核人" in re.sub(r"\s+", "", pages[-1])


@needs_poppler
def test_the_bureaus_quarter_pack_prints_the_stations_side_by_side(home, tmp_path):
    from models.installation import init_bureau

    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    path = run(render_ledger("quarter_pack", parse_period("2026Q4"), tmp_path / "q.pdf"))
    text = re.sub(r"\s+", "", "".join(pdf_pages(path)))
    assert "各服务站对比" in text and "嘎鲁图镇退役军人服务站" in text and "化解在当地率" in text
    assert all(row[-5] == "yes" for row in pdf_fonts(path))
