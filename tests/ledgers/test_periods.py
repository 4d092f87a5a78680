"""Periods a clerk types: a year, a quarter, a month or a date range."""
import datetime as dt

import pytest

from ledgers.periods import PeriodInvalid, parse_period


@pytest.mark.parametrize("text, start, end, label", [
    ("2026", dt.date(2026, 1, 1), dt.date(2026, 12, 31), "2026年"),
    ("2026Q4", dt.date(2026, 10, 1), dt.date(2026, 12, 31), "2026年第四季度"),
    ("2026q1", dt.date(2026, 1, 1), dt.date(2026, 3, 31), "2026年第一季度"),
    ("2026-11", dt.date(2026, 11, 1), dt.date(2026, 11, 30), "2026年11月"),
    ("2024-2", dt.date(2024, 2, 1), dt.date(2024, 2, 29), "2024年2月"),
    ("2026-01-15..2026-03-31", dt.date(2026, 1, 15), dt.date(2026, 3, 31), "2026年1月15日至2026年3月31日"),
    ("2026-1-1至2026-3-31", dt.date(2026, 1, 1), dt.date(2026, 3, 31), "2026年1月1日至2026年3月31日"),
])
def test_a_year_quarter_month_or_range_is_understood(text, start, end, label):
    period = parse_period(text)
    assert (period.start, period.end, period.label) == (start, end, label)
    assert parse_period(period.code) == period


@pytest.mark.parametrize("text", ["", "abc", "2026-13", "2026Q5", "2026-03-01..2026-01-01", "2026-02-30..2026-03-31"])
def test_a_period_that_makes_no_sense_is_refused_with_a_sentence(text):
    with pytest.raises(PeriodInvalid) as caught:
        parse_period(text)
    assert "期间" in caught.value.message or "日期" in caught.value.message
