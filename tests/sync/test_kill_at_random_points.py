"""SIGKILL at random (seeded) points of a long write, an import and an export, many times: after each
restart `vetstation check` is clean, nothing saved before is lost, and no half-written .vsb remains."""
from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.db import close_database
from models.integrity import check_home
from models.person import Person
from models.registry import save_person
from sync.importer import import_bundle
from tests.sync.helpers import bundle_from
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
