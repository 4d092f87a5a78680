"""The work plan for the demo station (used by `vetstation demo`): the plan arrives the way a station really
receives it — from a bureau, in a bundle — and the station's 月调度 are written through the domain.

    counts = plan_for_demo_station(home, today=date.today(), actor=CLI_ACTOR)   # the station's home is open

A throwaway demo bureau (乌审旗退役军人事务局（演示）) is made in a temporary folder: it starts this year's plan
from the template (on 1 January), adds two tasks measured by computed indicators for the station, enrols
the station and sends it one bundle; the folder is then deleted (the demo station keeps the enrolment, so
its 数据交换 page shows a bureau — a demo one whose keys are gone). At the station every month whose due
day has passed gets its report on each of the station's tasks, on or a few days before the due day, with
the indicator value computed from the demo's own casework — except one task in the latest month, left
unreported so the 滞后 status and the workbench's reminder have something to show. Deterministic by seed.
"""
from __future__ import annotations

import datetime as dt
import random
import tempfile
from pathlib import Path

from models.db import close_database, open_database
from models.home import Home
from models.indicators import INDICATORS, indicator_value
from models.installation import Installation, init_bureau
from models.periods import Period
from models.plan import PlanArea
from models.plan_progress import report_progress
from models.plan_status import due_date, months_between
from models.plan_tasks import add_task, tasks_of
from models.plan_template import start_plan_from_template
from models.write import Actor
from sync.bureau_keys import create_bureau_keys
from sync.enrollment import adopt_enrollment, issue_enrollment
from sync.export import export_bundle
from sync.importer import import_bundle

DEMO_BUREAU = "乌审旗退役军人事务局（演示）"
BUREAU_ACTOR = Actor("demo-bureau", "演示事务局", "bureau_admin")
DEMO_TASKS = [  # (area, 事项, target, unit, indicator)
    ("基础业务工作", "重点对象走访完成率达到95%", 95, "%", "visit_rate"),
    ("合法权益维护", "矛盾纠纷化解在当地率达到90%", 90, "%", "resolved_locally_rate"),
]
DONE_TEXTS = ["按月调度要求推进，完成本月走访和台账更新", "召开站务会部署本月任务，逐项落实", "对照清单补齐台账，按时报送",
              "入户走访重点对象，登记诉求并跟进办理", "配合事务局开展专项排查，问题已建立清单"]
PROBLEMS = [None, None, "牧区居住分散，走访路途远", "部分对象外出务工，联系不上", None]
NEXT_STEPS = [None, "电话联系补足走访", "下月集中走访偏远嘎查", None, "加强与嘎查村联络员沟通"]


def plan_for_demo_station(home: Home, *, today: dt.date, actor: Actor, seed: int = 1) -> dict:
    inst = Installation.get_current()
    code, name = inst.station_code, inst.name
    with tempfile.TemporaryDirectory(prefix="vetstation-demo-bureau-") as tmp:
        bureau = Home(Path(tmp) / "bureau")
        close_database()
        open_database(bureau)
        try:
            init_bureau(DEMO_BUREAU, actor=BUREAU_ACTOR)
            create_bureau_keys(bureau, Path(tmp) / "escrow.txt")
            payload = issue_enrollment(bureau, code, name)
            plan = start_plan_from_template(today.year, actor=BUREAU_ACTOR, on=dt.date(today.year, 1, 1))
            areas = {a.name: a for a in PlanArea.select().where(PlanArea.plan == plan.id)}
            for area, title, target, unit, indicator in DEMO_TASKS:
                add_task(areas[area].id, {"title": title, "target_value": target, "target_unit": unit,
                                          "indicator": indicator}, units=[code], actor=BUREAU_ACTOR,
                         on=dt.date(today.year, 1, 1))
        finally:
            close_database()
        open_database(home)
        adopt_enrollment(home, payload, actor=actor)
        close_database()
        open_database(bureau)
        try:
            bundle = export_bundle(bureau, Path(tmp) / "to-station.vsb", for_station=code).path
        finally:
            close_database()
        open_database(home)
        import_bundle(home, bundle, actor=actor)
    return {"tasks": len(tasks_of(plan.id, unit_code=code)), "progress_entry": _report(plan.id, code, today, actor, seed)}


def _report(plan_id: str, code: str, today: dt.date, actor: Actor, seed: int) -> int:
    rng = random.Random(seed)
    tasks = tasks_of(plan_id, unit_code=code)
    months = [m for m in months_between(dt.date(today.year, 1, 1), today) if due_date(m) < today]
    written = 0
    for month in months:
        year, number = (int(n) for n in month.split("-"))
        period = Period.month(year, number)
        for n, task in enumerate(tasks):
            if month == months[-1] and n == len(tasks) - 1:
                continue  # the one report the station still owes
            value = None
            if task.indicator in INDICATORS:
                value = indicator_value(task.indicator, code, period, today=today)
                value = None if value is None else round(value * 100, 1)
            on = due_date(month) - dt.timedelta(days=rng.randint(0, 6))
            report_progress(task.id, month, {"done_text": rng.choice(DONE_TEXTS), "value": value,
                                             "problems": rng.choice(PROBLEMS), "next_steps": rng.choice(NEXT_STEPS)},
                            actor=actor, on=max(on, period.start))
            written += 1
    return written

