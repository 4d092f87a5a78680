"""Stories of derived status: 未开始, 推进中, 已完成 (the bureau confirms), 滞后 (deadline passed, or a 月调度 due
and missing), and the SQL aggregates the indicators read."""
from __future__ import annotations

import datetime as dt

import pytest

from models.bureau_settings import get_setting, set_setting
from models.errors import ValidationError
from models.indicators import records_behind
from models.periods import parse_period
from models.plan import PlanArea, TaskAssignment
from models.plan_edit import get_plan
from models.plan_progress import report_progress
from models.plan_status import assignment_statuses, missing_reports, task_counts, task_statuses
from models.plan_tasks import add_task, confirm_done
from models.plan_template import start_plan_from_template
from models.workbench import workbench
from tests.models.plan_support import BUREAU, GALUTU, WUSHENZHAO, bureau  # noqa: F401


@pytest.fixture
def task(bureau):
    """A 2026 plan and a task given on 1 September to two stations and the office, due 30 November."""
    plan = start_plan_from_template(2026, actor=BUREAU, on=dt.date(2026, 9, 1))
    area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "基础业务工作"))
    return add_task(area.id, {"title": "建档立卡全覆盖", "deadline": dt.date(2026, 11, 30)},
                    units=[GALUTU, WUSHENZHAO, "office"], actor=BUREAU, on=dt.date(2026, 9, 1))


def status(task, unit, on):
    return task_statuses(get_plan(2026).id, on=on, unit_code=unit)[task.id]


def test_a_task_nobody_reported_on_is_not_started_until_the_due_day_passes(task):
    assert status(task, GALUTU, dt.date(2026, 9, 25)) == "not_started"
    assert status(task, GALUTU, dt.date(2026, 9, 26)) == "late"  # September's 月调度 missing


def test_a_report_makes_it_in_progress_and_a_missed_month_makes_it_late(task):
    report_progress(task.id, "2026-09", {"done_text": "核对花名册"}, unit="office", actor=BUREAU,
                    on=dt.date(2026, 9, 20))
    assert status(task, "office", dt.date(2026, 10, 1)) == "in_progress"
    assert status(task, "office", dt.date(2026, 10, 26)) == "late"  # October's report missing
    report_progress(task.id, "2026-10", {"done_text": "补报"}, unit="office", actor=BUREAU, on=dt.date(2026, 10, 28))
    assert status(task, "office", dt.date(2026, 10, 29)) == "in_progress"
    counts = task_counts(dt.date(2026, 9, 1), dt.date(2026, 10, 31), ["office"], on=dt.date(2026, 11, 2))["office"]
    office_tasks = len(assignment_statuses(plan_id=get_plan(2026).id, unit_code="office"))
    # the office owes September and October on each of its tasks; it reported both on this one, October late
    assert (counts["progress_due"], counts["progress_reported"], counts["progress_on_time"]) == (
        2 * office_tasks, 2, 1)


def test_the_workbench_of_the_bureau_lists_units_that_have_not_reported(task):
    items = [i for i in workbench(dt.date(2026, 10, 26)) if i.kind == "progress"]
    units = {i.record_id for i in items}
    assert {GALUTU, WUSHENZHAO, "office", "centre"} <= units
    galutu_october = [i for i in items if i.record_id == GALUTU and i.detail.startswith("2026-10")]
    assert galutu_october[0].label.startswith("2026年10月月调度未报（8项任务）")
    assert galutu_october[0].overdue


def test_the_bureaus_confirmation_makes_it_done_and_the_task_is_done_when_every_unit_is(task):
    confirm_done(task.id, unit=GALUTU, actor=BUREAU, on=dt.date(2026, 10, 10))
    assert status(task, GALUTU, dt.date(2026, 12, 1)) == "done"
    assert status(task, WUSHENZHAO, dt.date(2026, 12, 1)) == "late"  # past its deadline, not done
    assert task_statuses(get_plan(2026).id, on=dt.date(2026, 12, 1))[task.id] == "late"
    confirm_done(task.id, actor=BUREAU, on=dt.date(2026, 11, 1))
    assert task_statuses(get_plan(2026).id, on=dt.date(2026, 12, 1))[task.id] == "done"


def test_the_due_day_is_the_bureaus_setting(task):
    assert get_setting("progress_due_day") == 25
    set_setting("progress_due_day", 10, actor=BUREAU)
    assert status(task, GALUTU, dt.date(2026, 9, 11)) == "late"
    with pytest.raises(ValidationError, match="1日到28日"):
        set_setting("progress_due_day", 31, actor=BUREAU)
    assert get_setting("progress_due_day") == 10


def test_missing_reports_name_the_units_after_the_due_day_only(task):
    assert missing_reports("2026-10", on=dt.date(2026, 10, 25), unit_code=GALUTU) == []
    missing = missing_reports("2026-10", on=dt.date(2026, 10, 26), unit_code=GALUTU)
    assert {r["task_id"] for r in missing} >= {task.id}
    assert {r["unit_name"] for r in missing} == {"嘎鲁图镇退役军人服务站"}


def test_task_counts_per_unit_for_a_quarter(task):
    plan = get_plan(2026)
    counts = task_counts(dt.date(2026, 10, 1), dt.date(2026, 12, 31), [GALUTU, "150626999"], on=dt.date(2027, 1, 5))
    assert counts["150626999"] == dict.fromkeys(counts["150626999"], 0)
    galutu = counts[GALUTU]
    mine = len(assignment_statuses(plan_id=plan.id, unit_code=GALUTU))
    assert galutu["tasks_assigned"] == mine == 8  # 7 template tasks for every station + this one
    assert galutu["tasks_late"] == 8
    assert galutu["progress_due"] == 7 * 3 + 2  # October to December; this task ends in November
    assert galutu["progress_reported"] == galutu["progress_on_time"] == 0


def test_a_deadline_on_the_periods_last_day_is_late_in_the_figure_and_in_the_records_behind_it(task):
    for month, on in (("2026-09", dt.date(2026, 9, 20)), ("2026-10", dt.date(2026, 10, 20)),
                      ("2026-11", dt.date(2026, 11, 20))):  # every report on time: only the deadline makes it late
        report_progress(task.id, month, {"done_text": "按月推进"}, unit="office", actor=BUREAU, on=on)
    after = dt.date(2026, 12, 4)
    late = task_counts(dt.date(2026, 11, 1), dt.date(2026, 11, 30), ["office"], on=after)["office"]["tasks_late"]
    behind = [i for b in records_behind("tasks_late", "office", parse_period("2026-11"), today=after) for i in b.ids()]
    assert len(behind) == late
    mine = TaskAssignment.get((TaskAssignment.task == task.id) & (TaskAssignment.unit_code == "office"))
    assert mine.id in behind  # deadline 30 November, the period's last day
