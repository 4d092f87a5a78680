"""The audit trail shows who changed what, old → new; `check` finds damage."""
import datetime as dt

from models.attachments import attachment_path, store_attachment
from models.changelog import Change
from models.history import person_history
from models.integrity import check_home
from models.registry import delete_person, family_of, save_person, set_status

from tests.models.people import person_values


def test_history_lists_each_edit_with_who_and_old_and_new_values_newest_first(actor):
    person, _ = save_person(None, person_values(1, phone="13904770000", family_income_fen=1200000),
                            family=[{"relation": "spouse", "name": "李秀英"}], actor=actor)
    save_person(person.id, {"phone": "13904770001", "family_income_fen": 1350050}, actor=actor)
    set_status(person.id, "deceased", on=dt.date(2026, 3, 1), actor=actor)
    entries = person_history(person.id)
    assert entries[0].what == "人员状态" and (entries[0].old, entries[0].new) == ("在册", "去世")
    income = next(e for e in entries if e.what == "家庭年收入" and e.old)
    assert (income.old, income.new) == ("12000.00 元", "13500.50 元")
    assert all(e.who == "张站长" for e in entries)
    assert any(e.section == "家庭成员" and "李秀英" in e.what for e in entries)


def test_removing_a_family_member_shows_as_a_deletion(actor):
    person, _ = save_person(None, person_values(2), family=[{"relation": "son", "name": "王小明"}], actor=actor)
    save_person(person.id, {}, family=[], actor=actor)
    assert family_of(person.id) == []
    assert person_history(person.id)[0].what == "删除儿子 王小明"


def test_a_healthy_home_passes_the_check(station, actor, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8\xff fake jpeg bytes")
    digest = store_attachment(station, photo)
    save_person(None, person_values(3, photo=digest), actor=actor)
    assert check_home(station) == []


def test_the_same_file_is_stored_once(station, tmp_path):
    a, b = tmp_path / "a.jpg", tmp_path / "b.jpg"
    a.write_bytes(b"same")
    b.write_bytes(b"same")
    assert store_attachment(station, a) == store_attachment(station, b)
    assert len(list(station.attachments.rglob("*.jpg"))) == 1


def test_the_check_reports_a_damaged_attachment_and_a_gap_in_the_change_log(station, actor, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"original")
    digest = store_attachment(station, photo)
    attachment_path(station, digest).write_bytes(b"tampered")
    person, _ = save_person(None, person_values(4), actor=actor)
    save_person(person.id, {"note": "x"}, actor=actor)
    Change.delete().where(Change.record_id == person.id, Change.base == {}).execute()
    problems = check_home(station)
    assert any("附件内容已损坏" in p for p in problems)
    assert any("变更日志不连续" in p for p in problems)


def test_a_deleted_person_keeps_history(actor):
    person, _ = save_person(None, person_values(5), actor=actor)
    delete_person(person.id, "录入错误", actor=actor)
    assert person_history(person.id)[0].what == "删除档案"
