"""Printing the 退役军人花名册: every page framed and numbered, header repeated, signed on the last page."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from demo.home import populate
from ledgers.catalog import LEDGERS, LedgerOptions, render_ledger
from ledgers.periods import parse_period
from ledgers.progress import Progress, run
from models.errors import PermissionDenied
from models.person import Person
from models.registry import set_status
from models.write import Actor
from tests.conftest import STATION_NAME
from tests.ledgers.conftest import add_person, needs_poppler, pdf_fonts, pdf_pages

pytestmark = needs_poppler
YEAR = parse_period(str(dt.date.today().year))
SIGN_OFF = ("制表人", "审核人", "负责人", "填报日期", "盖章")


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_an_empty_station_prints_one_signed_page_saying_there_is_nothing(station, actor, tmp_path):
    path = run(render_ledger("roster", YEAR, tmp_path / "roster.pdf"))
    pages = pdf_pages(path)
    assert len(pages) == 1
    page = squeeze(pages[0])
    for text in ("退役军人花名册", f"填报单位：{STATION_NAME}", f"统计期间：{YEAR.label}", "公民身份号码",
                 "本期无记录", "第1页共1页", *SIGN_OFF):
        assert text in page


def test_a_full_roster_runs_over_pages_each_framed_numbered_and_with_the_header(station, actor, tmp_path):
    populate(300, seed=3, actor=actor)
    on_roster = len(LEDGERS["roster"].rows(YEAR, LedgerOptions()))
    path = run(render_ledger("roster", YEAR, tmp_path / "roster.pdf"))
    pages = pdf_pages(path)
    total = len(pages)
    assert total >= 5
    numbers = []
    for number, text in enumerate(pages, 1):
        page = squeeze(text)
        assert f"第{number}页共{total}页" in page
        assert "退役军人花名册" in page and STATION_NAME in page and YEAR.label in page
        assert "序号姓名性别民族公民身份号码人员类别" in page  # the header row, repeated
        numbers += [int(n) for n in re.findall(r"^\s*(\d+)\s", text, re.M)]
        signed = [word for word in SIGN_OFF if word in page]
        assert signed == (list(SIGN_OFF) if number == total else [])
    assert numbers == list(range(1, on_roster + 1))  # every person once, in order, none lost at a page break


def test_the_font_is_embedded_and_a_name_copied_from_the_pdf_is_the_name(station, actor, tmp_path):
    add_person(actor, "乌力吉巴特尔", 1)
    add_person(actor, "王建国", 2)
    path = run(render_ledger("roster", YEAR, tmp_path / "roster.pdf"))
    fonts = pdf_fonts(path)
    assert fonts and all(row[-5] == "yes" for row in fonts)  # the emb column, for every font
    assert any("WenQuanYiMicroHei" in row[0] for row in fonts)
    words = pdf_pages(path)[0].split()
    assert "乌力吉巴特尔" in words and "王建国" in words


def test_a_long_remark_wraps_and_is_never_cut_off(station, actor, tmp_path):
    remark = "该同志" + "长期患病需要定期走访并协调医疗救助，" * 8 + "完。"
    add_person(actor, "王建国", 1, note=remark)
    path = run(render_ledger("roster", YEAR, tmp_path / "roster.pdf", LedgerOptions(with_remarks=True)))
    assert squeeze(remark) in squeeze(pdf_pages(path, "-raw")[0])


def test_id_numbers_are_masked_unless_the_bureau_copy_asks_for_them_in_full(station, actor, tmp_path):
    person = add_person(actor, "王建国", 1)
    masked = squeeze(pdf_pages(run(render_ledger("roster", YEAR, tmp_path / "a.pdf")))[0])
    assert person.id_number not in masked and person.id_number[:6] + "********" + person.id_number[-4:] in masked
    assert "已隐去" in masked
    full = squeeze(pdf_pages(run(render_ledger("roster", YEAR, tmp_path / "b.pdf", LedgerOptions(full_id=True),
                                               actor=actor, reason="报送上级")))[0])
    assert person.id_number in full


def test_a_clerk_without_the_right_cannot_print_full_id_numbers(station, tmp_path):
    clerk = Actor("li", "李四", "station_staff")
    with pytest.raises(PermissionDenied):
        run(render_ledger("roster", YEAR, tmp_path / "a.pdf", LedgerOptions(full_id=True), actor=clerk))
    assert not (tmp_path / "a.pdf").exists()


def test_the_roster_is_the_register_at_the_end_of_the_period(station, actor, tmp_path):
    stays = add_person(actor, "王建国", 1)
    died = add_person(actor, "李卫东", 2)
    add_person(actor, "张新来", 3, filed_on=dt.date.today())
    Person.update(filed_on=dt.date(2020, 5, 1)).where(Person.id.in_([stays.id, died.id])).execute()
    set_status(died.id, "deceased", on=dt.date.today(), actor=actor)
    names = [row[1] for row in LEDGERS["roster"].rows(parse_period("2024"), LedgerOptions())]
    assert sorted(names) == ["李卫东", "王建国"]  # died later: still on the 2024 roster; 张新来 not yet
    names_now = [row[1] for row in LEDGERS["roster"].rows(YEAR, LedgerOptions())]
    assert sorted(names_now) == ["张新来", "王建国"]


def test_printing_reports_progress_to_the_end(station, actor, tmp_path):
    populate(40, seed=2, actor=actor)
    steps = []
    run(render_ledger("roster", YEAR, tmp_path / "r.pdf"), steps.append)
    assert steps and all(isinstance(s, Progress) for s in steps)
    assert steps[-1].done == steps[-1].total and all(s.done <= s.total for s in steps)


@pytest.mark.parametrize("kind", list(LEDGERS))
def test_every_ledger_in_the_catalog_prints_for_an_empty_period(station, kind, tmp_path):
    period = parse_period("2001Q1" if LEDGERS[kind].period_kind == "quarter" else "2001-01")
    path = run(render_ledger(kind, period, tmp_path / f"{kind}.pdf"))
    pages = pdf_pages(path)
    assert LEDGERS[kind].title in squeeze(pages[0]) and "盖章" in squeeze(pages[-1])
