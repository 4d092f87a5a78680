"""待补充: a person saved without 人员类别 or 嘎查村 is kept, marked, and found by the filter."""
import json

from desktop.__main__ import main
from models.essentials import missing_essentials
from models.installation import villages
from models.registry import save_person
from models.registry_search import PersonQuery, count_people, search_people

from tests.models.people import person_values


def test_a_person_without_category_or_village_is_saved_and_marked(station, actor):
    person, _ = save_person(None, person_values(1, name="王建国"), actor=actor)
    assert missing_essentials(person) == ["人员类别", "嘎查村"]
    [row] = search_people(PersonQuery())
    assert row["missing"] == ["人员类别", "嘎查村"]


def test_a_complete_person_is_not_marked_and_not_in_the_filter(station, actor):
    village = villages()[0]
    complete, _ = save_person(None, person_values(1, name="王建国", village=village.id),
                              identities=[{"category": "retired_soldier"}], actor=actor)
    no_village, _ = save_person(None, person_values(2, name="巴特尔"),
                                identities=[{"category": "retired_soldier"}], actor=actor)
    no_category, _ = save_person(None, person_values(3, name="乌力吉", village=village.id), actor=actor)
    kept_text, _ = save_person(None, person_values(4, name="苏和", village_text="名单外嘎查"),
                               identities=[{"category": "retired_soldier"}], actor=actor)
    assert missing_essentials(complete) == [] and missing_essentials(kept_text) == []
    assert missing_essentials(no_village) == ["嘎查村"] and missing_essentials(no_category) == ["人员类别"]
    found = [r["name"] for r in search_people(PersonQuery(incomplete=True))]
    assert sorted(found) == sorted(["巴特尔", "乌力吉"])
    assert count_people(PersonQuery(incomplete=True)) == 2


def test_filling_in_the_village_takes_the_person_off_the_list(station, actor):
    person, _ = save_person(None, person_values(1), identities=[{"category": "retired_soldier"}], actor=actor)
    assert count_people(PersonQuery(incomplete=True)) == 1
    save_person(person.id, {"village": villages()[0].id}, actor=actor)
    assert count_people(PersonQuery(incomplete=True)) == 0


def test_people_list_incomplete_on_the_command_line(station, actor, capsys):
    save_person(None, person_values(1, name="王建国"), actor=actor)
    save_person(None, person_values(2, name="巴特尔", village=villages()[0].id),
                identities=[{"category": "retired_soldier"}], actor=actor)
    capsys.readouterr()
    assert main(["--home", str(station.root), "people", "list", "--incomplete", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [(p["name"], p["missing"]) for p in listed] == [("王建国", ["人员类别", "嘎查村"])]
