"""The figures of the 对标 indicators, every one but the score: what models.scoring scores and
models.indicators (which adds the score) shows. Code outside models/ imports models.indicators.

    rows = figure_rows(parse_period("2026Q4"))              # one dict per station, keys ROW_KEYS, score None
    now, before = figure_rows_of([period, previous])        # several periods, each table read once
    total_row(rows)                                         # the banner's row: sums, rates of the sums
    figure_value("visit_rate", "150626100", period)         # one figure (not the score)
    for part in records_behind("overdue_items", "150626100", period):
        part.table, part.label, part.ids()                  # the records that make up the figure

Every figure is a SQL aggregate grouped by station (peewee expressions; one query per table for all the
figures and periods asked for), never a Python loop over records, and every figure counts only records carrying the
station's code — so the bureau's figure for a station equals the station's own figure on the data it
has sent. INDICATORS names each one (code, Chinese label, unit, how the banner's total aggregates it,
its definition); docs/indicators.md is the reference. Dates are the records' own dates, so a figure for
a past period is that period's; "at the period's end" means min(period end, today). An ended period's
figures are kept while the synced data is unchanged (models.changelog.data_version) and counted again
after any change.

Which stations: at a station, its own; at the bureau, every enrolled station (models.peers, kind
"station") and every station that holds persons (data a bureau keeps for a station not yet enrolled).
"""
from __future__ import annotations

import datetime as dt
import functools
import operator
from dataclasses import dataclass

import peewee

from models.aid import AID, AidCase, AidEvent
from models.as_of import on_roster, registered_in
from models.cards import CARD, CardEvent, PreferentialCard
from models.changelog import data_version
from models.disputes import DisputeCase, ended_between
from models.errors import DomainError
from models.installation import Installation, Station
from models.peers import Peer
from models.periods import Period
from models.person import Person
from models.services import ServiceEvent, ServiceRecord
from models.visits import Visit, next_visit_due, tier_cadence
from models.workbench import AID_WAIT_DAYS

COUNT, SUM, MAX = peewee.fn.COUNT, peewee.fn.SUM, peewee.fn.MAX


@dataclass(frozen=True)
class Indicator:
    code: str
    label: str  # the official Chinese term a screen or ledger shows
    unit: str
    aggregate: str  # how the banner's total is made: sum | ratio (of two sums) | mean (of the stations)
    definition: str


INDICATORS: dict[str, Indicator] = {i.code: i for i in (
    Indicator("persons", "在册人数", "人", "sum", "期末在册：建档日期不晚于期末、未删除、期末时仍在册（去世、迁出、注销在期末之后的仍计）"),
    Indicator("persons_new", "新增建档", "人", "sum", "建档日期（无则为录入日期）在期间内"),
    Indicator("visits_due", "应走访人数", "人", "sum",
              "期末在册、有联系等级的人员，其期初前最后一次走访（无则建档日期）加该等级走访周期的日期不晚于期末"),
    Indicator("visits_done", "已走访人数", "人", "sum", "应走访人员中期间内有走访记录的"),
    Indicator("visit_rate", "走访完成率", "%", "ratio", "已走访人数 ÷ 应走访人数（无应走访时为空）"),
    Indicator("services", "服务记录", "件", "sum", "服务日期在期间内的服务记录"),
    Indicator("services_done", "代办办结", "件", "sum", "期间内办结的服务代办事项"),
    Indicator("cards_applied", "优待证受理", "张", "sum", "受理日期在期间内的优待证申领"),
    Indicator("cards_issued", "优待证发放", "张", "sum", "期间内发放的优待证"),
    Indicator("aid_cases", "帮扶申请", "件", "sum", "申请日期在期间内的困难帮扶案件"),
    Indicator("aid_approved_fen", "帮扶核定金额", "分", "sum", "期间内局审批通过的核定金额合计"),
    Indicator("aid_paid_fen", "帮扶发放金额", "分", "sum", "期间内发放金额合计"),
    Indicator("disputes", "矛盾纠纷登记", "件", "sum", "登记日期在期间内的矛盾纠纷"),
    Indicator("disputes_ended", "矛盾纠纷办结", "件", "sum", "办结结果（化解、稳控、上报、中止）日期在期间内"),
    Indicator("disputes_resolved_locally", "化解在当地", "件", "sum", "办结结果为已化解的"),
    Indicator("resolved_locally_rate", "化解在当地率", "%", "ratio", "化解在当地 ÷ 矛盾纠纷办结（models.disputes）"),
    Indicator("overdue_items", "逾期事项", "项", "sum",
              "期末（期间未结束时为今天）工作台意义上已逾期的事项：回访、走访、矛盾纠纷办结期限、困难帮扶下一步、优待证待发放"),
    Indicator("tasks_assigned", "承担任务", "项", "sum", "期间内承担的工作任务（models.plan_status）"),
    Indicator("tasks_done", "完成任务", "项", "sum", "其中已完成的（事务局确认）"),
    Indicator("tasks_late", "滞后任务", "项", "sum", "其中滞后的"),
    Indicator("progress_on_time", "月调度按时报送", "次", "sum", "期间内按时报送的月调度"),
    Indicator("score", "考核得分", "分", "mean", "实绩考核赋分（models.scoring）；未定方案或非季度、年度期间为空"),
)}
ROW_KEYS = ["station_code", "station_name", "persons", "persons_new", "visits_due", "visits_done", "visit_rate",
            "services", "services_done", "cards_applied", "cards_issued", "aid_cases", "aid_approved_fen",
            "aid_paid_fen", "disputes", "disputes_ended", "disputes_resolved_locally", "resolved_locally_rate",
            "overdue_items", "tasks_assigned", "tasks_done", "tasks_late", "progress_on_time", "score"]
RATIOS = {"visit_rate": ("visits_done", "visits_due"),
          "resolved_locally_rate": ("disputes_resolved_locally", "disputes_ended")}
OVERDUE_KINDS = {"follow_up": "服务回访逾期", "visit": "应走访未走访", "dispute": "矛盾纠纷超过办结期限",
                 "aid": "困难帮扶超时未办理下一步", "card": "优待证已到未发放"}


class UnknownIndicator(DomainError):
    code = "unknown_indicator"


@dataclass(frozen=True)
class Behind:
    """Records behind a figure: the rows of `table` whose ids `query` selects (a peewee select of one column)."""

    table: str
    label: str
    query: peewee.SelectQuery

    def ids(self) -> list[str]:
        return [row[0] for row in self.query.tuples()]


# --- which stations -------------------------------------------------------------------------------

def stations_in_scope(station_codes: list[str] | None = None) -> list[tuple[str, str]]:
    """(code, name) of the stations the indicators cover here, ordered by code."""
    inst = Installation.get_current()
    if inst.is_bureau:
        codes = {p.code for p in Peer.select(Peer.code).where(Peer.kind == "station")}
        codes |= {c for (c,) in Person.select(Person.station_code).distinct().tuples() if c}
    else:
        codes = {inst.station_code}
    if station_codes is not None:
        codes &= set(station_codes)
    names = dict(Station.select(Station.id, Station.name).where(Station.id.in_(list(codes))).tuples())
    peers = dict(Peer.select(Peer.code, Peer.name).where(Peer.code.in_(list(codes))).tuples())
    if not inst.is_bureau:
        peers[inst.station_code] = inst.name
    return [(code, names.get(code) or peers.get(code) or code) for code in sorted(codes)]


# --- the conditions: one per figure, shared by the counts and the drill-down ------------------------

def as_at(period: Period, today: dt.date | None = None) -> dt.date:
    """The day 'at the period's end' figures are taken: the end, or today while the period runs."""
    return min(period.end, today or dt.date.today())


def _between(field, period: Period):
    return field.between(period.start, period.end)


def _cases_with_step(event_model, fk, steps: tuple[str, ...], period: Period):
    """Ids of cases with a live step of `steps` dated in the period (a subquery)."""
    return event_model.select(fk).where(event_model.deleted_at.is_null() & event_model.step.in_(list(steps))
                                        & _between(event_model.on, period))


def _counted(period: Period) -> dict[str, tuple[type, object]]:
    """code → (model, condition) for the indicators that count live records of one model."""
    services_done = _cases_with_step(ServiceEvent, ServiceEvent.service, ("complete",), period)
    cards_issued = _cases_with_step(CardEvent, CardEvent.card, ("issue",), period)
    return {
        "persons": (Person, on_roster(period)),
        "persons_new": (Person, registered_in(period)),
        "services": (ServiceRecord, ServiceRecord.deleted_at.is_null() & _between(ServiceRecord.served_on, period)),
        "services_done": (ServiceRecord, ServiceRecord.deleted_at.is_null() & (ServiceRecord.agency == True)  # noqa: E712
                          & ServiceRecord.id.in_(services_done)),
        "cards_applied": (PreferentialCard, PreferentialCard.deleted_at.is_null()
                          & _between(PreferentialCard.applied_on, period)),
        "cards_issued": (PreferentialCard, PreferentialCard.deleted_at.is_null()
                         & PreferentialCard.id.in_(cards_issued)),
        "aid_cases": (AidCase, AidCase.deleted_at.is_null() & _between(AidCase.applied_on, period)),
        "disputes": (DisputeCase, DisputeCase.deleted_at.is_null() & _between(DisputeCase.registered_on, period)),
        "disputes_ended": (DisputeCase, ended_between(period.start, period.end)),
        "disputes_resolved_locally": (DisputeCase, ended_between(period.start, period.end)
                                      & (DisputeCase.outcome == "resolved")),
    }


MONEY_STEPS = {"aid_approved_fen": "approve", "aid_paid_fen": "disburse"}


def _money_events(step: str, period: Period):
    return (AidEvent.deleted_at.is_null() & AidCase.deleted_at.is_null() & (AidEvent.step == step)
            & _between(AidEvent.on, period))


def _visit_conditions(periods: list[Period], today: dt.date | None):
    """The visit figures of each period as conditions on Person joined to `seen` (a CTE, one row per person
    with live visits: per period, the last visit before it, the visits within it and the last visit by its
    as_at day), or None when no tier has a cadence. Join it with `_with_seen`.

    visits_due: on the roster at the period's end, tiered, and the next visit after the last one before the
    period (else 建档) fell due by the period's end; visits_done: of those, visited within the period;
    overdue: on the roster at as_at, tiered, and the next visit from the last one by then due before it."""
    cadence = tier_cadence()
    if not cadence:
        return None
    columns = []
    for i, period in enumerate(periods):
        at = as_at(period, today)
        columns += [MAX(peewee.Case(None, [(Visit.visited_on < period.start, Visit.visited_on)])).alias(f"before_{i}"),
                    SUM(peewee.Case(None, [(_between(Visit.visited_on, period), 1)], 0)).alias(f"within_{i}"),
                    MAX(peewee.Case(None, [(Visit.visited_on <= at, Visit.visited_on)])).alias(f"by_{i}")]
    seen = (Visit.select(Visit.person, *columns).where(Visit.deleted_at.is_null()).group_by(Visit.person)
            .cte("seen", materialized=True))
    tiered = Person.contact_tier.in_(list(cadence))
    conditions = []
    for i, period in enumerate(periods):
        at = as_at(period, today)
        due = on_roster(period) & tiered & (next_visit_due(
            Person.contact_tier, getattr(seen.c, f"before_{i}"), Person.filed_on, Person.created_at, cadence)
            <= period.end.isoformat())
        late = on_roster(Period.between(at, at)) & tiered & (next_visit_due(
            Person.contact_tier, getattr(seen.c, f"by_{i}"), Person.filed_on, Person.created_at, cadence)
            < at.isoformat())
        conditions.append({"visits_due": due, "visits_done": due & (getattr(seen.c, f"within_{i}") > 0),
                           "late": late})
    return seen, conditions


def _with_seen(query, seen):
    """`query` (a select from Person) joined to the persons' visits of `_visit_conditions`."""
    return query.join(seen, peewee.JOIN.LEFT_OUTER, on=(seen.c.person_id == Person.id)).with_cte(seen)


def _latest(event_model, fk, case_model, column, at: dt.date, steps: list[str]):
    """SQL: `column` of the case's latest live event of `steps` dated on or before `at` (event order)."""
    return (event_model.select(column)
            .where((fk == case_model.id) & event_model.deleted_at.is_null() & (event_model.on <= at)
                   & event_model.step.in_(steps))
            .order_by(event_model.on.desc(), event_model.created_at.desc(), event_model.id.desc()).limit(1))


def _overdue_conditions(at: dt.date) -> dict[str, tuple[type, object]]:
    """kind → (model, condition) of the workbench's overdue items as they stood at `at` (visits apart).
    A case's state at `at` is the target of its latest step by then (the replay, without its rare skips).
    Aid cases and cards are looked up once each in a materialized CTE (their latest steps by `at`, read from
    the (case, on, created_at, id) indexes), so a condition costs one pass however often it names the state."""
    iso = at.isoformat()
    aid_steps = [s.code for s in AID.steps.values() if s.target]
    aid_at = (AidCase.select(AidCase.id, AidCase.applied_on, AidCase.publicity_to,
                             _latest(AidEvent, AidEvent.case, AidCase, AidEvent.step, at, aid_steps).alias("step"),
                             _latest(AidEvent, AidEvent.case, AidCase, AidEvent.on, at, list(AID.steps)).alias("since"))
              .where(AidCase.deleted_at.is_null() & (AidCase.applied_on <= at))
              .cte(f"aid_at_{at:%Y%m%d}", materialized=True))
    aid_state = peewee.Case(aid_at.c.step, [(s.code, s.target) for s in AID.steps.values() if s.target], AID.initial)
    wait = peewee.Case(aid_state, [(state, f"+{days} days") for state, days in AID_WAIT_DAYS.items()])
    aid_due = peewee.Case(None, [((aid_state == "publicized") & aid_at.c.publicity_to.is_null(False),
                                  peewee.fn.DATE(aid_at.c.publicity_to, "+1 day"))],
                          peewee.fn.DATE(peewee.fn.COALESCE(aid_at.c.since, aid_at.c.applied_on), wait))
    aid_late = aid_at.select_from(aid_at.c.id).where(aid_state.in_(list(AID_WAIT_DAYS)) & (aid_due < iso))
    card_steps = [s.code for s in CARD.steps.values() if s.target]
    card_at = (PreferentialCard.select(
        PreferentialCard.id,
        _latest(CardEvent, CardEvent.card, PreferentialCard, CardEvent.step, at, card_steps).alias("step"),
        _latest(CardEvent, CardEvent.card, PreferentialCard, CardEvent.on, at, card_steps).alias("since"))
        .where(PreferentialCard.deleted_at.is_null() & PreferentialCard.id.in_(  # only a received card can wait
            CardEvent.select(CardEvent.card).where(CardEvent.deleted_at.is_null() & (CardEvent.step == "receive")
                                                   & (CardEvent.on <= at))))
        .cte(f"card_at_{at:%Y%m%d}", materialized=True))
    card_late = card_at.select_from(card_at.c.id).where((card_at.c.step == "receive") & (card_at.c.since < iso))
    return {
        "follow_up": (ServiceRecord, ServiceRecord.deleted_at.is_null() & (ServiceRecord.needs_follow_up == True)  # noqa: E712
                      & (ServiceRecord.served_on <= at) & (ServiceRecord.follow_up_on < at)
                      & (ServiceRecord.followed_up_on.is_null() | (ServiceRecord.followed_up_on > at))),
        "dispute": (DisputeCase, DisputeCase.deleted_at.is_null() & (DisputeCase.registered_on <= at)
                    & (DisputeCase.deadline < at)
                    & (DisputeCase.outcome_on.is_null() | (DisputeCase.outcome_on > at))),
        "aid": (AidCase, AidCase.deleted_at.is_null() & AidCase.id.in_(aid_late)),
        "card": (PreferentialCard, PreferentialCard.deleted_at.is_null() & PreferentialCard.id.in_(card_late)),
    }


# --- the figures ------------------------------------------------------------------------------------

def _count_of(condition):
    return SUM(peewee.Case(None, [(condition, 1)], 0))


def casework_figures(period: Period, station_codes: list[str] | None = None, *,
                     today: dt.date | None = None) -> dict[str, dict[str, int | float | None]]:
    """{station code: {indicator: value}} for the registry and casework indicators (no tasks, no score)."""
    return casework_figures_of([period], station_codes, today=today)[0]


def casework_figures_of(periods: list[Period], station_codes: list[str] | None = None, *,
                        today: dt.date | None = None) -> list[dict[str, dict[str, int | float | None]]]:
    """casework_figures of several periods at once (the dashboard's period and the one before it): one
    grouped query per table, each figure of each period a SUM(CASE WHEN its condition …) column, so every
    table is read once however many periods and figures there are."""
    version = data_version()
    keys = [_past_key(period, station_codes, today, version) for period in periods]
    found = [_PAST.get(key) if key else None for key in keys]
    wanted = [period for period, hit in zip(periods, found) if hit is None]
    counted = iter(_count_figures(wanted, station_codes, today) if wanted else [])
    outs = [hit if hit is not None else next(counted) for hit in found]
    for key, out in zip(keys, outs):
        if key is not None:
            _PAST[key] = out
            while len(_PAST) > PAST_KEPT:
                _PAST.pop(next(iter(_PAST)))
    return [{station: dict(figures) for station, figures in out.items()} for out in outs]


# A past period's figures, kept while the data is unchanged: a period that has ended is counted as at its
# end, so its figures change only when the synced data does (a late entry, a bundle) — and then
# data_version() changes and they are counted again. A running period is always counted.
PAST_KEPT = 16
_PAST: dict[tuple, dict] = {}


def _past_key(period: Period, station_codes, today: dt.date | None, version: tuple) -> tuple | None:
    """The cache key of an ended period (its figures are as at its end whatever the day), else None."""
    if period.end >= (today or dt.date.today()):
        return None
    return period.start, period.end, tuple(station_codes) if station_codes is not None else None, version


def _count_figures(periods: list[Period], station_codes: list[str] | None,
                   today: dt.date | None) -> list[dict[str, dict]]:
    outs: list[dict[str, dict]] = [{} for _ in periods]
    columns: dict[type, list[tuple[int, str, object]]] = {}  # model → (period index, code, SQL)
    for i, period in enumerate(periods):
        for code, (model, condition) in _counted(period).items():
            columns.setdefault(model, []).append((i, code, _count_of(condition)))
        for model, condition in _overdue_conditions(as_at(period, today)).values():
            columns.setdefault(model, []).append((i, "overdue_items", _count_of(condition)))
        for code, step in MONEY_STEPS.items():
            amount = SUM(peewee.Case(None, [(_money_events(step, period), AidEvent.amount_fen)]))
            columns.setdefault(AidEvent, []).append((i, code, amount))
    visits = _visit_conditions(periods, today)
    if visits is not None:
        seen, conditions = visits
        for i, found in enumerate(conditions):
            columns[Person] += [(i, "visits_due", _count_of(found["visits_due"])),
                                (i, "visits_done", _count_of(found["visits_done"])),
                                (i, "overdue_items", _count_of(found["late"]))]
    for model, wanted in columns.items():
        station = AidCase.station_code if model is AidEvent else model.station_code
        query = model.select(station, *(sql for _, _, sql in wanted))
        if model is AidEvent:
            query = (query.join(AidCase, on=(AidEvent.case == AidCase.id))
                     .where(AidEvent.step.in_(list(MONEY_STEPS.values()))))  # what every column tests first
        elif model is Person and visits is not None:
            query = _with_seen(query, seen)
        if station_codes is not None:
            query = query.where(station.in_(station_codes))
        for code, *values in query.group_by(station).tuples():
            for (i, key, _), value in zip(wanted, values):
                row = outs[i].setdefault(code, {})
                row[key] = row.get(key, 0) + (value or 0)
    return outs


def _plan_figures(period: Period, station_codes: list[str], today: dt.date | None) -> dict[str, dict]:
    from models.plan_status import task_counts

    return task_counts(period.start, period.end, station_codes, on=today)


def _task_records(code: str, station_code: str, period: Period, today: dt.date | None) -> list[Behind]:
    """The assignments (tasks_*) or 月调度 entries (progress_on_time) behind a station's task figures,
    by models.plan_status' own definitions."""
    from models.plan import ProgressEntry, TaskAssignment
    from models.plan_status import assignment_statuses, due_date, months_between, period_passed_before

    facts_by = as_at(period, today)
    passed_before = period_passed_before(period.end, today or dt.date.today())
    label = INDICATORS[code].label
    if code == "progress_on_time":
        months = [m for m in months_between(period.start - dt.timedelta(days=31), period.end)
                  if period.start <= due_date(m) <= period.end and due_date(m) < passed_before]
        on_time = [(ProgressEntry.month == m) & (ProgressEntry.reported_on <= due_date(m)) for m in months]
        condition = ProgressEntry.deleted_at.is_null() & (ProgressEntry.unit_code == station_code)
        condition &= functools.reduce(operator.or_, on_time) if on_time else peewee.Value(False)
        return [Behind("progress_entry", label, ProgressEntry.select(ProgressEntry.id).where(condition))]
    in_force = (TaskAssignment.deleted_at.is_null() & (TaskAssignment.unit_code == station_code)
                & (TaskAssignment.assigned_on <= period.end)
                & (TaskAssignment.done_on.is_null() | (TaskAssignment.done_on >= period.start)))
    if code != "tasks_assigned":
        wanted = "done" if code == "tasks_done" else "late"
        ids = [a for a, status in assignment_statuses(on=facts_by, unit_code=station_code,
                                                            passed_before=passed_before).items() if status == wanted]
        in_force &= TaskAssignment.id.in_(ids)
    return [Behind("task_assignment", label, TaskAssignment.select(TaskAssignment.id).where(in_force))]


def figure_rows(period: Period, station_codes: list[str] | None = None, *,
                today: dt.date | None = None) -> list[dict]:
    """One row per station in scope (ROW_KEYS; counts 0 where nothing happened, rates None without a
    denominator, score None: models.indicators adds it), ordered by station code."""
    return figure_rows_of([period], station_codes, today=today)[0]


def figure_rows_of(periods: list[Period], station_codes: list[str] | None = None, *,
                   today: dt.date | None = None) -> list[list[dict]]:
    """figure_rows of several periods, the casework read once for all of them (casework_figures_of)."""
    stations = stations_in_scope(station_codes)
    codes = [code for code, _ in stations]
    found = casework_figures_of(periods, codes, today=today)
    out = []
    for period, figures in zip(periods, found):
        tasks = _plan_figures(period, codes, today)
        rows = []
        for code, name in stations:
            row = {key: 0 for key in ROW_KEYS}
            row.update(station_code=code, station_name=name, **figures.get(code, {}))
            row.update({k: v for k, v in (tasks.get(code) or {}).items() if k in INDICATORS})
            for rate, (part, whole) in RATIOS.items():
                row[rate] = _ratio(row[part], row[whole])
            row["score"] = None
            rows.append(row)
        out.append(rows)
    return out


def total_row(rows: list[dict], *, name: str = "合计") -> dict:
    """The banner's row: sums of the counts and money, rates of those sums, the mean of the scores."""
    total = {"station_code": None, "station_name": name}
    for key in ROW_KEYS[2:]:
        how = INDICATORS[key].aggregate
        if how == "sum":
            total[key] = sum(row.get(key) or 0 for row in rows)
        elif how == "mean":
            values = [row[key] for row in rows if row.get(key) is not None]
            total[key] = round(sum(values) / len(values), 2) if values else None
    for rate, (part, whole) in RATIOS.items():
        total[rate] = _ratio(total[part], total[whole])
    return {key: total[key] for key in ROW_KEYS}


def figure_value(code: str, station_code: str, period: Period, *, today: dt.date | None = None):
    """One indicator other than the score of one station for one period."""
    _known(code)
    if code == "score":
        raise UnknownIndicator("考核得分由 models.indicators.indicator_value 计算。", indicator=code)
    if code in ("tasks_assigned", "tasks_done", "tasks_late", "progress_on_time"):
        return (_plan_figures(period, [station_code], today).get(station_code) or {}).get(code, 0)
    row = casework_figures(period, [station_code], today=today).get(station_code, {})
    if code in RATIOS:
        part, whole = RATIOS[code]
        return _ratio(row.get(part, 0), row.get(whole, 0))
    return row.get(code, 0)


def records_behind(code: str, station_code: str, period: Period, *, today: dt.date | None = None) -> list[Behind]:
    """The records that make up a figure, one Behind per table (a rate: its denominator's records,
    the numerator's among them; overdue items: one part per kind). Tasks and scores: their own modules."""
    _known(code)
    counted = _counted(period)
    if code in counted or code in RATIOS:
        if code == "resolved_locally_rate":
            code = "disputes_ended"
        if code in counted:
            model, condition = counted[code]
            return [Behind(model._meta.table_name, INDICATORS[code].label,
                           model.select(model.id).where(condition & (model.station_code == station_code)))]
    if code in MONEY_STEPS:
        query = (AidEvent.select(AidEvent.id).join(AidCase, on=(AidEvent.case == AidCase.id))
                 .where(_money_events(MONEY_STEPS[code], period) & (AidCase.station_code == station_code)))
        return [Behind("aid_event", INDICATORS[code].label, query)]
    if code in ("visits_due", "visits_done", "visit_rate"):
        visits = _visit_conditions([period], today)
        if visits is None:
            return []
        seen, [conditions] = visits
        condition = conditions["visits_done" if code == "visits_done" else "visits_due"]
        query = _with_seen(Person.select(Person.id), seen).where(condition & (Person.station_code == station_code))
        return [Behind("person", INDICATORS[code].label, query)]
    if code == "overdue_items":
        at = as_at(period, today)
        parts = []
        for kind, (model, condition) in _overdue_conditions(at).items():
            parts.append(Behind(model._meta.table_name, OVERDUE_KINDS[kind],
                                model.select(model.id).where(condition & (model.station_code == station_code))))
        visits = _visit_conditions([period], today)
        if visits is not None:
            seen, [conditions] = visits
            query = _with_seen(Person.select(Person.id), seen).where(conditions["late"]
                                                                     & (Person.station_code == station_code))
            parts.insert(1, Behind("person", OVERDUE_KINDS["visit"], query))
        return parts
    if code in ("tasks_assigned", "tasks_done", "tasks_late", "progress_on_time"):
        return _task_records(code, station_code, period, today)
    return []


def _known(code: str) -> None:
    if code not in INDICATORS:
        raise UnknownIndicator(f"没有名为「{code}」的指标。可用的指标：{'、'.join(INDICATORS)}。", indicator=code)


def _ratio(part, whole) -> float | None:
    return round(part / whole, 4) if whole else None
