"""Reporting periods: a year, a quarter, a month or a date range — what a ledger, an indicator or a score covers.

    parse_period("2026")        # 2026年                  2026-01-01 … 2026-12-31
    parse_period("2026Q4")      # 2026年第四季度           2026-10-01 … 2026-12-31
    parse_period("2026-11")     # 2026年11月               2026-11-01 … 2026-11-30
    parse_period("2026-01-15..2026-03-31")   # also "至" or "~" between the two dates
    period_of_kind("2026-11", "month")      # the Period, or None for a bad text or another kind
    previous_period(parse_period("2026Q1"))  # 2025年第四季度 (a range: as many days just before it)

A bad period raises PeriodInvalid with a sentence saying what is accepted. This is the one period
type of the program (models/indicators.py, models/scoring.py and every ledger use it; ledgers.periods
re-exports it).
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

from models.errors import DomainError

QUARTER_NAMES = "一二三四"
_YEAR = re.compile(r"^(\d{4})年?$")
_QUARTER = re.compile(r"^(\d{4})\s*[-年]?\s*[QqＱｑ]([1-4])$")
_MONTH = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})月?$")
_DATE = re.compile(r"^(\d{4})[-./年](\d{1,2})[-./月](\d{1,2})日?$")
_RANGE_SEP = re.compile(r"\s*(?:\.\.|至|~|～)\s*")
HELP = "期间可写为年（2026）、季度（2026Q4）、月份（2026-11）或日期范围（2026-01-01..2026-03-31）"


class PeriodInvalid(DomainError):
    code = "period_invalid"


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    kind: str  # year | quarter | month | range

    @property
    def label(self) -> str:
        s, e = self.start, self.end
        if self.kind == "year":
            return f"{s.year}年"
        if self.kind == "quarter":
            return f"{s.year}年第{QUARTER_NAMES[(s.month - 1) // 3]}季度"
        if self.kind == "month":
            return f"{s.year}年{s.month}月"
        return f"{s.year}年{s.month}月{s.day}日至{e.year}年{e.month}月{e.day}日"

    @property
    def code(self) -> str:
        """The short form parse_period accepts (used in file names)."""
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            return f"{self.start.year}Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "month":
            return f"{self.start.year}-{self.start.month:02d}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def contains(self, day: dt.date) -> bool:
        return self.start <= day <= self.end

    @classmethod
    def year(cls, year: int) -> "Period":
        return cls(dt.date(year, 1, 1), dt.date(year, 12, 31), "year")

    @classmethod
    def quarter(cls, year: int, quarter: int) -> "Period":
        first = 3 * (quarter - 1) + 1
        return cls(dt.date(year, first, 1), _month_end(year, first + 2), "quarter")

    @classmethod
    def month(cls, year: int, month: int) -> "Period":
        return cls(dt.date(year, month, 1), _month_end(year, month), "month")

    @classmethod
    def between(cls, start: dt.date, end: dt.date) -> "Period":
        if end < start:
            raise PeriodInvalid(f"期间的结束日期 {end.isoformat()} 早于开始日期 {start.isoformat()}。")
        return cls(start, end, "range")


def previous_period(period: Period) -> Period:
    """The period before: the month, quarter or year before; for a date range the same number of days
    just before it."""
    s = period.start
    if period.kind == "year":
        return Period.year(s.year - 1)
    if period.kind == "quarter":
        number = (s.month - 1) // 3 + 1
        return Period.quarter(s.year - 1, 4) if number == 1 else Period.quarter(s.year, number - 1)
    if period.kind == "month":
        return Period.month(s.year - 1, 12) if s.month == 1 else Period.month(s.year, s.month - 1)
    day_before = s - dt.timedelta(days=1)
    return Period.between(day_before - (period.end - s), day_before)


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _date(text: str, original: str) -> dt.date:
    found = _DATE.match(text)
    try:
        if not found:
            raise ValueError
        return dt.date(*(int(g) for g in found.groups()))
    except ValueError:
        raise PeriodInvalid(f"「{original}」中的日期「{text}」不对。{HELP}。", value=original) from None


def parse_period(text: str) -> Period:
    raw = text
    text = (text or "").strip()
    if found := _YEAR.match(text):
        return Period.year(int(found.group(1)))
    if found := _QUARTER.match(text):
        return Period.quarter(int(found.group(1)), int(found.group(2)))
    if found := _MONTH.match(text):
        year, month = int(found.group(1)), int(found.group(2))
        if not 1 <= month <= 12:
            raise PeriodInvalid(f"「{raw}」中的月份应为1到12。{HELP}。", value=raw)
        return Period.month(year, month)
    parts = _RANGE_SEP.split(text)
    if len(parts) == 2 and all(parts):
        return Period.between(_date(parts[0], raw), _date(parts[1], raw))
    raise PeriodInvalid(f"看不懂期间「{raw}」。{HELP}。", value=raw)


def period_of_kind(text: str, kind: str) -> Period | None:
    """The period `text` names when it is of `kind` (year, quarter, month), else None: the caller words
    the refusal (models.plan_status.parse_month, models.plan_meetings.parse_quarter)."""
    try:
        period = parse_period(text)
    except PeriodInvalid:
        return None
    return period if period.kind == kind else None
