"""服务历程: a 代办 item recorded in 服务记录 and stepped to 已办结 shows on the person's timeline,
newest first, and double-clicking it opens the record in its area."""
from __future__ import annotations

import datetime as dt


from models.employment import add_employment
from models.visits import record_visit
from tests.ui.casework_helpers import add_person, pick_person, save, type_text
from ui.main_window import MainWindow
from ui.registry.timeline_tab import TimelineTab

TODAY = dt.date.today()


def test_a_service_stepped_to_done_is_in_the_list_the_timeline_and_its_follow_up_on_the_workbench(qtbot, ctx, actor):
    person = add_person(1, actor, name="王建国")
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    workbench = window.pages["workbench"]
    with qtbot.waitSignal(workbench.refreshed):
        pass
    services = window.select_area("services")
    dialog = services.new_record()
    pick_person(qtbot, dialog.person, "wjg", person.id)
    dialog.category.setCurrentIndex(dialog.category.findData("agency"))
    type_text(qtbot, dialog.content, "代办医疗保险转移接续")
    dialog.needs_follow_up.click()
    dialog.follow_up_on.setText("")
    type_text(qtbot, dialog.follow_up_on, TODAY.isoformat())  # 回访 today: on the workbench at once
    with qtbot.waitSignal(workbench.refreshed):
        [record_id] = save(qtbot, dialog)
    for code in ("start", "complete"):
        step = services.detail.start_step(code, services.detail.step_buttons[code].text())
        with qtbot.waitSignal(services.detail.step_saved):
            step.save_button.click()
    assert services.browser.model.rows[0]["status_label"] == "已办结"

    item = workbench.work.topLevelItem(0)
    assert (item.text(1), item.text(2)) == ("回访", "王建国") and item.text(3).endswith("（今天到期）")

    window.open_person(person.id)
    form = window.pages["registry"].current_form
    timeline = form.timeline
    assert form.tabs.isTabEnabled(form.tab_of["timeline"])
    lines = [timeline.tree.topLevelItem(i).text(2) for i in range(timeline.tree.topLevelItemCount())]
    assert lines[-1] == "来访 · 服务代办：代办医疗保险转移接续"
    assert set(lines[:2]) == {"开始办理", "办结"}
    first = timeline.tree.topLevelItem(len(lines) - 1)
    with qtbot.waitSignal(timeline.record_requested) as blocker:
        timeline.tree.itemDoubleClicked.emit(first, 0)
    assert blocker.args == ["services", record_id]
    assert window.current_area() == "services" and services.detail.record_id == record_id


def test_the_timeline_lists_every_area_newest_first(qtbot, ctx, actor):
    person = add_person(2, actor, name="李德胜")
    record_visit({"person": person.id, "visit_type": "festival", "staff": ["张站长"], "money_fen": 50000,
                  "visited_on": TODAY - dt.timedelta(days=5)}, actor=actor)
    add_employment({"person": person.id, "kind": "training", "title": "电工培训", "on": TODAY - dt.timedelta(days=1)},
                   actor=actor)
    tab = TimelineTab(ctx)
    qtbot.addWidget(tab)
    tab.show_person(person.id)
    rows = [[tab.tree.topLevelItem(i).text(c) for c in range(3)] for i in range(tab.tree.topLevelItemCount())]
    assert rows == [[(TODAY - dt.timedelta(days=1)).isoformat(), "就业创业", "技能培训：电工培训"],
                    [(TODAY - dt.timedelta(days=5)).isoformat(), "走访慰问", "节日慰问（张站长）：500.00 元"]]
    assert not tab.empty.isVisibleTo(tab)


def test_a_new_visit_from_the_timeline_is_for_this_person(qtbot, ctx, actor):
    person = add_person(3, actor)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.open_person(person.id)
    timeline = window.pages["registry"].current_form.timeline
    assert timeline.empty.isVisibleTo(timeline)
    timeline.new_buttons["visits"].click()
    assert window.current_area() == "visits"
    assert window.pages["visits"].dialog.person.value() == person.id
