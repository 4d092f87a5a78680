"""The headless sync commands, as the lead wires them into `vetstation`."""
from __future__ import annotations

import argparse
import json

from desktop.commands.sync import add_sync_parsers, dispatch
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau
from models.registry import save_person
from models.write import CLI_ACTOR


def run(capsys, *argv, enrollment=None, passphrase=None):
    parser = argparse.ArgumentParser(prog="vetstation")
    parser.add_argument("--home")
    parser.add_argument("--user")
    sub = parser.add_subparsers(dest="command")
    init = sub.add_parser("init")
    init.add_argument("--enrollment")
    init.add_argument("--passphrase")
    add_sync_parsers(sub)
    args = parser.parse_args(list(argv))
    code = dispatch(args)
    close_database()
    out = capsys.readouterr()
    return code, out.out, out.err


def test_bureau_enrolls_a_station_and_bundles_travel_by_command(tmp_path, capsys):
    bureau, station = tmp_path / "bureau", tmp_path / "station"
    open_database(Home(bureau))
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    close_database()
    assert run(capsys, "--home", str(bureau), "bureau-keys", "--escrow-out", str(tmp_path / "escrow.txt"))[0] == 0
    code, out, _ = run(capsys, "--home", str(bureau), "enroll", "--code", "150626100", "--name", "嘎鲁图镇退役军人服务站",
                       "--out", str(tmp_path / "e.vse"), "--passphrase", "ABCD-EFGH")
    assert code == 0 and "登记文件" in out
    code, out, _ = run(capsys, "--home", str(station), "init", "--enrollment", str(tmp_path / "e.vse"),
                       "--passphrase", "abcd-efgh")
    assert code == 0 and "150626100" in out
    open_database(Home(station))
    save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=CLI_ACTOR)
    close_database()
    usb = tmp_path / "usb"
    usb.mkdir()
    code, out, _ = run(capsys, "--home", str(station), "bundle", "export", "--out", str(usb))
    assert code == 0 and "核对无误" in out
    [bundle] = usb.glob("*.vsb")
    code, out, _ = run(capsys, "--home", str(bureau), "bundle", "inspect", str(bundle), "--json")
    assert code == 0 and json.loads(out)["verified"]
    code, out, _ = run(capsys, "--home", str(bureau), "bundle", "import", str(bundle), "--dry-run", "--json")
    assert json.loads(out)["dry_run"] and json.loads(out)["counts"]["created"] >= 1
    code, out, _ = run(capsys, "--home", str(bureau), "bundle", "import", str(bundle))
    assert code == 0 and "导入结果" in out
    code, out, _ = run(capsys, "--home", str(bureau), "bundle", "export", "--out", str(usb / "back.vsb"),
                       "--for", "150626100")
    assert code == 0
    code, out, _ = run(capsys, "--home", str(station), "bundle", "import", str(usb / "back.vsb"))
    code, out, _ = run(capsys, "--home", str(station), "sync", "status", "--json")
    assert json.loads(out)["unconfirmed"] == 0
