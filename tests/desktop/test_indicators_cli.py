"""Stories of `vetstation indicators` and `vetstation score`: the JSON a script reads, and one Chinese line
with exit 1 (2 for a usage mistake) when something is wrong."""
from __future__ import annotations

import json

import pytest

from desktop.__main__ import main
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau
from models.registry import save_person
from models.write import CLI_ACTOR
from tests.models.people import person_values

KEYS = ["station_code", "station_name", "persons", "persons_new", "visits_due", "visits_done", "visit_rate",
        "services", "cards_applied", "cards_issued", "aid_cases", "aid_approved_fen", "aid_paid_fen",
        "disputes", "disputes_ended", "disputes_resolved_locally", "resolved_locally_rate", "overdue_items",
        "tasks_assigned", "tasks_done", "tasks_late", "progress_on_time", "score"]


@pytest.fixture
def bureau_home(tmp_path, monkeypatch):
    monkeypatch.delenv("VETSTATION_HOME", raising=False)
    close_database()
    home = Home(tmp_path / "bureau")
    open_database(home)
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    for n, station in enumerate(("150626100", "150626101", "150626101"), 1):
        save_person(None, person_values(n), station_code=station, actor=CLI_ACTOR)
    close_database()
    yield home
    close_database()


def run(capsys, home, *args):
    code = main(["--home", str(home.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_indicators_json_has_a_row_per_station_and_the_total(capsys, bureau_home):
    code, out, err = run(capsys, bureau_home, "indicators", "--period", "2026Q4", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert list(data) == ["period", "stations", "total"] and data["period"] == "2026Q4"
    assert [r["station_code"] for r in data["stations"]] == ["150626100", "150626101"]
    for row in data["stations"] + [data["total"]]:
        assert list(row) == KEYS
    assert [r["persons"] for r in data["stations"]] == [1, 2] and data["total"]["persons"] == 3
    assert data["total"]["visit_rate"] is None and data["total"]["score"] is None


@pytest.mark.parametrize("period", ["2026", "2026-11"])
def test_a_year_or_a_month_works_too(capsys, bureau_home, period):
    code, out, _ = run(capsys, bureau_home, "indicators", "--period", period, "--json")
    assert code == 0 and json.loads(out)["period"] == period


def test_a_bad_period_is_one_chinese_line_and_exit_1(capsys, bureau_home):
    code, out, err = run(capsys, bureau_home, "indicators", "--period", "2026Q5")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "看不懂期间「2026Q5」" in err


def test_scores_before_a_scheme_say_how_to_make_one(capsys, bureau_home):
    code, _, err = run(capsys, bureau_home, "score", "--quarter", "2026Q4")
    assert code == 1 and "2026年还没有考核赋分方案" in err and "--start" in err


def test_the_bureau_scores_a_quarter_from_the_command_line(capsys, bureau_home, tmp_path):
    assert run(capsys, bureau_home, "score", "scheme", "--year", "2026", "--start")[0] == 0
    scheme_file = tmp_path / "scheme.json"
    code, out, _ = run(capsys, bureau_home, "score", "scheme", "--year", "2026", "--json")
    items = json.loads(out)["items"]
    items[0]["weight"] = 30
    scheme_file.write_text(json.dumps({"items": items}), encoding="utf-8")
    code, _, err = run(capsys, bureau_home, "score", "scheme", "--year", "2026", "--set", str(scheme_file))
    assert code == 1 and "权重合计应为100，现在是110（多10），未保存" in err
    for station in ("150626100", "150626101"):
        for item in ("grassroots", "aid", "employment", "politics"):
            assert run(capsys, bureau_home, "score", "enter", "--quarter", "2026Q4", "--station", station,
                       "--item", item, "--points", "90", "--reason", "现场检查")[0] == 0
    code, out, err = run(capsys, bureau_home, "score", "--quarter", "2026Q4", "--json")
    assert code == 0, err
    data = json.loads(out)
    assert [(r["rank"], r["confirmed"]) for r in data["stations"]] == [(1, False), (1, False)]
    assert run(capsys, bureau_home, "score", "--quarter", "2026Q4", "--confirm")[0] == 0
    code, out, _ = run(capsys, bureau_home, "score", "--quarter", "2026Q4", "--json")
    assert all(r["confirmed"] and r["difference"] == [] for r in json.loads(out)["stations"])
    code, out, _ = run(capsys, bureau_home, "indicators", "--period", "2026Q4", "--json")
    assert {r["score"] for r in json.loads(out)["stations"]} == {r["score"] for r in data["stations"]}
    code, _, err = run(capsys, bureau_home, "score", "--quarter", "2026-11")
    assert code == 1 and "请写季度" in err


def test_score_needs_a_quarter_or_a_year(capsys, bureau_home):
    code, _, err = run(capsys, bureau_home, "score")
    assert code == 1 and "请用 --quarter" in err
