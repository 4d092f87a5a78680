"""Indicators: each figure of a station on hand-made casework whose answer is known, counted by the records' own
dates, with the drill-down naming exactly the records behind each figure."""
import pytest

from models import aid
from models.cards import apply_card, card_step
from models.disputes import dispute_step, register_dispute
from models.errors import DomainError
from models.indicators import ROW_KEYS, indicator_rows, indicator_rows_of, indicator_value, records_behind, total_row
from models.periods import parse_period
from models.services import agency_step, record_service
from models.visits import record_visit
from tests.conftest import STATION_CODE, STATION_NAME
from tests.models.casework_support import D, TODAY, make_deceased, make_person

Q4 = parse_period("2026Q4")
OCTOBER = parse_period("2026-10")


@pytest.fixture
def county_day(actor):
    """One station's autumn: four people on the roster (one new), visits, services, cards, aid, disputes."""
    p = {
        "visited": make_person(actor, 1, contact_tier="key"),  # every 30 days; visited 10-05
        "waiting": make_person(actor, 2, contact_tier="regular"),  # every 90 days; last visit 09-20
        "new": make_person(actor, 3, contact_tier="key", filed_on=D(2026, 11, 1)),
        "untiered": make_person(actor, 4),
        "dead": make_deceased(actor, 5, contact_tier="key"),
    }
    visit = {"staff": ["李明"], "visit_type": "festival", "mode": "home"}
    record_visit({"person": p["waiting"].id, "visited_on": D(2026, 9, 20), **visit}, actor=actor, today=TODAY)
    record_visit({"person": p["visited"].id, "visited_on": D(2026, 10, 5), **visit}, actor=actor, today=TODAY)
    ids = {}
    ids["policy"], _ = record_service({"served_on": D(2026, 10, 10), "person": p["visited"].id, "category": "policy",
                                      "content": "咨询", "needs_follow_up": True, "follow_up_on": D(2026, 11, 1)},
                                     actor=actor, today=TODAY)
    ids["agency"], _ = record_service({"served_on": D(2026, 11, 1), "person": p["waiting"].id, "category": "agency",
                                      "content": "代办"}, actor=actor, today=TODAY)
    agency_step(ids["agency"].id, "complete", on=D(2026, 11, 5), actor=actor, today=TODAY)
    ids["old_agency"], _ = record_service({"served_on": D(2026, 9, 1), "person": p["waiting"].id,
                                          "category": "agency", "content": "九月代办"}, actor=actor, today=TODAY)
    agency_step(ids["old_agency"].id, "complete", on=D(2026, 10, 2), actor=actor, today=TODAY)
    ids["received"], _ = apply_card(p["visited"].id, "veteran", on=D(2026, 10, 1), actor=actor, today=TODAY)
    for day, step, data in ((2, "submit", None), (3, "produce", None), (4, "receive", {"card_no": "1"})):
        card_step(ids["received"].id, step, on=D(2026, 10, day), data=data, actor=actor, today=TODAY)
    ids["issued"], _ = apply_card(p["waiting"].id, "veteran", on=D(2026, 9, 1), actor=actor, today=TODAY)
    for day, step, data in ((2, "submit", None), (3, "produce", None), (4, "receive", {"card_no": "2"})):
        card_step(ids["issued"].id, step, on=D(2026, 9, day), data=data, actor=actor, today=TODAY)
    card_step(ids["issued"].id, "issue", on=D(2026, 10, 10), data={"collected_by": "本人"}, actor=actor, today=TODAY)
    case, _ = aid.open_case({"person": p["visited"].id, "hardship_type": "illness", "description": "患病",
                             "requested_fen": 500_000, "applied_on": D(2026, 10, 1)}, actor=actor, today=TODAY)
    for doc in ("application", "id_card", "household"):
        aid.add_document(case.id, doc, on=D(2026, 10, 1), attachment="ab" * 32, actor=actor, today=TODAY)
    aid.aid_step(case.id, "verify", on=D(2026, 10, 2), actor=actor, today=TODAY)
    aid.aid_step(case.id, "station_approve", on=D(2026, 10, 3), actor=actor, today=TODAY)
    aid.aid_step(case.id, "publicize", on=D(2026, 10, 4), data={"from": D(2026, 10, 4), "to": D(2026, 10, 10)},
                 actor=actor, today=TODAY)
    aid.approve(case.id, 300_000, on=D(2026, 10, 12), actor=actor, today=TODAY)
    aid.disburse(case.id, 100_000, "aid_fund", on=D(2026, 10, 13), actor=actor, today=TODAY)
    ids["aid"] = case
    dispute = {"source": "visit", "dispute_type": "housing", "claim": "住房", "risk": "low"}
    for key, registered, deadline in (("resolved", D(2026, 10, 1), D(2026, 10, 15)),
                                      ("escalated", D(2026, 10, 2), D(2026, 10, 20)),
                                      ("open", D(2026, 11, 1), D(2026, 11, 10))):
        ids[key], _ = register_dispute({"persons": [p["visited"].id], "registered_on": registered,
                                        "deadline": deadline, **dispute}, actor=actor, today=TODAY)
    dispute_step(ids["resolved"].id, "resolve", on=D(2026, 10, 10), actor=actor, today=TODAY)
    dispute_step(ids["escalated"].id, "escalate", on=D(2026, 10, 25), data={"to": "旗信访局"}, actor=actor, today=TODAY)
    return p, ids


def row_of(period):
    rows = indicator_rows(period, today=TODAY)
    assert [r["station_code"] for r in rows] == [STATION_CODE]  # a station sees its own row only
    return rows[0]


def test_a_station_quarter_counts_what_happened_in_it(county_day):
    row = row_of(Q4)
    assert list(row) == ROW_KEYS and row["station_name"] == STATION_NAME
    assert (row["persons"], row["persons_new"]) == (4, 1)  # the one who died in March is not on the roster
    assert (row["visits_due"], row["visits_done"], row["visit_rate"]) == (3, 1, 0.3333)
    assert (row["services"], row["services_done"]) == (2, 2)  # September's 代办 was finished in October
    assert (row["cards_applied"], row["cards_issued"]) == (1, 1)
    assert (row["aid_cases"], row["aid_approved_fen"], row["aid_paid_fen"]) == (1, 300_000, 100_000)
    assert (row["disputes"], row["disputes_ended"], row["disputes_resolved_locally"]) == (3, 2, 1)
    assert row["resolved_locally_rate"] == 0.5
    assert row["score"] is None  # no scoring scheme at a station that received none


def test_overdue_items_are_the_workbench_items_overdue_at_the_period_end(county_day):
    # today (11-20): the follow-up due 11-01, the 30-day visit due 11-04, the dispute due 11-10,
    # the aid case disbursed 10-13 (next step within 30 days), the card waiting since 10-04
    assert row_of(Q4)["overdue_items"] == 5
    parts = {b.label: b.ids() for b in records_behind("overdue_items", STATION_CODE, Q4, today=TODAY)}
    p, ids = county_day
    assert parts == {"服务回访逾期": [ids["policy"].id], "应走访未走访": [p["visited"].id],
                     "矛盾纠纷超过办结期限": [ids["open"].id], "困难帮扶超时未办理下一步": [ids["aid"].id],
                     "优待证已到未发放": [ids["received"].id]}
    # at October's end only the card was waiting: the aid case's 30 days and the deadlines had not run out
    assert row_of(OCTOBER)["overdue_items"] == 1


def test_a_month_counts_only_its_own_days(county_day):
    row = row_of(OCTOBER)
    assert (row["persons"], row["persons_new"], row["services"], row["services_done"]) == (3, 0, 1, 1)
    assert (row["disputes"], row["disputes_ended"], row["resolved_locally_rate"]) == (2, 2, 0.5)


def test_records_behind_a_figure_are_the_records_counted(county_day):
    p, ids = county_day
    assert set(records_behind("visits_due", STATION_CODE, Q4)[0].ids()) == {p["visited"].id, p["waiting"].id,
                                                                           p["new"].id}
    assert records_behind("visits_done", STATION_CODE, Q4)[0].ids() == [p["visited"].id]
    [ended] = records_behind("resolved_locally_rate", STATION_CODE, Q4)
    assert ended.table == "dispute_case" and set(ended.ids()) == {ids["resolved"].id, ids["escalated"].id}
    [paid] = records_behind("aid_paid_fen", STATION_CODE, Q4)
    assert paid.table == "aid_event" and len(paid.ids()) == 1
    assert records_behind("persons_new", STATION_CODE, Q4)[0].ids() == [p["new"].id]


def test_one_value_is_the_same_as_its_row(county_day):
    row = row_of(Q4)
    for code in ("persons", "visit_rate", "aid_paid_fen", "resolved_locally_rate", "overdue_items"):
        assert indicator_value(code, STATION_CODE, Q4, today=TODAY) == row[code]
    with pytest.raises(DomainError) as caught:
        indicator_value("happiness", STATION_CODE, Q4)
    assert "没有名为「happiness」的指标" in caught.value.message


def test_an_empty_period_has_zero_counts_and_no_rates(station):
    row = row_of(parse_period("2026-01"))
    assert row["persons"] == 0 and row["visit_rate"] is None and row["resolved_locally_rate"] is None


def test_the_total_sums_counts_and_recomputes_rates_from_the_sums():
    rows = [{**{k: 0 for k in ROW_KEYS}, "station_code": "1", "station_name": "甲", "visits_due": 4, "visits_done": 4,
             "disputes_ended": 1, "disputes_resolved_locally": 1, "score": 90.0},
            {**{k: 0 for k in ROW_KEYS}, "station_code": "2", "station_name": "乙", "visits_due": 6, "visits_done": 0,
             "disputes_ended": 3, "disputes_resolved_locally": 0, "score": None}]
    total = total_row(rows)
    assert (total["visits_due"], total["visits_done"], total["visit_rate"]) == (10, 4, 0.4)
    assert total["resolved_locally_rate"] == 0.25 and total["score"] == 90.0 and total["station_code"] is None


def test_a_past_quarter_is_counted_again_when_a_late_entry_changes_it(county_day, actor):
    """An ended period's figures are kept while nothing changes (models.indicator_figures._PAST) — and a record
    entered late for that quarter shows at once, in the row and in the dashboard's two-period read."""
    p, _ids = county_day
    q3 = parse_period("2026Q3")
    first = row_of(q3)
    assert row_of(q3) == first  # unchanged data: the same figures
    record_service({"served_on": D(2026, 9, 15), "person": p["visited"].id, "category": "policy",
                    "content": "补录九月的咨询"}, actor=actor, today=TODAY)
    again = row_of(q3)
    assert again["services"] == first["services"] + 1
    [now, before] = indicator_rows_of([Q4, q3], today=TODAY)
    assert before == [again] and now == [row_of(Q4)]
