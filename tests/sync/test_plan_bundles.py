"""The work plan through real bundles: the bureau starts the year's plan from the template and gives a task to two
stations; after a bundle each station sees its tasks; each reports two months (one misses a month); back at the
bureau the progress, the 滞后 and the missing report are visible, with the same figures the stations compute."""
from __future__ import annotations

import datetime as dt

import pytest

from models.bureau_settings import get_setting, set_setting
from models.errors import PermissionDenied
from models.plan import PlanArea, PlanTask, ProgressEntry, TaskAssignment
from models.plan_edit import get_plan
from models.plan_progress import ProgressRefused, report_progress
from models.plan_status import missing_reports, task_counts, task_statuses
from models.plan_tasks import add_task, confirm_done, tasks_of
from models.plan_template import start_plan_from_template
from models.registry import save_person
from models.workbench import workbench
from tests.models.people import person_values
from tests.sync.helpers import send

SEPT, OCT_DUE, AFTER_OCT = dt.date(2026, 9, 1), dt.date(2026, 10, 20), dt.date(2026, 10, 26)
QUARTER = (dt.date(2026, 7, 1), dt.date(2026, 9, 30))


@pytest.fixture
def planned(network, tmp_path):
    """The bureau's 2026 plan (made on 1 September) with a 走访 task for stations A and B, sent to both."""
    bureau, a, b = network
    with bureau:
        plan = start_plan_from_template(2026, actor=bureau.actor, on=SEPT)
        area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "基础业务工作"))
        task = add_task(area.id, {"title": "走访完成率达到95%", "target_value": 95, "target_unit": "%",
                                  "indicator": "visit_rate"}, units=[a.code, b.code], actor=bureau.actor, on=SEPT)
        set_setting("progress_due_day", 20, actor=bureau.actor)
    send(bureau, a, tmp_path / "usb")
    send(bureau, b, tmp_path / "usb")
    return bureau, a, b, plan.id, task.id


def test_each_station_sees_its_tasks_and_only_its_own_assignments(planned):
    bureau, a, b, plan_id, task_id = planned
    with a:
        mine = tasks_of(plan_id, unit_code=a.code)
        assert task_id in {t.id for t in mine}
        assert len(mine) == 8  # seven template areas name 各苏木镇服务站, plus the 走访 task
        assert len(tasks_of(plan_id)) == 9  # the whole plan is shared reference data
        assert {x.unit_code for x in TaskAssignment.select()} == {a.code}  # not B's, not the 股室'
        assert get_setting("progress_due_day") == 20  # the bureau's setting travelled
        with pytest.raises(PermissionDenied, match="服务站不能修改"):
            add_task(PlanTask.get_by_id(task_id).area_id, {"title": "x"}, units=[a.code], actor=a.actor)
        first = PlanTask.get((PlanTask.number == 1))  # 组织领导: 局党组 and 办公室 only
        with pytest.raises(ProgressRefused, match="没有分配给嘎鲁图镇退役军人服务站"):
            report_progress(first.id, "2026-09", {"done_text": "x"}, actor=a.actor, on=dt.date(2026, 9, 10))
        assert ProgressEntry.select().count() == 0


def test_reports_travel_to_the_bureau_which_sees_progress_the_late_station_and_the_missing_report(planned, tmp_path):
    bureau, a, b, plan_id, task_id = planned
    with a:  # A reports September and October on time
        report_progress(task_id, "2026-09", {"done_text": "走访38人", "value": 92}, actor=a.actor,
                        on=dt.date(2026, 9, 18))
        report_progress(task_id, "2026-10", {"done_text": "走访41人", "value": 96, "problems": "牧区路远",
                                             "next_steps": "电话联系补足"}, actor=a.actor, on=OCT_DUE)
        at_a = task_counts(*QUARTER, [a.code], on=AFTER_OCT)
    with b:  # B reports September, misses October
        report_progress(task_id, "2026-09", {"done_text": "走访20人", "value": 80}, actor=b.actor,
                        on=dt.date(2026, 9, 19))
        at_b = task_counts(*QUARTER, [b.code], on=AFTER_OCT)
        b_bench = [i for i in workbench(AFTER_OCT, station_code=b.code) if i.kind == "progress"]
        assert [i.detail for i in b_bench if i.detail.startswith("2026-10")] == ["2026-10:8"]
    send(a, bureau, tmp_path / "usb")
    send(b, bureau, tmp_path / "usb")
    with bureau:
        entries = {(e.unit_code, e.month): e for e in ProgressEntry.select()}
        assert set(entries) == {(a.code, "2026-09"), (a.code, "2026-10"), (b.code, "2026-09")}
        assert (entries[(a.code, "2026-10")].value, entries[(a.code, "2026-10")].problems) == (96, "牧区路远")
        assert task_statuses(plan_id, on=AFTER_OCT, unit_code=a.code)[task_id] == "in_progress"
        assert task_statuses(plan_id, on=AFTER_OCT, unit_code=b.code)[task_id] == "late"
        assert task_statuses(plan_id, on=AFTER_OCT)[task_id] == "late"
        missing = [(r["unit_code"], r["task_id"]) for r in missing_reports("2026-10", on=AFTER_OCT)]
        assert (b.code, task_id) in missing and (a.code, task_id) not in missing
        bench = {(i.record_id, i.detail) for i in workbench(AFTER_OCT) if i.kind == "progress"}
        assert (b.code, "2026-10:8") in bench
        # the figures the bureau computes for a station are those the station computed on what it sent
        assert task_counts(*QUARTER, [a.code, b.code], on=AFTER_OCT) == {**at_a, **at_b}
        assert at_a[a.code]["progress_on_time"] == 1 and at_b[b.code]["progress_on_time"] == 1
        confirm_done(task_id, unit=a.code, actor=bureau.actor, on=dt.date(2026, 10, 30))
    send(bureau, a, tmp_path / "usb")
    with a:  # the bureau's confirmation reaches the station
        assert task_statuses(get_plan(2026).id, on=dt.date(2026, 11, 1), unit_code=a.code)[task_id] == "done"


def test_a_computed_indicator_task_reported_without_a_value_gets_the_stations_own_figure(planned, tmp_path):
    bureau, a, b, plan_id, task_id = planned
    with bureau:
        area = PlanArea.get((PlanArea.plan == plan_id) & (PlanArea.name == "基础业务工作"))
        counted = add_task(area.id, {"title": "在册人员建档", "target_value": 3, "target_unit": "人",
                                     "indicator": "persons"}, units=[a.code], actor=bureau.actor, on=SEPT)
    send(bureau, a, tmp_path / "usb")
    with a:
        for n in (1, 2):
            save_person(None, person_values(n), actor=a.actor)
        month = dt.date.today().strftime("%Y-%m")  # the persons are registered today
        entry = report_progress(counted.id, month, {"done_text": "建档两人"}, actor=a.actor)
        assert entry.value == 2  # filled in from the station's own data
        typed = report_progress(counted.id, month, {"done_text": "建档两人", "value": 3}, actor=a.actor)
        assert typed.value == 3  # a value typed in is kept
