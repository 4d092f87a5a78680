"""Backups that can be lost without a leak, and restored on a replacement PC (issue 12)."""
from __future__ import annotations

from desktop.__main__ import main
from models.backup import backup_database, describe_backup, list_backups, restore_database
from models.db import backup_to, close_database
from models.installation import current
from models.person import Person
from models.registry import save_person
from tests.sync.conftest import Site
from tests.sync.helpers import people, send

ID = "150626198503150314"


def cli(*argv) -> int:
    close_database()
    return main(list(argv))


def test_no_backup_file_holds_a_readable_id_number(network, tmp_path, capsys):
    bureau, a, _ = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=a.actor)
        automatic = backup_database(a.home, reason="daily")
    out = tmp_path / "stick" / "a.vsbak"
    out.parent.mkdir()
    assert cli("--home", str(a.home.root), "backup", "--out", str(out)) == 0
    for path in (automatic, out):
        data = path.read_bytes()
        assert data.startswith(b"age-encryption.org/v1")
        assert ID.encode() not in data and "王建国".encode() not in data
    assert not any((a.home.backups / ".staging").iterdir())  # no plaintext left behind
    with a:
        about = describe_backup(a.home, out)
    assert about["persons"] == 1 and about["installation"]["station_code"] == a.code


def test_a_dead_bureau_pc_is_replaced_from_its_backup_with_the_escrow_key(network, tmp_path, capsys):
    bureau, a, _ = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    send(a, bureau, tmp_path / "1")
    with bureau:
        backup = backup_database(bureau.home, reason="daily")
    # the bureau PC dies; a new PC, an empty home, the escrow key from the safe
    new = Site(tmp_path / "new-bureau", "bureau", name=bureau.name)
    code = cli("--home", str(new.home.root), "restore", str(backup), "--yes", "--identity", str(tmp_path / "escrow.txt"))
    out = capsys.readouterr().out
    assert code == 0 and "在册人员 1 人" in out
    assert (new.home.root / "keys" / "signing.key").exists()
    with new:
        assert current().is_bureau and Person.select().count() == 1
        save_person(next(iter(people_ids())), {"phone": "13900000000"}, actor=new.actor)
    report = send(new, a, tmp_path / "2")  # signed with the same root key: the station accepts it
    assert not report.counts["rejected"] and report.counts["updated"] >= 1
    assert people(a) == people(new)
    assert next(iter(people(a).values()))["phone"] == "13900000000"
    assert send(a, new, tmp_path / "3").counts["rejected"] == 0  # and the station's bundles reach it


def people_ids():
    return [p.id for p in Person.select()]


def test_a_backup_needs_a_key_and_restore_asks_first(network, tmp_path, capsys):
    bureau, a, _ = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        backup = backup_database(a.home, reason="manual")
    empty = tmp_path / "empty"
    assert cli("--home", str(empty), "restore", str(backup), "--yes") != 0
    assert "托管密钥" in capsys.readouterr().err
    # without --yes, and nobody at a terminal to answer: nothing is restored
    with a:
        save_person(None, {"name": "李明", "id_number": "150626199001010017"}, actor=a.actor)
    assert cli("--home", str(a.home.root), "restore", str(backup)) == 2
    with a:
        assert Person.select().count() == 2


def test_an_old_plain_backup_still_restores(network, tmp_path):
    _, a, _ = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        old = a.home.backups / "vetstation-20261101-090000-000000-daily.db"
        backup_to(old)
        save_person(None, {"name": "李明", "id_number": "150626199001010017"}, actor=a.actor)
        assert old in list_backups(a.home)
        assert describe_backup(a.home, old)["encrypted"] is False
        safety = restore_database(a.home, old)
        assert Person.select().count() == 1
        assert describe_backup(a.home, safety)["persons"] == 2
