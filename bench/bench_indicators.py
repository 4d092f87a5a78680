"""Indicators benchmark: `vetstation indicators --period 2026 --json` at county scale (budget ≤ 2 s).

    python -m bench.bench_indicators [--people 20000] [--events 200000] [--seed 1] [--rounds 5]

Reuses the casework home of bench.bench_casework (generated people plus ≈ E casework rows written
through models.write) and copies it to bench/out/indicators-P-E-sS as a bureau holding seven stations:
persons are spread over the seven default stations (by rowid) and every casework row takes its
person's station — a synthetic rearrangement of a copy, done in SQL, never of real data. Times the
whole command in a fresh process (start-up included) and `indicator_rows` in-process, and as the
baseline, in the same run, raw SQL that counts the same tables grouped by station (no conditions).
Results: bench/out/indicators.json; docs/benchmarks.md gets its own section (run_all).
"""
from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time

from bench.common import OUT, ROOT, county_arguments, load_average, machine, save, stats, timings

BUDGET_MS = 2000
STATION_TABLES = ("service_record", "visit", "preferential_card", "aid_case", "dispute_case", "employment_record")
BASELINE_TABLES = ("person", "visit", "service_record", "preferential_card", "aid_case", "dispute_case")


def build(people: int, events: int, seed: int, log=print):
    from bench.bench_casework import build as build_casework
    from models.db import close_database
    from models.installation import default_stations

    folder = OUT / f"indicators-{people}-{events}-s{seed}"
    marker = folder / "indicators.json"
    if marker.exists():
        return folder, json.loads(marker.read_text(encoding="utf-8"))
    source, record = build_casework(people, events, seed, log=log)
    codes = [s["code"] for s in default_stations()]
    close_database()
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(source.database, folder / "vetstation.db")
    con = sqlite3.connect(folder / "vetstation.db")
    with con:
        con.execute("UPDATE installation SET kind = 'bureau', station_code = NULL")
        case = " ".join(f"WHEN {i} THEN '{code}'" for i, code in enumerate(codes))
        con.execute(f"UPDATE person SET station_code = CASE rowid % {len(codes)} {case} END")
        for table in STATION_TABLES:
            con.execute(f"UPDATE {table} SET station_code = (SELECT station_code FROM person "
                        f"WHERE person.id = {table}.person_id) WHERE person_id IS NOT NULL")
    con.close()
    marker.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return folder, record


def command(folder) -> float:
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "--home", str(folder), "indicators", "--period", "2026",
                           "--json"], cwd=ROOT, capture_output=True, text=True, encoding="utf-8")
    elapsed = (time.perf_counter() - started) * 1000
    if done.returncode != 0:
        raise SystemExit(f"indicators failed:\n{done.stderr}")
    return elapsed


def baseline(folder) -> float:
    con = sqlite3.connect(folder / "vetstation.db")
    started = time.perf_counter()
    for table in BASELINE_TABLES:
        con.execute(f"SELECT station_code, COUNT(*) FROM {table} GROUP BY station_code").fetchall()
    elapsed = (time.perf_counter() - started) * 1000
    con.close()
    return elapsed


def main(argv=None) -> None:
    args = county_arguments(__doc__).parse_args(argv)
    folder, record = build(args.people, args.events, args.seed)
    from models.db import close_database, open_database
    from models.home import Home
    from models.indicators import indicator_rows
    from models.periods import parse_period

    command(folder)  # migrates the copy once and warms the page cache
    whole = [command(folder) for _ in range(args.rounds)]
    open_database(Home(folder))
    period = parse_period("2026")
    inner, _ = timings(lambda: indicator_rows(period), args.rounds)
    rows = indicator_rows(period)
    close_database()
    raw = [baseline(folder) for _ in range(args.rounds)]
    results = {"command": stats(whole), "indicator_rows": stats(inner), "baseline_raw_counts": stats(raw),
               "stations": len(rows), "persons": sum(r["persons"] for r in rows), "budget_ms": BUDGET_MS,
               "ok": stats(whole)["max"] <= BUDGET_MS}
    print(f"indicators --period 2026 --json  p50 {results['command']['p50']:.0f} ms  max {results['command']['max']:.0f} ms"
          f"  (budget {BUDGET_MS} ms: {'ok' if results['ok'] else 'OVER'})")
    print(f"indicator_rows in-process        p50 {results['indicator_rows']['p50']:.0f} ms")
    print(f"baseline raw COUNTs              p50 {results['baseline_raw_counts']['p50']:.1f} ms")
    load = load_average()
    save("indicators", {"machine": machine(), "load_average": load, "generation": record, "results": results})


if __name__ == "__main__":
    main()
