"""Screenshots of every page of the main window at a small screen size, and what does not fit.

    python -m bench.screens --home /tmp/demo11 --user demo --size 1024x700 --out docs/screenshots/small

Runs offscreen with the bundled font, zh_CN and the style sheet (as the program runs), opens each
area of ui.main_window.AREA_KEYS, saves `<area>.png` and prints ui.screen_fit.fit_problems.
The other screenshot scripts (bench.plan_screens, bench.bureau_screens) share its helpers:

    window = main_window(home, "demo", "1366x768")    # the real main window, logged in, shown offscreen
    wait_loaded(tab, tab.refresh, 20_000)             # start a load, wait for the widget's `loaded`
    settle(app)                                       # then let the rest of the background work land
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.screens")
    parser.add_argument("--home", required=True)
    parser.add_argument("--user", default="demo")
    parser.add_argument("--size", default="1024x700")
    parser.add_argument("--out", default="docs/screenshots/small")
    parser.add_argument("--areas", nargs="*")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from models.db import open_database
    from models.home import Home
    from ui.app import application
    from ui.main_window import AREA_KEYS
    from ui.screen_fit import fit_problems

    app = application()
    home = Home(Path(args.home))
    open_database(home)
    window = main_window(home, args.user, args.size)
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    problems = []
    for area in args.areas or AREA_KEYS:
        window.select_area(area)
        settle(app)
        window.grab().save(str(out / f"{area}.png"))
        problems += fit_problems(window, area)
    print("\n".join(problems) or "every page fits", file=sys.stderr)
    window.close()
    return 0


def main_window(home, username: str, size: str):
    """The main window over the open home, logged in as username, resized to size ("WxH") and shown."""
    from models.installation import current
    from ui.context import AppContext
    from ui.main_window import MainWindow

    window = MainWindow(AppContext(home, current(), _actor(username)))
    width, height = (int(n) for n in size.split("x"))
    window.resize(width, height)
    window.show()
    return window


def wait_loaded(widget, start, timeout_ms: int) -> None:
    """Call start() and wait until widget emits `loaded` (or timeout_ms passes)."""
    from PySide6.QtCore import QEventLoop, QTimer

    loop = QEventLoop()
    widget.loaded.connect(loop.quit)
    QTimer.singleShot(timeout_ms, loop.quit)
    start()
    loop.exec()
    widget.loaded.disconnect(loop.quit)


def _actor(username: str):
    """The account as logged in (the screenshots need no password: they read a demo home)."""
    from models.accounts import User
    from models.write import Actor

    user = User.select(User.username, User.display_name, User.role).where(User.username == username).get()
    return Actor(user.username, user.display_name, user.role)


def settle(app) -> None:
    """Let the page's background loads finish and their results arrive."""
    from ui.tasks import pool

    for _ in range(4):
        pool().waitForDone()
        for _ in range(5):
            app.processEvents()


if __name__ == "__main__":
    sys.exit(main())
