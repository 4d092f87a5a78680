"""Benchmark of the USB bundle exchange (issue 4): export and import of a bundle with N changes,
each against a baseline measured in the same run, and bundle size against the uncompressed JSON.

    python -m bench.bench_sync [--changes 100000] [--runs 3] [--out docs/benchmarks-sync.md]

Figures: export vs raw SELECT + JSON dump; import vs raw sqlite executemany of the same rows into
the same tables; re-import (the same file, and the same changes in a new bundle) vs first import;
bundle size vs uncompressed JSON; peak memory of the importing process. Each run measures every
figure and its baseline again (on a fresh copy of the bureau); the report gives the median and the
range over the runs, since a shared machine's speed drifts.

Peak memory is the child process's own high-water mark (VmHWM on Linux, peak working set on
Windows). ru_maxrss is NOT used: on Linux it keeps the parent's peak across fork+exec, which made an
earlier version of this benchmark report the parent's 1.3 GB (the baseline's rows) as the import's.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import resource
import shutil
import statistics
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

from models.changelog import text_row
from models.db import close_database, open_database
from models.home import Home
from models.installation import init_bureau
from models.person import Person
from models.write import CLI_ACTOR, writing


def _site(root: Path) -> Home:
    return Home(root)


def setup(root: Path, changes: int):
    from sync.enrollment import adopt_enrollment, issue_enrollment
    from sync.bureau_keys import create_bureau_keys

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
    from demo.names import HAN_MALE_FIRST, HAN_MALE_SECOND, HAN_SURNAMES

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
            f.write(json.dumps(dict(zip(cols, text_row(row))), ensure_ascii=False) + "\n")  # ids, times as text
    con.close()


def raw_import(db_copy: Path, bundle_zip_lines: list[dict], *, real_keys: bool = True) -> float:
    """executemany of the same change rows and record rows into the same tables of a copy.

    The person rows carry their real search keys, as the import writes them (an earlier version
    inserted empty ones: every row then landed at one end of the search_pinyin index, which made the
    baseline cheaper than writing the same rows)."""
    from models.pinyin import search_keys

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
            # the same row the import writes, search keys included (computed here, outside the timing)
            pinyin, initials = (search_keys(c["state"].get("name"), c["state"].get("former_name"))
                                if real_keys else ("", ""))
            s = {**c["state"], "village_id": c["state"].get("village"), "tags": json.dumps(c["state"].get("tags")),
                 "version": json.dumps(c["state"].get("version")), "search_pinyin": pinyin,
                 "search_initials": initials}
            person_rows.append(tuple(s.get(col) for col in person_cols))
    started = time.perf_counter()
    with con:
        con.executemany(f'INSERT INTO change_log VALUES ({",".join("?" * 12)})', change_rows)
        con.executemany(f'INSERT OR REPLACE INTO person VALUES ({",".join("?" * len(person_cols))})', person_rows)
    elapsed = time.perf_counter() - started
    con.close()
    return elapsed


def peak_memory_mb() -> float:
    """This process's own peak resident memory in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    try:
        import psutil

        info = psutil.Process().memory_info()
        if hasattr(info, "peak_wset"):
            return info.peak_wset / 2**20
    except ImportError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _import_child(home_root: str, bundle: str, queue) -> None:
    from models.write import Actor
    from sync.importer import import_bundle

    home = Home(Path(home_root))
    open_database(home)
    started = time.perf_counter()
    report = import_bundle(home, Path(bundle), actor=Actor("bench", "基准", "bureau_admin"))
    elapsed = time.perf_counter() - started
    close_database()
    queue.put((elapsed, peak_memory_mb(), report.counts))


def import_in_child(home: Home, bundle: Path):
    ctx = multiprocessing.get_context("spawn")
    queue = ctx.Queue()
    proc = ctx.Process(target=_import_child, args=(str(home.root), str(bundle), queue))
    proc.start()
    result = queue.get()
    proc.join()
    return result


def bundle_lines(bureau: Home, path: Path, root: Path) -> tuple[list[dict], int]:
    """The bundle's changes (for the raw-insert baseline) and the size of its uncompressed JSON."""
    from sync.bundle_format import BundleZipReader
    from sync.envelope import decrypt
    from sync.keys import load_keys

    open_database(bureau)
    keys = load_keys(bureau)
    close_database()
    plain = root / "plain.zip"
    decrypt(path, plain, keys.age)
    reader = BundleZipReader(plain)
    lines = [c for part in reader.manifest["parts"] for c in reader.part_lines(part)]
    uncompressed = sum(p["bytes"] for p in reader.manifest["parts"])
    reader.close()
    plain.unlink()
    return lines, uncompressed


def one_run(root: Path, station: Home, pristine: Path, run: int) -> dict:
    usb = root / f"usb-{run}"
    usb.mkdir()
    open_database(station)
    result, t_export = timed(lambda: export_bundle_for_bench(station, usb / "one.vsb"))
    second = export_bundle_for_bench(station, usb / "two.vsb")  # the same changes (no receipt yet)
    close_database()
    _, t_raw_export = timed(lambda: raw_export(station, root / "raw.jsonl"))
    bureau = Home(root / f"bureau-{run}")
    shutil.copytree(pristine, bureau.root)
    lines, uncompressed = bundle_lines(bureau, result.path, root)
    copy = root / f"baseline-{run}.db"
    shutil.copyfile(pristine / "vetstation.db", copy)
    t_raw_import = raw_import(copy, lines)
    copy.unlink()
    shutil.copyfile(pristine / "vetstation.db", copy)
    t_raw_empty = raw_import(copy, lines, real_keys=False)  # the first version's baseline, for the record
    del lines
    copy.unlink()
    t_import, peak, counts = import_in_child(bureau, result.path)
    t_again, _, _ = import_in_child(bureau, result.path)
    t_same, _, counts2 = import_in_child(bureau, second.path)
    shutil.rmtree(bureau.root, ignore_errors=True)
    figures = {"changes": result.changes, "export": t_export, "raw_export": t_raw_export,
               "import": t_import, "raw_import": t_raw_import, "raw_empty": t_raw_empty,
               "empty_ratio": t_raw_empty / t_import, "again": t_again, "same": t_same,
               "size": result.path.stat().st_size, "json": uncompressed, "peak_mb": peak,
               "export_ratio": t_raw_export / t_export, "import_ratio": t_raw_import / t_import,
               "again_ratio": t_again / t_import, "same_ratio": t_same / t_import,
               "size_ratio": result.path.stat().st_size / uncompressed}
    print(f"run {run + 1}: " + ", ".join(f"{k}={v:.3g}" for k, v in figures.items()), file=sys.stderr, flush=True)
    print("  first import:", counts, "\n  same changes again:", counts2, file=sys.stderr, flush=True)
    shutil.rmtree(usb, ignore_errors=True)
    return figures


def export_bundle_for_bench(station: Home, path: Path):
    from sync.export import export_bundle

    return export_bundle(station, path)


def _fmt(runs: list[dict], key: str, unit: str = " s", pct: bool = False) -> str:
    values = [r[key] for r in runs]
    med = statistics.median(values)
    if pct:
        return f"{med:.0%} (runs: {', '.join(f'{v:.0%}' for v in values)})"
    return f"{med:.2f}{unit} (runs: {', '.join(f'{v:.2f}' for v in values)})"


def report(runs: list[dict], generated: float) -> str:
    from bench.common import machine

    m = machine()
    n = runs[0]["changes"]
    peak = [r["peak_mb"] for r in runs]
    rows = [
        ("date", dt.date.today().isoformat()),
        ("machine", f"{m['cpu']}, {m['logical_cpus']} logical CPUs, {m['ram_gb']} GB, {m['os']}, "
                    f"Python {m['python']}, SQLite {m['sqlite']} (shared with other work: figures drift)"),
        ("changes in the bundle", f"{n} (generated in {generated:.0f} s); {len(runs)} runs, median and each run"),
        ("export", _fmt(runs, "export")),
        ("baseline: raw SELECT + JSON dump", _fmt(runs, "raw_export")),
        ("**export speed vs baseline** (target ≥ 40%)", _fmt(runs, "export_ratio", pct=True)),
        ("import (decrypt, verify, merge, commit, receipt; backup first)", _fmt(runs, "import")),
        ("baseline: raw sqlite executemany of the same rows", _fmt(runs, "raw_import")),
        ("**import speed vs baseline** (target ≥ 40%)", _fmt(runs, "import_ratio", pct=True)),
        ("for the record: baseline with empty search keys (as first written)", _fmt(runs, "raw_empty")),
        ("for the record: import speed vs that baseline", _fmt(runs, "empty_ratio", pct=True)),
        ("**re-import of the same file vs first** (target ≤ 10%)", _fmt(runs, "again_ratio", pct=True)),
        ("import of a new bundle with the same changes vs first", _fmt(runs, "same_ratio", pct=True)),
        ("**bundle size vs uncompressed JSON** (target ≤ 25%)",
         f"{_fmt(runs, 'size_ratio', pct=True)}; {runs[0]['size'] / 1e6:.1f} MB vs {runs[0]['json'] / 1e6:.1f} MB"),
        ("**peak memory of the importing process** (target ≤ 300 MB)",
         f"{statistics.median(peak):.0f} MB (runs: {', '.join(f'{p:.0f}' for p in peak)})"),
    ]
    return "## Latest run of bench/bench_sync.py\n\n" + "\n".join(f"- {k}: {v}" for k, v in rows) + "\n"


def main(argv=None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--changes", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--out", default="", help="also write the figures to this Markdown file")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="vs-bench-"))
    try:
        started = time.perf_counter()
        bureau, station = setup(root, args.changes)
        generated = time.perf_counter() - started
        pristine = root / "bureau-pristine"
        shutil.copytree(bureau.root, pristine)
        runs = [one_run(root, station, pristine, i) for i in range(args.runs)]
        text = report(runs, generated)
        print(text)
        if args.out:
            Path(args.out).parent.mkdir(parents=True, exist_ok=True)
            Path(args.out).write_text(text, "utf-8")
    finally:
        close_database()
        shutil.rmtree(root, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
