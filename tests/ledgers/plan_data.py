"""A bureau's third quarter of 2026 with the work plan, built through the domain functions only.

    third_quarter(BUREAU)    # → dict of what was made (plan, task, list items, …)

The bureau starts the 2026 plan from the 2022 template on 1 July and adds a 走访 task (target 95 %,
measured by 走访完成率) for the service centre and the office. The office reports July and August on
time and September late (the 28th); the centre reports July only. 任务1 (组织领导) is confirmed done on
20 September. Two stations hold persons (registered at the bureau): 嘎鲁图镇 visits both of its key
persons in Q3, 乌审召镇 one of two. The lists: a 主要问题 from the centre's July report with its 整改 item,
and a 学习借鉴 item from a 对标对象. The office writes its 季总结; the 专题会议 decides one more list
item. The scoring scheme of 2026 is started, the manual points entered, and Q3 confirmed on 10 October.
Stations' own 月调度 would come in bundles (tests/sync/test_plan_bundles.py); none has arrived here.
"""
from __future__ import annotations

import datetime as dt

from models.plan import PlanArea, PlanBenchmark
from models.plan_lists import add_list_item, improvement_for
from models.plan_meetings import decision_to_list_item, record_meeting, write_quarter_summary
from models.plan_progress import report_progress
from models.plan_tasks import add_task, confirm_done, tasks_of
from models.plan_template import start_plan_from_template
from models.registry import save_person
from models.scoring import confirm_quarter, enter_manual_score, start_scheme
from models.visits import record_visit
from tests.models.people import person_values

D = dt.date
GALUTU, WUSHENZHAO = "150626100", "150626101"
MANUAL = ("grassroots", "aid", "employment", "politics")
CONFIRMED_ON = D(2026, 10, 10)


def third_quarter(actor, *, confirm: bool = True) -> dict:
    plan = start_plan_from_template(2026, actor=actor, on=D(2026, 7, 1))
    area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "基础业务工作"))
    task = add_task(area.id, {"title": "走访慰问完成率达到95%", "target_value": 95, "target_unit": "%",
                              "indicator": "visit_rate", "leaders": [{"post": "副局长", "name": "乌云图"}]},
                    units=["centre", "office"], actor=actor, on=D(2026, 7, 1))
    office = {"2026-07": ("走访慰问38人", 92, D(2026, 7, 20)), "2026-08": ("走访慰问41人", 96, D(2026, 8, 24)),
              "2026-09": ("走访慰问45人，建立走访台账", 97.5, D(2026, 9, 28))}
    for month, (text, value, on) in office.items():
        report_progress(task.id, month, {"done_text": text, "value": value, "problems": "牧区路远，个别人员联系不上",
                                         "next_steps": "电话预约后集中走访"}, unit="office", actor=actor, on=on)
    entry = report_progress(task.id, "2026-07", {"done_text": "走访慰问20人", "value": 80, "problems": "走访台账不全",
                                                 "next_steps": "补齐台账"}, unit="centre", actor=actor,
                            on=D(2026, 7, 22))
    first = tasks_of(plan.id)[0]
    confirm_done(first.id, actor=actor, on=D(2026, 9, 20), note="领导小组已成立")
    problem = add_list_item(plan.id, "problem", {"title": "走访台账不全，走访记录与花名册对不上", "measures": "逐村核对花名册",
                                                 "person": "王帅", "unit_code": "centre", "deadline": D(2026, 9, 15),
                                                 "task_ids": [task.id]}, source=("progress", entry.id), actor=actor)
    fix = improvement_for(problem.id, {"title": "补齐走访台账并每月核对", "measures": "每月25日前核对一次"}, actor=actor)
    benchmark = PlanBenchmark.get((PlanBenchmark.plan == plan.id) & (PlanBenchmark.role == "learn"))
    learning = add_list_item(plan.id, "learning", {"title": "学习“一站式”服务大厅的做法", "measures": "组织服务站负责人赴当地学习",
                                                   "person": "李伟春", "unit_code": "office",
                                                   "deadline": D(2026, 12, 31)},
                             source=("benchmark", benchmark.id), actor=actor)
    write_quarter_summary("2026Q3", {"results": "领导小组成立，走访完成率逐月提高", "highlights": "电话预约后集中走访",
                                     "problems": "牧区走访路远", "next_plans": "第四季度实现走访全覆盖"},
                          unit="office", actor=actor, on=D(2026, 9, 30))
    meeting = record_meeting(plan.id, {"held_on": D(2026, 9, 29), "title": "第三季度对标工作专题会议",
                                       "chaired_by": "党新峰", "attendees": "领导小组成员", "quarter": "2026Q3"},
                             decisions=["各服务站建立走访台账月核对制度"], actor=actor)
    decided = decision_to_list_item(meeting.decisions[0].id, "improvement", {"unit_code": "office"}, actor=actor)
    people = {}
    for n, station in enumerate((GALUTU, GALUTU, WUSHENZHAO, WUSHENZHAO), 1):
        people[n], _ = save_person(None, person_values(n, filed_on=D(2024, 1, 1), contact_tier="key"),
                                   station_code=station, actor=actor)
    for n in (1, 2, 3):
        record_visit({"person": people[n].id, "visited_on": D(2026, 8, 9), "staff": ["李明"],
                      "visit_type": "festival"}, actor=actor, today=D(2026, 8, 9))
    start_scheme(2026, actor=actor)
    for station in (GALUTU, WUSHENZHAO):
        for item in MANUAL:
            enter_manual_score("2026Q3", station, item, 80 if station == GALUTU else 70, reason="现场检查", actor=actor)
    if confirm:
        confirm_quarter("2026Q3", actor=actor, today=CONFIRMED_ON)
    return {"plan": plan, "task": task, "problem": problem, "fix": fix, "learning": learning, "decided": decided,
            "people": people, "entry": entry}
