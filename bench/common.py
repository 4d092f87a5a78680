"""Shared by the benchmarks: the cached generated home, timing statistics, the results folder.

    home, generation = cached_home(100_000, seed=1)   # builds bench/out/people-100000-s1 once
    stats(samples_ms)                                 # {"n", "p5", "p50", "p95", "max", ...}
    wall_ms, cpu_ms = timings(fn, rounds)             # one sample of each per call of fn
    args = county_arguments(__doc__, rounds=5).parse_args(argv)   # --people --events --seed --rounds

bench/out/ is git-ignored; delete a folder there to force a rebuild.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
ROOT = OUT.parent.parent


def home_folder(people: int, seed: int) -> Path:
    return OUT / f"people-{people}-s{seed}"


def cached_home(people: int, seed: int = 1, *, log=print):
    """(Home, generation record) — built with `vetstation demo` the first time, then reused."""
    from models.home import Home

    folder = home_folder(people, seed)
    record_file = folder / "generation.json"
    if record_file.exists():
        return Home(folder), json.loads(record_file.read_text(encoding="utf-8"))
    if folder.exists():
        shutil.rmtree(folder)  # a half-built home from an interrupted run
    log(f"building {folder} with `vetstation demo --people {people} --seed {seed}` …")
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "desktop", "--home", str(folder), "demo",
                           "--people", str(people), "--seed", str(seed)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8")
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"demo failed:\n{done.stderr}")
    record = {"people": people, "seed": seed, "seconds": round(seconds, 1), "summary": done.stdout.strip(),
              "db_bytes": (folder / "vetstation.db").stat().st_size, "built_at": time.strftime("%Y-%m-%d %H:%M")}
    record_file.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return Home(folder), record


def stats(samples: list[float]) -> dict:
    ordered = sorted(samples)

    def pct(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))], 2)

    return {"n": len(ordered), "p5": pct(5), "p25": pct(25), "p50": round(statistics.median(ordered), 2),
            "p75": pct(75), "p95": pct(95), "max": round(ordered[-1], 2)}


def timings(fn, rounds: int) -> tuple[list[float], list[float]]:
    """Milliseconds of `rounds` calls of fn: wall clock, and this process's CPU time (fairer on a busy machine)."""
    wall, cpu = [], []
    for _ in range(rounds):
        started, started_cpu = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - started_cpu) * 1000)
    return wall, cpu


def county_arguments(doc: str, *, rounds: int = 5) -> argparse.ArgumentParser:
    """The options of the county-scale benchmarks (the casework home of bench.bench_casework and its copies)."""
    parser = argparse.ArgumentParser(description=doc.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--events", type=int, default=200_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=rounds)
    return parser


def load_average() -> float | None:
    """The one-minute load average (None where the system has none), saved beside the figures."""
    return os.getloadavg()[0] if hasattr(os, "getloadavg") else None


def machine() -> dict:
    import psutil

    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"os": platform.platform(), "python": platform.python_version(), "cpu": cpu,
            "logical_cpus": psutil.cpu_count(), "ram_gb": round(psutil.virtual_memory().total / 2**30, 1),
            "sqlite": __import__("sqlite3").sqlite_version}


def save(name: str, data: dict) -> Path:
    OUT.mkdir(exist_ok=True)
    path = OUT / f"{name}.json"
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    return path
