"""Every write to a synced table leaves a change row in the same transaction — bulk ones too."""
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from models.changelog import Change
from models.engine import sql
from models.installation import Installation, Village
from models.integrity import change_log_problems
from models.person import Person
from models.registry import save_person, set_status
from models.write import writing

from tests.models.people import person_values


def test_registering_a_person_logs_each_record_with_full_state(actor):
    person, changes = save_person(None, person_values(1, name="王建国"),
                                  identities=[{"category": "retired_soldier"}],
                                  family=[{"relation": "spouse", "name": "李秀英"}], actor=actor)
    assert {t for t, _ in changes.created} == {"person", "person_identity", "family_member"}
    row = Change.get(Change.record_id == person.id)
    assert row.op == "upsert" and row.author == "admin" and row.base == {}
    assert row.state["name"] == "王建国" and row.state["id_number"] == person.id_number
    assert "search_pinyin" not in row.state  # derived locally, never travels
    origin = Installation.get_current().id
    assert row.origin == origin and Person.get_by_id(person.id).version == {origin: row.seq}


def test_an_edit_records_old_and_new_value_and_the_version_it_saw(actor):
    person, _ = save_person(None, person_values(2, phone="13904770000"), actor=actor)
    before = Person.get_by_id(person.id).version
    save_person(person.id, {"phone": "13904770001"}, actor=actor)
    last = Change.select().where(Change.record_id == person.id).order_by(Change.seq.desc()).first()
    assert last.changed == {"phone": ["13904770000", "13904770001"]}
    assert last.base == before


def test_saving_without_differences_writes_nothing(actor):
    person, _ = save_person(None, person_values(3), actor=actor)
    count = Change.select().count()
    _, changes = save_person(person.id, {"name": person.name}, actor=actor)
    assert changes.empty and Change.select().count() == count


def test_a_bulk_update_is_captured_record_by_record(actor, station):
    villages = list(Village.select().order_by(Village.name))
    for n in range(30):
        save_person(None, person_values(100 + n, village=villages[0].id), actor=actor)
    before = Change.select().count()
    with writing(actor) as w:
        moved = w.update_where(Person, Person.village == villages[0].id, {"village": villages[1].id})
    assert moved == 30
    new = list(Change.select().where(Change.seq > 0).order_by(Change.seq)[before:])
    assert len(new) == 30 and all(c.changed["village"] == [villages[0].id, villages[1].id] for c in new)
    assert change_log_problems() == []


def test_a_failing_operation_leaves_neither_records_nor_changes(actor):
    count_p, count_c = Person.select().count(), Change.select().count()
    last_seq = Installation.get_current().last_seq
    with pytest.raises(RuntimeError):
        with writing(actor) as w:
            w.create(Person, {"station_code": "150626100", "name": "半截", "status": "active"})
            raise RuntimeError("power cut")
    assert (Person.select().count(), Change.select().count()) == (count_p, count_c)
    assert Installation.get_current().last_seq == last_seq


def test_sequence_numbers_are_gapless_across_many_operations(actor):
    person, _ = save_person(None, person_values(5), actor=actor)
    for n in range(5):
        save_person(person.id, {"note": f"第{n}次"}, actor=actor)
    set_status(person.id, "moved", on=__import__("datetime").date(2026, 1, 2), actor=actor)
    seqs = [c.seq for c in Change.select().order_by(Change.seq)]
    assert seqs == list(range(1, len(seqs) + 1))


def test_hlc_stamps_increase_with_every_change(actor):
    person, _ = save_person(None, person_values(6), actor=actor)
    for n in range(3):
        save_person(person.id, {"note": str(n)}, actor=actor)
    stamps = [c.hlc for c in Change.select().order_by(Change.seq)]
    assert stamps == sorted(stamps) and len(set(stamps)) == len(stamps)


def test_a_new_record_is_logged_without_its_state_and_read_back_whole(actor):
    """Lean storage (issue 14): the create's state is rebuilt from its own columns, exactly."""
    from models.changelog import DERIVED
    from models.db import db

    person, _ = save_person(None, person_values(2, name="李卫东"), actor=actor)
    stored = db.execute_sql(sql("SELECT state FROM change_log WHERE record_id = ?"), (Change.record_id.db_value(person.id),)).fetchone()[0]
    assert stored == DERIVED
    row = Change.get(Change.record_id == person.id)
    assert row.state["name"] == "李卫东" and row.state["id"] == person.id and row.state["version"] == person.version
    assert Change.select().where(Change.record_id == person.id).dicts().first()["state"] == row.state


@pytest.mark.sqlite_only("a released SQLite data step: a PostgreSQL database starts past it")
def test_the_upgrade_drops_the_states_a_create_can_rebuild(actor):
    from models.changelog import DERIVED
    from models.db import db
    from models.migrations import step_compact_change_ids, step_compact_change_log, step_lean_change_log

    from models.changelog import materialise_table

    person, _ = save_person(None, person_values(3, name="张建军"), actor=actor)
    materialise_table("person")  # the values in the change row, as a home before round 3 stored them
    whole = Change.get(Change.record_id == person.id).state  # as a home before the upgrade stored it
    db.execute_sql(sql("UPDATE change_log SET state = ? WHERE record_id = ?"), (Change.state.db_value(whole), Change.record_id.db_value(person.id)))
    _ids_as_text()  # and its ids as text, as a home before round 4 stored them
    step_lean_change_log()
    step_compact_change_ids()  # the upgrade's later steps
    step_compact_change_log()
    stored = db.execute_sql(sql("SELECT state FROM change_log WHERE record_id = ?"), (Change.record_id.db_value(person.id),)).fetchone()[0]
    assert stored == DERIVED and Change.get(Change.record_id == person.id).state == whole


def test_a_new_records_values_are_stored_compactly_and_read_back_as_field_old_new(actor):
    """Lean storage, second step: a create's {field: [null, new]} is stored as [field, new, …]."""
    from models.changelog import changed_text, materialise_table
    from models.db import db
    from models.fields import JSONField

    person, _ = save_person(None, person_values(4, name="赵志刚"), actor=actor)
    materialise_table("person")  # what happens to a create's values before its record is first edited
    stored = db.execute_sql(sql("SELECT changed FROM change_log WHERE record_id = ?"), (Change.record_id.db_value(person.id),)).fetchone()[0]
    assert stored.startswith('[') and '"赵志刚"' in stored and "null" not in stored
    row = Change.get(Change.record_id == person.id)
    assert row.changed["name"] == [None, "赵志刚"] and all(old is None for old, _ in row.changed.values())
    assert Change.select(Change.changed).where(Change.record_id == person.id).dicts().first()["changed"] == row.changed
    assert changed_text(stored) == JSONField().db_value(row.changed)  # the text a bundle carries, as before
    unusual = {"tags": [None, ("退伍", 1.5)], "note": [None, None]}  # a tuple: checked by its text instead
    assert changed_text(Change.changed.db_value(unusual)) == JSONField().db_value(unusual)


@pytest.mark.sqlite_only("a released SQLite data step: a PostgreSQL database starts past it")
def test_an_edit_keeps_its_old_values_and_the_upgrade_compacts_the_creates_written_before(actor):
    from models.changelog import lean_changed_text
    from models.db import db
    from models.migrations import step_compact_change_ids, step_compact_change_log, step_lean_create_values

    person, _ = save_person(None, person_values(5, name="孙立国", phone="13904770000"), actor=actor)
    with writing(actor) as w:
        w.update(Person.get_by_id(person.id), {"phone": "13904770001"})
    edit = Change.select().where(Change.record_id == person.id).order_by(Change.seq.desc()).first()
    stored = db.execute_sql(sql("SELECT changed FROM change_log WHERE change_id = ?"), (Change.change_id.db_value(edit.change_id),)).fetchone()[0]
    assert stored == '{"phone":["13904770000","13904770001"]}'
    create = Change.select().where(Change.record_id == person.id).order_by(Change.seq).first()
    whole = Change.state.db_value(create.changed)  # the text a home before the upgrade stored
    db.execute_sql(sql("UPDATE change_log SET changed = ? WHERE change_id = ?"), (whole, Change.change_id.db_value(create.change_id)))
    _ids_as_text()  # as a home before round 4 stored them
    step_lean_create_values()
    step_lean_create_values()  # a resumed upgrade: rows already compact are left alone
    step_compact_change_ids()  # the upgrade's later steps
    step_compact_change_log()
    stored = db.execute_sql(sql("SELECT changed FROM change_log WHERE change_id = ?"), (Change.change_id.db_value(create.change_id),)).fetchone()[0]
    assert stored == lean_changed_text(whole) != whole
    assert Change.get_by_id(create.change_id).changed == create.changed
    assert lean_changed_text('{"name": [null, "孙立国"]}') == '{"name": [null, "孙立国"]}'  # not the same text back


def test_the_released_field_codes_never_change():
    """Stored change rows name fields by their position in FIELD_NAMES: entries are only ever appended."""
    import hashlib

    from models.change_keys import FIELD_NAMES, key_code, key_name

    released = hashlib.sha256("\n".join(FIELD_NAMES[:219]).encode()).hexdigest()
    assert released == "5ffd543e2ed3a523cd18a16e2f786b8b02cf37cd787eed6b20fd7556365d2154"
    assert len(set(FIELD_NAMES)) == len(FIELD_NAMES)
    assert key_name(key_code("name")) == "name" and key_code("a_field_added_later") == "a_field_added_later"


def _stored_changed(change_id):
    from models.db import db

    return db.execute_sql(sql("SELECT changed FROM change_log WHERE change_id = ?"), (Change.change_id.db_value(change_id),)).fetchone()[0]


def _history(record_id):
    return [(c.change_id, c.op, c.state, c.changed) for c in
            Change.select().where(Change.record_id == record_id).order_by(Change.seq)]


def test_a_new_records_values_are_kept_once_in_its_row_and_its_history_reads_the_same(actor):
    """Lean storage, third step: while a record holds exactly what its create wrote, the create's change row
    names the fields ('@codes') and readers take the values from the record."""
    person, _ = save_person(None, person_values(6, name="周卫东", phone="13904770006"), actor=actor)
    create = Change.get(Change.record_id == person.id)
    assert _stored_changed(create.change_id).startswith("@") and "周卫东" not in _stored_changed(create.change_id)
    assert create.changed["name"] == [None, "周卫东"] and create.changed["phone"] == [None, "13904770006"]
    assert create.state["name"] == "周卫东"
    as_dict = Change.select().where(Change.change_id == create.change_id).dicts().first()
    assert as_dict["changed"] == create.changed and as_dict["state"] == create.state


def test_editing_deleting_or_reediting_a_record_first_stores_its_creates_values(actor):
    """Every later change keeps the history as it was: who, when, old → new for every field."""
    person, _ = save_person(None, person_values(7, name="吴振华", phone="13904770007"), actor=actor)
    before = _history(person.id)
    save_person(person.id, {"phone": "13904770008"}, actor=actor)
    after = _history(person.id)
    assert after[0] == before[0]
    assert after[1][3] == {"phone": ["13904770007", "13904770008"]}
    assert _stored_changed(before[0][0]).startswith("[") and "吴振华" in _stored_changed(before[0][0])

    station = Installation.get_current().station_code or ""
    with writing(actor) as w:  # created and edited in one operation: the create row is written with its values
        other = w.create(Person, {**person_values(8, name="郑海峰"), "station_code": station, "status": "active"})
        w.update(other, {"note": "同一次操作里改过"})
        w.tombstone(other, "录入有误")
    rows = _history(other.id)
    assert [op for _, op, _, _ in rows] == ["upsert", "upsert", "tombstone"]
    assert rows[0][3]["name"] == [None, "郑海峰"] and not _stored_changed(rows[0][0]).startswith("@")
    assert rows[0][2]["note"] is None and rows[1][3] == {"note": [None, "同一次操作里改过"]}


@pytest.mark.sqlite_only("a released SQLite data step: a PostgreSQL database starts past it")
def test_the_upgrade_stores_by_reference_only_the_creates_whose_record_is_untouched(actor):
    from models.changelog import materialise_table
    from models.migrations import step_compact_change_ids, step_compact_change_log, step_create_values_by_reference

    kept, _ = save_person(None, person_values(9, name="冯建平"), actor=actor)
    edited, _ = save_person(None, person_values(10, name="陈国强", phone="13904770010"), actor=actor)
    save_person(edited.id, {"phone": "13904770011"}, actor=actor)
    materialise_table("person")  # as a home before this step stored every create
    histories = {pid: _history(pid) for pid in (kept.id, edited.id)}
    _ids_as_text()  # and its ids as text, as before round 4
    step_create_values_by_reference()
    step_create_values_by_reference()  # a resumed upgrade: rows already by reference are left alone
    step_compact_change_ids()  # the upgrade's later steps
    step_compact_change_log()
    assert _stored_changed(histories[kept.id][0][0]).startswith("@")
    assert _stored_changed(histories[edited.id][0][0]).startswith("[")
    assert {pid: _history(pid) for pid in (kept.id, edited.id)} == histories


def _ids_as_text() -> None:
    """The change log's ids and stamps all as text, as a home before round 4 stored them (SQLite)."""
    from models.db import db
    from models.engine import clock_text, id_text, is_postgres, stamp_text

    if is_postgres():
        return
    db.connection().create_function("test_id_text", 1, id_text, deterministic=True)
    db.connection().create_function("test_stamp_text", 1, stamp_text, deterministic=True)
    db.connection().create_function("test_clock_text", 1, clock_text, deterministic=True)
    db.execute_sql("UPDATE change_log SET change_id = test_id_text(change_id), origin = test_id_text(origin), "
                   "record_id = test_id_text(record_id), at = test_stamp_text(at), hlc = test_clock_text(hlc)")


def test_a_change_rows_ids_are_stored_compactly_and_read_back_as_text(actor):
    """Lean storage, fourth step: on SQLite a change row's origin and record id take 16 bytes each."""
    from models.db import db
    from models.engine import compact_id, id_text, is_postgres

    person, _ = save_person(None, person_values(11, name="韩卫国"), actor=actor)
    change = Change.get(Change.record_id == person.id)
    assert (change.record_id, change.origin) == (person.id, person.origin)
    stored = db.execute_sql(sql("SELECT origin, record_id FROM change_log WHERE change_id = ?"),
                            (Change.change_id.db_value(change.change_id),)).fetchone()
    assert stored == ((person.origin, person.id) if is_postgres() else
                      (bytes.fromhex(person.origin.replace("-", "")), bytes.fromhex(person.id.replace("-", ""))))
    for text in ("150626100", "01A242D4-9B15-732A-B853-2322075A089A", "", None, "01a242d4-9b15-732a-b853-2322075a089g"):
        assert compact_id(text) == text  # not a lowercase UUID: kept as it is
    assert id_text(compact_id(person.id)) == person.id


@pytest.mark.sqlite_only("a SQLite data step: PostgreSQL keeps the text")
def test_the_upgrade_stores_the_ids_of_every_change_row_compactly_and_the_history_reads_the_same(actor):
    from models.db import db
    from models.migrations import step_compact_change_ids

    person, _ = save_person(None, person_values(12, name="邓志强", phone="13904770012"), actor=actor)
    save_person(person.id, {"phone": "13904770013"}, actor=actor)
    before = [c.__data__ for c in Change.select().order_by(Change.seq)]
    _ids_as_text()
    assert [c.__data__ for c in Change.select().order_by(Change.seq)] == before
    step_compact_change_ids()
    step_compact_change_ids()  # a resumed upgrade: ids already compact are left alone
    assert db.execute_sql("SELECT DISTINCT typeof(origin) FROM change_log").fetchall() == [("blob",)]
    kinds = db.execute_sql("SELECT typeof(record_id) FROM change_log WHERE record_id = ?",
                           (Change.record_id.db_value(person.id),)).fetchall()
    assert kinds == [("blob",), ("blob",)]  # a station's code as its record id stays text
    assert [c.__data__ for c in Change.select().order_by(Change.seq)] == before
    assert len(Change.select().where(Change.record_id == person.id)) == 2  # found by its id again


def test_a_change_rows_id_time_and_clock_are_stored_compactly_and_read_back_as_the_same_text(actor):
    """Lean storage, fifth step: on SQLite the change id takes 16 bytes, the time and the clock one integer each
    (in the same order as their texts); anything that would not come back as exactly the same text stays text."""
    from models.db import db
    from models.engine import clock_text, compact_clock, compact_stamp, is_postgres, stamp_text

    person, _ = save_person(None, person_values(13, name="冯立新"), actor=actor)
    change = Change.get(Change.record_id == person.id)
    stored = db.execute_sql(sql("SELECT change_id, at, hlc FROM change_log WHERE record_id = ?"),
                            (Change.record_id.db_value(person.id),)).fetchone()
    if is_postgres():
        assert stored == (change.change_id, change.at, change.hlc)
    else:
        assert [type(v) for v in stored] == [bytes, int, int]
        assert (Change.change_id.python_value(stored[0]), stamp_text(stored[1]), clock_text(stored[2])) == (
            change.change_id, change.at, change.hlc)
    assert Change.get(Change.change_id == change.change_id).at == change.at == person.created_at
    odd_times = ["2026-12-05T06:30:12Z", "2026-12-05 06:30:12.123456Z", "2026-02-30T06:30:12.123456Z",
                 "2026-12-05T06:30:12.123456+00:00", "", None]
    odd_clocks = ["0001764916212123.0001", "０001764916212123.00001", "9999999999999999.00000", "1764916212123.00001"]
    for text in odd_times:
        assert compact_stamp(text) == text
    for text in odd_clocks:
        assert compact_clock(text) == text
    times = ["1999-12-31T23:59:59.999999Z", "2026-12-05T06:30:12.000000Z", "2026-12-05T06:30:12.123456Z"]
    clocks = ["0000000000000000.00000", "0001764916212123.00000", "0001764916212123.00001", "0001764916212124.00000"]
    for texts, compact, text_of in ((times, compact_stamp, stamp_text), (clocks, compact_clock, clock_text)):
        assert [text_of(compact(t)) for t in texts] == texts
        assert sorted(texts, key=compact) == sorted(texts)  # the stored order is the text's order


@settings(max_examples=300, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])  # the open home is only read
@given(micros=st.integers(min_value=0, max_value=253_402_300_799_999_999),
       physical=st.integers(min_value=0, max_value=10**16 - 1), logical=st.integers(min_value=0, max_value=10**6))
def test_the_write_path_makes_the_stored_forms_of_time_and_clock_exactly_as_their_texts_would_be_stored(
        actor, micros, physical, logical):
    """The write path makes a change row's time, clock and id in their stored form from its numbers instead of
    formatting a text and converting it: the same values, on either engine (a year-9999 time, a clock beyond
    the 64-bit range or a counter of six digits stays text as before)."""
    from models.engine import (compact_clock, compact_id, compact_stamp, id_text, new_change_id, stored_clock,
                               stored_stamp)
    from models.fields import utc_text
    from models.ids import format_stamp

    assert stored_stamp(micros) == compact_stamp(utc_text(micros))
    assert stored_clock(physical, logical) == compact_clock(format_stamp(physical, logical))
    change_id = new_change_id()
    assert compact_id(id_text(change_id)) == change_id and len(id_text(change_id)) == 36


@pytest.mark.sqlite_only("a SQLite data step: PostgreSQL keeps the text")
def test_the_upgrade_rebuilds_the_change_log_compactly_and_every_row_and_history_reads_the_same(actor, home):
    from models.changelog import data_version
    from models.db import db
    from models.history import person_history
    from models.migrations import step_compact_change_log

    person, _ = save_person(None, person_values(14, name="曹建华", phone="13904770014"), actor=actor)
    save_person(person.id, {"phone": "13904770015"}, actor=actor)
    before = [c.__data__ for c in Change.select().order_by(Change.seq)]
    history = person_history(person.id)
    _ids_as_text()  # a home before round 4 held all of them as text
    rowids = db.execute_sql("SELECT rowid, change_id FROM change_log ORDER BY rowid").fetchall()
    token = data_version()
    step_compact_change_log()
    kinds = db.execute_sql("SELECT DISTINCT typeof(change_id), typeof(at), typeof(hlc) FROM change_log").fetchall()
    assert kinds == [("blob", "integer", "integer")]
    assert [(r, Change.change_id.python_value(c)) for r, c in db.execute_sql(
        "SELECT rowid, change_id FROM change_log ORDER BY rowid").fetchall()] == rowids  # same rows, same rowids
    assert data_version() == token  # nothing to refresh: the same data
    assert [c.__data__ for c in Change.select().order_by(Change.seq)] == before
    assert person_history(person.id) == history
    indexes = {r[0] for r in db.execute_sql("SELECT name FROM sqlite_master WHERE tbl_name = 'change_log' "
                                            "AND type = 'index'").fetchall()}
    assert {"change_log_origin_seq", "change_log_record_id"} <= indexes
    save_person(person.id, {"phone": "13904770016"}, actor=actor)  # writing goes on after it
    assert len(Change.select().where(Change.record_id == person.id)) == 3
    assert change_log_problems() == []
