"""Registry benchmark: search and list opening on a generated home, against raw sqlite3.

    python -m bench.bench_registry --people 100000 [--seed 1] [--rounds 3]

Builds (or reuses) bench/out/people-N-sN with `vetstation demo`, then times what the GUI does:
count + first page (100 rows, default order) for a realistic query mix (2-character name
fragments, pinyin initials, full pinyin, ID fragments of 4–8 digits, phone fragments) and for
opening the list with no query. The baseline is the same LIKE through raw sqlite3 with no
ordering, join or identities, measured in the same run. Results: bench/out/registry.json;
`python -m bench.run_all` turns them into docs/benchmarks.md.
"""
from __future__ import annotations

import argparse
import os
import random
import sqlite3
import sys
import time

from bench.common import cached_home, machine, save, stats

KINDS = ("name", "initials", "pinyin", "id_fragment", "phone_fragment")


def query_mix(conn: sqlite3.Connection, seed: int, per_kind: int) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    rows = conn.execute("SELECT name, search_pinyin, search_initials, id_number, phone FROM person "
                        "WHERE deleted_at IS NULL").fetchall()
    mix = []
    for _ in range(per_kind):
        name, full, initials, number, phone = rng.choice(rows)
        start = rng.randrange(0, max(1, len(name) - 1))
        mix.append(("name", name[start:start + 2]))
        mix.append(("initials", initials.split(" ")[0]))
        mix.append(("pinyin", full.split(" ")[0]))
        width = rng.randint(4, 8)
        at = rng.randrange(0, 18 - width)
        mix.append(("id_fragment", number[at:at + width]))
        phone = phone or rng.choice([r[4] for r in rows if r[4]])
        digits = phone.replace("-", "")
        width = rng.randint(4, 7)
        at = rng.randrange(0, len(digits) - width + 1)
        mix.append(("phone_fragment", digits[at:at + width]))
    rng.shuffle(mix)
    return mix


def baseline_sql(kind: str) -> tuple[str, int]:
    if kind == "name":
        where, n = "name LIKE ? OR former_name LIKE ?", 2
    elif kind in ("initials", "pinyin"):
        where, n = "search_initials LIKE ? OR search_pinyin LIKE ?", 2
    else:
        where, n = "id_number LIKE ? OR phone LIKE ?", 2
    return f"deleted_at IS NULL AND ({where})", n


def time_raw(conn: sqlite3.Connection, kind: str, text: str) -> tuple[float, float]:
    """(wall ms, CPU ms) of the baseline: the same LIKE, count + 100 rows, through raw sqlite3."""
    where, n = baseline_sql(kind)
    params = [f"%{text}%"] * n
    started, cpu = time.perf_counter(), time.thread_time()
    conn.execute(f"SELECT COUNT(*) FROM person WHERE {where}", params).fetchone()
    conn.execute(f"SELECT id, name, id_number FROM person WHERE {where} LIMIT 100", params).fetchall()
    return (time.perf_counter() - started) * 1000, (time.thread_time() - cpu) * 1000


def time_app(text: str, **filters) -> tuple[float, int, float]:
    """(wall ms, hits, CPU ms) of what the list page does: count + first page of 100."""
    from models.registry_search import PersonQuery, first_page

    query = PersonQuery(text=text, **filters)
    started, cpu = time.perf_counter(), time.thread_time()
    total, _ = first_page(query, limit=100)
    return (time.perf_counter() - started) * 1000, total, (time.thread_time() - cpu) * 1000


def capped(measure, *, runs: int, limit_s: float) -> list[float] | str:
    """Run `measure` up to `runs` times; a query still running after limit_s is interrupted."""
    from models.db import db

    deadline = [0.0]
    db.connection().set_progress_handler(lambda: int(time.perf_counter() > deadline[0]), 10_000)
    out = []
    try:
        for _ in range(runs):
            deadline[0] = time.perf_counter() + limit_s
            try:
                out.append(measure())
            except Exception:  # noqa: BLE001 — sqlite3 "interrupted"
                return f"> {limit_s * 1000:.0f} ms (interrupted)"
    finally:
        db.connection().set_progress_handler(None, 0)
    return out


def plans(conn: sqlite3.Connection) -> dict:
    """EXPLAIN QUERY PLAN of the app's own SQL for a name search and for opening the list."""
    import peewee  # noqa: F401 — models below need the bound database

    from models.registry_search import PersonQuery, _filtered  # noqa: PLC2701 — reading the plan only
    from models.person import Person
    from models.installation import Village

    out = {}
    for label, text in (("search '建国'", "建国"), ("open list", "")):
        select = _filtered(PersonQuery(text=text), Person.select(Person.id, Village.name).join(
            Village, peewee.JOIN.LEFT_OUTER, on=(Person.village == Village.id))).order_by(
            Person.search_pinyin, Person.id).limit(100)
        sql, params = select.sql()
        out[label] = [r[3] for r in conn.execute("EXPLAIN QUERY PLAN " + sql, params).fetchall()]
    return out


def check_id_numbers(conn: sqlite3.Connection) -> dict:
    """Every ID number in the home (persons and family members) through both validators."""
    from models.idnumber import is_valid

    numbers = [r[0] for r in conn.execute("SELECT id_number FROM person WHERE id_number IS NOT NULL")]
    numbers += [r[0] for r in conn.execute("SELECT id_number FROM family_member WHERE id_number IS NOT NULL")]
    result = {"checked": len(numbers), "invalid_by_models": sum(not is_valid(n) for n in numbers)}
    try:
        from stdnum.cn import ric
    except ImportError:
        result["invalid_by_stdnum"] = "python-stdnum not installed"
    else:
        result["invalid_by_stdnum"] = sum(not ric.is_valid(n) for n in numbers)
    return result


PERSON_DEFAULTS = {"key_focus": 0, "reenlisted": 0, "tags": "[]", "search_pinyin": "", "search_initials": ""}


def insert_baseline(people: int, seed: int) -> dict:
    """The demo write path vs raw sqlite3 executemany of the same rows, both into fresh homes."""
    import datetime as dt
    import json
    import tempfile
    import uuid
    from pathlib import Path

    from demo.home import ensure_demo_station, populate
    from demo.generator import PeopleGenerator
    from models.db import close_database, open_database
    from models.home import Home
    from models.write import CLI_ACTOR

    def plain(value):
        if isinstance(value, dt.date):
            return value.isoformat()
        if isinstance(value, (list, dict)):
            return json.dumps(value, ensure_ascii=False)
        return value

    with tempfile.TemporaryDirectory() as tmp:
        app_home, raw_home = Home(Path(tmp) / "app"), Home(Path(tmp) / "raw")
        open_database(app_home)
        ensure_demo_station(actor=CLI_ACTOR)
        app = populate(people, seed=seed, actor=CLI_ACTOR)
        close_database()
        open_database(raw_home)  # the same schema and pragmas
        close_database()
        fakes = list(PeopleGenerator(seed).people(people, {"150626100": ["甲村"]}))
        conn = sqlite3.connect(str(raw_home.database))
        conn.execute("PRAGMA journal_mode=wal")
        conn.execute("PRAGMA synchronous=FULL")
        conn.execute("PRAGMA foreign_keys=OFF")
        meta = {"origin": "x", "created_at": "t", "created_by": "cli", "updated_at": "t", "updated_by": "cli",
                "version": "{}"}
        started = time.perf_counter()
        records = 0
        for start in range(0, people, 1000):
            tables: dict[str, list[dict]] = {"person": [], "person_identity": [], "family_member": []}
            for fake in fakes[start:start + 1000]:
                pid = str(uuid.uuid4())
                tables["person"].append({"id": pid, **meta, **PERSON_DEFAULTS, "station_code": fake.station_code,
                                         "status": fake.status, **{k: plain(v) for k, v in fake.values.items()}})
                for ident in fake.identities:
                    tables["person_identity"].append({"id": str(uuid.uuid4()), **meta, "person_id": pid,
                                                      "category": ident["category"],
                                                      "subtypes": plain(ident["subtypes"])})
                for member in fake.family:
                    tables["family_member"].append({"id": str(uuid.uuid4()), **meta, "person_id": pid,
                                                    **{k: plain(v) for k, v in member.items()}})
            with conn:
                for table, rows in tables.items():
                    by_columns: dict[tuple, list[list]] = {}  # rows differ in columns: one executemany per set
                    for row in rows:
                        by_columns.setdefault(tuple(row), []).append(list(row.values()))
                    for cols, values in by_columns.items():
                        conn.executemany(f"INSERT INTO {table} ({', '.join(cols)}) VALUES "
                                         f"({', '.join('?' * len(cols))})", values)
                    records += len(rows)
        raw_seconds = time.perf_counter() - started
        conn.close()
    raw_rate, app_rate = records / raw_seconds, app.records / app.seconds
    # the raw side's rows are made up before its clock starts: the write path's own rate leaves out the same
    write_rate = app.records / (app.seconds - app.generating)
    return {"people": people, "records": records, "rows_per_s": raw_rate, "app_rows_per_s": app_rate,
            "ratio": raw_rate / app_rate, "app_seconds": app.seconds, "raw_seconds": raw_seconds,
            "app_generating_seconds": app.generating, "write_rows_per_s": write_rate,
            "write_share": write_rate / raw_rate, "load_average": [round(x, 2) for x in os.getloadavg()]}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--per-kind", type=int, default=40, help="queries of each kind per round")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--insert-baseline", type=int, default=10_000, metavar="N",
                        help="people for the write-path vs raw-insert comparison (0 to skip)")
    args = parser.parse_args(argv)

    import psutil

    from models.db import close_database, open_database

    home, generation = cached_home(args.people, args.seed)
    rss_before = psutil.Process().memory_info().rss
    open_database(home)
    raw = sqlite3.connect(str(home.database))
    mix = query_mix(raw, args.seed, args.per_kind)
    for _, text in mix[:10]:  # warm the page cache like a GUI that has been open a moment
        time_app(text)
        time_raw(raw, "name", text)
    search_plans = plans(raw)

    app: dict[str, list[float]] = {k: [] for k in KINDS}
    app_cpu: dict[str, list[float]] = {k: [] for k in KINDS}
    base: dict[str, list[float]] = {k: [] for k in KINDS}
    base_cpu: dict[str, list[float]] = {k: [] for k in KINDS}
    hits: dict[str, list[int]] = {k: [] for k in KINDS}
    load_before = psutil.getloadavg()
    for round_no in range(args.rounds):
        for n, (kind, text) in enumerate(mix):
            if n % 10 == 0:
                print(f"round {round_no + 1}, search {n}/{len(mix)} …", file=sys.stderr, flush=True)
            ms, total, cpu = time_app(text)
            app[kind].append(ms)
            app_cpu[kind].append(cpu)
            hits[kind].append(total)
            ms, cpu = time_raw(raw, kind, text)
            base[kind].append(ms)
            base_cpu[kind].append(cpu)
    everything = [x for k in KINDS for x in app[k]]
    everything_base = [x for k in KINDS for x in base[k]]

    print("opening the list …", file=sys.stderr, flush=True)
    open_runs = [time_app("") for _ in range(20)]
    open_list = [r[0] for r in open_runs]
    from models.installation import Village
    village = Village.select().first()
    filtered = capped(lambda: time_app("", identity="disabled_veteran")[0], runs=3, limit_s=20)
    by_village = [time_app("", village_id=village.id)[0] for _ in range(10)] if village else []
    raw_open = []
    for _ in range(20):
        started = time.perf_counter()
        raw.execute("SELECT COUNT(*) FROM person WHERE deleted_at IS NULL").fetchone()
        raw.execute("SELECT id, name FROM person WHERE deleted_at IS NULL ORDER BY search_pinyin LIMIT 100").fetchall()
        raw_open.append((time.perf_counter() - started) * 1000)

    result = {
        "people": args.people, "seed": args.seed, "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(),
        "generation": generation,
        "load_average": [round(x, 2) for x in load_before] + [round(x, 2) for x in psutil.getloadavg()],
        "search_all": stats(everything), "search_all_baseline": stats(everything_base),
        "search_all_cpu": stats([x for k in KINDS for x in app_cpu[k]]),
        "search_all_baseline_cpu": stats([x for k in KINDS for x in base_cpu[k]]),
        "search_by_kind": {k: {"app": stats(app[k]), "baseline": stats(base[k]),
                               "app_cpu": stats(app_cpu[k]), "baseline_cpu": stats(base_cpu[k]),
                               "median_hits": sorted(hits[k])[len(hits[k]) // 2]} for k in KINDS},
        "open_list": stats(open_list), "open_list_cpu": stats([r[2] for r in open_runs]),
        "open_list_baseline": stats(raw_open),
        "open_list_identity_filter": stats(filtered) if isinstance(filtered, list) else filtered,
        "open_list_village_filter": stats(by_village) if by_village else None,
        "rss_mb": round(psutil.Process().memory_info().rss / 2**20, 1),
        "rss_before_open_mb": round(rss_before / 2**20, 1),
        "query_plans": search_plans,
        "id_numbers": check_id_numbers(raw),
        "rows": {t: raw.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                 for t in ("person", "person_identity", "family_member", "change_log")},
        "examples": mix[:10],
    }
    raw.close()
    close_database()
    if args.insert_baseline:
        print("write path vs raw inserts …", file=sys.stderr, flush=True)
        result["insert_baseline"] = insert_baseline(args.insert_baseline, args.seed)
    path = save("registry", result)
    s, b = result["search_all"], result["search_all_baseline"]
    print(f"{args.people} people, {len(mix) * args.rounds} searches")
    print(f"search (count + first 100): p50 {s['p50']} ms, p5–p95 {s['p5']}–{s['p95']} ms, max {s['max']} ms"
          f"  | raw sqlite3 p50 {b['p50']} ms → ratio {s['p50'] / b['p50']:.1f}×")
    c = result["search_all_cpu"]
    print(f"  CPU time: p50 {c['p50']} ms, p95 {c['p95']} ms; load average {result['load_average']}")
    for k in KINDS:
        a, bb = result["search_by_kind"][k]["app"], result["search_by_kind"][k]["baseline"]
        print(f"  {k:15s} p50 {a['p50']:7.2f}  p95 {a['p95']:7.2f}  max {a['max']:7.2f} ms"
              f"   baseline p50 {bb['p50']:6.2f} ms  median hits {result['search_by_kind'][k]['median_hits']}")
    o = result["open_list"]
    print(f"open list (count + first 100): p50 {o['p50']} ms, p95 {o['p95']} ms, max {o['max']} ms"
          f"  | raw p50 {result['open_list_baseline']['p50']} ms")
    print(f"memory (RSS) {result['rss_mb']} MB; generation {generation['seconds']} s; saved {path}")
    print(f"ID numbers: {result['id_numbers']}; rows: {result['rows']}")
    if args.insert_baseline:
        ib = result["insert_baseline"]
        print(f"write path {ib['app_rows_per_s']:.0f} rows/s vs raw sqlite3 {ib['rows_per_s']:.0f} rows/s "
              f"({ib['ratio']:.1f}×) on {ib['people']} people; without making up the people (as the raw side) "
              f"{ib['write_rows_per_s']:.0f} rows/s = {100 * ib['write_share']:.1f} % of raw")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
