"""Casework lists sort on the server by any column's order key, empty values last, ties by id."""
import pytest

from models import aid, services, visits
from models.cards import APPLICATION_KINDS, apply_card, card_step
from models.cases_query import ORDERS, WORKFLOWS, CaseQuery, categories, list_cases
from models.disputes import RISKS, register_dispute
from models.employment import add_employment
from models.person import Person
from models.services import CHANNELS
from models.visits import MODES
from tests.models.casework_support import D, TODAY, make_person

NAMES = ["王建国", "李秀英", "阿拉坦", "张伟"]


@pytest.fixture
def casework(actor):
    """A few records of every kind, with repeated values so that ties happen."""
    a, b, c, d = (make_person(actor, n, name=name) for n, name in enumerate(NAMES, start=1))
    for day, (who, channel, category, handler, follow) in enumerate([
            (a, "call", "agency", "李明", None), (b, "visit", "policy", "张站长", D(2026, 12, 1)),
            (c, "online", "agency", "王芳", None), (d, "home", "rights", "李明", D(2026, 11, 25)),
            (None, "call", "policy", None, None), (a, "visit", "agency", "张站长", D(2026, 11, 25))], start=1):
        services.record_service({"person": who and who.id, "served_on": D(2026, 11, day), "channel": channel,
                                 "category": category, "content": f"第{day}件", "handler": handler,
                                 "needs_follow_up": follow is not None, "follow_up_on": follow},
                                actor=actor, today=TODAY)
    for day, (who, kind, mode, money) in enumerate([
            (a, "festival", "home", 50_000), (b, "hospital", "phone", 0), (c, "festival", "group", 20_000),
            (d, "family_change", "home", 20_000), (a, "hospital", "home", 0)], start=1):
        visits.record_visit({"person": who.id, "visited_on": D(2026, 10, day), "visit_type": kind, "mode": mode,
                             "money_fen": money, "staff": ["张站长"]}, actor=actor, today=TODAY)
    for day, (who, kind, requested) in enumerate([(a, "illness", 500_000), (b, "disability", 300_000),
                                                  (c, "illness", 300_000), (d, "job", 800_000)], start=1):
        case, _ = aid.open_case({"person": who.id, "hardship_type": kind, "description": "家庭困难",
                                 "requested_fen": requested, "family_income_fen": 1_200_000, "family_size": 3,
                                 "applied_on": D(2026, 9, day)}, actor=actor, today=TODAY)
        if day == 2:
            aid.withdraw(case.id, "情况好转", on=D(2026, 9, 20), actor=actor, today=TODAY)
    for day, who in enumerate([b, a, d], start=1):
        card, _ = apply_card(who.id, "veteran", on=D(2026, 8, day), actor=actor, today=TODAY)
        if day == 2:
            card_step(card.id, "submit", on=D(2026, 8, 10), actor=actor, today=TODAY)
    for day, (who, kind, risk, deadline, leader) in enumerate([
            (a, "housing", "medium", D(2026, 12, 30), "王镇长"), (b, "policy", "high", None, None),
            (c, "housing", "low", D(2026, 11, 30), "李书记"), (d, "placement", "high", D(2026, 11, 30), "王镇长")],
            start=1):
        register_dispute({"persons": [who.id], "source": "visit", "dispute_type": kind, "claim": "要求解决困难",
                          "risk": risk, "deadline": deadline, "registered_on": D(2026, 10, day), "leader": leader,
                          "handler": "李明"}, actor=actor, today=TODAY)
    for day, (who, kind, organisation, amount) in enumerate([
            (a, "referral", "乌审旗物业公司", None), (b, "training", "旗职业学校", 120_000),
            (c, "referral", "乌审旗物业公司", 50_000), (d, "entrepreneurship", None, 5_000_000)], start=1):
        add_employment({"person": who.id, "kind": kind, "on": D(2026, 7, day), "organisation": organisation,
                        "title": "岗位", "amount_fen": amount}, actor=actor, today=TODAY)


def rank(codes):
    codes = list(codes)
    return lambda code: codes.index(code) if code in codes else len(codes)


def label_rank(labels):
    labels = list(labels.values())
    return lambda label: labels.index(label) if label in labels else len(labels)


def pinyin_of(row):
    if not row["person_id"]:
        return None
    return Person.get_by_id(row["person_id"]).search_pinyin


# What each order key means, read from a row: the value the list must be sorted by (None sorts last).
EXPECTED = {
    "date": lambda kind: lambda r: r["date"],
    "person": lambda kind: pinyin_of,
    "status": lambda kind: lambda r: rank(WORKFLOWS[kind].states)(r["status"]),
    "category": lambda kind: lambda r: rank(categories(kind))(r["category"]),
    "channel": lambda kind: lambda r: label_rank(CHANNELS)(r["channel"]),
    "mode": lambda kind: lambda r: label_rank(MODES)(r["mode"]),
    "application": lambda kind: lambda r: label_rank(APPLICATION_KINDS)(r["summary"]),
    "risk": lambda kind: lambda r: list(reversed(RISKS.values())).index(r["risk"]),
    "handler": lambda kind: lambda r: r["handler"],
    "follow_up": lambda kind: lambda r: r["follow_up_on"],
    "money": lambda kind: lambda r: r["money_fen"],
    "card_no": lambda kind: lambda r: r["card_no"],
    "issued_on": lambda kind: lambda r: r["issued_on"],
    "requested": lambda kind: lambda r: r["requested_fen"],
    "approved": lambda kind: lambda r: r["approved_fen"],
    "paid": lambda kind: lambda r: r["paid_fen"],
    "number": lambda kind: lambda r: r["number"],
    "deadline": lambda kind: lambda r: r["deadline"],
    "leader": lambda kind: lambda r: r["leader"] or None,
    "organisation": lambda kind: lambda r: r["organisation"] or None,
    "amount": lambda kind: lambda r: r["amount_fen"],
}


def expected_ids(rows, value, descending):
    known = sorted((r for r in rows if value(r) is not None), key=lambda r: (value(r), r["id"]), reverse=descending)
    empty = sorted((r for r in rows if value(r) is None), key=lambda r: r["id"], reverse=descending)
    return [r["id"] for r in known + empty]


KEYS = [(kind, key) for kind, keys in ORDERS.items() for key in keys]


@pytest.mark.parametrize("kind, key", KEYS, ids=[f"{k}-{o}" for k, o in KEYS])
@pytest.mark.parametrize("descending", [False, True], ids=["ascending", "descending"])
def test_every_order_key_sorts_the_whole_list_with_empty_values_last(casework, kind, key, descending):
    q = CaseQuery(kind=kind)
    rows = list_cases(q, limit=1000)
    assert len(rows) >= 3
    got = [r["id"] for r in list_cases(q, limit=1000, order=key, descending=descending)]
    assert got == expected_ids(rows, EXPECTED[key](kind), descending)


def test_every_order_key_of_the_lists_is_checked():
    assert {key for keys in ORDERS.values() for key in keys} == set(EXPECTED)


def test_people_sort_by_pinyin_not_by_character_code(casework):
    names = [r["person_name"] for r in list_cases(CaseQuery(kind="aid"), order="person", descending=False)]
    assert names == ["阿拉坦", "李秀英", "王建国", "张伟"]


def test_visits_sort_by_condolence_money_with_ties_in_id_order(casework):
    rows = list_cases(CaseQuery(kind="visit"), order="money", descending=True)
    assert [r["money_fen"] for r in rows] == [50_000, 20_000, 20_000, 0, 0]
    assert rows[1]["id"] > rows[2]["id"] and rows[3]["id"] > rows[4]["id"]


def test_paging_through_a_sort_with_ties_neither_repeats_nor_skips_a_record(casework):
    q = CaseQuery(kind="service")
    for descending in (False, True):
        whole = [r["id"] for r in list_cases(q, order="category", descending=descending)]
        pages = [r["id"] for offset in range(0, 6, 2)
                 for r in list_cases(q, offset=offset, limit=2, order="category", descending=descending)]
        assert pages == whole and len(set(whole)) == 6


def test_a_sort_applies_within_the_filters(casework):
    rows = list_cases(CaseQuery(kind="service", category="agency"), order="handler", descending=False)
    assert [r["handler"] for r in rows] == ["张站长", "李明", "王芳"]


@pytest.mark.parametrize("unknown", ["nonsense", "money", "", "id; DROP TABLE person"])
def test_an_unknown_order_key_falls_back_to_the_date(casework, unknown):
    q = CaseQuery(kind="aid")
    for descending in (False, True):
        assert list_cases(q, order=unknown, descending=descending) == list_cases(q, descending=descending)
