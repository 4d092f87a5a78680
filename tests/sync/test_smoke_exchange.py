"""A station's register reaches the bureau and the bureau's edits come back."""
from models.registry import get_person, save_person

from tests.sync.helpers import people, send

ID = "150626198503150314"


def test_station_person_reaches_bureau_and_bureau_edit_returns(network, tmp_path):
    bureau, a, b = network
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    report = send(a, bureau, tmp_path / "usb")
    assert report.counts["created"] >= 1
    assert people(bureau)[person.id]["name"] == "王建国"
    with bureau:
        save_person(person.id, {"phone": "13800000000"}, actor=bureau.actor)
    send(bureau, a, tmp_path / "usb")
    with a:
        assert get_person(person.id).phone == "13800000000"
    assert people(a)[person.id] == people(bureau)[person.id]
