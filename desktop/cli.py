"""The `vetstation` command line: global options, the headless subcommands, and how errors look.

    vetstation --home D init --station 150626100 --name 嘎鲁图镇退役军人服务站
    vetstation --home D demo --people 2000
    vetstation --home D people list --query wjg --json
    vetstation --home D check

Subcommands never import PySide6 (an import-linter contract and tests check it). A domain error
prints its sentence as one line on stderr and exits 1; a usage mistake exits 2; anything
unexpected prints one line naming the log file that holds the traceback. With no subcommand,
desktop.__main__ opens the GUI instead.
"""
from __future__ import annotations

import argparse
import os
import sys
from typing import Sequence

USAGE_ERROR = 2
FAILED = 1


class ChineseHelpFormatter(argparse.HelpFormatter):
    def add_usage(self, usage, actions, groups, prefix=None):
        super().add_usage(usage, actions, groups, prefix if prefix is not None else "用法：")


class ChineseArgumentParser(argparse.ArgumentParser):
    """argparse with Chinese headings, and a Chinese lead-in for usage mistakes (exit 2)."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("formatter_class", ChineseHelpFormatter)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        self._positionals.title = "参数"
        self._optionals.title = "选项"
        self.add_argument("-h", "--help", action="help", help="显示帮助并退出")

    def error(self, message: str):
        self.print_usage(sys.stderr)
        self.exit(USAGE_ERROR, f"用法错误：{message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = ChineseArgumentParser(
        prog="vetstation", description="退役军人服务站 信息管理（不带子命令时打开图形界面）")
    parser.add_argument("--home", metavar="DIR", help="数据目录（默认：环境变量 VETSTATION_HOME 或本用户的数据文件夹）")
    parser.add_argument("--user", metavar="NAME",
                        help="以此账号操作（密码取自环境变量 VETSTATION_PASSWORD，否则提示输入）；默认为系统账号 cli")
    parser.add_argument("--quit-after", metavar="MS", type=int, default=None, help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="子命令", parser_class=ChineseArgumentParser)

    from desktop.commands import cases, database, indicators, ledgers, plan, review, sync, transfers, users

    p = parser.init_parser = sub.add_parser("init", help="初始化数据目录为服务站或事务局（或用事务局的登记文件）")
    kind = p.add_mutually_exclusive_group()
    kind.add_argument("--station", metavar="CODE", help="服务站代码（统计用区划代码，如 150626100）")
    kind.add_argument("--bureau", action="store_true", help="初始化为旗退役军人事务局")
    kind.add_argument("--enrollment", metavar="FILE", help="事务局生成的登记文件（.vse）：按其内容初始化服务站")
    p.add_argument("--passphrase", metavar="P",
                   help="登记文件的口令（也可用环境变量 VETSTATION_ENROLLMENT_PASSPHRASE，否则提示输入）")
    p.add_argument("--name", help="服务站或事务局名称（--station/--bureau 时必填）")
    p.add_argument("--admin", metavar="USER", help="同时创建第一个管理员账号（登录名）")
    p.add_argument("--admin-name", metavar="姓名", help="管理员姓名")
    p.add_argument("--admin-password", metavar="P",
                   help="管理员密码（也可用环境变量 VETSTATION_ADMIN_PASSWORD，否则提示输入）")
    database.add_database_arguments(p)

    p = sub.add_parser("demo", help="写入演示数据（乌审旗，虚构人员）")
    p.add_argument("--people", type=_positive, default=1000, metavar="N", help="人数（默认 1000）")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="随机种子，相同种子生成相同数据（默认 1）")
    work = p.add_mutually_exclusive_group()
    work.add_argument("--casework", type=_positive, metavar="N",
                      help="为其中多少人生成近18个月的业务记录（服务、走访、优待证、帮扶、矛盾纠纷、就业）"
                           "（默认人数的十分之一，最多 2000）")
    work.add_argument("--no-casework", action="store_true", help="只写入人员，不生成业务记录")

    people = sub.add_parser("people", help="查询服务对象").add_subparsers(
        dest="people_command", metavar="操作", required=True, parser_class=ChineseArgumentParser)
    p = people.add_parser("list", help="列出或搜索服务对象（与图形界面相同的搜索规则）")
    p.add_argument("--query", "-q", default="", metavar="Q", help="姓名、拼音、拼音首字母、身份证号或电话的一部分")
    p.add_argument("--identity", metavar="CODE", help="人员类别（代码或中文，如 retired_soldier 或 退役士兵）")
    p.add_argument("--village", metavar="NAME", help="所属嘎查村名称")
    p.add_argument("--status", metavar="S", help="人员状态（active/moved/deceased/removed 或 在册/迁出/去世/注销）")
    p.add_argument("--tag", metavar="TAG", help="人员标签")
    p.add_argument("--key-focus", action="store_true", help="只列重点关注人员")
    p.add_argument("--incomplete", action="store_true", help="只列待补充人员（缺人员类别或嘎查村）")
    p.add_argument("--limit", type=_positive, metavar="N", help="最多列出多少人（默认：表格50人，--json 全部）")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p.add_argument("--full-id", action="store_true", help="显示完整身份证号码和电话（默认打码；记入审计记录）")
    p.add_argument("--reason", metavar="TEXT", help="查看完整号码的理由（记入审计记录）")
    p = people.add_parser("show", help="显示一个人的全部信息")
    p.add_argument("key", metavar="ID_OR_NUMBER", help="档案编号或身份证号码")
    p.add_argument("--json", action="store_true", help="输出 JSON 对象")
    p.add_argument("--full-id", action="store_true", help="显示完整身份证号码和电话（默认打码；记入审计记录）")
    p.add_argument("--reason", metavar="TEXT", help="查看完整号码的理由（记入审计记录）")
    ledgers.add_people_arguments(people)
    cases.add_cases_parser(sub)
    ledgers.add_ledger_parser(sub)
    sync.add_sync_parsers(sub)
    transfers.add_transfer_parser(sub)
    review.add_review_parsers(sub)
    indicators.add_indicator_parsers(sub)
    plan.add_plan_parser(sub)

    users.add_users_parsers(sub)
    database.add_database_parsers(sub)
    sub.add_parser("check", help="检查数据库和附件是否完好（退出码 0 正常，1 有问题）")
    p = sub.add_parser("backup", help="立即备份（加密：数据库、附件、设置和密钥）")
    p.add_argument("--out", metavar="FILE", help="备份写到这个文件（默认写入数据目录的 backups 文件夹）")
    p = sub.add_parser("restore", help="从备份文件恢复（恢复前自动备份当前数据）；也可恢复到空的数据目录（换用的新电脑）")
    p.add_argument("file", metavar="FILE", help="备份文件路径")
    p.add_argument("--yes", action="store_true", help="不再询问，直接恢复")
    p.add_argument("--identity", metavar="KEYFILE", help="打开备份用的密钥文件（例如局里离线保管的托管密钥）")
    return parser


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}") from None
    if value < 1:
        raise argparse.ArgumentTypeError(f"应为正整数：{text}")
    return value


def parse(argv: Sequence[str] | None) -> tuple[argparse.Namespace | None, int]:
    """(arguments, 0), or (None, exit code) after argparse printed help or a usage error."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
        if args.command == "init" and not args.enrollment:
            init_parser = parser.init_parser
            if not (args.station or args.bureau):
                init_parser.error("请指定 --station CODE、--bureau 或 --enrollment FILE 之一")
            if not args.name:
                init_parser.error("请用 --name 填写服务站或事务局名称")
            if args.database and not args.bureau:
                init_parser.error("--database（PostgreSQL）只用于事务局：请同时指定 --bureau")
        return args, 0
    except SystemExit as stop:
        return None, stop.code if isinstance(stop.code, int) else USAGE_ERROR


def run(args: argparse.Namespace) -> int:
    """Run one headless subcommand; every failure becomes one line on stderr and an exit code."""
    from desktop.commands import session

    _tolerant_output()
    try:
        return _dispatch(args)
    except BrokenPipeError:  # `… | head` stopped reading: not an error worth a sentence
        # Python flushes stdout again at exit; point the descriptor at devnull so that stays quiet
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return FAILED
    except KeyboardInterrupt:
        print("已中断，未完成的操作已撤销。", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 — the one place that turns errors into sentences
        print(session.describe_failure(exc, args), file=sys.stderr)
        return FAILED
    finally:
        session.close()


def _dispatch(args: argparse.Namespace) -> int:
    from desktop.commands import sync

    handled = sync.dispatch(args)  # bureau-keys, enroll, bundle, sync, init --enrollment
    if handled is not None:
        return handled
    if getattr(args, "ledgers_run", None):  # people import/export/template, ledger
        from desktop.commands.ledgers import needs_home
        from desktop.commands.session import acting_user, open_home

        home = open_home(args) if needs_home(args) else None
        return args.ledgers_run(args, home, acting_user(args) if home else None)
    if args.command == "cases":
        from desktop.commands import cases
        return cases.run(args)
    if args.command == "plan":
        from desktop.commands import plan
        return plan.run(args)
    if args.command == "transfer":
        from desktop.commands import transfers
        return transfers.run(args)
    if args.command in ("duplicates", "conflicts"):
        from desktop.commands import review
        return review.run(args)
    if args.command in ("indicators", "score"):
        from desktop.commands import indicators
        return indicators.run(args)
    if args.command == "init":
        from desktop.commands.setup import init
        return init(args)
    if args.command in ("connect", "move-to-postgres", "copy-to-sqlite"):
        from desktop.commands import database
        return database.run(args)
    if args.command == "demo":
        from desktop.commands.setup import demo
        return demo(args)
    if args.command in ("users", "audit"):
        from desktop.commands import users
        return users.run_users(args) if args.command == "users" else users.run_audit(args)
    if args.command == "people":
        from desktop.commands import people
        return people.show(args) if args.people_command == "show" else people.list_people(args)
    from desktop.commands import maintenance
    return {"check": maintenance.check, "backup": maintenance.backup, "restore": maintenance.restore}[
        args.command](args)


def _tolerant_output() -> None:
    """A console that cannot show a character gets '?' instead of a crash."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):
            pass
