"""Finding people: one search box (name, pinyin, initials, ID fragment, phone) plus filters.

    q = PersonQuery(text="wjg", village_id=v, identity="retired_soldier")
    total = count_people(q); rows = search_people(q, offset=0, limit=100, order="name")

The GUI list, the CLI (`people list --query`) and later the ledgers all use these functions, so
the same words find the same people everywhere. Rows are plain dicts for table models.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import peewee

from models.errors import SearchTooShort
from models.engine import contains, searching
from models.essentials import missing_from, needs_completion
from models.idnumber import clean
from models.installation import Village
from models.person import Person, PersonIdentity

MIN_QUERY = 2
ORDERS = {
    "name": Person.search_pinyin,
    "sex": Person.sex,
    "birth_date": Person.birth_date,
    "id_number": Person.id_number,
    "village": Person.village,
    "phone": Person.phone,
    "status": Person.status,
    "updated_at": Person.updated_at,
    "created_at": Person.created_at,
}
_DIGITS = re.compile(r"^[0-9X\-]+$")
_LATIN = re.compile(r"^[a-z ]+$")


@dataclass(frozen=True)
class PersonQuery:
    text: str = ""
    identity: str | None = None
    village_id: str | None = None
    status: str | None = None
    tag: str | None = None
    key_focus: bool | None = None
    incomplete: bool | None = None  # 待补充 only (models.essentials)


# what the search box looks in, by kind of text; on PostgreSQL in the order of the person_search_pieces
# index (migrations.step_person_search_pieces)
SEARCHED = (("n", (Person.name, Person.former_name)), ("p", (Person.search_initials, Person.search_pinyin)),
            ("d", (Person.id_number, Person.phone)))


def _plain(text: str) -> str:
    """LIKE wildcards typed by the user are dropped (no name or number has them)."""
    return text.replace("%", "").replace("_", "")


def _like(text: str) -> str:
    """A contains-pattern."""
    return "%" + _plain(text) + "%"


def text_condition(text: str):
    """What the search box means: digits → ID/phone fragment; letters → pinyin; else name."""
    text = (text or "").strip()
    if not text:
        return None
    if len(text) < MIN_QUERY:
        raise SearchTooShort(f"请至少输入{MIN_QUERY}个字符再搜索（姓名、拼音、身份证号或电话的一部分）。",
                             text=text)
    digits = clean(text)
    if _DIGITS.match(digits):
        return contains(SEARCHED, "d", _plain(digits.replace("-", "")))
    latin = text.lower()
    if _LATIN.match(latin):
        return contains(SEARCHED, "p", _plain(latin.replace(" ", "")))
    return contains(SEARCHED, "n", _plain(text))


def _filtered(query: PersonQuery, select):
    select = select.where(Person.deleted_at.is_null())
    condition = text_condition(query.text)
    if condition is not None:
        select = select.where(condition)
    if query.identity:
        # IN, not a correlated EXISTS: SQLite would scan a category's identities once per person
        holders = PersonIdentity.select(PersonIdentity.person).where(
            (PersonIdentity.category == query.identity) & PersonIdentity.deleted_at.is_null())
        select = select.where(Person.id.in_(holders))
    if query.village_id:
        select = select.where(Person.village == query.village_id)
    if query.status:
        select = select.where(Person.status == query.status)
    if query.tag:
        # the JSON list is stored as text; match the quoted tag without JSON-encoding the pattern
        select = select.where(Person.tags ** peewee.Value(_like(f'"{query.tag}"'), converter=False))
    if query.key_focus is not None:
        select = select.where(Person.key_focus == query.key_focus)
    if query.incomplete:
        select = select.where(needs_completion())
    return select


def count_people(query: PersonQuery) -> int:
    with searching(bool(query.text)):
        return _filtered(query, Person.select(peewee.fn.COUNT(Person.id))).scalar()


ROW_FIELDS = (Person.id, Person.name, Person.sex, Person.ethnicity, Person.birth_date, Person.id_number,
              Person.phone, Person.status, Person.key_focus, Person.tags, Person.updated_at,
              Person.village.alias("village_id"), Person.village_text)


def search_people(query: PersonQuery, *, offset: int = 0, limit: int = 100, order: str = "name",
                  descending: bool = False) -> list[dict]:
    """One page of matching people as dicts, with village name and identity codes filled in."""
    column = ORDERS.get(order, Person.search_pinyin)
    sort = column.desc() if descending else column.asc()
    select = _filtered(query, Person.select(*ROW_FIELDS, Village.name.alias("village_name"))
                       .join(Village, peewee.JOIN.LEFT_OUTER, on=(Person.village == Village.id)))
    with searching(bool(query.text)):
        rows = list(select.order_by(sort, Person.id).offset(offset).limit(limit).dicts())
    attach_identities(rows)
    for row in rows:  # the 待补充 marker
        row["missing"] = missing_from(identities=row["identities"], village_id=row["village_id"],
                                      village_text=row["village_text"])
    return rows


def first_page(query: PersonQuery, *, limit: int = 100, order: str = "name",
               descending: bool = False) -> tuple[int, list[dict]]:
    """(total, first page) as the list opens: a page shorter than `limit` is the whole answer,
    so the count (a second scan) is only run when there are more hits than one page."""
    rows = search_people(query, offset=0, limit=limit, order=order, descending=descending)
    total = len(rows) if len(rows) < limit else count_people(query)
    return total, rows


def attach_identities(rows: list[dict]) -> None:
    ids = [r["id"] for r in rows]
    found: dict[str, list[str]] = {i: [] for i in ids}
    if ids:
        for pid, category in (PersonIdentity.select(PersonIdentity.person, PersonIdentity.category)
                              .where(PersonIdentity.person.in_(ids) & PersonIdentity.deleted_at.is_null())
                              .order_by(PersonIdentity.created_at).tuples()):
            found[pid].append(category)
    for row in rows:
        row["identities"] = found[row["id"]]


def all_tags() -> list[str]:
    """Every tag in use; reads the distinct tag lists (a few hundred), not every person."""
    tags: set[str] = set()
    rows = (Person.select(Person.tags).distinct()
            .where(Person.deleted_at.is_null() & (Person.tags != peewee.Value("[]", converter=False))))
    for (value,) in rows.tuples():
        tags.update(value or [])
    return sorted(tags)
