"""Shared fixtures: a fresh station home with its database open, and a logged-in actor."""
from __future__ import annotations

import contextlib
import os
import subprocess

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from models.accounts import create_user  # noqa: E402
from models.db import close_database, open_database  # noqa: E402
from models.home import Home  # noqa: E402
from models.installation import add_village, init_station  # noqa: E402
from models.write import CLI_ACTOR, Actor  # noqa: E402

STATION_CODE = "150626100"
STATION_NAME = "嘎鲁图镇退役军人服务站"


@pytest.fixture
def home(tmp_path):
    """An empty, opened home (not yet initialised as a station or bureau)."""
    h = Home(tmp_path / "home")
    open_database(h)
    yield h
    close_database()


@pytest.fixture
def station(home):
    """A station home with two villages and an administrator account `admin` / `admin123`."""
    init_station(STATION_CODE, STATION_NAME, actor=CLI_ACTOR)
    create_user("admin", "张站长", "admin123", "station_head", actor=CLI_ACTOR)
    add_village("布日都嘎查", actor=CLI_ACTOR)
    add_village("陶尔庙嘎查", actor=CLI_ACTOR)
    return home


@pytest.fixture
def actor(station):
    return Actor("admin", "张站长", "station_head")


@contextlib.contextmanager
def read_only(folder):
    """Make `folder` unwritable — even for root (chattr +i), which the tests run as in CI — and
    restore it afterwards. Skips the test where neither works."""
    folder.chmod(0o555)
    immutable = False
    if _writable(folder):
        try:
            immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode == 0
        except OSError:  # no chattr (e2fsprogs) on this machine
            immutable = False
    try:
        if _writable(folder):
            pytest.skip("cannot make a read-only folder on this machine")
        yield folder
    finally:
        if immutable:
            subprocess.run(["chattr", "-i", str(folder)], capture_output=True)
        folder.chmod(0o755)


@pytest.fixture
def read_only_folder(tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir()
    with read_only(folder):
        yield folder


def _writable(folder) -> bool:
    probe = folder / "probe"
    try:
        probe.write_bytes(b"x")
        probe.unlink()
        return True
    except OSError:
        return False
