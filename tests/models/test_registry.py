"""Registering and editing persons: the rules a clerk meets at the desk."""
import datetime as dt

import pytest

from models.errors import DuplicateIdNumber, NotFound, ValidationError
from models.person import Person
from models.registry import delete_person, family_of, find_person, identities_of, save_person, set_status

from tests.models.people import id_number, person_values


def test_birth_date_and_sex_are_filled_from_the_id_number(actor):
    number = id_number(7, born=dt.date(1968, 5, 12), male=False)
    person, _ = save_person(None, {"name": "其木格", "id_number": number}, actor=actor)
    assert person.birth_date == dt.date(1968, 5, 12) and person.sex == "F"


def test_a_contradicting_birth_date_and_sex_are_flagged_next_to_their_fields(actor):
    number = id_number(8, born=dt.date(1968, 5, 12), male=True)
    with pytest.raises(ValidationError) as err:
        save_person(None, {"name": "巴特尔", "id_number": number, "sex": "F",
                           "birth_date": dt.date(1969, 5, 12)}, actor=actor)
    assert set(err.value.fields) == {"sex", "birth_date"}
    assert "1968-05-12" in err.value.fields["birth_date"]
    assert Person.select().count() == 0


def test_a_legacy_15_digit_number_is_stored_upgraded(actor):
    person, _ = save_person(None, {"name": "老兵", "id_number": "110105491231002"}, actor=actor)
    assert person.id_number == "11010519491231002X"


def test_a_wrong_check_digit_is_refused_and_nothing_is_written(actor):
    good = id_number(9)
    bad = good[:-1] + ("0" if good[-1] != "0" else "1")
    with pytest.raises(ValidationError) as err:
        save_person(None, {"name": "王建国", "id_number": bad}, actor=actor)
    assert "校验位" in err.value.fields["id_number"]
    assert Person.select().count() == 0


def test_a_duplicate_id_number_is_refused_with_the_existing_person(actor):
    first, _ = save_person(None, person_values(10, name="王建国"), actor=actor)
    with pytest.raises(DuplicateIdNumber) as err:
        save_person(None, person_values(10, name="王建军"), actor=actor)
    assert err.value.facts["existing_id"] == first.id and "王建国" in err.value.message


def test_the_same_number_may_be_registered_again_after_the_first_entry_was_deleted(actor):
    first, _ = save_person(None, person_values(11), actor=actor)
    delete_person(first.id, "重复录入", actor=actor)
    second, _ = save_person(None, person_values(11), actor=actor)
    assert second.id != first.id
    assert Person.get_by_id(first.id).deleted_reason == "重复录入"  # tombstone, not erased


def test_every_bad_field_is_named_at_once(actor):
    with pytest.raises(ValidationError) as err:
        save_person(None, {"name": "", "id_number": id_number(12), "phone": "12345",
                           "disability_level": 11, "ethnicity": "99", "family_income_fen": -5,
                           "key_focus": True}, actor=actor)
    assert set(err.value.fields) == {"name", "phone", "disability_level", "ethnicity", "family_income_fen",
                                     "key_focus_reason"}


def test_identities_and_family_are_replaced_as_lists(actor):
    person, _ = save_person(None, person_values(13), identities=[{"category": "retired_soldier"},
                                                                 {"category": "disabled_veteran"}],
                            family=[{"relation": "spouse", "name": "李秀英"}], actor=actor)
    spouse = family_of(person.id)[0]
    save_person(person.id, {}, identities=[{"category": "retired_soldier", "subtypes": ["rural_over_60"]}],
                family=[{"id": spouse.id, "relation": "spouse", "name": "李秀英", "phone": "13800000000"},
                        {"relation": "son", "name": "王小明"}], actor=actor)
    assert [i.category for i in identities_of(person.id)] == ["retired_soldier"]
    assert identities_of(person.id)[0].subtypes == ["rural_over_60"]
    assert sorted(m.name for m in family_of(person.id)) == ["李秀英", "王小明"]
    assert family_of(person.id)[0].id == spouse.id and family_of(person.id)[0].phone == "13800000000"


def test_a_family_member_with_a_bad_id_number_is_refused(actor):
    with pytest.raises(ValidationError) as err:
        save_person(None, person_values(14), family=[{"relation": "son", "name": "王小明",
                                                      "id_number": "150626200001010000"}], actor=actor)
    assert "王小明" in err.value.message


def test_death_needs_a_date_and_removal_a_reason(actor):
    person, _ = save_person(None, person_values(15), actor=actor)
    with pytest.raises(ValidationError):
        set_status(person.id, "deceased", actor=actor)
    with pytest.raises(ValidationError):
        set_status(person.id, "removed", on=dt.date(2026, 1, 1), actor=actor)
    set_status(person.id, "deceased", on=dt.date(2026, 3, 1), actor=actor)
    assert find_person(person.id_number).status == "deceased"


def test_find_person_by_id_number_in_any_form(actor):
    person, _ = save_person(None, {"name": "老兵", "id_number": "11010519491231002X"}, actor=actor)
    assert find_person("110105491231002").id == person.id
    assert find_person("11010519491231002x").id == person.id
    with pytest.raises(NotFound):
        find_person("nobody")
