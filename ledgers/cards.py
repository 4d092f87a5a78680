"""优待证申领发放台账: the card applications of a period and the cards handed out in it (DOMAIN.md §4, §8).

    rows = card_rows(parse_period("2026-11"), LedgerOptions(full_id=True))

A card is listed when it was applied for (受理) in the period or took a step in it (e.g. 发放).
当前状态 is where it stood at the period's end (for the running period: now); 发放日期 and 领取人
come from the 发放 step (a guardian may collect). ID numbers are masked unless options.full_id.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ledgers.as_of import case_ids_with_events_in, events_by_case
from ledgers.pdf_layout import Column
from models.cards import APPLICATION_KINDS, CARD, CARD_TYPES, CardEvent, PreferentialCard
from models.idnumber import mask
from models.person import Person

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("序号", align="CENTER"), Column("受理日期", align="CENTER"), Column("姓名"), Column("公民身份号码"),
    Column("证件类型", wrap=True), Column("当前状态", align="CENTER"), Column("发放日期", align="CENTER"),
    Column("领取人", wrap=True),
)


def card_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    stepped = case_ids_with_events_in(CardEvent, CardEvent.card, period.start, period.end)
    select = (PreferentialCard.select(PreferentialCard, Person.name.alias("person_name"),
                                      Person.id_number.alias("person_id_number"))
              .join(Person, on=(PreferentialCard.person == Person.id))
              .where(PreferentialCard.deleted_at.is_null() & (PreferentialCard.applied_on <= period.end)
                     & (PreferentialCard.applied_on.between(period.start, period.end)
                        | PreferentialCard.id.in_(list(stepped)))))
    if opts.station_code:
        select = select.where(PreferentialCard.station_code == opts.station_code)
    if opts.village_id:
        select = select.where(Person.village == opts.village_id)
    cards = list(select.order_by(PreferentialCard.applied_on, PreferentialCard.created_at).objects())
    events = events_by_case(CardEvent, CardEvent.card, [c.id for c in cards], until=period.end)
    rows = []
    for number, card in enumerate(cards, 1):
        replay = CARD.replay(events.get(card.id, []))
        issued = next((e for e in reversed(replay.applied) if e.step == "issue"), None)
        collector = ""
        if issued is not None:
            collector = issued.data.get("collected_by") or ""
            if issued.data.get("guardian_relation"):
                collector += f"（{issued.data['guardian_relation']}）"
        kind = CARD_TYPES.get(card.card_type, card.card_type)
        if card.kind != "new":
            kind += f"（{APPLICATION_KINDS.get(card.kind, card.kind)}）"
        number_text = card.person_id_number or ""
        rows.append([str(number), card.applied_on.isoformat(), card.person_name,
                     number_text if opts.full_id else mask(number_text), kind, CARD.state_label(replay.state),
                     issued.on.isoformat() if issued else "", collector])
    return rows
