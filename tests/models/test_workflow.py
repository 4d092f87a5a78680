"""The state-machine helper every casework workflow is declared with."""
import datetime as dt
from types import SimpleNamespace

import pytest

from models.errors import DomainError
from models.workflow import InvalidTransition, Step, Workflow

FLOW = Workflow("demo", "演示", {"new": "新建", "open": "办理中", "done": "已办结", "cancelled": "已撤回"},
                initial="new", steps=[
                    Step("start", "开始办理", ("new",), "open"),
                    Step("note", "记录进展", ("open",), None),
                    Step("finish", "办结", ("open",), "done"),
                    Step("cancel", "撤回", ("*",), "cancelled"),
                ], final=("done", "cancelled"))


def event(step, on, created="2026-01-01T00:00:00.000000Z", id_="a"):
    return SimpleNamespace(step=step, on=on, created_at=created, id=id_)


def test_legal_steps_are_what_the_state_allows_and_any_state_steps_stop_at_final_states():
    assert [s.code for s in FLOW.legal_steps("new")] == ["start", "cancel"]
    assert [s.code for s in FLOW.legal_steps("open")] == ["note", "finish", "cancel"]
    assert FLOW.legal_steps("done") == []


def test_an_illegal_step_names_the_case_the_state_and_the_step():
    with pytest.raises(InvalidTransition) as caught:
        FLOW.check("王建国 · 2026-01-01", "new", "finish")
    error = caught.value
    assert isinstance(error, DomainError)
    assert error.message == "「王建国 · 2026-01-01」当前状态为「新建」，不能办结。"
    assert error.facts == {"case": "王建国 · 2026-01-01", "from_state": "新建", "to_state": "已办结", "step": "办结"}


def test_a_logged_step_keeps_the_state():
    assert FLOW.check("x", "open", "note") == "open"


def test_a_step_naming_an_unknown_state_is_a_programming_error():
    with pytest.raises(ValueError):
        Workflow("bad", "坏", {"a": "甲"}, initial="a", steps=[Step("go", "走", ("a",), "nowhere")])


def test_replay_orders_events_by_date_then_creation_then_id_whatever_order_they_arrive_in():
    events = [event("finish", dt.date(2026, 1, 3)), event("start", dt.date(2026, 1, 1)),
              event("note", dt.date(2026, 1, 2))]
    for arrival in (events, list(reversed(events))):
        result = FLOW.replay(arrival)
        assert result.state == "done" and result.state_on == dt.date(2026, 1, 3)
        assert [e.step for e in result.applied] == ["start", "note", "finish"]


def test_replay_skips_an_event_that_is_not_legal_where_it_falls_and_says_so():
    late_cancel = event("cancel", dt.date(2026, 1, 5))
    result = FLOW.replay([event("start", dt.date(2026, 1, 1)), event("finish", dt.date(2026, 1, 2)), late_cancel])
    assert result.state == "done"
    assert result.skipped == [late_cancel]


def test_same_day_events_are_ordered_by_creation_time_then_id():
    a = event("start", dt.date(2026, 1, 1), "2026-01-01T10:00:00.000000Z", "b")
    b = event("cancel", dt.date(2026, 1, 1), "2026-01-01T09:00:00.000000Z", "c")
    assert FLOW.replay([a, b]).state == "cancelled"  # cancel was entered first; start then no longer fits
    assert [e.id for e in FLOW.replay([a, b]).skipped] == ["b"]
