"""Staff accounts, roles and log-in. Passwords are kept only as scrypt hashes.

    create_user("liming", "李明", "secret123", "station_head", actor=CLI_ACTOR)
    actor = authenticate("liming", "secret123")   # -> Actor, or WrongPassword / AccountLocked

Log-in is the same for the GUI and for `--user` on the command line: after `lockout_attempts`
wrong passwords in a row (models.security_settings, default 5) the account is locked for
`lockout_minutes` (default 15); the sentence says until when (local time); an administrator can
unlock it (models.staff.unlock). Every log-in, failed log-in and lock-out is audited.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import os

import peewee

from models.base import LocalModel
from models.errors import DomainError, ValidationError, WrongPassword
from models.fields import local_display, utc_now, utc_stamp
from models.write import Actor

ROLES = {
    "station_staff": "服务站工作人员",
    "station_head": "服务站站长",
    "bureau_staff": "事务局工作人员",
    "bureau_admin": "事务局管理员",
}
ADMIN_ROLES = {"station_head", "bureau_admin"}
# Roles that see ID numbers in full on screen (printouts decide per ledger).
FULL_ID_ROLES = {"station_head", "bureau_staff", "bureau_admin"}

_SCRYPT = {"n": 2**14, "r": 8, "p": 1, "dklen": 32}
MIN_PASSWORD = 6


class User(LocalModel):
    username = peewee.TextField(primary_key=True)
    display_name = peewee.TextField()
    role = peewee.TextField()
    password_hash = peewee.TextField()
    active = peewee.BooleanField(default=True)
    created_at = peewee.TextField()
    created_by = peewee.TextField()
    failed_logins = peewee.IntegerField(default=0)     # wrong passwords in a row
    locked_until = peewee.TextField(null=True)         # UTC, like every stored time

    def actor(self) -> Actor:
        return Actor(self.username, self.display_name, self.role)


def hash_password(password: str, salt: bytes | None = None) -> str:
    salt = salt or os.urandom(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, **_SCRYPT)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def verify_password(password: str, stored: str) -> bool:
    try:
        _, salt_b64, digest_b64 = stored.split("$")
        salt = base64.b64decode(salt_b64)
    except ValueError:
        return False
    expected = hash_password(password, salt).split("$")[2]
    return hmac.compare_digest(expected, digest_b64)


def any_users() -> bool:
    return User.select().exists()


def create_user(username: str, display_name: str, password: str, role: str, *, actor: Actor) -> User:
    username = (username or "").strip()
    display_name = (display_name or "").strip()
    problems = {}
    if not username or not username.isascii() or " " in username:
        problems["username"] = "登录名请用字母、数字，不含空格"
    elif User.get_or_none(User.username == username):
        problems["username"] = f"登录名「{username}」已被使用"
    if not display_name:
        problems["display_name"] = "请填写姓名"
    if len(password or "") < MIN_PASSWORD:
        problems["password"] = f"密码至少{MIN_PASSWORD}位"
    if role not in ROLES:
        problems["role"] = "请选择角色"
    if problems:
        raise ValidationError(problems)
    return User.create(username=username, display_name=display_name, role=role,
                       password_hash=hash_password(password), created_at=utc_now(),
                       created_by=actor.username)


class AccountLocked(DomainError):
    code = "account_locked"


def _locked_sentence(user: "User") -> str:
    return (f"账号「{user.username}」因连续输错密码已被锁定，到 {local_display(user.locked_until)} 自动解锁；"
            "如需提前解锁，请找站长或管理员。")


def authenticate(username: str, password: str, *, via: str = "gui") -> Actor:
    """The actor behind a correct password; wrong ones are counted, and enough in a row lock the account."""
    from models.audit import record
    from models.security_settings import get_security

    name = (username or "").strip()[:64]
    now = dt.datetime.now(dt.timezone.utc)
    user = User.get_or_none(User.username == name)
    if user is None or not user.active:
        record("login_failed", actor=Actor(name or "?", name or "?", "unknown"), target=name,
               detail={"via": via, "reason": "unknown_account" if user is None else "disabled"})
        raise WrongPassword("用户名或密码不正确，请重新输入。")
    if user.locked_until and user.locked_until > utc_stamp(now):
        record("login_failed", actor=user.actor(), target=name, detail={"via": via, "reason": "locked"})
        raise AccountLocked(_locked_sentence(user), username=name, until=user.locked_until)
    if not verify_password(password or "", user.password_hash):
        failed = (user.failed_logins or 0) + 1
        limit = get_security("lockout_attempts")
        record("login_failed", actor=user.actor(), target=name, detail={"via": via, "in_a_row": failed})
        if failed >= limit:
            user.locked_until = utc_stamp(now + dt.timedelta(minutes=get_security("lockout_minutes")))
            User.update(failed_logins=0, locked_until=user.locked_until).where(User.username == name).execute()
            record("locked", actor=user.actor(), target=name, detail={"until": user.locked_until, "after": failed})
            raise AccountLocked(_locked_sentence(user), username=name, until=user.locked_until)
        User.update(failed_logins=failed).where(User.username == name).execute()
        left = limit - failed
        raise WrongPassword(f"用户名或密码不正确，请重新输入。再输错 {left} 次，账号将被锁定。" if left <= 2
                            else "用户名或密码不正确，请重新输入。")
    User.update(failed_logins=0, locked_until=None).where(User.username == name).execute()
    record("login", actor=user.actor(), target=name, detail={"via": via})
    return user.actor()


def display_names() -> dict[str, str]:
    """username -> 姓名, for showing who did what."""
    names = {u.username: u.display_name for u in User.select(User.username, User.display_name)}
    names.setdefault("cli", "命令行")
    return names
