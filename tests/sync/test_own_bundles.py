"""Stories of a station looking at the bundle it has just written: it cannot decrypt it (sealed for the
bureau), so what it holds — for whom, when, how many changes of which kinds — is told from this PC's own
export record, found by the file's SHA-256. A sealed bundle it did not write gets one clear sentence."""
from __future__ import annotations

import pytest

from models.peers import ExportedBundle
from models.registry import save_person
from sync.errors import BundleRefused
from sync.export import export_bundle
from sync.importer import import_bundle, inspect_bundle
from sync.own_bundles import last_export
from tests.sync.helpers import bundle_from
from tests.sync.test_refusals import fingerprint

ID = "150626198503150314"


def register_two(site) -> None:
    with site:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=site.actor)
        save_person(None, {"name": "李桂兰", "id_number": "150626199001010017"}, actor=site.actor)


def test_a_station_inspects_the_bundle_it_just_wrote(network, tmp_path):
    bureau, a, _b = network
    register_two(a)
    with a:
        result = export_bundle(a.home, tmp_path / "out.vsb", actor=a.actor)
        info = inspect_bundle(a.home, result.path)
    own = info["own_export"]
    assert own["file_sha256"] == result.sha256 and own["manifest_hash"] == result.manifest_hash
    assert info["sender"]["station_code"] == "150626100" and info["sender"]["name"] == a.name
    assert info["recipient"]["kind"] == "bureau" and info["recipient"]["name"] == "乌审旗退役军人事务局"
    assert info["changes"] == result.changes and info["counts"] == result.counts
    assert info["counts"]["person"] == 2
    assert info["sequence"] == 1 and own["exported_by"] == a.actor.username
    assert own["vector_after"][a.installation_id] >= result.changes and own["vector_before"] == {}
    assert info["summary"].startswith("本单位（嘎鲁图镇退役军人服务站（150626100））于 ")
    assert "发给乌审旗退役军人事务局，第 1 号数据包，" in info["summary"]
    assert f"共 {result.changes} 条修改：" in info["summary"] and "人员档案 2" in info["summary"]
    assert "本机打不开" in info["problem"] and "本机导出时的记录" in info["problem"]
    assert not info["verified"]


def test_the_record_follows_each_bundle_and_the_bureau_s_vector(network, tmp_path):
    bureau, a, _b = network
    register_two(a)
    first = bundle_from(a, bureau, tmp_path / "1")
    with bureau:
        import_bundle(bureau.home, first, actor=bureau.actor)
    back = bundle_from(bureau, a, tmp_path / "2")
    with a:
        import_bundle(a.home, back, actor=a.actor)  # the bureau's receipt: it holds a's first bundle
        save_person(None, {"name": "张三", "id_number": "150626197005200011"}, actor=a.actor)
        second = export_bundle(a.home, tmp_path / "second.vsb", actor=a.actor)
        info = inspect_bundle(a.home, second.path)
        assert last_export().file_sha256 == second.sha256
        assert ExportedBundle.select().where(ExportedBundle.peer == "bureau").count() == 2
    assert info["sequence"] == 2 and info["own_export"]["vector_before"][a.installation_id] > 0
    assert "第 2 号数据包" in info["summary"] and "人员档案 1" in info["summary"]


def test_the_bureau_keeps_a_record_of_what_it_sent_each_station(network, tmp_path):
    bureau, a, _b = network
    path = bundle_from(bureau, a, tmp_path)
    with bureau:
        [row] = ExportedBundle.select()
        info = inspect_bundle(bureau.home, path)  # the bureau holds a key of its own bundles: read, not recalled
    assert row.peer == "150626100" and row.recipient["name"] == a.name and row.sender["kind"] == "bureau"
    assert info["reason"] == "own_bundle" and info["sender"]["kind"] == "bureau" and "own_export" not in info


def test_a_sealed_bundle_this_pc_did_not_write_gets_one_clear_sentence(network, tmp_path):
    bureau, a, b = network
    register_two(b)
    theirs = bundle_from(b, bureau, tmp_path)  # another station's bundle for the bureau
    with a:
        info = inspect_bundle(a.home, theirs)
    assert info["reason"] == "not_for_us" and "own_export" not in info and "sender" not in info
    assert info["problem"].startswith("无法查看这个数据包：它不是发给本单位的")
    assert "本机也没有导出过它" in info["problem"]


def test_a_copy_changed_after_writing_is_not_taken_for_our_own(network, tmp_path):
    bureau, a, _b = network
    register_two(a)
    with a:
        result = export_bundle(a.home, tmp_path / "out.vsb", actor=a.actor)
    changed = tmp_path / "changed.vsb"
    data = bytearray(result.path.read_bytes())
    data[-1] ^= 0x01
    changed.write_bytes(bytes(data))
    with a:
        info = inspect_bundle(a.home, changed)
    assert "own_export" not in info and "本机也没有导出过它" in info["problem"]


def test_importing_its_own_bundle_says_what_it_is_and_changes_nothing(network, tmp_path):
    bureau, a, _b = network
    register_two(a)
    with a:
        result = export_bundle(a.home, tmp_path / "out.vsb", actor=a.actor)
    before = fingerprint(a)
    with a:
        with pytest.raises(BundleRefused) as caught:
            import_bundle(a.home, result.path, actor=a.actor, dry_run=True)
    assert caught.value.reason == "own_bundle"
    assert caught.value.message.startswith("这是本单位自己导出的数据包，不用导入。本单位（嘎鲁图镇")
    assert "人员档案 2" in caught.value.message
    assert fingerprint(a) == before


def test_a_failed_write_leaves_no_record(network, tmp_path):
    bureau, a, _b = network
    register_two(a)
    with a:
        with pytest.raises(Exception):
            export_bundle(a.home, tmp_path / "missing-stick" / "out.vsb", actor=a.actor)
        assert ExportedBundle.select().count() == 0 and last_export() is None
