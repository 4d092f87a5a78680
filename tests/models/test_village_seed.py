"""A station starts with the 嘎查村 shipped for it (resources/defaults/villages.json); the bureau with all."""
from __future__ import annotations

import re

import pytest

from models.db import db
from models.installation import Village, default_villages, init_bureau, init_station, seeded_village_id
from models.migrations import step_person_village_text
from models.resources import default_data
from models.villages import rename_village
from models.write import CLI_ACTOR

SHIPPED = {"150626100": [{"name": "甲嘎查"}, {"name": "乙村"}], "150626101": [{"name": "丙嘎查"}]}


@pytest.fixture
def shipped(monkeypatch):
    monkeypatch.setattr("models.installation.default_villages", lambda code: list(SHIPPED.get(code, [])))


def test_the_shipped_list_names_every_station_of_the_banner_and_real_villages():
    data = default_data("villages")
    stations = {s["code"] for s in default_data("stations")["stations"]}
    assert set(data["stations"]) == stations
    for code, villages in data["stations"].items():
        assert default_villages(code) == villages
        names = [v["name"] for v in villages]
        assert len(names) == len(set(names))
        assert all(re.fullmatch(r"[\u4e00-\u9fff]+(嘎查|村|社区)", n) and not n.endswith("嘎查村") for n in names)
    # spot checks against the published list (乌审召镇, 苏力德苏木; none for the development zone)
    assert {"乌审召嘎查", "巴嘎淖尔村", "绿洲社区"} <= {v["name"] for v in default_villages("150626101")}
    assert {"昌煌嘎查", "纳林河村"} <= {v["name"] for v in default_villages("150626200")}
    assert default_villages("150626410") == []


def test_a_station_starts_with_its_own_villages_with_the_same_ids_everywhere(home, shipped):
    init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)
    assert {(v.id, v.name, v.station_id) for v in Village.live()} == {
        (seeded_village_id("150626100", "甲嘎查"), "甲嘎查", "150626100"),
        (seeded_village_id("150626100", "乙村"), "乙村", "150626100")}
    assert seeded_village_id("150626100", "甲嘎查") != seeded_village_id("150626101", "甲嘎查")


def test_the_bureau_starts_with_every_stations_villages(home, shipped):
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    assert {(v.station_id, v.name) for v in Village.live()} == {
        ("150626100", "甲嘎查"), ("150626100", "乙村"), ("150626101", "丙嘎查")}


def test_seeded_villages_are_edited_like_any_other(home, shipped):
    init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR)
    rename_village(seeded_village_id("150626100", "甲嘎查"), "甲嘎查（新）", actor=CLI_ACTOR)
    assert Village.get_by_id(seeded_village_id("150626100", "甲嘎查")).name == "甲嘎查（新）"


def test_the_village_text_column_is_added_to_an_older_database(station):
    db.execute_sql("ALTER TABLE person DROP COLUMN village_text")
    step_person_village_text()
    step_person_village_text()  # a database created with the column already: nothing to do
    assert "village_text" in {c.name for c in db.get_columns("person")}
