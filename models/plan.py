"""The tables of the bureau's yearly 对标 work plan (对标先进"跑起来、提效能、争一流", DOMAIN.md §7).

    plan = Plan.get(Plan.year == 2027)
    plan.benchmarks, plan.areas                     # 对标对象, the eight areas
    PlanTask.select().join(PlanArea).where(PlanArea.plan == plan)
    TaskAssignment.live().where(TaskAssignment.unit_code == "150626100")
    ProgressEntry.live().where(ProgressEntry.month == "2026-11")     # 月调度

Who holds what (models/synced.py): the plan, its 对标对象, areas, tasks, meetings and their decisions
are shared bureau-owned reference data every installation holds. A task assignment, a progress entry,
a quarterly summary and a three-list item carry `station_code` when their unit is a station, so they
travel to and from that station only; those of the bureau's 股室 (station_code NULL) stay at the bureau.

Unit codes (责任单位): a station is its statistical code ("150626100"); a bureau 股室 is the code of
an item of the option list `plan_unit` (ASCII letters: "office" 办公室, "centre" 旗退役军人服务中心 …).
ALL_STATIONS ("all_stations", 各苏木镇退役军人服务站) is not a unit: assigning a task to it assigns
every station. Statuses are derived (models/plan_status.py), never stored. The domain functions are in
plan_template, plan_tasks, plan_progress, plan_meetings, plan_lists and plan_status (docs/plan.md).
"""
from __future__ import annotations

import peewee

from models.base import SyncedModel, label_fields
from models.fields import JSONField

ALL_STATIONS = "all_stations"
ALL_STATIONS_LABEL = "各苏木镇退役军人服务站"
BENCHMARK_ROLES = {"learn": "学习", "surpass": "赶超"}
LIST_KINDS = {"problem": "主要问题清单", "learning": "学习借鉴清单", "improvement": "整改提升清单"}
LIST_STATES = {"open": "未开始", "in_progress": "推进中", "done": "已完成"}
SOURCE_KINDS = {"benchmark": "对标对象", "progress": "月调度", "meeting": "专题会议"}


class Plan(SyncedModel):
    """One year's plan: title, 领导小组 by post, its office, 主任 and 联络员."""

    bureau_owned = True
    year = peewee.IntegerField(index=True)
    title = peewee.TextField()
    # 领导小组: [{"post": "组长", "title": "局党组书记、局长", "name": ""}, …] in order
    leading_group = JSONField(default=list)
    office = peewee.TextField(null=True)        # 领导小组办公室设在…
    office_head = peewee.TextField(null=True)   # 办公室主任 (name)
    liaison = peewee.TextField(null=True)       # 联络员 (name)
    note = peewee.TextField(null=True)


class PlanBenchmark(SyncedModel):
    """A 对标对象: whom the plan learns from (学习) or means to overtake (赶超), and what for."""

    bureau_owned = True
    plan = peewee.ForeignKeyField(Plan, backref="benchmarks", on_delete="RESTRICT")
    position = peewee.IntegerField(default=0)
    role = peewee.TextField()          # BENCHMARK_ROLES
    name = peewee.TextField()
    studied_for = peewee.TextField()   # what it is studied for, in the program's own words


class PlanArea(SyncedModel):
    """One of the plan's areas (组织领导 … 困难帮扶援助)."""

    bureau_owned = True
    plan = peewee.ForeignKeyField(Plan, backref="areas", on_delete="RESTRICT")
    position = peewee.IntegerField(default=0)
    name = peewee.TextField()
    content = peewee.TextField()                 # 学习内容
    leaders = JSONField(default=list)            # 牵头领导: [{"post": "副局长", "name": ""}]
    unit_codes = JSONField(default=list)         # 责任单位 as the plan lists them (ALL_STATIONS allowed)
    deadline = peewee.DateField()                # 完成时限


class PlanMeeting(SyncedModel):
    """A 专题会议 (usually the quarter's): date, 主持, attendees; decisions are MeetingDecision rows."""

    bureau_owned = True
    plan = peewee.ForeignKeyField(Plan, backref="meetings", on_delete="RESTRICT")
    held_on = peewee.DateField()
    quarter = peewee.TextField(null=True)   # "2026Q4"
    title = peewee.TextField()
    chaired_by = peewee.TextField(null=True)
    attendees = peewee.TextField(null=True)


class MeetingDecision(SyncedModel):
    """One decision of a 专题会议; it can become a task (PlanTask.decision) or a three-list item."""

    bureau_owned = True
    meeting = peewee.ForeignKeyField(PlanMeeting, backref="decisions", on_delete="RESTRICT")
    position = peewee.IntegerField(default=0)
    text = peewee.TextField()


class PlanTask(SyncedModel):
    """A 工作任务 of an area: 事项, 量化指标 (target + unit, optionally the computed indicator that
    measures it), 牵头领导, 完成时限. `number` is its short number within the plan (1, 2, …)."""

    bureau_owned = True
    area = peewee.ForeignKeyField(PlanArea, backref="tasks", on_delete="RESTRICT")
    number = peewee.IntegerField()
    title = peewee.TextField()                       # 事项
    target_value = peewee.FloatField(null=True)      # 量化指标: 95
    target_unit = peewee.TextField(null=True)        # "%"
    indicator = peewee.TextField(null=True)          # e.g. "visit_rate" (models/indicators.py)
    leaders = JSONField(default=list)                # 牵头领导: [{"post": "副局长", "name": "…"}]
    deadline = peewee.DateField()                    # 完成时限
    decision = peewee.ForeignKeyField(MeetingDecision, null=True, on_delete="RESTRICT")  # 来源: a decision
    note = peewee.TextField(null=True)

    class Meta:
        indexes = ((("area", "number"), False),)


class TaskAssignment(SyncedModel):
    """A task given to one 责任单位. Completion is confirmed by the bureau (done_on, done_by)."""

    bureau_owned = True
    task = peewee.ForeignKeyField(PlanTask, backref="assignments", on_delete="RESTRICT")
    unit_code = peewee.TextField()
    station_code = peewee.TextField(null=True)   # = unit_code for a station; NULL for a 股室
    assigned_on = peewee.DateField()             # reports are due from this date on
    done_on = peewee.DateField(null=True)        # 已完成, confirmed by the bureau
    done_by = peewee.TextField(null=True)
    done_note = peewee.TextField(null=True)

    class Meta:
        indexes = ((("task", "unit_code"), False), (("station_code", "unit_code"), False))


class ProgressEntry(SyncedModel):
    """月调度: one unit's report on one assigned task for one month."""

    assignment = peewee.ForeignKeyField(TaskAssignment, backref="progress", on_delete="RESTRICT")
    unit_code = peewee.TextField()
    station_code = peewee.TextField(null=True)
    month = peewee.TextField()                   # "2026-11"
    done_text = peewee.TextField()               # 完成情况
    value = peewee.FloatField(null=True)         # 指标完成值
    problems = peewee.TextField(null=True)       # 存在问题
    next_steps = peewee.TextField(null=True)     # 下步措施
    reported_on = peewee.DateField()             # the first report's date: on time when ≤ the due day
    reported_by = peewee.TextField()

    class Meta:
        indexes = ((("assignment", "month"), False), (("station_code", "month"), False))


class QuarterSummary(SyncedModel):
    """季总结 of one unit for one quarter."""

    plan = peewee.ForeignKeyField(Plan, backref="summaries", on_delete="RESTRICT")
    unit_code = peewee.TextField()
    station_code = peewee.TextField(null=True)
    quarter = peewee.TextField()                 # "2026Q4"
    results = peewee.TextField(null=True)        # 成效
    highlights = peewee.TextField(null=True)     # 亮点做法
    problems = peewee.TextField(null=True)       # 存在问题
    next_plans = peewee.TextField(null=True)     # 下季打算
    written_on = peewee.DateField()
    written_by = peewee.TextField()

    class Meta:
        indexes = ((("unit_code", "quarter"), False),)


class ListItem(SyncedModel):
    """An item of one of the three lists. Its 来源 is (source_kind, source_id): a PlanBenchmark, a
    ProgressEntry or a MeetingDecision (ids as text, so a bureau item about a station's report does not
    travel to that station). An 整改提升 item names the 主要问题 item it addresses (`problem`)."""

    plan = peewee.ForeignKeyField(Plan, backref="list_items", on_delete="RESTRICT")
    kind = peewee.TextField()                    # LIST_KINDS
    number = peewee.IntegerField()
    title = peewee.TextField()                   # 事项
    source_kind = peewee.TextField(null=True)    # SOURCE_KINDS
    source_id = peewee.TextField(null=True)
    measures = peewee.TextField(null=True)       # 措施
    person = peewee.TextField(null=True)         # 责任人
    unit_code = peewee.TextField(null=True)      # 责任单位
    station_code = peewee.TextField(null=True)
    deadline = peewee.DateField(null=True)       # 时限
    list_state = peewee.TextField(default="open")  # LIST_STATES (滞后 is derived); not "state": SyncedModel.state()
    task_ids = JSONField(default=list)           # the tasks it concerns
    problem = peewee.ForeignKeyField("self", null=True, backref="improvements", on_delete="RESTRICT")

    class Meta:
        indexes = ((("plan", "kind", "number"), False),)


TABLES = [Plan, PlanBenchmark, PlanArea, PlanMeeting, MeetingDecision, PlanTask, TaskAssignment, ProgressEntry,
          QuarterSummary, ListItem]


label_fields(Plan, {"title": "方案名称", "leading_group": "领导小组", "office": "领导小组办公室", "office_head": "办公室主任",
                    "liaison": "联络员", "note": "备注"})
label_fields(PlanArea, {"name": "领域名称", "content": "学习内容", "leaders": "牵头领导", "unit_codes": "责任单位",
                        "deadline": "完成时限", "position": "顺序"})
label_fields(PlanTask, {"area": "工作领域", "title": "任务事项", "target_value": "量化指标", "target_unit": "指标单位",
                        "indicator": "计算方式", "leaders": "牵头领导", "deadline": "完成时限", "note": "备注"})
label_fields(ListItem, {"title": "事项", "measures": "措施", "person": "责任人", "unit_code": "责任单位", "deadline": "时限",
                        "list_state": "状态"})
