"""Closing a period: the pack is frozen byte for byte; later corrections are listed in the next pack."""
from __future__ import annotations

import hashlib
import re

import pytest

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.period_close import AlreadyClosed, close_period, closed_pack, corrections_since, frozen_pack_bytes
from ledgers.period_pack import pack_figures
from ledgers.periods import Period, PeriodInvalid
from ledgers.progress import run
from models.changelog import Change
from models.periods_closed import ClosedPeriod
from models.errors import PermissionDenied
from models.registry import save_person
from models.synced import is_station_owned
from models.visits import record_visit
from models.write import Actor
from tests.ledgers.casework_data import d, october
from tests.ledgers.conftest import needs_poppler, pdf_pages
from tests.ledgers.test_cli_ledgers import call

OCTOBER, NOVEMBER, DECEMBER = Period.month(2026, 10), Period.month(2026, 11), Period.month(2026, 12)


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_closing_stores_the_pack_with_its_hash_who_and_when_as_a_synced_record(station, actor):
    october(actor)
    closed = run(close_period("month_pack", OCTOBER, actor=actor))
    data = frozen_pack_bytes(closed)
    assert data.startswith(b"%PDF") and hashlib.sha256(data).hexdigest() == closed.sha256 == closed_pack(
        "month_pack", OCTOBER).sha256
    assert (closed.closed_by, closed.station_code, closed.period, closed.size) == ("张站长", "150626100", "2026-10",
                                                                                   len(data))
    assert closed.figures["money"]["paid_fen"] == 200000
    assert is_station_owned("closed_period")  # travels to the bureau like the station's other records
    assert Change.select().where((Change.table == "closed_period") & (Change.record_id == closed.id)).count() == 1


@needs_poppler
def test_a_closed_month_prints_byte_identical_after_later_edits(station, actor, tmp_path):
    people = october(actor)
    closed = run(close_period("month_pack", OCTOBER, actor=actor))
    first = run(render_ledger("month_pack", OCTOBER, tmp_path / "first.pdf")).read_bytes()
    assert first == frozen_pack_bytes(closed)
    assert "关账封存" in squeeze("".join(pdf_pages(tmp_path / "first.pdf")))
    record_visit({"person": people["wang"].id, "visited_on": d(10, 28), "visit_type": "hospital",
                  "money_fen": 30000}, actor=actor)
    save_person(people["li"].id, {"phone": "13912345678"}, actor=actor)
    assert pack_figures(OCTOBER, LedgerOptions())["visits"]["visits"] == 2  # the data did change …
    again = run(render_ledger("month_pack", OCTOBER, tmp_path / "again.pdf")).read_bytes()
    assert again == first  # … the reported pack did not
    assert run(render_ledger("quarter_pack", Period.quarter(2026, 4), tmp_path / "q.pdf")).read_bytes() != first


@needs_poppler
def test_a_correction_after_closing_is_listed_once_in_the_next_months_pack(station, actor, tmp_path):
    people = october(actor)
    run(close_period("month_pack", OCTOBER, actor=actor))
    record_visit({"person": people["wang"].id, "visited_on": d(10, 28), "visit_type": "hospital"}, actor=actor)
    record_visit({"person": people["wang"].id, "visited_on": d(11, 3), "visit_type": "routine"}, actor=actor)
    save_person(people["li"].id, {"phone": "13912345678"}, actor=actor)  # not counted by a pack: no correction
    [correction] = corrections_since("month_pack", NOVEMBER)
    assert (correction.period, correction.on, correction.op, correction.author) == ("2026-10", d(10, 28), "新增",
                                                                                    "张站长")
    assert correction.what == "走访慰问 王建国"
    text = squeeze("".join(pdf_pages(run(render_ledger("month_pack", NOVEMBER, tmp_path / "nov.pdf")))))
    assert "对已关账期间的更正" in text and "2026-102026-10-28走访慰问王建国新增张站长" in text
    run(close_period("month_pack", NOVEMBER, actor=actor))
    assert corrections_since("month_pack", DECEMBER) == []  # reported in November's pack, not again


def test_a_period_closes_once_and_only_by_a_head_and_not_before_it_begins(station, actor):
    run(close_period("month_pack", OCTOBER, actor=actor))
    with pytest.raises(AlreadyClosed) as caught:
        run(close_period("month_pack", OCTOBER, actor=actor))
    assert "已于" in caught.value.message and "张站长" in caught.value.message
    with pytest.raises(PermissionDenied):
        run(close_period("month_pack", NOVEMBER, actor=Actor("li", "李明", "station_staff")))
    with pytest.raises(PeriodInvalid):
        run(close_period("month_pack", Period.month(2099, 1), actor=actor))
    with pytest.raises(PeriodInvalid):
        run(close_period("quarter_pack", OCTOBER, actor=actor))
    assert closed_pack("month_pack", NOVEMBER) is None


@needs_poppler
def test_the_cli_closes_a_month_and_then_prints_the_frozen_pack(station, actor, tmp_path, capsys):
    october(actor)
    assert call(["ledger", "close", "month_pack", "--period", "2026-10", "--out", str(tmp_path / "a.pdf")],
                station) == 0
    assert "已关账" in capsys.readouterr().out
    record_visit({"person": closed_person(), "visited_on": d(10, 29), "visit_type": "routine"},
                 actor=actor)
    assert call(["ledger", "month_pack", "--period", "2026-10", "--out", str(tmp_path / "b.pdf")], station) == 0
    assert "封存" in capsys.readouterr().out
    assert (tmp_path / "a.pdf").read_bytes() == (tmp_path / "b.pdf").read_bytes()


def closed_person() -> str:
    from models.person import Person

    return Person.select().where(Person.name == "王建国").get().id


def test_a_stations_closed_pack_reaches_the_bureau_as_reported(tmp_path):
    from models.db import close_database
    from tests.sync.conftest import enroll, make_bureau
    from tests.sync.helpers import send

    close_database()
    bureau = make_bureau(tmp_path)
    station = enroll(bureau, tmp_path, "150626100")
    try:
        with station:
            closed = run(close_period("month_pack", OCTOBER, actor=station.actor))
            reported = frozen_pack_bytes(closed)
        send(station, bureau, tmp_path / "usb")
        with bureau:
            at_bureau = closed_pack("month_pack", OCTOBER, "150626100")
            assert at_bureau is not None and frozen_pack_bytes(at_bureau) == reported
            assert at_bureau.closed_by == "测试员"
            assert closed_pack("month_pack", OCTOBER) is None  # the county-wide pack is the bureau's own
            printed = run(render_ledger("month_pack", OCTOBER, tmp_path / "s.pdf",
                                        LedgerOptions(station_code="150626100"))).read_bytes()
            assert printed == reported
            with pytest.raises(PermissionDenied):
                run(close_period("month_pack", NOVEMBER, actor=bureau.actor, station_code="150626100"))
            county = run(close_period("month_pack", OCTOBER, actor=bureau.actor))
            assert county.station_code != "150626100"
        send(bureau, station, tmp_path / "usb")
        with station:
            assert closed_pack("month_pack", OCTOBER).id == closed.id  # the bureau's own pack did not come down
            assert [c.station_code for c in ClosedPeriod.select()] == ["150626100"]
    finally:
        close_database()
