"""What the work-plan pages read, as plain data, on the worker thread (never in a widget).

    run_task(self, lambda: read_plan(year, unit_code), on_done=self.show_plan)
    run_task(self, lambda: read_dashboard(period), on_done=self.show_dashboard)
    touched(task)        # OpChanges for a domain function that returns the record it wrote

PLAN_TABLES are the tables whose change makes a plan page read again.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from models.bureau_settings import SETTINGS, get_setting
from models.errors import NotFound
from models.indicators import INDICATORS, indicator_rows_of, records_behind, total_row
from models.installation import Installation
from models.periods import Period, previous_period
from models.plan import TABLES as PLAN_MODELS
from models.plan import ListItem, MeetingDecision, Plan, PlanArea, PlanBenchmark, PlanMeeting, PlanTask, QuarterSummary
from models.plan_edit import find_plan
from models.plan_lists import list_items
from models.plan_rows import areas_of, behind_lines, progress_sheet, target_text, task_rows
from models.plan_status import missing_reports
from models.plan_units import unit_choices, unit_names
from models.scoring import TABLES as SCORE_MODELS
from models.scoring import PublishedComparison, compute_scores, find_scheme, published
from models.write import OpChanges

PLAN_TABLES = frozenset({m._meta.table_name for m in (*PLAN_MODELS, *SCORE_MODELS)} | {"bureau_setting"})
# the figures the dashboard compares, in order (models.indicators codes)
DASHBOARD_KEYS = ("persons", "persons_new", "visit_rate", "services", "services_done", "cards_issued", "aid_cases",
                  "aid_paid_fen", "disputes", "resolved_locally_rate", "overdue_items", "tasks_assigned", "tasks_done",
                  "tasks_late", "progress_on_time", "score")


def touched(*records) -> OpChanges:
    """What a domain function that returns its record (not its OpChanges) changed, for ctx.announce."""
    return OpChanges(updated=[(r._meta.table_name, r.id) for r in records if r is not None])


def plan_years() -> list[int]:
    return sorted({y for (y,) in Plan.live().select(Plan.year).tuples()}, reverse=True)


def own_unit(installation: Installation) -> str | None:
    return None if installation.is_bureau else installation.station_code


# --- the plan ------------------------------------------------------------------------------------

@dataclass
class PlanView:
    year: int
    plan: Plan | None
    years: list[int]
    benchmarks: list[PlanBenchmark] = field(default_factory=list)
    areas: list = field(default_factory=list)
    tasks: list[dict] = field(default_factory=list)
    units: list[tuple[str, str]] = field(default_factory=list)
    settings: dict = field(default_factory=dict)   # the bureau's settings (models.bureau_settings), by key


def plan_settings() -> dict:
    return {key: get_setting(key) for key in SETTINGS}


def read_plan(year: int, unit_code: str | None = None) -> PlanView:
    plan = find_plan(year)
    view = PlanView(year, plan, plan_years(), units=unit_choices(), settings=plan_settings())
    if plan is None:
        return view
    view.benchmarks = list(PlanBenchmark.live().where(PlanBenchmark.plan == plan.id).order_by(PlanBenchmark.position))
    view.areas = areas_of(plan)
    view.tasks = task_rows(plan, unit_code=unit_code)
    return view


# --- 月调度 ------------------------------------------------------------------------------------------

@dataclass
class ProgressView:
    month: str
    unit_code: str | None
    plan: Plan | None
    rows: list[dict]
    missing: list[dict]
    due_day: int


def read_progress(month: str, unit_code: str | None, *, bureau: bool) -> ProgressView:
    year = int(month[:4])
    plan = find_plan(year)
    rows = progress_sheet(plan, unit_code, month) if plan is not None and unit_code else []
    missing = missing_reports(month) if bureau else []
    return ProgressView(month, unit_code, plan, rows, missing, get_setting("progress_due_day"))


# --- 季总结, meetings, the three lists ---------------------------------------------------------------

@dataclass
class ListsView:
    plan: Plan | None
    summaries: list[QuarterSummary]
    meetings: list[tuple[PlanMeeting, list[MeetingDecision]]]
    items: list[tuple[ListItem, str]]
    names: dict[str, str]


def read_lists(year: int, unit_code: str | None) -> ListsView:
    plan = find_plan(year)
    if plan is None:
        return ListsView(None, [], [], [], unit_names())
    summaries = QuarterSummary.live().where(QuarterSummary.plan == plan.id)
    if unit_code:
        summaries = summaries.where(QuarterSummary.unit_code == unit_code)
    held = list(PlanMeeting.live().where(PlanMeeting.plan == plan.id).order_by(PlanMeeting.held_on.desc()))
    decisions: dict[str, list[MeetingDecision]] = {meeting.id: [] for meeting in held}
    for decision in (MeetingDecision.live().where(MeetingDecision.meeting.in_(list(decisions)))
                     .order_by(MeetingDecision.position)):  # one query for every meeting's decisions
        decisions[decision.meeting_id].append(decision)
    meetings = [(meeting, decisions[meeting.id]) for meeting in held]
    return ListsView(plan, list(summaries.order_by(QuarterSummary.quarter.desc(), QuarterSummary.unit_code)),
                     meetings, list_items(plan.id, unit_code=unit_code), unit_names())


# --- scores ------------------------------------------------------------------------------------------

def read_scores(period: Period):
    """(scheme or None, ScoreBoard or None) of a quarter or year."""
    scheme = find_scheme(period.start.year)
    if scheme is None:
        return None, None
    return scheme, compute_scores(period)


# --- the dashboard -----------------------------------------------------------------------------------

@dataclass
class DashboardData:
    period: Period
    previous: Period
    bureau: bool
    rows: list[dict]
    total: dict
    before: dict[str, dict]        # station code (or "total") → its row of the previous period
    ranks: dict[str, int]          # station code → rank by score (stations with a score only)
    average: dict | None = None    # at a station: the banner's average as published by the bureau
    rank: int | None = None        # at a station: its published rank
    shared_ranks: list[dict] = field(default_factory=list)  # other stations' ranks, when the bureau allows
    targets: dict[str, str] = field(default_factory=dict)   # indicator code → the plan's target text
    published: bool = False
    # at the bureau: the last publication of this period ((when, by whom) or None) and what stations see
    last_published: tuple[str, str] | None = None
    ranks_shared: bool = False
    settings: dict = field(default_factory=dict)


def read_dashboard(period: Period, *, today: dt.date | None = None) -> DashboardData:
    inst = Installation.get_current()
    previous = previous_period(period)
    rows, before_rows = indicator_rows_of([period, previous], today=today)  # one pass over the casework
    before = {r["station_code"]: r for r in before_rows}
    before["total"] = total_row(before_rows)
    scores = [r["score"] for r in rows if r["score"] is not None]
    # 1, 2, 2, 4: equal scores share a rank (as models.scoring ranks them)
    ranks = {r["station_code"]: 1 + sum(s > r["score"] for s in scores) for r in rows if r["score"] is not None}
    data = DashboardData(period, previous, inst.is_bureau, rows, total_row(rows), before, ranks,
                         targets=_targets(period.start.year), settings=plan_settings())
    data.ranks_shared = bool(data.settings.get("stations_see_ranks"))
    if inst.is_bureau:
        last = (PublishedComparison.live().where(PublishedComparison.period == period.code)
                .order_by(PublishedComparison.published_at.desc()).first())
        data.last_published = (last.published_at, last.published_by) if last is not None else None
    else:
        sent = published(period, inst.station_code)
        if sent is not None:
            data.published, data.average, data.rank, data.shared_ranks = True, sent.average, sent.rank, sent.ranks
    return data


def _targets(year: int) -> dict[str, str]:
    """The plan's target for each indicator a task is measured by (the first task naming it)."""
    plan = find_plan(year)
    out: dict[str, str] = {}
    if plan is None:
        return out
    tasks = (PlanTask.live().join(PlanArea).where((PlanArea.plan == plan.id) & PlanTask.indicator.is_null(False)
                                                  & PlanTask.target_value.is_null(False)).order_by(PlanTask.number))
    for task in tasks:
        if task.indicator in INDICATORS:
            out.setdefault(task.indicator, target_text(task.target_value, task.target_unit))
    return out


def read_behind(code: str, station_code: str, period: Period, *, today: dt.date | None = None):
    """(lines, total) of the records behind one figure of one station."""
    try:
        parts = records_behind(code, station_code, period, today=today)
    except NotFound:
        return [], 0
    return behind_lines(parts)
