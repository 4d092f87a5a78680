"""`plan`: the bureau's 对标 work plan from the command line.

    vetstation --home D plan template --year 2027                 # from the built-in template (bureau)
    vetstation --home D plan template --year 2027 --copy-from 2026
    vetstation --home D plan tasks [--year 2027] [--json]           # at a station: the tasks given to it
    vetstation --home D plan progress 3 --month 2026-11 --done 完成走访120人 [--value 96.5]
                                      [--problems T] [--next T] [--unit office]    # --unit: a 股室, at the bureau
    vetstation --home D plan task add --area 7 --title 事项 [--target 95 --target-unit %] [--indicator visit_rate]
                                      [--unit all_stations --unit centre] [--deadline 2027-12-31] [--leader 副局长:乌云图]
    vetstation --home D plan confirm 3 [--unit 150626100]          # the bureau confirms 已完成
    vetstation --home D plan missing --month 2026-11 [--json]      # who has not reported
    vetstation --home D plan lists [--kind problem] [--json]
    vetstation --home D plan due-day [20]                           # show or set the 月调度 due day

TASK is a task's short number in the plan (of --year, default the current plan) or its id. The rules
and sentences are those of models/plan_*.py; a refusal prints one line and exits 1.

Wiring (desktop/cli.py): `add_plan_parser(sub)` in build_parser, and in _dispatch
`if args.command == "plan": from desktop.commands import plan; return plan.run(args)`.
"""
from __future__ import annotations

import json

from models.base import to_json_value
from models.bureau_settings import get_setting, set_setting
from models.errors import ValidationError
from models.installation import Installation
from models.plan import LIST_KINDS, LIST_STATES, PlanArea
from models.plan_edit import get_plan
from models.plan_lists import list_items
from models.plan_progress import report_progress
from models.plan_rows import task_rows
from models.plan_status import missing_reports
from models.plan_tasks import add_task, confirm_done, find_task, tasks_of
from models.plan_template import copy_plan, start_plan_from_template
from models.plan_units import unit_names


def add_plan_parser(subparsers) -> None:
    parent = subparsers.add_parser("plan", help="对标工作方案：任务清单、月调度、三个清单")
    plan = parent.add_subparsers(dest="plan_command", metavar="操作", required=True, parser_class=type(parent))
    p = plan.add_parser("template", help="事务局：从内置模板（2022年方案）建立一年的工作方案，或复制往年方案")
    p.add_argument("--year", type=int, required=True, metavar="Y", help="方案年份")
    p.add_argument("--copy-from", type=int, metavar="Y", help="复制此年份的方案（含任务和责任单位，不含进度）")
    p = plan.add_parser("tasks", help="列出工作任务及状态（服务站：分配给本站的任务）")
    p.add_argument("--year", type=int, metavar="Y", help="方案年份（默认本年或最近的方案）")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = plan.add_parser("progress", help="填报一项任务某月的月调度")
    p.add_argument("task", metavar="TASK", help="任务编号（plan tasks 中的序号）或任务ID")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    p.add_argument("--done", required=True, metavar="TEXT", help="完成情况")
    p.add_argument("--value", metavar="N", help="指标完成值（数字）")
    p.add_argument("--problems", metavar="TEXT", help="存在问题")
    p.add_argument("--next", dest="next_steps", metavar="TEXT", help="下步措施")
    p.add_argument("--unit", metavar="CODE", help="事务局填报时：股室代码或名称（服务站填报本站，不用写）")
    p.add_argument("--year", type=int, metavar="Y", help="任务所属方案年份（默认本年或最近的方案）")
    task = plan.add_parser("task", help="事务局：细化任务").add_subparsers(
        dest="task_command", metavar="操作", required=True, parser_class=type(parent))
    p = task.add_parser("add", help="在一个工作领域下新增任务")
    p.add_argument("--area", required=True, metavar="N", help="领域序号（1–8）或名称，如 7 或 合法权益维护")
    p.add_argument("--title", required=True, metavar="TEXT", help="任务事项")
    p.add_argument("--target", metavar="N", help="量化指标的目标值，如 95")
    p.add_argument("--target-unit", metavar="U", help="目标值的单位，如 % 或 人")
    p.add_argument("--indicator", metavar="CODE", help="衡量此任务的计算指标代码，如 visit_rate")
    p.add_argument("--unit", action="append", default=[], metavar="CODE",
                   help="责任单位（可多次）：股室代码或名称、服务站代码，all_stations 为各苏木镇退役军人服务站")
    p.add_argument("--deadline", metavar="YYYY-MM-DD", help="完成时限（默认该领域的时限）")
    p.add_argument("--leader", action="append", default=[], metavar="职务:姓名", help="牵头领导（可多次，默认该领域的）")
    p.add_argument("--year", type=int, metavar="Y", help="方案年份（默认本年或最近的方案）")
    p = plan.add_parser("confirm", help="事务局：确认任务已完成")
    p.add_argument("task", metavar="TASK", help="任务编号或任务ID")
    p.add_argument("--unit", metavar="CODE", help="只确认此责任单位的部分（默认全部责任单位）")
    p.add_argument("--year", type=int, metavar="Y", help="方案年份（默认本年或最近的方案）")
    p = plan.add_parser("missing", help="某月尚未报送月调度的单位和任务（截止日过后）")
    p.add_argument("--month", required=True, metavar="YYYY-MM", help="月份，如 2026-11")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = plan.add_parser("lists", help="列出三个清单（主要问题、学习借鉴、整改提升）")
    p.add_argument("--kind", choices=list(LIST_KINDS), help="只列一个清单：" + "、".join(
        f"{k}（{v}）" for k, v in LIST_KINDS.items()))
    p.add_argument("--year", type=int, metavar="Y", help="方案年份（默认本年或最近的方案）")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = plan.add_parser("due-day", help="查看或（事务局）设置月调度截止日")
    p.add_argument("day", nargs="?", type=int, metavar="DAY", help="每月几日（1–28）")


def run(args) -> int:
    from desktop.commands.session import acting_user, open_home

    open_home(args)
    command = args.plan_command
    if command == "tasks":
        return show_tasks(args)
    if command == "missing":
        return show_missing(args)
    if command == "lists":
        return show_lists(args)
    if command == "due-day" and args.day is None:
        print(f"月调度截止日：每月{get_setting('progress_due_day')}日")
        return 0
    actor = acting_user(args)
    if command == "template":
        if args.copy_from is not None:
            plan = copy_plan(args.copy_from, args.year, actor=actor)
            print(f"已复制{args.copy_from}年的工作方案为{plan.year}年方案，共{len(tasks_of(plan.id))}项任务。")
        else:
            plan = start_plan_from_template(args.year, actor=actor)
            print(f"已按模板建立{plan.year}年工作方案「{plan.title}」，共{len(tasks_of(plan.id))}项任务；"
                  "请补填牵头领导和领导小组成员的姓名。服务站在下次收到数据包后看到分配给本站的任务。")
        return 0
    if command == "progress":
        task = find_task(args.task, year=args.year)
        entry = report_progress(task.id, args.month, {"done_text": args.done, "value": args.value,
                                                      "problems": args.problems, "next_steps": args.next_steps},
                                unit=args.unit, actor=actor)
        names = unit_names()
        print(f"已记录{names.get(entry.unit_code, entry.unit_code)}任务{task.number}的{entry.month}月调度。")
        return 0
    if command == "task":
        plan = get_plan(args.year)
        area = _area(plan.id, args.area)
        values = {"title": args.title, "target_value": args.target, "target_unit": args.target_unit,
                  "indicator": args.indicator}
        if args.deadline:
            values["deadline"] = args.deadline
        if args.leader:
            values["leaders"] = args.leader
        task = add_task(area.id, values, units=args.unit, actor=actor)
        print(f"已在「{area.name}」下新增任务{task.number}：{task.title}")
        return 0
    if command == "confirm":
        task = find_task(args.task, year=args.year)
        confirm_done(task.id, unit=args.unit, actor=actor)
        print(f"已确认任务{task.number}「{task.title}」完成" + (f"（{unit_names().get(args.unit, args.unit)}）。"
                                                           if args.unit else "。"))
        return 0
    set_setting("progress_due_day", args.day, actor=actor)
    print(f"月调度截止日已设为每月{args.day}日，服务站在下次收到数据包后按此日期。")
    return 0


def _area(plan_id: str, key: str) -> PlanArea:
    areas = list(PlanArea.live().where(PlanArea.plan == plan_id).order_by(PlanArea.position))
    for number, area in enumerate(areas, 1):
        if key.strip() in (str(number), area.name, area.id):
            return area
    raise ValidationError({"area": f"没有序号或名称为「{key}」的工作领域（1–{len(areas)}）"})


TASK_KEYS = ("id", "number", "year", "area", "title", "target_value", "target_unit", "indicator", "leaders", "deadline",
             "status", "status_label", "units")
UNIT_KEYS = ("code", "name", "status", "status_label", "done_on")


def cli_task_rows(year: int | None = None, *, unit_code: str | None = None) -> list[dict]:
    """The plan's tasks as JSON-ready rows (models.plan_rows.task_rows, the keys the CLI has always printed)."""
    plan = get_plan(year)
    out = []
    for row in task_rows(plan, unit_code=unit_code):
        row = {**row, "year": plan.year, "units": [{k: to_json_value(u[k]) for k in UNIT_KEYS} for u in row["units"]]}
        out.append({k: to_json_value(row[k]) if k != "units" else row[k] for k in TASK_KEYS})
    return out


def show_tasks(args) -> int:
    inst = Installation.get_current()
    rows = cli_task_rows(args.year, unit_code=None if inst.is_bureau else inst.station_code)
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("方案中还没有分配给本单位的任务。")
        return 0
    for row in rows:
        target = f"  目标 {row['target_value']:g}{row['target_unit'] or ''}" if row["target_value"] is not None else ""
        units = "、".join(u["name"] for u in row["units"])
        print(f"{row['number']:>3}  [{row['status_label']}]  {row['area']}：{_short(row['title'])}{target}"
              f"  时限 {row['deadline']}  责任单位：{units}")
    return 0


def show_missing(args) -> int:
    rows = missing_reports(args.month)
    if args.json:
        print(json.dumps([{k: to_json_value(v) for k, v in r.items()} for r in rows], ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print(f"{args.month}的月调度没有未报的（或截止日未到）。")
        return 0
    by_unit: dict[str, list] = {}
    for row in rows:
        by_unit.setdefault(row["unit_name"], []).append(str(row["task_number"]))
    print(f"{args.month}月调度未报（截止 {rows[0]['due_on'].isoformat()}）：")
    for name, numbers in by_unit.items():
        print(f"  {name}：任务 {', '.join(numbers)}")
    return 0


def show_lists(args) -> int:
    plan = get_plan(args.year)
    inst = Installation.get_current()
    items = list_items(plan.id, kind=args.kind, unit_code=None if inst.is_bureau else inst.station_code)
    names = unit_names()
    rows = [{"id": i.id, "kind": i.kind, "kind_label": LIST_KINDS[i.kind], "number": i.number, "title": i.title,
             "source_kind": i.source_kind, "source_id": i.source_id, "measures": i.measures, "person": i.person,
             "unit_code": i.unit_code, "unit_name": names.get(i.unit_code, i.unit_code or ""),
             "deadline": to_json_value(i.deadline), "status": status,
             "status_label": {**LIST_STATES, "late": "滞后"}[status], "task_ids": i.task_ids, "problem_id": i.problem_id}
            for i, status in items]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=1))
        return 0
    if not rows:
        print("清单中还没有事项。")
        return 0
    for row in rows:
        print(f"{row['kind_label']} {row['number']:>3}  [{row['status_label']}]  {_short(row['title'])}"
              f"  {row['unit_name']}  {row['deadline'] or ''}".rstrip())
    return 0


def _short(text: str, size: int = 30) -> str:
    return text if len(text) <= size else text[:size] + "…"
