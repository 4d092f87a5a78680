"""`vetstation check` tells the truth: exit 1 only for damage; a station's partial copy of other origins
and the bureau's duplicate candidates waiting for review are not damage (issue 12)."""
from __future__ import annotations

from desktop.__main__ import main
from models.changelog import Change
from models.db import close_database
from models.installation import add_village, current
from models.integrity import check_home, review_work
from models.registry import save_person
from models.transfers import transfer_person
from tests.sync.helpers import send

ID = "150626198503150314"


def run_check(site, capsys) -> tuple[int, str]:
    close_database()
    code = main(["--home", str(site.home.root), "check"])
    return code, capsys.readouterr().out


def test_a_station_holding_part_of_other_origins_is_not_called_damaged(network, tmp_path, capsys):
    bureau, a, b = network
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        add_village("新嘎查", actor=a.actor)
    send(a, bureau, tmp_path / "1")
    send(bureau, b, tmp_path / "2")
    send(b, bureau, tmp_path / "3")
    with bureau:
        transfer_person(person.id, b.code, actor=bureau.actor, reason="随子女迁居")
    send(bureau, b, tmp_path / "4")  # B now holds a part of A's changes and a part of the bureau's
    with b:
        assert check_home(b.home) == []
    code, out = run_check(b, capsys)
    assert code == 0 and "未发现问题" in out


def test_a_real_gap_in_a_stations_own_changes_is_still_damage(network, tmp_path, capsys):
    _, a, _ = network
    with a:
        for name, number in (("王一", ID), ("王二", "150626199001010017")):
            save_person(None, {"name": name, "id_number": number}, actor=a.actor)
        middle = Change.select().where(Change.origin == current().id).order_by(Change.seq).first()
        Change.delete().where(Change.change_id == middle.change_id).execute()
    code, out = run_check(a, capsys)
    assert code == 1 and "变更日志不连续" in out


def test_duplicates_waiting_for_review_are_work_to_do_not_damage(network, tmp_path, capsys):
    bureau, a, b = network
    for site in (a, b):
        with site:
            save_person(None, {"name": "王建国", "id_number": ID}, actor=site.actor)
    send(a, bureau, tmp_path / "1")
    send(b, bureau, tmp_path / "2")
    with bureau:
        assert check_home(bureau.home) == []
        assert review_work() and "疑似重复" in review_work()[0]
    code, out = run_check(bureau, capsys)
    assert code == 0
    assert "1 组疑似重复人员待处理" in out and "vetstation duplicates list" in out
