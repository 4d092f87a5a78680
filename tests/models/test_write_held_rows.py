"""An operation that creates many records inserts them together (one statement per table), yet whatever the same
operation does next — a search, an edit, a deletion, a record that refers to them — finds them, and an operation
that fails leaves none of them behind (docs/lean-storage.md §30)."""
import pytest

from models.changelog import Change
from models.history import person_history
from models.installation import Station, Village
from models.person import Person, PersonIdentity
from models.write import writing

from tests.models.people import person_values


def person(n: int, **values) -> dict:
    return {"station_code": "150626100", **person_values(n, **values)}


def test_people_registered_in_one_operation_are_found_edited_and_deleted_by_it(actor):
    with writing(actor) as w:
        first = w.create(Person, person(301, name="王建国"))
        w.create(PersonIdentity, {"person": first.id, "category": "retired_soldier", "subtypes": [], "note": None})
        second = w.create(Person, person(302, name="李秀英"))
        assert Person.select().where(Person.id.in_([first.id, second.id])).count() == 2  # a read sees them
        assert w.update(first, {"phone": "13904770000"})
        w.tombstone(second, "重复录入")
        third = w.create(Person, person(303, name="张三"))
    assert Person.get_by_id(first.id).phone == "13904770000"
    assert Person.get_by_id(second.id).deleted_reason == "重复录入"
    assert Person.get_by_id(third.id).name == "张三"
    assert PersonIdentity.get(PersonIdentity.person == first.id).category == "retired_soldier"
    # the history reads as it always did: the create's values, then the edit, old → new
    created, edited = [c for c in Change.select().where(Change.record_id == first.id).order_by(Change.seq)]
    assert created.changed["name"] == [None, "王建国"] and created.state["phone"] is None
    assert edited.changed == {"phone": [None, "13904770000"]}
    shown = [(e.section, e.what, e.old, e.new) for e in person_history(first.id)]
    assert ("基本信息", "联系电话", "", "13904770000") in shown and ("人员类别", "新增退役士兵", "", "") in shown


def test_a_village_of_a_station_set_up_in_the_same_operation_goes_in_after_its_station(actor):
    with writing(actor) as w:
        w.create(Village, {"station": Village.select().first().station_id, "name": "甲嘎查"})
        w.create(Station, {"name": "新设服务站", "division_code": "150626"}, record_id="150626199")
        village = w.create(Village, {"station": "150626199", "name": "新嘎查"})
    assert Village.get_by_id(village.id).station.name == "新设服务站"


def test_an_operation_that_fails_leaves_none_of_its_new_records_and_the_next_one_works(actor):
    count = Person.select().count()
    with pytest.raises(RuntimeError):
        with writing(actor) as w:
            for n in range(5):
                w.create(Person, person(310 + n))
            raise RuntimeError("停电")
    assert Person.select().count() == count
    with writing(actor) as w:
        added = w.create(Person, person(320))
    assert Person.select().count() == count + 1 and Person.get_by_id(added.id)
