"""Benchmark of a bureau whose master copy lives in PostgreSQL (issue 13), on a throwaway server started
for the run (tests/pg_server.py), with the SQLite figures measured in the same run.

    python -m bench.bench_postgres [--people 100000] [--clients 8] [--edits 500] [--out bench/out/postgres.json]

Figures:
- bundle import: a station's bundle of N new persons into the PostgreSQL bureau, against a raw psycopg2
  `executemany` of the same change rows and person rows into the same tables of a fresh copy;
- search: `clients` processes searching at once (PostgreSQL right after the import, and after VACUUM
  ANALYZE as autovacuum leaves it; one client alone for each engine too) (2-character names, pinyin, initials, ID and phone
  fragments: what the list page runs, count + first page of 100), p50/p95 per query — PostgreSQL bureau
  and the same people in an SQLite home, each with `clients` processes;
- edits: `clients` processes each saving `edits` edits at once; all must be in the change log and in the
  next bundle; the throughput (edits per second).
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import random
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench.common import OUT, machine, stats

ACTOR = ("bench", "基准", "bureau_admin")


def _open(root: str):
    from models.db import open_database
    from models.home import Home

    home = Home(Path(root))
    open_database(home)
    return home


def _search_client(root: str, queries: list[str], barrier, queue) -> None:
    from models.registry_search import PersonQuery, first_page

    _open(root)
    first_page(PersonQuery(text=queries[0]), limit=100)  # warm the connection and the caches
    barrier.wait()
    samples = []
    for text in queries:
        started = time.perf_counter()
        first_page(PersonQuery(text=text), limit=100)
        samples.append((time.perf_counter() - started) * 1000)
    queue.put(samples)


def _edit_client(root: str, ids: list[str], barrier, queue) -> None:
    from models.registry import save_person
    from models.write import Actor

    _open(root)
    actor = Actor(*ACTOR)
    barrier.wait()
    started = time.perf_counter()
    for i, pid in enumerate(ids):
        save_person(pid, {"note": f"月调度 {i}"}, actor=actor)
    queue.put(time.perf_counter() - started)


def _in_parallel(target, args_per_client: list[tuple]) -> list:
    ctx = multiprocessing.get_context("spawn")
    barrier, queue = ctx.Barrier(len(args_per_client)), ctx.Queue()
    procs = [ctx.Process(target=target, args=(*args, barrier, queue)) for args in args_per_client]
    for p in procs:
        p.start()
    results = [queue.get() for _ in procs]
    for p in procs:
        p.join()
    return results


def query_mix(rows: list[tuple], seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        name, full, initials, number, phone = rng.choice(rows)
        start = rng.randrange(0, max(1, len(name) - 1))
        out.append(name[start:start + 2])
        out.append(initials.split(" ")[0][:3])
        out.append(full.split(" ")[0])
        if number:
            at = rng.randrange(0, 10)
            out.append(number[at:at + 6])
        if phone:
            out.append(phone[-6:])
    return out[:count]


def search_figures(root: Path, clients: int, per_client: int, seed: int) -> dict:
    from models.db import close_database, db

    _open(str(root))
    rows = db.execute_sql("SELECT name, search_pinyin, search_initials, id_number, phone FROM person "
                          "WHERE deleted_at IS NULL").fetchall()
    close_database()
    mixes = [(str(root), query_mix(rows, seed + i, per_client)) for i in range(clients)]
    samples = [s for client in _in_parallel(_search_client, mixes) for s in client]
    return stats(samples)


def raw_import(server, bundle_rows: list[dict]) -> float:
    """psycopg2 executemany of the same change rows and person rows into a fresh copy of the schema."""
    import psycopg2

    from models.pinyin import search_keys

    name = server.fresh_database()
    con = psycopg2.connect(server.dsn(name))
    cur = con.cursor()
    cur.execute("SELECT column_name FROM information_schema.columns WHERE table_name = 'person' "
                "ORDER BY ordinal_position")
    person_cols = [r[0] for r in cur.fetchall()]
    change_rows = [(c["change_id"], c["origin"], c["seq"], c["table"], c["record_id"], c["op"],
                    json.dumps(c["state"]), json.dumps(c["changed"]), json.dumps(c["base"]), c["author"], c["at"],
                    c["hlc"]) for c in bundle_rows]
    person_rows = []
    for c in bundle_rows:
        if c["table"] == "person":
            pinyin, initials = search_keys(c["state"].get("name"), c["state"].get("former_name"))
            s = {**c["state"], "village_id": c["state"].get("village"), "tags": json.dumps(c["state"].get("tags")),
                 "version": json.dumps(c["state"].get("version")), "search_pinyin": pinyin,
                 "search_initials": initials}
            person_rows.append(tuple(s.get(col) for col in person_cols))
    marks = ",".join(["%s"] * len(person_cols))
    started = time.perf_counter()
    cur.executemany('INSERT INTO change_log (change_id, origin, seq, "table", record_id, op, state, changed, base, '
                    'author, at, hlc) VALUES (%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s,%s)', change_rows)
    cur.executemany(f'INSERT INTO person ({",".join(chr(34) + c + chr(34) for c in person_cols)}) VALUES ({marks})',
                    person_rows)
    con.commit()
    elapsed = time.perf_counter() - started
    con.close()
    server.drop(name)
    return elapsed


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=100_000)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--edits", type=int, default=500)
    parser.add_argument("--queries", type=int, default=60, help="queries per search client")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", default=str(OUT / "postgres.json"))
    args = parser.parse_args(argv)

    from bench.bench_sync import bundle_lines, export_bundle_for_bench, import_in_child, setup
    from models.database_move import move_to_postgres
    from models.db import close_database, open_database
    from models.engine import PostgresTarget
    from models.home import Home
    from tests.pg_server import ROLE_PASSWORD, PgServer

    server = PgServer.start()
    if server is None:
        print(f"skipped: {PgServer.why_not}", file=sys.stderr)
        return 1
    root = Path(tempfile.mkdtemp(prefix="bench-pg-"))
    figures: dict = {"machine": machine(), "people": args.people, "clients": args.clients}
    try:
        bureau, station = setup(root, args.people)
        database = server.empty_database()
        move_to_postgres(bureau, PostgresTarget(server.dsn(database)), ROLE_PASSWORD)
        close_database()
        open_database(station)
        bundle = export_bundle_for_bench(station, root / "station.vsb")
        close_database()
        rows, _ = bundle_lines(bureau, bundle.path, root)
        t_raw = raw_import(server, rows)
        del rows
        t_import, peak, counts = import_in_child(bureau, bundle.path)
        figures["import"] = {"changes": bundle.changes, "seconds": round(t_import, 2), "raw_executemany": round(t_raw, 2),
                             "ratio": round(t_raw / t_import, 3), "peak_mb": round(peak), "counts": counts}
        print("import", figures["import"], file=sys.stderr, flush=True)

        figures["search_postgres_fresh"] = search_figures(bureau.root, args.clients, args.queries, args.seed)
        print("search pg, right after the import", figures["search_postgres_fresh"], file=sys.stderr, flush=True)
        server.admin_sql("VACUUM (ANALYZE)", database=database)  # what autovacuum does within minutes
        figures["search_postgres"] = search_figures(bureau.root, args.clients, args.queries, args.seed)
        print("search pg, vacuumed", figures["search_postgres"], file=sys.stderr, flush=True)
        figures["search_postgres_1_client"] = search_figures(bureau.root, 1, args.queries, args.seed)
        figures["search_sqlite_1_client"] = search_figures(station.root, 1, args.queries, args.seed)
        figures["search_sqlite"] = search_figures(station.root, args.clients, args.queries, args.seed)
        print("search sqlite", figures["search_sqlite"], file=sys.stderr, flush=True)

        from models.changelog import Change
        from models.installation_row import Installation
        from models.person import Person

        open_database(bureau)
        ids = [p for (p,) in Person.select(Person.id).order_by(Person.id).limit(args.clients * args.edits).tuples()]
        before = Installation.get_current().last_seq
        origin = Installation.get_current().id
        close_database()
        slices = [(str(bureau.root), ids[i::args.clients]) for i in range(args.clients)]
        started = time.perf_counter()
        seconds = _in_parallel(_edit_client, slices)
        wall = time.perf_counter() - started
        open_database(bureau)
        logged = Change.select().where((Change.origin == origin) & (Change.seq > before)).count()
        from sync.export import export_bundle

        sent = export_bundle(bureau, root / "to-station.vsb", for_station="150626100")
        close_database()
        total = args.clients * args.edits
        figures["edits"] = {"edits": total, "logged": logged, "in_next_bundle_at_least": sent.changes,
                            "wall_seconds": round(wall, 2), "per_second": round(total / wall, 1),
                            "client_seconds": [round(s, 2) for s in seconds]}
        print("edits", figures["edits"], file=sys.stderr, flush=True)
    finally:
        close_database()
        server.stop()
        shutil.rmtree(root, ignore_errors=True)
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(json.dumps(figures, ensure_ascii=False, indent=1), encoding="utf-8")
    print(json.dumps(figures, ensure_ascii=False, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
