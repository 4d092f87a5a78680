"""工作台: today's and overdue items across areas, at a known date."""

import pytest

from models import aid, cards, disputes, services, visits
from models.workbench import workbench
from tests.models.casework_support import D, TODAY, make_person


@pytest.fixture
def world(actor):
    """One item of each kind due or overdue at TODAY (2026-11-20), and one of each not yet due."""
    ids = {}
    a = make_person(actor, 1, contact_tier="key", name="王建国")
    b = make_person(actor, 2, contact_tier="key", name="李秀英")
    visits.record_visit({"person": a.id, "visited_on": D(2026, 10, 1), "visit_type": "routine"}, actor=actor, today=TODAY)
    visits.record_visit({"person": b.id, "visited_on": D(2026, 11, 10), "visit_type": "routine"}, actor=actor, today=TODAY)
    due_follow, _ = services.record_service({"person": b.id, "served_on": D(2026, 11, 1), "category": "rights",
                                             "content": "反映医疗报销问题", "needs_follow_up": True,
                                             "follow_up_on": D(2026, 11, 20)}, actor=actor, today=TODAY)
    services.record_service({"person": b.id, "served_on": D(2026, 11, 1), "category": "rights", "content": "下月回访",
                             "needs_follow_up": True, "follow_up_on": D(2026, 12, 20)}, actor=actor, today=TODAY)
    done, _ = services.record_service({"person": b.id, "served_on": D(2026, 11, 1), "category": "rights",
                                       "content": "已回访", "needs_follow_up": True, "follow_up_on": D(2026, 11, 10)},
                                      actor=actor, today=TODAY)
    services.record_follow_up(done.id, on=D(2026, 11, 10), note="满意", actor=actor, today=TODAY)
    late, _ = disputes.register_dispute({"persons": [a.id], "source": "visit", "dispute_type": "housing",
                                         "claim": "住房", "deadline": D(2026, 11, 18), "registered_on": D(2026, 11, 1)},
                                        actor=actor, today=TODAY)
    disputes.register_dispute({"persons": [a.id], "source": "visit", "dispute_type": "housing", "claim": "远期",
                               "deadline": D(2026, 12, 30), "registered_on": D(2026, 11, 1)}, actor=actor, today=TODAY)
    ended, _ = disputes.register_dispute({"persons": [a.id], "source": "visit", "dispute_type": "housing",
                                          "claim": "已化解", "deadline": D(2026, 11, 5), "registered_on": D(2026, 11, 1)},
                                         actor=actor, today=TODAY)
    disputes.dispute_step(ended.id, "resolve", on=D(2026, 11, 3), actor=actor, today=TODAY)
    waiting, _ = aid.open_case({"person": b.id, "hardship_type": "illness", "description": "x", "requested_fen": 100,
                                "applied_on": D(2026, 11, 10)}, actor=actor, today=TODAY)  # verify by 11-17
    aid.open_case({"person": b.id, "hardship_type": "illness", "description": "y", "requested_fen": 100,
                   "applied_on": D(2026, 11, 19)}, actor=actor, today=TODAY)  # verify by 11-26: not yet
    card, _ = cards.apply_card(a.id, "veteran", on=D(2026, 10, 1), actor=actor, today=TODAY)
    for i, step in enumerate(["submit", "produce", "receive"]):
        cards.card_step(card.id, step, on=D(2026, 10, 2 + i), actor=actor, today=TODAY)
    ids.update(a=a.id, b=b.id, follow=due_follow.id, dispute=late.id, aid=waiting.id, card=card.id)
    return ids


def test_the_workbench_lists_each_due_or_overdue_item_once_soonest_first(world):
    items = workbench(TODAY)
    assert [(i.kind, i.record_id, i.due_on, i.overdue) for i in items] == [
        ("card", world["card"], D(2026, 10, 4), True),
        ("visit", world["a"], D(2026, 10, 31), True),
        ("aid", world["aid"], D(2026, 11, 17), True),
        ("dispute", world["dispute"], D(2026, 11, 18), True),
        ("follow_up", world["follow"], D(2026, 11, 20), False),
    ]
    labels = {i.kind: i.label for i in items}
    assert labels["visit"] == "定期走访，上次 2026-10-01（已逾期 20 天）"
    assert labels["aid"] == "困难帮扶待入户核实（已申请）（已逾期 3 天）"
    assert labels["follow_up"] == "服务回访：反映医疗报销问题（今天到期）"
    assert {i.person_name for i in items} == {"王建国", "李秀英"}


def test_items_due_within_the_horizon_appear_before_their_day(world):
    later = workbench(TODAY, horizon_days=10)
    kinds = [(i.kind, i.due_on) for i in later]
    assert ("visit", D(2026, 12, 10)) not in kinds and ("aid", D(2026, 11, 26)) in kinds


def test_a_step_taken_removes_the_item(world, actor):
    aid.aid_step(world["aid"], "verify", on=TODAY, actor=actor, today=TODAY)
    cards.card_step(world["card"], "issue", on=TODAY, data={"collected_by": "本人"}, actor=actor, today=TODAY)
    services.record_follow_up(world["follow"], on=TODAY, note="已回访", actor=actor, today=TODAY)
    assert {i.kind for i in workbench(TODAY)} == {"visit", "dispute"}


def test_the_workbench_is_scoped_to_a_station(world):
    assert workbench(TODAY, station_code="150626101") == []
