"""Refusals of the work plan: each says what is wrong in one Chinese sentence and writes nothing."""
from __future__ import annotations

import datetime as dt

import pytest

from models.changelog import Change
from models.errors import PermissionDenied, ValidationError
from models.plan import ListItem, PlanArea, PlanTask, ProgressEntry, QuarterSummary
from models.plan_edit import get_plan
from models.plan_lists import add_list_item, improvement_for
from models.plan_meetings import decision_to_list_item, decision_to_task, record_meeting, write_quarter_summary
from models.plan_progress import ProgressRefused, report_progress
from models.plan_tasks import AssignmentRefused, add_task, confirm_done, remove_task, unassign_task
from models.plan_template import start_plan_from_template
from tests.models.plan_support import BUREAU, GALUTU, bureau  # noqa: F401


@pytest.fixture
def plan(bureau):
    return start_plan_from_template(2026, actor=BUREAU, on=dt.date(2026, 3, 1))


def first_task(plan, name="组织领导"):
    area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == name))
    return area.tasks.order_by(PlanTask.number).first()


def nothing_written(before):
    return Change.select().count() == before


def test_a_unit_cannot_report_on_a_task_not_given_to_it(plan):
    task = first_task(plan)  # 组织领导: 局党组 and 办公室
    before = Change.select().count()
    with pytest.raises(ProgressRefused, match="没有分配给综合股，不能填报其月调度"):
        report_progress(task.id, "2026-03", {"done_text": "x"}, unit="general", actor=BUREAU, on=dt.date(2026, 3, 20))
    assert nothing_written(before)


@pytest.mark.parametrize("month, sentence", [("2026-13", "月份应写为 年-月"), ("十一月", "月份应写为 年-月"),
                                             ("2026-05", "不能填报未来月份"), ("2026-02", "才分配给办公室")])
def test_a_bad_month_is_refused(plan, month, sentence):
    task = first_task(plan)
    with pytest.raises(ValidationError, match=sentence):
        report_progress(task.id, month, {"done_text": "x"}, unit="office", actor=BUREAU, on=dt.date(2026, 4, 2))
    assert ProgressEntry.select().count() == 0


def test_an_empty_report_or_a_value_that_is_no_number_is_refused(plan):
    task = first_task(plan)
    with pytest.raises(ValidationError) as refused:
        report_progress(task.id, "2026-03", {"done_text": " ", "value": "九成"}, unit="office", actor=BUREAU,
                        on=dt.date(2026, 3, 20))
    assert set(refused.value.fields) == {"done_text", "value"}
    assert ProgressEntry.select().count() == 0


def test_the_bureau_does_not_report_for_a_station(plan):
    task = first_task(plan, "基层基础建设")
    with pytest.raises(PermissionDenied, match="由该服务站自己填报"):
        report_progress(task.id, "2026-03", {"done_text": "x"}, unit=GALUTU, actor=BUREAU, on=dt.date(2026, 3, 20))


def test_reporting_the_same_month_again_corrects_it_and_keeps_the_first_date(plan):
    task = first_task(plan)
    report_progress(task.id, "2026-03", {"done_text": "开会"}, unit="office", actor=BUREAU, on=dt.date(2026, 3, 20))
    report_progress(task.id, "2026-03", {"done_text": "开会两次"}, unit="office", actor=BUREAU, on=dt.date(2026, 3, 30))
    entry = ProgressEntry.get()
    assert (ProgressEntry.select().count(), entry.done_text, entry.reported_on) == (1, "开会两次", dt.date(2026, 3, 20))


def test_a_task_reported_on_cannot_be_taken_back_or_deleted(plan):
    task = first_task(plan)
    report_progress(task.id, "2026-03", {"done_text": "开会"}, unit="office", actor=BUREAU, on=dt.date(2026, 3, 20))
    with pytest.raises(AssignmentRefused, match="已填报过任务1的月调度，不能取消分配"):
        unassign_task(task.id, "office", actor=BUREAU)
    with pytest.raises(AssignmentRefused, match="已有月调度记录，不能删除"):
        remove_task(task.id, actor=BUREAU, reason="重复")
    with pytest.raises(AssignmentRefused, match="没有分配给综合股"):
        confirm_done(task.id, unit="general", actor=BUREAU)


def test_a_task_needs_a_title_a_unit_and_numbers_where_numbers_belong(plan):
    area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "合法权益维护"))
    with pytest.raises(ValidationError) as refused:
        add_task(area.id, {"title": "", "target_value": "很多", "indicator": "化解率"}, units=["office"], actor=BUREAU)
    assert set(refused.value.fields) == {"title", "target_value", "indicator"}
    with pytest.raises(ValidationError, match="请至少选择一个责任单位"):
        add_task(area.id, {"title": "排查"}, units=[], actor=BUREAU)
    with pytest.raises(ValidationError, match="没有名为「宣传股」的责任单位"):
        add_task(area.id, {"title": "排查"}, units=["宣传股"], actor=BUREAU)


def test_a_station_cannot_edit_the_plan_nor_report_for_another_unit(station, actor):
    with pytest.raises(PermissionDenied, match="服务站不能修改"):
        start_plan_from_template(2026, actor=actor)
    with pytest.raises(PermissionDenied, match="服务站只能填报本站的月调度，不能替乌审召镇退役军人服务站填报"):
        report_progress("any", "2026-03", {"done_text": "x"}, unit="150626101", actor=actor)
    with pytest.raises(PermissionDenied, match="服务站只能填报本站的月调度"):
        write_quarter_summary("2026Q1", {"results": "x"}, unit="office", actor=actor)


def test_a_meeting_decision_becomes_a_task_or_a_list_item_in_one_action(plan):
    meeting = record_meeting(plan.id, {"held_on": "2026-03-30", "title": "第一季度专题会议", "chaired_by": "党新峰",
                                       "quarter": "2026Q1"}, decisions=["补齐走访台账", "学习诸暨调解经验"], actor=BUREAU)
    first, second = sorted(meeting.decisions, key=lambda d: d.position)
    area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "基础业务工作"))
    task = decision_to_task(first.id, area.id, {}, units=["centre"], actor=BUREAU, on=dt.date(2026, 3, 30))
    assert (task.title, task.decision_id, task.number) == ("补齐走访台账", first.id, 9)
    item = decision_to_list_item(second.id, "learning", {"unit_code": "office"}, actor=BUREAU)
    assert (item.title, item.source_kind, item.source_id, item.number) == ("学习诸暨调解经验", "meeting", second.id, 1)
    with pytest.raises(ValidationError, match="会议日期"):
        record_meeting(plan.id, {"held_on": "三月", "title": "x"}, decisions=[], actor=BUREAU)


def test_a_main_problem_leads_to_its_improvement_item(plan):
    problem = add_list_item(plan.id, "problem", {"title": "服务站场所不规范", "unit_code": "office",
                                                 "deadline": "2026-06-30"}, actor=BUREAU)
    fix = improvement_for(problem.id, {"title": "按标准改造场所", "measures": "对照天山路街道服务站"}, actor=BUREAU)
    assert (fix.kind, fix.problem_id, fix.unit_code, fix.deadline) == ("improvement", problem.id, "office",
                                                                      dt.date(2026, 6, 30))
    with pytest.raises(ValidationError, match="只有整改提升事项可以对应一个主要问题"):
        add_list_item(plan.id, "learning", {"title": "x"}, problem_id=problem.id, actor=BUREAU)
    assert ListItem.select().count() == 2


def test_a_quarter_summary_is_written_once_per_unit_and_corrected_after(plan):
    write_quarter_summary("2026Q1", {"results": "完成场所改造"}, unit="office", actor=BUREAU, on=dt.date(2026, 4, 1))
    write_quarter_summary("2026Q1", {"results": "完成场所改造", "highlights": "四心工作法"}, unit="office",
                          actor=BUREAU, on=dt.date(2026, 4, 2))
    summary = QuarterSummary.get()
    assert (QuarterSummary.select().count(), summary.highlights, summary.plan_id) == (1, "四心工作法",
                                                                                     get_plan(2026).id)
    with pytest.raises(ValidationError, match="季度应写为"):
        write_quarter_summary("2026Q5", {"results": "x"}, unit="office", actor=BUREAU)
    with pytest.raises(ValidationError, match="至少要写一项"):
        write_quarter_summary("2026Q1", {}, unit="office", actor=BUREAU)


@pytest.mark.parametrize("quarter", ["2026-03", "2026"])
def test_a_month_or_a_year_is_no_quarter_for_a_summary(plan, quarter):
    with pytest.raises(ValidationError, match="季度应写为 年Q季"):
        write_quarter_summary(quarter, {"results": "x"}, unit="office", actor=BUREAU, on=dt.date(2026, 4, 1))
    assert QuarterSummary.select().count() == 0
