"""The indicators (指标) of the 对标 work: one library for the dashboard, the ledgers, the scores and the CLI.

    rows = indicator_rows(parse_period("2026Q4"))          # one dict per station, keys ROW_KEYS
    now, before = indicator_rows_of([period, previous])    # several periods, each table read once
    total_row(rows)                                        # the banner's row: sums, rates of the sums
    indicator_value("visit_rate", "150626100", period)     # one figure (月调度 of a computed-indicator task)
    for part in records_behind("overdue_items", "150626100", period):
        part.table, part.label, part.ids()                 # the records that make up the figure

The figures are counted in models.indicator_figures (how, and which stations: its docstring); the `score`
indicator is models.scoring's, which scores those figures — so this module sits on both and adds the score
to the rows. The names of models.indicator_figures that callers use are re-exported here.
"""
from __future__ import annotations

import datetime as dt

from models.indicator_figures import (INDICATORS, OVERDUE_KINDS, RATIOS, ROW_KEYS, Behind, Indicator,
                                      UnknownIndicator, as_at, casework_figures, casework_figures_of,
                                      figure_rows_of, figure_value, records_behind, stations_in_scope, total_row)
from models.periods import Period
from models.scoring import scores_for_indicators

__all__ = ["INDICATORS", "OVERDUE_KINDS", "RATIOS", "ROW_KEYS", "Behind", "Indicator", "UnknownIndicator", "as_at",
           "casework_figures", "casework_figures_of", "indicator_rows", "indicator_rows_of", "indicator_value",
           "records_behind", "stations_in_scope", "total_row"]


def indicator_rows(period: Period, station_codes: list[str] | None = None, *,
                   today: dt.date | None = None, with_score: bool = True) -> list[dict]:
    """One row per station in scope (ROW_KEYS; counts 0 where nothing happened, rates None without a
    denominator, score None where there is none), ordered by station code."""
    return indicator_rows_of([period], station_codes, today=today, with_score=with_score)[0]


def indicator_rows_of(periods: list[Period], station_codes: list[str] | None = None, *,
                      today: dt.date | None = None, with_score: bool = True) -> list[list[dict]]:
    """indicator_rows of several periods, the casework read once for all of them (figure_rows_of);
    the score of each period is computed from its rows, not by counting again."""
    out = figure_rows_of(periods, station_codes, today=today)
    if with_score:
        for period, rows in zip(periods, out):
            codes = [row["station_code"] for row in rows]
            scores = scores_for_indicators(period, codes, today=today, rows=[dict(r) for r in rows])
            for row in rows:
                row["score"] = scores.get(row["station_code"])
    return out


def indicator_value(code: str, station_code: str, period: Period, *, today: dt.date | None = None):
    """One indicator of one station for one period (what a computed-indicator task's 月调度 shows)."""
    if code == "score":
        return scores_for_indicators(period, [station_code], today=today).get(station_code)
    return figure_value(code, station_code, period, today=today)
