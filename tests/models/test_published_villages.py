"""A station installed before the 嘎查村 lists shipped adds its 苏木镇's published list in one step."""
from __future__ import annotations

from models.installation import default_villages, seeded_village_id, villages
from models.villages import add_published, missing_published, remove_village, village_key, village_name
from models.write import CLI_ACTOR

CODE = "150626100"  # the test station (嘎鲁图镇), whose shipped list the `station` fixture leaves out


def test_names_are_matched_without_their_committee_words_and_spaces():
    assert village_key("布日都嘎查委员会") == village_key("布日都") == village_key(" 布日都 嘎查") == "布日都"
    assert village_name("巴音敖包嘎查村委会") == "巴音敖包嘎查"


def test_a_station_adds_the_published_villages_it_lacks_and_keeps_its_own(station):
    published = [v["name"] for v in default_villages(CODE)]
    before = {v.name for v in villages(CODE)}
    missing = missing_published(CODE)
    assert missing and set(missing) <= set(published) and not before & set(missing)
    changes = add_published(CODE, actor=CLI_ACTOR)
    assert changes.touches("village")
    after = {v.id: v.name for v in villages(CODE)}
    assert set(after.values()) == before | set(missing)
    assert all(seeded_village_id(CODE, name) in after for name in missing)  # the ids the bureau seeds
    assert missing_published(CODE) == []
    assert add_published(CODE, actor=CLI_ACTOR).created == []  # twice: nothing more


def test_a_hand_entered_spelling_counts_and_a_removed_published_village_stays_removed(station):
    from models.installation import add_village

    add_village("沙沙滩", station_code=CODE, actor=CLI_ACTOR)  # the clerk's spelling of 沙沙滩村
    missing = missing_published(CODE)
    assert "沙沙滩村" not in missing and "朝阳社区" in missing
    add_published(CODE, actor=CLI_ACTOR)
    remove_village(seeded_village_id(CODE, "朝阳社区"), actor=CLI_ACTOR)
    assert missing_published(CODE) == []
    assert "朝阳社区" not in {v.name for v in villages(CODE)}
