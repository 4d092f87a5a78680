"""Several bureau PCs on one PostgreSQL master copy at the same time (issue 13): staff editing, two PCs
importing the same station bundle, one exporting — separate processes, started together. Afterwards the
change log is gap-free with every edit in it once, the bundle was applied once, no edit was silently
lost, and a station importing the bureau's bundle holds what the bureau holds for it.
"""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.changelog import Change
from models.errors import EditedMeanwhile
from models.integrity import change_log_problems
from models.installation_row import Installation
from models.person import Person
from models.registry import save_person
from models.write import writing
from tests.models.people import person_values
from tests.sync.conftest import enroll, make_bureau
from tests.sync.helpers import bundle_from, people, send

ROOT = Path(__file__).resolve().parents[2]
EDITS = 25
FIELDS = ("note", "residence_address", "household_address")


def _bureau_pc(bureau, root: Path) -> Path:
    """Another bureau PC's home: the keys and the database address the admin handed over (`connect`)."""
    shutil.copytree(bureau.home.folder("keys"), root / "keys")
    shutil.copy2(bureau.home.root / "database.json", root / "database.json")
    return root


def _start(args: list[str]) -> subprocess.Popen:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen([sys.executable, "-m", "tests.sync.pg_worker", *map(str, args)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def test_staff_editing_importing_and_exporting_at_once_lose_nothing_and_the_station_converges(tmp_path):
    bureau = make_bureau(tmp_path, postgres=True)
    a = enroll(bureau, tmp_path, "150626100")
    with a:
        shared, _ = save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=a.actor)
        for i in range(20):
            save_person(None, person_values(500 + i, name=f"站内{i:02d}"), actor=a.actor)
    send(a, bureau, tmp_path / "first")  # the bureau holds 王建国: three staff will edit him at once
    with a:
        for i in range(20, 40):
            save_person(None, person_values(500 + i, name=f"站内{i:02d}"), actor=a.actor)
    station_bundle = bundle_from(a, bureau, tmp_path / "second")
    with bureau:
        before = Installation.get_current().last_seq
    go = tmp_path / "go"
    pcs = [_bureau_pc(bureau, tmp_path / f"pc-{i}") for i in range(6)]  # each PC its own home, one database
    workers = [_start(["edit", pcs[i], go, shared.id, field, EDITS, i]) for i, field in enumerate(FIELDS)]
    workers += [_start(["import", pcs[3 + i], go, station_bundle]) for i in range(2)]
    workers.append(_start(["export", pcs[5], go, tmp_path / "during.vsb", a.code]))
    go.write_text("go")
    results = []
    for w in workers:
        out, err = w.communicate(timeout=300)
        assert w.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]))

    edits = [r for r in results if r["kind"] == "edit"]
    imports = [r for r in results if r["kind"] == "import"]
    assert sorted(r["new"] for r in imports)[0] == 0 and sum(r["new"] for r in imports) > 0  # applied once
    assert all(r["told"] == 0 for r in edits)  # different fields of one record merge, nobody is refused
    with bureau:
        assert change_log_problems() == []
        inst = Installation.get_current()
        ours = Change.select().where(Change.origin == inst.id)
        assert inst.last_seq - before == ours.where(Change.seq > before).count()  # gap-free, none twice
        assert ours.where((Change.seq > before) & (Change.table == "person")).count() == len(FIELDS) * EDITS * 2
        assert len({c.record_id for c in ours.where(Change.table == "person")}) >= len(FIELDS) * EDITS
        final = Person.get_by_id(shared.id)
        assert [getattr(final, f) for f in FIELDS] == [f"{f}-{EDITS - 1:03d}" for f in FIELDS]  # none lost
        station_changes = Change.select().where(Change.origin == a.installation_id).count()
        assert station_changes == Change.select(Change.change_id).distinct().where(
            Change.origin == a.installation_id).count()
    send(bureau, a, tmp_path / "back")
    ours_at_bureau = {pid: s for pid, s in people(bureau).items() if s["station_code"] == a.code}
    assert people(a) == ours_at_bureau


@pytest.mark.parametrize("engine", ["sqlite", "postgres"])
def test_two_staff_editing_one_field_the_second_is_told_and_other_fields_merge(tmp_path, engine):
    bureau = make_bureau(tmp_path, postgres=engine == "postgres")
    with bureau:
        person, _ = save_person(None, person_values(7, name="王建国"), actor=bureau.actor, station_code="150626100")
        seen_by_first = Person.get_by_id(person.id)   # both PCs opened the record
        seen_by_second = Person.get_by_id(person.id)
        with writing(bureau.actor) as w:
            w.update(seen_by_first, {"phone": "13900000001"})
        with pytest.raises(EditedMeanwhile) as told:
            with writing(bureau.actor) as w:
                w.update(seen_by_second, {"phone": "13900000002"})
        assert "他人刚保存了同一条记录的「联系电话」" in told.value.message
        with writing(bureau.actor) as w:
            w.update(Person.get_by_id(person.id), {"note": "先改电话的人没动备注"})
        stale = Person.get_by_id(person.id)
        with writing(bureau.actor) as w:
            w.update(Person.get_by_id(person.id), {"note": "又改了备注"})
        with writing(bureau.actor) as w:
            w.update(stale, {"residence_address": "嘎鲁图镇"})  # another field: merged onto the saved row
        final = Person.get_by_id(person.id)
        assert (final.phone, final.note, final.residence_address) == ("13900000001", "又改了备注", "嘎鲁图镇")
        assert change_log_problems() == []


def test_a_connection_lost_in_the_middle_of_an_import_leaves_nothing_and_the_retry_succeeds(tmp_path, monkeypatch):
    import peewee

    from models.db import db
    from sync.importer import import_bundle
    from sync.rows import TableWriter
    from tests.conftest import pg_server

    bureau = make_bureau(tmp_path, postgres=True)
    a = enroll(bureau, tmp_path, "150626100")
    with a:
        for i in range(30):
            save_person(None, person_values(600 + i, name=f"站内{i:02d}"), actor=a.actor)
    bundle = bundle_from(a, bureau, tmp_path / "out")
    with bureau:
        before = {t: Change.select().where(Change.table == t).count() for t in ("person", "audit_entry")}
        people_before = Person.select().count()
    write = TableWriter.write
    cut = []

    def cut_then_write(self, states, **kw):  # the server goes away after the change rows, before the records
        if not cut:
            pid = db.execute_sql("SELECT pg_backend_pid()").fetchone()[0]
            pg_server().admin_sql(f"SELECT pg_terminate_backend({pid})")
            cut.append(pid)
        return write(self, states, **kw)

    monkeypatch.setattr(TableWriter, "write", cut_then_write)
    with bureau:
        with pytest.raises((peewee.OperationalError, peewee.InterfaceError)):
            import_bundle(bureau.home, bundle, actor=bureau.actor)
    monkeypatch.setattr(TableWriter, "write", write)
    assert cut
    with bureau:  # a new connection: nothing of the bundle was kept
        assert {t: Change.select().where(Change.table == t).count() for t in before} == before
        assert Person.select().count() == people_before
        report = import_bundle(bureau.home, bundle, actor=bureau.actor)
        assert report.counts["changes_new"] > 0 and Person.select().count() == people_before + 30
        assert change_log_problems() == []
