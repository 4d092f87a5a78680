"""A create whose values its record row holds (lean storage, round 3) travels and changes like any other."""
from __future__ import annotations

from models.changelog import Change
from models.db import db
from models.registry import save_person
from tests.sync.helpers import ID, people, send


def _history(record_id):
    return [(c.change_id, c.op, c.state, c.changed) for c in
            Change.select().where(Change.record_id == record_id).order_by(Change.hlc)]


def _stored(change_id):
    # binds the stored form of the id (16 bytes on SQLite; docs/lean-storage.md round 5)
    return db.execute_sql("SELECT changed FROM change_log WHERE change_id = ?",
                          (Change.change_id.db_value(change_id),)).fetchone()[0]


def test_a_record_edited_elsewhere_keeps_its_history_when_the_edit_comes_back(network, tmp_path):
    bureau, a, _ = network
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=a.actor)
        create = _history(person.id)[0]
        assert _stored(create[0]).startswith("@")  # the station's row holds the values
    send(a, bureau, tmp_path / "1")
    with bureau:
        assert _history(person.id)[0] == create  # arrived exactly as written
        save_person(person.id, {"phone": "13700000000"}, actor=bureau.actor)
    send(bureau, a, tmp_path / "2")
    with a:
        history = _history(person.id)
        assert history[0] == create and history[1][3] == {"phone": ["13800000000", "13700000000"]}
        assert _stored(create[0]).startswith("[")  # stored with its values before the import rewrote the row
    send(a, bureau, tmp_path / "3")
    assert people(a)[person.id] == people(bureau)[person.id]
