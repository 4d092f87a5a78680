"""`users …` and `audit`: accounts and the audit trail from the command line.

    vetstation --home D users list [--json]
    vetstation --home D users add liming --name 李明 --role station_head [--password P]
    vetstation --home D users disable|enable|unlock liming
    vetstation --home D users reset-password liming
    vetstation --home D audit [--user U] [--action A] [--since 2026-11-01] [--json]

Without --user the command acts as the system account `cli` (whoever holds the PC's account and data
folder), which may manage accounts: that is how a station that began from an enrollment file gets
its first head. A new password comes from --password, else $VETSTATION_NEW_PASSWORD, else a prompt.
The rules are models.staff's, the same as the settings page; every change is audited.
"""
from __future__ import annotations

import datetime as dt
import json

from desktop.commands.session import acting_user, open_home, prompt_secret
from models.errors import ValidationError

NEW_PASSWORD_ENV = "VETSTATION_NEW_PASSWORD"


def add_users_parsers(sub) -> None:
    from models.accounts import ROLES
    from models.audit import ACTIONS

    roles = "、".join(f"{code}（{label}）" for code, label in ROLES.items())
    users = sub.add_parser("users", help="管理账号：列出、添加、停用、启用、解锁、重设密码").add_subparsers(
        dest="users_command", metavar="操作", required=True, parser_class=sub._parser_class)
    p = users.add_parser("list", help="列出全部账号")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = users.add_parser("add", help="添加账号")
    p.add_argument("login", metavar="LOGIN", help="登录名（字母、数字）")
    p.add_argument("--name", required=True, metavar="姓名", help="姓名")
    p.add_argument("--role", required=True, metavar="ROLE", help=f"角色：{roles}")
    p.add_argument("--password", metavar="P",
                   help=f"初始密码（也可用环境变量 {NEW_PASSWORD_ENV}，否则提示输入）")
    for name, text in (("disable", "停用账号（不能再登录，记录保留）"), ("enable", "重新启用账号"),
                       ("unlock", "解除因输错密码造成的锁定")):
        p = users.add_parser(name, help=text)
        p.add_argument("login", metavar="LOGIN", help="登录名")
    p = users.add_parser("reset-password", help="重设账号的密码")
    p.add_argument("login", metavar="LOGIN", help="登录名")
    p.add_argument("--password", metavar="P", help=f"新密码（也可用环境变量 {NEW_PASSWORD_ENV}，否则提示输入）")

    p = sub.add_parser("audit", help="查看审计记录：登录、导出、打印、数据包、备份、账号变更等")
    p.add_argument("--user", dest="audit_user", metavar="U", help="只看此登录名的记录")
    p.add_argument("--action", metavar="A", help="只看此动作：" + "、".join(f"{c}（{lab}）" for c, lab in ACTIONS.items()))
    p.add_argument("--since", metavar="DATE", help="从此日期起（如 2026-11-01）")
    p.add_argument("--limit", type=int, default=200, metavar="N", help="最多列出多少条（默认 200，--json 全部）")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表（键：at, user, action, target, detail）")


def _new_password(args) -> str:
    password = args.password if args.password is not None else prompt_secret(NEW_PASSWORD_ENV, "新密码：")
    if not password:
        raise ValidationError({"password": f"请用 --password、环境变量 {NEW_PASSWORD_ENV} 或在终端中输入密码"})
    return password


def run_users(args) -> int:
    from models import staff
    from models.accounts import ROLES
    from models.fields import local_display, utc_now

    open_home(args)
    actor = acting_user(args)
    command = args.users_command
    if command == "list":
        from models.permissions import require

        require(actor, "manage_users", target="users list")
        rows = [{"login": u.username, "name": u.display_name, "role": u.role, "active": bool(u.active),
                 "locked_until": u.locked_until, "created_at": u.created_at, "created_by": u.created_by}
                for u in staff.users()]
        if args.json:
            print(json.dumps(rows, ensure_ascii=False, indent=1))
            return 0
        if not rows:
            print("还没有账号。用 vetstation users add 登录名 --name 姓名 --role 角色 添加。")
        now = utc_now()
        for r in rows:
            state = "在用" if r["active"] else "已停用"
            if r["locked_until"] and r["locked_until"] > now:
                state += f"，锁定至 {local_display(r['locked_until'])}"
            print(f"{r['login']}\t{r['name']}\t{ROLES.get(r['role'], r['role'])}\t{state}")
        return 0
    if command == "add":
        user = staff.add_user(args.login, args.name, _new_password(args), args.role, actor=actor)
        print(f"已添加账号 {user.username}（{user.display_name}，{ROLES[user.role]}）。")
    elif command in ("disable", "enable"):
        staff.set_active(args.login, command == "enable", actor=actor)
        print(f"已{'启用' if command == 'enable' else '停用'}账号 {args.login}。")
    elif command == "unlock":
        staff.unlock(args.login, actor=actor)
        print(f"已解除账号 {args.login} 的锁定。")
    elif command == "reset-password":
        staff.reset_password(args.login, _new_password(args), actor=actor)
        print(f"已重设账号 {args.login} 的密码。")
    return 0


def _date(text: str | None) -> dt.date | None:
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError({"since": f"日期应写成 2026-11-01 的样式：{text}"}) from None


def run_audit(args) -> int:
    from models.audit import AuditFilter, as_json, describe, entries
    from models.permissions import require

    open_home(args)
    actor = acting_user(args)
    require(actor, "see_audit", target="audit")
    wanted = AuditFilter(user=args.audit_user, action=args.action, since=_date(args.since))
    if args.json:
        print(json.dumps([as_json(e) for e in entries(wanted)], ensure_ascii=False, indent=1))
        return 0
    found = entries(wanted, limit=max(args.limit, 1))
    if not found:
        print("没有符合条件的审计记录。")
    for entry in found:
        print(describe(entry))
    return 0
