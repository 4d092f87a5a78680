"""走访慰问: visits with several staff, money and goods, photos; the contact-tier cadence."""
import datetime as dt

import pytest

from models import options, visits
from models.errors import ValidationError
from models.visits import record_visit, visit_due
from models.workflow import PersonInactive
from models.write import Actor
from tests.models.casework_support import D, TODAY, make_deceased, make_person


def visit(actor, person, on, **values):
    found, _ = record_visit({"person": person.id, "visited_on": on, "visit_type": "festival",
                             "staff": ["张站长", "李明"], **values}, actor=actor, today=TODAY)
    return found


def test_a_visit_keeps_its_staff_money_goods_and_photos(actor):
    person = make_person(actor, 1)
    found = visit(actor, person, D(2026, 11, 1), money_fen=50_000, goods="米面油", photos=["ab" * 32],
                  content="春节慰问", requests="希望解决孩子就业", mode="home")
    assert (found.staff, found.money_fen, found.goods, found.photos) == (["张站长", "李明"], 50_000, "米面油", ["ab" * 32])
    assert visits.visits_of(person.id)[0].id == found.id


def test_a_visit_is_refused_with_every_problem_named(actor):
    person = make_person(actor, 1)
    with pytest.raises(ValidationError) as caught:
        record_visit({"person": person.id, "visited_on": TODAY + dt.timedelta(days=1), "visit_type": "party",
                      "mode": "letter", "money_fen": 10.5, "staff": [" "], "photos": ["photo.jpg"]},
                     actor=actor, today=TODAY)
    assert set(caught.value.fields) == {"visited_on", "visit_type", "mode", "money_fen", "staff", "photos"}


def test_a_deceased_person_gets_no_new_visit_and_their_visits_stay(actor):
    person = make_person(actor, 1)
    visit(actor, person, D(2026, 2, 1))
    from models.registry import set_status
    set_status(person.id, "deceased", on=D(2026, 3, 1), actor=actor)
    with pytest.raises(PersonInactive) as caught:
        visit(actor, person, D(2026, 11, 1))
    assert caught.value.message == "测试001已去世（2026-03-01），不能再登记走访；已有记录仍然保留。"
    assert len(visits.visits_of(person.id)) == 1
    assert visit_due(person.id, TODAY) is None


@pytest.mark.parametrize("last, text, overdue", [
    (D(2026, 11, 8), "距下次走访还有 18 天", False), (D(2026, 10, 21), "今天应走访", False),
    (D(2026, 10, 1), "已逾期 20 天", True),
])
def test_the_cadence_says_how_long_until_the_next_visit(actor, last, text, overdue):
    person = make_person(actor, 1, contact_tier="key")  # key: every 30 days
    visit(actor, person, D(2026, 6, 1))
    visit(actor, person, last)
    due = visit_due(person.id, TODAY)
    assert (due.text, due.overdue, due.last_visit) == (text, overdue, last)


def test_a_person_never_visited_is_due_one_cadence_after_filing_and_untiered_people_are_not_tracked(actor):
    new = make_person(actor, 1, contact_tier="regular", filed_on=D(2026, 9, 1))  # regular: 90 days
    assert visit_due(new.id, TODAY).due_on == D(2026, 11, 30)
    assert visit_due(make_person(actor, 2).id, TODAY) is None


def test_due_visits_lists_the_due_and_overdue_soonest_first_and_follows_the_bureau_cadence(actor):
    overdue = make_person(actor, 1, contact_tier="key")
    visit(actor, overdue, D(2026, 10, 1))
    soon = make_person(actor, 2, contact_tier="key")
    visit(actor, soon, D(2026, 10, 25))  # due 11-24
    later = make_person(actor, 3, contact_tier="key")
    visit(actor, later, D(2026, 11, 15))  # due 12-15
    make_deceased(actor, 4, contact_tier="key")
    found = visits.due_visits(TODAY, within_days=7)
    assert [(d.person_id, d.days_left) for d in found] == [(overdue.id, -20), (soon.id, 4)]
    bureau = Actor("ju", "局", "bureau_admin")
    options.save_option("contact_cadence", "key", "重点", extra={"days": 60}, actor=bureau)
    assert [d.person_id for d in visits.due_visits(TODAY, within_days=7)] == []


def test_a_mistaken_visit_is_deleted_with_a_reason(actor):
    found = visit(actor, make_person(actor, 1), D(2026, 11, 1))
    visits.delete_visit(found.id, "录错了人", actor=actor)
    assert visits.visits_of(found.person_id) == []
