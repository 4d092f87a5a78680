"""Looking after a station's villages (嘎查/村): renaming, and removing one that nobody lives in.

    rename_village(village_id, "布日都嘎查", actor=actor)    # -> OpChanges
    people_in_village(village_id)                            # live persons registered there
    remove_village(village_id, actor=actor)                  # refused while anyone is registered there
    missing_published(station_code)                           # shipped 嘎查村 not yet on the station's list
    add_published(station_code, actor=actor)                 # add them (a station installed before they shipped)
    village_key("布日都嘎查委员会")                              # "布日都": how names are matched

Adding one is models.installation.add_village. A village in use is never removed: its persons (and
every ledger printed for it) keep pointing at it, so the sentence says to rename it instead.
"""
from __future__ import annotations

import re

from models.errors import DomainError, NotFound, ValidationError
from models.installation import Village, default_villages, seeded_village_id
from models.write import Actor, OpChanges, writing

COMMITTEE_SUFFIXES = ("村民委员会", "嘎查委员会", "居民委员会", "牧民委员会", "村委会", "居委会", "牧委会")
VILLAGE_SUFFIXES = COMMITTEE_SUFFIXES + ("嘎查村", "嘎查", "社区", "村")
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")


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


def village_key(name: str) -> str:
    """布日都嘎查, 布日都, 布日都嘎查委员会 → 布日都: how a written village is matched to the list."""
    return _strip(_SPACES.sub("", name), VILLAGE_SUFFIXES)


def village_name(written: str) -> str:
    """The name a written 嘎查村 is added under: 巴音敖包嘎查村委会 → 巴音敖包嘎查."""
    return _strip(_SPACES.sub("", written), COMMITTEE_SUFFIXES)


def _strip(text: str, suffixes: tuple[str, ...]) -> str:
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if text.endswith(suffix) and len(text) > len(suffix):
                text, stripped = text[: -len(suffix)], True
                break
    return text


def missing_published(station_code: str) -> list[str]:
    """The shipped 嘎查村 of the station (resources/defaults/villages.json) that its list lacks, matched by
    village_key (a hand-entered 布日都 counts as 布日都嘎查); one the station removed stays removed."""
    have = {village_key(v.name) for v in Village.live().where(Village.station == station_code)}
    known = {v.id for v in Village.select(Village.id).where(Village.station == station_code)}
    return [v["name"] for v in default_villages(station_code)
            if village_key(v["name"]) not in have and seeded_village_id(station_code, v["name"]) not in known]


def add_published(station_code: str, *, actor: Actor) -> OpChanges:
    """Add the missing shipped 嘎查村 to the station's list, with the ids every installation seeds them with."""
    with writing(actor) as w:
        for name in missing_published(station_code):
            w.create(Village, {"station": station_code, "name": name},
                     record_id=seeded_village_id(station_code, name))
    return w.changes
