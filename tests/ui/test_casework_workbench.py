"""工作台: due and overdue casework across areas, overdue in red, each item opening its record."""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt

from models.services import record_service
from tests.ui.casework_helpers import add_person
from ui.main_window import MainWindow
from ui.workbench import Workbench

TODAY = dt.date.today()


def overdue_follow_up(actor, person=None):
    record, _ = record_service({"person": person.id if person else None, "category": "policy",
                                "content": "咨询优待证办理条件", "served_on": TODAY - dt.timedelta(days=10),
                                "needs_follow_up": True, "follow_up_on": TODAY - dt.timedelta(days=3)}, actor=actor)
    return record


def test_an_overdue_follow_up_is_listed_in_red_and_clicking_it_opens_the_service(qtbot, ctx, actor):
    person = add_person(1, actor, name="王建国")
    record = overdue_follow_up(actor, person)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    workbench = window.pages["workbench"]
    with qtbot.waitSignal(workbench.refreshed):
        pass
    assert workbench.work.topLevelItemCount() == 1
    item = workbench.work.topLevelItem(0)
    due = TODAY - dt.timedelta(days=3)
    shown_due = due.isoformat()[5:] if due.year == TODAY.year else due.isoformat()  # this year: month-day
    assert [item.text(c) for c in range(3)] == [shown_due, "回访", "王建国"]
    assert item.toolTip(0) == due.isoformat() and item.toolTip(3) == item.text(3)  # the whole text on hover
    assert item.text(3) == "服务回访：咨询优待证办理条件（已逾期 3 天）"
    assert item.foreground(3).color().name() == "#b3261e"
    assert workbench.work_count.text() == "1 items, 1 overdue"

    window.show()
    with qtbot.waitSignal(workbench.record_requested) as blocker:
        qtbot.mouseClick(workbench.work.viewport(), Qt.LeftButton, pos=workbench.work.visualItemRect(item).center())
    assert blocker.args == ["services", record.id]
    assert window.current_area() == "services"
    services = window.pages["services"]
    assert services.detail.record_id == record.id
    assert services.browser.table.currentIndex().row() == 0
    assert "follow_up" in services.detail.step_buttons


def test_recording_the_follow_up_takes_it_off_the_workbench(qtbot, ctx, actor):
    record = overdue_follow_up(actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    workbench = window.pages["workbench"]
    with qtbot.waitSignal(workbench.refreshed):
        pass
    window.open_record("services", record.id)
    services = window.pages["services"]
    dialog = services.detail.start_step("follow_up", "回访")
    dialog.grid.editors["note"].insertPlainText("电话回访，已满意")
    with qtbot.waitSignal(workbench.refreshed):
        dialog.save_button.click()
    assert workbench.work.topLevelItemCount() == 0
    assert workbench.work_empty.isVisibleTo(workbench)


def test_a_visit_due_opens_the_visit_dialog_for_that_person(qtbot, ctx, actor):
    person = add_person(2, actor, name="巴特尔", contact_tier="key", filed_on=TODAY - dt.timedelta(days=31))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    workbench = window.pages["workbench"]
    with qtbot.waitSignal(workbench.refreshed):
        pass
    item = workbench.work.topLevelItem(0)
    assert item.text(1) == "走访" and item.text(2) == "巴特尔"
    workbench.work.itemActivated.emit(item, 0)
    assert window.current_area() == "visits"
    assert window.pages["visits"].dialog.person.value() == person.id


def test_nothing_due_says_so(qtbot, ctx):
    page = Workbench(ctx)
    qtbot.addWidget(page)
    with qtbot.waitSignal(page.refreshed):
        pass
    assert page.work_empty.isVisibleTo(page) and not page.work.isVisibleTo(page)
