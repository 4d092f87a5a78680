"""What every subcommand needs: the opened home, the acting user, and errors as one sentence.

    home = open_home(args)            # refuses a missing database instead of creating one
    actor = acting_user(args)         # CLI_ACTOR, or the --user account after its password

With --user, opening the home logs in first, by the same rules as the log-in dialog (wrong passwords
counted, lock-out, audited; models.accounts.authenticate), once per command.
"""
from __future__ import annotations

import getpass
import os
import sys

import peewee

from desktop.logs import record_crash, setup_logging
from desktop.paths import resolve_home
from models.accounts import authenticate
from models.db import close_database, open_database
from models.errors import DomainError, NotInitialized, WrongPassword
from models.home import Home
from models.write import CLI_ACTOR, Actor

PASSWORD_ENV = "VETSTATION_PASSWORD"
_opened: Home | None = None


def home_of(args) -> Home:
    return Home(resolve_home(args.home))


def open_home(args, *, create: bool = False) -> Home:
    """Open (and migrate) the home's database; without `create` an absent database is an error."""
    global _opened
    home = home_of(args)
    if not create and not home.exists():
        raise NotInitialized(
            f"数据目录 {home.root} 中还没有数据库。请先运行 vetstation --home \"{home.root}\" init "
            "--station 代码 --name 名称（或 demo 生成演示数据）。", path=str(home.root))
    open_database(home)
    _opened = home
    setup_logging(home.root)
    if getattr(args, "user", None):
        acting_user(args)  # every command given --user logs in first
    return home


def acting_user(args) -> Actor:
    """The system actor `cli`, or the account named by --user once its password checks out."""
    if not args.user:
        return CLI_ACTOR
    known = getattr(args, "_logged_in", None)
    if known is not None:
        return known
    password = os.environ.get(PASSWORD_ENV)
    if password is None:
        if not sys.stdin or not sys.stdin.isatty():
            raise WrongPassword(f"请在环境变量 {PASSWORD_ENV} 中提供 {args.user} 的密码，或在终端中运行以输入密码。")
        password = getpass.getpass(f"{args.user} 的密码：")
    args._logged_in = authenticate(args.user, password, via="cli")
    return args._logged_in


def prompt_secret(env: str, prompt: str) -> str | None:
    value = os.environ.get(env)
    if value is None and sys.stdin and sys.stdin.isatty():
        value = getpass.getpass(prompt)
    return value


def close() -> None:
    global _opened
    close_database()
    _opened = None


def describe_failure(exc: BaseException, args) -> str:
    """One line for the person at the keyboard; the traceback of a real bug goes to the log."""
    if isinstance(exc, DomainError):
        return exc.message
    root = _opened.root if _opened else None
    if isinstance(exc, (peewee.OperationalError, peewee.InterfaceError)):
        text = str(exc).lower()
        if "server closed" in text or "connection" in text or "terminat" in text:
            return "与数据库服务器的连接中断了：本次操作整个没有生效，未写入任何内容。请检查网络后重试。"
        if "locked" in text or "busy" in text:
            return "数据库正被另一个程序使用（可能图形界面正在写入），请稍后再试。未作任何改动。"
        if "readonly" in text or "read-only" in text:
            return f"数据库只读，无法写入：{home_of(args).database}。请检查文件权限。未作任何改动。"
        if "disk" in text and "full" in text:
            return "磁盘已满，无法写入。未作任何改动，请清理磁盘后再试。"
    if isinstance(exc, PermissionError):
        return f"没有权限读写文件：{exc.filename or exc}。请检查文件夹权限。"
    try:
        home_root = root or (home_of(args).root if home_of(args).root.is_dir() else None)
    except Exception:  # noqa: BLE001 — still report the original error
        home_root = None
    path = record_crash(home_root, f"vetstation {getattr(args, 'command', '')} failed")
    return f"内部错误：{type(exc).__name__}: {exc}。详情见日志 {path}"
