"""Screenshots of the work plan's tabs (docs/screenshots/): the real main window, offscreen, with the bundled
font, zh_CN and the style sheet, each tab shown once its data is on screen.

    python -m bench.plan_screens --home /tmp/plandemo --user demo --size 1366x768 --out docs/screenshots
    # writes dashboard.png, plan-tasks.png, plan-progress.png, plan-scores.png; prints what does not fit
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

SHOTS = {"plan": "plan-tasks.png", "progress": "plan-progress.png", "scores": "plan-scores.png",
         "dashboard": "dashboard.png"}


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.plan_screens")
    parser.add_argument("--home", required=True)
    parser.add_argument("--user", default="demo")
    parser.add_argument("--size", default="1366x768")
    parser.add_argument("--out", default="docs/screenshots")
    parser.add_argument("--tabs", nargs="*", default=list(SHOTS))
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from bench.screens import main_window, settle, wait_loaded
    from models.db import open_database
    from models.home import Home
    from ui.app import application
    from ui.screen_fit import fit_problems

    app = application()
    home = Home(Path(args.home))
    open_database(home)
    window = main_window(home, args.user, args.size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    page = window.select_area("tasks")
    problems = []
    for key in args.tabs:
        tab = page.tab(key)

        def show(key=key, tab=tab):
            page.show_tab(key)
            if key == "progress":
                tab.month.setCurrentIndex(max(tab.month.currentIndex() - 1, 0))  # last month: reported, one owing
            tab.refresh()

        wait_loaded(tab, show, 20_000)
        settle(app)
        window.grab().save(str(out / SHOTS[key]))
        problems += fit_problems(window, f"tasks/{key}")
    print("\n".join(problems) or "every tab fits", file=sys.stderr)
    window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
