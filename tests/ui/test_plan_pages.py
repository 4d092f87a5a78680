"""The work plan at the bureau, on screen: the year's plan started from the template in one click, a task given
to two stations, a 股室's 月调度 entered with its refusal, 滞后 and the missing reports, a quarter scored and
confirmed, the 对标看板 with its table and charts, and a figure's drill-down opening the record behind it."""
from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCharts import QChartView

from models.installation import current, init_bureau
from models.plan import PlanTask, TaskAssignment
from models.plan_edit import get_plan
from models.plan_tasks import edit_task
from models.plan_template import start_plan_from_template
from models.registry import save_person
from models.scoring import ConfirmedScore, enter_manual_score
from models.services import record_service
from models.write import CLI_ACTOR, Actor
from tests.models.people import person_values
from tests.ui.casework_helpers import type_text
from ui.context import AppContext
from ui.plan import PlanPage

BUREAU = Actor("li", "李伟春", "bureau_admin")
GALUTU, WUSHENZHAO = "150626100", "150626101"
TODAY = dt.date.today()
YEAR = TODAY.year


@pytest.fixture
def bureau_ctx(home):
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    return AppContext(home, current(), BUREAU)


@pytest.fixture
def page(qtbot, bureau_ctx):
    page = PlanPage(bureau_ctx)
    qtbot.addWidget(page)
    page.resize(1366, 768)
    page.show()
    return page


def wait_loaded(qtbot, tab, action=None):
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        if action is not None:
            action()
        else:
            tab.refresh()


def saved(qtbot, dialog):
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        dialog.save_button.click()


def refused(qtbot, dialog) -> str:
    with qtbot.waitSignal(dialog.refused, timeout=10_000) as blocker:
        dialog.save_button.click()
    return getattr(blocker.args[0], "message", str(blocker.args[0]))


def test_the_bureau_starts_the_years_plan_from_the_template_in_one_click(qtbot, page):
    tab = page.plan
    if tab.view is None:
        wait_loaded(qtbot, tab)
    assert tab.start_button.isVisible() and "There is no plan" in tab.title.text()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.start_button.click()
    assert not tab.start_button.isVisible()
    assert len(tab.table.rows) >= 8  # one starting task per area
    assert {r["status"] for r in tab.table.rows} <= {"not_started", "late"}
    assert "诸暨市退役军人事务局" in tab.head.text()
    assert tab.areas.count() == 9  # 全部 + the eight areas


def test_a_task_is_given_to_two_stations_and_a_missing_title_is_refused(qtbot, page):
    start_plan_from_template(YEAR, actor=BUREAU)
    tab = page.plan
    wait_loaded(qtbot, tab)
    tab.areas.setCurrentRow(4)  # 基础业务工作
    dialog = tab.new_task()
    assert "请填写任务事项" in refused(qtbot, dialog)
    type_text(qtbot, dialog.grid.editors["title"], "走访完成率达到95%")
    type_text(qtbot, dialog.grid.editors["target_value"], "95")
    type_text(qtbot, dialog.grid.editors["target_unit"], "%")
    dialog.grid.editors["indicator"].set_value("visit_rate")
    dialog.grid.editors["units"].set_value([GALUTU, WUSHENZHAO])
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)
    task = PlanTask.get(PlanTask.title == "走访完成率达到95%")
    assert task.area.name == "基础业务工作" and task.indicator == "visit_rate"
    assert {a.unit_code for a in TaskAssignment.live().where(TaskAssignment.task == task.id)} == {GALUTU, WUSHENZHAO}
    row = next(r for r in tab.table.rows if r["id"] == task.id)
    assert row["target"] == "95%" and "走访完成率" in row["indicator_label"]


def test_a_sections_monthly_report_is_entered_and_the_missing_units_are_listed(qtbot, page):
    plan = start_plan_from_template(YEAR, actor=BUREAU, on=dt.date(YEAR, 1, 1))
    tab = page.show_tab("progress")
    last_month = (TODAY.replace(day=1) - dt.timedelta(days=1))
    if last_month.year != YEAR:
        pytest.skip("January: last month belongs to last year's plan")
    tab.set_month(f"{last_month.year}-{last_month.month:02d}")
    assert tab.set_unit("office")
    wait_loaded(qtbot, tab)
    assert tab.table.rows, "the office carries template tasks"
    # last month's due day has passed: every unit owes it, the stations included
    missing_units = {m["unit_code"] for m in tab.view.missing}
    assert {"office", GALUTU, WUSHENZHAO} <= missing_units
    row = tab.table.rows[0]
    assert row["unit_status"] == "late"
    dialog = tab.report(row)
    assert "请填写完成情况" in refused(qtbot, dialog)
    type_text(qtbot, dialog.grid.editors["done_text"], "召开领导小组会议，细化任务")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)
    row = next(r for r in tab.table.rows if r["id"] == row["id"])
    assert row["entry"]["done_text"] == "召开领导小组会议，细化任务"
    assert not any(m["unit_code"] == "office" and m["task_id"] == row["id"] for m in tab.view.missing)
    assert get_plan(YEAR).id == plan.id


def stations_with_people():
    """Two stations that hold persons (so the bureau's indicators cover them), one with a service record."""
    people = {}
    for n, station in enumerate((GALUTU, WUSHENZHAO), 1):
        people[station], _ = save_person(None, person_values(n, filed_on=dt.date(YEAR - 1, 3, 1), contact_tier="key"),
                                         station_code=station, actor=BUREAU)
    service, _ = record_service({"served_on": TODAY, "person": people[GALUTU].id, "category": "policy",
                                 "content": "咨询优待政策"}, actor=BUREAU, today=TODAY)
    return people, service


def test_a_quarter_is_scored_with_manual_points_and_confirmed(qtbot, page):
    stations_with_people()
    tab = page.show_tab("scores")
    quarter = f"{YEAR}Q{(TODAY.month - 1) // 3 + 1}"
    tab.set_period(quarter)
    wait_loaded(qtbot, tab)
    assert tab.scheme_button.isVisible()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.scheme_button.click()
    assert len(tab.items.rows) >= 2 and len(tab.scores.rows) == 2
    with qtbot.waitSignal(tab.refused, timeout=10_000) as refusal:
        tab.confirm_button.click()
    assert "事务局评定的分数未录入" in refusal.args[0] and tab.message.isVisible()  # manual points missing
    assert ConfirmedScore.select().count() == 0
    dialog = tab.enter_manual()
    dialog.grid.editors["item"].setCurrentIndex(1)
    type_text(qtbot, dialog.grid.editors["points"], "85")
    assert "请写明评分理由" in refused(qtbot, dialog)
    manual = [i["code"] for i in tab.scheme.items if i["kind"] == "manual"]
    for station in (GALUTU, WUSHENZHAO):
        for item in manual:
            enter_manual_score(quarter, station, item, 80, reason="现场检查", actor=BUREAU)
    wait_loaded(qtbot, tab)
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        tab.confirm_button.click()
    assert ConfirmedScore.select().count() == 2
    assert all(r["frozen"] for r in tab.scores.rows) and not tab.confirm_button.isVisible()
    assert [r["rank"] for r in tab.scores.rows][0] == 1


def test_the_dashboard_shows_the_stations_as_a_table_and_charts_and_a_figure_opens_its_records(qtbot, page):
    people, service = stations_with_people()
    start_plan_from_template(YEAR, actor=BUREAU, on=dt.date(YEAR, 1, 1))
    board = page.dashboard
    page.show_tab("dashboard")
    board.picker.kind.setCurrentIndex(2)  # year
    wait_loaded(qtbot, board)
    names = [r["station_name"] for r in board.table.rows]
    assert len(names) == 3 and names[-1] == "Banner total"
    services_column = board.codes.index("services")
    galutu = next(i for i, r in enumerate(board.table.rows) if r["station_code"] == GALUTU)
    assert board.table.rows_model.index(galutu, services_column).data().startswith("1")
    assert board.figure_chart.chart().series() and board.progress_chart.chart().series()
    assert isinstance(board.figure_chart, QChartView)

    with qtbot.waitSignal(board.drilled, timeout=10_000) as drilled:
        board.table.clicked.emit(board.table.rows_model.index(galutu, services_column))
    dialog = drilled.args[0]
    assert [r["line"].record_id for r in dialog.table.rows] == [service.id]
    with qtbot.waitSignal(page.record_requested) as opened:
        dialog.table.row_activated.emit(dialog.table.rows[0])
    assert opened.args == ["services", service.id]


def test_a_station_sees_the_plan_read_only_and_its_own_figures(qtbot, ctx):
    page = PlanPage(ctx)
    qtbot.addWidget(page)
    wait_loaded(qtbot, page.plan)
    assert not page.plan.new_task_button.isVisible() and not page.plan.start_button.isVisible()
    assert "The bureau makes the plan" in page.plan.head.text()
    page.show_tab("dashboard")
    wait_loaded(qtbot, page.dashboard)
    assert [r["label"] for r in page.dashboard.table.rows][0] == "在册人数"
    assert "has not yet published" in page.dashboard.caption.text()


def test_a_task_changed_by_a_colleague_while_its_dialog_is_open_keeps_both_changes(qtbot, page):
    """Two bureau staff on one master copy: the colleague changes the task's note; this one its target."""
    start_plan_from_template(YEAR, actor=BUREAU)
    tab = page.plan
    wait_loaded(qtbot, tab)
    row = tab.table.rows[0]
    tab.table.select_where(lambda r: r["id"] == row["id"])
    dialog = tab.edit_task()
    edit_task(row["id"], {"note": "同事补充的备注"}, actor=Actor("wang", "王股长", "bureau_staff"))

    dialog.grid.editors["target_value"].setText("90")
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)

    task = PlanTask.get_by_id(row["id"])
    assert (task.note, task.target_value) == ("同事补充的备注", 90)


def test_the_same_task_field_changed_by_a_colleague_first_is_refused_with_its_name(qtbot, page):
    start_plan_from_template(YEAR, actor=BUREAU)
    tab = page.plan
    wait_loaded(qtbot, tab)
    row = tab.table.rows[0]
    tab.table.select_where(lambda r: r["id"] == row["id"])
    dialog = tab.edit_task()
    edit_task(row["id"], {"note": "同事补充的备注"}, actor=Actor("wang", "王股长", "bureau_staff"))

    dialog.grid.editors["note"].setText("我写的备注")
    message = refused(qtbot, dialog)

    assert "「备注」" in message and "未保存" in message
    assert PlanTask.get_by_id(row["id"]).note == "同事补充的备注"
    assert dialog.grid.editors["note"].text() == "我写的备注"  # nothing typed is lost
