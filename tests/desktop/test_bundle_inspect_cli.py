"""Stories of `vetstation bundle inspect` on a bundle that this PC cannot decrypt: the station's own bundle
for the bureau is told from its export record (exit 0); a sealed bundle it did not write gets one clear
Chinese line and exit 1 — never "发送方：?" or "None"."""
from __future__ import annotations

import pytest

from desktop.__main__ import main
from models.db import close_database
from models.registry import save_person
from tests.sync.conftest import enroll, make_bureau
from tests.sync.helpers import bundle_from


@pytest.fixture
def stations(tmp_path, monkeypatch):
    monkeypatch.delenv("VETSTATION_HOME", raising=False)
    close_database()
    bureau = make_bureau(tmp_path)
    a, b = enroll(bureau, tmp_path, "150626100"), enroll(bureau, tmp_path, "150626101")
    with a:
        save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=a.actor)
    yield bureau, a, b
    close_database()


def inspect(capsys, site, path, *more):
    code = main(["--home", str(site.home.root), "bundle", "inspect", str(path), *more])
    close_database()
    out, err = capsys.readouterr()
    return code, out, err


def test_a_station_inspects_its_own_outgoing_bundle(stations, tmp_path, capsys):
    bureau, a, _b = stations
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["--home", str(a.home.root), "bundle", "export", "--out", str(usb)]) == 0
    close_database()
    capsys.readouterr()
    [bundle] = usb.glob("*.vsb")
    code, out, _ = inspect(capsys, a, bundle)
    assert code == 0
    first, second = out.splitlines()
    assert first.startswith("本单位（嘎鲁图镇退役军人服务站（150626100））于 ")
    assert "导出，发给乌审旗退役军人事务局，第 1 号数据包，共 " in first and "人员档案 1" in first
    assert "本机打不开" in second and "本机导出时的记录" in second
    assert "?" not in out and "None" not in out


def test_the_json_of_an_own_bundle_carries_the_record(stations, tmp_path, capsys):
    import json

    bureau, a, _b = stations
    bundle = bundle_from(a, bureau, tmp_path)
    code, out, _ = inspect(capsys, a, bundle, "--json")
    info = json.loads(out)
    assert code == 0 and info["own_export"]["recipient"]["kind"] == "bureau"
    assert info["sender"]["station_code"] == "150626100" and info["counts"]["person"] == 1
    assert info["own_export"]["file_sha256"] and not info["verified"]


def test_another_station_s_bundle_gets_one_clear_line_and_fails(stations, tmp_path, capsys):
    bureau, a, b = stations
    theirs = bundle_from(a, bureau, tmp_path)
    code, out, _ = inspect(capsys, b, theirs)
    assert code == 1
    assert out.splitlines() == ["无法查看这个数据包：它不是发给本单位的（本单位的密钥打不开），本机也没有导出过它，"
                                "所以看不到其中的内容。未作任何改动。"]


def test_a_file_that_is_no_bundle_gets_one_line(stations, tmp_path, capsys):
    _bureau, a, _b = stations
    junk = tmp_path / "notes.vsb"
    junk.write_text("不是数据包", encoding="utf-8")
    code, out, _ = inspect(capsys, a, junk)
    assert code == 1 and out.splitlines() == ["这不是 vetstation 数据包文件（.vsb），未作任何改动。"]


def test_the_bureau_reads_a_station_bundle_in_chinese(stations, tmp_path, capsys):
    bureau, a, _b = stations
    bundle = bundle_from(a, bureau, tmp_path)
    code, out, _ = inspect(capsys, bureau, bundle)
    assert code == 0
    assert out.splitlines()[:2] == ["发送方：嘎鲁图镇退役军人服务站 150626100", "接收方：事务局"]
    assert "人员档案 1" in out and "验证：通过" in out and "None" not in out
