"""SIGKILL at random (seeded) points of a long write, an import, an export, a backup and a restore, many
times: after each restart `vetstation check` is clean, nothing saved before is lost, and no half-written
.vsb or .vsbak remains."""
from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.backup import backup_database, describe_backup, list_backups
from models.db import close_database
from models.installation import current
from models.integrity import check_home
from models.origins import former_ids
from models.person import Person
from models.registry import save_person
from sync.importer import import_bundle
from tests.sync.helpers import bundle_from, send
from tests.sync.kill_at import BULK
from tests.sync.test_refusals import fingerprint

pytestmark = [pytest.mark.slow, pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")]
ROOT = Path(__file__).resolve().parents[2]
POINTS = random.Random(12).sample
NUMBERS = ["150626198503150314", "150626199001010017", "150626197005200011", "150626197208090027",
           "150626196303040015"]


def killed(mode: str, site, n: int, path: Path | None = None) -> None:
    close_database()
    args = [sys.executable, "-m", "tests.sync.kill_at", mode, str(site.home.root), str(n)] + ([str(path)] if path else [])
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]


def clean(site) -> None:
    with site:
        assert check_home(site.home) == []


def registered(site, count: int = len(NUMBERS)):
    with site:
        for number in NUMBERS[:count]:
            if Person.get_or_none(Person.id_number == number) is None:
                save_person(None, {"name": "王建国", "id_number": number}, actor=site.actor)


def test_a_bulk_save_killed_anywhere_keeps_what_was_saved_and_adds_all_or_nothing(network):
    bureau, a, b = network
    registered(a)
    with a:
        saved = {p.id: p.state() for p in Person.select()}
    for n in sorted(POINTS(range(1, BULK), 6)):
        killed("write", a, n)
        clean(a)
        with a:
            now = {p.id: p.state() for p in Person.select()}
        assert now == saved, f"killed at person {n}: the database is not as before the bulk save"


def test_an_import_killed_after_any_batch_leaves_the_database_as_before(network, tmp_path, monkeypatch):
    bureau, a, b = network
    registered(a)
    path = bundle_from(a, bureau, tmp_path / "usb")
    before = fingerprint(bureau)
    for n in sorted(POINTS(range(1, 5), 4)):  # 5 persons and their identities: a few batches of 3
        killed("import", bureau, n, path)
        assert fingerprint(bureau) == before, f"killed after batch {n}"
        clean(bureau)
    with bureau:
        assert import_bundle(bureau.home, path, actor=bureau.actor).counts["created"] >= len(NUMBERS)
    clean(bureau)


def test_an_export_killed_at_any_write_leaves_no_bundle_and_the_retry_works(network, tmp_path):
    bureau, a, b = network
    registered(a)
    usb = tmp_path / "usb"
    usb.mkdir()
    before = fingerprint(a)
    for n in sorted(POINTS(range(1, 7), 5)):  # 10 changes in parts of 2, then the sealed file's first write
        killed("export", a, n, usb / "a.vsb")
        assert not (usb / "a.vsb").exists(), f"killed at write {n}: a complete-looking bundle"
        assert fingerprint(a) == before
        clean(a)
    path = bundle_from(a, bureau, usb, "a.vsb")
    with bureau:
        assert import_bundle(bureau.home, path, actor=bureau.actor).counts["created"] >= len(NUMBERS)


def steps(mode: str, site, tmp_path: Path, path: Path | None = None) -> int:
    """How many kill points the whole backup or restore has: counted on a copy of the home."""
    close_database()
    copy = tmp_path / f"count-{mode}"
    shutil.copytree(site.home.root, copy)
    args = [sys.executable, "-m", "tests.sync.kill_at", mode, str(copy), str(10 ** 6)] + ([str(path)] if path else [])
    proc = subprocess.run(args, cwd=ROOT, capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == 0, proc.stderr[-2000:]
    shutil.rmtree(copy)
    return int(proc.stdout.rsplit("steps:", 1)[1])


def no_half_written_backup(site) -> None:
    """Every backup in the folder opens and is whole; after the next backup nothing is left in staging."""
    with site:
        for path in list_backups(site.home):
            assert describe_backup(site.home, path)["persons"] is not None, path.name
        made = backup_database(site.home, reason="manual")
        made.unlink()
    assert not list((site.home.backups / ".staging").iterdir())
    assert not list(site.home.backups.glob("*.part"))


def test_a_backup_killed_anywhere_leaves_the_data_and_the_previous_backup_as_they_were(network, tmp_path):
    bureau, a, b = network
    registered(a)
    with a:
        previous = backup_database(a.home, reason="daily")
    kept = previous.read_bytes()
    before = fingerprint(a)
    total = steps("backup", a, tmp_path)
    for n in range(1, total + 1):  # every kill point, a few dozen
        killed("backup", a, n)
        assert fingerprint(a) == before, f"killed at step {n} of {total}"
        assert previous.read_bytes() == kept
        clean(a)
        no_half_written_backup(a)


def test_a_restore_killed_anywhere_is_either_not_done_or_done_under_a_new_origin(network, tmp_path):
    bureau, a, b = network
    registered(a, 3)
    with a:
        backup = backup_database(a.home, reason="manual")
        at_backup = current().id
    registered(a)  # 2 more persons, sent to the bureau: their change numbers have left this PC
    send(a, bureau, tmp_path / "1")
    total = steps("restore", a, tmp_path, backup)
    swapped = 0
    for n in range(1, total + 1):  # every kill point: before the swap, and after it before the new origin
        before = fingerprint(a)
        with a:
            origin_before = current().id
        killed("restore", a, n, backup)
        clean(a)
        if fingerprint(a) != before:  # the restored copy is in place: it carries on under a new origin
            swapped += 1
            with a:
                assert Person.select().count() == 3, f"killed at step {n} of {total}"
                assert current().id not in (at_backup, origin_before)
                assert {at_backup, origin_before} <= set(former_ids())
                safety = [p for p in list_backups(a.home) if p.name.endswith("before-restore.vsbak")]
                assert safety and describe_backup(a.home, safety[0])["persons"] >= 3  # nothing saved is lost
        no_half_written_backup(a)
    assert 0 < swapped < total
    with a:  # a new edit under the new origin
        save_person(Person.get(Person.id_number == NUMBERS[0]).id, {"phone": "13900000000"}, actor=a.actor)
    report = send(a, bureau, tmp_path / "2")
    assert report.counts["rejected"] == 0
    clean(bureau)
    send(bureau, a, tmp_path / "3")  # the bureau gives back what the restore lost
    with a:
        assert sorted(p.id_number for p in Person.select()) == sorted(NUMBERS)
    with bureau:
        assert Person.get(Person.id_number == NUMBERS[0]).phone == "13900000000"
    clean(a)
