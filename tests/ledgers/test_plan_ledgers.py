"""The work plan's ledgers print like the others: 工作任务台账, 月调度情况表, the three lists, 季度考核赋分表 and
对标情况表 — with known rows from a bureau's third quarter (tests/ledgers/plan_data.py); the packs carry the plan's
sections, a closed pack stays byte for byte what was closed after later edits, and a wrong period is refused."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from ledgers.assessment import comparison_rows
from ledgers.catalog import LEDGERS, LedgerOptions, render_ledger
from ledgers.period_close import close_period, closed_pack, frozen_pack_bytes
from ledgers.period_pack import build_pack, pack_figures
from ledgers.periods import PeriodInvalid, parse_period
from ledgers.progress import run
from models.plan_meetings import write_quarter_summary
from models.plan_progress import report_progress
from models.scoring import enter_manual_score
from models.visits import record_visit
from tests.ledgers.conftest import needs_poppler, pdf_pages
from tests.ledgers.plan_data import GALUTU, WUSHENZHAO, third_quarter
from tests.models.plan_support import BUREAU, bureau  # noqa: F401

PLAN_KINDS = ("tasks", "monthly_progress", "problems", "learning", "improvements", "scores", "comparison")
Q3, SEPT = parse_period("2026Q3"), parse_period("2026-09")


@pytest.fixture
def quarter(bureau):  # noqa: F811
    return third_quarter(BUREAU)


def text(path) -> str:
    """The whole PDF as one string without spaces or line breaks (cells wrap anywhere)."""
    return re.sub(r"\s+", "", "".join(pdf_pages(path, "-raw")))


def printed(kind, period, tmp_path, options=LedgerOptions()) -> tuple[list[str], str]:
    path = run(render_ledger(kind, period, tmp_path / f"{kind}.pdf", options, actor=BUREAU))
    return pdf_pages(path), text(path)


@needs_poppler
@pytest.mark.parametrize("kind, period", [("tasks", Q3), ("monthly_progress", SEPT), ("problems", Q3),
                                          ("learning", Q3), ("improvements", Q3), ("scores", Q3),
                                          ("comparison", Q3)])
def test_every_plan_ledger_prints_framed_numbered_and_signed(quarter, kind, period, tmp_path):
    pages, _ = printed(kind, period, tmp_path)
    for number, page in enumerate(pages, 1):
        page = re.sub(r"\s+", "", page)
        assert LEDGERS[kind].title in page and period.label in page and f"第{number}页共{len(pages)}页" in page
        assert "填报单位：乌审旗退役军人事务局" in page
    assert "审核人" in re.sub(r"\s+", "", pages[-1])


@needs_poppler
def test_the_task_ledger_lists_the_tasks_by_area_with_target_leaders_units_status_and_progress(quarter, tmp_path):
    _, all_text = printed("tasks", Q3, tmp_path)
    assert all_text.index("组织领导") < all_text.index("基层基础建设") < all_text.index("困难帮扶援助")
    assert "走访慰问完成率达到95%" in all_text and "95%（走访完成率）" in all_text and "副局长乌云图" in all_text
    assert "各苏木镇退役军人服务站" in all_text  # seven stations named as the plan names them
    assert "局党组、办公室2026-12-31已完成" in all_text  # 任务1 confirmed on 20 September
    # the 走访 task: the centre missed August and September (滞后), the office reported all three months
    assert "滞后（旗退役军人服务中心）" in all_text
    assert "办公室9月：走访慰问45人，建立走访台账（97.5%）" in all_text
    assert "旗退役军人服务中心7月：走访慰问20人（80%）" in all_text


@needs_poppler
def test_the_month_progress_sheet_says_on_time_late_and_not_reported(quarter, tmp_path):
    _, september = printed("monthly_progress", SEPT, tmp_path)
    assert "走访慰问45人，建立走访台账97.5%牧区路远，个别人员联系不上电话预约后集中走访2026-09-28逾期3天" in september
    assert re.search(r"旗退役军人服务中心9\.走访慰问完成率达到95%未报", september)
    assert "截止日为9月25日" in september
    _, july = printed("monthly_progress", parse_period("2026-07"), tmp_path)
    assert "走访慰问38人92%" in july and "2026-07-20按时" in july and "2026-07-22按时" in july


@needs_poppler
def test_a_station_printed_by_the_bureau_shows_that_station_only(quarter, tmp_path):
    _, sheet = printed("monthly_progress", SEPT, tmp_path, LedgerOptions(station_code=GALUTU))
    assert "嘎鲁图镇退役军人服务站" in sheet and "办公室" not in sheet and "乌审召镇" not in sheet
    _, tasks = printed("tasks", Q3, tmp_path, LedgerOptions(station_code=GALUTU))
    assert "填报单位：嘎鲁图镇退役军人服务站" in tasks and "走访慰问完成率达到95%" not in tasks  # not its task


@needs_poppler
def test_the_three_lists_print_source_measures_status_and_the_link_between_problem_and_fix(quarter, tmp_path):
    _, problems = printed("problems", Q3, tmp_path)
    assert "走访台账不全，走访记录与花名册对不上" in problems
    assert "月调度：旗退役军人服务中心2026-07任务9" in problems
    assert "逐村核对花名册王帅旗退役军人服务中心2026-09-15滞后任务9整改1" in problems  # 时限 passed, not done
    _, fixes = printed("improvements", Q3, tmp_path)
    assert "补齐走访台账并每月核对" in fixes and "问题1：走访台账不全" in fixes
    assert "第三季度对标工作专题会议（2026-09-29）" in fixes  # the meeting's decision became an item
    _, learning = printed("learning", Q3, tmp_path)
    assert "对标：" in learning and "学习“一站式”服务大厅的做法" in learning and "推进中" not in learning


@needs_poppler
def test_the_score_sheet_prints_the_frozen_scores_and_names_a_later_difference(quarter, tmp_path):
    _, sheet = printed("scores", Q3, tmp_path)
    assert re.search(r"1嘎鲁图镇退役军人服务站走访慰问完成率.*100\.0%100/1002020\.0080\.00", sheet)
    assert "2乌审召镇退役军人服务站" in sheet and "55.50" in sheet
    assert "确认并冻结（考核方案第1版，数据截至2026-09-30）" in sheet and "尚未确认" not in sheet
    # a visit entered later, dated in the quarter: 乌审召镇 now visited everyone — the sheet keeps the confirmed score
    record_visit({"person": quarter["people"][4].id, "visited_on": dt.date(2026, 9, 1), "staff": ["李明"],
                  "visit_type": "festival"}, actor=BUREAU, today=dt.date(2026, 9, 1))
    _, later = printed("scores", Q3, tmp_path)
    assert "55.50" in later and "乌审召镇退役军人服务站：按现有数据重新计算与确认时不同——走访慰问完成率0.00→20.00" in later


@needs_poppler
def test_an_unconfirmed_quarter_says_so(bureau, tmp_path):  # noqa: F811
    third_quarter(BUREAU, confirm=False)
    _, sheet = printed("scores", Q3, tmp_path)
    assert "本季度考核分数尚未确认（考核方案第1版" in sheet


@needs_poppler
def test_the_comparison_puts_the_stations_side_by_side_with_the_change_from_the_last_quarter(quarter, tmp_path):
    pages, sheet = printed("comparison", Q3, tmp_path)
    header = re.sub(r"\s+", "", pages[0].split("\n")[3] + pages[0].split("\n")[4])
    assert "嘎鲁图镇" in header and "乌审召镇" in header and "合计" in header
    # 走访完成率: 嘎鲁图镇 100 % (0 % in Q2), 乌审召镇 50 %, together 3 of 4
    assert "走访完成率100.0%+100个百分点50.0%+50个百分点75.0%+75个百分点" in sheet
    rows = {row[0]: row[1:] for row in comparison_rows(Q3, LedgerOptions())}
    # the 2026 scheme scores Q2 too (no manual points then): 34 each, both first; the mean in the 合计 column
    assert rows["考核得分（分）"] == ["80.00\n+46", "55.50\n+21.5", "67.75\n+33.75"]
    assert rows["名次"] == ["1\n持平", "2\n降1位", "—"]
    _, one = printed("comparison", Q3, tmp_path, LedgerOptions(station_code=WUSHENZHAO))
    assert "全旗平均" in one and "50.0%" in one and "嘎鲁图镇" not in one


@needs_poppler
def test_the_packs_carry_task_progress_missing_reports_and_in_the_quarter_summaries_scores_and_comparison(
        quarter, tmp_path):
    _, month = printed("month_pack", SEPT, tmp_path)
    assert "工作任务推进情况" in month and "月调度未报情况" in month and "9月未报的任务" in month
    assert "季总结" not in month
    _, q = printed("quarter_pack", Q3, tmp_path)
    for heading in ("工作任务推进情况", "月调度未报情况", "季总结", "实绩考核赋分", "对标情况"):
        assert heading in q
    assert "领导小组成立，走访完成率逐月提高" in q and "已确认" in q and "80.00" in q
    figures = pack_figures(Q3, LedgerOptions())["work_plan"]
    office = next(u for u in figures["units"] if u["name"] == "办公室")
    assert (office["progress_due"], office["progress_reported"], office["progress_on_time"]) > (0, 0, 0)
    assert figures["scores"]["confirmed"] and [r["rank"] for r in figures["scores"]["rows"]] == [1, 2]


@needs_poppler
def test_a_closed_quarter_pack_stays_as_closed_after_later_edits(quarter, tmp_path):
    closed = run(close_period("quarter_pack", Q3, actor=BUREAU))
    assert closed.figures["work_plan"]["summaries"][0]["成效"] == "领导小组成立，走访完成率逐月提高"
    frozen = frozen_pack_bytes(closed_pack("quarter_pack", Q3))
    write_quarter_summary("2026Q3", {"results": "补记：第三季度走访全覆盖"}, unit="office", actor=BUREAU,
                          on=dt.date(2026, 10, 3))
    report_progress(quarter["task"].id, "2026-09", {"done_text": "补报九月"}, unit="centre", actor=BUREAU,
                    on=dt.date(2026, 10, 3))
    again = run(render_ledger("quarter_pack", Q3, tmp_path / "again.pdf", actor=BUREAU))
    assert again.read_bytes() == frozen
    assert "领导小组成立" in text(again) and "补记" not in text(again)
    fresh = tmp_path / "fresh.pdf"  # what the pack would say now: the edits are real, the frozen copy ignores them
    run(build_pack("quarter_pack", Q3, fresh, LedgerOptions(), unit="乌审旗退役军人事务局"))
    assert "补记：第三季度走访全覆盖" in text(fresh)
    with pytest.raises(Exception, match="已关账"):  # and the quarter's scores can no longer be entered
        enter_manual_score("2026Q3", GALUTU, "aid", 90, reason="复核", actor=BUREAU)


@pytest.mark.parametrize("kind, period, sentence", [
    ("scores", "2026-09", "季度考核赋分表按季度填报，期间应为一个季度，例如 2026Q4。"),
    ("scores", "2026", "季度考核赋分表按季度填报，期间应为一个季度，例如 2026Q4。"),
    ("monthly_progress", "2026Q3", "月调度情况表按月填报，期间应为一个月，例如 2026-11。"),
    ("comparison", "2026-07-01..2026-08-15", "对标情况表比较一个月、一个季度或一年"),
])
def test_a_wrong_period_is_refused_with_a_sentence_and_nothing_is_written(quarter, kind, period, sentence, tmp_path):
    with pytest.raises(PeriodInvalid) as caught:
        run(render_ledger(kind, parse_period(period), tmp_path / "x.pdf", actor=BUREAU))
    assert sentence in caught.value.message
    assert not list(tmp_path.glob("x.pdf*"))


@needs_poppler
def test_without_a_plan_or_a_scheme_the_ledgers_say_so(bureau, tmp_path):  # noqa: F811
    _, tasks = printed("tasks", Q3, tmp_path)
    assert "2026年还没有工作方案，本表无内容。" in tasks and "（本期无记录）" in tasks
    _, scores = printed("scores", Q3, tmp_path)
    assert "2026年还没有考核赋分方案，本表无内容。" in scores


@needs_poppler
def test_at_a_station_the_ledgers_show_its_own_unit(station, actor, tmp_path):
    """A station holds only its own assignments and reports: its task ledger and 月调度情况表 are its own."""
    pages, tasks = printed("tasks", Q3, tmp_path)
    assert "填报单位：嘎鲁图镇退役军人服务站" in tasks and "还没有工作方案" in tasks
    assert set(PLAN_KINDS) <= set(LEDGERS)
