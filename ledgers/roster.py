"""退役军人花名册: who is on the station's register at the end of a period, one row per person.

    rows = roster_rows(parse_period("2026Q4"), LedgerOptions(full_id=True))

On the roster at the period's end: a live person registered (建档 date, else the day the record
was made) on or before that day who is 在册 — or who left (迁出/去世/注销) only after it. Sorted by
嘎查村, then by name (pinyin). ID numbers are masked unless options.full_id (the bureau's copy). The
备注 column is left empty for handwriting unless options.with_remarks: the record's note is internal.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

import peewee

from ledgers.pdf_layout import Column
from models import vocab
from models.as_of import on_roster
from models.idnumber import mask
from models.installation import Village
from models.person import Person, PersonIdentity
from models.registry_search import attach_identities

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("序号", align="CENTER"), Column("姓名"), Column("性别", align="CENTER"), Column("民族"),
    Column("公民身份号码"), Column("人员类别", wrap=True), Column("入伍时间", align="CENTER"),
    Column("退役时间", align="CENTER"), Column("安置方式", wrap=True), Column("嘎查村", wrap=True),
    Column("联系电话"), Column("备注", wrap=True),
)
BATCH = 2000


def month_text(day: dt.date | None) -> str:
    """Service dates print as 1985.07, the way personnel forms write them."""
    return f"{day.year}.{day.month:02d}" if day else ""


def roster_rows(period: "Period", options: "LedgerOptions") -> list[list[str]]:
    select = (Person.select(Person.id, Person.name, Person.sex, Person.ethnicity, Person.id_number,
                            Person.enlist_date, Person.discharge_date, Person.placement, Person.phone,
                            Person.note, Person.status, Village.name.alias("village_name"))
              .join(Village, peewee.JOIN.LEFT_OUTER, on=(Person.village == Village.id))
              .where(on_roster(period)))
    if options.station_code:
        select = select.where(Person.station_code == options.station_code)
    if options.village_id:
        select = select.where(Person.village == options.village_id)
    if options.identity:
        has = PersonIdentity.select(PersonIdentity.id).where(
            (PersonIdentity.person == Person.id) & (PersonIdentity.category == options.identity)
            & PersonIdentity.deleted_at.is_null())
        select = select.where(peewee.fn.EXISTS(has))
    people = list(select.order_by(Village.name.asc(nulls="LAST"), Person.search_pinyin, Person.id).dicts())
    for start in range(0, len(people), BATCH):
        attach_identities(people[start:start + BATCH])
    rows = []
    for number, p in enumerate(people, 1):
        rows.append([
            str(number), p["name"], vocab.label("sex", p["sex"]), vocab.label("ethnicity", p["ethnicity"]),
            (p["id_number"] or "") if options.full_id else mask(p["id_number"] or ""),
            "、".join(vocab.label("identity", c) for c in p["identities"]),
            month_text(p["enlist_date"]), month_text(p["discharge_date"]),
            vocab.label("placement", p["placement"]), p["village_name"] or "", p["phone"] or "",
            (p["note"] or "") if options.with_remarks else "",  # internal: printed only when chosen
        ])
    return rows
