"""Benchmark of the USB bundle exchange (issue 4): export and import of a bundle with N changes,
each against a baseline measured in the same run, and bundle size against the uncompressed JSON.

    python -m bench.bench_sync [--changes 100000] [--out docs/benchmarks-sync.md]

Figures: export vs raw SELECT + JSON dump; import vs raw sqlite executemany of the same rows into
the same tables; re-import (the same file, and the same changes in a new bundle) vs first import;
bundle size vs uncompressed JSON; peak memory (RSS) of the importing process.
"""
from __future__ import annotations

import argparse
import json
import multiprocessing
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from models.db import close_database, db, open_database
from models.home import Home
from models.installation import init_bureau
from models.person import Person
from models.write import CLI_ACTOR, writing


def _site(root: Path) -> Home:
    return Home(root)


def setup(root: Path, changes: int):
    from sync.enrollment import adopt_enrollment, issue_enrollment
    from sync.keys import create_bureau_keys

    bureau, station = Home(root / "bureau"), Home(root / "station")
    open_database(bureau)
    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    create_bureau_keys(bureau, root / "escrow.txt")
    payload = issue_enrollment(bureau, "150626100", "嘎鲁图镇退役军人服务站")
    close_database()
    open_database(station)
    adopt_enrollment(station, payload, actor=CLI_ACTOR)
    made = 0
    started = time.perf_counter()
    while made < changes:
        with writing(CLI_ACTOR) as w:
            for i in range(min(5000, changes - made)):
                w.create(Person, {"station_code": "150626100", "name": _name(made + i), "status": "active",
                                  "phone": f"138{made + i:08d}", "household_address": "内蒙古自治区鄂尔多斯市乌审旗嘎鲁图镇",
                                  "note": "退役后在家务农" if i % 3 else None, "tags": ["重点"] if i % 7 == 0 else []})
        made += min(5000, changes - made)
    print(f"generated {changes} changes in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    close_database()
    return bureau, station


def _name(i: int) -> str:
    from bench.names import HAN_MALE_FIRST, HAN_MALE_SECOND, HAN_SURNAMES

    surnames = [s[0] if isinstance(s, tuple) else s for s in HAN_SURNAMES]
    return (surnames[i % len(surnames)] + HAN_MALE_FIRST[(i // 3) % len(HAN_MALE_FIRST)]
            + HAN_MALE_SECOND[(i // 101) % len(HAN_MALE_SECOND)])


def timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def raw_export(home: Home, target: Path) -> None:
    con = sqlite3.connect(home.database)
    cur = con.execute('SELECT * FROM change_log')
    cols = [d[0] for d in cur.description]
    with open(target, "w", encoding="utf-8") as f:
        for row in cur:
            f.write(json.dumps(dict(zip(cols, row)), ensure_ascii=False) + "\n")
    con.close()


def raw_import(db_copy: Path, bundle_zip_lines: list[dict]) -> float:
    """executemany of the same change rows and record rows into the same tables of a copy."""
    con = sqlite3.connect(db_copy)
    con.execute("PRAGMA journal_mode=wal")
    con.execute("PRAGMA synchronous=2")
    person_cols = [r[1] for r in con.execute('PRAGMA table_info("person")')]
    change_rows = [(c["change_id"], c["origin"], c["seq"], c["table"], c["record_id"], c["op"],
                    json.dumps(c["state"]), json.dumps(c["changed"]), json.dumps(c["base"]), c["author"], c["at"],
                    c["hlc"]) for c in bundle_zip_lines]
    person_rows = []
    for c in bundle_zip_lines:
        if c["table"] == "person":
            s = {**c["state"], "village_id": c["state"].get("village"), "tags": json.dumps(c["state"].get("tags")),
                 "version": json.dumps(c["state"].get("version")), "search_pinyin": "", "search_initials": ""}
            person_rows.append(tuple(s.get(col) for col in person_cols))
    started = time.perf_counter()
    with con:
        con.executemany(f'INSERT INTO change_log VALUES ({",".join("?" * 12)})', change_rows)
        con.executemany(f'INSERT OR REPLACE INTO person VALUES ({",".join("?" * len(person_cols))})', person_rows)
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def _import_child(home_root: str, bundle: str, queue) -> None:
    from models.write import Actor
    from sync.importer import import_bundle

    home = Home(Path(home_root))
    open_database(home)
    started = time.perf_counter()
    report = import_bundle(home, Path(bundle), actor=Actor("bench", "基准", "bureau_admin"))
    elapsed = time.perf_counter() - started
    close_database()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # MB on Linux
    queue.put((elapsed, peak, report.counts))


def import_in_child(home: Home, bundle: Path):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_import_child, args=(str(home.root), str(bundle), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--out", default="docs/benchmarks-sync.md")
    args = parser.parse_args(argv)
    from sync.bundle_format import BundleZipReader
    from sync.envelope import decrypt
    from sync.export import export_bundle
    from sync.keys import load_keys

    root = Path(tempfile.mkdtemp(prefix="vs-bench-"))
    try:
        bureau, station = setup(root, args.changes)
        usb = root / "usb"
        usb.mkdir()
        open_database(station)
        result, t_export = timed(lambda: export_bundle(station, usb / "one.vsb"))
        second = export_bundle(station, usb / "two.vsb")  # same changes (no receipt yet)
        close_database()
        _, t_raw_export = timed(lambda: raw_export(station, root / "raw.jsonl"))
        # the bundle's content, for size and for the raw-insert baseline
        open_database(bureau)
        keys = load_keys(bureau)
        close_database()
        plain = root / "plain.zip"
        decrypt(result.path, plain, keys.age)
        reader = BundleZipReader(plain)
        lines = [c for part in reader.manifest["parts"] for c in reader.part_lines(part)]
        uncompressed = sum(p["bytes"] for p in reader.manifest["parts"])
        reader.close()
        size = result.path.stat().st_size
        copy = root / "baseline.db"
        shutil.copyfile(bureau.database, copy)
        t_raw_import = raw_import(copy, lines)
        del lines
        t_import, peak, counts = import_in_child(bureau, result.path)
        t_again, _, _ = import_in_child(bureau, result.path)
        t_same_changes, _, counts2 = import_in_child(bureau, second.path)
        n = result.changes
        rows = [
            ("changes in the bundle", f"{n}"),
            ("export", f"{t_export:.2f} s ({n / t_export:.0f} changes/s)"),
            ("baseline: raw SELECT + JSON dump", f"{t_raw_export:.2f} s"),
            ("export speed vs baseline", f"{t_raw_export / t_export:.0%} (target ≥ 40%)"),
            ("import (decrypt, verify, merge, commit, receipt; backup first)", f"{t_import:.2f} s ({n / t_import:.0f} changes/s)"),
            ("baseline: raw sqlite executemany of the same rows", f"{t_raw_import:.2f} s"),
            ("import speed vs baseline", f"{t_raw_import / t_import:.0%} (target ≥ 40%)"),
            ("re-import of the same file", f"{t_again:.2f} s = {t_again / t_import:.1%} of first (target ≤ 10%)"),
            ("import of a new bundle with the same changes", f"{t_same_changes:.2f} s = {t_same_changes / t_import:.1%} of first"),
            ("bundle size", f"{size / 1e6:.1f} MB vs {uncompressed / 1e6:.1f} MB JSON = {size / uncompressed:.1%} (target ≤ 25%)"),
            ("peak memory of the importing process", f"{peak:.0f} MB (target ≤ 300 MB)"),
        ]
        text = "# Sync benchmark (bench/bench_sync.py)\n\n" + "\n".join(f"- {k}: {v}" for k, v in rows) + "\n"
        print(text)
        print("first import counts:", counts, "\nsame-changes import counts:", counts2, file=sys.stderr)
        if args.out:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(text, "utf-8")
    finally:
        close_database()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
