"""Several installations in one test process: a bureau and enrolled stations, each with its own home.

models.db.db is one global database, so a Site is "entered" to make it the open one:

    with bureau: export_bundle(bureau.home, path, for_station=A.code)
    with station_a: import_bundle(station_a.home, path, actor=…)

Enrollment here skips the passphrase (scrypt takes seconds); tests/sync/test_enrollment.py covers it.
"""
from __future__ import annotations

from pathlib import Path

import pytest

from models.db import close_database, open_database
from models.engine import is_postgres
from models.home import Home
from models.installation import init_bureau, init_station
from models.write import CLI_ACTOR, Actor
from sync.enrollment import adopt_enrollment, issue_enrollment
from sync.bureau_keys import create_bureau_keys

STATIONS = {"150626100": "嘎鲁图镇退役军人服务站", "150626101": "乌审召镇退役军人服务站",
            "150626102": "图克镇退役军人服务站"}
BUREAU_NAME = "乌审旗退役军人事务局"


class Site:
    """One installation (its home folder); `with site:` opens its database."""

    def __init__(self, root: Path, kind: str, code: str | None = None, name: str | None = None):
        self.home = Home(root)
        self.kind, self.code, self.name = kind, code, name
        self.actor = Actor(f"{kind}-{code or 'bureau'}", "测试员", "bureau_admin" if kind == "bureau" else "station_head")
        self.installation_id = None

    def __enter__(self):
        open_database(self.home)
        return self

    def __exit__(self, *exc):
        close_database()

    def __repr__(self):
        return f"Site({self.kind} {self.code or ''})"


def make_bureau(root: Path, *, postgres: bool = False) -> Site:
    """The bureau; with postgres=True (and in every --engine=postgres run) its data lives in PostgreSQL."""
    site = Site(root / "bureau", "bureau", name=BUREAU_NAME)
    if postgres or ENGINE[0] == "postgres":
        from tests.conftest import point_at_postgres

        point_at_postgres(site.home)
    with site:
        assert is_postgres() == (postgres or ENGINE[0] == "postgres")
        site.installation_id = init_bureau(BUREAU_NAME, actor=CLI_ACTOR).id
        create_bureau_keys(site.home, root / "escrow.txt")
    return site


def enroll(bureau: Site, root: Path, code: str, *, existing: bool = False) -> Site:
    site = Site(root / f"station-{code}", "station", code, STATIONS.get(code, f"服务站{code}"))
    with bureau:
        payload = issue_enrollment(bureau.home, code, site.name)
    with site:
        if existing:
            init_station(code, site.name, actor=CLI_ACTOR)
        site.installation_id = adopt_enrollment(site.home, payload, actor=CLI_ACTOR).id
    return site


ENGINE = ["sqlite"]


@pytest.fixture(autouse=True)
def _bureau_engine(engine_name):
    """Stations keep SQLite; the bureau lives in PostgreSQL with --engine=postgres."""
    ENGINE[0] = engine_name
    yield


@pytest.fixture
def network(tmp_path):
    """A bureau and two enrolled stations; no database left open."""
    close_database()
    bureau = make_bureau(tmp_path)
    a = enroll(bureau, tmp_path, "150626100")
    b = enroll(bureau, tmp_path, "150626101")
    yield bureau, a, b
    close_database()
