"""困难帮扶台账: the hardship-aid cases of a period, with money in 元 and a totals row (DOMAIN.md §5, §8).

    rows = aid_rows(parse_period("2026Q4"), LedgerOptions())

A case is listed when it was applied for in the period or took a step in it. State, 核定金额,
已发放 and 审批日期 are as at the period's end (the replay of the steps dated up to then); money
comes from integer fen, and the last row (合计) is the sum of each money column.

编号: the case's year of application and its place in the order the station entered that year's
cases (deleted cases keep their place, so a number never moves): 2026-007.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ledgers.as_of import case_ids_with_events_in, events_by_case, money
from ledgers.pdf_layout import Column
from models import options
from models.aid import AID, AID_FORMS, AidCase, AidEvent
from models.person import Person

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("编号", align="CENTER"), Column("对象"), Column("困难类型", wrap=True), Column("帮扶方式", align="CENTER"),
    Column("申请金额（元）", align="RIGHT"), Column("核定金额（元）", align="RIGHT"), Column("已发放（元）", align="RIGHT"),
    Column("状态", align="CENTER"), Column("审批日期", align="CENTER"),
)
TOTAL = "合计"


def case_numbers(cases: list[AidCase]) -> dict[str, str]:
    """编号 per case id: year of application + serial in entry order at its station that year."""
    out = {}
    for station, year in {(c.station_code, c.applied_on.year) for c in cases}:
        year_cases = (AidCase.select(AidCase.id)
                      .where((AidCase.station_code == station)
                             & AidCase.applied_on.between(f"{year}-01-01", f"{year}-12-31"))
                      .order_by(AidCase.created_at, AidCase.id).tuples())
        for serial, (case_id,) in enumerate(year_cases, 1):
            out[case_id] = f"{year}-{serial:03d}"
    return out


def aid_cases(period: "Period", opts: "LedgerOptions") -> list[AidCase]:
    stepped = case_ids_with_events_in(AidEvent, AidEvent.case, period.start, period.end)
    select = (AidCase.select(AidCase, Person.name.alias("person_name"))
              .join(Person, on=(AidCase.person == Person.id))
              .where(AidCase.deleted_at.is_null() & (AidCase.applied_on <= period.end)
                     & (AidCase.applied_on.between(period.start, period.end) | AidCase.id.in_(list(stepped)))))
    if opts.station_code:
        select = select.where(AidCase.station_code == opts.station_code)
    if opts.village_id:
        select = select.where(Person.village == opts.village_id)
    return list(select.order_by(AidCase.applied_on, AidCase.created_at).objects())


def aid_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    cases = aid_cases(period, opts)
    events = events_by_case(AidEvent, AidEvent.case, [c.id for c in cases], until=period.end)
    numbers = case_numbers(cases)
    types = options.labels("hardship_type")
    rows, sums = [], [0, 0, 0]
    for case in cases:
        replay = AID.replay(events.get(case.id, []))
        approved, paid, decided = None, 0, None
        for event in replay.applied:
            if event.step == "approve":
                approved, decided = event.amount_fen, event.on
            elif event.step == "reject":
                decided = event.on
            elif event.step == "disburse":
                paid += event.amount_fen or 0
        sums[0] += case.requested_fen
        sums[1] += approved or 0
        sums[2] += paid
        rows.append([numbers.get(case.id, ""), case.person_name, types.get(case.hardship_type, case.hardship_type),
                     AID_FORMS.get(case.aid_form, case.aid_form), money(case.requested_fen), money(approved),
                     money(paid) if approved is not None else "", AID.state_label(replay.state), decided.isoformat() if decided else ""])
    if rows:
        rows.append([TOTAL, f"{len(rows)} 件", "", "", money(sums[0]), money(sums[1]), money(sums[2]), "", ""])
    return rows
