"""A station's villages: renamed when misspelt, removed only when nobody is registered there."""
import pytest

from models.errors import ValidationError
from models.installation import villages
from models.person import Person
from models.registry import save_person, validate_person
from models.villages import VillageInUse, people_in_village, remove_village, rename_village
from tests.models.people import person_values


def test_a_village_is_renamed_and_an_unused_one_removed_but_one_in_use_is_kept(actor):
    first, second = villages()
    save_person(None, person_values(1, village=first.id), actor=actor)
    rename_village(first.id, "布日都嘎查村", actor=actor)
    assert "布日都嘎查村" in [v.name for v in villages()]
    with pytest.raises(ValidationError, match="已有名为"):
        rename_village(second.id, "布日都嘎查村", actor=actor)
    assert people_in_village(first.id) == 1
    with pytest.raises(VillageInUse, match="1 名服务对象"):
        remove_village(first.id, actor=actor)
    changes = remove_village(second.id, actor=actor)
    assert changes.touches("village")
    assert [v.name for v in villages()] == ["布日都嘎查村"]
    assert Person.get().village_id == first.id


def test_a_removed_village_is_refused_whether_looked_up_or_read_once_for_a_batch(actor):
    first, second = villages()
    remove_village(second.id, actor=actor)
    live = {v.id for v in villages()}
    for given in (None, live):  # looked up per person, or the set a batch (the demo) read once
        assert validate_person(person_values(2, village=first.id), live_villages=given)["village"] == first.id
        with pytest.raises(ValidationError) as refused:
            validate_person(person_values(3, village=second.id), live_villages=given)
        assert refused.value.fields["village"] == "所选嘎查村不存在"
