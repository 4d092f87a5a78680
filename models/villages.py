"""Looking after a station's villages (嘎查/村): renaming, and removing one that nobody lives in.

    rename_village(village_id, "布日都嘎查", actor=actor)    # -> OpChanges
    people_in_village(village_id)                            # live persons registered there
    remove_village(village_id, actor=actor)                  # refused while anyone is registered there

Adding is models.installation.add_village. A village in use is never removed: its persons (and
every ledger printed for it) keep pointing at it, so the sentence says to rename it instead.
"""
from __future__ import annotations

from models.errors import DomainError, NotFound, ValidationError
from models.installation import Village
from models.write import Actor, OpChanges, writing


class VillageInUse(DomainError):
    code = "village_in_use"


def people_in_village(village_id: str) -> int:
    from models.person import Person

    return Person.live().where(Person.village == village_id).count()


def rename_village(village_id: str, new_name: str, *, actor: Actor) -> OpChanges:
    village = _village(village_id)
    name = (new_name or "").strip()
    if not name:
        raise ValidationError({"name": "请填写嘎查村名称"})
    same = Village.live().where((Village.station == village.station_id) & (Village.name == name)
                                & (Village.id != village.id)).exists()
    if same:
        raise ValidationError({"name": f"本站已有名为「{name}」的嘎查村"})
    with writing(actor) as w:
        w.update(village, {"name": name})
    return w.changes


def remove_village(village_id: str, *, actor: Actor) -> OpChanges:
    village = _village(village_id)
    count = people_in_village(village.id)
    if count:
        raise VillageInUse(f"「{village.name}」已有 {count} 名服务对象登记，不能删除；名称有误请改名。",
                           count=count)
    with writing(actor) as w:
        w.tombstone(village, "不再使用的嘎查村")
    return w.changes


def _village(village_id: str) -> Village:
    village = Village.live().where(Village.id == village_id).first()
    if village is None:
        raise NotFound("找不到这个嘎查村，可能已被删除。", village_id=village_id)
    return village
