"""Encrypted backup and restore of a realistic home: time, spread and size, beside a plain SQLite copy.

    python -m bench.bench_backup                       # the 20 000-person home of bench_registry, 5 rounds
    python -m bench.bench_backup --people 100000 --rounds 3

The cached generated home (bench.common.cached_home) is copied into bench/out/backup-work once per run,
so its own backups/ folder stays empty. Each round: the baseline (SQLite's backup-API copy of the live
database, models.db.backup_to — what backups were before issue 12), models.backup.backup_database,
and models.backup.restore_database of that backup (which itself first backs up the current data).
The parts of one backup are timed too: snapshot, deflate at the level used and at level 6 (the old one),
age encryption, decryption. Writes bench/out/backup.json.
"""
from __future__ import annotations

import argparse
import shutil
import sqlite3
import time
import zipfile
from pathlib import Path

from bench.common import OUT, cached_home, load_average, machine, save, stats


def _seconds(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def parts(home, work: Path) -> dict:
    """One backup's steps, each timed alone (seconds), and the sizes they produce (MB)."""
    import pyrage

    from models import backup_keys
    from models.backup_file import COMPRESS_LEVEL
    from models.db import backup_to

    snapshot = work / "parts-snapshot.db"
    out = {"snapshot_s": _seconds(lambda: backup_to(snapshot))}
    for level in sorted({COMPRESS_LEVEL, 6}):
        target = work / f"parts-{level}.zip"

        def deflate():
            with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as z:
                z.write(snapshot, "vetstation.db")
        out[f"deflate_{level}_s"] = _seconds(deflate)
        out[f"deflate_{level}_mb"] = round(target.stat().st_size / 1e6, 1)
    plain = work / f"parts-{COMPRESS_LEVEL}.zip"
    keys = [pyrage.x25519.Recipient.from_str(r) for r in backup_keys.recipients(home)]

    def encrypt():
        with open(plain, "rb") as src, open(work / "parts.age", "wb") as dest:
            pyrage.encrypt_io(src, dest, keys)

    def decrypt():
        with open(work / "parts.age", "rb") as src, open(work / "parts-back.zip", "wb") as dest:
            pyrage.decrypt_io(src, dest, backup_keys.identities(home))
    out["encrypt_s"] = _seconds(encrypt)
    out["decrypt_s"] = _seconds(decrypt)
    with sqlite3.connect(str(snapshot)) as con:
        out["integrity_check_s"] = _seconds(lambda: con.execute("PRAGMA integrity_check").fetchone())
    for path in work.glob("parts*"):
        path.unlink()
    return {k: round(v, 3) if isinstance(v, float) else v for k, v in out.items()}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args(argv)

    from models.backup import backup_database, list_backups, restore_database
    from models.db import backup_to, close_database, open_database
    from models.home import Home

    source, generation = cached_home(args.people, args.seed)
    close_database()
    work = OUT / "backup-work"
    if work.exists():
        shutil.rmtree(work)
    shutil.copytree(source.root, work / "home")
    home = Home(work / "home")
    open_database(home)
    db_mb = round(home.database.stat().st_size / 1e6, 1)
    load_before = load_average()
    baseline, backup, restore, sizes = [], [], [], []
    for i in range(args.rounds):
        copy = work / "baseline.db"
        baseline.append(_seconds(lambda: backup_to(copy)) * 1000)
        copy.unlink()
        made = []
        backup.append(_seconds(lambda: made.append(backup_database(home, reason="manual"))) * 1000)
        sizes.append(made[0].stat().st_size / 1e6)
        restore.append(_seconds(lambda: restore_database(home, made[0])) * 1000)
        for old in list_backups(home):
            old.unlink()
        print(f"round {i + 1}: baseline {baseline[-1]:.0f} ms, backup {backup[-1]:.0f} ms, "
              f"restore {restore[-1]:.0f} ms, {sizes[-1]:.1f} MB")
    steps = parts(home, work)
    close_database()
    result = {
        "date": time.strftime("%Y-%m-%d %H:%M"), "machine": machine(), "people": args.people,
        "generation": generation, "database_mb": db_mb, "rounds": args.rounds,
        "load_average": [load_before, load_average()],
        "baseline_ms": stats(baseline), "backup_ms": stats(backup), "restore_ms": stats(restore),
        "backup_mb": round(max(sizes), 1), "parts": steps,
        "mb_per_1000_persons": round(max(sizes) / args.people * 1000, 2),
    }
    print(result)
    save("backup", result)
    shutil.rmtree(work)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
