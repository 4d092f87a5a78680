"""The demo/benchmark generator makes only valid, consistent people, the same ones for a seed,
and the demo writes them through the domain write path (one change-log row per record)."""
from __future__ import annotations

import datetime as dt

import pytest
from stdnum.cn import ric

from demo.generator import PeopleGenerator
from demo.names import VILLAGES
from models.idnumber import parse_id_number
from models.registry import validate_family_member, validate_person

TODAY = dt.date(2026, 11, 26)
STATIONS = {"150626100": VILLAGES["150626100"], "150626104": VILLAGES["150626104"]}


@pytest.fixture(scope="module")
def people():
    return list(PeopleGenerator(seed=11, today=TODAY).people(2000, STATIONS))


def age_at(birth: dt.date, day: dt.date) -> int:
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def test_every_id_number_passes_our_parser_and_python_stdnum(people):
    numbers = [p.values["id_number"] for p in people]
    numbers += [m["id_number"] for p in people for m in p.family if m.get("id_number")]
    assert len(numbers) > 3000
    assert len(set(numbers)) == len(numbers)
    assert [n for n in numbers if not ric.is_valid(n)] == []
    for p in people:
        parsed = parse_id_number(p.values["id_number"], today=TODAY)
        assert (parsed.birth_date, parsed.sex) == (p.values["birth_date"], p.values["sex"])


def test_service_dates_fit_a_military_career_and_nothing_is_in_the_future(people):
    served = [p for p in people if p.values.get("enlist_date")]
    assert len(served) > 1500
    for p in served:
        v = p.values
        assert 17 <= age_at(v["birth_date"], v["enlist_date"]) <= 22
        assert v["enlist_date"] < v["discharge_date"] <= TODAY
    for p in people:
        dates = [x for x in p.values.values() if isinstance(x, dt.date)]
        assert all(d <= TODAY for d in dates)


def test_the_mix_looks_like_the_banner(people):
    ethnic = [p.values["ethnicity"] for p in people]
    assert 0.55 < ethnic.count("01") / len(people) < 0.8  # 汉族
    assert 0.2 < ethnic.count("02") / len(people) < 0.4  # 蒙古族
    categories = {i["category"] for p in people for i in p.identities}
    assert {"retired_soldier", "disabled_veteran", "martyr_family", "serving_family"} <= categories
    assert {p.status for p in people} >= {"active", "deceased", "moved"}
    assert any(p.values.get("key_focus") for p in people)
    disabled = [p for p in people if any(i["category"] == "disabled_veteran" for i in p.identities)]
    assert all(1 <= p.values["disability_level"] <= 10 for p in disabled)
    fallen = [p for p in people if any(i["category"] == "martyr_family" for i in p.identities)]
    assert all(any(m.get("deceased_name") for m in p.family) for p in fallen)
    assert any(p.values["name"] in ("巴特尔", "乌力吉", "其木格", "苏和", "那仁") for p in people)


def test_the_same_seed_gives_the_same_people_and_another_seed_others():
    a = [p.values for p in PeopleGenerator(seed=3, today=TODAY).people(300, STATIONS)]
    b = [p.values for p in PeopleGenerator(seed=3, today=TODAY).people(300, STATIONS)]
    c = [p.values for p in PeopleGenerator(seed=4, today=TODAY).people(300, STATIONS)]
    assert a == b and a != c


def test_generated_people_pass_the_registry_validation(station, people):
    for p in people[:300]:
        validate_person(p.values, today=TODAY)
        for member in p.family:
            validate_family_member(member)


def test_demo_writes_every_record_with_its_change_log_row(station):
    from models.changelog import Change
    from models.person import FamilyMember, Person, PersonIdentity
    from demo.home import populate
    from models.write import CLI_ACTOR

    villages = Change.select().where(Change.table == "village")
    before, villages_before = Change.select().count(), villages.count()
    result = populate(250, seed=2, actor=CLI_ACTOR, batch=100)
    assert Person.select().count() == result.persons == 250
    for model, expected in ((Person, 250), (PersonIdentity, result.identities), (FamilyMember, result.family)):
        logged = Change.select().where(Change.table == model._meta.table_name).count()
        assert logged == model.select().count() == expected
    assert Change.select().count() - before == result.records + villages.count() - villages_before


def test_demo_twice_never_reuses_an_id_number(station):
    from models.person import Person
    from demo.home import populate
    from models.integrity import duplicate_id_problems
    from models.write import CLI_ACTOR

    populate(50, seed=9, actor=CLI_ACTOR)
    populate(50, seed=9, actor=CLI_ACTOR)
    assert Person.select().count() == 100 and duplicate_id_problems() == []
