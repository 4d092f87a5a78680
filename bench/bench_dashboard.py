"""对标看板 benchmark: the dashboard for a year opens within 300 ms at county scale (7 stations, 20 000
persons, 200 000 events).

    python -m bench.bench_dashboard [--people 20000] [--events 200000] [--seed 1] [--rounds 5]

Uses the county home of bench.bench_indicators (a bureau holding seven stations; built there if missing).
Times, offscreen, in one process: `read_dashboard` alone (the worker thread's part: this year's and last
year's indicators, the plan's targets), and the whole opening as a user sees it — ui.plan.Dashboard's
refresh() until `loaded` (read on the worker thread, the table filled, both charts drawn). The first
opening (cold caches) is reported apart. Last year has ended, so models.indicators keeps its figures while
the data is unchanged; the openings are timed both ways — repeated (last year kept) and with the kept
figures dropped before each one (what the first opening after any change costs: both years counted).
Baseline in the same run: the widgets alone (show_data on figures already read: table, two charts, paint).
Results: bench/out/dashboard.json.
"""
from __future__ import annotations

import os
import time

from bench.common import county_arguments, load_average, machine, save, stats, timings

BUDGET_MS = 300


def main(argv=None) -> None:
    parser = county_arguments(__doc__)
    parser.add_argument("--year", type=int, default=2026)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from bench.bench_indicators import build

    folder, _record = build(args.people, args.events, args.seed)
    from bench.screens import wait_loaded
    from models import indicator_figures
    from models.db import open_database
    from models.home import Home
    from models.installation import current
    from models.periods import Period
    from models.write import Actor
    from ui.app import application
    from ui.context import AppContext
    from ui.plan.dashboard import Dashboard
    from ui.plan.reading import read_dashboard

    app = application()
    home = Home(folder)
    open_database(home)
    period = Period.year(args.year)
    board = Dashboard(AppContext(home, current(), Actor("bench", "基准", "bureau_admin")))
    board.resize(1366, 700)
    board.show()

    def opening() -> float:
        started = time.perf_counter()
        wait_loaded(board, lambda: board.set_period(period), 60_000)
        return (time.perf_counter() - started) * 1000

    cold = opening()
    opened = [opening() for _ in range(args.rounds)]
    uncached = []
    for _ in range(args.rounds):
        indicator_figures._PAST.clear()
        uncached.append(opening())
    reads, _ = timings(lambda: read_dashboard(period), args.rounds)
    reads_uncached, _ = timings(lambda: (indicator_figures._PAST.clear(), read_dashboard(period)), args.rounds)
    data = read_dashboard(period)
    alone, _ = timings(lambda: (board.show_data(data), app.processEvents()), args.rounds)
    load = load_average()
    result = {"machine": machine(), "load_average": load, "people": args.people, "events": args.events,
              "stations": len(data.rows), "period": period.code, "budget_ms": BUDGET_MS, "cold_ms": round(cold, 1),
              "open_ms": stats(opened), "open_uncached_ms": stats(uncached), "read_ms": stats(reads),
              "read_uncached_ms": stats(reads_uncached), "widgets_ms": stats(alone)}
    save("dashboard", result)
    print(f"dashboard {period.code}, {len(data.rows)} stations (budget {BUDGET_MS} ms): cold {result['cold_ms']} ms")
    for key in ("open_ms", "open_uncached_ms", "read_ms", "read_uncached_ms", "widgets_ms"):
        figures = result[key]
        print(f"  {key:17} p50 {figures['p50']} ms  p5–p95 {figures['p5']}–{figures['p95']}  max {figures['max']}")


if __name__ == "__main__":
    main()
