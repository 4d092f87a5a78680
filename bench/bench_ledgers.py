"""Benchmarks for ledgers/: roster PDF vs raw reportlab, roster import, people export (issue 5).

    python -m bench.bench_ledgers            # all three; prints figures and ratios
    python -m bench.bench_ledgers pdf        # or: import, export

Budgets: a 5 000-row roster PDF ≤ 2× raw reportlab building the same table in the same run (one
Table, repeatRows=1, SimpleDocTemplate, no page furniture); a 20 000-row roster import (read +
dry run + import) ≤ 20 s; 100 000 persons to .xlsx ≤ 30 s with bounded memory (peak Python
allocations reported by tracemalloc, which itself slows the run a little).
The PDF and import benchmarks build temporary homes with demo.home.populate; the export
uses the shared cached 100 000-person home of bench.common. Results go to bench/out/ledgers.json.
"""
from __future__ import annotations

import datetime as dt
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

from demo.home import ensure_demo_station, populate
from ledgers.catalog import LedgerOptions, get_ledger, render_ledger
from ledgers.fonts import FONT, register_fonts
from ledgers.periods import parse_period
from ledgers.progress import run
from models.db import close_database, open_database
from models.home import Home
from models.write import CLI_ACTOR

TODAY = dt.date(2026, 11, 26)


def _home(folder: Path, name: str, people: int) -> Home:
    home = Home(folder / name)
    open_database(home)
    ensure_demo_station(actor=CLI_ACTOR)
    if people:
        populate(people, seed=5, actor=CLI_ACTOR, today=TODAY)
    return home


def _raw_reportlab(path: Path, columns, rows) -> None:
    """The baseline: the same cells in one reportlab Table, the way the reportlab docs show it."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

    from ledgers.pdf_layout import fit_column_widths

    register_fonts()
    style = ParagraphStyle("raw", fontName=FONT, fontSize=9, leading=11.5, wordWrap="CJK")
    width = landscape(A4)[0] - 2 * 34
    widths = fit_column_widths(columns, rows, width)
    data = [[Paragraph(c.label, style) for c in columns]]
    data += [[Paragraph(v, style) if len(v) > 12 else v for v in r] for r in rows]
    table = Table(data, colWidths=widths, repeatRows=1)
    table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), FONT), ("FONTSIZE", (0, 0), (-1, -1), 9),
                               ("GRID", (0, 0), (-1, -1), 0.5, "black")]))
    SimpleDocTemplate(str(path), pagesize=landscape(A4), leftMargin=34, rightMargin=34).build([table])


def bench_pdf(folder: Path, count: int = 5000) -> dict:
    _home(folder, "pdf", count + count // 15)  # some generated people are not 在册
    period = parse_period("2026")
    ledger = get_ledger("roster")
    rows = ledger.rows(period, LedgerOptions())[:count]
    started = time.perf_counter()
    _raw_reportlab(folder / "raw.pdf", ledger.columns, rows)
    raw = time.perf_counter() - started
    started = time.perf_counter()
    run(render_ledger("roster", period, folder / "roster.pdf"))
    ours = time.perf_counter() - started
    close_database()
    return {"rows": len(rows), "raw_s": raw, "ours_s": ours, "ratio": ours / raw}


def _roster_workbook(path: Path, count: int) -> None:
    """A realistic roster file: title rows, 序号, names, ID numbers as text, dates as 1985.07 text."""
    from openpyxl import Workbook

    from demo.generator import PeopleGenerator
    from demo.names import VILLAGES

    gen = PeopleGenerator(seed=11, today=TODAY)
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("花名册")
    ws.append(["嘎鲁图镇退役军人花名册"])
    ws.append(["填报单位：嘎鲁图镇退役军人服务站"])
    ws.append(["序号", "姓名", "性别", "民族", "身份证号码", "人员类别", "入伍时间", "退伍时间", "安置方式", "嘎查村",
               "联系电话", "备注"])
    stations = {"150626100": VILLAGES["150626100"]}
    for n, fake in enumerate(gen.people(count, stations), 1):
        v = fake.values
        month = (lambda d: f"{d.year}.{d.month:02d}" if d else "")
        ws.append([n, v["name"], "男" if v["sex"] == "M" else "女", "汉族" if v["ethnicity"] == "01" else "蒙古族",
                   v["id_number"], "、".join({"retired_soldier": "退役士兵"}.get(i["category"], "退役士兵")
                                            for i in fake.identities),
                   month(v.get("enlist_date")), month(v.get("discharge_date")), "", fake.village, v.get("phone", ""),
                   ""])
    wb.save(path)


def bench_import(folder: Path, count: int = 20000) -> dict:
    from ledgers.roster_import import apply_import, plan_import, propose_mapping, read_roster

    home = _home(folder, "import", 0)
    from demo.home import _village_ids, demo_stations

    _village_ids(demo_stations(), CLI_ACTOR)
    path = folder / "roster.xlsx"
    _roster_workbook(path, count)
    started, cpu = time.perf_counter(), time.process_time()
    sheet = read_roster(path)
    read = time.perf_counter() - started
    plan = run(plan_import(sheet, propose_mapping(sheet, home)))
    planned = time.perf_counter() - started
    result = run(apply_import(plan, actor=CLI_ACTOR, home=home))
    total = time.perf_counter() - started
    cpu = time.process_time() - cpu
    close_database()
    return {"rows": len(sheet.rows), "created": result.created, "skipped": plan.count("skip"), "read_s": read,
            "dry_run_s": planned - read, "import_s": total - planned, "total_s": total, "cpu_s": cpu}


def bench_export(folder: Path, count: int = 100_000) -> dict:
    """Export the shared cached 100 000-person home (bench.common.cached_home), read-only."""
    from bench.common import cached_home
    from ledgers.xlsx_export import export_people

    home, generation = cached_home(count, seed=1)
    open_database(home)
    started, cpu = time.perf_counter(), time.process_time()
    run(export_people(folder / "people.xlsx"))
    plain, cpu = time.perf_counter() - started, time.process_time() - cpu
    tracemalloc.start()
    run(export_people(folder / "people2.xlsx"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    close_database()
    return {"persons": count, "export_s": plain, "cpu_s": cpu, "peak_mb": peak / 2**20,
            "file_mb": (folder / "people.xlsx").stat().st_size / 2**20}


def main(argv: list[str]) -> None:
    import json

    from bench.common import OUT, machine, save

    which = argv or ["pdf", "import", "export"]
    previous = OUT / "ledgers.json"  # a partial run keeps the other figures
    results: dict = json.loads(previous.read_text(encoding="utf-8")) if previous.exists() else {}
    results.update(machine=machine(), date=time.strftime("%Y-%m-%d %H:%M"))
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if "pdf" in which:
            r = results["pdf"] = bench_pdf(folder)
            print(f"roster PDF, {r['rows']} rows: raw reportlab {r['raw_s']:.2f} s, vetstation {r['ours_s']:.2f} s, "
                  f"ratio {r['ratio']:.2f}× (budget ≤ 2×)")
        if "import" in which:
            r = results["import"] = bench_import(folder)
            print(f"roster import, {r['rows']} rows: read {r['read_s']:.2f} s + dry run {r['dry_run_s']:.2f} s + "
                  f"import {r['import_s']:.2f} s = {r['total_s']:.2f} s (budget ≤ 20 s; CPU {r['cpu_s']:.2f} s); "
                  f"created {r['created']}, skipped {r['skipped']}")
        if "export" in which:
            r = results["export"] = bench_export(folder)
            print(f"people export, {r['persons']} persons: {r['export_s']:.2f} s (budget ≤ 30 s; CPU "
                  f"{r['cpu_s']:.2f} s), peak Python memory {r['peak_mb']:.1f} MB, file {r['file_mb']:.1f} MB")
    print(f"saved {save('ledgers', results)}")


if __name__ == "__main__":
    main(sys.argv[1:])
