"""Stories of `vetstation duplicates` and `vetstation conflicts`: the bureau's review work without the GUI.

The bureau and its stations are tests/sync's sites; conflicts and duplicate candidates arise the way they
do in real life (concurrent edits, two stations registering one person), and a named bureau account
decides from the command line through the same models.conflicts functions the GUI uses.
"""
from __future__ import annotations

import json

import pytest

from desktop.__main__ import main
from models.accounts import create_user
from models.audit import AuditEntry
from models.conflicts import open_conflicts, open_duplicates, redirect_of
from models.db import close_database
from models.registry import get_person, save_person
from models.write import CLI_ACTOR
from tests.sync.conftest import network  # noqa: F401 (fixture: a bureau and two enrolled stations)
from tests.sync.helpers import concurrent_phone_edits, edit_against_delete, send

OTHER_ID = "150626199001011239"


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.delenv("VETSTATION_HOME", raising=False)
    monkeypatch.setenv("VETSTATION_PASSWORD", "secret123")


@pytest.fixture(autouse=True)
def li(network):
    """The bureau's named reviewer: 李科长, a bureau admin."""
    bureau, _, _ = network
    with bureau:
        create_user("li", "李科长", "secret123", "bureau_admin", actor=CLI_ACTOR)


def run(capsys, site, *args):
    close_database()
    code = main(["--home", str(site.home.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def one_person_registered_twice(bureau, a, b, tmp_path):
    with a:
        first, _ = save_person(None, {"name": "张伟", "id_number": OTHER_ID}, actor=a.actor)
    with b:
        second, _ = save_person(None, {"name": "张伟", "id_number": OTHER_ID, "phone": "13600000000"},
                                actor=b.actor)
    send(a, bureau, tmp_path / "d1")
    send(b, bureau, tmp_path / "d2")
    return first, second


def test_the_bureau_lists_a_conflict_as_json_and_resolves_it_by_typing_one_value(network, tmp_path, capsys):
    bureau, a, _ = network
    person = concurrent_phone_edits(bureau, a, tmp_path)
    code, out, err = run(capsys, bureau, "conflicts", "list", "--json")
    assert (code, err) == (0, "")
    [row] = json.loads(out)
    assert (row["table"], row["record_id"], row["field"], row["kind"]) == ("person", person.id, "phone", "field")
    assert {v["value"] for v in row["values"]} == {"13900000000", "13700000000"}
    assert {v["where"] for v in row["values"]} == {a.name, bureau.name}

    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", row["id"], "--value", "13900000000")
    assert (code, err) == (0, "")
    with bureau:
        assert open_conflicts() == [] and get_person(person.id).phone == "13900000000"
    send(bureau, a, tmp_path / "3")  # the decision travels like any change
    with a:
        assert get_person(person.id).phone == "13900000000" and open_conflicts() == []


def test_a_wrong_typed_value_is_one_chinese_line_and_changes_nothing(network, tmp_path, capsys):
    bureau, a, _ = network
    concurrent_phone_edits(bureau, a, tmp_path)
    with bureau:
        [conflict] = open_conflicts()
    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", conflict.id, "--value", "abc")
    assert code == 1 and out == "" and len(err.strip().splitlines()) == 1 and "电话" in err
    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", conflict.id, "--keep-deleted")
    assert code == 1 and "--value" in err
    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", "nosuch", "--value", "1")
    assert code == 1 and "conflicts list" in err
    with bureau:
        assert [c.id for c in open_conflicts()] == [conflict.id]


def test_an_edit_against_a_delete_is_restored_with_restore(network, tmp_path, capsys):
    bureau, a, _ = network
    person = edit_against_delete(bureau, a, tmp_path)
    code, out, err = run(capsys, bureau, "conflicts", "list", "--json")
    [row] = json.loads(out)
    assert row["kind"] == "delete_vs_edit"
    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", row["id"], "--value", "x")
    assert code == 1 and "--restore" in err
    code, out, err = run(capsys, bureau, "--user", "li", "conflicts", "resolve", row["id"], "--restore")
    assert (code, err) == (0, "")
    with bureau:
        assert open_conflicts() == [] and get_person(person.id).phone == "13700000000"


def test_the_bureau_lists_a_duplicate_and_merges_it_keeping_one_record(network, tmp_path, capsys):
    bureau, a, b = network
    first, second = one_person_registered_twice(bureau, a, b, tmp_path)
    code, out, err = run(capsys, bureau, "--user", "li", "duplicates", "list", "--json")
    assert (code, err) == (0, "")
    [row] = json.loads(out)
    assert row["id_number"] == OTHER_ID  # a bureau admin sees full numbers
    assert {p["id"] for p in row["persons"]} == {first.id, second.id}
    assert {p["name"] for p in row["persons"]} == {"张伟"}

    code, out, err = run(capsys, bureau, "--user", "li", "duplicates", "merge", row["id"], "--keep", first.id)
    assert (code, err) == (0, "") and "张伟" in out
    with bureau:
        assert open_duplicates() == [] and redirect_of(second.id) == first.id


def test_listing_needs_no_named_account_and_says_how_much_work_waits(network, tmp_path, capsys):
    bureau, a, b = network
    code, out, err = run(capsys, bureau, "duplicates", "list")
    assert (code, out.strip()) == (0, "没有待处理的重复人员。")
    one_person_registered_twice(bureau, a, b, tmp_path)
    code, out, err = run(capsys, bureau, "duplicates", "list")
    assert (code, err) == (0, "") and "张伟" in out and "待处理的重复人员 1 对" in out


def test_two_people_with_one_number_are_dismissed_as_different(network, tmp_path, capsys):
    bureau, a, b = network
    first, second = one_person_registered_twice(bureau, a, b, tmp_path)
    with bureau:
        [candidate] = open_duplicates()
    code, out, err = run(capsys, bureau, "--user", "li", "duplicates", "dismiss", candidate.id)
    assert (code, err) == (0, "")
    with bureau:
        assert open_duplicates() == []
        assert get_person(first.id).deleted_at is None and get_person(second.id).deleted_at is None
    code, out, err = run(capsys, bureau, "--user", "li", "duplicates", "dismiss", candidate.id)
    assert code == 1 and "duplicates list" in err  # already decided: said so, nothing changes


def test_the_system_account_may_not_decide_and_is_told_to_use_its_own_account(network, tmp_path, capsys):
    bureau, a, b = network
    first, _ = one_person_registered_twice(bureau, a, b, tmp_path)
    concurrent_phone_edits(bureau, a, tmp_path)
    with bureau:
        [candidate], [conflict] = open_duplicates(), open_conflicts()
    for args in (("duplicates", "merge", candidate.id, "--keep", first.id),
                 ("duplicates", "dismiss", candidate.id),
                 ("conflicts", "resolve", conflict.id, "--value", "13900000000")):
        code, out, err = run(capsys, bureau, *args)
        assert code == 1 and out == ""
        assert len(err.strip().splitlines()) == 1 and "--user" in err
    with bureau:
        assert len(open_duplicates()) == 1 and len(open_conflicts()) == 1
        assert AuditEntry.select().where(AuditEntry.action == "denied").count() == 3
