"""The bureau's plan settings and scoring scheme, on screen: the 月调度 due day and whether stations see every
station's rank are set in one dialog; the comparison is published to the stations in one action with its
result said plainly; the year's scoring scheme is edited item by item, and weights that do not total 100
are warned while typing and refused with the domain's sentence on saving."""
from __future__ import annotations

import datetime as dt

import pytest

from models.bureau_settings import get_setting, set_setting
from models.plan_template import start_plan_from_template
from models.scoring import PublishedComparison, find_scheme, start_scheme
from tests.ui.casework_helpers import type_text
from tests.ui.test_plan_pages import BUREAU, GALUTU, WUSHENZHAO, YEAR, bureau_ctx, page, refused, saved, \
    stations_with_people, wait_loaded  # noqa: F401 (fixtures)
from ui.plan import PlanPage

QUARTER = f"{YEAR}Q{(dt.date.today().month - 1) // 3 + 1}"


def open_tab(qtbot, page, key):
    tab = page.show_tab(key)
    wait_loaded(qtbot, tab)
    return tab


# --- the settings ---------------------------------------------------------------------------------------

def test_the_bureau_moves_the_monthly_due_day_and_shares_the_ranks_from_the_plan_tab(qtbot, page):
    start_plan_from_template(YEAR, actor=BUREAU)
    tab = open_tab(qtbot, page, "plan")
    assert tab.settings_button.isVisible()
    dialog = tab.edit_settings()
    assert dialog.grid.editors["progress_due_day"].value() == 25  # the default until the bureau changes it
    assert dialog.grid.editors["stations_see_ranks"].value() is False
    dialog.grid.editors["progress_due_day"].setValue(20)
    dialog.grid.editors["stations_see_ranks"].click()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)
    assert get_setting("progress_due_day") == 20 and get_setting("stations_see_ranks") is True
    assert tab.view.settings["progress_due_day"] == 20
    progress = open_tab(qtbot, page, "progress")
    assert "20th" in progress.due.text()


def test_the_due_day_cannot_leave_the_days_every_month_has(qtbot, page):
    tab = open_tab(qtbot, page, "plan")
    day = tab.edit_settings().grid.editors["progress_due_day"]
    day.setValue(31)
    assert day.value() == 28  # the box stops at the 28th; the domain refuses anything else (tests/models)


def test_a_station_sees_no_settings_and_cannot_publish(qtbot, ctx):
    page = PlanPage(ctx)
    qtbot.addWidget(page)
    page.show()
    wait_loaded(qtbot, page.plan)
    assert not page.plan.settings_button.isVisible() and page.plan.edit_settings() is not None  # view exists
    board = page.show_tab("dashboard")
    wait_loaded(qtbot, board)
    assert not board.publish_button.isVisible() and not board.settings_button.isVisible()
    assert board.edit_settings() is None


# --- publishing the comparison ----------------------------------------------------------------------------

def test_the_bureau_publishes_the_quarters_comparison_and_is_told_what_the_stations_see(qtbot, page):
    stations_with_people()
    start_scheme(YEAR, actor=BUREAU)
    board = page.show_tab("dashboard")
    board.picker.kind.setCurrentIndex(1)  # quarter
    wait_loaded(qtbot, board)
    assert "Not yet published" in board.publish_note.text()
    with qtbot.waitSignal(board.published, timeout=10_000) as done:
        board.publish_button.click()
    assert "published to 2 stations" in done.args[0] and "not shown" in done.args[0]
    assert board.message.isVisible() and done.args[0] in board.message.text()
    sent = list(PublishedComparison.select())
    assert {p.station_code for p in sent} == {GALUTU, WUSHENZHAO} and all(p.ranks == [] for p in sent)
    assert {p.period for p in sent} == {QUARTER} and {p.rank for p in sent} <= {1, 2}
    wait_loaded(qtbot, board)
    assert "Published to the stations on" in board.publish_note.text()

    # the bureau lets the stations see every station's rank, right there, and publishes again
    dialog = board.edit_settings()
    dialog.grid.editors["stations_see_ranks"].click()
    saved(qtbot, dialog)
    with qtbot.waitSignal(board.published, timeout=10_000) as done:
        board.publish_button.click()
    assert "every station's score and rank" in done.args[0]
    assert PublishedComparison.select().count() == 2  # publishing again replaces the last one
    assert all(len(p.ranks) == 2 for p in PublishedComparison.select())


def test_publishing_without_any_station_is_refused_with_the_domains_sentence(qtbot, page):
    board = page.show_tab("dashboard")
    wait_loaded(qtbot, board)
    with qtbot.waitSignal(board.refused, timeout=10_000) as refusal:
        board.publish_button.click()
    assert refusal.args[0] == "还没有服务站，无可发布的对标情况。"
    assert board.message.text() == refusal.args[0] and PublishedComparison.select().count() == 0


# --- the scoring scheme -------------------------------------------------------------------------------------

@pytest.fixture
def scheme_dialog(qtbot, page):
    stations_with_people()
    start_scheme(YEAR, actor=BUREAU)
    tab = page.show_tab("scores")
    tab.set_period(QUARTER)
    wait_loaded(qtbot, tab)
    assert tab.edit_scheme_button.isVisible() and not tab.scheme_button.isVisible()
    return tab, tab.edit_scheme()


def test_weights_that_do_not_total_100_are_warned_and_refused_and_nothing_is_saved(qtbot, scheme_dialog):
    tab, dialog = scheme_dialog
    editor = dialog.items_editor
    assert "Weights total 100." == editor.total.text()
    editor.list.setCurrentRow(0)
    form = editor.current_form()
    assert form["label"].text() == "走访慰问完成率" and form["target"].text() == "95"  # a rate's target in %
    form["weight"].clear()
    type_text(qtbot, form["weight"], "15")
    assert "Weights total 95" in editor.total.text() and "must total 100" in editor.total.text()
    message = refused(qtbot, dialog)
    assert "各考核项目的权重合计应为100，现在是95（少5），未保存。" in message
    assert "权重合计应为100" in dialog.banner.text()
    assert find_scheme(YEAR).revision == 1 and find_scheme(YEAR).items[0]["weight"] == 20


def test_the_bureau_adds_a_computed_item_with_a_linear_rule_and_the_scheme_gets_a_new_version(qtbot, scheme_dialog):
    tab, dialog = scheme_dialog
    editor = dialog.items_editor
    editor.list.setCurrentRow(0)
    form = editor.current_form()
    form["weight"].clear()
    type_text(qtbot, form["weight"], "15")
    editor.add_item()
    form["label"].clear()
    type_text(qtbot, form["label"], "服务记录")
    form["weight"].clear()
    type_text(qtbot, form["weight"], "5")
    form["kind"].setCurrentIndex(form["kind"].findData("indicator"))
    form["indicator"].setCurrentIndex(form["indicator"].findData("services"))
    form["rule"].setCurrentIndex(form["rule"].findData("linear"))
    assert editor.form.isRowVisible(form["target"]) and not editor.form.isRowVisible(form["per_item"])
    form["target"].clear()
    type_text(qtbot, form["target"], "10")
    assert "0 points at 6 or less, full marks at 10 or more" in editor.rule_text.text()
    assert editor.total.text() == "Weights total 100."
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)
    scheme = find_scheme(YEAR)
    assert scheme.revision == 2
    added = scheme.items[-1]
    assert added["label"] == "服务记录" and added["indicator"] == "services"
    assert added["rule"] == {"kind": "linear", "target": 10.0, "zero_at": 0.6, "full_at": 1.0}
    assert scheme.items[0]["rule"]["target"] == 0.95 and scheme.items[0]["weight"] == 15
    assert any(r["label"] == "服务记录" for r in tab.items.rows)
    assert "version 2" in tab.state.text()


def test_a_full_mark_that_is_not_a_number_is_refused_and_its_item_is_shown(qtbot, scheme_dialog):
    _tab, dialog = scheme_dialog
    editor = dialog.items_editor
    editor.list.setCurrentRow(3)
    form = editor.current_form()
    form["max_points"].clear()
    type_text(qtbot, form["max_points"], "abc")
    editor.list.setCurrentRow(0)
    message = refused(qtbot, dialog)
    assert "第4项（工作任务滞后）的满分应为大于0的数" in message
    assert editor.list.currentRow() == 3 and find_scheme(YEAR).revision == 1


def test_a_deduction_rule_is_edited_in_points_per_item(qtbot, scheme_dialog):
    tab, dialog = scheme_dialog
    editor = dialog.items_editor
    row = next(n for n, t in enumerate(editor.texts) if t["rule"] == "deduct" and t["kind"] == "indicator")
    editor.list.setCurrentRow(row)
    form = editor.current_form()
    assert editor.form.isRowVisible(form["per_item"]) and not editor.form.isRowVisible(form["target"])
    form["per_item"].clear()
    type_text(qtbot, form["per_item"], "2")
    assert "less 2 points for each one" in editor.rule_text.text()
    with qtbot.waitSignal(tab.loaded, timeout=10_000):
        saved(qtbot, dialog)
    assert find_scheme(YEAR).items[row]["rule"] == {"kind": "deduct", "per_item": 2.0}


def test_a_manual_item_has_no_rule_to_fill_in(qtbot, scheme_dialog):
    _tab, dialog = scheme_dialog
    editor = dialog.items_editor
    row = next(n for n, t in enumerate(editor.texts) if t["kind"] == "manual")
    editor.list.setCurrentRow(row)
    form = editor.current_form()
    assert not editor.form.isRowVisible(form["indicator"]) and not editor.form.isRowVisible(form["target"])
    assert "Entered by the bureau" in editor.rule_text.text()


def test_the_settings_dialog_shows_what_the_bureau_set_before(qtbot, page):
    set_setting("progress_due_day", 10, actor=BUREAU)
    start_plan_from_template(YEAR, actor=BUREAU)
    tab = open_tab(qtbot, page, "plan")
    assert tab.edit_settings().grid.editors["progress_due_day"].value() == 10
