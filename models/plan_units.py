"""责任单位 of the work plan: the bureau's 股室 and the stations, by one code each.

    unit_choices()                  # [("party_group", "局党组"), …, ("150626100", "嘎鲁图镇退役军人服务站"), …]
    unit_name("office")             # "办公室"
    station_of("150626100")         # "150626100" (a station's unit code is its code); station_of("office") → None
    stations_among(codes)           # the codes among `codes` that are stations (one query)
    expand_units(["office", "all_stations"])   # ["office", "150626100", "150626101", …]

Unit codes: a station is its statistical code (digits, the Station id); a 股室 is the code of an item
of the option list `plan_unit` (ASCII letters, seeded from resources/defaults/options.json and edited
by the bureau like any option list). ALL_STATIONS (各苏木镇退役军人服务站) stands for every live station
and is expanded when a task is assigned.
"""
from __future__ import annotations

from models import options
from models.errors import ValidationError
from models.installation import Station
from models.plan import ALL_STATIONS, ALL_STATIONS_LABEL

UNIT_LIST = "plan_unit"


def stations() -> list[tuple[str, str]]:
    return [(s.id, s.name) for s in Station.live().order_by(Station.id)]


def unit_choices() -> list[tuple[str, str]]:
    """Every unit a task can be given to: the active 股室, then the stations."""
    return options.choices(UNIT_LIST) + stations()


def unit_name(code: str | None) -> str:
    if not code:
        return ""
    if code == ALL_STATIONS:
        return ALL_STATIONS_LABEL
    station = Station.get_or_none(Station.id == code)
    if station is not None:
        return station.name
    return options.labels(UNIT_LIST).get(code, code)


def unit_names() -> dict[str, str]:
    """code → name of every unit, retired 股室 included (for showing old records)."""
    return {**options.labels(UNIT_LIST), **{s.id: s.name for s in Station.select()}, ALL_STATIONS: ALL_STATIONS_LABEL}


def station_of(code: str) -> str | None:
    """The station code a unit's records carry (so they travel to that station), None for a 股室."""
    return code if code in stations_among([code]) else None


def stations_among(codes: list[str]) -> set[str]:
    """The codes that are stations (station_of for many units in one query)."""
    return {code for (code,) in Station.select(Station.id).where(Station.id.in_(list(codes))).tuples()}


def resolve_unit(text: str) -> str:
    """A unit code from its code or its exact name (the CLI accepts either)."""
    text = (text or "").strip()
    names = unit_names()
    if text in names:
        return text
    for code, name in names.items():
        if name == text:
            return code
    raise ValidationError({"unit": f"没有名为「{text}」的责任单位（股室代码或名称、服务站代码或名称，"
                                   f"或 {ALL_STATIONS}（{ALL_STATIONS_LABEL}））"})


def expand_units(codes: list[str]) -> list[str]:
    """Unit codes with ALL_STATIONS replaced by every live station, each once, in the given order;
    a code that is no active 股室 and no station is refused."""
    active = {code for code, _ in unit_choices()}
    out: list[str] = []
    for code in codes:
        code = resolve_unit(code)
        wanted = [c for c, _ in stations()] if code == ALL_STATIONS else [code]
        for unit in wanted:
            if unit not in active:
                raise ValidationError({"unit": f"责任单位「{unit_name(unit)}」已停用，不能再分配任务"})
            if unit not in out:
                out.append(unit)
    return out
