"""A bureau home for the plan tests (the `station` fixture of tests/conftest.py is a station)."""
from __future__ import annotations

import pytest

from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau
from models.write import Actor, CLI_ACTOR

BUREAU = Actor("li", "李伟春", "bureau_admin")
GALUTU, WUSHENZHAO = "150626100", "150626101"


@pytest.fixture
def bureau(tmp_path):
    home = Home(tmp_path / "bureau")
    open_database(home)
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    yield home
    close_database()
