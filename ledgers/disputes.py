"""矛盾纠纷排查化解台账 and 月度不稳定风险排查表 (DOMAIN.md §6, §8).

    rows = dispute_rows(parse_period("2026Q4"), LedgerOptions())     # every case handled in the period
    rows = risk_rows(parse_period("2026-11"), LedgerOptions())       # open cases at the month's end

Both read the cases as they stood at the period's end (the replay of the steps dated up to then).
The 台账 lists a case registered on or before the period's end that was still open when the period
began, or took a step in it. The 排查表 lists the cases open at the month's end (已登记, 调处中 and
已稳控 — contained cases are still watched): 目前状况 (state, deadline, latest result), 工作措施 (the
steps taken before the month), 本月工作情况 (the steps of the month), 包案领导及电话, 专办人员及电话.
"""
from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from ledgers.as_of import case_ids_with_events_in, day, events_by_case, with_phone
from ledgers.pdf_layout import Column
from models import options
from models.disputes import DISPUTE, RISKS, DisputeCase, DisputeEvent, DisputeParty
from models.person import Person
from models.workflow import event_order

if TYPE_CHECKING:
    from ledgers.options import LedgerOptions
    from ledgers.periods import Period

COLUMNS = (
    Column("编号", align="CENTER"), Column("登记日期", align="CENTER"), Column("当事人", wrap=True),
    Column("来源", align="CENTER"), Column("类型", wrap=True), Column("诉求内容", wrap=True),
    Column("风险等级", align="CENTER"), Column("包案领导", wrap=True), Column("责任人", wrap=True),
    Column("办结期限", align="CENTER"), Column("状态", align="CENTER"), Column("化解情况", wrap=True),
)
RISK_COLUMNS = (
    Column("序号", align="CENTER"), Column("编号", align="CENTER"), Column("当事人", wrap=True),
    Column("类型", wrap=True), Column("风险等级", align="CENTER"), Column("诉求内容", wrap=True),
    Column("目前状况", wrap=True), Column("工作措施", wrap=True), Column("本月工作情况", wrap=True),
    Column("包案领导及电话", wrap=True), Column("专办人员及电话", wrap=True),
)
OPEN_AT_END = ("registered", "mediating", "contained")
NO_PROGRESS = "本月无新进展"
OUTCOME_STEPS = ("resolve", "contain", "escalate", "suspend")


def _cases(period: "Period", opts: "LedgerOptions") -> list[DisputeCase]:
    select = (DisputeCase.select(DisputeCase)
              .join(Person, on=(DisputeCase.person == Person.id))
              .where(DisputeCase.deleted_at.is_null() & (DisputeCase.registered_on <= period.end)))
    if opts.station_code:
        select = select.where(DisputeCase.station_code == opts.station_code)
    if opts.village_id:
        select = select.where(Person.village == opts.village_id)
    return list(select.order_by(DisputeCase.registered_on, DisputeCase.number))


def _party_names(cases: list[DisputeCase]) -> dict[str, str]:
    names: dict[str, list[str]] = defaultdict(list)
    ids = [c.id for c in cases]
    for start in range(0, len(ids), 500):
        query = (DisputeParty.select(DisputeParty.case, Person.name)
                 .join(Person, on=(DisputeParty.person == Person.id))
                 .where(DisputeParty.deleted_at.is_null() & DisputeParty.case.in_(ids[start:start + 500]))
                 .order_by(DisputeParty.created_at).tuples())
        for case_id, name in query:
            names[case_id].append(name)
    return {c.id: "、".join(names.get(c.id, []) + ([c.outsiders] if c.outsiders else [])) for c in cases}


def _step_text(event: DisputeEvent, year: int) -> str:
    """'10月5日 约谈双方（初步达成一致）' — with the year when it is not the period's."""
    what = event.note or DISPUTE.step(event.step).label
    if event.step in OUTCOME_STEPS or event.step == "follow_up":
        what = DISPUTE.step(event.step).label + (f"：{event.note}" if event.note else "")
    result = (event.data or {}).get("result")
    to = (event.data or {}).get("to")
    text = what + (f"（{result}）" if result else "") + (f"（上报至{to}）" if to else "")
    when = f"{event.on.month}月{event.on.day}日" if event.on.year == year else event.on.isoformat()
    return f"{when} {text}"


def _outcome_text(replay, year: int) -> str:
    ended = [e for e in replay.applied if e.step in OUTCOME_STEPS]
    if not ended:
        last = [e for e in replay.applied if e.step in ("mediate", "monitor")]
        return _step_text(last[-1], year) if last else ""
    return _step_text(ended[-1], year)


def dispute_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    cases = _cases(period, opts)
    events = events_by_case(DisputeEvent, DisputeEvent.case, [c.id for c in cases], until=period.end)
    stepped = case_ids_with_events_in(DisputeEvent, DisputeEvent.case, period.start, period.end)
    before = period.start - dt.timedelta(days=1)
    kept = []
    for case in cases:
        replay = DISPUTE.replay(events.get(case.id, []))
        at_start = DISPUTE.replay([e for e in events.get(case.id, []) if e.on <= before])
        if case.registered_on >= period.start or case.id in stepped or at_start.state in ("registered", "mediating",
                                                                                         "contained"):
            kept.append((case, replay))
    names = _party_names([c for c, _ in kept])
    sources, types = options.labels("dispute_source"), options.labels("dispute_type")
    return [[case.number, case.registered_on.isoformat(), names[case.id], sources.get(case.source, case.source),
             types.get(case.dispute_type, case.dispute_type), case.claim, RISKS.get(case.risk, case.risk),
             case.leader or "", case.handler or "", day(case.deadline), DISPUTE.state_label(replay.state),
             _outcome_text(replay, period.end.year)] for case, replay in kept]


def _situation(case: DisputeCase, replay, end: dt.date) -> str:
    parts = [DISPUTE.state_label(replay.state)]
    if case.deadline:
        days = (case.deadline - end).days
        parts.append(f"办结期限{case.deadline.isoformat()}" + (f"，已逾期{-days}天" if days < 0 else ""))
    if case.repeat:
        parts.append("重复访")
    return "；".join(parts)


def risk_rows(period: "Period", opts: "LedgerOptions") -> list[list[str]]:
    cases = _cases(period, opts)
    events = events_by_case(DisputeEvent, DisputeEvent.case, [c.id for c in cases], until=period.end)
    rank = {"high": 0, "medium": 1, "low": 2}
    kept = []
    for case in cases:
        replay = DISPUTE.replay(events.get(case.id, []))
        if replay.state in OPEN_AT_END:
            kept.append((case, replay))
    kept.sort(key=lambda pair: (rank.get(pair[0].risk, 3), pair[0].registered_on, pair[0].number))
    names = _party_names([c for c, _ in kept])
    types = options.labels("dispute_type")
    rows = []
    for number, (case, replay) in enumerate(kept, 1):
        steps = sorted((e for e in replay.applied if e.step in ("mediate", "monitor", "contain")), key=event_order)
        earlier = [_step_text(e, period.end.year) for e in steps if e.on < period.start]
        this_month = [_step_text(e, period.end.year) for e in steps if e.on >= period.start]
        rows.append([str(number), case.number, names[case.id], types.get(case.dispute_type, case.dispute_type),
                     RISKS.get(case.risk, case.risk), case.claim, _situation(case, replay, period.end),
                     "；".join(earlier[-3:]), "；".join(this_month) or NO_PROGRESS,
                     with_phone(case.leader, case.leader_phone), with_phone(case.handler, case.handler_phone)])
    return rows
