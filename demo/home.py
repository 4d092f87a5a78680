"""Fill a home with generated people through the domain write path (used by `demo` and benchmarks).

    created = ensure_demo_station(actor=CLI_ACTOR)       # 嘎鲁图镇 station + login demo/demo1234
    result = populate(100_000, seed=1, actor=CLI_ACTOR, progress=print)

Every person is checked by models.registry.validate_person (family members by
validate_family_member) and written with models.write.Writer.create, many persons per transaction,
so each record gets its change-log row exactly as a form save would. The per-person duplicate
lookup of save_person is replaced by the generator's set of numbers already in use.
"""
from __future__ import annotations

import datetime as dt
import time
from dataclasses import dataclass
from typing import Callable

from demo.generator import PeopleGenerator
from demo.names import VILLAGES
from models import vocab
from models.accounts import User, create_user
from models.errors import ValidationError
from models.installation import Installation, Village, add_village, current, default_stations, init_station
from models.person import FamilyMember, Person, PersonIdentity
from models.registry import validate_family_member, validate_person
from models.write import Actor, writing

DEMO_STATION = ("150626100", "嘎鲁图镇退役军人服务站")
DEMO_LOGIN = ("demo", "demo1234")
GENERIC_VILLAGES = ["第一村", "第二村", "第三村", "新民村", "东风村", "团结社区"]


@dataclass
class Populated:
    persons: int
    identities: int
    family: int
    seconds: float
    generating: float = 0.0  # of `seconds`: making up the people (the rest is validating and writing them)

    @property
    def records(self) -> int:
        return self.persons + self.identities + self.family


def ensure_demo_station(*, actor: Actor) -> bool:
    """Initialise an empty home as the demo station with the demo login; True if it did."""
    if current() is not None:
        return False
    init_station(*DEMO_STATION, actor=actor)
    if User.get_or_none(User.username == DEMO_LOGIN[0]) is None:
        create_user(DEMO_LOGIN[0], "演示站长", DEMO_LOGIN[1], "station_head", actor=actor)
    return True


def demo_stations() -> dict[str, list[str]]:
    """Station code → village names: this station, or every default station for the bureau.

    The station's own 嘎查村 (the real lists seeded at init, or what the station entered); the synthetic
    ones of demo.names only for a station that has none.
    """
    inst = Installation.get_current()
    codes = [inst.station_code] if inst.station_code else [s["code"] for s in default_stations()]
    own: dict[str, list[str]] = {}
    for station_code, name in Village.live().select(Village.station, Village.name).order_by(Village.name).tuples():
        own.setdefault(station_code, []).append(name)
    return {code: own.get(code) or VILLAGES.get(code, GENERIC_VILLAGES) for code in codes}


def _village_ids(stations: dict[str, list[str]], actor: Actor) -> dict[tuple[str, str], str]:
    for code, names in stations.items():
        for name in names:
            add_village(name, station_code=code, actor=actor)  # returns the existing one if present
    return {(v.station_id, v.name): v.id for v in Village.live()}


def _taken_numbers() -> set[str]:
    taken = {n for (n,) in Person.select(Person.id_number).where(Person.id_number.is_null(False)).tuples()}
    taken |= {n for (n,) in FamilyMember.select(FamilyMember.id_number)
              .where(FamilyMember.id_number.is_null(False)).tuples()}
    return taken


def populate(count: int, *, seed: int = 1, actor: Actor, batch: int = 1000,
             today: dt.date | None = None,
             progress: Callable[[int, int], None] | None = None) -> Populated:
    """Write `count` generated people (with identities and family) into the open home."""
    started = time.perf_counter()
    stations = demo_stations()
    village_ids = _village_ids(stations, actor)
    live_villages = set(village_ids.values())  # read once: validation need not look each one up
    gen = PeopleGenerator(seed, today=today, taken=_taken_numbers())
    people = gen.people(count, stations)
    done = identities = family = 0
    generating = 0.0
    while done < count:
        made = time.perf_counter()
        fakes = list(_take(people, min(batch, count - done)))
        generating += time.perf_counter() - made
        with writing(actor) as w:
            checked = []  # the batch validated before any is written: its records go in one executemany per table
            for fake in fakes:
                values = dict(fake.values, village=village_ids[(fake.station_code, fake.village)])
                values = validate_person(values, today=gen.today, live_villages=live_villages)
                members = [validate_family_member(m) for m in fake.family]
                for ident in fake.identities:
                    if not vocab.is_code("identity", ident["category"]):
                        raise ValidationError({"identities": f"人员类别「{ident['category']}」不在可选范围内"})
                checked.append((fake, values, members))
            for fake, values, members in checked:
                person = w.create(Person, {"station_code": fake.station_code, "status": fake.status, **values})
                for ident in fake.identities:
                    w.create(PersonIdentity, {"person": person.id, "category": ident["category"],
                                              "subtypes": ident["subtypes"], "note": None})
                for member in members:
                    w.create(FamilyMember, {"person": person.id, **member})
                done += 1
                identities += len(fake.identities)
                family += len(members)
        if progress:
            progress(done, count)
    return Populated(done, identities, family, time.perf_counter() - started, generating)


def _take(iterator, n: int):
    for _ in range(n):
        yield next(iterator)
