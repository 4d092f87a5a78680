"""A station starts with the 嘎查村 shipped for it (resources/defaults/villages.json); the bureau with all."""
from __future__ import annotations

import pytest

from models.db import db
from models.installation import Village, default_villages, init_bureau, init_station
from models.migrations import step_person_village_text
from models.resources import default_data
from models.villages import rename_village
from models.write import CLI_ACTOR

SHIPPED = {"150626100": [{"code": "150626100200", "name": "甲嘎查"}, {"code": "150626100201", "name": "乙村"}],
           "150626101": [{"code": "150626101200", "name": "丙嘎查"}]}


@pytest.fixture
def shipped(monkeypatch):
    monkeypatch.setattr("models.installation.default_villages", lambda code: list(SHIPPED.get(code, [])))


def test_the_shipped_list_names_every_station_of_the_banner_and_only_verified_villages():
    data = default_data("villages")
    stations = {s["code"] for s in default_data("stations")["stations"]}
    assert set(data["stations"]) == stations
    for code, villages in data["stations"].items():
        assert default_villages(code) == villages
        assert all(v["code"].startswith(code) and len(v["code"]) == 12 and v["name"] for v in villages)


def test_a_station_starts_with_its_own_villages_keyed_by_their_statistical_code(home, shipped):
    init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)
    assert {(v.id, v.name, v.station_id) for v in Village.live()} == {
        ("150626100200", "甲嘎查", "150626100"), ("150626100201", "乙村", "150626100")}


def test_the_bureau_starts_with_every_stations_villages(home, shipped):
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    assert {v.id for v in Village.live()} == {"150626100200", "150626100201", "150626101200"}


def test_seeded_villages_are_edited_like_any_other(home, shipped):
    init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)
    rename_village("150626100200", "甲嘎查（新）", actor=CLI_ACTOR)
    assert Village.get_by_id("150626100200").name == "甲嘎查（新）"


def test_the_village_text_column_is_added_to_an_older_database(station):
    db.execute_sql("ALTER TABLE person DROP COLUMN village_text")
    step_person_village_text()
    step_person_village_text()  # a database created with the column already: nothing to do
    assert "village_text" in {c.name for c in db.get_columns("person")}
