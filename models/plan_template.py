"""A year's plan from the built-in template (the 2022 方案, resources/defaults/plan-template.json),
or as a copy of an earlier year's plan.

    plan = start_plan_from_template(2027, actor=a)   # 对标对象, 领导小组 by post, eight areas, one task each
    plan = copy_plan(2026, 2027, actor=a)            # last year's plan with its tasks and units, no progress

The template's areas each give one starting task: the area's 学习内容 as the 事项, its 责任单位
(all_stations → every station), its 牵头领导 by post (names typed later by the bureau) and the
year's last day as 完成时限. Nothing of the template is written in code: change the JSON file.
Bureau only; everything is made in one transaction.
"""
from __future__ import annotations

import datetime as dt

from models.errors import DomainError
from models.plan import Plan, PlanArea, PlanBenchmark, PlanTask, TaskAssignment
from models.plan_edit import check_year, find_plan, get_plan, require_bureau
from models.plan_tasks import assign, create_task
from models.plan_units import expand_units
from models.resources import default_data
from models.write import Actor, writing

TEMPLATE = "plan-template"


class PlanExists(DomainError):
    code = "plan_exists"


def template() -> dict:
    return default_data(TEMPLATE)


def _refuse_existing(year: int) -> None:
    if find_plan(year) is not None:
        raise PlanExists(f"{year}年的工作方案已经建立，不能重复建立；请在已有方案中修改。", year=year)


def start_plan_from_template(year: int, *, actor: Actor, on: dt.date | None = None) -> Plan:
    require_bureau()
    check_year(year)
    _refuse_existing(year)
    spec = template()
    year_end = dt.date(year, 12, 31)
    on = on or dt.date.today()
    areas = [(raw, expand_units(raw["units"])) for raw in spec["areas"]]  # refuses a retired unit first
    with writing(actor) as w:
        plan = w.create(Plan, {"year": year, "title": spec["title"], "office": spec.get("office"),
                               "leading_group": [{"post": m["post"], "title": m.get("title", ""), "name": ""}
                                                 for m in spec["leading_group"]]})
        for position, raw in enumerate(spec["benchmarks"]):
            w.create(PlanBenchmark, {"plan": plan.id, "position": position, "role": raw["role"],
                                     "name": raw["name"], "studied_for": raw["studied_for"]})
        for position, (raw, codes) in enumerate(areas):
            leaders = [{"post": post, "name": ""} for post in raw["leaders"]]
            area = w.create(PlanArea, {"plan": plan.id, "position": position, "name": raw["name"],
                                       "content": raw["content"], "leaders": leaders,
                                       "unit_codes": list(raw["units"]), "deadline": year_end})
            task = create_task(w, area, {"title": raw["content"], "leaders": leaders, "deadline": year_end},
                               number=position + 1)
            assign(w, task, codes, on)
    return plan


def copy_plan(from_year: int, to_year: int, *, actor: Actor, on: dt.date | None = None) -> Plan:
    """A new plan for `to_year` with the earlier plan's text, 对标对象, areas, tasks and units (dates moved
    by the years between; names kept); progress, completion and meetings stay with the old year."""
    require_bureau()
    check_year(to_year)
    source = get_plan(from_year)
    _refuse_existing(to_year)
    shift = to_year - from_year
    on = on or dt.date.today()
    with writing(actor) as w:
        plan = w.create(Plan, {"year": to_year, "title": source.title, "leading_group": source.leading_group,
                               "office": source.office, "office_head": source.office_head,
                               "liaison": source.liaison, "note": source.note})
        for b in PlanBenchmark.live().where(PlanBenchmark.plan == source.id).order_by(PlanBenchmark.position):
            w.create(PlanBenchmark, {"plan": plan.id, "position": b.position, "role": b.role, "name": b.name,
                                     "studied_for": b.studied_for})
        for old_area in PlanArea.live().where(PlanArea.plan == source.id).order_by(PlanArea.position):
            area = w.create(PlanArea, {"plan": plan.id, "position": old_area.position, "name": old_area.name,
                                       "content": old_area.content, "leaders": old_area.leaders,
                                       "unit_codes": old_area.unit_codes,
                                       "deadline": _moved(old_area.deadline, shift)})
            for old in PlanTask.live().where(PlanTask.area == old_area.id).order_by(PlanTask.number):
                task = create_task(w, area, {"title": old.title, "target_value": old.target_value,
                                             "target_unit": old.target_unit, "indicator": old.indicator,
                                             "leaders": old.leaders, "deadline": _moved(old.deadline, shift),
                                             "note": old.note}, number=old.number)
                units = [a.unit_code for a in TaskAssignment.live().where(TaskAssignment.task == old.id)
                         .order_by(TaskAssignment.created_at)]
                assign(w, task, units, on)
    return plan


def _moved(day: dt.date, years: int) -> dt.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)
