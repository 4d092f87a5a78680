"""Settings the bureau decides for every installation (a synced, bureau-owned record per key).

    get_setting("progress_due_day")                    # 25 (the default until the bureau changes it)
    set_setting("progress_due_day", 20, actor=bureau_actor)

A stored setting has the id "setting.<key>", so the bureau's record and the copies the stations
receive in bundles are one record. Only the bureau writes settings; a station reads what it received
(or the default). Known keys, their defaults and checks are in SETTINGS; another module adds its own
key there.
"""
from __future__ import annotations

import peewee

from models.base import SyncedModel
from models.errors import PermissionDenied, ValidationError
from models.fields import JSONField
from models.write import Actor, OpChanges, writing


def _due_day(value) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= 28:
        return "月调度截止日应为每月1日到28日之间的一天"
    return None


def _yes_no(value) -> str | None:
    return None if isinstance(value, bool) else "此项设置应为是或否"


# key -> (中文 name, default, check returning a sentence or None)
SETTINGS = {
    "progress_due_day": ("月调度截止日（每月几日）", 25, _due_day),
    # models.scoring.publish_comparison: whether a station also sees the other stations' scores and ranks
    "stations_see_ranks": ("服务站可看到各站得分排名", False, _yes_no),
}


class BureauSetting(SyncedModel):
    bureau_owned = True
    key = peewee.TextField(index=True)
    value = JSONField(null=True)


def get_setting(key: str):
    if key not in SETTINGS:
        raise KeyError(key)
    stored = BureauSetting.get_or_none((BureauSetting.id == f"setting.{key}") & BureauSetting.deleted_at.is_null())
    return SETTINGS[key][1] if stored is None else stored.value


def set_setting(key: str, value, *, actor: Actor) -> OpChanges:
    from models.installation import Installation

    if not Installation.get_current().is_bureau:
        raise PermissionDenied("此项设置由旗退役军人事务局统一规定，服务站不能修改。")
    if key not in SETTINGS:
        raise ValidationError({"key": f"没有名为「{key}」的设置"})
    problem = SETTINGS[key][2](value)
    if problem:
        raise ValidationError({key: problem})
    with writing(actor) as w:
        existing = BureauSetting.get_or_none(BureauSetting.id == f"setting.{key}")
        if existing is None:
            w.create(BureauSetting, {"key": key, "value": value}, record_id=f"setting.{key}")
        else:
            w.update(existing, {"value": value, "deleted_at": None, "deleted_reason": None})
    return w.changes
