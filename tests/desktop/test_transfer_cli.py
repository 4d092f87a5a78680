"""Stories of `vetstation transfer`: the bureau moves a person to another station from the command line;
a station is told, in one line, that only the bureau may do this."""
from __future__ import annotations

import datetime as dt

import pytest

from desktop.__main__ import main
from models.accounts import create_user
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau, init_station
from models.registry import get_person, save_person
from models.write import CLI_ACTOR

ID = "150626198503150314"
GALUTU, WUSHENZHAO = "150626100", "150626101"
STATIONS = {GALUTU: "嘎鲁图镇退役军人服务站", WUSHENZHAO: "乌审召镇退役军人服务站"}  # resources/defaults
BUREAU_NAME = "乌审旗退役军人事务局"


@pytest.fixture(autouse=True)
def password(monkeypatch):
    monkeypatch.delenv("VETSTATION_HOME", raising=False)
    monkeypatch.setenv("VETSTATION_PASSWORD", "secret123")


def run(capsys, home, *args):
    code = main(["--home", str(home.root), *args])
    out, err = capsys.readouterr()
    return code, out, err


def make_home(root, init) -> tuple[Home, str]:
    """A home with a logged-in clerk `li` and 王建国 of 嘎鲁图镇; the database left closed."""
    close_database()
    home = Home(root)
    open_database(home)
    init()
    create_user("li", "李科长", "secret123", "bureau_admin" if root.name == "bureau" else "station_head",
                actor=CLI_ACTOR)
    person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=CLI_ACTOR, station_code=GALUTU)
    close_database()
    return home, person.id


@pytest.fixture
def bureau(tmp_path):
    yield make_home(tmp_path / "bureau", lambda: init_bureau(BUREAU_NAME, actor=CLI_ACTOR))
    close_database()


@pytest.fixture
def station(tmp_path):
    yield make_home(tmp_path / "station", lambda: init_station(GALUTU, STATIONS[GALUTU], actor=CLI_ACTOR))
    close_database()


def person_at(home, pid):
    open_database(home)
    try:
        return get_person(pid)
    finally:
        close_database()


def test_the_bureau_transfers_a_person_by_id_number_with_date_and_reason(bureau, capsys):
    home, pid = bureau
    code, out, err = run(capsys, home, "--user", "li", "transfer", ID, "--to", WUSHENZHAO,
                         "--on", "2026-01-05", "--reason", "随子女迁居")
    assert (code, err) == (0, "")
    assert out.strip().startswith(f"已将王建国从{STATIONS[GALUTU]}转移到{STATIONS[WUSHENZHAO]}。")
    person = person_at(home, pid)
    assert (person.station_code, person.status) == (WUSHENZHAO, "active")
    assert person.status_reason == f"由{STATIONS[GALUTU]}迁入（2026-01-05）"


def test_the_history_lists_each_transfer_with_date_stations_and_who(bureau, capsys):
    home, pid = bureau
    code, out, _ = run(capsys, home, "transfer", pid, "--history")
    assert code == 0 and out.strip() == f"王建国没有转移记录（现属{STATIONS[GALUTU]}）。"
    assert run(capsys, home, "--user", "li", "transfer", pid, "--to", WUSHENZHAO)[0] == 0
    code, out, _ = run(capsys, home, "transfer", ID, "--history")
    lines = out.strip().splitlines()
    assert code == 0 and lines[0] == "王建国的转移记录："
    assert lines[1].split() == [dt.date.today().isoformat(), STATIONS[GALUTU], "→", STATIONS[WUSHENZHAO], "李科长"]


def test_a_station_is_refused_in_one_line_and_nothing_changes(station, capsys):
    home, pid = station
    code, out, err = run(capsys, home, "--user", "li", "transfer", ID, "--to", WUSHENZHAO)
    assert (code, out) == (1, "")
    assert err == "服务站站长不能办理人员转移。可由事务局工作人员、事务局管理员办理。\n"
    assert person_at(home, pid).station_code == GALUTU


@pytest.mark.parametrize("args, sentence", [
    (["--to", "999999999"], "没有代码为「999999999」的服务站"),
    (["--to", GALUTU], f"王建国已在{STATIONS[GALUTU]}，不用转移。"),
    (["--to", WUSHENZHAO, "--on", "2999-01-01"], "转移日期不能晚于今天"),
])
def test_a_wrong_station_or_date_is_one_sentence_and_nothing_changes(bureau, capsys, args, sentence):
    home, pid = bureau
    code, out, err = run(capsys, home, "--user", "li", "transfer", ID, *args)
    assert (code, out, err) == (1, "", sentence + "\n")
    assert person_at(home, pid).station_code == GALUTU


def test_the_system_account_may_not_transfer_and_an_unknown_person_is_named(bureau, capsys):
    home, _ = bureau
    code, _, err = run(capsys, home, "transfer", ID, "--to", WUSHENZHAO)
    assert code == 1 and "命令行系统账号不能办理人员转移" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, home, "--user", "li", "transfer", "150626199001011237", "--to", WUSHENZHAO)
    assert (code, err) == (1, "未找到「150626199001011237」对应的人员。\n")


def test_a_bad_date_or_missing_target_is_a_usage_error(bureau, capsys):
    home, _ = bureau
    code, _, err = run(capsys, home, "transfer", ID, "--to", WUSHENZHAO, "--on", "5.1.2026")
    assert code == 2 and "日期格式应为 YYYY-MM-DD：5.1.2026" in err
    code, _, err = run(capsys, home, "transfer", ID)
    assert code == 2 and "用法错误" in err
