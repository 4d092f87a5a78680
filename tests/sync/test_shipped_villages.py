"""The 嘎查村 a station and the bureau both seed from the shipped list are one record each, everywhere."""
from __future__ import annotations

from models.conflicts import open_conflicts
from models.installation import Village, default_villages, seeded_village_id
from models.registry import save_person
from tests.sync.helpers import people, send

ID = "150626198503150314"


def _villages(site, code: str) -> dict[str, str]:
    with site:
        return {v.id: v.name for v in Village.live().where(Village.station == code)}


def test_a_seeded_village_travels_as_the_same_record_and_is_never_doubled(network, tmp_path):
    bureau, a, _ = network
    shipped = {seeded_village_id("150626100", v["name"]): v["name"] for v in default_villages("150626100")}
    assert shipped and _villages(a, "150626100") == shipped == _villages(bureau, "150626100")
    village = next(i for i, name in shipped.items() if name == "沙沙滩村")
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "village": village}, actor=a.actor)
    send(a, bureau, tmp_path / "1")
    send(bureau, a, tmp_path / "2")
    for site in (a, bureau):
        assert _villages(site, "150626100") == shipped
        with site:
            assert open_conflicts() == []
    assert people(a)[person.id] == people(bureau)[person.id]
    with bureau:
        assert Village.get_by_id(village).name == "沙沙滩村"
