"""A person's timeline: everything that happened to them, newest first, each item opening its record."""
from models import aid, cards, disputes, employment, services, visits
from models.timeline import person_timeline
from tests.models.casework_support import D, TODAY, make_person


def test_the_timeline_lists_every_area_newest_first_with_the_record_to_open(actor):
    person = make_person(actor, 1)
    other = make_person(actor, 2)
    service, _ = services.record_service({"person": person.id, "served_on": D(2026, 9, 1), "category": "policy",
                                          "content": "咨询优待证"}, actor=actor, today=TODAY)
    visit, _ = visits.record_visit({"person": person.id, "visited_on": D(2026, 9, 5), "visit_type": "festival",
                                    "staff": ["张站长"], "money_fen": 50_000}, actor=actor, today=TODAY)
    card, _ = cards.apply_card(person.id, "veteran", on=D(2026, 9, 10), actor=actor, today=TODAY)
    cards.card_step(card.id, "submit", on=D(2026, 9, 12), actor=actor, today=TODAY)
    case, _ = aid.open_case({"person": person.id, "hardship_type": "illness", "description": "住院",
                             "requested_fen": 200_000, "applied_on": D(2026, 10, 1)}, actor=actor, today=TODAY)
    aid.aid_step(case.id, "verify", on=D(2026, 10, 3), note="属实", actor=actor, today=TODAY)
    dispute, _ = disputes.register_dispute({"persons": [other.id, person.id], "source": "visit",
                                            "dispute_type": "family", "claim": "宅基地纠纷",
                                            "registered_on": D(2026, 10, 10)}, actor=actor, today=TODAY)
    disputes.dispute_step(dispute.id, "mediate", on=D(2026, 10, 10), note="调解", actor=actor, today=TODAY)
    job, _ = employment.add_employment({"person": person.id, "kind": "training", "on": D(2026, 8, 1),
                                        "title": "电工"}, actor=actor, today=TODAY)
    services.record_service({"person": other.id, "category": "policy", "content": "别人的"}, actor=actor, today=TODAY)

    items = person_timeline(person.id)
    assert [(i.on, i.kind, i.record_id) for i in items] == [
        (D(2026, 10, 10), "dispute", dispute.id),  # the mediation step, entered after the registration
        (D(2026, 10, 10), "dispute", dispute.id),
        (D(2026, 10, 3), "aid", case.id), (D(2026, 10, 1), "aid", case.id),
        (D(2026, 9, 12), "card", card.id), (D(2026, 9, 10), "card", card.id),
        (D(2026, 9, 5), "visit", visit.id), (D(2026, 9, 1), "service", service.id),
        (D(2026, 8, 1), "employment", job.id),
    ]
    assert items[0].label == "矛盾纠纷记录调处：调解"
    assert items[0].event_id is not None and items[1].event_id is None
    assert items[6].label == "节日慰问（张站长）：500.00 元"
    assert items[2].label == "困难帮扶入户核实：属实" and items[2].kind_label == "困难帮扶"
