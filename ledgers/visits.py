"""走访慰问台账: the visits made in a period, one row per visit (DOMAIN.md §8).

    rows = visit_rows(parse_period("2026-11"), LedgerOptions())

Columns: 日期, 被走访人, 类型, 方式, 内容, 诉求, 慰问金/物, 走访人. 慰问金 prints in 元 beside the goods.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ledgers.pdf_layout import Column
from models import options
from models.person import Person
from models.visits import MODES, Visit

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("序号", align="CENTER"), Column("日期", align="CENTER"), Column("被走访人"), Column("类型", wrap=True),
    Column("方式", align="CENTER"), Column("内容", wrap=True), Column("诉求", wrap=True),
    Column("慰问金/物", wrap=True), Column("走访人", wrap=True),
)


def yuan(fen: int | None) -> str:
    return f"{fen / 100:.2f}元" if fen else ""


def visit_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    select = (Visit.select(Visit, Person.name.alias("person_name"))
              .join(Person, on=(Visit.person == Person.id))
              .where(Visit.deleted_at.is_null() & Visit.visited_on.between(period.start, period.end)))
    if opts.station_code:
        select = select.where(Visit.station_code == opts.station_code)
    if opts.village_id:
        select = select.where(Person.village == opts.village_id)
    types = options.labels("visit_type")
    rows = []
    for number, v in enumerate(select.order_by(Visit.visited_on, Visit.created_at).dicts(), 1):
        gift = "；".join(part for part in (yuan(v["money_fen"]), v["goods"] or "") if part)
        rows.append([str(number), v["visited_on"].isoformat(), v["person_name"], types.get(v["visit_type"], v["visit_type"]),
                     MODES.get(v["mode"], v["mode"]), v["content"] or "", v["requests"] or "", gift,
                     "、".join(v["staff"] or [])])
    return rows
