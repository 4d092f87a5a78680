"""Reporting periods for ledgers: the one Period type lives in models/periods.py (indicators and scores
need it below ledgers); this module re-exports it so `from ledgers.periods import parse_period` keeps working.

    from ledgers.periods import Period, parse_period    # the same objects as models.periods
"""
from models.periods import HELP, QUARTER_NAMES, Period, PeriodInvalid, parse_period

__all__ = ["HELP", "QUARTER_NAMES", "Period", "PeriodInvalid", "parse_period"]
