"""Settings · backups and about: back up now, restore an older state into the running program, the facts."""
from __future__ import annotations

from models.backup_schedule import backups
from models.db import user_version
from models.installation import current
from models.person import Person
from models.registry import delete_person, save_person
from tests.models.people import person_values
from tests.ui.settings_helpers import answer_yes, open_settings, warnings  # noqa: F401 (fixtures)
from ui.registry import RegistryPage


def names_listed(registry) -> list[str]:
    model = registry.list_page.model
    return [model.rows[r]["name"] for r in range(model.rowCount())]


def back_up_now(qtbot, section):
    with qtbot.waitSignal(section.done, timeout=20_000) as done:
        section.backup_button.click()
    assert done.args[0].ok
    return done.args[0].value


def test_back_up_now_makes_a_file_listed_in_the_table(qtbot, open_settings, station, actor):
    section = open_settings(station, actor).show_section("backups")
    path = back_up_now(qtbot, section)
    assert path.exists() and path.parent == station.backups
    assert section.table.selected_key() == str(path)
    assert section.table.text(str(path), 1) == "手动备份"
    assert section.table.text(str(path), 3) == path.name
    assert str(path) in section.status.text()


def test_restore_brings_back_a_person_deleted_after_the_backup(qtbot, open_settings, station, actor, answer_yes):
    person, _ = save_person(None, person_values(1, name="王建国"), actor=actor)
    page = open_settings(station, actor)
    registry = RegistryPage(page.ctx)
    qtbot.addWidget(registry)
    section = page.show_section("backups")
    path = back_up_now(qtbot, section)
    delete_person(person.id, "录入重复", actor=actor)
    registry.list_page.refresh()
    assert names_listed(registry) == []

    section.table.select_key(str(path))
    with qtbot.waitSignal(section.done, timeout=20_000) as done:
        section.restore_button.click()
    assert done.args[0].ok, done.args[0].error
    assert "当前全部数据" in answer_yes[0] and "先自动备份" in answer_yes[0]
    assert answer_yes[0].startswith("备份内容：嘎鲁图镇退役军人服务站") and "在册人员 1 人" in answer_yes[0]
    assert names_listed(registry) == ["王建国"]  # the registry reread what it shows
    assert Person.get_by_id(person.id).deleted_at is None
    safety = done.args[0].value
    assert [e.reason for e in backups(station) if e.path == safety] == ["before-restore"]
    assert str(safety) in section.table.keys and safety.name in section.status.text()


def test_restore_is_not_done_when_the_question_is_declined(qtbot, open_settings, station, actor, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    person, _ = save_person(None, person_values(1), actor=actor)
    section = open_settings(station, actor).show_section("backups")
    path = back_up_now(qtbot, section)
    delete_person(person.id, "录入重复", actor=actor)
    asked = []
    monkeypatch.setattr(QMessageBox, "question", staticmethod(lambda *a: asked.append(a[2]) or QMessageBox.Cancel))
    section.table.select_key(str(path))
    section.restore_button.click()
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)  # the question comes once the backup has been read
    assert "备份内容" in asked[0]
    assert Person.get_by_id(person.id).deleted_at is not None
    assert len(backups(station)) == 1


def test_about_shows_the_real_facts_of_this_installation(open_settings, station, actor):
    about = open_settings(station, actor).show_section("about")
    shown = {key: label.text() for key, label in about.values.items()}
    inst = current()
    assert shown["installation_id"] == inst.id
    assert shown["station"] == "嘎鲁图镇退役军人服务站（150626100）"
    assert shown["kind"] == "嘎鲁图镇退役军人服务站 · 服务站"
    assert shown["schema"] == str(user_version())
    assert shown["home"] == str(station.root.resolve())
    assert shown["version"] and shown["version"] != "未知"
    assert shown["logs"]
