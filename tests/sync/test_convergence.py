"""Property: whatever the stations and the bureau do — creates, edits, deletes, transfers of persons
between stations, concurrent edits of one record — and however the sticks travel — out of order,
twice, lost and re-sent — once everyone has exchanged again every copy is identical for what it
should hold, and no edit is lost: each concurrent same-field edit is merged or in the conflict queue.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from models.changelog import Change
from models.conflicts import Conflict, open_conflicts, resolve_conflict, resolve_deletion
from models.db import close_database
from models.errors import DomainError
from models.installation import Village
from models.person import Person
from models.synced import is_station_owned, synced_tables
from models.transfers import transfer_person
from models.write import writing
from sync.errors import BundleRefused
from sync.export import export_bundle
from sync.importer import import_bundle
from sync.merge import Ch
from tests.sync.conftest import Site, enroll, make_bureau

CODES = ["150626100", "150626101", "150626102"]
FIELDS = {"name": ["王建国", "王建华", "李明"], "phone": ["13800000001", "13800000002", None],
          "note": ["甲", "乙", "丙"], "tags": [[], ["重点"], ["困难", "重点"]]}
EXAMPLES = int(os.environ.get("VETSTATION_CONVERGENCE_EXAMPLES", "200"))


@pytest.fixture(scope="module", autouse=True)
def fast_disk():
    """Durability is not what this test is about: no fsync, no pre-import backup (tested elsewhere)."""
    import models.db
    import sync.importer

    saved = dict(models.db.PRAGMAS), sync.importer.backup_database
    models.db.PRAGMAS["synchronous"] = 0
    sync.importer.backup_database = lambda home, reason: None
    yield
    models.db.PRAGMAS.update(saved[0])
    sync.importer.backup_database = saved[1]


@pytest.fixture(scope="module")
def template():
    root = Path(tempfile.mkdtemp(prefix="vs-conv-"))
    close_database()
    bureau = make_bureau(root)
    stations = [enroll(bureau, root, code) for code in CODES]
    # every station starts with two persons that everyone already exchanged: edits, deletes and
    # transfers of known records are possible from the first operation on
    for station in stations:
        with station, writing(station.actor) as w:
            for name in ("张三", "李四"):
                w.create(Person, {"station_code": station.code, "name": name, "status": "active"})
            # then shared reference data: every station's vector covers the other stations' persons,
            # whose history a transfer must nevertheless bring along
            w.create(Village, {"station": station.code, "name": f"{station.code}嘎查"})
    (root / "usb").mkdir()
    exchange_everything([bureau] + stations, root / "usb")
    shutil.rmtree(root / "usb")
    with bureau:
        known = [pid for (pid,) in Person.select(Person.id).order_by(Person.id).tuples()]
    yield root, known
    shutil.rmtree(root, ignore_errors=True)


def sites_from(template, target: Path):
    root, _ = template
    shutil.copytree(root, target)
    bureau = Site(target / "bureau", "bureau")
    stations = [Site(target / f"station-{code}", "station", code) for code in CODES]
    return [bureau] + stations


site_index = st.integers(0, 3)
ops = st.one_of(
    st.tuples(st.just("create"), site_index, st.integers(0, 2)),
    st.tuples(st.just("edit"), site_index, st.integers(0, 30), st.sampled_from(sorted(FIELDS)), st.integers(0, 2)),
    st.tuples(st.just("delete"), site_index, st.integers(0, 30)),
    st.tuples(st.just("export"), st.integers(1, 3), st.booleans()),
    st.tuples(st.just("deliver"), st.integers(0, 30)),
    st.tuples(st.just("resolve"), site_index, st.integers(0, 2)),
    st.tuples(st.just("transfer"), st.integers(0, 30), st.integers(0, 2)),
)


def holds(site, person: Person | None) -> bool:
    return person is not None and (site.kind == "bureau" or person.station_code == site.code)


def run_op(op, sites, created: list[str], mail: list, folder: Path) -> None:
    kind = op[0]
    if kind == "create":
        site = sites[op[1]]
        code = site.code or CODES[op[2]]
        with site, writing(site.actor) as w:
            p = w.create(Person, {"station_code": code, "name": "新人", "status": "active"})
        created.append(p.id)
    elif kind in ("edit", "delete") and created:
        site = sites[op[1]]
        pid = created[op[2] % len(created)]
        with site:
            person = Person.get_or_none(Person.id == pid)
            if not holds(site, person) or person.deleted_at:
                return
            with writing(site.actor) as w:
                if kind == "edit":
                    w.update(person, {op[3]: FIELDS[op[3]][op[4]]})
                else:
                    w.tombstone(person, "录入错误")
    elif kind == "export":
        station = sites[op[1]]
        src, dst = (station, sites[0]) if op[2] else (sites[0], station)
        path = folder / f"bundle-{len(mail):03d}.vsb"
        with src:
            export_bundle(src.home, path, for_station=station.code if src.kind == "bureau" else None)
        mail.append((path, dst))
    elif kind == "deliver" and mail:
        path, dst = mail[op[1] % len(mail)]
        deliver(path, dst)
    elif kind == "transfer" and created:
        bureau = sites[0]
        with bureau:  # one of the persons the bureau holds, to one of the other stations
            movable = list(Person.select().where(Person.id.in_(created) & Person.deleted_at.is_null()
                                                 & (Person.status == "active")).order_by(Person.id))
            if not movable:
                return
            person = movable[op[1] % len(movable)]
            others = [code for code in CODES if code != person.station_code]
            try:
                transfer_person(person.id, others[op[2] % len(others)], actor=bureau.actor)
                event("a person was transferred")
            except DomainError:
                event("a transfer was refused")
    elif kind == "resolve":
        site = sites[op[1]]
        with site:
            pending = open_conflicts()
            if not pending:
                return
            c = pending[0]
            if c.kind == "delete_vs_edit":
                resolve_deletion(c.id, keep_deleted=bool(op[2] % 2), actor=site.actor)
            else:
                values = [s["value"] for s in c.sides]
                resolve_conflict(c.id, values[op[2] % len(values)], actor=site.actor)


def deliver(path: Path, dst) -> None:
    with dst:
        try:
            import_bundle(dst.home, path, actor=dst.actor)
        except BundleRefused as exc:
            assert exc.reason == "superseded", exc.message


def exchange_everything(sites, folder: Path) -> None:
    """Every station sends to the bureau, then the bureau sends to every station."""
    bureau, stations = sites[0], sites[1:]
    for src, dst in [(s, bureau) for s in stations] + [(bureau, s) for s in stations]:
        path = folder / f"final-{src.code or 'bureau'}-{dst.code or 'bureau'}.vsb"
        with src:
            export_bundle(src.home, path, for_station=dst.code if src.kind == "bureau" else None)
        deliver(path, dst)


def snapshot(site) -> dict:
    """Every record the site should hold, and its open conflicts, as comparable data."""
    out = {}
    with site:
        for table, model in synced_tables().items():
            query = model.select()
            if site.kind == "station" and table == "person":
                query = query.where(model.station_code == site.code)
            elif site.kind == "station" and is_station_owned(table):
                continue
            for record in query:
                out[(table, record.id)] = record.state()
        for c in Conflict.select().where(Conflict.status == "open"):
            if (c.table, c.record_id) in out:
                out[("conflict", c.id)] = (c.field, c.kind, c.provisional)
    return out


def check_no_edit_lost(bureau) -> None:
    with bureau:
        conflicts = {}
        for c in open_conflicts():
            for side in c.sides:
                conflicts.setdefault((c.table, c.record_id, c.field), set()).add(side["change_id"])
        by_record: dict = {}
        for row in Change.select().where(Change.table == "person").dicts():
            by_record.setdefault(row["record_id"], []).append(Ch(**row))
        for rid, changes in by_record.items():
            person = Person.get_by_id(rid)
            for c in changes:
                for name in FIELDS:
                    if not c.wrote(name):
                        continue
                    superseded = any(d.wrote(name) and d.saw(c) for d in changes)
                    current = getattr(person, name) == c.state.get(name)
                    queued = c.change_id in conflicts.get(("person", rid, name), set())
                    assert superseded or current or queued, (rid, name, c.state.get(name))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.lists(ops, min_size=1, max_size=14))
def test_every_copy_converges_and_no_edit_is_lost(template, operations):
    with tempfile.TemporaryDirectory(prefix="vs-ex-") as tmp:
        tmp = Path(tmp)
        sites = sites_from(template, tmp / "net")
        (tmp / "usb").mkdir()
        created: list[str] = list(template[1])
        mail: list = []
        for op in operations:
            run_op(op, sites, created, mail, tmp / "usb")
        # a lost or stale stick loses nothing: everyone exchanges again
        exchange_everything(sites, tmp / "usb")
        bureau = sites[0]
        for station in sites[1:]:  # each station's audit of that last import goes with its next bundle
            path = tmp / "usb" / f"after-{station.code}.vsb"
            with station:
                export_bundle(station.home, path)
            deliver(path, bureau)
        full = snapshot(bureau)
        for station in sites[1:]:
            mine = snapshot(station)
            expected = {k: v for k, v in full.items() if k in mine or (
                k[0] == "person" and v["station_code"] == station.code) or (
                k[0] != "conflict" and not is_station_owned_table(k[0]))}
            expected = {k: v for k, v in expected.items() if k[0] != "conflict" or k in mine}
            assert mine == expected
            with station:
                own = {c for (c,) in Change.select(Change.change_id).where(
                    Change.origin == station_installation(station)).tuples()}
            with bureau:
                at_bureau = {c for (c,) in Change.select(Change.change_id).tuples()}
            assert own <= at_bureau
        check_no_edit_lost(bureau)


def is_station_owned_table(table: str) -> bool:
    return is_station_owned(table)


def station_installation(site) -> str:
    from models.installation import Installation

    return Installation.get_current().id
