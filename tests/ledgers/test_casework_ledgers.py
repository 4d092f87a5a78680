"""The casework 台账: 服务记录, 困难帮扶, 优待证, 矛盾纠纷 and the 月度不稳定风险排查表, empty and full."""
from __future__ import annotations

import re

import pytest

from ledgers.catalog import LEDGERS, LedgerOptions, printable_kinds, render_ledger
from ledgers.periods import Period, PeriodInvalid, parse_period
from ledgers.progress import run
from models.services import record_service
from tests.conftest import STATION_NAME
from tests.ledgers.casework_data import d, october
from tests.ledgers.conftest import needs_poppler, pdf_fonts, pdf_pages

pytestmark = needs_poppler
OCTOBER = Period.month(2026, 10)
SIGN_OFF = ("制表人", "审核人", "负责人", "填报日期", "盖章")
CASEWORK = {"services": "服务记录台账", "aid": "困难帮扶台账", "cards": "优待证申领发放台账",
            "disputes": "矛盾纠纷排查化解台账", "risk_screening": "月度不稳定风险排查表"}


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def assert_framed_and_signed(pages: list[str], title: str, period: Period) -> None:
    total = len(pages)
    for number, text in enumerate(pages, 1):
        page = squeeze(text)
        assert title in page and f"填报单位：{STATION_NAME}" in page and period.label in page
        assert f"第{number}页共{total}页" in page
        assert [w for w in SIGN_OFF if w in page] == (list(SIGN_OFF) if number == total else [])


def test_every_casework_ledger_is_in_the_catalog_and_the_list(station):
    listed = dict(printable_kinds())
    for kind, title in CASEWORK.items():
        assert LEDGERS[kind].title == title and listed[kind] == title


@pytest.mark.parametrize("kind", list(CASEWORK))
def test_an_empty_month_prints_one_signed_page_saying_there_is_nothing(station, kind, tmp_path):
    path = run(render_ledger(kind, OCTOBER, tmp_path / f"{kind}.pdf"))
    pages = pdf_pages(path)
    assert len(pages) == 1
    assert_framed_and_signed(pages, CASEWORK[kind], OCTOBER)
    assert "本期无记录" in squeeze(pages[0])
    assert all(row[-5] == "yes" for row in pdf_fonts(path))


@pytest.mark.parametrize("kind", list(CASEWORK))
def test_a_full_month_prints_framed_signed_and_with_the_font_embedded(station, actor, kind, tmp_path):
    october(actor)
    path = run(render_ledger(kind, OCTOBER, tmp_path / f"{kind}.pdf"))
    pages = pdf_pages(path)
    assert_framed_and_signed(pages, CASEWORK[kind], OCTOBER)
    assert "本期无记录" not in squeeze("".join(pages))
    fonts = pdf_fonts(path)
    assert fonts and all(row[0].endswith("WenQuanYiMicroHei-0") and row[-5] == "yes" for row in fonts)


def test_the_aid_ledger_prints_yuan_from_fen_the_state_at_the_months_end_and_a_totals_row(station, actor, tmp_path):
    october(actor)
    rows = LEDGERS["aid"].rows(OCTOBER, LedgerOptions())
    assert rows[0] == ["2026-001", "王建国", "因病致生活困难", "资金", "5,000.00", "3,000.00", "2,000.00", "已发放",
                       "2026-10-20"]  # the 1 000.00 paid on 11-05 is not October's
    assert rows[1][:2] == ["2026-002", "李卫东"] and rows[1][7] == "已撤回"
    assert rows[-1] == ["合计", "2 件", "", "", "6,234.56", "3,000.00", "2,000.00", "", ""]
    november = LEDGERS["aid"].rows(Period.month(2026, 11), LedgerOptions())
    assert [r[0] for r in november] == ["2026-001", "合计"] and november[0][6] == "3,000.00"
    text = squeeze(pdf_pages(run(render_ledger("aid", OCTOBER, tmp_path / "aid.pdf")))[0])
    assert "合计2件6,234.563,000.002,000.00" in text


def test_the_card_ledger_masks_id_numbers_and_names_who_collected_the_card(station, actor, tmp_path):
    people = october(actor)
    [row] = LEDGERS["cards"].rows(OCTOBER, LedgerOptions())
    number = people["wang"].id_number
    assert row[1:] == ["2026-10-09", "王建国", number[:6] + "********" + number[-4:], "退役军人优待证", "已发放",
                       "2026-10-22", "王建国"]
    assert LEDGERS["cards"].rows(OCTOBER, LedgerOptions(full_id=True))[0][3] == number
    page = squeeze(pdf_pages(run(render_ledger("cards", OCTOBER, tmp_path / "c.pdf")))[0])
    assert "公民身份号码已隐去中间数字" in page


def test_the_services_ledger_names_walk_ins_and_the_agency_state(station, actor, tmp_path):
    october(actor)
    rows = LEDGERS["services"].rows(OCTOBER, LedgerOptions())
    assert [r[2:] for r in rows] == [["王建国", "来访", "服务代办", "代办优待证申请", "已办结", "李明"],
                                     ["来访群众", "来电", "政策咨询", "咨询优抚政策", "已解答", "李明"]]


def test_a_long_services_ledger_runs_over_pages_each_numbered_with_no_row_lost(station, actor, tmp_path):
    for i in range(70):
        record_service({"served_on": d(10, 1 + i % 28), "channel": "visit", "category": "policy",
                        "content": f"咨询第{i}号政策问题，" + "涉及优抚待遇的具体标准和申请流程" * (i % 3),
                        "handler": "李明"}, actor=actor)
    path = run(render_ledger("services", OCTOBER, tmp_path / "s.pdf"))
    pages = pdf_pages(path)
    assert len(pages) >= 3
    assert_framed_and_signed(pages, "服务记录台账", OCTOBER)
    found = sorted(int(n) for n in re.findall(r"咨询第(\d+)号", squeeze("".join(pages))))
    assert found == list(range(70))


def test_the_dispute_ledger_shows_each_case_as_it_stood_at_the_months_end(station, actor):
    october(actor)
    rows = LEDGERS["disputes"].rows(OCTOBER, LedgerOptions())
    assert [(r[0][-4:], r[2], r[10]) for r in rows] == [("0001", "王建国", "已化解"), ("0002", "李卫东", "已上报"),
                                                       ("0003", "张老汉", "调处中")]
    assert "上报至旗信访局" in rows[1][11] and "现场查看排水沟（双方分歧较大）" in rows[2][11]
    assert LEDGERS["disputes"].rows(Period.month(2026, 9), LedgerOptions()) == []


def test_the_risk_screening_lists_open_cases_with_leaders_and_this_months_work(station, actor):
    october(actor)
    [row] = LEDGERS["risk_screening"].rows(OCTOBER, LedgerOptions())
    assert row[1].endswith("0003") and row[2] == "张老汉" and row[4] == "高"
    assert row[6].startswith("调处中") and "已逾期11天" in row[6]
    assert row[8] == "10月15日 现场查看排水沟（双方分歧较大）"
    assert (row[9], row[10]) == ("王副镇长 13800000001", "李明 13800000002")
    november = LEDGERS["risk_screening"].rows(Period.month(2026, 11), LedgerOptions())
    assert [r[8] for r in november] == ["本月无新进展"] and "现场查看排水沟" in november[0][7]


def test_the_risk_screening_is_monthly_and_says_so_for_a_quarter(station, tmp_path):
    with pytest.raises(PeriodInvalid) as caught:
        run(render_ledger("risk_screening", parse_period("2026Q4"), tmp_path / "r.pdf"))
    assert "一个月" in caught.value.message
