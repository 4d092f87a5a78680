"""实绩考核赋分 at the bureau: a scheme whose weights total 100, points by rule, manual points with a reason,
ranking, confirming freezes a quarter, a later recompute shows the difference, a closed quarter refuses."""
import copy

import pytest

from models.errors import PermissionDenied, ValidationError
from models.installation import init_bureau
from models.periods import parse_period
from models.periods_closed import record_closing, scope_code
from models.registry import save_person
from models.scoring import (ConfirmedScore, ScoringRefused, compute_scores, confirm_quarter, enter_manual_score,
                            get_scheme, item_points, publish_comparison, published, quarter_scores, save_scheme,
                            start_scheme)
from models.visits import record_visit
from models.write import CLI_ACTOR, Actor
from tests.models.casework_support import D, TODAY
from tests.models.people import person_values

BUREAU = Actor("zhao", "赵科长", "bureau_admin")
GALUTU, WUSHENZHAO = "150626100", "150626101"
MANUAL = ("grassroots", "aid", "employment", "politics")


@pytest.fixture
def bureau(home):
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    people = {}
    for n, station in enumerate((GALUTU, GALUTU, WUSHENZHAO, WUSHENZHAO), 1):
        people[n], _ = save_person(None, person_values(n, filed_on=D(2024, 1, 1), contact_tier="key"),
                                   station_code=station, actor=BUREAU)
    # 嘎鲁图镇 visits both of its people in Q4 (100%); 乌审召镇 one of two (50%)
    for n in (1, 2, 3):
        record_visit({"person": people[n].id, "visited_on": D(2026, 10, 9), "staff": ["李明"],
                      "visit_type": "festival"}, actor=BUREAU, today=TODAY)
    start_scheme(2026, actor=BUREAU)
    return people


def enter_all(quarter="2026Q4", points=80):
    for station in (GALUTU, WUSHENZHAO):
        for item in MANUAL:
            enter_manual_score(quarter, station, item, points, reason="现场检查", actor=BUREAU)


def test_a_linear_rule_gives_nothing_below_60_percent_of_target_and_full_marks_at_it():
    item = {"max_points": 100, "rule": {"kind": "linear", "target": 0.95, "zero_at": 0.6, "full_at": 1.0}}
    assert [item_points(item, v) for v in (0.5, 0.57, 0.76, 0.95, 1.0, None)] == [0, 0, 50, 100, 100, 100]
    deduct = {"max_points": 100, "rule": {"kind": "deduct", "per_item": 5}}
    assert [item_points(deduct, v) for v in (0, 3, 40)] == [100, 85, 0]


def test_scores_follow_the_data_rank_the_stations_and_wait_for_manual_points(bureau):
    board = quarter_scores("2026Q4", today=TODAY)
    by = {r.station_code: r for r in board.rows}
    assert by[WUSHENZHAO].missing == ["基层基础建设和工作运行保障", "困难帮扶援助工作成效", "就业创业扶持工作成效",
                                      "思想政治引领和典型培树"]
    enter_all()
    enter_manual_score("2026Q4", WUSHENZHAO, "aid", 100, reason="帮扶成效突出", actor=BUREAU)
    by = {r.station_code: r for r in quarter_scores("2026Q4", today=TODAY).rows}
    visits = {r.station_code: next(i for i in r.items if i["code"] == "visits") for r in by.values()}
    assert (visits[GALUTU]["points"], visits[GALUTU]["score"]) == (100, 20)  # 100% ≥ 95%: full, weight 20
    assert visits[WUSHENZHAO]["points"] == 0  # 50% is below 60% of 95%
    # no dispute ended and no task late: full marks (15 + 10); two visits overdue today: 100 − 2 × 5 of 10;
    # manual 80% of 45 = 36
    assert by[GALUTU].total == 20 + 15 + 9 + 10 + 36
    assert by[WUSHENZHAO].total == 0 + 15 + 9 + 10 + 28 + 10  # its 帮扶 item entered again at 100
    assert (by[GALUTU].rank, by[WUSHENZHAO].rank) == (1, 2)
    assert compute_scores(parse_period("2026"), today=TODAY).rows[0].station_code == GALUTU


def test_weights_that_do_not_total_100_are_refused_and_nothing_changes(bureau):
    items = copy.deepcopy(get_scheme(2026).items)
    items[0]["weight"] = 15
    with pytest.raises(ValidationError) as caught:
        save_scheme(2026, items, actor=BUREAU)
    assert "权重合计应为100，现在是95（少5）" in caught.value.message
    assert get_scheme(2026).revision == 1 and get_scheme(2026).items[0]["weight"] == 20
    items[0].update(weight=20, indicator="happiness")
    with pytest.raises(ValidationError, match="指标「happiness」不存在"):
        save_scheme(2026, items, actor=BUREAU)


def test_a_manual_score_needs_a_reason_and_points_within_full_marks(bureau):
    with pytest.raises(ValidationError) as caught:
        enter_manual_score("2026Q4", GALUTU, "grassroots", 120, reason=" ", actor=BUREAU)
    assert caught.value.fields == {"points": "分数应在0到满分100之间", "reason": "请写明评分理由"}
    with pytest.raises(ValidationError, match="按指标「visit_rate」自动计算"):
        enter_manual_score("2026Q4", GALUTU, "visits", 50, reason="x", actor=BUREAU)


def test_confirming_freezes_the_quarter_and_a_recompute_shows_the_difference(bureau):
    enter_all()
    confirm_quarter("2026Q4", actor=BUREAU, today=TODAY)
    frozen = ConfirmedScore.get(ConfirmedScore.station_code == WUSHENZHAO)
    assert (frozen.scheme_version, frozen.period_start, frozen.data_as_at) == (1, D(2026, 10, 1), TODAY)
    # later: 乌审召镇's second person is visited too, and the bureau changes its mind on a manual item
    record_visit({"person": bureau[4].id, "visited_on": D(2026, 11, 2), "staff": ["李明"], "visit_type": "festival"},
                 actor=BUREAU, today=TODAY)
    enter_manual_score("2026Q4", WUSHENZHAO, "aid", 100, reason="补充材料后改评", actor=BUREAU)
    row = next(r for r in quarter_scores("2026Q4", today=TODAY).rows if r.station_code == WUSHENZHAO)
    assert row.shown_total == frozen.total == 70 and row.total == 92.5  # the frozen figure stands
    assert {d["code"]: (d["frozen"], d["now"]) for d in row.difference()} == {
        "visits": (0, 20), "overdue": (9, 9.5), "aid": (8, 10), "total": (70, 92.5)}
    with pytest.raises(ScoringRefused, match="已确认"):
        confirm_quarter("2026Q4", actor=BUREAU, today=TODAY)


def test_confirming_with_manual_points_missing_is_refused_and_freezes_nothing(bureau):
    with pytest.raises(ScoringRefused, match="事务局评定的分数未录入"):
        confirm_quarter("2026Q4", actor=BUREAU, today=TODAY)
    assert ConfirmedScore.select().count() == 0


def test_a_closed_quarter_refuses_scores(bureau):
    q3 = parse_period("2026Q3")
    record_closing("quarter_pack", "2026Q3", q3.start, q3.end, b"%PDF", {}, closed_at="2026-10-08T00:00:00Z",
                   actor=BUREAU, station_code=scope_code())
    with pytest.raises(ScoringRefused, match="2026年第三季度已关账"):
        enter_manual_score("2026Q3", GALUTU, "grassroots", 80, reason="x", actor=BUREAU)
    with pytest.raises(ScoringRefused, match="已关账"):
        confirm_quarter("2026Q3", actor=BUREAU, today=TODAY)


def test_the_published_comparison_shares_ranks_only_when_the_bureau_says_so(bureau):
    from models.bureau_settings import set_setting

    enter_all()
    publish_comparison(parse_period("2026Q4"), actor=BUREAU, today=TODAY)
    mine = published(parse_period("2026Q4"), WUSHENZHAO)
    assert mine.own["visit_rate"] == 0.5 and mine.average["visit_rate"] == 0.75 and mine.average["persons"] == 2
    assert mine.rank == 2 and mine.ranks == []
    set_setting("stations_see_ranks", True, actor=BUREAU)
    publish_comparison(parse_period("2026Q4"), actor=BUREAU, today=TODAY)
    assert [r["rank"] for r in published(parse_period("2026Q4"), WUSHENZHAO).ranks] == [1, 2]


def test_a_station_cannot_score(actor):
    with pytest.raises(PermissionDenied, match="考核赋分由旗退役军人事务局负责"):
        start_scheme(2026, actor=actor)
