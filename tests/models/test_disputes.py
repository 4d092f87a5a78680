"""矛盾纠纷/信访: numbering, parties, the mediation log, outcomes, deadline colours, 化解在当地率."""
import datetime as dt

import pytest

from models import disputes
from models.disputes import DISPUTE, deadline_colour, dispute_step, get_dispute, register_dispute
from models.errors import ValidationError
from models.workflow import InvalidTransition, refresh_records, store_cache
from tests.models.casework_support import D, TODAY, make_deceased, make_person

START = D(2026, 10, 1)
PATHS = {"registered": [], "mediating": ["mediate"], "resolved": ["resolve"], "contained": ["contain"],
         "escalated": ["escalate"], "suspended": ["suspend"], "followed_up": ["resolve", "follow_up"]}


def register(actor, person=None, **values):
    base = {"persons": [(person or make_person(actor, 1)).id], "source": "visit", "dispute_type": "housing",
            "claim": "要求解决住房困难", "risk": "medium", "deadline": D(2026, 11, 30), "registered_on": START,
            "leader": "王镇长", "handler": "李明"}
    case, _ = register_dispute({**base, **values}, actor=actor, today=TODAY)
    return case


def take(case_id, step, on, actor):
    extra = {"mediate": {"note": "约谈双方", "data": {"result": "初步达成一致"}}, "monitor": {"note": "电话了解情况"},
             "escalate": {"data": {"to": "旗退役军人事务局"}}, "suspend": {"note": "当事人撤回诉求"},
             "follow_up": {"data": {"satisfaction": "satisfied"}}}.get(step, {})
    return dispute_step(case_id, step, on=on, actor=actor, today=TODAY, **extra)


def bring_to(actor, state, person=None, **values):
    case = register(actor, person, **values)
    for i, step in enumerate(PATHS[state]):
        take(case.id, step, START + dt.timedelta(days=i + 1), actor)
    case = get_dispute(case.id)
    assert case.status == state
    return case


@pytest.mark.parametrize("state", list(DISPUTE.states))
@pytest.mark.parametrize("step", list(DISPUTE.steps))
def test_every_step_from_every_state_is_taken_or_refused_as_declared(actor, state, step):
    case = bring_to(actor, state)
    if DISPUTE.allows(state, step):
        take(case.id, step, START + dt.timedelta(days=10), actor)
        assert get_dispute(case.id).status == (DISPUTE.steps[step].target or state)
    else:
        with pytest.raises(InvalidTransition) as caught:
            take(case.id, step, START + dt.timedelta(days=10), actor)
        assert caught.value.facts["case"] == f"{case.number} · 测试001"
        assert caught.value.facts["from_state"] == DISPUTE.state_label(state)


def test_numbers_are_the_station_code_year_and_a_serial(actor):
    person = make_person(actor, 1)
    numbers = [register(actor, person).number for _ in range(3)]
    numbers.append(register(actor, person, registered_on=D(2025, 12, 31), deadline=None).number)
    assert numbers == ["150626100-2026-0001", "150626100-2026-0002", "150626100-2026-0003", "150626100-2025-0001"]
    assert get_dispute("150626100-2026-0002").number == "150626100-2026-0002"


def test_several_parties_and_outsiders_are_recorded(actor):
    a, b = make_person(actor, 1), make_person(actor, 2)
    case = register(actor, a, persons=[a.id, b.id, a.id], outsiders="邻居张某")
    assert [p.id for p in disputes.parties(case.id)] == [a.id, b.id]
    assert (case.person_id, case.outsiders) == (a.id, "邻居张某")


def test_registration_checks_its_fields(actor):
    with pytest.raises(ValidationError) as caught:
        register_dispute({"persons": [], "source": "rumour", "dispute_type": "x", "claim": "", "risk": "extreme",
                          "registered_on": START, "deadline": D(2026, 9, 1)}, actor=actor, today=TODAY)
    assert set(caught.value.fields) == {"persons", "source", "dispute_type", "claim", "risk", "deadline"}
    with pytest.raises(ValidationError, match="办结期限不能早于登记日期"):
        register(actor, deadline=D(2026, 9, 1))


def test_the_mediation_log_keeps_every_step_in_order(actor):
    case = register(actor)
    take(case.id, "mediate", D(2026, 10, 2), actor)
    dispute_step(case.id, "mediate", on=D(2026, 10, 5), note="第二次调解", data={"who": "王镇长", "result": "同意"},
                 actor=actor, today=TODAY)
    take(case.id, "contain", D(2026, 10, 6), actor)
    take(case.id, "monitor", D(2026, 10, 20), actor)
    steps = [(e.step, e.note, e.data.get("who")) for e in sorted(disputes.dispute_events(case.id), key=lambda e: e.on)]
    assert steps == [("mediate", "约谈双方", "张站长"), ("mediate", "第二次调解", "王镇长"), ("contain", None, None),
                     ("monitor", "电话了解情况", "张站长")]
    assert get_dispute(case.id).status == "contained"


@pytest.mark.parametrize("step, field", [("mediate", "note"), ("suspend", "note"), ("escalate", "to"),
                                         ("follow_up", "satisfaction")])
def test_steps_need_their_facts(actor, step, field):
    case = bring_to(actor, "resolved" if step == "follow_up" else "registered")
    with pytest.raises(ValidationError) as caught:
        dispute_step(case.id, step, on=D(2026, 10, 10), actor=actor, today=TODAY)
    assert field in caught.value.fields


def test_a_deceased_party_does_not_stop_dispute_work(actor):
    case = register(actor, make_deceased(actor, 1))
    take(case.id, "mediate", D(2026, 10, 2), actor)
    assert get_dispute(case.id).status == "mediating"


@pytest.mark.parametrize("state, deadline, colour", [
    ("resolved", D(2026, 11, 1), "green"), ("followed_up", D(2026, 11, 1), "green"),
    ("escalated", D(2026, 11, 1), "green"), ("contained", D(2026, 11, 1), "green"),
    ("suspended", D(2026, 11, 1), "grey"), ("mediating", D(2026, 11, 19), "red"),
    ("registered", D(2026, 11, 20), "yellow"), ("mediating", D(2026, 11, 23), "yellow"),
    ("mediating", D(2026, 11, 24), None), ("registered", None, None),
])
def test_deadline_colours(actor, state, deadline, colour):
    case = bring_to(actor, state, deadline=deadline)
    assert deadline_colour(case, TODAY) == colour


def test_local_resolution_rate_counts_resolved_cases_among_ended_ones(actor):
    person = make_person(actor, 1)
    for state in ["resolved", "resolved", "followed_up", "escalated", "suspended", "contained", "mediating",
                  "registered"]:
        bring_to(actor, state, person)
    rate = disputes.local_resolution_rate()
    assert (rate.resolved, rate.ended, rate.text) == (3, 6, "50.0%")
    # the period counts cases by the date of their outcome (all were reached on 2026-10-02)
    assert disputes.local_resolution_rate(date_from=D(2026, 10, 2), date_to=D(2026, 10, 2)).ended == 6
    assert disputes.local_resolution_rate(date_from=D(2026, 10, 3)).ended == 0
    assert disputes.local_resolution_rate(station_code="150626101").rate is None


def test_editing_the_header_does_not_touch_the_state(actor):
    case = bring_to(actor, "mediating")
    disputes.edit_dispute(case.id, {"risk": "high", "leader": "赵书记", "deadline": D(2026, 12, 15)}, actor=actor)
    case = get_dispute(case.id)
    assert (case.risk, case.leader, case.deadline, case.status) == ("high", "赵书记", D(2026, 12, 15), "mediating")


def test_the_cached_state_equals_a_recomputation_from_the_events(actor):
    case = bring_to(actor, "followed_up")
    derived = disputes.derive_dispute(case)
    assert derived["outcome"] == "resolved"
    assert {k: getattr(case, k) for k in derived} == derived
    store_cache(case, {"status": "registered", "outcome": None})
    refresh_records("dispute_case", [case.id])
    assert {k: getattr(get_dispute(case.id), k) for k in derived} == derived
