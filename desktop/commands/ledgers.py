"""`people import|export|template` and `ledger …`: rosters and 台账 from the command line.

    vetstation --home D people import 花名册.xlsx --dry-run --json
    vetstation --home D people import 花名册.xlsx --add-villages      # 嘎查村 not on the list are added
    vetstation --home D people export 名单.xlsx --query wjg --identity 退役士兵 --reason 报送上级
    vetstation --home D people export 名单.xlsx --masked          # numbers masked: no reason needed
    vetstation --home D people template 模板.xlsx
    vetstation --home D ledger roster --period 2026Q4 --out 花名册.pdf [--full-id --reason 理由]
    vetstation --home D ledger list
    vetstation --home D ledger close month_pack --period 2026-11     # 关账: freeze the pack

Wiring (desktop/cli.py): add_people_arguments(people_subparsers) and add_ledger_parser(subparsers)
while building the parser; each parser sets `ledgers_run`, so dispatch is

    if getattr(args, "ledgers_run", None):
        home = open_home(args) if needs_home(args) else None
        return args.ledgers_run(args, home, acting_user(args) if home else None)

(returns the exit code). `ledger list` and `people template` need no home.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ledgers.catalog import LedgerOptions, printable_kinds, render_ledger
from ledgers.periods import HELP as PERIOD_HELP
from ledgers.periods import parse_period
from ledgers.progress import Progress, run
from models import vocab
from models.errors import NotFound
from models.fields import local_display
from models.installation import Village
from models.registry_search import PersonQuery


def add_people_arguments(people_subparsers) -> None:
    p = people_subparsers.add_parser("import", help="从 Excel 花名册导入人员（先预览，全部成功或全部不导入）")
    p.add_argument("file", metavar="FILE.xlsx", help="花名册文件（.xlsx）")
    p.add_argument("--dry-run", action="store_true", help="只预览：列出每一行将新建、更新或跳过（及原因），不写入")
    p.add_argument("--json", action="store_true", help="以 JSON 输出预览结果")
    p.add_argument("--station", metavar="CODE", help="事务局导入时：这些人员所属服务站的代码")
    p.add_argument("--map", action="append", default=[], metavar="列名=项目",
                   help="更正列的对应关系，如 --map 证件号=公民身份号码 或 --map 备注2=不导入（可重复）")
    villages = p.add_mutually_exclusive_group()
    villages.add_argument("--add-villages", action="store_true",
                          help="花名册中不在本站名单里的嘎查村，添加到本站嘎查村名单")
    villages.add_argument("--keep-village-text", action="store_true",
                          help="花名册中不在本站名单里的嘎查村，按文字保留在人员信息中（不加入名单）")
    p.set_defaults(ledgers_run=cmd_people_import)
    p = people_subparsers.add_parser("export", help="导出人员名单到 Excel（与列表相同的筛选）")
    p.add_argument("file", metavar="FILE.xlsx", help="导出到此文件")
    p.add_argument("--query", "-q", default="", metavar="Q", help="姓名、拼音、拼音首字母、身份证号或电话的一部分")
    p.add_argument("--identity", metavar="CODE", help="人员类别（代码或中文）")
    p.add_argument("--village", metavar="NAME", help="所属嘎查村名称")
    p.add_argument("--status", metavar="S", help="人员状态（代码或中文）")
    p.add_argument("--masked", action="store_true",
                   help="身份证号码和电话打码（默认完整，供报送和再导入；完整导出须用 --reason 说明理由）")
    p.add_argument("--reason", metavar="TEXT", help="导出完整号码的理由（记入审计记录）")
    p.set_defaults(ledgers_run=cmd_people_export)
    p = people_subparsers.add_parser("template", help="生成花名册导入模板（.xlsx）")
    p.add_argument("file", metavar="FILE.xlsx", help="模板保存到此文件")
    p.set_defaults(ledgers_run=cmd_people_template)


def add_ledger_parser(subparsers) -> None:
    kinds = "、".join(f"{k}（{title}）" for k, title in printable_kinds())
    p = subparsers.add_parser("ledger", help="打印台账为 PDF；ledger list 列出全部台账")
    p.add_argument("kind", metavar="KIND", help=f"台账种类：{kinds}；或 list；或 close（关账）")
    p.add_argument("pack", nargs="?", metavar="PACK", help="ledger close 时：要关账的材料（month_pack 或 quarter_pack）")
    p.add_argument("--period", metavar="P", help=PERIOD_HELP)
    p.add_argument("--out", metavar="FILE.pdf", help="保存到此 PDF 文件")
    p.add_argument("--full-id", action="store_true", help="打印完整身份证号码（仅允许的台账和角色，须用 --reason 说明理由）")
    p.add_argument("--reason", metavar="TEXT", help="打印完整号码的理由（记入审计记录）")
    p.add_argument("--with-remarks", action="store_true", help="花名册打印人员的内部备注（默认备注栏留空）")
    p.add_argument("--village", metavar="NAME", help="只打印此嘎查村")
    p.add_argument("--identity", metavar="CODE", help="只打印此人员类别（代码或中文）")
    p.set_defaults(ledgers_run=_ledger_dispatch)


def needs_home(args) -> bool:
    """False for the commands that work without a data home (ledger list, people template)."""
    return not (getattr(args, "kind", None) == "list" or args.ledgers_run is cmd_people_template)


def _ledger_dispatch(args, home, actor) -> int:
    if args.kind == "list":
        return cmd_ledger_list(args, home, actor)
    if args.kind == "close":
        return cmd_ledger_close(args, home, actor)
    if args.pack:
        raise NotFound(f"多余的参数「{args.pack}」。用法：ledger KIND --period P --out FILE.pdf")
    return cmd_ledger(args, home, actor)


def _run(job):
    """Drive a ledgers job, showing its progress on a terminal's stderr."""
    def show(step: Progress) -> None:
        if step.total:
            print(f"\r{step.text} {step.done}/{step.total}", end="", file=sys.stderr, flush=True)

    tty = sys.stderr.isatty()
    try:
        return run(job, show if tty else None)
    finally:
        if tty:
            print(file=sys.stderr)


def _code(vocabulary: str, text: str | None, what: str) -> str | None:
    if not text:
        return None
    code = vocab.code_for_label(vocabulary, text)
    if code is None:
        raise NotFound(f"没有这个{what}：{text}。可选：" + "、".join(lab for _, lab in vocab.choices(vocabulary)))
    return code


def _village_id(name: str | None) -> str | None:
    if not name:
        return None
    found = Village.live().where(Village.name == name.strip()).first()
    if found is None:
        raise NotFound(f"没有名为「{name}」的嘎查村。")
    return found.id


def _mapping_with_corrections(sheet, mapping: dict[int, str], corrections: list[str]) -> dict[int, str]:
    from ledgers.roster_cells import normalize_header
    from ledgers.roster_import import FIELDS, IGNORE

    by_label = {normalize_header(label): key for key, (label, _, _) in FIELDS.items()}
    by_label.update({normalize_header("不导入"): IGNORE, IGNORE: IGNORE})
    by_label.update({key: key for key in FIELDS})
    headers = [normalize_header(h) for h in sheet.headers]
    mapping = dict(mapping)
    for item in corrections:
        column, _, target = item.partition("=")
        key = by_label.get(normalize_header(target))
        if normalize_header(column) not in headers or key is None:
            raise NotFound(f"无法理解 --map {item}：左边应为表头中的列名，右边为导入项目"
                           f"（{'、'.join(v[0] for v in FIELDS.values())}，或 不导入）。")
        index = headers.index(normalize_header(column))
        mapping = {i: k for i, k in mapping.items() if k != key or key == IGNORE}
        mapping[index] = key
    return mapping


def cmd_people_import(args, home, actor) -> int:
    from ledgers.roster_import import ACTIONS, FIELDS, ImportPlan, apply_import, plan_import, propose_mapping, \
        read_roster, remember_mapping

    sheet = read_roster(Path(args.file), home)
    mapping = _mapping_with_corrections(sheet, propose_mapping(sheet, home), args.map)
    villages = "add" if args.add_villages else "text" if args.keep_village_text else "leave"
    plan = _run(plan_import(sheet, mapping, station_code=args.station, villages=villages))
    if args.json:
        print(json.dumps(plan.to_json(), ensure_ascii=False, indent=1))
    else:
        print(f"工作表「{sheet.sheet}」，表头在第 {sheet.header_row} 行。列的对应：")
        for index, key in sorted(mapping.items()):
            print(f"  {sheet.column_name(index)} → {FIELDS[key][0]}")
        for row in plan.rows:
            print(f"第 {row.row} 行 {ACTIONS[row.action]} {row.name} {ImportPlan.detail(row)}".rstrip())
        print(plan.summary())
        if plan.unknown_villages:
            print(plan.village_summary())
            if villages == "leave":
                print("  加 --add-villages 把它们添加到本站嘎查村名单，或加 --keep-village-text 按文字保留。")
    if args.dry_run:
        return 0
    result = _run(apply_import(plan, actor=actor, home=home))
    remember_mapping(home, sheet, mapping)
    added = f"新增嘎查村 {result.villages_added} 个，" if result.villages_added else ""
    print(f"已导入：新建 {result.created} 人，更新 {result.updated} 人，{added}导入前的数据已备份到 {result.backup}。"
          if result.backup else "没有需要导入的行。", file=sys.stderr if args.json else sys.stdout)
    return 0


def cmd_people_export(args, home, actor) -> int:
    from ledgers.xlsx_export import export_people

    full_id = not args.masked
    query = PersonQuery(text=args.query, identity=_code("identity", args.identity, "人员类别"),
                        village_id=_village_id(args.village), status=_code("person_status", args.status, "人员状态"))
    path = _run(export_people(Path(args.file), query, full_id=full_id, actor=actor, reason=args.reason))
    print(f"已导出到 {path}")
    return 0


def cmd_people_template(args, home, actor) -> int:
    from ledgers.roster_template import write_template

    print(f"导入模板已保存到 {write_template(Path(args.file))}")
    return 0


def cmd_ledger(args, home, actor) -> int:
    if not args.period or not args.out:
        raise NotFound("请用 --period 指定期间、--out 指定保存的 PDF 文件，例如：ledger roster --period 2026Q4 "
                       "--out 花名册.pdf")
    options = LedgerOptions(full_id=args.full_id, with_remarks=args.with_remarks, village_id=_village_id(args.village),
                            identity=_code("identity", args.identity, "人员类别"))
    period = parse_period(args.period)
    path = _run(render_ledger(args.kind, period, Path(args.out), options, actor=actor, reason=args.reason))
    from ledgers.period_close import closed_pack

    closed = closed_pack(args.kind, period)
    if closed is not None:
        print(f"{period.label}已关账（{closed.closed_by}，{local_display(closed.closed_at)}），输出的是封存的材料：{path}")
    else:
        print(f"已生成 {path}")
    return 0


def cmd_ledger_close(args, home, actor) -> int:
    from ledgers.period_close import close_period
    from ledgers.period_pack import PACKS

    if args.pack not in PACKS or not args.period:
        raise NotFound("用法：ledger close month_pack --period 2026-11 或 ledger close quarter_pack --period 2026Q4"
                       "（可加 --out FILE.pdf 同时保存封存的材料）。")
    period = parse_period(args.period)
    closed = _run(close_period(args.pack, period, actor=actor))
    print(f"{period.label}的{PACKS[args.pack].title}已关账：{closed.closed_by}，{local_display(closed.closed_at)}，"
          f"SHA-256 {closed.sha256}")
    if args.out:
        path = _run(render_ledger(args.pack, period, Path(args.out), LedgerOptions(), actor=actor))
        print(f"封存的材料已保存到 {path}")
    return 0


def cmd_ledger_list(args=None, home=None, actor=None) -> int:
    for kind, title in printable_kinds():
        print(f"{kind}\t{title}")
    return 0
