"""A person moving between stations: a transfer decided and signed by the bureau. The new station gets
the person, their history and everything attached to them; the old station keeps them as 迁出."""
from __future__ import annotations

import datetime as dt

import pytest

from models.aid import add_document, aid_step, get_case, open_case
from models.changelog import Change
from models.errors import PermissionDenied, ValidationError
from models.history import person_history
from models.installation import add_village
from models.person import FamilyMember, PersonIdentity
from models.registry import get_person, save_person, set_status
from models.transfers import TransferRefused, transfer_history, transfer_person
from models.write import CLI_ACTOR
from tests.sync.helpers import people, send

ID = "150626198503150314"
TODAY = dt.date.today()


def register_at(site, **extra):
    with site:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000", **extra},
                                identities=[{"category": "retired_soldier", "subtypes": [], "note": None}],
                                family=[{"relation": "spouse", "name": "李秀英"}], actor=site.actor)
        save_person(person.id, {"phone": "13900000000"}, actor=site.actor)  # some history
    return person.id


def test_a_transferred_person_arrives_at_the_new_station_with_history_family_and_identities(network, tmp_path):
    bureau, a, b = network
    pid = register_at(a)
    with a:  # a later change of A's reaches B (shared reference data): B's vector then covers
        add_village("新嘎查", actor=a.actor)  # every earlier change of A's — the person's history too
    send(a, bureau, tmp_path / "1")
    send(bureau, b, tmp_path / "2")
    send(b, bureau, tmp_path / "3")  # B's receipt: the bureau now knows what B holds
    with bureau:
        transfer_person(pid, b.code, actor=bureau.actor, reason="随子女迁居")
    report = send(bureau, b, tmp_path / "4")
    assert report.counts["created"] >= 3 and report.counts["rejected"] == 0
    assert people(b)[pid] == people(bureau)[pid]
    with b:
        person = get_person(pid)
        assert person.station_code == b.code and person.status == "active"
        assert "由嘎鲁图镇退役军人服务站迁入" in person.status_reason
        assert PersonIdentity.select().where(PersonIdentity.person == pid).count() == 1
        assert [f.name for f in FamilyMember.select().where(FamilyMember.person == pid)] == ["李秀英"]
        at_b = [(h.section, h.what, h.new) for h in person_history(pid)]
        assert [t["to_station"] for t in transfer_history(pid)] == [b.code]
    with bureau:
        assert at_b == [(h.section, h.what, h.new) for h in person_history(pid)]  # the whole history


def test_the_old_station_keeps_the_person_and_their_history_shown_as_moved_out(network, tmp_path):
    bureau, a, b = network
    pid = register_at(a)
    send(a, bureau, tmp_path / "1")
    with a:
        before = len(person_history(pid))
    with bureau:
        transfer_person(pid, b.code, actor=bureau.actor)
    send(bureau, a, tmp_path / "2")
    with a:
        person = get_person(pid)
        assert person.status == "moved" and person.station_code == b.code
        assert person.status_reason == "迁往乌审召镇退役军人服务站" and person.status_date == TODAY
        assert len(person_history(pid)) > before  # kept, and the move added to it
    # the new station's later edits do not travel to the old one
    send(bureau, b, tmp_path / "3")
    with b:
        save_person(pid, {"note": "在新站登记了新住址"}, actor=b.actor)
    send(b, bureau, tmp_path / "4")
    send(bureau, a, tmp_path / "5")
    with a:
        assert get_person(pid).note is None and get_person(pid).status == "moved"


def test_casework_travels_with_the_person_and_its_state_is_recomputed_on_arrival(network, tmp_path):
    bureau, a, b = network
    pid = register_at(a)
    with a:
        case, _ = open_case({"person": pid, "hardship_type": "illness", "description": "患病住院，家庭困难",
                             "requested_fen": 500_000, "applied_on": TODAY}, actor=a.actor)
        add_document(case.id, "application", on=TODAY, actor=a.actor)
        aid_step(case.id, "verify", on=TODAY, actor=a.actor)
        status = get_case(case.id).status
    assert status != "applied"
    send(a, bureau, tmp_path / "1")
    with bureau:
        assert get_case(case.id).status == status  # the cached state is replayed from the events
        transfer_person(pid, b.code, actor=bureau.actor)
    send(bureau, b, tmp_path / "2")
    with b:
        assert get_case(case.id).status == status
        assert Change.select().where(Change.record_id == case.id).count() >= 1


def test_only_the_bureau_transfers_a_person_and_only_an_active_one_to_another_station(network, tmp_path):
    bureau, a, b = network
    pid = register_at(a)
    with a, pytest.raises(PermissionDenied):
        transfer_person(pid, b.code, actor=a.actor)
    send(a, bureau, tmp_path / "1")
    with bureau:
        with pytest.raises(PermissionDenied):
            transfer_person(pid, b.code, actor=CLI_ACTOR)  # a named user decides
        with pytest.raises(TransferRefused, match="已在"):
            transfer_person(pid, a.code, actor=bureau.actor)
        with pytest.raises(ValidationError):
            transfer_person(pid, "999999999", actor=bureau.actor)
        set_status(pid, "deceased", on=TODAY, actor=bureau.actor)
        with pytest.raises(TransferRefused, match="只能转移在册人员"):
            transfer_person(pid, b.code, actor=bureau.actor)


def test_a_station_cannot_slip_a_transfer_into_its_bundle(network, tmp_path):
    bureau, a, b = network
    pid = register_at(a)
    with a:
        person = get_person(pid)
        from models.write import writing

        with writing(a.actor) as w:  # forged: a station writing a transfer by itself
            w.update(person, {"station_code": b.code}, op="transfer")
    report = send(a, bureau, tmp_path / "1")
    assert report.counts["rejected"] == 1
    assert "局" in report.entries["rejected"][0]["reason"]
    with bureau:
        assert get_person(pid).station_code == a.code
