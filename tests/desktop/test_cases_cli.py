"""`vetstation cases list/show`: casework from the command line, as a table or JSON."""
import argparse
import json

import pytest

from desktop.commands.cases import add_cases_parser, cmd_cases_list, cmd_cases_show
from models import aid, disputes, services
from models.errors import NotFound, ValidationError
from tests.models.casework_support import D, TODAY, make_person


def parse(*argv):
    parser = argparse.ArgumentParser()
    add_cases_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["cases", *argv])


@pytest.fixture
def cases(actor):
    person = make_person(actor, 1, name="王建国")
    first, _ = aid.open_case({"person": person.id, "hardship_type": "illness", "description": "住院",
                              "requested_fen": 500_000, "applied_on": D(2026, 10, 1)}, actor=actor, today=TODAY)
    aid.aid_step(first.id, "verify", on=D(2026, 10, 2), note="属实", actor=actor, today=TODAY)
    second, _ = aid.open_case({"person": person.id, "hardship_type": "emergency", "description": "火灾",
                               "requested_fen": 300_000, "applied_on": D(2026, 11, 1)}, actor=actor, today=TODAY)
    dispute, _ = disputes.register_dispute({"persons": [person.id], "source": "hotline", "dispute_type": "housing",
                                            "claim": "住房", "registered_on": D(2026, 11, 2)}, actor=actor, today=TODAY)
    services.record_service({"category": "policy", "content": "咨询"}, actor=actor, today=TODAY)
    return {"first": first.id, "second": second.id, "dispute": dispute, "person": person}


def test_cases_list_json_filters_by_status_given_as_code_or_chinese(station, actor, cases, capsys):
    for status in ("verified", "已核实"):
        assert cmd_cases_list(parse("list", "--kind", "aid", "--status", status, "--json"), station, actor) == 0
        rows = json.loads(capsys.readouterr().out)
        assert [(r["id"], r["status"], r["requested_fen"], r["date"]) for r in rows] == [
            (cases["first"], "verified", 500_000, "2026-10-01")]
    assert cmd_cases_list(parse("list", "--kind", "aid", "--json"), station, actor) == 0
    assert [r["id"] for r in json.loads(capsys.readouterr().out)] == [cases["second"], cases["first"]]


def test_cases_list_prints_a_table_with_a_count(station, actor, cases, capsys):
    assert cmd_cases_list(parse("list", "--kind", "aid"), station, actor) == 0
    out = capsys.readouterr().out
    assert "王建国" in out and "已核实" in out and "因病致生活困难" in out and out.strip().endswith("共 2 条。")


def test_cases_list_refuses_an_unknown_status_and_a_status_for_visits(station, actor, cases):
    with pytest.raises(NotFound, match="没有这个状态：已飞走"):
        cmd_cases_list(parse("list", "--kind", "aid", "--status", "已飞走"), station, actor)
    with pytest.raises(ValidationError, match="走访慰问没有办理状态"):
        cmd_cases_list(parse("list", "--kind", "visit", "--status", "x"), station, actor)


def test_cases_show_json_has_the_events_and_the_legal_next_steps(station, actor, cases, capsys):
    assert cmd_cases_show(parse("show", cases["first"], "--json"), station, actor) == 0
    detail = json.loads(capsys.readouterr().out)
    assert (detail["kind"], detail["status"], detail["person_name"]) == ("aid", "verified", "王建国")
    assert [(e["step"], e["on"], e["note"]) for e in detail["events"]] == [("verify", "2026-10-02", "属实")]
    assert [s["code"] for s in detail["legal_steps"]] == ["station_approve", "withdraw"]
    assert [c["code"] for c in detail["checklist"] if c["required"]] == ["application", "id_card", "household"]


def test_cases_show_finds_a_dispute_by_its_number_and_prints_text(station, actor, cases, capsys):
    assert cmd_cases_show(parse("show", cases["dispute"].number), station, actor) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"矛盾纠纷（编号 {cases['dispute'].id}）")
    assert "可办理的下一步：记录调处、已化解、已稳控、上报、中止" in out


def test_cases_show_refuses_an_unknown_id(station, actor, cases):
    with pytest.raises(NotFound, match="未找到编号为「nope」的记录"):
        cmd_cases_show(parse("show", "nope"), station, actor)


def test_cases_list_sorts_by_a_column_of_its_kind_and_refuses_another(station, actor, cases, capsys):
    assert cmd_cases_list(parse("list", "--kind", "aid", "--order", "requested", "--json"), station, actor) == 0
    assert [r["requested_fen"] for r in json.loads(capsys.readouterr().out)] == [500_000, 300_000]
    assert cmd_cases_list(parse("list", "--kind", "aid", "--order", "requested", "--ascending", "--json"),
                          station, actor) == 0
    assert [r["requested_fen"] for r in json.loads(capsys.readouterr().out)] == [300_000, 500_000]
    with pytest.raises(ValidationError, match="不能按「deadline」排序"):
        cmd_cases_list(parse("list", "--kind", "aid", "--order", "deadline"), station, actor)
