"""Lists for screens and the CLI: filter, count and page every kind of casework record."""
import pytest

from models import services, visits
from models.cases_query import CaseQuery, case_detail, count_cases, find_record, list_cases, statuses
from models.errors import NotFound
from tests.models.casework_support import D, TODAY, make_person


@pytest.fixture
def records(actor):
    a = make_person(actor, 1, name="王建国")
    b = make_person(actor, 2, name="李秀英")
    for day in range(1, 8):
        services.record_service({"person": (a if day % 2 else b).id, "served_on": D(2026, 11, day),
                                 "category": "agency" if day <= 3 else "policy", "content": f"第{day}件",
                                 "handler": "李明" if day == 5 else None}, actor=actor, today=TODAY)
    visits.record_visit({"person": a.id, "visited_on": D(2026, 11, 1), "visit_type": "festival",
                         "staff": ["张站长", "李明"]}, actor=actor, today=TODAY)
    visits.record_visit({"person": b.id, "visited_on": D(2026, 11, 2), "visit_type": "routine",
                         "staff": ["张站长"]}, actor=actor, today=TODAY)
    return a, b


def test_lists_page_newest_first_and_count_what_the_filters_match(records):
    q = CaseQuery(kind="service")
    assert count_cases(q) == 7
    first, second = list_cases(q, limit=4), list_cases(q, offset=4, limit=4)
    assert [r["summary"] for r in first + second] == [f"第{d}件" for d in range(7, 0, -1)]


@pytest.mark.parametrize("query, expected", [
    (CaseQuery(kind="service", category="agency"), ["第3件", "第2件", "第1件"]),
    (CaseQuery(kind="service", status="accepted"), ["第3件", "第2件", "第1件"]),
    (CaseQuery(kind="service", date_from=D(2026, 11, 3), date_to=D(2026, 11, 4)), ["第4件", "第3件"]),
    (CaseQuery(kind="service", staff="李明"), ["第5件"]),
    (CaseQuery(kind="service", text="李秀"), ["第6件", "第4件", "第2件"]),
    (CaseQuery(kind="service", text="第7"), ["第7件"]),
])
def test_service_filters(records, query, expected):
    assert [r["summary"] for r in list_cases(query)] == expected
    assert count_cases(query) == len(expected)


def test_visits_filter_by_any_of_their_staff_and_by_person(records):
    a, b = records
    assert [r["person_name"] for r in list_cases(CaseQuery(kind="visit", staff="李明"))] == ["王建国"]
    assert len(list_cases(CaseQuery(kind="visit", staff="张站长"))) == 2
    assert [r["category_label"] for r in list_cases(CaseQuery(kind="visit", person_id=b.id))] == ["常态化联系"]
    assert statuses("visit") == {}


def test_any_record_is_found_and_shown_by_id(records):
    row = list_cases(CaseQuery(kind="visit"))[0]
    kind, record = find_record(row["id"])
    assert (kind, record.id) == ("visit", row["id"])
    assert case_detail(row["id"])["fields"]["staff"] == ["张站长"]
    with pytest.raises(NotFound):
        find_record("missing")
