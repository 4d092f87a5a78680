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


def pytest_addoption(parser):
    parser.addoption("--engine", choices=("sqlite", "postgres"), default=os.environ.get("VETSTATION_TEST_ENGINE",
                                                                                        "sqlite"),
                     help="the database engine of the test homes (a station's: sqlite; a bureau's: postgres); "
                          "default $VETSTATION_TEST_ENGINE or sqlite")


def pytest_configure(config):
    config.addinivalue_line("markers", "sqlite_only(why): a test of SQLite itself, skipped with --engine=postgres")
    config.addinivalue_line("markers", "postgres: needs the PostgreSQL test server (skipped when none is installed)")


def pytest_collection_modifyitems(config, items):
    if config.getoption("--engine") != "postgres":
        return
    for item in items:
        marker = item.get_closest_marker("sqlite_only")
        if marker:
            item.add_marker(pytest.mark.skip(reason=f"SQLite only: {marker.args[0] if marker.args else ''}"))


_SERVER: list = []


def pg_server():
    """The session's PostgreSQL server, started on first use; skips the test when none is installed."""
    from tests.pg_server import PgServer

    if not _SERVER:
        _SERVER.append(PgServer.start())
    if _SERVER[0] is None:
        pytest.skip(PgServer.why_not)
    return _SERVER[0]


def pytest_sessionfinish(session, exitstatus):
    if _SERVER and _SERVER[0] is not None:
        _SERVER.pop().stop()


def point_at_postgres(home: Home, *, schema: bool = True) -> str:
    """Make home's data live in a new PostgreSQL database (with the current schema, or empty); its name."""
    from models import engine
    from tests.pg_server import ROLE_PASSWORD

    server = pg_server()
    name = server.fresh_database() if schema else server.empty_database()
    home.root.mkdir(parents=True, exist_ok=True)
    engine.write_target(home, engine.PostgresTarget(server.dsn(name)), password=ROLE_PASSWORD)
    _CREATED.append(name)
    return name


_CREATED: list[str] = []


@pytest.fixture(autouse=True)
def _drop_test_databases():
    """The PostgreSQL databases of the previous test are dropped as the next one starts: pytest-qt processes
    events once more after the fixtures' teardown, and a widget's timer firing then must still find its
    database (an SQLite home quietly reopens its file). The server's folder goes at the end of the session."""
    while _CREATED:
        close_database()
        _SERVER[0].drop(_CREATED.pop())
    yield


@pytest.fixture(scope="session")
def engine_name(request) -> str:
    return request.config.getoption("--engine")


@pytest.fixture
def on_postgres(engine_name) -> bool:
    """Whether the test homes of this run live in PostgreSQL (pytest --engine=postgres)."""
    return engine_name == "postgres"


@pytest.fixture
def home(tmp_path, on_postgres):
    """An empty, opened home (not yet initialised as a station or bureau); in PostgreSQL with
    --engine=postgres."""
    h = Home(tmp_path / "home")
    if on_postgres:
        point_at_postgres(h)
    open_database(h)
    yield h
    close_database()


@pytest.fixture
def station(home, monkeypatch):
    """A station home with two villages and an administrator account `admin` / `admin123`.

    The station's shipped 嘎查村 list is left out, so the stories count on exactly these two villages
    (tests/models/test_village_seed.py covers the shipped lists)."""
    with monkeypatch.context() as patch:
        patch.setattr("models.installation.default_villages", lambda code: [])
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
