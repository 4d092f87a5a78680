"""This installation's security settings, decided by its administrator: the lock-out and the idle lock.

    get_security("lockout_attempts")        # 5 wrong passwords in a row lock an account …
    get_security("lockout_minutes")         # … for 15 minutes
    get_security("idle_minutes")            # the window locks after 10 idle minutes
    set_security("idle_minutes", 5, actor=head)    # manage_users only; audited as user_change

They stay on this PC (a local table): a station's head decides for the station's PC.
"""
from __future__ import annotations

import peewee

from models.base import LocalModel
from models.errors import ValidationError
from models.fields import JSONField
from models.write import Actor


def _between(low: int, high: int, what: str):
    def check(value) -> str | None:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            return f"{what}应为 {low} 到 {high} 之间的整数"
        return None
    return check


# key -> (中文 name, default, check returning a sentence or None)
SECURITY_SETTINGS = {
    "lockout_attempts": ("连续输错几次密码锁定账号", 5, _between(3, 20, "锁定前允许输错的次数")),
    "lockout_minutes": ("锁定多少分钟", 15, _between(1, 24 * 60, "锁定时长（分钟）")),
    "idle_minutes": ("无操作多少分钟后锁定窗口", 10, _between(1, 240, "无操作锁定时间（分钟）")),
}


class SecuritySetting(LocalModel):
    key = peewee.TextField(primary_key=True)
    value = JSONField(null=True)


def get_security(key: str) -> int:
    if key not in SECURITY_SETTINGS:
        raise KeyError(key)
    stored = SecuritySetting.get_or_none(SecuritySetting.key == key)
    return SECURITY_SETTINGS[key][1] if stored is None else stored.value


def set_security(key: str, value, *, actor: Actor) -> None:
    from models.audit import record
    from models.permissions import require

    require(actor, "manage_users", target=key)
    if key not in SECURITY_SETTINGS:
        raise ValidationError({"key": f"没有名为「{key}」的设置"})
    problem = SECURITY_SETTINGS[key][2](value)
    if problem:
        raise ValidationError({key: problem})
    old = get_security(key)
    SecuritySetting.insert(key=key, value=value).on_conflict(conflict_target=[SecuritySetting.key],
                                                           preserve=[SecuritySetting.value]).execute()
    record("user_change", actor=actor, target=key, detail={"setting": SECURITY_SETTINGS[key][0], "old": old,
                                                           "new": value})
