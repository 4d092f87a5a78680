"""A restore or a replaced PC never loses an edit: the exact losses seen in issue 12, end to end.

Station: backup, more edits, export, the bureau imports, restore, new edits, export, the bureau
imports, the bureau's bundle back — every edit exists once everywhere and `check` is clean. The same
for a restore at the bureau, and for a station PC that died without a backup and is replaced by
enrolling the station again.
"""
from __future__ import annotations

import datetime as dt

from models.backup import backup_database, restore_database
from models.changelog import Change
from models.installation import Installation
from models.integrity import check_home
from models.peers import get_peer
from models.person import Person
from models.registry import save_person
from sync.enrollment import adopt_enrollment, issue_enrollment
from sync.export import export_bundle
from sync.importer import import_bundle
from tests.ledgers.conftest import id_number
from tests.sync.conftest import Site
from tests.sync.helpers import bundle_from, people, send

_serial = iter(range(1, 999))


def register(site, n: int, name: str = "王") -> list[str]:
    ids = []
    with site:
        for _ in range(n):
            k = next(_serial)
            person, _ = save_person(None, {"name": f"{name}{k:03d}", "id_number": id_number(dt.date(1970, 1, 1), k)},
                                    actor=site.actor)
            ids.append(person.id)
    return ids


def edit(site, person_id: str, phone: str) -> None:
    with site:
        save_person(person_id, {"phone": phone}, actor=site.actor)


def station_people(site, code: str) -> dict:
    return {pid: state for pid, state in people(site).items() if state["station_code"] == code}


def clean(site) -> list[str]:
    with site:
        return check_home(site.home)


def change_ids(site) -> list[str]:
    with site:
        return [c for (c,) in Change.select(Change.change_id).tuples()]


def test_a_station_restores_an_older_backup_and_nothing_is_lost(network, tmp_path):
    bureau, a, _ = network
    first = register(a, 20)
    with a:
        backup = backup_database(a.home, reason="manual")
    lost = register(a, 5)  # the backup does not hold these
    send(a, bureau, tmp_path / "1")  # bundle 1: 25 persons reach the bureau
    with a:
        old_origin = Installation.get_current().id
        restore_database(a.home, backup)
        assert Installation.get_current().id != old_origin  # carries on under a new origin
        assert Person.select().count() == 20
    later = register(a, 3)
    report = send(a, bureau, tmp_path / "2")
    assert not report.already_imported and not report.counts["rejected"]
    assert any("从备份恢复" in note for note in report.notes)
    send(bureau, a, tmp_path / "3")  # gives back the 5 the restore lost

    everyone = set(first + lost + later)
    assert set(station_people(a, a.code)) == everyone == set(station_people(bureau, a.code))
    assert station_people(a, a.code) == station_people(bureau, a.code)
    for site in (a, bureau):
        ids = change_ids(site)
        assert len(ids) == len(set(ids))
        assert clean(site) == []
    # and it carries on: an edit after the round trip travels as usual, nothing is re-sent twice
    edit(a, lost[0], "13800000001")
    assert send(a, bureau, tmp_path / "4").counts["updated"] == 1
    assert station_people(bureau, a.code)[lost[0]]["phone"] == "13800000001"


def test_a_station_restored_twice_keeps_every_former_origin(network, tmp_path):
    bureau, a, _ = network
    register(a, 2)
    with a:
        first_backup = backup_database(a.home, reason="manual")
    register(a, 2)
    send(a, bureau, tmp_path / "1")
    with a:
        restore_database(a.home, first_backup)
    register(a, 1)
    send(a, bureau, tmp_path / "2")
    with a:
        restore_database(a.home, first_backup)  # the same old backup again
        assert len(Installation.get_current().former_origins) == 2
    register(a, 1)
    send(a, bureau, tmp_path / "3")
    send(bureau, a, tmp_path / "4")
    assert len(station_people(a, a.code)) == 6 == len(station_people(bureau, a.code))
    assert clean(a) == [] and clean(bureau) == []


def test_the_bureau_restores_an_older_backup_and_gets_back_what_the_stations_hold(network, tmp_path):
    """The same story the other way: backup, more edits, export, the station imports, restore, new
    edits, export, the station imports, the station's bundle back."""
    bureau, a, b = network
    mine = register(a, 3)
    send(a, bureau, tmp_path / "1")
    send(bureau, a, tmp_path / "2")
    with bureau:
        backup = backup_database(bureau.home, reason="manual")
    late = register(a, 2)
    send(a, bureau, tmp_path / "3")  # the bureau will lose these two
    edit(bureau, mine[0], "13700000000")  # and its own edit, which reaches station A
    send(bureau, a, tmp_path / "4")
    with bureau:
        restore_database(bureau.home, backup)
        assert Person.select().count() == 3
    edit(bureau, mine[1], "13700000001")  # the bureau carries on
    report = send(bureau, a, tmp_path / "5")
    assert any("从备份恢复" in note for note in report.notes)
    report = send(a, bureau, tmp_path / "6")  # A gives back its two and the bureau's lost edit
    assert not report.counts["rejected"] and not report.already_imported
    send(bureau, a, tmp_path / "7")
    assert set(station_people(bureau, a.code)) == set(mine + late)
    assert station_people(a, a.code) == station_people(bureau, a.code)
    assert station_people(bureau, a.code)[mine[0]]["phone"] == "13700000000"
    assert station_people(a, a.code)[mine[1]]["phone"] == "13700000001"
    # station B still exchanges with the restored bureau (its bundles are addressed to the old id)
    register(b, 1)
    assert send(b, bureau, tmp_path / "8").counts["created"] >= 1
    for site in (a, b, bureau):
        assert clean(site) == []


def test_a_dead_station_pc_is_replaced_by_enrolling_the_station_again(network, tmp_path):
    bureau, a, _ = network
    persons = register(a, 25)
    edit(a, persons[0], "13600000000")
    send(a, bureau, tmp_path / "1")
    send(bureau, a, tmp_path / "2")  # the old PC has the bureau's receipt
    stray = register(a, 1)  # on the old PC only: its last bundle turns up later
    old_stick = bundle_from(a, bureau, tmp_path / "old")

    # the PC dies; the bureau enrolls the station again, a new PC adopts the file
    with bureau:
        payload = issue_enrollment(bureau.home, a.code, a.name)
    new = Site(tmp_path / "new-pc", "station", a.code, a.name)
    with new:
        inst = adopt_enrollment(new.home, payload, actor=new.actor)
        assert inst.id != a.installation_id
    send(bureau, new, tmp_path / "3")  # the station's whole copy
    assert set(station_people(new, a.code)) == set(persons)
    assert station_people(new, a.code)[persons[0]]["phone"] == "13600000000"
    fresh = register(new, 3)
    report = send(new, bureau, tmp_path / "4")  # numbered on its own; the bureau accepts it
    created = [e["record_id"] for e in report.entries["created"] if e["table"] == "person"]
    assert sorted(created) == sorted(fresh) and not report.already_imported
    assert set(fresh) <= set(station_people(bureau, a.code))

    # the old PC's last stick turns up: imported, said so, exchange with the new PC unchanged
    with bureau:
        late = import_bundle(bureau.home, old_stick, actor=bureau.actor)
        assert any("不再使用的旧安装" in note for note in late.notes)
        assert get_peer(a.code).installation_id == inst.id
    assert set(stray) <= set(station_people(bureau, a.code))
    send(bureau, new, tmp_path / "5")
    assert station_people(new, a.code) == station_people(bureau, a.code)
    with new:
        leftover = export_bundle(new.home, tmp_path / "6.vsb").counts
        assert leftover.get("person", 0) == 0  # all confirmed, nothing lost (audit entries of the last import may travel)
    assert clean(new) == [] and clean(bureau) == []
