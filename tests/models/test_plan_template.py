"""Stories of the bureau starting a year's plan from the built-in template of the 2022 方案, or copying last year's."""
from __future__ import annotations

import datetime as dt

import pytest

from models.errors import PermissionDenied, ValidationError
from models.installation import Station
from models.plan import Plan, PlanArea, PlanBenchmark, PlanTask, ProgressEntry, TaskAssignment
from models.plan_edit import edit_area, edit_plan, get_plan
from models.plan_progress import report_progress
from models.plan_tasks import add_task, confirm_done, tasks_of
from models.plan_template import PlanExists, copy_plan, start_plan_from_template
from tests.models.plan_support import BUREAU, GALUTU, bureau  # noqa: F401

AREAS = ["组织领导", "基层基础建设", "工作运行保障", "基础业务工作", "思想政治引领", "就业创业扶持", "合法权益维护",
         "困难帮扶援助"]


def test_the_template_gives_the_three_benchmarks_the_eight_areas_and_the_leading_group_by_post(bureau):
    plan = start_plan_from_template(2027, actor=BUREAU, on=dt.date(2026, 12, 1))
    benchmarks = [(b.role, b.name) for b in PlanBenchmark.live().where(PlanBenchmark.plan == plan.id)
                  .order_by(PlanBenchmark.position)]
    assert benchmarks == [("learn", "浙江省诸暨市退役军人事务局"), ("learn", "上海市长宁区天山路街道退役军人服务站"),
                          ("surpass", "陕西省府谷县退役军人事务局")]
    assert all(b.studied_for for b in PlanBenchmark.live())
    areas = list(PlanArea.live().where(PlanArea.plan == plan.id).order_by(PlanArea.position))
    assert [a.name for a in areas] == AREAS
    assert {a.deadline for a in areas} == {dt.date(2027, 12, 31)}
    assert areas[0].leaders == [{"post": "局长", "name": ""}]
    assert areas[0].unit_codes == ["party_group", "office"]
    assert areas[2].leaders == [{"post": "常务副局长", "name": ""}, {"post": "副局长", "name": ""}]
    assert [m["post"] for m in plan.leading_group] == ["组长", "常务副组长", "副组长", "成员", "成员"]
    assert "各苏木镇退役军人服务站负责人" in [m["title"] for m in plan.leading_group]
    assert "局办公室" in plan.office


def test_each_area_starts_with_one_task_given_to_the_units_the_document_names(bureau):
    plan = start_plan_from_template(2027, actor=BUREAU, on=dt.date(2026, 12, 1))
    tasks = tasks_of(plan.id)
    assert [t.number for t in tasks] == list(range(1, 9))
    assert [t.title for t in tasks] == [a.content for a in PlanArea.live().order_by(PlanArea.position)]
    first = {a.unit_code for a in TaskAssignment.live().where(TaskAssignment.task == tasks[0].id)}
    assert first == {"party_group", "office"}
    # 各苏木镇退役军人服务站: every station has its own assignment, carrying its code so it travels to it
    stations = {s.id for s in Station.live()}
    second = {a.unit_code: a for a in TaskAssignment.live().where(TaskAssignment.task == tasks[1].id)}
    assert set(second) == {"office", "centre"} | stations
    assert all(second[code].station_code == code for code in stations)
    assert second["office"].station_code is None
    assert {a.assigned_on for a in TaskAssignment.live()} == {dt.date(2027, 1, 1)}


def test_a_year_has_one_plan(bureau):
    start_plan_from_template(2027, actor=BUREAU)
    with pytest.raises(PlanExists, match="2027年的工作方案已经建立"):
        start_plan_from_template(2027, actor=BUREAU)
    with pytest.raises(ValidationError, match="年份"):
        start_plan_from_template(1850, actor=BUREAU)
    assert Plan.select().count() == 1


def test_names_are_typed_by_the_bureau_and_every_part_is_editable(bureau):
    plan = start_plan_from_template(2027, actor=BUREAU)
    edit_plan(plan.id, {"office_head": "李伟春", "liaison": "王保珍"}, actor=BUREAU)
    area = PlanArea.get(PlanArea.name == "困难帮扶援助")
    edit_area(area.id, {"leaders": [{"post": "副局长", "name": "乌云图"}], "unit_codes": ["centre"]}, actor=BUREAU)
    plan, area = Plan.get_by_id(plan.id), PlanArea.get_by_id(area.id)
    assert (plan.office_head, plan.liaison) == ("李伟春", "王保珍")
    assert (area.leaders, area.unit_codes) == ([{"post": "副局长", "name": "乌云图"}], ["centre"])
    with pytest.raises(ValidationError, match="没有名为「宣传股」的责任单位"):
        edit_area(area.id, {"unit_codes": ["宣传股"]}, actor=BUREAU)


def test_copying_last_years_plan_keeps_tasks_and_units_but_not_progress_or_completion(bureau):
    old = start_plan_from_template(2026, actor=BUREAU, on=dt.date(2026, 3, 1))
    area = PlanArea.get((PlanArea.plan == old.id) & (PlanArea.name == "基础业务工作"))
    extra = add_task(area.id, {"title": "走访完成率达到95%", "target_value": 95, "target_unit": "%",
                               "indicator": "visit_rate"}, units=[GALUTU], actor=BUREAU, on=dt.date(2026, 3, 1))
    report_progress(tasks_of(old.id)[0].id, "2026-03", {"done_text": "召开领导小组会议"}, unit="office",
                    actor=BUREAU, on=dt.date(2026, 3, 20))
    confirm_done(extra.id, actor=BUREAU, on=dt.date(2026, 11, 30))
    new = copy_plan(2026, 2027, actor=BUREAU, on=dt.date(2026, 12, 1))
    copied = {t.number: t for t in tasks_of(new.id)}
    assert len(copied) == 9
    assert (copied[9].title, copied[9].target_value, copied[9].indicator, copied[9].deadline) == (
        "走访完成率达到95%", 95, "visit_rate", dt.date(2027, 12, 31))
    units = [(a.unit_code, a.done_on) for a in TaskAssignment.live().where(TaskAssignment.task == copied[9].id)]
    assert units == [(GALUTU, None)]
    assert get_plan(2027).id == new.id
    assert not ProgressEntry.select().join(TaskAssignment).join(PlanTask).where(
        PlanTask.id.in_([t.id for t in copied.values()])).exists()


def test_a_station_cannot_start_or_edit_the_plan(station, actor):
    with pytest.raises(PermissionDenied, match="由旗退役军人事务局制定"):
        start_plan_from_template(2027, actor=actor)
    assert Plan.select().count() == 0
