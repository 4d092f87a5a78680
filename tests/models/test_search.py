"""One search box: name fragments, pinyin initials, full pinyin, ID fragments, phone numbers."""
import pytest

from models.errors import SearchTooShort
from models.installation import Village
from models.registry import save_person, set_status
from models.registry_search import PersonQuery, count_people, search_people

from tests.models.people import person_values


@pytest.fixture
def people(actor):
    made = {}
    for n, (name, phone) in enumerate([("王建国", "13904771234"), ("巴特尔", "0477-7654321"),
                                       ("王建军", "15847700000"), ("乌力吉", "18604770001")]):
        made[name], _ = save_person(None, person_values(n, name=name, phone=phone), actor=actor)
    return made


def names(text="", **filters):
    return [r["name"] for r in search_people(PersonQuery(text=text, **filters))]


@pytest.mark.parametrize("text, expected", [
    ("建国", ["王建国"]), ("王建", ["王建国", "王建军"]), ("wjg", ["王建国"]), ("WJG", ["王建国"]),
    ("wangjianguo", ["王建国"]), ("wang jian", ["王建国", "王建军"]), ("bte", ["巴特尔"]),
    ("7654321", ["巴特尔"]), ("1390477", ["王建国"]),
])
def test_the_search_box_finds_people_by_any_of_their_handles(people, text, expected):
    assert sorted(names(text)) == sorted(expected)


def test_an_id_number_fragment_finds_its_person(people):
    number = people["乌力吉"].id_number
    assert names(number[8:14]) == ["乌力吉"] or "乌力吉" in names(number[8:14])
    assert names(number.lower()) == ["乌力吉"]


def test_a_one_character_query_asks_for_more(people):
    with pytest.raises(SearchTooShort, match="至少输入2个字符"):
        names("王")


def test_filters_combine_with_the_search(people, actor, station):
    village = Village.select().first()
    save_person(people["王建国"].id, {"village": village.id, "tags": ["低保"], "key_focus": True,
                                      "key_focus_reason": "独居"},
                identities=[{"category": "disabled_veteran"}], actor=actor)
    set_status(people["王建军"].id, "moved", on=__import__("datetime").date(2026, 1, 1), actor=actor)
    assert names("王建", village_id=village.id) == ["王建国"]
    assert names(identity="disabled_veteran") == ["王建国"]
    assert names(tag="低保") == ["王建国"] and names(key_focus=True) == ["王建国"]
    assert names(status="moved") == ["王建军"]
    assert count_people(PersonQuery(text="王建")) == 2


def test_results_come_sorted_by_pinyin_and_page_by_page(people):
    assert names() == ["巴特尔", "王建国", "王建军", "乌力吉"]
    page = search_people(PersonQuery(), offset=1, limit=2)
    assert [r["name"] for r in page] == ["王建国", "王建军"]
    assert [r["name"] for r in search_people(PersonQuery(), order="name", descending=True)][0] == "乌力吉"


def test_typed_wildcards_are_ignored(people):
    assert names("王建%") == names("王建") and names("王_建") == names("王建")


def test_all_tags_lists_each_tag_once(people, actor):
    from models.registry_search import all_tags

    save_person(people["王建国"].id, {"tags": ["低保", "独居"]}, actor=actor)
    save_person(people["巴特尔"].id, {"tags": ["独居"]}, actor=actor)
    assert all_tags() == ["低保", "独居"]


def test_the_first_page_knows_the_total_with_or_without_a_second_count(people):
    from models.registry_search import first_page

    total, rows = first_page(PersonQuery(text="王建"), limit=1)
    assert total == 2 and [r["name"] for r in rows] == ["王建国"]
    total, rows = first_page(PersonQuery(text="王建"), limit=100)
    assert total == 2 and len(rows) == 2
