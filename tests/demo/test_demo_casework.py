"""Stories of the demo station's casework (demo.casework): a newcomer's workbench has work."""
from __future__ import annotations

import datetime as dt
import sqlite3

import pytest

from demo.casework import casework_persons, populate_casework
from demo.home import ensure_demo_station, populate
from desktop.__main__ import main
from models import aid, cards, disputes, services
from models.aid import AidCase
from models.cards import PreferentialCard
from models.db import close_database, open_database
from models.disputes import DisputeCase
from models.employment import EmploymentRecord
from models.home import Home
from models.services import ServiceRecord
from models.visits import Visit
from models.workbench import workbench
from models.write import CLI_ACTOR

TODAY = dt.date(2026, 11, 20)


def demo_station(root, *, people=400, casework=40, seed=3):
    home = Home(root)
    open_database(home)
    ensure_demo_station(actor=CLI_ACTOR)
    populate(people, seed=seed, actor=CLI_ACTOR, today=TODAY)
    counts = populate_casework(persons=casework, seed=seed, today=TODAY, actor=CLI_ACTOR)
    return home, counts


def contents() -> list[tuple]:
    """What the casework says, without ids and timestamps (which differ from run to run)."""
    rows = [("service", r.person.id_number, r.served_on, r.category, r.content, r.agency_state, r.followed_up_on)
            for r in ServiceRecord.select()]
    rows += [("visit", r.person.id_number, r.person.name, r.visited_on, r.visit_type, tuple(r.staff), r.money_fen,
              r.content) for r in Visit.select()]
    rows += [("card", r.person.id_number, r.applied_on, r.status, r.status_on, r.issued_on) for r in PreferentialCard.select()]
    rows += [("aid", r.person.id_number, r.applied_on, r.status, r.requested_fen, r.approved_fen, r.paid_fen)
             for r in AidCase.select()]
    rows += [("dispute", r.number, r.person.id_number, r.status, r.outcome, r.deadline) for r in DisputeCase.select()]
    rows += [("employment", r.person.id_number, r.on, r.kind, r.title, r.result) for r in EmploymentRecord.select()]
    return sorted(rows, key=repr)


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    home, counts = demo_station(tmp_path_factory.mktemp("demo") / "home")
    yield home, counts
    close_database()


@pytest.fixture
def opened(demo):
    open_database(demo[0])
    return demo


def test_the_same_seed_gives_the_same_casework(opened, tmp_path):
    first = contents()
    close_database()
    _, counts = demo_station(tmp_path / "again")
    assert counts == opened[1] and contents() == first
    close_database()


def test_every_area_gets_records_for_about_a_tenth_of_the_people(opened):
    counts = opened[1]
    for kind in ("service_record", "visit", "preferential_card", "card_event", "aid_case", "aid_event", "aid_document",
                 "dispute_case", "dispute_event", "employment_record"):
        assert counts.get(kind, 0) > 0, kind
    assert casework_persons(2000) == 200 and casework_persons(100_000) == 2000


def test_every_cached_case_state_is_the_replay_of_its_events(opened):
    for card in PreferentialCard.select():
        assert {k: getattr(card, k) for k in cards.derive_card(card)} == cards.derive_card(card)
    for case in AidCase.select():
        assert {k: getattr(case, k) for k in aid.derive_aid(case)} == aid.derive_aid(case)
    for case in DisputeCase.select():
        assert {k: getattr(case, k) for k in disputes.derive_dispute(case)} == disputes.derive_dispute(case)
    for record in ServiceRecord.select():
        assert (record.agency_state, record.followed_up_on) == services.derive_service(record)


def test_no_step_was_skipped_and_no_date_is_after_today(opened):
    for case in AidCase.select():
        assert aid.AID.replay(aid.aid_events(case.id)).skipped == []
        assert case.status_on <= TODAY
    for card in PreferentialCard.select():
        assert cards.CARD.replay(cards.card_events(card.id)).skipped == []
    for case in DisputeCase.select():
        assert disputes.DISPUTE.replay(disputes.dispute_events(case.id)).skipped == []
    assert max(v.visited_on for v in Visit.select()) <= TODAY


def test_aid_amounts_are_believable_and_paid_out_within_what_was_approved(opened):
    cases = list(AidCase.select())
    assert all(200_000 <= c.requested_fen <= 2_000_000 for c in cases)
    approved = [c for c in cases if c.approved_fen]
    assert approved and all(c.approved_fen <= c.requested_fen and c.paid_fen <= c.approved_fen for c in approved)


def test_the_workbench_has_work_due_and_overdue_in_several_areas(opened):
    items = workbench(TODAY)
    assert any(i.overdue for i in items) and any(not i.overdue for i in items)
    assert any(i.due_on == TODAY for i in items)
    assert {"visit", "follow_up", "aid", "dispute", "card"} <= {i.kind for i in items}


def test_the_demo_command_writes_casework_unless_told_not_to(tmp_path, capsys, monkeypatch):
    monkeypatch.delenv("VETSTATION_PASSWORD", raising=False)
    assert main(["--home", str(tmp_path / "a"), "demo", "--people", "50", "--casework", "5"]) == 0
    out = capsys.readouterr().out
    assert "已生成业务记录" in out
    assert main(["--home", str(tmp_path / "b"), "demo", "--people", "50", "--no-casework"]) == 0
    assert "已生成业务记录" not in capsys.readouterr().out
    with sqlite3.connect(tmp_path / "a" / "vetstation.db") as con:
        assert con.execute("SELECT COUNT(*) FROM service_record").fetchone()[0] > 0
    with sqlite3.connect(tmp_path / "b" / "vetstation.db") as con:
        assert con.execute("SELECT COUNT(*) FROM visit").fetchone()[0] == 0
