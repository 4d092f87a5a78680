"""`cases list` and `cases show`: casework records (services, visits, cards, aid, disputes,
employment) from the command line, with the same filters as the GUI lists.

    vetstation --home D cases list --kind aid --status 已公示 --json
    vetstation --home D cases list --kind dispute --from 2026-01-01 --limit 20
    vetstation --home D cases show 150626100-2026-0001 --json

Wiring (desktop/cli.py): `add_cases_parser(sub)` in build_parser, and in _dispatch
`if args.command == "cases": from desktop.commands import cases; return cases.run(args)`.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import sys

from models.base import to_json_value
from models.cases_query import (
    KIND_LABELS,
    ORDERS,
    CaseQuery,
    case_detail,
    categories,
    count_cases,
    list_cases,
    statuses,
)
from models.errors import NotFound, ValidationError
from models.registry import find_person
from models.workflow import yuan

TABLE_LIMIT = 50
PAGE = 1000
COLUMNS = [("date", "日期"), ("person_name", "服务对象"), ("category_label", "类别"), ("status_label", "状态"),
           ("summary", "摘要"), ("id", "编号")]


def add_cases_parser(subparsers) -> None:
    parent = subparsers.add_parser("cases", help="查询服务记录、走访、优待证、帮扶、矛盾纠纷、就业创业")
    cases = parent.add_subparsers(dest="cases_command", metavar="操作", required=True, parser_class=type(parent))
    p = cases.add_parser("list", help="列出一类案件或记录")
    p.add_argument("--kind", required=True, choices=list(KIND_LABELS),
                   help="类别：" + "、".join(f"{k}（{v}）" for k, v in KIND_LABELS.items()))
    p.add_argument("--status", metavar="S", help="状态（代码或中文，如 publicized 或 已公示）")
    p.add_argument("--category", metavar="C", help="服务类别、走访类型、困难类型、纠纷类型或优待证类型（代码或中文）")
    p.add_argument("--person", metavar="ID_OR_NUMBER", help="只列此人的记录（档案编号或身份证号码）")
    p.add_argument("--from", dest="date_from", metavar="YYYY-MM-DD", type=_date, help="起始日期")
    p.add_argument("--to", dest="date_to", metavar="YYYY-MM-DD", type=_date, help="截止日期")
    p.add_argument("--order", default="date", metavar="KEY",
                   help="排序：date（默认）、person、status、category 等，各类可用的见 models/cases_query.py 的 ORDERS")
    p.add_argument("--ascending", action="store_true", help="从小到大（默认从新到旧、从大到小）")
    p.add_argument("--limit", type=int, metavar="N", help="最多列出多少条（默认：表格50条，--json 全部）")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = cases.add_parser("show", help="显示一条记录及其办理过程")
    p.add_argument("id", metavar="ID", help="记录编号（矛盾纠纷也可用案件编号）")
    p.add_argument("--json", action="store_true", help="输出 JSON 对象")


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"日期格式应为 YYYY-MM-DD：{text}") from None


def run(args) -> int:
    from desktop.commands.session import acting_user, open_home

    home = open_home(args)
    actor = acting_user(args)
    command = cmd_cases_show if args.cases_command == "show" else cmd_cases_list
    return command(args, home, actor)


def _code(choices: dict[str, str], text: str | None, what: str) -> str | None:
    if not text:
        return None
    for code, label in choices.items():
        if text.strip() in (code, label):
            return code
    known = "、".join(f"{c}（{lab}）" for c, lab in choices.items()) or "无"
    raise NotFound(f"没有这个{what}：{text}。可选：{known}")


def cmd_cases_list(args, home, actor) -> int:
    kind = args.kind
    if args.status and not statuses(kind):
        raise ValidationError({"status": f"{KIND_LABELS[kind]}没有办理状态，请去掉 --status。"})
    query = CaseQuery(kind=kind, status=_code(statuses(kind), args.status, "状态"),
                      category=_code(categories(kind), getattr(args, "category", None), "类别"),
                      person_id=find_person(args.person).id if getattr(args, "person", None) else None,
                      date_from=getattr(args, "date_from", None), date_to=getattr(args, "date_to", None))
    order = getattr(args, "order", "date") or "date"
    if order not in ORDERS[kind]:
        raise ValidationError({"order": f"{KIND_LABELS[kind]}不能按「{order}」排序，可用：{'、'.join(ORDERS[kind])}"})
    total = count_cases(query)
    limit = min(args.limit or (total if args.json else TABLE_LIMIT), total)
    rows = _rows(query, limit, order=order, descending=not getattr(args, "ascending", False))
    if args.json:
        sys.stdout.write("[")
        for n, row in enumerate(rows):
            sys.stdout.write(("\n" if n == 0 else ",\n") + json.dumps(_plain(row), ensure_ascii=False))
        sys.stdout.write("\n]\n" if limit else "]\n")
        return 0
    rows = list(rows)
    if not rows:
        print(f"没有符合条件的{KIND_LABELS[kind]}。")
        return 0
    from desktop.commands.people import format_table

    table = [[_cell(key, row) for key, _ in COLUMNS] for row in rows]
    print(format_table([label for _, label in COLUMNS], table))
    more = f"，显示前 {len(rows)} 条（用 --limit 显示更多）" if len(rows) < total else ""
    print(f"共 {total} 条{more}。")
    return 0


def _rows(query: CaseQuery, limit: int, *, order: str = "date", descending: bool = True):
    done = 0
    while done < limit:
        page = list_cases(query, offset=done, limit=min(PAGE, limit - done), order=order, descending=descending)
        if not page:
            return
        yield from page
        done += len(page)


def _plain(row: dict) -> dict:
    return {k: to_json_value(v) for k, v in row.items()}


def _cell(key: str, row: dict) -> str:
    value = row.get(key)
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    text = str(value).replace("\n", " ")
    return text if len(text) <= 24 else text[:23] + "…"


def cmd_cases_show(args, home, actor) -> int:
    detail = case_detail(args.id)
    if args.json:
        print(json.dumps(detail, ensure_ascii=False, indent=1))
        return 0
    lines = [f"{detail['kind_label']}（编号 {detail['id']}）"]
    for label, key in (("服务对象", "person_name"), ("日期", "date"), ("类别", "category_label"),
                       ("状态", "status_label"), ("案件编号", "number"), ("内容", "summary")):
        if detail.get(key):
            lines.append(f"  {label}：{detail[key]}")
    for label, key in (("申请金额", "requested_fen"), ("核定金额", "approved_fen"), ("已发放", "paid_fen"),
                       ("慰问金", "money_fen")):
        if detail.get(key) is not None:
            lines.append(f"  {label}：{yuan(detail[key])}")
    if detail.get("parties"):
        lines.append("  当事人：" + "、".join(p["name"] for p in detail["parties"]))
    if "events" in detail:
        lines += ["", "【办理过程】"]
        for e in detail["events"]:
            money = f" {yuan(e['amount_fen'])}" if e.get("amount_fen") else ""
            lines.append(f"  {e['on']}  {e['step_label']}{money}  {e['note'] or ''}  {e['by'] or ''}".rstrip())
        if not detail["events"]:
            lines.append("  无")
        steps = "、".join(s["label"] for s in detail.get("legal_steps", [])) or "无（已办结）"
        lines += ["", f"可办理的下一步：{steps}"]
    if detail.get("checklist"):
        lines += ["", "【申请材料】"]
        for item in detail["checklist"]:
            mark = "✓" if item["present"] else ("✗ 必需" if item["required"] else "—")
            lines.append(f"  {item['label']}：{mark}")
    print("\n".join(lines))
    return 0
