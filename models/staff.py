"""Managing staff accounts: who may add people, reset passwords and switch accounts off.

    add_user("wangfang", "王芳", "start123", "station_staff", actor=head)   # admins only
    reset_password("wangfang", "new-pass1", actor=head)                   # admins only
    set_active("wangfang", False, actor=head)        # never the last active administrator
    change_own_password("wangfang", "new-pass1", "mine-456")               # anyone, knowing the old one

Administrators are the station head (站长) and the bureau administrator; the `cli` system actor
acts as one too, so a forgotten password can be reset from the command line. Accounts stay on
this installation (they do not travel in bundles); each one records who created it.
"""
from __future__ import annotations

from models.accounts import ADMIN_ROLES, MIN_PASSWORD, ROLES, User, hash_password, verify_password
from models.errors import NotFound, PermissionDenied, ValidationError, WrongPassword
from models.installation import Installation
from models.write import Actor

MANAGER_ROLES = ADMIN_ROLES | {"system"}
# The roles an account may have on each kind of installation.
KIND_ROLES = {"station": ("station_staff", "station_head"), "bureau": ("bureau_staff", "bureau_admin")}


def can_manage_accounts(actor: Actor) -> bool:
    return actor.role in MANAGER_ROLES


def roles_for_installation() -> dict[str, str]:
    """role code -> 中文 label of the roles that make sense here (station roles at a station)."""
    installation = Installation.get_current()
    return {code: ROLES[code] for code in KIND_ROLES[installation.kind]}


def users() -> list[User]:
    """Every account, active ones first, then by login name."""
    return sorted(User.select(), key=lambda u: (not u.active, u.username))


def add_user(username: str, display_name: str, password: str, role: str, *, actor: Actor) -> User:
    from models.accounts import create_user

    _require_manager(actor, "只有站长或事务局管理员可以添加账号。")
    if role in ROLES and role not in roles_for_installation():
        raise ValidationError({"role": f"本单位不能设置「{ROLES[role]}」账号"})
    return create_user(username, display_name, password, role, actor=actor)


def reset_password(username: str, new_password: str, *, actor: Actor) -> None:
    _require_manager(actor, "只有站长或事务局管理员可以重设他人的密码。")
    user = _user(username)
    _check_new_password(new_password)
    User.update(password_hash=hash_password(new_password)).where(User.username == user.username).execute()


def set_active(username: str, active: bool, *, actor: Actor) -> None:
    """Switch an account off (it can no longer log in) or on again; its history stays."""
    _require_manager(actor, "只有站长或事务局管理员可以停用或启用账号。")
    user = _user(username)
    if not active and user.active and user.role in ADMIN_ROLES:
        others = (User.select().where((User.active == True) & User.role.in_(sorted(ADMIN_ROLES))  # noqa: E712
                                      & (User.username != user.username)).count())
        if others == 0:
            raise PermissionDenied(f"「{user.display_name}」是最后一个可用的管理员账号，不能停用；"
                                   "请先添加或启用另一个站长/管理员账号。", username=user.username)
    User.update(active=bool(active)).where(User.username == user.username).execute()


def change_own_password(username: str, old_password: str, new_password: str) -> None:
    user = _user(username)
    if not verify_password(old_password or "", user.password_hash):
        raise WrongPassword("原密码不正确，密码未修改。")
    _check_new_password(new_password)
    if new_password == old_password:
        raise ValidationError({"new_password": "新密码不能与原密码相同"})
    User.update(password_hash=hash_password(new_password)).where(User.username == user.username).execute()


def _require_manager(actor: Actor, sentence: str) -> None:
    if not can_manage_accounts(actor):
        raise PermissionDenied(sentence, role=actor.role)


def _user(username: str) -> User:
    user = User.get_or_none(User.username == (username or "").strip())
    if user is None:
        raise NotFound(f"没有登录名为「{username}」的账号。", username=username)
    return user


def _check_new_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError({"new_password": f"新密码至少{MIN_PASSWORD}位"})
