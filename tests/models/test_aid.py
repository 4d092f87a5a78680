"""困难帮扶: one case per request, the documents checklist, and the full approval trail as events."""
import datetime as dt

import pytest

from models import aid
from models.aid import AID, AidEvent, aid_step, derive_aid, get_case
from models.errors import ValidationError
from models.workflow import InvalidTransition, PersonInactive, refresh_records, store_cache
from models.write import Actor, writing
from tests.models.casework_support import D, TODAY, make_deceased, make_person

BUREAU = Actor("juzhang", "赵科长", "bureau_staff")
START = D(2026, 10, 1)

# The steps that bring a new case to each state.
PATHS = {
    "applied": [], "verified": ["verify"], "station_approved": ["verify", "station_approve"],
    "publicized": ["verify", "station_approve", "publicize"],
    "approved": ["verify", "station_approve", "publicize", "approve"],
    "rejected": ["verify", "station_approve", "publicize", "reject"],
    "disbursed": ["verify", "station_approve", "publicize", "approve", "disburse"],
    "followed_up": ["verify", "station_approve", "publicize", "approve", "disburse", "follow_up"],
    "closed": ["verify", "station_approve", "publicize", "approve", "disburse", "follow_up", "close"],
    "withdrawn": ["withdraw"],
}


def open_with_documents(actor, person, requested=500_000):
    case, _ = aid.open_case({"person": person.id, "hardship_type": "illness", "description": "患病住院，家庭困难",
                             "requested_fen": requested, "family_income_fen": 1_200_000, "family_size": 3,
                             "applied_on": START}, actor=actor, today=TODAY)
    for doc in ("application", "id_card", "household"):
        aid.add_document(case.id, doc, on=START, attachment="ab" * 32, actor=actor, today=TODAY)
    return case


def take(case_id, step, on, actor):
    """Take a step with valid facts for it."""
    extra = {
        "publicize": {"data": {"from": on, "to": on, "objections": ""}},
        "approve": {"amount_fen": 300_000}, "disburse": {"amount_fen": 100_000, "fund_source": "aid_fund"},
        "reject": {"note": "经公示有异议，核实收入超标"}, "withdraw": {"note": "本人申请撤回"},
    }.get(step, {})
    return aid_step(case_id, step, on=on, actor=actor, today=TODAY, **extra)


def bring_to(actor, state, person=None):
    case = open_with_documents(actor, person or make_person(actor, 1))
    for i, step in enumerate(PATHS[state]):
        take(case.id, step, START + dt.timedelta(days=i + 1), actor)
    case = get_case(case.id)
    assert case.status == state
    return case


@pytest.mark.parametrize("state", list(AID.states))
@pytest.mark.parametrize("step", list(AID.steps))
def test_every_step_from_every_state_is_taken_or_refused_as_declared(actor, state, step):
    case = bring_to(actor, state)
    on = START + dt.timedelta(days=20)
    if AID.allows(state, step):
        take(case.id, step, on, actor)
        assert get_case(case.id).status == AID.steps[step].target
    else:
        with pytest.raises(InvalidTransition) as caught:
            take(case.id, step, on, actor)
        assert caught.value.facts["from_state"] == AID.state_label(state)
        assert AID.steps[step].label in caught.value.message
        assert get_case(case.id).status == state


def test_legal_steps_offer_approve_and_reject_only_after_publicity(actor):
    case = bring_to(actor, "publicized")
    assert [s.code for s in aid.legal_steps(case)] == ["approve", "reject", "withdraw"]


def test_station_check_is_refused_while_required_documents_are_missing(actor):
    case, _ = aid.open_case({"person": make_person(actor, 1).id, "hardship_type": "illness", "description": "x",
                             "requested_fen": 100, "applied_on": START}, actor=actor, today=TODAY)
    aid.add_document(case.id, "application", on=START, actor=actor, today=TODAY)
    take(case.id, "verify", D(2026, 10, 2), actor)
    with pytest.raises(ValidationError) as caught:
        take(case.id, "station_approve", D(2026, 10, 3), actor)
    assert caught.value.message == "申请材料不齐，缺少：身份证、户口簿"
    checklist = {c["code"]: c for c in aid.checklist(case.id)}
    assert checklist["application"]["present"] and not checklist["id_card"]["present"]
    assert checklist["diagnosis"]["required"] is False


def test_approval_waits_until_the_publicity_period_has_ended(actor):
    case = bring_to(actor, "station_approved")
    aid_step(case.id, "publicize", on=D(2026, 10, 5), data={"from": D(2026, 10, 5), "to": D(2026, 10, 11),
                                                             "objections": "无"}, actor=actor, today=TODAY)
    with pytest.raises(ValidationError, match="公示期满后才能审批"):
        aid.approve(case.id, 300_000, on=D(2026, 10, 9), actor=BUREAU, today=TODAY)
    aid.approve(case.id, 300_000, on=D(2026, 10, 11), actor=BUREAU, today=TODAY)


@pytest.mark.parametrize("step, kwargs, field", [
    ("reject", {}, "note"), ("withdraw", {}, "note"), ("approve", {"amount_fen": 0}, "amount_fen"),
    ("approve", {"amount_fen": 12.5}, "amount_fen"),
])
def test_decisions_need_their_facts(actor, step, kwargs, field):
    case = bring_to(actor, "publicized")
    with pytest.raises(ValidationError) as caught:
        aid_step(case.id, step, on=D(2026, 10, 20), actor=actor, today=TODAY, **kwargs)
    assert field in caught.value.fields


def test_disbursement_needs_a_fund_source_and_cannot_exceed_the_approved_amount(actor):
    case = bring_to(actor, "approved")
    with pytest.raises(ValidationError, match="资金来源"):
        aid_step(case.id, "disburse", on=D(2026, 10, 20), amount_fen=100, actor=actor, today=TODAY)
    aid.disburse(case.id, 200_000, "aid_fund", on=D(2026, 10, 20), actor=actor, today=TODAY)
    with pytest.raises(ValidationError) as caught:
        aid.disburse(case.id, 100_001, "donation", on=D(2026, 10, 21), actor=actor, today=TODAY)
    assert "不能超过核定金额 3,000.00 元" in caught.value.message


def test_totals_are_sums_of_events_and_the_approved_amount_may_differ_from_the_request(actor):
    case = bring_to(actor, "approved")
    aid.disburse(case.id, 120_000, "aid_fund", on=D(2026, 10, 20), actor=actor, today=TODAY)
    aid.disburse(case.id, 80_000, "donation", on=D(2026, 10, 25), actor=actor, today=TODAY)
    aid.disburse(case.id, 100_000, "other", on=D(2026, 10, 26), actor=actor, today=TODAY)
    case = get_case(case.id)
    assert (case.requested_fen, case.approved_fen, case.paid_fen) == (500_000, 300_000, 300_000)
    events = AidEvent.select().where((AidEvent.case == case.id) & (AidEvent.step == "disburse"))
    assert sum(e.amount_fen for e in events) == case.paid_fen


def test_a_step_cannot_be_dated_before_the_previous_one_or_in_the_future(actor):
    case = bring_to(actor, "verified")  # verified on 2026-10-02
    with pytest.raises(ValidationError, match="不能早于上一步"):
        take(case.id, "station_approve", D(2026, 10, 1), actor)
    with pytest.raises(ValidationError, match="不能晚于今天"):
        take(case.id, "station_approve", TODAY + dt.timedelta(days=1), actor)


def test_a_deceased_person_gets_no_new_aid_case_or_step_but_the_case_can_be_withdrawn(actor):
    with pytest.raises(PersonInactive) as caught:
        aid.open_case({"person": make_deceased(actor, 2).id, "hardship_type": "illness", "description": "x",
                       "requested_fen": 100}, actor=actor, today=TODAY)
    assert caught.value.message == "测试002已去世（2026-03-01），不能再申请困难帮扶；已有记录仍然保留。"
    person = make_person(actor, 3)
    case = bring_to(actor, "verified", person)
    from models.registry import set_status
    set_status(person.id, "removed", on=D(2026, 10, 10), reason="重复建档", actor=actor)
    with pytest.raises(PersonInactive, match="已注销"):
        take(case.id, "station_approve", D(2026, 10, 11), actor)
    take(case.id, "withdraw", D(2026, 10, 11), actor)
    assert get_case(case.id).status == "withdrawn"
    assert len(aid.aid_events(case.id)) == 2  # history stays


def test_the_cached_state_and_totals_equal_a_recomputation_from_the_events(actor):
    case = bring_to(actor, "disbursed")
    derived = derive_aid(case)
    assert {k: getattr(case, k) for k in derived} == derived
    store_cache(case, {"status": "applied", "paid_fen": 0, "approved_fen": None})
    refresh_records("aid_case", [case.id])
    assert {k: getattr(get_case(case.id), k) for k in derived} == derived


def test_events_arriving_by_sync_in_any_order_give_the_same_state(actor):
    """Two installations' events: the derived state is a function of the set of events."""
    case = bring_to(actor, "approved")
    with writing(actor) as w:  # as the sync importer applies them: rows only, then a refresh by table
        w.create(AidEvent, {"case": case.id, "step": "withdraw", "on": D(2026, 10, 9), "note": "撤回",
                            "data": {}})
        w.create(AidEvent, {"case": case.id, "step": "disburse", "on": D(2026, 10, 8), "amount_fen": 50_000,
                            "fund_source": "aid_fund", "data": {}})
    refresh_records("aid_event", [record_id for _, record_id in w.changes.created])
    case = get_case(case.id)
    assert (case.status, case.paid_fen) == ("withdrawn", 50_000)
    with writing(actor) as w:  # a disbursement dated after the withdrawal is kept but not applied
        w.create(AidEvent, {"case": case.id, "step": "disburse", "on": D(2026, 10, 12), "amount_fen": 10_000,
                            "fund_source": "aid_fund", "data": {}})
    refresh_records("aid_event", [record_id for _, record_id in w.changes.created])
    replay = AID.replay(aid.aid_events(case.id))
    assert get_case(case.id).paid_fen == 50_000 and [e.amount_fen for e in replay.skipped] == [10_000]


def test_opening_a_case_checks_its_fields(actor):
    with pytest.raises(ValidationError) as caught:
        aid.open_case({"person": make_person(actor, 1).id, "hardship_type": "lottery", "description": " ",
                       "requested_fen": -5, "aid_form": "gold"}, actor=actor, today=TODAY)
    assert set(caught.value.fields) == {"hardship_type", "description", "requested_fen", "aid_form"}


def test_documents_can_be_removed_with_a_reason_and_closed_cases_take_no_more(actor):
    case = bring_to(actor, "withdrawn")
    with pytest.raises(ValidationError, match="不能再补充材料"):
        aid.add_document(case.id, "diagnosis", on=TODAY, actor=actor, today=TODAY)
    doc = aid.checklist(case.id)[0]["documents"][0]
    aid.remove_document(doc.id, "扫描件不清晰", actor=actor)
    assert aid.checklist(case.id)[0]["present"] is False
