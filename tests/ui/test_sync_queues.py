"""The conflict and duplicate-person queues: a named user decides, and the decision is a change that travels."""
from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QPushButton

from models.changelog import Change
from models.conflicts import open_conflicts, open_duplicates, redirect_of
from models.registry import get_person, save_person
from tests.sync.helpers import concurrent_phone_edits, send
from tests.ui.sync_helpers import ID, SLOW, exchange_page, sites  # noqa: F401 (fixtures)


def test_a_conflict_from_concurrent_edits_is_resolved_by_the_named_user_as_a_change(qtbot, sites, tmp_path):
    bureau, a, _ = sites
    person = concurrent_phone_edits(bureau, a, tmp_path)
    with bureau:
        page = exchange_page(qtbot, bureau)
        queue = page.conflicts
        assert page.tabs.tabText(page.tabs.indexOf(queue)) == "冲突（1）"
        assert queue.table.rowCount() == 1
        assert [queue.table.item(0, c).text() for c in (0, 1)] == ["王建国", "联系电话"]
        sides = {s["text"]: s for s in queue.current["sides"]}
        assert set(sides) == {"13900000000", "13700000000"}
        assert sides["13900000000"]["where"] == a.name and sides["13700000000"]["where"] == bureau.name
        station_side = [s["text"] for s in queue.current["sides"]].index("13900000000")
        button = queue.findChild(QPushButton, f"keepSide{station_side}")
        with qtbot.waitSignal(queue.resolved, timeout=SLOW):
            button.click()
        assert open_conflicts() == [] and queue.table.rowCount() == 0
        assert page.tabs.tabText(page.tabs.indexOf(queue)) == "冲突（0）"
        assert get_person(person.id).phone == "13900000000"
        decision = Change.select().where(Change.record_id == person.id).order_by(Change.hlc.desc()).first()
        assert decision.author == bureau.actor.username and "phone" in decision.changed
    send(bureau, a, tmp_path / "3")  # the decision travels and closes the conflict at the station too
    with a:
        assert get_person(person.id).phone == "13900000000" and open_conflicts() == []


def test_a_typed_value_is_checked_before_it_resolves_a_conflict(qtbot, sites, tmp_path, monkeypatch):
    bureau, a, _ = sites
    person = concurrent_phone_edits(bureau, a, tmp_path)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    with bureau:
        queue = exchange_page(qtbot, bureau).conflicts
        queue.typed.setText("12345")
        queue.keep_typed(queue.typed.text())
        assert shown and "电话" in shown[0] and len(open_conflicts()) == 1  # refused, nothing written
        queue.typed.setText("13600000000")
        with qtbot.waitSignal(queue.resolved, timeout=SLOW):
            queue.typed.returnPressed.emit()
        assert get_person(person.id).phone == "13600000000" and open_conflicts() == []


def test_two_stations_registering_one_person_are_merged_through_the_duplicate_queue(
        qtbot, sites, tmp_path, monkeypatch):
    bureau, a, b = sites
    with a:
        first, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    with b:
        second, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=b.actor)
    send(a, bureau, tmp_path / "1")
    send(b, bureau, tmp_path / "2")
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *args: asked.append(args[2]) or QMessageBox.Yes))
    with bureau:
        page = exchange_page(qtbot, bureau)
        queue = page.duplicates
        assert page.tabs.tabText(page.tabs.indexOf(queue)) == "重复人员（1）"
        left, right = queue.people()
        assert {left.id, right.id} == {first.id, second.id}
        labels = [queue.compare.verticalHeaderItem(r).text() for r in range(queue.compare.rowCount())]
        phone_row = labels.index("联系电话")
        assert {queue.compare.item(phone_row, 0).text(), queue.compare.item(phone_row, 1).text()} == {"", "138****0000"}  # masked in the queue too
        with qtbot.waitSignal(queue.resolved, timeout=SLOW):
            queue.keep_left.click()
        assert left.name in asked[0]
        assert open_duplicates() == [] and redirect_of(right.id) == left.id
        assert page.tabs.tabText(page.tabs.indexOf(queue)) == "重复人员（0）"


def test_a_station_has_no_duplicate_queue_but_sees_its_conflicts(qtbot, sites):
    _, a, _ = sites
    with a:
        page = exchange_page(qtbot, a)
        assert page.duplicates is None
        assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == ["交换", "冲突（0）"]
