"""A full disk and a read-only home during a backup and a restore (issue 12): one clear Chinese line,
nothing half-written, the previous backup intact, the database unchanged.

The backups folder (where the staging plaintext and the .vsbak are written) is replaced by a small tmpfs
or bind-mounted read-only; mounting needs root — elsewhere these tests are skipped with that reason.
"""
from __future__ import annotations

import os
import shutil
import subprocess
from contextlib import contextmanager
from pathlib import Path

import pytest

from models.backup import BackupFailed, backup_database, list_backups, restore_database
from models.registry import save_person
from tests.sync.test_refusals import fingerprint

ID = "150626198503150314"


def _mount(*args: str) -> None:
    done = subprocess.run(["mount", *args], capture_output=True, text=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount here ({done.stderr.strip() or 'mount failed'}): needs root in a system that allows mounts")


@contextmanager
def small_disk(folder: Path, free: int):
    """`folder` on a 4 MB tmpfs holding its former contents, filled up to `free` bytes left."""
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root")
    aside = folder.with_name(folder.name + "-aside")
    shutil.copytree(folder, aside)
    _mount("-t", "tmpfs", "-o", "size=4m", "tmpfs", str(folder))
    try:
        shutil.copytree(aside, folder, dirs_exist_ok=True)
        stat = os.statvfs(folder)
        with open(folder / "filler", "wb") as f:
            f.write(b"\0" * max(0, stat.f_bavail * stat.f_frsize - free))
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)
        shutil.rmtree(aside)


@contextmanager
def read_only(folder: Path):
    if not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("a read-only bind mount needs root (as root, file permissions do not stop writes)")
    _mount("--bind", str(folder), str(folder))
    try:
        _mount("-o", "remount,bind,ro", str(folder))
        yield
    finally:
        subprocess.run(["umount", str(folder)], check=True)


def station_with_a_backup(a):
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        previous = backup_database(a.home, reason="daily")
    return previous, previous.read_bytes(), fingerprint(a)


def nothing_half_written(folder: Path, previous: Path, kept: bytes) -> None:
    assert previous.read_bytes() == kept
    assert not list(folder.glob("*.part"))
    assert not list((folder / ".staging").glob("*")) if (folder / ".staging").exists() else True
    assert [p for p in list_backups_in_names(folder)] == [previous.name]


def list_backups_in_names(folder: Path):
    return [p.name for p in folder.glob("vetstation-*")]


def test_a_backup_on_a_full_disk_says_so_and_leaves_everything_as_it_was(network):
    _, a, _ = network
    previous, kept, before = station_with_a_backup(a)
    with small_disk(a.home.backups, free=16 * 1024):
        with a, pytest.raises(BackupFailed) as caught:
            backup_database(a.home, reason="manual")
        assert "磁盘空间不足" in caught.value.message and "以前的备份都未受影响" in caught.value.message
        nothing_half_written(a.home.backups, previous, kept)
    assert fingerprint(a) == before


def test_a_backup_onto_a_full_stick_leaves_no_file_there(network, tmp_path):
    _, a, _ = network
    previous, kept, before = station_with_a_backup(a)
    stick = tmp_path / "stick"
    stick.mkdir()
    with small_disk(stick, free=8 * 1024):
        with a, pytest.raises(BackupFailed) as caught:
            backup_database(a.home, reason="manual", out=stick / "a.vsbak")
        assert "磁盘空间不足" in caught.value.message
        assert sorted(p.name for p in stick.iterdir()) == ["filler"]
    assert previous.read_bytes() == kept and fingerprint(a) == before


def test_a_backup_into_a_read_only_home_says_so(network):
    _, a, _ = network
    previous, kept, before = station_with_a_backup(a)
    with read_only(a.home.backups):
        with a, pytest.raises(BackupFailed) as caught:
            backup_database(a.home, reason="manual")
        assert "只读" in caught.value.message, caught.value.message
        nothing_half_written(a.home.backups, previous, kept)
    assert fingerprint(a) == before


def test_a_restore_on_a_full_disk_or_a_read_only_home_changes_nothing(network):
    _, a, _ = network
    previous, kept, _ = station_with_a_backup(a)
    with a:
        save_person(None, {"name": "李明", "id_number": "150626199001010017"}, actor=a.actor)
    before = fingerprint(a)
    for trouble, words in ((lambda: small_disk(a.home.backups, free=16 * 1024), "磁盘空间不足"),
                           (lambda: read_only(a.home.backups), "只读")):
        with trouble():
            with a, pytest.raises(BackupFailed) as caught:
                restore_database(a.home, previous)
            assert words in caught.value.message and "未作任何改动" in caught.value.message, caught.value.message
            nothing_half_written(a.home.backups, previous, kept)
        assert fingerprint(a) == before
