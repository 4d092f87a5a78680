"""就业创业: referrals, training and entrepreneurship support per person."""
import pytest

from models.employment import add_employment, delete_employment, employment_of
from models.errors import ValidationError
from tests.models.casework_support import D, TODAY, make_person


def test_referrals_training_and_support_are_listed_per_person_newest_first(actor):
    person = make_person(actor, 1)
    add_employment({"person": person.id, "kind": "referral", "on": D(2026, 5, 1), "organisation": "乌审旗物业公司",
                    "title": "保安", "result": "hired"}, actor=actor, today=TODAY)
    add_employment({"person": person.id, "kind": "training", "on": D(2026, 7, 1), "title": "电工培训",
                    "result": "certified"}, actor=actor, today=TODAY)
    add_employment({"person": person.id, "kind": "entrepreneurship", "on": D(2026, 8, 1), "title": "养殖合作社",
                    "amount_fen": 5_000_000, "result": "granted"}, actor=actor, today=TODAY)
    assert [r.kind for r in employment_of(person.id)] == ["entrepreneurship", "training", "referral"]
    assert [r.title for r in employment_of(person.id, "training")] == ["电工培训"]


def test_a_record_is_refused_with_every_problem_named(actor):
    with pytest.raises(ValidationError) as caught:
        add_employment({"person": "nobody", "kind": "referral", "title": "", "result": "granted",
                        "amount_fen": -1}, actor=actor, today=TODAY)
    assert set(caught.value.fields) == {"person", "title", "result", "amount_fen"}


def test_a_mistaken_record_is_deleted_with_a_reason(actor):
    record, _ = add_employment({"person": make_person(actor, 1).id, "kind": "training", "title": "厨师"},
                               actor=actor, today=TODAY)
    delete_employment(record.id, "重复", actor=actor)
    assert employment_of(record.person_id) == []
