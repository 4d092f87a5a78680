"""Staff accounts, roles and log-in. Passwords are kept only as scrypt hashes.

    create_user("liming", "李明", "secret123", "station_head", actor=CLI_ACTOR)
    actor = authenticate("liming", "secret123")   # -> Actor, or WrongPassword
"""
from __future__ import annotations

import base64
import hashlib
import hmac
import os

import peewee

from models.base import LocalModel
from models.errors import ValidationError, WrongPassword
from models.fields import utc_now
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


def authenticate(username: str, password: str) -> Actor:
    user = User.get_or_none((User.username == (username or "").strip()) & (User.active == True))  # noqa: E712
    if user is None or not verify_password(password or "", user.password_hash):
        raise WrongPassword("用户名或密码不正确，请重新输入。")
    return user.actor()


def display_names() -> dict[str, str]:
    """username -> 姓名, for showing who did what."""
    names = {u.username: u.display_name for u in User.select(User.username, User.display_name)}
    names.setdefault("cli", "命令行")
    return names
