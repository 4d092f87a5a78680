"""Where the data home is: `--home DIR`, else $VETSTATION_HOME, else the per-user data folder.

    resolve_home(None)   # e.g. ~/.local/share/vetstation on Linux

Computed without Qt so headless commands stay fast and display-free:
Windows %LOCALAPPDATA%\\vetstation, macOS ~/Library/Application Support/vetstation,
Linux and others $XDG_DATA_HOME/vetstation or ~/.local/share/vetstation.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

APP_FOLDER = "vetstation"
HOME_ENV = "VETSTATION_HOME"


def default_home(*, environ=None, platform: str | None = None, user_home: Path | None = None) -> Path:
    """The platform's per-user data folder for the app."""
    environ = os.environ if environ is None else environ
    platform = platform or sys.platform
    user_home = user_home or Path.home()
    if platform.startswith("win"):
        base = environ.get("LOCALAPPDATA") or str(user_home / "AppData" / "Local")
        return Path(base) / APP_FOLDER
    if platform == "darwin":
        return user_home / "Library" / "Application Support" / APP_FOLDER
    xdg = environ.get("XDG_DATA_HOME", "")
    base = Path(xdg) if xdg and Path(xdg).is_absolute() else user_home / ".local" / "share"
    return base / APP_FOLDER


def resolve_home(option: str | os.PathLike | None, *, environ=None) -> Path:
    """The home folder to use, as an absolute path (it may not exist yet)."""
    environ = os.environ if environ is None else environ
    chosen = option or environ.get(HOME_ENV) or default_home(environ=environ)
    return Path(chosen).expanduser().absolute()
