"""Work-plan ledgers benchmark: a quarter's 季度考核赋分表 PDF at county scale (budget ≤ 1 s).

    python -m bench.bench_plan_ledgers [--people 20000] [--events 200000] [--seed 1] [--rounds 7]

Dataset: the county-scale bureau of bench.bench_indicators (seven stations, ~20 000 persons,
~200 000 casework rows), copied to bench/out/plan-ledgers-P-E-sS so the shared copy is not touched.
On the copy, through the domain: the 2026 plan from the template (8 tasks, given to the 股室 and the
seven stations), the default 2026 scoring scheme, every manual item entered for every station for
2026Q4. Timed, in one process, each round: render_ledger("scores", 2026Q4) — the scores computed
from the data (indicators for seven stations, manual points, ranking) and the PDF written; and, as
the baseline in the same run, raw reportlab building the same rows in one Table
(bench.bench_ledgers._raw_reportlab) — i.e. the cost of the PDF alone. Also timed: the 对标情况表 of
the quarter (two periods of indicators). Results: bench/out/plan_ledgers.json; run_all renders them.
"""
from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

from bench.common import OUT, county_arguments, load_average, machine, save, stats, timings

BUDGET_MS = 1000
QUARTER = "2026Q4"


def build(people: int, events: int, seed: int, log=print) -> Path:
    from bench.bench_indicators import build as build_county
    from models.db import close_database, open_database
    from models.home import Home
    from models.indicators import stations_in_scope
    from models.scoring import enter_manual_score, get_scheme, start_scheme
    from models.plan_template import start_plan_from_template
    from models.write import Actor

    folder = OUT / f"plan-ledgers-{people}-{events}-s{seed}"
    if (folder / "ready").exists():
        return folder
    source, _ = build_county(people, events, seed, log=log)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(Path(source) / "vetstation.db", folder / "vetstation.db")
    actor = Actor("bench", "基准测试", "bureau_admin")
    open_database(Home(folder))
    try:
        start_plan_from_template(2026, actor=actor, on=dt.date(2026, 1, 1))
        start_scheme(2026, actor=actor)
        manual = [i["code"] for i in get_scheme(2026).items if i["kind"] == "manual"]
        for n, (code, _) in enumerate(stations_in_scope()):
            for item in manual:
                enter_manual_score(QUARTER, code, item, 60 + 5 * n, reason="基准测试：现场检查", actor=actor)
    finally:
        close_database()
    (folder / "ready").write_text("ok", encoding="utf-8")
    return folder


def timed(fn, rounds: int) -> tuple[dict, dict]:
    wall, cpu = timings(fn, rounds)
    return stats(wall), stats(cpu)


def main(argv=None) -> None:
    args = county_arguments(__doc__, rounds=7).parse_args(argv)
    folder = build(args.people, args.events, args.seed)
    from bench.bench_ledgers import _raw_reportlab
    from ledgers.catalog import LedgerOptions, get_ledger, render_ledger
    from ledgers.periods import parse_period
    from ledgers.progress import run
    from models.db import close_database, open_database
    from models.home import Home
    from models.indicators import stations_in_scope
    from models.person import Person
    from models.write import Actor

    actor = Actor("bench", "基准测试", "bureau_admin")
    quarter = parse_period(QUARTER)
    open_database(Home(folder))
    out = Path(tempfile.mkdtemp(prefix="bench-plan-"))
    try:
        ledger = get_ledger("scores")
        rows = ledger.rows(quarter, LedgerOptions())
        run(render_ledger("scores", quarter, out / "warm.pdf", actor=actor))  # fonts registered, caches warm
        scores, scores_cpu = timed(lambda: run(render_ledger("scores", quarter, out / "scores.pdf", actor=actor)),
                                   args.rounds)
        query, _ = timed(lambda: ledger.rows(quarter, LedgerOptions()), args.rounds)
        raw, raw_cpu = timed(lambda: _raw_reportlab(out / "raw.pdf", ledger.columns, rows), args.rounds)
        comparison, comparison_cpu = timed(
            lambda: run(render_ledger("comparison", quarter, out / "comparison.pdf", actor=actor)), args.rounds)
        persons, stations = Person.select().count(), len(stations_in_scope())
    finally:
        close_database()
        shutil.rmtree(out, ignore_errors=True)
    results = {"scores_pdf": scores, "scores_pdf_cpu": scores_cpu, "scores_query": query, "raw_reportlab": raw,
               "raw_reportlab_cpu": raw_cpu, "comparison_pdf": comparison, "comparison_pdf_cpu": comparison_cpu,
               "rows": len(rows), "stations": stations, "persons": persons, "rounds": args.rounds,
               "budget_ms": BUDGET_MS, "ok": scores["p50"] <= BUDGET_MS}
    print(f"季度考核赋分表 {QUARTER} ({stations} stations, {len(rows)} rows): p50 {scores['p50']:.0f} ms "
          f"(spread {scores['p5']:.0f}–{scores['max']:.0f}), CPU p50 {scores_cpu['p50']:.0f} ms "
          f"(budget {BUDGET_MS} ms: {'ok' if results['ok'] else 'OVER'}); of which the query p50 {query['p50']:.0f} ms")
    print(f"raw reportlab, same rows:         p50 {raw['p50']:.0f} ms")
    print(f"对标情况表 {QUARTER}:               p50 {comparison['p50']:.0f} ms (spread {comparison['p5']:.0f}–"
          f"{comparison['max']:.0f})")
    load = load_average()
    save("plan_ledgers", {"machine": machine(), "load_average": load, "date": dt.date.today().isoformat(),
                          "results": results})


if __name__ == "__main__":
    main()
