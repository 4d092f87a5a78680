"""The period before: what the dashboard compares a month, a quarter, a year or a date range with."""
import pytest

from models.periods import parse_period, previous_period


@pytest.mark.parametrize("text, before", [
    ("2026", "2025"),
    ("2026Q1", "2025Q4"),
    ("2026Q3", "2026Q2"),
    ("2026-01", "2025-12"),
    ("2024-03", "2024-02"),
    ("2026-01-15..2026-03-31", "2025-10-31..2026-01-14"),  # as many days, just before
    ("2026-03-01..2026-03-01", "2026-02-28..2026-02-28"),
])
def test_the_period_before_is_the_one_just_before_and_as_long(text, before):
    assert previous_period(parse_period(text)) == parse_period(before)
