"""The data a station reports is the data it holds: after a bundle, the bureau's figures for a station equal the
station's own figures on the same data, and a frozen score travels back to the station it belongs to."""
from models.disputes import dispute_step, register_dispute
from models.indicators import indicator_rows
from models.periods import parse_period
from models.registry import save_person
from models.services import record_service
from models.visits import record_visit
from tests.models.casework_support import D, TODAY
from tests.models.people import person_values
from tests.sync.helpers import send

Q4 = parse_period("2026Q4")


def test_the_bureau_sees_a_station_exactly_as_the_station_sees_itself(network, tmp_path):
    bureau, a, b = network
    with a:
        people = [save_person(None, person_values(n, filed_on=D(2026, 10, n), contact_tier="key"), actor=a.actor)[0]
                  for n in range(1, 4)]
        record_visit({"person": people[0].id, "visited_on": D(2026, 10, 20), "staff": ["李明"],
                      "visit_type": "festival"}, actor=a.actor, today=TODAY)
        record_service({"served_on": D(2026, 11, 2), "person": people[1].id, "category": "policy", "content": "咨询",
                        "needs_follow_up": True, "follow_up_on": D(2026, 11, 5)}, actor=a.actor, today=TODAY)
        case, _ = register_dispute({"persons": [people[2].id], "source": "visit", "dispute_type": "housing",
                                    "claim": "住房", "registered_on": D(2026, 10, 3)}, actor=a.actor, today=TODAY)
        dispute_step(case.id, "resolve", on=D(2026, 10, 9), actor=a.actor, today=TODAY)
        [own] = indicator_rows(Q4, today=TODAY)
    with b:
        save_person(None, person_values(9), actor=b.actor)
    send(a, bureau, tmp_path / "usb")
    with bureau:
        rows = {r["station_code"]: r for r in indicator_rows(Q4, today=TODAY)}
    assert set(rows) == {a.code, b.code}  # every enrolled station, the silent one with zeros
    assert rows[b.code]["persons"] == 0
    assert rows[a.code] == own
    assert (own["persons"], own["visits_done"], own["services"], own["resolved_locally_rate"]) == (3, 1, 1, 1.0)
