"""Import applies changes as a set: idempotent, order-free, parents held, conflicts queued."""
from __future__ import annotations

import itertools

from models.changelog import Change
from models.conflicts import open_conflicts, open_duplicates, merge_duplicate, redirect_of, resolve_conflict, \
    resolve_deletion
from models.db import db
from models.held import held_records
from models.installation import Village, add_village
from models.person import Person
from models.registry import get_person, save_person
from sync.apply import Applier
from sync.merge import Ch, merge_record
from sync.report import Report
from tests.sync.helpers import ID, edit_against_delete, people, send

ID2 = "150626199001010017"


def ch(cid, origin, seq, hlc, state, changed, base):
    return Ch(cid, origin, seq, "person", "p1", "upsert", {"id": "p1", **state}, changed, base, "u", "t", hlc)


def test_the_merged_record_is_the_same_whatever_order_the_changes_came_in():
    create = ch("c0", "A", 1, "0000000000000001.00000", {"name": "王", "phone": "1", "note": None}, {"name": [None, "王"]}, {})
    bureau_edit = ch("c1", "B", 5, "0000000000000003.00000", {"name": "王", "phone": "2", "note": None},
                     {"phone": ["1", "2"]}, {"A": 1})
    station_edit = ch("c2", "A", 2, "0000000000000002.00000", {"name": "王", "phone": "3", "note": "甲"},
                      {"phone": ["1", "3"], "note": [None, "甲"]}, {"A": 1})
    results = {repr(merge_record(["name", "phone", "note"], list(order)))
               for order in itertools.permutations([create, bureau_edit, station_edit])}
    assert len(results) == 1
    merged = merge_record(["name", "phone", "note"], [create, bureau_edit, station_edit])
    assert merged.state["phone"] == "2" and merged.state["note"] == "甲"  # later clock wins, other field merges
    assert [c.field for c in merged.conflicts] == ["phone"]
    assert merged.state["version"] == {"A": 2, "B": 5}


def test_bureau_wins_provisionally_on_bureau_owned_data():
    create = ch("c0", "S", 1, "0000000000000001.00000", {"name": "甲站"}, {}, {})
    bureau = ch("c1", "B", 2, "0000000000000002.00000", {"name": "乙站"}, {"name": ["甲站", "乙站"]}, {"S": 1})
    station = ch("c2", "S", 3, "0000000000000003.00000", {"name": "丙站"}, {"name": ["甲站", "丙站"]}, {"S": 1})
    merged = merge_record(["name"], [create, bureau, station], bureau_owned=True, bureau_origin="B")
    assert merged.state["name"] == "乙站" and merged.conflicts


def test_concurrent_edits_of_one_field_go_to_the_conflict_queue_until_a_named_user_resolves(network, tmp_path):
    bureau, a, b = network
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=a.actor)
    send(a, bureau, tmp_path / "1")
    with a:
        save_person(person.id, {"phone": "13900000000", "note": "站里改"}, actor=a.actor)
    with bureau:
        save_person(person.id, {"phone": "13700000000"}, actor=bureau.actor)
    report = send(a, bureau, tmp_path / "2")
    assert report.counts["conflicts"] == 1
    send(bureau, a, tmp_path / "3")
    assert people(a)[person.id] == people(bureau)[person.id]
    with a:
        [conflict] = open_conflicts()
        assert conflict.field == "phone"
        assert {s["value"] for s in conflict.sides} == {"13900000000", "13700000000"}
        assert get_person(person.id).note == "站里改"  # the other field merged
        resolve_conflict(conflict.id, "13900000000", actor=a.actor)
    send(a, bureau, tmp_path / "4")
    with bureau:
        assert open_conflicts() == []
        assert get_person(person.id).phone == "13900000000"


def test_an_edit_concurrent_with_a_delete_is_a_conflict_not_a_silent_loss(network, tmp_path):
    bureau, a, b = network
    person = edit_against_delete(bureau, a, tmp_path)
    with bureau:
        [conflict] = open_conflicts()
        assert conflict.kind == "delete_vs_edit"
        assert Person.get_by_id(person.id).deleted_at is not None  # provisional: stays deleted
        resolve_deletion(conflict.id, keep_deleted=False, actor=bureau.actor)
        assert get_person(person.id).phone == "13700000000"
    send(bureau, a, tmp_path / "3")
    with a:
        assert get_person(person.id).phone == "13700000000" and open_conflicts() == []


def test_a_record_whose_parent_has_not_arrived_is_held_then_applied(network, tmp_path):
    bureau, a, b = network
    with a:
        village = add_village("新嘎查", actor=a.actor)
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "village": village.id}, actor=a.actor)
        rows = [{**r} for r in Change.select().where(Change.record_id.in_([village.id, person.id])).dicts()]
    person_rows = [r for r in rows if r["table"] == "person"]
    village_rows = [r for r in rows if r["table"] == "village"]
    with bureau:
        report = Report()
        with db.atomic():
            applier = Applier(report, sender_kind="station", sender_origin=a.installation_id,
                              bureau_origin=bureau.installation_id)
            applier.add(person_rows)
            assert report.counts["held"] == 1 and [h.record_id for h in held_records()] == [person.id]
            assert Person.get_or_none(Person.id == person.id) is None
            applier.add(village_rows)
            applier.add(person_rows)  # a duplicate delivery changes nothing
            applier.finish()
        assert held_records() == [] and Person.get_by_id(person.id).village_id == village.id
        assert report.counts["held"] == 0 and report.released == 1


def test_two_stations_registering_one_person_become_a_duplicate_the_bureau_merges(network, tmp_path):
    bureau, a, b = network
    with a:
        first, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    with b:
        second, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=b.actor)
    send(a, bureau, tmp_path / "1")
    report = send(b, bureau, tmp_path / "2")
    assert report.counts["duplicates"] == 1
    with bureau:
        [candidate] = open_duplicates()
        merge_duplicate(candidate.id, first.id, actor=bureau.actor)
        assert redirect_of(second.id) == first.id
        assert open_duplicates() == []


def test_importing_again_through_a_new_bundle_reports_everything_unchanged(network, tmp_path):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    send(a, bureau, tmp_path / "1")
    before = people(bureau)
    report = send(a, bureau, tmp_path / "2")  # no receipt yet: cumulative, same changes again
    assert report.counts["changes_new"] == 0 and report.counts["created"] == 0
    assert people(bureau) == before


def test_a_row_present_without_any_change_in_the_log_is_overwritten_not_refused(network):
    from sync.rows import TableWriter
    from models.installation import Station

    bureau, a, b = network
    with bureau:
        state = {**Station.get_by_id(a.code).state(), "name": "新名称"}
        with db.atomic():
            TableWriter(Station).write([state], new=True)  # the fast INSERT meets the row: upsert instead
        assert Station.get_by_id(a.code).name == "新名称"
