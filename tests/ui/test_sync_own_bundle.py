"""The 数据交换 page tells a station what the bundle it has just written holds, although the bundle is sealed
for the bureau and this PC cannot open it again; picking that bundle to import says so instead of
"not for us"."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox

from models.registry import save_person
from tests.sync.test_refusals import fingerprint
from tests.ui.sync_helpers import ID, SLOW, exchange_page, sites  # noqa: F401 (fixtures)
from tests.ui.test_sync_exchange_page import choose_file, write_to_stick


def test_after_writing_the_page_says_what_the_bundle_holds_and_for_whom(qtbot, sites, tmp_path, monkeypatch):
    _bureau, a, _ = sites
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        page = exchange_page(qtbot, a)
        assert not page.last_written.isVisible()  # nothing written yet: nothing claimed
        result = write_to_stick(qtbot, page, tmp_path, monkeypatch)
        text = page.last_written.text()
        assert page.last_written.isVisible()
        assert text.startswith("最近一个数据包的内容：本单位（嘎鲁图镇退役军人服务站（150626100））于 ")
        assert f"发给乌审旗退役军人事务局，第 1 号数据包，共 {result.changes} 条修改：" in text
        assert "人员档案 1" in text
        assert "本机打不开" in page.last_written.toolTip() and result.path.name in page.last_written.toolTip()


def test_picking_its_own_bundle_to_import_says_what_it_is_and_changes_nothing(qtbot, sites, tmp_path, monkeypatch):
    _bureau, a, _ = sites
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        page = exchange_page(qtbot, a)
        bundle = write_to_stick(qtbot, page, tmp_path, monkeypatch).path
    before = fingerprint(a)
    with a:
        choose_file(monkeypatch, bundle)
        with qtbot.waitSignal(page.failed, timeout=SLOW) as failed:
            page.import_button.click()
        assert failed.args[0] == shown[0] == page.result.text()
        assert shown[0].startswith("这是本单位自己导出的数据包，不用导入。本单位（嘎鲁图镇退役军人服务站")
        assert "人员档案 1" in shown[0]
        assert page.stack.currentIndex() == 0
    assert fingerprint(a) == before
