"""Stories of the `vetstation` command line, run in-process (main([...]) with captured output)."""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.__main__ import main

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch):
    for name in ("VETSTATION_HOME", "VETSTATION_PASSWORD", "VETSTATION_ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def run(capsys, home, *args):
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def demo_home(tmp_path, capsys):
    home = tmp_path / "demo"
    code, out, err = run(capsys, home, "demo", "--people", "60", "--seed", "5")
    assert code == 0, err
    return home


def people_json(capsys, home, *args):
    code, out, err = run(capsys, home, "people", "list", "--json", "--full-id", *args)
    assert code == 0, err
    return json.loads(out)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# -- init -----------------------------------------------------------------------------------------
def test_init_makes_a_station_with_its_first_administrator_who_can_then_log_in(tmp_path, capsys, monkeypatch):
    home = tmp_path / "h"
    code, out, err = run(capsys, home, "init", "--station", "150626101", "--name", "乌审召镇退役军人服务站",
                         "--admin", "bao", "--admin-name", "宝音", "--admin-password", "secret123")
    assert (code, err) == (0, "")
    assert "乌审召镇退役军人服务站" in out and "bao" in out
    monkeypatch.setenv("VETSTATION_PASSWORD", "secret123")
    code, out, err = run(capsys, home, "--user", "bao", "people", "list")
    assert code == 0 and "没有找到" in out


def test_init_bureau(tmp_path, capsys):
    code, out, _ = run(capsys, tmp_path / "b", "init", "--bureau", "--name", "乌审旗退役军人事务局")
    assert code == 0 and "事务局" in out


def test_second_init_on_the_same_home_is_refused_in_one_line(tmp_path, capsys):
    home = tmp_path / "h"
    run(capsys, home, "init", "--station", "150626100", "--name", "嘎鲁图镇退役军人服务站")
    code, out, err = run(capsys, home, "init", "--bureau", "--name", "乌审旗退役军人事务局")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "已初始化为「嘎鲁图镇退役军人服务站」" in err


def test_init_with_a_short_admin_password_leaves_the_home_uninitialised(tmp_path, capsys):
    home = tmp_path / "h"
    code, _, err = run(capsys, home, "init", "--station", "150626100", "--name", "嘎鲁图镇退役军人服务站",
                       "--admin", "zhang", "--admin-password", "123")
    assert code == 1 and "密码至少6位" in err and err.count("\n") == 1
    code, out, _ = run(capsys, home, "init", "--station", "150626100", "--name", "嘎鲁图镇退役军人服务站")
    assert code == 0


def test_init_with_a_malformed_station_code_says_what_a_code_looks_like(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "h", "init", "--station", "15x", "--name", "某站")
    assert code == 1 and "150626100" in err and err.count("\n") == 1


def test_usage_mistakes_exit_2(tmp_path, capsys):
    assert run(capsys, tmp_path, "init", "--name", "x")[0] == 2
    code, _, err = run(capsys, tmp_path, "demo", "--people", "0")
    assert code == 2 and "用法错误" in err


# -- demo -----------------------------------------------------------------------------------------
def test_demo_on_an_empty_home_sets_up_the_demo_station_and_prints_its_login(tmp_path, capsys):
    code, out, err = run(capsys, tmp_path / "d", "demo", "--people", "40")
    assert code == 0
    assert "演示账号：demo  密码：demo1234" in out
    assert "已写入 40/40 人" in err
    assert len(people_json(capsys, tmp_path / "d")) == 40


def test_demo_by_a_logged_in_user_is_attributed_to_them(demo_home, capsys, monkeypatch):
    monkeypatch.setenv("VETSTATION_PASSWORD", "demo1234")
    assert run(capsys, demo_home, "--user", "demo", "demo", "--people", "5")[0] == 0
    with sqlite3.connect(demo_home / "vetstation.db") as con:
        authors = dict(con.execute("SELECT author, COUNT(*) FROM change_log WHERE \"table\"='person' GROUP BY author"))
    assert authors == {"cli": 60, "demo": 5}


def test_a_wrong_password_is_one_line_and_changes_nothing_but_the_audit(demo_home, capsys, monkeypatch):
    def data_changes():
        with sqlite3.connect(demo_home / "vetstation.db") as con:
            return con.execute("SELECT COUNT(*) FROM change_log WHERE \"table\" != 'audit_entry'").fetchone()[0]

    before = data_changes()
    monkeypatch.setenv("VETSTATION_PASSWORD", "wrong-one")
    code, out, err = run(capsys, demo_home, "--user", "demo", "demo", "--people", "5")
    assert code == 1 and out == "" and err == "用户名或密码不正确，请重新输入。\n"
    assert data_changes() == before
    with sqlite3.connect(demo_home / "vetstation.db") as con:
        assert con.execute("SELECT action FROM audit_entry WHERE created_by = 'demo'").fetchall() == [("login_failed",)]


# -- people ---------------------------------------------------------------------------------------
def test_people_list_json_gives_every_match_with_the_agreed_fields(demo_home, capsys):
    people = people_json(capsys, demo_home)
    assert len(people) == 60
    for key in ("id", "name", "id_number", "village", "identities", "sex", "birth_date", "phone", "status"):
        assert key in people[0]
    assert all(len(p["id_number"]) == 18 and p["identities"] for p in people)


def test_search_finds_by_pinyin_initials_full_pinyin_and_id_fragment(demo_home, capsys):
    from models.pinyin import search_keys

    someone = people_json(capsys, demo_home)[7]
    full, initials = search_keys(someone["name"])
    for text in (initials, full, someone["id_number"][6:14], someone["name"]):
        if len(text) >= 2:
            assert someone["id"] in {p["id"] for p in people_json(capsys, demo_home, "--query", text)}, text


def test_filters_by_identity_label_village_and_status(demo_home, capsys):
    everyone = people_json(capsys, demo_home)
    soldiers = people_json(capsys, demo_home, "--identity", "退役士兵")
    assert soldiers and all("retired_soldier" in p["identities"] for p in soldiers)
    assert people_json(capsys, demo_home, "--identity", "retired_soldier") == soldiers
    village = everyone[0]["village"]
    assert {p["id"] for p in people_json(capsys, demo_home, "--village", village)} == \
        {p["id"] for p in everyone if p["village"] == village}
    active = people_json(capsys, demo_home, "--status", "在册")
    assert {p["status"] for p in active} == {"active"}


def test_unknown_village_or_identity_is_one_line(demo_home, capsys):
    code, _, err = run(capsys, demo_home, "people", "list", "--village", "不存在嘎查")
    assert code == 1 and "不存在嘎查" in err and err.count("\n") == 1
    code, _, err = run(capsys, demo_home, "people", "list", "--identity", "宇航员")
    assert code == 1 and err.count("\n") == 1


def test_a_one_character_search_is_refused_in_one_line(demo_home, capsys):
    code, out, err = run(capsys, demo_home, "people", "list", "--query", "王")
    assert code == 1 and out == ""
    assert err == "请至少输入2个字符再搜索（姓名、拼音、身份证号或电话的一部分）。\n"


def test_the_table_masks_id_numbers_unless_full_id_is_asked(demo_home, capsys):
    number = people_json(capsys, demo_home)[0]["id_number"]
    _, table, _ = run(capsys, demo_home, "people", "list", "--limit", "100")
    assert number not in table and f"{number[:6]}********{number[-4:]}" in table
    assert "姓名" in table and "公民身份号码" in table and "共 60 人。" in table
    _, table, _ = run(capsys, demo_home, "people", "list", "--limit", "100", "--full-id")
    assert number in table
    _, masked_json, _ = run(capsys, demo_home, "people", "list", "--json")
    assert number not in masked_json


def test_limit_cuts_the_table_and_says_so(demo_home, capsys):
    _, table, _ = run(capsys, demo_home, "people", "list", "--limit", "3")
    assert len(table.strip().splitlines()) == 2 + 3 + 1 and "显示前 3 人" in table


def test_people_show_by_id_number_gives_all_fields_identities_and_family(demo_home, capsys):
    with_family = [p for p in people_json(capsys, demo_home) if p["status"] == "active"]
    shown = None
    for p in with_family:
        code, out, err = run(capsys, demo_home, "people", "show", p["id_number"].lower(), "--json", "--full-id")
        assert code == 0, err
        doc = json.loads(out)
        if doc["family"]:
            shown = doc
            break
    assert shown is not None
    assert shown["identities"] and shown["identity_details"][0]["label"]
    for key in ("enlist_date", "household_address", "tags", "village", "village_id", "personal_income_fen"):
        assert key in shown
    code, text, _ = run(capsys, demo_home, "people", "show", shown["id"])
    assert code == 0 and "【家庭成员】" in text and shown["family"][0]["name"] in text
    assert shown["id_number"] not in text


def test_showing_an_unknown_person_is_one_line(demo_home, capsys):
    code, out, err = run(capsys, demo_home, "people", "show", "110105194912310021")
    assert code == 1 and out == "" and "未找到" in err and err.count("\n") == 1


# -- check, backup, restore -----------------------------------------------------------------------
def test_check_is_clean_on_a_demo_home_and_reports_a_duplicate_number(demo_home, capsys):
    assert run(capsys, demo_home, "check")[0] == 0
    with sqlite3.connect(demo_home / "vetstation.db") as con:
        first, second = [r[0] for r in con.execute("SELECT id FROM person WHERE status='active' LIMIT 2")]
        con.execute("UPDATE person SET id_number=(SELECT id_number FROM person WHERE id=?) WHERE id=?",
                    (first, second))
    code, out, _ = run(capsys, demo_home, "check")
    assert code == 1 and "身份证号码重复" in out


def test_backup_then_restore_brings_back_the_old_state(demo_home, capsys):
    code, out, _ = run(capsys, demo_home, "backup")
    backup = Path(out.split("备份到 ")[1].strip())
    assert code == 0 and backup.exists()
    run(capsys, demo_home, "demo", "--people", "3")
    assert len(people_json(capsys, demo_home)) == 63
    code, out, _ = run(capsys, demo_home, "restore", str(backup), "--yes")
    assert code == 0 and "恢复前的数据已另存为" in out and "备份内容" in out
    assert len(people_json(capsys, demo_home)) == 60


# -- bad homes and bugs ---------------------------------------------------------------------------
def test_a_database_from_a_newer_program_is_refused_and_left_untouched(demo_home, capsys):
    with sqlite3.connect(demo_home / "vetstation.db") as con:
        con.execute("PRAGMA user_version = 99")
    before = digest(demo_home / "vetstation.db")
    code, out, err = run(capsys, demo_home, "people", "list")
    assert code == 1 and out == "" and err.count("\n") == 1 and "更新版本" in err
    assert run(capsys, demo_home, "demo", "--people", "2")[0] == 1
    assert digest(demo_home / "vetstation.db") == before


def test_a_home_without_database_is_not_created_by_a_query(tmp_path, capsys):
    code, _, err = run(capsys, tmp_path / "nothing", "people", "list")
    assert code == 1 and "init" in err and err.count("\n") == 1
    assert not (tmp_path / "nothing").exists()


def test_a_home_that_cannot_be_created_is_one_line(tmp_path, capsys):
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    code, _, err = run(capsys, blocker / "home", "init", "--bureau", "--name", "局")
    assert code == 1 and "数据目录不可写" in err and err.count("\n") == 1


@pytest.mark.skipif(os.name != "posix", reason="chmod/chattr make a read-only folder on POSIX")
def test_a_read_only_home_is_one_line_and_nothing_changes(demo_home, capsys):
    from tests.conftest import read_only

    db = demo_home / "vetstation.db"
    before = digest(db)
    with read_only(demo_home):
        code, _, err = run(capsys, demo_home, "demo", "--people", "2")
    assert code == 1 and err.count("\n") == 1 and "不可写" in err
    assert digest(db) == before


def test_an_unexpected_error_is_one_line_pointing_at_the_log_with_the_traceback(demo_home, capsys, monkeypatch):
    import models.registry_search as search

    def broken(query):
        raise RuntimeError("boom")

    monkeypatch.setattr(search, "count_people", broken)
    monkeypatch.setattr("desktop.commands.people.count_people", broken)
    code, out, err = run(capsys, demo_home, "people", "list")
    log = demo_home / "logs" / "vetstation.log"
    assert code == 1 and out == ""
    assert err == f"内部错误：RuntimeError: boom。详情见日志 {log}\n"
    assert "Traceback" in log.read_text(encoding="utf-8") and "boom" in log.read_text(encoding="utf-8")


# -- entry points ---------------------------------------------------------------------------------
def test_no_subcommand_opens_the_gui_on_the_chosen_home(tmp_path, monkeypatch):
    import types

    calls = []
    fake = types.ModuleType("ui.app")
    fake.run_gui = lambda home_root, **kw: calls.append((home_root, kw)) or 0
    monkeypatch.setitem(sys.modules, "ui.app", fake)
    assert main(["--home", str(tmp_path / "g"), "--quit-after", "500"]) == 0
    assert calls == [((tmp_path / "g").absolute(), {"quit_after_ms": 500})]
    monkeypatch.setenv("VETSTATION_PASSWORD", "demo1234")
    assert main(["--home", str(tmp_path / "g"), "--user", "demo"]) == 0
    assert calls[1] == ((tmp_path / "g").absolute(), {"quit_after_ms": None, "demo_login": ("demo", "demo1234")})


def test_the_console_path_runs_as_a_real_process(demo_home):
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    env.pop("VETSTATION_HOME", None)
    done = subprocess.run([sys.executable, "-m", "desktop", "--home", str(demo_home), "people", "list"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "共 60 人" in done.stdout and done.stderr == ""
    done = subprocess.run([sys.executable, "-m", "desktop", "--home", str(demo_home), "people", "list", "-q", "x"],
                          cwd=ROOT, capture_output=True, text=True, encoding="utf-8", env=env, timeout=120)
    assert done.returncode == 1 and done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
