"""The casework numbers of a period pack (月调度材料, 季总结材料), as plain data, for one station or all.

    visits = visits_by_station(period)                           # {station code: {"due": …, "done": …}}
    casework_figures(period, None, visits=visits_total(visits))  # {"cases": …, "overdue": …, "money": …,
                                                                 #  "visits_due": …, "disputes": …}
    flow_figures(month, station_code)      # the same without visits_due and overdue (a quarter's months)

Everything is counted by the date the thing happened (the step's own date), so a pack printed
later for a past period gives that period's numbers:
- cases: 新增 and 办结 per area — 服务代办 (recorded / 办结 or 退回), 优待证 (受理 / 发放 or 不予受理),
  困难帮扶 (申请 / 结案 or 撤回), 矛盾纠纷 (登记 / 化解, 稳控, 上报 or 中止);
- overdue at the period's end (today, while the period runs): 矛盾纠纷 past their 办结期限 and not ended by then, 服务回访 due
  before the end and not done by then, 走访 due and not made in the period, 困难帮扶 waiting longer
  than the workbench allows for their next step (models.workbench.AID_WAIT_DAYS), 优待证 signed
  for at the county but not handed out;
- money: 核定 = approvals dated in the period, 发放 = disbursements dated in the period (sums of
  the AidEvent amounts, integer fen);
- visits due vs done: an active person with a contact tier is due when their last visit before
  the period (else their 建档 date) plus the tier's cadence falls on or before the period's end;
  done when visited in the period — models.indicators' visits_due and visits_done, counted there;
- 化解在当地率: models.disputes.local_resolution_rate over the outcomes dated in the period.
"""
from __future__ import annotations

import datetime as dt

import peewee

from ledgers.periods import Period
from models import indicators
from models.aid import AID, AidCase, AidEvent
from models.cards import CardEvent, PreferentialCard
from models.disputes import DisputeCase, DisputeEvent, local_resolution_rate
from models.indicators import as_at
from models.services import ServiceEvent, ServiceRecord
from models.workbench import AID_WAIT_DAYS

CASE_AREAS = {"agency": "服务代办", "card": "优待证", "aid": "困难帮扶", "dispute": "矛盾纠纷"}
CLOSED_MEANS = {"agency": "办结或退回", "card": "发放或不予受理", "aid": "结案或撤回",
                "dispute": "化解、稳控、上报或中止"}
OVERDUE_LABELS = {"dispute": "矛盾纠纷超过办结期限", "follow_up": "服务回访逾期", "visit": "应走访未走访",
                  "aid": "困难帮扶超时未办理下一步", "card": "优待证已到未发放"}
COUNT = peewee.fn.COUNT


def _scope(select, model, station_code):
    return select.where(model.station_code == station_code) if station_code else select


def _event_count(event_model, fk, case_model, steps, period: Period, station_code) -> int:
    select = (event_model.select(COUNT(peewee.fn.DISTINCT(fk))).join(case_model, on=(fk == case_model.id))
              .where(event_model.deleted_at.is_null() & case_model.deleted_at.is_null()
                     & event_model.step.in_(list(steps)) & event_model.on.between(period.start, period.end)))
    return _scope(select, case_model, station_code).scalar() or 0


def _count(model, date_field, period: Period, station_code, *extra) -> int:
    select = model.select(COUNT(model.id)).where(model.deleted_at.is_null() & date_field.between(period.start, period.end),
                                                 *extra)
    return _scope(select, model, station_code).scalar() or 0


def case_counts(period: Period, station_code: str | None) -> dict[str, dict[str, int]]:
    return {
        "agency": {"new": _count(ServiceRecord, ServiceRecord.served_on, period, station_code,
                                 ServiceRecord.agency == True),  # noqa: E712
                   "closed": _event_count(ServiceEvent, ServiceEvent.service, ServiceRecord, ("complete", "return"),
                                          period, station_code)},
        "card": {"new": _count(PreferentialCard, PreferentialCard.applied_on, period, station_code),
                 "closed": _event_count(CardEvent, CardEvent.card, PreferentialCard, ("issue", "reject"), period,
                                        station_code)},
        "aid": {"new": _count(AidCase, AidCase.applied_on, period, station_code),
                "closed": _event_count(AidEvent, AidEvent.case, AidCase, ("close", "withdraw"), period, station_code)},
        "dispute": {"new": _count(DisputeCase, DisputeCase.registered_on, period, station_code),
                    "closed": _event_count(DisputeEvent, DisputeEvent.case, DisputeCase,
                                           ("resolve", "contain", "escalate", "suspend"), period, station_code)},
    }


def money_figures(period: Period, station_code: str | None) -> dict[str, int]:
    def total(step):
        select = (AidEvent.select(peewee.fn.COALESCE(peewee.fn.SUM(AidEvent.amount_fen), 0),
                                  COUNT(peewee.fn.DISTINCT(AidEvent.case)))
                  .join(AidCase, on=(AidEvent.case == AidCase.id))
                  .where(AidEvent.deleted_at.is_null() & AidCase.deleted_at.is_null() & (AidEvent.step == step)
                         & AidEvent.on.between(period.start, period.end)))
        return _scope(select, AidCase, station_code).tuples().get()

    approved_fen, approved_cases = total("approve")
    paid_fen, paid_cases = total("disburse")
    return {"approved_fen": approved_fen, "approved_cases": approved_cases, "paid_fen": paid_fen,
            "paid_cases": paid_cases}


def visits_by_station(period: Period, station_code: str | None = None) -> dict[str | None, dict[str, int]]:
    """{station code: {"due": 应走访, "done": 已走访}} of the station, or of every station at once: the
    indicators' visits_due and visits_done (models.indicators.casework_figures, one count for all)."""
    found = indicators.casework_figures(period, [station_code] if station_code else None)
    return {code: {"due": f.get("visits_due", 0), "done": f.get("visits_done", 0)} for code, f in found.items()}


def visits_total(by_station: dict[str | None, dict[str, int]]) -> dict[str, int]:
    return {"due": sum(v["due"] for v in by_station.values()), "done": sum(v["done"] for v in by_station.values())}


def overdue_at_end(period: Period, station_code: str | None, visits: dict[str, int]) -> dict[str, int]:
    end = as_at(period)
    disputes = DisputeCase.select(COUNT(DisputeCase.id)).where(
        DisputeCase.deleted_at.is_null() & (DisputeCase.registered_on <= end) & (DisputeCase.deadline < end)
        & (DisputeCase.outcome_on.is_null() | (DisputeCase.outcome_on > end)))
    follow = ServiceRecord.select(COUNT(ServiceRecord.id)).where(
        ServiceRecord.deleted_at.is_null() & (ServiceRecord.needs_follow_up == True)  # noqa: E712
        & (ServiceRecord.follow_up_on < end)
        & (ServiceRecord.followed_up_on.is_null() | (ServiceRecord.followed_up_on > end)))
    return {"dispute": _scope(disputes, DisputeCase, station_code).scalar() or 0,
            "follow_up": _scope(follow, ServiceRecord, station_code).scalar() or 0,
            "visit": visits["due"] - visits["done"],
            **_waiting_cases(end, station_code)}


def _waiting_cases(end: dt.date, station_code: str | None) -> dict[str, int]:
    """Aid cases past their next step's allowance and cards waiting to be handed out, as at `end`."""
    from ledgers.as_of import events_by_case
    from models.cards import CARD

    aid = _scope(AidCase.select().where(AidCase.deleted_at.is_null() & (AidCase.applied_on <= end)
                                        & (AidCase.status.not_in(list(AID.final)) | (AidCase.status_on > end))),
                 AidCase, station_code)
    cases = list(aid)
    events = events_by_case(AidEvent, AidEvent.case, [c.id for c in cases], until=end)
    late_aid = 0
    for case in cases:
        replay = AID.replay(events.get(case.id, []))
        if replay.state not in AID_WAIT_DAYS:
            continue
        since = replay.state_on or case.applied_on
        due = since + dt.timedelta(days=AID_WAIT_DAYS[replay.state])
        if replay.state == "publicized":
            to = next((e.data.get("to") for e in reversed(replay.applied) if e.step == "publicize"), None)
            due = dt.date.fromisoformat(to) + dt.timedelta(days=1) if to else due
        late_aid += due < end
    cards = list(_scope(PreferentialCard.select().where(
        PreferentialCard.deleted_at.is_null() & (PreferentialCard.applied_on <= end)
        & (PreferentialCard.status.in_(["received"]) | (PreferentialCard.status_on > end))),
        PreferentialCard, station_code))
    card_events = events_by_case(CardEvent, CardEvent.card, [c.id for c in cards], until=end)
    waiting_cards = sum(CARD.replay(card_events.get(c.id, [])).state == "received" for c in cards)
    return {"aid": late_aid, "card": waiting_cards}


def flow_figures(period: Period, station_code: str | None = None) -> dict:
    """What happened in the period: services, cases new and closed, money, dispute outcomes and the rate."""
    rate = local_resolution_rate(station_code=station_code, date_from=period.start, date_to=period.end)
    outcomes = dict(_scope(DisputeEvent.select(DisputeEvent.step, COUNT(DisputeEvent.id))
                           .join(DisputeCase, on=(DisputeEvent.case == DisputeCase.id))
                           .where(DisputeEvent.deleted_at.is_null() & DisputeCase.deleted_at.is_null()
                                  & DisputeEvent.on.between(period.start, period.end)
                                  & DisputeEvent.step.in_(["resolve", "contain", "escalate", "suspend"]))
                           .group_by(DisputeEvent.step), DisputeCase, station_code).tuples())
    services = _count(ServiceRecord, ServiceRecord.served_on, period, station_code)
    return {
        "services": services,
        "cases": case_counts(period, station_code),
        "money": money_figures(period, station_code),
        "disputes": {"resolved": outcomes.get("resolve", 0), "contained": outcomes.get("contain", 0),
                     "escalated": outcomes.get("escalate", 0), "suspended": outcomes.get("suspend", 0),
                     "rate_resolved": rate.resolved, "rate_ended": rate.ended, "rate_text": rate.text},
    }


def casework_figures(period: Period, station_code: str | None, *, visits: dict[str, int]) -> dict:
    """flow_figures with the visits due and done (counted by the caller: visits_by_station, for every station
    at once) and the items overdue at the period's end."""
    figures = flow_figures(period, station_code)
    disputes = figures.pop("disputes")  # the keys in the order the frozen figures have always had
    return {**figures, "visits_due": visits, "overdue": overdue_at_end(period, station_code, visits),
            "disputes": disputes}
