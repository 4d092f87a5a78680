"""This installation (a station or the bureau), the stations of the banner and their villages.

    init_station("150626100", "嘎鲁图镇退役军人服务站")   # or init_bureau("乌审旗退役军人事务局")
    current()  # Installation(kind="station", station_code="150626100", …)

Stations are reference data keyed by their stable statistical code, seeded from
resources/defaults/stations.json. Villages (嘎查/村/社区) are data the station or bureau edits; the
ones shipped in resources/defaults/villages.json (keyed by station code) are seeded at init: a station
gets its own, the bureau every station's. A seeded village's record id is derived from its station
code and shipped name (`seeded_village_id`), so a station and the bureau seed the same record.
"""
from __future__ import annotations

import re
import uuid

import peewee

from models.base import SyncedModel
from models.connection import db
from models.errors import AlreadyInitialized, ValidationError
from models.fields import utc_now
from models.ids import new_id
from models.installation_row import KINDS, Installation
from models.resources import default_data
from models.write import writing

__all__ = ["KINDS", "Installation", "Station", "Village"]  # Installation lives in models.installation_row

class Station(SyncedModel):
    """A township station; the id is its stable statistical code (e.g. 150626100)."""

    name = peewee.TextField()
    division_code = peewee.TextField()


class Village(SyncedModel):
    """A 嘎查 or 村 of a station's area."""

    station = peewee.ForeignKeyField(Station, backref="villages", on_delete="RESTRICT")
    name = peewee.TextField()

    class Meta:
        indexes = ((("station", "name"), False),)


def current() -> Installation | None:
    return Installation.select().first()


def default_stations() -> list[dict]:
    return default_data("stations")["stations"]


def default_division() -> dict:
    return default_data("stations")["division"]


def default_villages(station_code: str) -> list[dict]:
    """The 嘎查村 shipped for a station: [{"name": "巴音希利嘎查"}, …] (may be empty)."""
    return list(default_data("villages").get("stations", {}).get(station_code, []))


_SEEDED_VILLAGES = uuid.uuid5(uuid.NAMESPACE_URL, "vetstation:seeded-village")


def seeded_village_id(station_code: str, name: str) -> str:
    """The record id of a shipped village: the same on every installation that seeds it."""
    return str(uuid.uuid5(_SEEDED_VILLAGES, f"{station_code}/{name}"))


def _create(kind: str, name: str, station_code: str | None, installation_id: str | None = None) -> Installation:
    if Installation.select().exists():
        inst = Installation.get_current()
        raise AlreadyInitialized(f"此数据目录已初始化为「{inst.name}」，不能重复初始化。", name=inst.name)
    name = (name or "").strip()
    problems = {}
    if not name:
        problems["name"] = "请填写名称"
    if kind == "station" and not re.fullmatch(r"\d{9,12}", station_code or ""):
        problems["station_code"] = "服务站代码应为9到12位数字（统计用区划代码），例如 150626100"
    if problems:
        raise ValidationError(problems)
    division = default_division()["code"]
    return Installation.create(id=installation_id or new_id(), kind=kind, station_code=station_code, name=name,
                               division_code=division, created_at=utc_now())


def seed_reference_data(actor) -> None:
    """Stations of the default list (a station's own code is added if it is not on it) and their villages."""
    inst = Installation.get_current()
    division = inst.division_code
    with writing(actor) as w:
        known = {s.id for s in Station.select()}
        wanted = [(s["code"], s["name"]) for s in default_stations()]
        if inst.station_code and inst.station_code not in {c for c, _ in wanted}:
            wanted.append((inst.station_code, inst.name))
        for code, name in wanted:
            if code not in known:
                w.create(Station, {"name": name, "division_code": division}, record_id=code)
        _seed_villages(w, [inst.station_code] if inst.station_code else [c for c, _ in wanted])


def _seed_villages(w, station_codes: list[str]) -> None:
    known = {v.id for v in Village.select(Village.id)}
    named = {(v.station_id, v.name) for v in Village.live()}
    for code in station_codes:
        for village in default_villages(code):
            record_id = seeded_village_id(code, village["name"])
            if record_id not in known and (code, village["name"]) not in named:
                w.create(Village, {"station": code, "name": village["name"]}, record_id=record_id)


def init_station(code: str, name: str, *, actor, installation_id: str | None = None) -> Installation:
    """installation_id: the id an enrollment file assigned (sync.enrollment); new otherwise."""
    with db.atomic():
        inst = _create("station", name, (code or "").strip(), installation_id)
        seed_reference_data(actor)
    return inst


def init_bureau(name: str, *, actor) -> Installation:
    with db.atomic():
        inst = _create("bureau", name, None)
        seed_reference_data(actor)
    return inst


def villages(station_code: str | None = None) -> list[Village]:
    query = Village.live().order_by(Village.name)
    if station_code:
        query = query.where(Village.station == station_code)
    return list(query)


def add_village(name: str, *, station_code: str | None = None, actor) -> Village:
    name = (name or "").strip()
    code = station_code or Installation.get_current().station_code
    if not name:
        raise ValidationError({"name": "请填写嘎查村名称"})
    if not code:
        raise ValidationError({"station_code": "请选择嘎查村所属的服务站"})
    existing = Village.live().where((Village.station == code) & (Village.name == name)).first()
    if existing:
        return existing
    with writing(actor) as w:
        return w.create(Village, {"station": code, "name": name})
