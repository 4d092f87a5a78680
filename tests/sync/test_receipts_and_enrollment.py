"""Receipts travel back and stop re-sending; enrollment files are sealed; sticks never hold half a bundle."""
from __future__ import annotations

import errno

import pytest

from models.db import close_database
from models.installation import Installation
from models.person import Person
from models.registry import save_person
from sync.enrollment import EnrollmentRefused, adopt_enrollment, open_enrollment, write_enrollment
from sync.errors import StickError
from sync.export import export_bundle
from sync.receipts import confirmation
from tests.sync.conftest import Site, make_bureau
from tests.sync.helpers import send

ID = "150626198503150314"


def test_the_station_sees_what_the_bureau_confirmed_and_stops_resending_it(network, tmp_path):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        assert confirmation()["unconfirmed"] > 0 and confirmation()["confirmed_at"] is None
    send(a, bureau, tmp_path / "1")
    send(bureau, a, tmp_path / "2")  # carries the bureau's signed receipt
    with a:
        status = confirmation()
        assert status["unconfirmed"] == 0 and status["confirmed_at"]
        result = export_bundle(a.home, tmp_path / "3.vsb")
        assert result.counts == {"audit_entry": 1}  # nothing confirmed again: only the audit of that import
        save_person(None, {"name": "李明", "id_number": "150626199001010017"}, actor=a.actor)
        assert export_bundle(a.home, tmp_path / "4.vsb").counts == {"person": 1, "audit_entry": 1}
        assert confirmation()["unconfirmed"] == 1


def test_a_full_or_removed_stick_leaves_no_bundle_behind(network, tmp_path, monkeypatch):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)

        def full_stick(src, writer, recipients):
            writer.write(b"age-encryption.org/v1\n partial")
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr("sync.usb.encrypt", full_stick)
        with pytest.raises(StickError) as caught:
            export_bundle(a.home, tmp_path / "out.vsb")
        assert "空间不足" in caught.value.message
        assert list(tmp_path.glob("out.vsb*")) == []
        monkeypatch.undo()
        assert export_bundle(a.home, tmp_path / "out.vsb").changes > 0  # the retry succeeds


def test_a_station_starts_from_a_sealed_enrollment_file(tmp_path):
    close_database()
    bureau = make_bureau(tmp_path)
    with bureau:
        passphrase = write_enrollment(bureau.home, "150626100", "嘎鲁图镇退役军人服务站", tmp_path / "e.vse")
    with pytest.raises(EnrollmentRefused):
        open_enrollment(tmp_path / "e.vse", "WRONG-PASS")
    payload = open_enrollment(tmp_path / "e.vse", passphrase.lower())
    station = Site(tmp_path / "st", "station", "150626100")
    with station:
        inst = adopt_enrollment(station.home, payload, actor=station.actor)
        assert inst.id == payload["installation_id"] and inst.station_code == "150626100"
    # a station that began on its own keeps its id and records
    own = Site(tmp_path / "own", "station", "150626101")
    from models.installation import init_station
    from sync.enrollment import issue_enrollment

    with own:
        first = init_station("150626101", "乌审召镇退役军人服务站", actor=own.actor)
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=own.actor)
    with bureau:
        late = issue_enrollment(bureau.home, "150626101", "乌审召镇退役军人服务站")
        wrong = issue_enrollment(bureau.home, "150626102", "图克镇退役军人服务站")
    with own:
        with pytest.raises(EnrollmentRefused):
            adopt_enrollment(own.home, wrong, actor=own.actor)
        adopt_enrollment(own.home, late, actor=own.actor)
        assert Installation.get_current().id == first.id and Person.get_by_id(person.id)
    report = send(own, bureau, tmp_path / "usb")
    assert report.counts["created"] >= 1
    close_database()


def test_a_passphrase_chosen_at_the_bureau_opens_the_file_whatever_case_the_station_types(tmp_path):
    close_database()
    bureau = make_bureau(tmp_path)
    with bureau:
        said = write_enrollment(bureau.home, "150626100", "嘎鲁图镇退役军人服务站", tmp_path / "e.vse",
                                passphrase="wushen-2026 ")
    assert said == "WUSHEN-2026"
    assert open_enrollment(tmp_path / "e.vse", "Wushen-2026")["station_code"] == "150626100"
