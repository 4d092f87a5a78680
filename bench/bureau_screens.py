"""The bureau's 对标看板 with the stations side by side (docs/screenshots/dashboard-bureau.png): the county home
of bench.bench_indicators (a bureau holding seven stations, 20 000 persons) given this year's plan, scheme and
fourth-quarter manual points through the domain functions, the year's comparison published, and the real
main window photographed offscreen with the bundled font, zh_CN and the style sheet.

    python -m bench.bureau_screens [--size 1366x768] [--out docs/screenshots] [--home /tmp/bureau-screens]

What is made (as the bureau would): the plan started from the template in late November (so no 月调度 is
owed yet — the stations' own reports would arrive in bundles), one task for every station due on
30 November which the bureau confirmed done for four of the seven, the default scoring scheme with each
station's manual points for the quarter, and the year's comparison published. Prints what does not fit.
"""
from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import sqlite3
import sys
from pathlib import Path


def seed_plan(year: int, seed: int = 1) -> None:
    """The bureau's plan, scheme and points for the screenshot (domain functions only)."""
    from models.accounts import User, create_user
    from models.indicators import stations_in_scope
    from models.plan import PlanArea
    from models.plan_edit import find_plan
    from models.plan_tasks import add_task, confirm_done
    from models.plan_template import start_plan_from_template
    from models.scoring import enter_manual_score, find_scheme, publish_comparison, start_scheme
    from models.periods import Period
    from models.write import CLI_ACTOR, Actor

    if not User.select().where(User.username == "bureau").exists():
        create_user("bureau", "李伟春", "bureau123", "bureau_admin", actor=CLI_ACTOR)
    actor = Actor("bureau", "李伟春", "bureau_admin")
    if find_plan(year) is None:
        plan = start_plan_from_template(year, actor=actor, on=dt.date(year, 11, 27))
        area = PlanArea.get((PlanArea.plan == plan.id) & (PlanArea.name == "基础业务工作"))
        task = add_task(area.id, {"title": "完成年度走访摸底和信息核对", "deadline": dt.date(year, 11, 30)},
                        units=["all_stations"], actor=actor, on=dt.date(year, 11, 27))
        stations = [code for code, _ in stations_in_scope()]
        for code in stations[:4]:
            confirm_done(task.id, unit=code, on=dt.date(year, 11, 29), actor=actor)
    if find_scheme(year) is None:
        scheme = start_scheme(year, actor=actor)
        rng = random.Random(seed)
        for code, _name in stations_in_scope():
            for item in (i for i in scheme.items if i["kind"] == "manual"):
                enter_manual_score(f"{year}Q4", code, item["code"], rng.randint(70, 96),
                                   reason="第四季度现场检查", actor=actor)
    publish_comparison(Period.year(year), actor=actor)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.bureau_screens")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--home", default="/tmp/bureau-screens")
    parser.add_argument("--year", type=int, default=dt.date.today().year)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bench.bench_indicators import build

    source, _record = build(20_000, 200_000, 1)
    home_dir = Path(args.home)
    if not (home_dir / "vetstation.db").exists():
        home_dir.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source / "vetstation.db", home_dir / "vetstation.db")
        con = sqlite3.connect(home_dir / "vetstation.db")  # the county home keeps its first station's name
        with con:
            con.execute("UPDATE installation SET name = '乌审旗退役军人事务局' WHERE kind = 'bureau'")
        con.close()

    from bench.screens import main_window, settle, wait_loaded
    from models.db import open_database
    from models.home import Home
    from models.periods import Period
    from ui.app import application
    from ui.screen_fit import fit_problems

    app = application()
    home = Home(home_dir)
    open_database(home)
    seed_plan(args.year)
    window = main_window(home, "bureau", args.size)
    board = window.select_area("tasks").show_tab("dashboard")
    wait_loaded(board, lambda: board.set_period(Period.year(args.year)), 60_000)
    settle(app)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    name = "dashboard-bureau.png" if args.size == "1366x768" else f"dashboard-bureau-{args.size}.png"
    window.grab().save(str(out / name))
    print("\n".join(fit_problems(window, "tasks/dashboard")) or "the dashboard fits", file=sys.stderr)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
