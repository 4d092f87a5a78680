"""A new person's history is one 新建档案 entry naming its fields; the CLI's changes say 命令行."""
from models.history import CLI_WHO, person_history
from models.registry import save_person
from models.write import CLI_ACTOR

from tests.models.people import person_values


def test_a_new_person_is_one_entry_with_its_fields_not_a_row_per_field(actor):
    person, _ = save_person(None, person_values(1, phone="13904770000"), actor=actor)
    entries = [e for e in person_history(person.id) if e.section == "基本信息"]
    assert [e.what for e in entries] == ["新建档案"]
    assert entries[0].who == "张站长"
    assert "联系电话：13904770000" in entries[0].new and entries[0].new.startswith("姓名：")


def test_an_edit_after_creation_is_listed_field_by_field_above_the_creation(actor):
    person, _ = save_person(None, person_values(2, phone="13904770000"), actor=actor)
    save_person(person.id, {"phone": "13904770001"}, actor=actor)
    entries = [e for e in person_history(person.id) if e.section == "基本信息"]
    assert [(e.what, e.old, e.new) for e in entries[:1]] == [("联系电话", "13904770000", "13904770001")]
    assert entries[-1].what == "新建档案" and len(entries) == 2


def test_a_change_made_through_the_command_line_says_so(actor):
    person, _ = save_person(None, person_values(3), actor=CLI_ACTOR)
    assert {e.who for e in person_history(person.id)} == {CLI_WHO}
