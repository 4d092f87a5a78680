"""Two staff have the same person open (two bureau PCs on one PostgreSQL master copy, or a form left open
while a bundle import changed the record): each save keeps what the other saved, or says why not."""
import pytest

from models.errors import EditedMeanwhile
from models.registry import family_of, get_person, identities_of, open_person, save_person

from tests.models.people import person_values


@pytest.fixture
def registered(actor):
    person, _ = save_person(None, person_values(1, name="王建国", phone="13900000001", note="原备注"),
                            identities=[{"category": "retired_soldier"}, {"category": "martyr_family"}],
                            family=[{"name": "李秀兰", "relation": "spouse"}, {"name": "王小军", "relation": "son"}],
                            actor=actor)
    return person.id


def family_as_shown(opened, **edits) -> list[dict]:
    """The family tab's list as the form would send it: every member it shows, with the user's edits."""
    members = []
    for member in opened.family:
        item = {"id": member.id, "name": member.name, "relation": member.relation, "phone": member.phone}
        item.update(edits.get(member.name, {}))
        members.append(item)
    return members


def identities_as_shown(opened) -> list[dict]:
    return [{"category": i.category, "subtypes": i.subtypes, "note": i.note} for i in opened.identities]


def test_two_staff_changing_different_fields_both_keep_their_change(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {"phone": "13900000002"}, opened=first, actor=actor)
    save_person(registered, {"note": "第二位改了备注"}, opened=second, actor=actor)
    person = get_person(registered)
    assert (person.phone, person.note) == ("13900000002", "第二位改了备注")


def test_the_second_change_to_the_same_field_is_refused_naming_it_and_the_first_stays(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {"phone": "13900000002"}, opened=first, actor=actor)
    with pytest.raises(EditedMeanwhile) as told:
        save_person(registered, {"phone": "13900000003", "note": "也改了备注"}, opened=second, actor=actor)
    assert "「联系电话」" in told.value.message and "未保存" in told.value.message
    person = get_person(registered)
    assert (person.phone, person.note) == ("13900000002", "原备注")  # nothing of the refused save was written


def test_the_same_new_value_from_both_is_no_conflict(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {"phone": "13900000002"}, opened=first, actor=actor)
    save_person(registered, {"phone": "13900000002"}, opened=second, actor=actor)
    assert get_person(registered).phone == "13900000002"


def test_a_family_member_added_by_another_user_survives_a_save_of_the_older_list(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, family=family_as_shown(first) + [{"name": "王小红", "relation": "daughter"}],
                opened=first, actor=actor)
    save_person(registered, {}, family=family_as_shown(second, 王小军={"phone": "13700000000"}),
                opened=second, actor=actor)
    members = {m.name: m for m in family_of(registered)}
    assert set(members) == {"李秀兰", "王小军", "王小红"}
    assert members["王小军"].phone == "13700000000"


def test_a_member_left_as_shown_keeps_what_another_user_saved_meanwhile(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, family=family_as_shown(first, 李秀兰={"phone": "13600000000"}),
                opened=first, actor=actor)
    save_person(registered, {"note": "只改了备注"}, family=family_as_shown(second), opened=second, actor=actor)
    members = {m.name: m for m in family_of(registered)}
    assert members["李秀兰"].phone == "13600000000"


def test_editing_a_member_another_user_removed_is_refused(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, family=[m for m in family_as_shown(first) if m["name"] != "王小军"],
                opened=first, actor=actor)
    with pytest.raises(EditedMeanwhile) as told:
        save_person(registered, {}, family=family_as_shown(second, 王小军={"phone": "13700000000"}),
                    opened=second, actor=actor)
    assert "他人刚删除了家庭成员「王小军」" in told.value.message
    assert {m.name for m in family_of(registered)} == {"李秀兰"}


def test_a_member_another_user_removed_stays_removed_when_the_older_list_is_saved(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, family=[m for m in family_as_shown(first) if m["name"] != "王小军"],
                opened=first, actor=actor)
    save_person(registered, {"note": "不知道有人删了成员"}, family=family_as_shown(second), opened=second, actor=actor)
    assert {m.name for m in family_of(registered)} == {"李秀兰"}


def test_removing_a_member_another_user_just_edited_is_refused(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, family=family_as_shown(first, 王小军={"phone": "13700000000"}),
                opened=first, actor=actor)
    with pytest.raises(EditedMeanwhile) as told:
        save_person(registered, {}, family=[m for m in family_as_shown(second) if m["name"] != "王小军"],
                    opened=second, actor=actor)
    assert "「联系电话」" in told.value.message
    assert {m.name for m in family_of(registered)} == {"李秀兰", "王小军"}


def test_an_identity_added_meanwhile_stays_and_one_removed_here_goes(registered, actor):
    first, second = open_person(registered), open_person(registered)
    save_person(registered, {}, identities=identities_as_shown(first) + [{"category": "disabled_veteran"}],
                opened=first, actor=actor)
    save_person(registered, {}, identities=[i for i in identities_as_shown(second) if i["category"] != "martyr_family"],
                opened=second, actor=actor)
    assert {i.category for i in identities_of(registered)} == {"retired_soldier", "disabled_veteran"}


def test_without_what_was_opened_the_lists_are_replaced_as_given(registered, actor):
    """The command line and imports say the whole list: what is missing from it is removed."""
    save_person(registered, {}, family=[{"name": "李秀兰", "relation": "spouse"}], actor=actor)
    assert [m.name for m in family_of(registered)] == ["李秀兰"]
