"""The internal 备注 stays off the printed 花名册 unless the clerk chooses to print it."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.periods import parse_period
from ledgers.progress import run
from models.errors import DomainError
from tests.ledgers.conftest import add_person, needs_poppler, pdf_pages
from tests.ledgers.test_cli_ledgers import call

pytestmark = needs_poppler
YEAR = parse_period(str(dt.date.today().year))
REMARK = "脾气急先电话联系"


def printed(path) -> str:
    return re.sub(r"\s+", "", "".join(pdf_pages(path)))


def test_the_roster_leaves_the_remarks_column_empty_by_default(station, actor, tmp_path):
    add_person(actor, "王建国", 1, note=REMARK)
    page = printed(run(render_ledger("roster", YEAR, tmp_path / "roster.pdf")))
    assert "王建国" in page and "备注" in page
    assert REMARK not in page


def test_the_remarks_print_when_chosen(station, actor, tmp_path):
    add_person(actor, "王建国", 1, note=REMARK)
    page = printed(run(render_ledger("roster", YEAR, tmp_path / "roster.pdf", LedgerOptions(with_remarks=True))))
    assert REMARK in page


def test_a_ledger_without_remarks_refuses_the_choice(station, actor, tmp_path):
    with pytest.raises(DomainError, match="没有备注栏"):
        run(render_ledger("visits", YEAR, tmp_path / "visits.pdf", LedgerOptions(with_remarks=True)))
    assert not (tmp_path / "visits.pdf").exists()


def test_ledger_roster_with_remarks_on_the_command_line(station, actor, tmp_path, capsys):
    add_person(actor, "王建国", 1, note=REMARK)
    plain, noted = tmp_path / "plain.pdf", tmp_path / "noted.pdf"
    assert call(["ledger", "roster", "--period", str(dt.date.today().year),
                 "--out", str(plain)], station) == 0
    assert call(["ledger", "roster", "--period", str(dt.date.today().year), "--out", str(noted),
                 "--with-remarks"], station) == 0
    assert REMARK not in printed(plain) and REMARK in printed(noted)

