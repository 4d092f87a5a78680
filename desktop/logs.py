"""The program's log: home/logs/vetstation.log (rotated). Tracebacks go here, never to the user.

    setup_logging(home_root)          # once the home exists
    path = record_crash(home_root)    # inside `except`: writes the traceback, returns the file

If the home's log folder cannot be written (read-only home), the temp folder is used instead.
"""
from __future__ import annotations

import logging
import logging.handlers
import tempfile
from pathlib import Path

LOG_NAME = "vetstation.log"
_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"
_handler: logging.Handler | None = None
_path: Path | None = None


def log_file(home_root: Path) -> Path:
    return Path(home_root) / "logs" / LOG_NAME


def _attach(path: Path) -> bool:
    global _handler, _path
    if _path == path and _handler is not None:
        return True
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(path, maxBytes=2_000_000, backupCount=3,
                                                       encoding="utf-8")
    except OSError:
        return False
    handler.setFormatter(logging.Formatter(_FORMAT))
    root = logging.getLogger()
    if _handler is not None:
        root.removeHandler(_handler)
        _handler.close()
    root.addHandler(handler)
    root.setLevel(min(root.level or logging.INFO, logging.INFO))
    _handler, _path = handler, path
    return True


def setup_logging(home_root: Path) -> Path | None:
    """Log to the home's log file; None if it cannot be written (nothing else is affected)."""
    path = log_file(home_root)
    return path if _attach(path) else None


def record_crash(home_root: Path | None, message: str = "unexpected error") -> Path:
    """Write the current exception's traceback to the log; return the file it went to."""
    candidates = ([log_file(home_root)] if home_root else []) + [Path(tempfile.gettempdir()) / LOG_NAME]
    for path in candidates:
        if _attach(path):
            logging.getLogger("vetstation").exception(message)
            _handler.flush()
            return path
    return candidates[-1]
