"""工作台: only real figures from the live database, and a way into the people changed last."""
from __future__ import annotations

import datetime as dt
import sys
import types

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from models.backup import backup_database
from models.changelog import Change
from models.installation import add_village, current
from models.person import Person
from models.registry import save_person, set_status
from models.write import Actor
from tests.models.people import person_values
from ui.context import AppContext
from ui.main_window import MainWindow
from models.workbench import WorkItem
from ui.workbench import Workbench, month_start_utc, workbench_figures


def open_workbench(qtbot, ctx) -> Workbench:
    """The page with its figures read (they are read on the worker thread)."""
    page = Workbench(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        pass  # the read finishes inside the event loop this waits in
    return page


def add_person(n: int, actor, **values):
    person, changes = save_person(None, person_values(n, **values), identities=[{"category": "retired_soldier"}],
                                  actor=actor)
    return person, changes


def test_figures_count_active_key_focus_and_this_months_registrations(ctx, actor):
    add_person(1, actor)
    add_person(2, actor, key_focus=True, key_focus_reason="生活困难")
    gone, _ = add_person(3, actor, key_focus=True, key_focus_reason="长期卧床")
    set_status(gone.id, "deceased", on=dt.date.today(), reason="病故", actor=actor)

    figures = workbench_figures(ctx.home, ctx.installation)
    assert figures.active == 2
    assert figures.key_focus == 1  # the deceased person no longer counts
    assert figures.registered_this_month == 3
    assert figures.exchange["unconfirmed"] == Change.select().where(Change.origin == ctx.installation.id).count() > 0
    assert figures.last_backup is None


def test_a_person_registered_before_this_month_is_not_counted_as_new(ctx, actor):
    add_person(1, actor)
    old, _ = add_person(2, actor)
    # as if entered last year (tests may set bookkeeping columns; the app never does)
    Person.update(created_at="2020-01-05T08:00:00.000000Z").where(Person.id == old.id).execute()
    assert workbench_figures(ctx.home, ctx.installation).registered_this_month == 1
    assert month_start_utc(dt.date(2026, 3, 17))[:10] in ("2026-02-28", "2026-03-01")


def test_the_workbench_shows_the_figures_and_the_last_backup(qtbot, ctx, actor, dressed_app):
    add_person(1, actor)
    backup_database(ctx.home, reason="daily")
    page = open_workbench(qtbot, ctx)
    assert page.active.value.text() == "1"
    assert page.key_focus.value.text() == "0"
    assert page.backup.value.text() != "尚无备份"
    assert page.backup.note.text() == "每日自动备份"  # what the backup was, dated by its name
    # the clerk's words and the action, not a bare count
    assert page.unsent.note.text() == f"有 {page.unsent.value.text()} 条修改还没交给事务局："
    assert page.export_link.isVisibleTo(page) and page.export_link.text() == "导出数据包…"
    with qtbot.waitSignal(page.area_requested) as asked:
        page.export_link.click()
    assert asked.args == ["exchange"]


def test_without_a_backup_the_workbench_says_none_yet(qtbot, ctx, dressed_app):
    page = open_workbench(qtbot, ctx)
    assert page.backup.value.text() == "尚无备份"
    assert page.backup.note.text() == "登录后程序每天自动备份一次。"
    assert page.recent_empty.isVisibleTo(page) and not page.recent.isVisibleTo(page)


def test_without_casework_due_the_workbench_says_nothing_is_due(qtbot, ctx, dressed_app):
    page = open_workbench(qtbot, ctx)
    assert page.work_empty.text() == "没有到期或逾期的事项。"
    assert page.work_empty.isVisibleTo(page) and not page.work.isVisibleTo(page)


def test_recent_list_shows_the_ten_people_changed_last_newest_first(qtbot, ctx, actor, dressed_app):
    people = [add_person(n, actor)[0] for n in range(12)]
    save_person(people[0].id, {"phone": "13904770000"}, actor=actor)
    page = open_workbench(qtbot, ctx)
    assert page.recent.topLevelItemCount() == 10
    first = page.recent.topLevelItem(0)
    assert first.text(0) == "测试000" and first.text(2) == "退役士兵" and first.text(3) == "在册"


def test_workbench_refreshes_when_a_person_is_saved(qtbot, ctx, actor, dressed_app):
    page = open_workbench(qtbot, ctx)
    assert page.active.value.text() == "0"
    _, changes = add_person(5, actor)
    with qtbot.waitSignal(page.refreshed):
        ctx.announce(changes)
    assert page.active.value.text() == "1"
    assert page.recent.topLevelItem(0).text(0) == "测试005"


class RegistryStandIn(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.opened = []

    def open_person(self, person_id):
        self.opened.append(person_id)


def test_clicking_a_recent_person_opens_them_in_the_registry(qtbot, ctx, actor, dressed_app, monkeypatch):
    module = types.ModuleType("ui.registry")
    module.RegistryPage = RegistryStandIn
    monkeypatch.setitem(sys.modules, "ui.registry", module)
    person, _ = add_person(7, actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    workbench = window.pages["workbench"]
    with qtbot.waitSignal(workbench.refreshed, timeout=30_000):
        pass
    item = workbench.recent.topLevelItem(0)
    with qtbot.waitSignal(workbench.person_requested) as blocker:
        window.show()
        qtbot.mouseClick(workbench.recent.viewport(), Qt.LeftButton,
                         pos=workbench.recent.visualItemRect(item).center())
    assert blocker.args == [person.id]
    assert window.current_area() == "registry"
    assert window.pages["registry"].opened[-1] == person.id


def test_a_bureau_workbench_speaks_of_the_stations(qtbot, home, dressed_app):
    from models.installation import init_bureau
    from models.write import CLI_ACTOR

    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    page = open_workbench(qtbot, AppContext(home, current(), Actor("chief", "局长", "bureau_admin")))
    assert page.unsent.value.text() == "0" and page.unsent.note.text() == "没有待处理的事项。"


def test_at_1024_pixels_the_category_of_a_recent_person_is_not_cut_by_a_long_village(qtbot, ctx, actor):
    village = add_village("呼和陶勒盖嘎查", actor=actor)
    person, _ = add_person(1, actor, village=village.id)
    page = Workbench(ctx)
    qtbot.addWidget(page)
    page.resize(1024 - 220, 660)  # the main window at 1024 × 700 less its sidebar
    page.show()
    with qtbot.waitSignal(page.refreshed, timeout=30_000):
        pass
    row = page.recent.topLevelItem(0)
    assert row.text(1) == "呼和陶勒盖嘎查" and row.toolTip(1) == "呼和陶勒盖嘎查"
    needed = page.recent.fontMetrics().horizontalAdvance("退役士兵")
    assert page.recent.header().sectionSize(2) > needed
    assert row.toolTip(2) == "退役士兵"


def test_a_long_name_in_due_and_overdue_is_cut_and_the_matter_stays_in_view(qtbot, ctx):
    page = open_workbench(qtbot, ctx)
    page.resize(1024 - 220, 660)
    page.show()
    station = "嘎鲁图镇退役军人服务站"
    items = [WorkItem("visit", "r1", "p1", "王强", dt.date.today(), 0, "定期走访"),
             WorkItem("visit", "r2", None, station, dt.date.today() - dt.timedelta(days=3), -3, "定期走访")]
    page._fill_work(items)
    header = page.work.header()
    assert header.sectionSize(2) < page.work.fontMetrics().horizontalAdvance(station)
    assert page.work.topLevelItem(1).toolTip(2) == station  # the whole name on hover
    assert header.sectionSize(3) > page.work.fontMetrics().horizontalAdvance("定期走访")
