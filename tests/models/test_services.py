"""服务记录: a contact in a few fields, 代办 items with their small state, follow-ups."""
import datetime as dt

import pytest

from models import services
from models.errors import ValidationError
from models.services import AGENCY, agency_step, get_service, record_service
from models.workflow import InvalidTransition
from tests.models.casework_support import D, TODAY, make_deceased, make_person

PATHS = {"accepted": [], "in_progress": ["start"], "done": ["complete"], "returned": ["return"]}


def agency_item(actor, person=None):
    record, _ = record_service({"served_on": D(2026, 11, 1), "person": (person or make_person(actor, 1)).id,
                                "channel": "visit", "category": "agency", "content": "代办优待证申请材料"},
                               actor=actor, today=TODAY)
    return record


def take(record_id, step, on, actor):
    note = {"return": "材料不符合要求", "follow_up": "电话回访，本人满意"}.get(step)
    return agency_step(record_id, step, on=on, note=note, actor=actor, today=TODAY)


@pytest.mark.parametrize("state", list(AGENCY.states))
@pytest.mark.parametrize("step", list(AGENCY.steps))
def test_every_agency_step_from_every_state_is_taken_or_refused_as_declared(actor, state, step):
    record = agency_item(actor)
    for i, s in enumerate(PATHS[state]):
        take(record.id, s, D(2026, 11, 2 + i), actor)
    if AGENCY.allows(state, step):
        take(record.id, step, D(2026, 11, 10), actor)
        assert get_service(record.id).agency_state == (AGENCY.steps[step].target or state)
    else:
        with pytest.raises(InvalidTransition) as caught:
            take(record.id, step, D(2026, 11, 10), actor)
        assert caught.value.facts["from_state"] == AGENCY.state_label(state)


def test_an_anonymous_walk_in_needs_only_category_and_content(actor):
    record, changes = record_service({"category": "policy", "content": "咨询退役金标准"}, actor=actor, today=TODAY)
    assert (record.person_id, record.served_on, record.channel, record.handler) == (None, TODAY, "visit", "张站长")
    assert record.agency is False and record.agency_state is None
    assert changes.touches("service_record")
    assert [s.code for s in services.legal_steps(record)] == ["follow_up"]


def test_a_record_is_refused_with_every_problem_named(actor):
    with pytest.raises(ValidationError) as caught:
        record_service({"served_on": TODAY + dt.timedelta(days=1), "person": "nobody", "channel": "pigeon",
                        "category": "lottery", "content": " ", "needs_follow_up": True}, actor=actor, today=TODAY)
    assert set(caught.value.fields) == {"served_on", "person", "channel", "category", "content", "follow_up_on"}


def test_returning_an_item_needs_the_reason(actor):
    record = agency_item(actor)
    with pytest.raises(ValidationError, match="退回请写明原因"):
        agency_step(record.id, "return", on=D(2026, 11, 2), actor=actor, today=TODAY)


def test_a_plain_contact_has_no_agency_state(actor):
    record, _ = record_service({"category": "policy", "content": "咨询"}, actor=actor, today=TODAY)
    with pytest.raises(ValidationError, match="不是代办事项"):
        agency_step(record.id, "start", on=TODAY, actor=actor, today=TODAY)


def test_a_follow_up_clears_the_due_follow_up(actor):
    record, _ = record_service({"served_on": D(2026, 11, 1), "category": "rights", "content": "反映待遇问题",
                                "needs_follow_up": True, "follow_up_on": D(2026, 11, 15)}, actor=actor, today=TODAY)
    assert get_service(record.id).followed_up_on is None
    with pytest.raises(ValidationError, match="回访情况"):
        services.record_follow_up(record.id, on=D(2026, 11, 16), note="", actor=actor, today=TODAY)
    services.record_follow_up(record.id, on=D(2026, 11, 16), note="已解决", actor=actor, today=TODAY)
    assert get_service(record.id).followed_up_on == D(2026, 11, 16)


def test_services_are_still_recorded_for_a_deceased_person_for_the_family(actor):
    record = agency_item(actor, make_deceased(actor, 1))
    assert record.agency_state == "accepted"


def test_a_mistaken_record_is_deleted_with_a_reason_not_edited(actor):
    record = agency_item(actor)
    with pytest.raises(ValidationError):
        services.delete_service(record.id, "", actor=actor)
    changes = services.delete_service(record.id, "重复录入", actor=actor)
    assert changes.tombstoned == [("service_record", record.id)]
