"""Managing staff accounts: who may add people, reset passwords and switch accounts off.

    add_user("wangfang", "王芳", "start123", "station_staff", actor=head)   # admins only
    reset_password("wangfang", "new-pass1", actor=head)                   # admins only
    set_active("wangfang", False, actor=head)        # never the last active administrator
    unlock("wangfang", actor=head)                   # lift a lock-out before it runs out
    change_own_password("wangfang", "new-pass1", "mine-456")               # anyone, knowing the old one

Who may manage accounts is the permission table's `manage_users` (models.permissions): the station
head (站长), the bureau administrator, and the `cli` system actor, so a forgotten password can be
reset from the command line and a station enrolled from a file gets its first head there. Accounts
stay on this installation (they do not travel in bundles); each change is audited (user_change).
"""
from __future__ import annotations

from models.accounts import ADMIN_ROLES, MIN_PASSWORD, ROLES, User, hash_password, verify_password
from models.audit import record
from models.errors import NotFound, PermissionDenied, ValidationError, WrongPassword
from models.installation import Installation
from models.permissions import allowed, require
from models.write import Actor

# The roles an account may have on each kind of installation.
KIND_ROLES = {"station": ("station_staff", "station_head"), "bureau": ("bureau_staff", "bureau_admin")}


def can_manage_accounts(actor: Actor) -> bool:
    return allowed(actor, "manage_users")


def roles_for_installation() -> dict[str, str]:
    """role code -> 中文 label of the roles that make sense here (station roles at a station)."""
    installation = Installation.get_current()
    return {code: ROLES[code] for code in KIND_ROLES[installation.kind]}


def users() -> list[User]:
    """Every account, active ones first, then by login name."""
    return sorted(User.select(), key=lambda u: (not u.active, u.username))


def add_user(username: str, display_name: str, password: str, role: str, *, actor: Actor) -> User:
    from models.accounts import create_user

    require(actor, "manage_users", target=username)
    if role in ROLES and role not in roles_for_installation():
        raise ValidationError({"role": f"本单位不能设置「{ROLES[role]}」账号"})
    user = create_user(username, display_name, password, role, actor=actor)
    record("user_change", actor=actor, target=user.username, detail={"change": "add", "role": role,
                                                                     "name": user.display_name})
    return user


def reset_password(username: str, new_password: str, *, actor: Actor) -> None:
    require(actor, "manage_users", target=username)
    user = _user(username)
    _check_new_password(new_password)
    User.update(password_hash=hash_password(new_password), failed_logins=0, locked_until=None).where(
        User.username == user.username).execute()
    record("user_change", actor=actor, target=user.username, detail={"change": "reset_password"})


def unlock(username: str, *, actor: Actor) -> None:
    """Lift a lock-out (too many wrong passwords) before it runs out."""
    require(actor, "manage_users", target=username)
    user = _user(username)
    User.update(failed_logins=0, locked_until=None).where(User.username == user.username).execute()
    record("user_change", actor=actor, target=user.username, detail={"change": "unlock"})


def set_active(username: str, active: bool, *, actor: Actor) -> None:
    """Switch an account off (it can no longer log in) or on again; its history stays."""
    require(actor, "manage_users", target=username)
    user = _user(username)
    if not active and user.active and user.role in ADMIN_ROLES:
        others = (User.select().where((User.active == True) & User.role.in_(sorted(ADMIN_ROLES))  # noqa: E712
                                      & (User.username != user.username)).count())
        if others == 0:
            raise PermissionDenied(f"「{user.display_name}」是最后一个可用的管理员账号，不能停用；"
                                   "请先添加或启用另一个站长/管理员账号。", username=user.username)
    User.update(active=bool(active)).where(User.username == user.username).execute()
    record("user_change", actor=actor, target=user.username, detail={"change": "enable" if active else "disable"})


def change_own_password(username: str, old_password: str, new_password: str) -> None:
    user = _user(username)
    if not verify_password(old_password or "", user.password_hash):
        raise WrongPassword("原密码不正确，密码未修改。")
    _check_new_password(new_password)
    if new_password == old_password:
        raise ValidationError({"new_password": "新密码不能与原密码相同"})
    User.update(password_hash=hash_password(new_password)).where(User.username == user.username).execute()
    record("user_change", actor=user.actor(), target=user.username, detail={"change": "own_password"})


def _user(username: str) -> User:
    user = User.get_or_none(User.username == (username or "").strip())
    if user is None:
        raise NotFound(f"没有登录名为「{username}」的账号。", username=username)
    return user


def _check_new_password(password: str) -> None:
    if len(password or "") < MIN_PASSWORD:
        raise ValidationError({"new_password": f"新密码至少{MIN_PASSWORD}位"})
