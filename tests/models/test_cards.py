"""优待证: preconditions, exclusions, every state and side path, one live card per person."""
import datetime as dt

import pytest

from models import cards
from models.cards import CARD, CardRefused, apply_card, card_step, get_card, reapply
from models.errors import PermissionDenied, ValidationError
from models.workflow import InvalidTransition, PersonInactive, refresh_records, store_cache
from models.write import Actor
from tests.models.casework_support import D, TODAY, make_deceased, make_person

BUREAU = Actor("juzhang", "赵科长", "bureau_staff")
START = D(2026, 9, 1)
PATHS = {
    "accepted": [], "reviewing": ["submit"], "producing": ["submit", "produce"],
    "received": ["submit", "produce", "receive"], "issued": ["submit", "produce", "receive", "issue"],
    "not_accepted": ["reject"], "revoked": ["submit", "produce", "receive", "issue", "revoke"],
    "replaced": ["submit", "produce", "receive", "issue", "replace"],
}


def take(card_id, step, on, actor):
    if step == "replace":
        return reapply(card_id, "reissue", on=on, reason="证件遗失", actor=actor, today=TODAY)
    extra = {"reject": {"note": "材料不全"}, "send_back": {"note": "照片不合格"}, "revoke": {"note": "被开除军籍"},
             "review": {"data": {"level": "city"}},
             "receive": {"data": {"card_no": "1506260001"}}, "issue": {"data": {"collected_by": "本人"}}}
    return card_step(card_id, step, on=on, actor=actor, today=TODAY, **extra.get(step, {}))


def bring_to(actor, state, person=None):
    card, _ = apply_card((person or make_person(actor, 1)).id, "veteran", on=START, actor=actor, today=TODAY)
    for i, step in enumerate(PATHS[state]):
        take(card.id, step, START + dt.timedelta(days=i + 1), actor)
    card = get_card(card.id)
    assert card.status == state
    return card


@pytest.mark.parametrize("state", list(CARD.states))
@pytest.mark.parametrize("step", list(CARD.steps))
def test_every_step_from_every_state_is_taken_or_refused_as_declared(actor, state, step):
    card = bring_to(actor, state)
    on = START + dt.timedelta(days=20)
    if CARD.allows(state, step):
        take(card.id, step, on, actor)
        assert get_card(card.id).status == (CARD.steps[step].target or state)
    else:
        with pytest.raises(InvalidTransition) as caught:
            take(card.id, step, on, actor)
        assert caught.value.facts["from_state"] == CARD.state_label(state)
        assert caught.value.facts["case"] == card.title
        assert get_card(card.id).status == state


def test_review_is_recorded_level_by_level_and_send_back_returns_the_card_to_accepted(actor):
    card = bring_to(actor, "reviewing")
    for level, day in (("county", 3), ("city", 4)):
        card_step(card.id, "review", on=D(2026, 9, day), data={"level": level}, actor=actor, today=TODAY)
    card_step(card.id, "send_back", on=D(2026, 9, 5), note="照片不合格", actor=actor, today=TODAY)
    assert get_card(card.id).status == "accepted"
    assert [e.data.get("level") for e in cards.card_events(card.id) if e.step == "review"] == ["county", "city"]
    card_step(card.id, "submit", on=D(2026, 9, 6), actor=actor, today=TODAY)
    with pytest.raises(ValidationError, match="审核层级"):
        card_step(card.id, "review", on=D(2026, 9, 7), data={"level": "village"}, actor=actor, today=TODAY)


def test_issuing_records_who_collected_it_and_a_guardian_is_allowed(actor):
    card = bring_to(actor, "received")
    with pytest.raises(ValidationError, match="领取人"):
        card_step(card.id, "issue", on=D(2026, 9, 10), actor=actor, today=TODAY)
    card_step(card.id, "issue", on=D(2026, 9, 10), data={"collected_by": "王小明", "guardian_relation": "儿子"},
              actor=actor, today=TODAY)
    card = get_card(card.id)
    assert (card.status, card.issued_on, card.card_no) == ("issued", D(2026, 9, 10), "1506260001")


@pytest.mark.parametrize("step", ["reject", "send_back", "revoke"])
def test_side_paths_need_a_reason(actor, step):
    card = bring_to(actor, {"reject": "accepted", "send_back": "reviewing", "revoke": "issued"}[step])
    with pytest.raises(ValidationError, match="请写明原因"):
        card_step(card.id, step, on=D(2026, 9, 20), actor=actor, today=TODAY)


def test_an_application_needs_registration_and_an_eligible_identity(actor):
    unfiled = make_person(actor, 1, filed_on=None)
    with pytest.raises(CardRefused, match="尚未建档立卡"):
        apply_card(unfiled.id, "veteran", on=START, actor=actor, today=TODAY)
    militia = make_person(actor, 2, identities=("disabled_militia",))
    with pytest.raises(CardRefused, match="不符合退役军人优待证的申领条件"):
        apply_card(militia.id, "veteran", on=START, actor=actor, today=TODAY)
    martyr_family = make_person(actor, 3, identities=("martyr_family",))
    with pytest.raises(CardRefused, match="不符合退役军人优待证"):
        apply_card(martyr_family.id, "veteran", on=START, actor=actor, today=TODAY)
    card, _ = apply_card(martyr_family.id, "family", on=START, actor=actor, today=TODAY)
    assert card.status == "accepted"


def test_one_live_card_per_person_of_either_type(actor):
    person = make_person(actor, 1, identities=("retired_soldier", "martyr_family"))
    first = bring_to(actor, "issued", person)
    with pytest.raises(CardRefused) as caught:
        apply_card(person.id, "family", on=TODAY, actor=actor, today=TODAY)
    assert caught.value.facts["existing_id"] == first.id
    assert "每人只能持有一张" in caught.value.message


def test_after_a_refusal_or_a_revocation_a_new_application_is_allowed(actor):
    person = make_person(actor, 1)
    bring_to(actor, "not_accepted", person)
    second = bring_to(actor, "revoked", person)
    third, _ = apply_card(person.id, "veteran", on=TODAY, actor=actor, today=TODAY)
    assert cards.live_card(person.id).id == third.id != second.id


def test_reissue_links_the_new_application_to_the_old_card_which_ends(actor):
    old = bring_to(actor, "issued")
    with pytest.raises(ValidationError, match="写明原因"):
        reapply(old.id, "exchange", on=TODAY, reason="", actor=actor, today=TODAY)
    new, changes = reapply(old.id, "exchange", on=TODAY, reason="信息变更", actor=actor, today=TODAY)
    assert (new.replaces_id, new.kind, new.card_type) == (old.id, "exchange", "veteran")
    assert get_card(old.id).status == "replaced"
    assert cards.live_card(old.person_id).id == new.id
    assert changes.touches("preferential_card") and changes.touches("card_event")


def test_exclusions_refuse_until_the_bureau_overrides_them_with_a_reason(actor):
    person = make_person(actor, 1)
    exclusion, _ = cards.record_exclusion(person.id, "deprived", on=D(2026, 8, 1), note="判决书", actor=actor,
                                          today=TODAY)
    with pytest.raises(CardRefused, match="被依法剥夺政治权利"):
        apply_card(person.id, "veteran", on=TODAY, actor=actor, today=TODAY)
    with pytest.raises(PermissionDenied, match="不能解除优待证不予发放情形"):
        cards.override_exclusion(exclusion.id, "已恢复", on=TODAY, actor=actor)
    with pytest.raises(ValidationError, match="理由"):
        cards.override_exclusion(exclusion.id, " ", on=TODAY, actor=BUREAU)
    cards.override_exclusion(exclusion.id, "剥夺政治权利期满", on=TODAY, actor=BUREAU)
    card, _ = apply_card(person.id, "veteran", on=TODAY, actor=actor, today=TODAY)
    assert cards.CardExclusion.get_by_id(exclusion.id).overridden_by == "赵科长"


def test_a_deceased_person_gets_no_card_or_card_step_but_an_issued_card_can_be_revoked(actor):
    with pytest.raises(PersonInactive, match="已去世"):
        apply_card(make_deceased(actor, 1).id, "veteran", on=TODAY, actor=actor, today=TODAY)
    person = make_person(actor, 2)
    received = bring_to(actor, "received", person)
    from models.registry import set_status
    set_status(person.id, "deceased", on=D(2026, 10, 1), actor=actor)
    with pytest.raises(PersonInactive, match="不能再办理优待证"):
        take(received.id, "issue", D(2026, 10, 2), actor)
    take(received.id, "revoke", D(2026, 10, 2), actor)
    assert get_card(received.id).status == "revoked"


def test_the_cached_state_equals_a_recomputation_from_the_events(actor):
    card = bring_to(actor, "issued")
    derived = cards.derive_card(card)
    assert {k: getattr(card, k) for k in derived} == derived
    store_cache(card, {"status": "accepted", "card_no": None})
    refresh_records("preferential_card", [card.id])
    assert {k: getattr(get_card(card.id), k) for k in derived} == derived
