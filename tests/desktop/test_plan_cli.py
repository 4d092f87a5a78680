"""Stories of `vetstation plan` at the bureau: start the year from the template, list tasks, report a 股室's 月调度,
add and confirm tasks; every refusal is one Chinese line and exit 1."""
from __future__ import annotations

import datetime as dt
import json

import pytest

from desktop.__main__ import main
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau, init_station
from models.plan import ProgressEntry
from models.write import CLI_ACTOR


@pytest.fixture(autouse=True)
def no_env_home(monkeypatch):
    monkeypatch.delenv("VETSTATION_HOME", raising=False)


def make_home(root, init) -> Home:
    close_database()
    home = Home(root)
    open_database(home)
    init()
    close_database()
    return home


@pytest.fixture
def bureau(tmp_path):
    yield make_home(tmp_path / "bureau", lambda: init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR))
    close_database()


@pytest.fixture
def station(tmp_path):
    yield make_home(tmp_path / "station", lambda: init_station("150626100", "嘎鲁图镇退役军人服务站", actor=CLI_ACTOR))
    close_database()


def run(capsys, home, *args):
    code = main(["--home", str(home.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_the_bureau_starts_the_year_from_the_template_and_lists_eight_tasks(bureau, capsys):
    code, out, err = run(capsys, bureau, "plan", "template", "--year", "2026")
    assert (code, err) == (0, "")
    assert "已按模板建立2026年工作方案" in out and "共8项任务" in out
    code, out, _ = run(capsys, bureau, "plan", "tasks", "--year", "2026", "--json")
    tasks = json.loads(out)
    assert code == 0 and [t["number"] for t in tasks] == list(range(1, 9))
    assert [t["area"] for t in tasks][:2] == ["组织领导", "基层基础建设"]
    assert {u["name"] for u in tasks[0]["units"]} == {"局党组", "办公室"}
    assert len(tasks[1]["units"]) == 2 + 7  # 办公室, 服务中心 and every station


def test_a_copy_of_last_year_and_a_second_template_for_one_year(bureau, capsys):
    run(capsys, bureau, "plan", "template", "--year", "2026")
    code, out, _ = run(capsys, bureau, "plan", "template", "--year", "2027", "--copy-from", "2026")
    assert (code, out.strip()) == (0, "已复制2026年的工作方案为2027年方案，共8项任务。")
    code, out, err = run(capsys, bureau, "plan", "template", "--year", "2027")
    assert (code, out, err.strip()) == (1, "", "2027年的工作方案已经建立，不能重复建立；请在已有方案中修改。")


def test_a_bureau_office_reports_its_month_and_is_refused_a_task_it_does_not_carry(bureau, capsys):
    # the plan is made today, so this month is the one month that can be reported whatever the date
    year, month = str(dt.date.today().year), dt.date.today().strftime("%Y-%m")
    run(capsys, bureau, "plan", "template", "--year", year)
    code, out, err = run(capsys, bureau, "plan", "progress", "1", "--month", month, "--done", "召开领导小组会议",
                         "--value", "2", "--problems", "无", "--next", "下月总结", "--unit", "办公室")
    assert (code, err) == (0, "")
    assert out.strip() == f"已记录办公室任务1的{month}月调度。"
    code, out, err = run(capsys, bureau, "plan", "progress", "1", "--month", month, "--done", "x", "--unit", "general")
    assert code == 1 and err.strip().startswith("任务1「") and err.strip().endswith("没有分配给综合股，不能填报其月调度。")
    code, _, err = run(capsys, bureau, "plan", "progress", "1", "--month", "11月", "--done", "x", "--unit", "office")
    assert (code, err.strip()) == (1, "月份应写为 年-月，例如 2026-11：11月")
    code, _, err = run(capsys, bureau, "plan", "progress", "99", "--month", month, "--done", "x", "--unit", "office")
    assert code == 1 and "没有编号为「99」的工作任务" in err
    open_database(bureau)
    try:
        assert [(e.unit_code, e.month, e.value, e.next_steps) for e in ProgressEntry.select()] == [
            ("office", month, 2, "下月总结")]
    finally:
        close_database()


def test_the_bureau_adds_a_measured_task_for_every_station_and_confirms_a_task(bureau, capsys):
    run(capsys, bureau, "plan", "template", "--year", str(dt.date.today().year))
    code, out, err = run(capsys, bureau, "plan", "task", "add", "--area", "合法权益维护", "--title", "化解在当地率达到90%",
                         "--target", "90", "--target-unit", "%", "--indicator", "resolved_locally_rate",
                         "--unit", "all_stations", "--leader", "副局长:乌云图")
    assert (code, err, out.strip()) == (0, "", "已在「合法权益维护」下新增任务9：化解在当地率达到90%")
    code, out, _ = run(capsys, bureau, "plan", "confirm", "9", "--unit", "150626100")
    assert code == 0
    tasks = json.loads(run(capsys, bureau, "plan", "tasks", "--json")[1])
    assert [t["number"] for t in tasks if t["area"] == "合法权益维护"] == [7, 9]  # listed by area
    task = tasks[7]
    assert (task["target_value"], task["indicator"], task["leaders"]) == (90, "resolved_locally_rate",
                                                                          [{"post": "副局长", "name": "乌云图"}])
    parts = {u["code"]: u["status_label"] for u in task["units"]}
    assert len(parts) == 7 and parts["150626100"] == "已完成" and task["status_label"] != "已完成"


def test_the_due_day_is_shown_and_set_by_the_bureau_only(bureau, station, capsys):
    assert run(capsys, bureau, "plan", "due-day")[1].strip() == "月调度截止日：每月25日"
    assert run(capsys, bureau, "plan", "due-day", "20")[0] == 0
    assert run(capsys, bureau, "plan", "due-day")[1].strip() == "月调度截止日：每月20日"
    code, _, err = run(capsys, bureau, "plan", "due-day", "31")
    assert (code, err.strip()) == (1, "月调度截止日应为每月1日到28日之间的一天")
    code, _, err = run(capsys, station, "plan", "due-day", "20")
    assert (code, err.strip()) == (1, "此项设置由旗退役军人事务局统一规定，服务站不能修改。")


def test_a_station_cannot_start_a_plan_and_is_told_when_none_has_arrived(station, capsys):
    code, out, err = run(capsys, station, "plan", "template", "--year", "2026")
    assert (code, out) == (1, "") and "由旗退役军人事务局制定和修改，服务站不能修改" in err
    code, _, err = run(capsys, station, "plan", "tasks")
    assert code == 1 and "服务站在收到事务局的数据包后看到方案" in err
