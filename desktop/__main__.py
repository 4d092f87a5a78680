"""`vetstation` / `python -m desktop`: a headless subcommand, or the GUI when none is given.

    vetstation --home D people list     # headless, never imports Qt (desktop.cli)
    vetstation --home D                 # opens the window (ui.app.run_gui)
"""
from __future__ import annotations

import os
import sys
from typing import Sequence

from desktop import cli


def main(argv: Sequence[str] | None = None) -> int:
    args, code = cli.parse(argv)
    if args is None:
        return code
    if args.command is not None:
        return cli.run(args)
    return open_gui(args)


def open_gui(args) -> int:
    """Start the GUI on the chosen home; Qt is imported only here.

    `--user NAME` pre-fills the log-in dialog (with $VETSTATION_PASSWORD if set); with the hidden
    `--quit-after MS` the run is unattended: it logs in, shows the window and quits (smoke tests).
    """
    from desktop.logs import record_crash
    from desktop.paths import resolve_home

    home_root = resolve_home(args.home)
    try:
        from ui.app import run_gui
    except ImportError as exc:
        path = record_crash(home_root if (home_root / "logs").is_dir() else None, "GUI import failed")
        print(f"无法启动图形界面：{exc}。详情见日志 {path}", file=sys.stderr)
        return 1
    login = (args.user, os.environ.get("VETSTATION_PASSWORD", "")) if args.user else None
    if login is None:
        return run_gui(home_root, quit_after_ms=args.quit_after)
    return run_gui(home_root, quit_after_ms=args.quit_after, demo_login=login)


if __name__ == "__main__":
    sys.exit(main())
