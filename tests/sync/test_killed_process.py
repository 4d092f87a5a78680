"""A process killed in the middle of an import or export leaves the database as before (or fully
imported), never a .vsb that looks complete, and the retry succeeds."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from models.db import close_database
from models.person import Person
from models.registry import save_person
from sync.importer import import_bundle
from tests.sync.helpers import bundle_from
from tests.sync.test_refusals import fingerprint

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
ROOT = Path(__file__).resolve().parents[2]
NUMBERS = ["150626198503150314", "150626199001010017"]


def run_killed(mode: str, home, path: Path) -> None:
    close_database()
    proc = subprocess.run([sys.executable, "-m", "tests.sync.killed_worker", mode, str(home.root), str(path)],
                          cwd=ROOT, capture_output=True, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()[-2000:]


def test_an_import_killed_halfway_leaves_the_database_as_before_and_the_retry_succeeds(network, tmp_path, monkeypatch):
    bureau, a, b = network
    monkeypatch.setattr("sync.export.PART_SIZE", 3)
    with a:
        for number in NUMBERS:
            save_person(None, {"name": "王建国", "id_number": number}, actor=a.actor)
    path = bundle_from(a, bureau, tmp_path / "usb")
    before = fingerprint(bureau)
    run_killed("import", bureau.home, path)
    assert fingerprint(bureau) == before
    with bureau:
        report = import_bundle(bureau.home, path, actor=bureau.actor)
        assert report.counts["created"] >= 2 and Person.select().count() == 2


def test_an_export_killed_while_writing_leaves_no_complete_looking_bundle(network, tmp_path):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": NUMBERS[0]}, actor=a.actor)
    usb = tmp_path / "usb"
    usb.mkdir()
    before = fingerprint(a)
    run_killed("export", a.home, usb / "a.vsb")
    assert not (usb / "a.vsb").exists() and (usb / "a.vsb.part").exists()
    assert fingerprint(a) == before
    path = bundle_from(a, bureau, usb, "a.vsb")
    with bureau:
        assert import_bundle(bureau.home, path, actor=bureau.actor).counts["created"] >= 1
