"""Stories of `vetstation users …`, `vetstation audit` and every protected command tried by every role."""
from __future__ import annotations

import json

import pytest

from desktop.__main__ import main

PASSWORD = "secret123"


@pytest.fixture(autouse=True)
def no_ambient_settings(monkeypatch):
    for name in ("VETSTATION_HOME", "VETSTATION_PASSWORD", "VETSTATION_NEW_PASSWORD", "VETSTATION_ADMIN_PASSWORD"):
        monkeypatch.delenv(name, raising=False)


def run(capsys, home, *args):
    code = main(["--home", str(home), *args])
    out, err = capsys.readouterr()
    return code, out, err


def as_user(capsys, monkeypatch, home, user, *args, password=PASSWORD):
    monkeypatch.setenv("VETSTATION_PASSWORD", password)
    try:
        return run(capsys, home, "--user", user, *args)
    finally:
        monkeypatch.delenv("VETSTATION_PASSWORD")


@pytest.fixture
def station_home(tmp_path, capsys):
    """A station begun on its own, as from an enrollment file: no accounts yet."""
    home = tmp_path / "station"
    assert run(capsys, home, "init", "--station", "150626100", "--name", "嘎鲁图镇退役军人服务站")[0] == 0
    return home


def test_the_system_account_gives_a_new_station_its_first_head(station_home, capsys, monkeypatch):
    code, out, err = run(capsys, station_home, "users", "add", "liming", "--name", "李明", "--role", "station_head",
                         "--password", PASSWORD)
    assert (code, err) == (0, "") and "已添加账号 liming（李明，服务站站长）" in out
    monkeypatch.setenv("VETSTATION_NEW_PASSWORD", "start123")
    assert run(capsys, station_home, "users", "add", "wangfang", "--name", "王芳", "--role", "station_staff")[0] == 0
    code, out, _ = run(capsys, station_home, "users", "list", "--json")
    users = json.loads(out)
    assert [(u["login"], u["role"], u["active"]) for u in users] == [("liming", "station_head", True),
                                                                      ("wangfang", "station_staff", True)]
    code, out, err = as_user(capsys, monkeypatch, station_home, "wangfang", "people", "list", password="start123")
    assert code == 0, err


def test_the_last_active_head_cannot_be_disabled_but_a_clerk_can(station_home, capsys):
    run(capsys, station_home, "users", "add", "liming", "--name", "李明", "--role", "station_head", "--password", PASSWORD)
    run(capsys, station_home, "users", "add", "wangfang", "--name", "王芳", "--role", "station_staff", "--password",
        PASSWORD)
    code, out, err = run(capsys, station_home, "users", "disable", "liming")
    assert (code, out) == (1, "") and "最后一个可用的管理员账号" in err and len(err.splitlines()) == 1
    assert run(capsys, station_home, "users", "disable", "wangfang")[0] == 0
    assert run(capsys, station_home, "users", "enable", "wangfang")[0] == 0
    code, out, _ = run(capsys, station_home, "users", "list")
    assert "liming\t李明\t服务站站长\t在用" in out


def test_bad_input_is_one_line_and_changes_nothing(station_home, capsys):
    code, out, err = run(capsys, station_home, "users", "add", "li ming", "--name", "李明", "--role", "boss",
                         "--password", "1")
    assert code == 1 and "登录名请用字母、数字" in err and "请选择角色" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, station_home, "users", "add", "li", "--name", "李", "--role", "bureau_admin",
                       "--password", PASSWORD)
    assert (code, err) == (1, "本单位不能设置「事务局管理员」账号\n")
    code, _, err = run(capsys, station_home, "users", "add", "li", "--name", "李", "--role", "station_head")
    assert code == 1 and "VETSTATION_NEW_PASSWORD" in err
    code, _, err = run(capsys, station_home, "users", "unlock", "nobody")
    assert (code, err) == (1, "没有登录名为「nobody」的账号。\n")
    assert json.loads(run(capsys, station_home, "users", "list", "--json")[1]) == []
    code, _, err = run(capsys, station_home, "audit", "--since", "yesterday")
    assert code == 1 and "2026-11-01" in err


def test_lock_out_on_the_command_line_is_the_same_as_in_the_window(station_home, capsys, monkeypatch):
    run(capsys, station_home, "users", "add", "liming", "--name", "李明", "--role", "station_head", "--password", PASSWORD)
    for attempt in range(4):
        code, _, err = as_user(capsys, monkeypatch, station_home, "liming", "people", "list", password="wrong")
        assert code == 1 and err.startswith("用户名或密码不正确")
    code, _, err = as_user(capsys, monkeypatch, station_home, "liming", "people", "list", password="wrong")
    assert code == 1 and "已被锁定" in err and "自动解锁" in err
    code, _, err = as_user(capsys, monkeypatch, station_home, "liming", "people", "list")
    assert code == 1 and "已被锁定" in err
    code, out, _ = run(capsys, station_home, "users", "list", "--json")
    assert json.loads(out)[0]["locked_until"]
    assert run(capsys, station_home, "users", "unlock", "liming")[0] == 0
    assert as_user(capsys, monkeypatch, station_home, "liming", "people", "list")[0] == 0
    monkeypatch.setenv("VETSTATION_NEW_PASSWORD", "another1")
    assert run(capsys, station_home, "users", "reset-password", "liming")[0] == 0
    assert as_user(capsys, monkeypatch, station_home, "liming", "people", "list", password="another1")[0] == 0


def test_the_audit_command_lists_what_happened_as_json(station_home, capsys, monkeypatch, tmp_path):
    run(capsys, station_home, "users", "add", "liming", "--name", "李明", "--role", "station_head", "--password", PASSWORD)
    as_user(capsys, monkeypatch, station_home, "liming", "people", "list", password="wrong")
    as_user(capsys, monkeypatch, station_home, "liming", "people", "export", str(tmp_path / "m.xlsx"), "--masked")
    as_user(capsys, monkeypatch, station_home, "liming", "people", "list", "--full-id", "--reason", "核对身份")
    assert run(capsys, station_home, "backup")[0] == 0
    code, out, err = run(capsys, station_home, "audit", "--json")
    assert code == 0, err
    entries = json.loads(out)
    assert all(set(e) == {"at", "user", "action", "target", "detail"} for e in entries)
    assert [e["action"] for e in entries] == ["backup", "unmask", "login", "export", "login", "login_failed",
                                              "user_change"]
    export = entries[3]
    assert (export["user"], export["target"], export["detail"]["full_id"], export["detail"]["persons"]) == \
        ("liming", "m.xlsx", False, 0)
    assert entries[1]["detail"]["reason"] == "核对身份"
    code, out, _ = run(capsys, station_home, "audit", "--json", "--user", "liming", "--action", "login")
    assert [e["action"] for e in json.loads(out)] == ["login", "login"]
    code, out, _ = run(capsys, station_home, "audit", "--since", "2000-01-01")
    assert "liming 导出 m.xlsx" in out
    code, _, err = run(capsys, station_home, "audit", "--action", "nap")
    assert code == 1 and "没有这种审计动作" in err


def test_a_full_number_export_or_print_without_a_reason_is_refused_in_one_line(station_home, capsys, tmp_path):
    code, out, err = run(capsys, station_home, "people", "export", str(tmp_path / "f.xlsx"))
    assert (code, out) == (1, "") and "须说明理由" in err and "--reason" in err
    assert not (tmp_path / "f.xlsx").exists()
    code, _, err = run(capsys, station_home, "ledger", "roster", "--period", "2026Q4", "--out", str(tmp_path / "r.pdf"),
                       "--full-id")
    assert code == 1 and "须说明理由" in err and not (tmp_path / "r.pdf").exists()


# -- the role matrix through the command line ---------------------------------------------------------
ROLE_HOMES = {"station_staff": "station", "station_head": "station", "bureau_staff": "bureau",
              "bureau_admin": "bureau", "system": "station"}

# action -> (arguments, the roles that may); a permitted command may still fail for another reason
COMMANDS = {
    "manage_users": (lambda kind, tmp: ["users", "add", "newbie", "--name", "新人", "--role",
                                        "station_staff" if kind == "station" else "bureau_staff",
                                        "--password", "start123"],
                     {"station_head", "bureau_admin", "system"}),
    "see_full_id": (lambda kind, tmp: ["people", "list", "--full-id"],
                    {"station_head", "bureau_staff", "bureau_admin", "system"}),
    "print_full_id": (lambda kind, tmp: ["ledger", "roster", "--period", "2026Q4", "--out", str(tmp / "r.pdf"),
                                         "--full-id", "--reason", "报送上级"],
                      {"station_head", "bureau_staff", "bureau_admin", "system"}),
    "export": (lambda kind, tmp: ["people", "export", str(tmp / "p.xlsx"), "--masked"],
               {"station_staff", "station_head", "bureau_staff", "bureau_admin", "system"}),
    "backup": (lambda kind, tmp: ["backup"], {"station_staff", "station_head", "bureau_staff", "bureau_admin", "system"}),
    "restore": (lambda kind, tmp: ["restore", str(tmp / "missing.db")], {"station_head", "bureau_admin", "system"}),
    "see_audit": (lambda kind, tmp: ["audit"], {"station_head", "bureau_staff", "bureau_admin", "system"}),
    "transfer": (lambda kind, tmp: ["transfer", "150626199001011234", "--to", "150626101"],
                 {"bureau_staff", "bureau_admin"}),
    "close_period": (lambda kind, tmp: ["ledger", "close", "month_pack", "--period", "2020-01"],
                     {"station_head", "bureau_staff", "bureau_admin", "system"}),
}


@pytest.fixture(scope="module")
def homes(tmp_path_factory):
    import contextlib
    import io

    folder = tmp_path_factory.mktemp("roles")
    made = {}
    for kind in ("station", "bureau"):
        home = folder / kind
        init = ["--station", "150626100", "--name", "嘎鲁图镇退役军人服务站"] if kind == "station" else \
            ["--bureau", "--name", "乌审旗退役军人事务局"]
        with contextlib.redirect_stdout(io.StringIO()):
            assert main(["--home", str(home), "init", *init]) == 0
            for role, where in ROLE_HOMES.items():
                if where == kind and role != "system":
                    assert main(["--home", str(home), "users", "add", role.replace("_", ""), "--name", role,
                                 "--role", role, "--password", PASSWORD]) == 0
        made[kind] = home
    return made


@pytest.mark.parametrize("role", sorted(ROLE_HOMES))
@pytest.mark.parametrize("action", sorted(COMMANDS))
def test_every_role_tries_every_protected_command(homes, role, action, capsys, monkeypatch, tmp_path):
    from models.permissions import ACTIONS, ROLE_LABELS

    args, may = COMMANDS[action]
    kind = ROLE_HOMES[role]
    home = homes[kind]
    argv = args(kind, tmp_path)
    if role == "system":
        code, out, err = run(capsys, home, *argv)
    else:
        code, out, err = as_user(capsys, monkeypatch, home, role.replace("_", ""), *argv)
    refusal = f"{ROLE_LABELS[role]}不能{ACTIONS[action]}。"
    if role in may:
        assert refusal not in err
    else:
        assert code == 1 and out == "" and err.startswith(refusal) and len(err.splitlines()) == 1
