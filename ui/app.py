"""The GUI entry point: `vetstation` with no subcommand ends up in run_gui(home_root).

    sys.exit(run_gui(Path("~/vetstation").expanduser()))
    run_gui(home, demo_login=("admin", "admin123"))    # login dialog shown pre-filled
    run_gui(home, quit_after_ms=2000, demo_login=("admin", "admin123"))  # smoke test, start-up time

With quit_after_ms the run is unattended: the pre-filled log-in submits itself, the app quits
that many ms after the main window is shown (printing the start-up time to stderr), and a dialog
nobody can answer (setup, or a log-in without demo_login) closes after the same delay.

Order of start-up: QApplication → bundled CJK font → zh_CN translations (ours and Qt's) → style
sheet → open the home's database (a clear Chinese message and a non-zero exit if it cannot be
opened) → logging to home/logs/ → setup dialog (no installation or no account yet) or log-in →
main window, maximized.
"""
from __future__ import annotations

import logging
import logging.handlers
import sys
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QEvent, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication

from models.accounts import any_users
from models.db import close_database, open_database
from models.errors import DomainError
from models.home import Home
from models.installation import current
from models.resources import resource_path
from ui.context import AppContext
from ui.fonts import install_bundled_font
from ui.i18n import install_translations
from ui.main_thread_gc import keep_gc_on_gui_thread
from ui.messages import install_excepthook, show_error, show_startup_error

log = logging.getLogger(__name__)

EXIT_CANNOT_OPEN = 2
EXIT_FAILED = 1
LOG_FILE = "vetstation.log"


def application() -> QApplication:
    """The one QApplication, dressed: font, translations, style sheet, icon."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("vetstation")
    app.setOrganizationName("vetstation")
    app.setWindowIcon(QIcon(str(resource_path("icons", "vetstation.png"))))
    install_bundled_font(app)
    install_translations(app)
    app.setStyleSheet(style_sheet())
    keep_gc_on_gui_thread(app)  # Qt objects must never be collected on the worker thread
    return app


def style_sheet() -> str:
    sheet = resource_path("styles", "vetstation.qss").read_text(encoding="utf-8")
    return sheet.replace("@ICONS@", resource_path("icons").as_posix())


def log_to_home(home: Home) -> logging.Handler | None:
    """Append to home/logs/vetstation.log (rotated); a home we cannot log into still runs."""
    root = logging.getLogger()
    path = (home.logs / LOG_FILE).resolve()
    if any(Path(getattr(h, "baseFilename", "")) == path for h in root.handlers):
        return None  # the launcher already logs there (desktop.logs)
    try:
        home.logs.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(home.logs / LOG_FILE, maxBytes=2_000_000,
                                                       backupCount=5, encoding="utf-8")
    except OSError:
        log.warning("cannot write logs under %s", home.logs)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > logging.INFO:
        root.setLevel(logging.INFO)
    return handler


def sign_in(home: Home, demo_login: tuple[str, str] | None = None, *,
            unattended_ms: int | None = None) -> AppContext | None:
    """Setup dialog on a fresh home, else the log-in dialog; None if the user quits.

    Unattended (a smoke test): the pre-filled log-in is submitted once the dialog is up, and a
    dialog still open after `unattended_ms` is closed, so the run always ends.
    """
    from ui.login_dialog import LoginDialog
    from ui.setup_dialog import SetupDialog

    installation = current()
    if installation is None or not any_users():
        dialog = SetupDialog(installation=installation, home=home)
    else:
        username, password = demo_login or ("", "")
        dialog = LoginDialog(installation, username=username, password=password)
    if unattended_ms is not None:
        if isinstance(dialog, LoginDialog) and demo_login:
            def attempt():
                dialog.submit()
                if dialog.actor is None:  # the demo password was wrong: nobody is there to retype it
                    _after(dialog, unattended_ms, dialog.reject)

            _after(dialog, 0, attempt)
        else:
            _after(dialog, unattended_ms, dialog.reject)
    if not dialog.exec():
        return None
    return AppContext(home, current(), dialog.actor)


def _after(owner, ms: int, action) -> None:
    """Run `action` after `ms` unless `owner` is gone by then (the timer dies with it)."""
    timer = QTimer(owner)
    timer.setSingleShot(True)
    timer.timeout.connect(action)
    timer.start(ms)


def run_gui(home_root: Path, *, quit_after_ms: int | None = None,
            demo_login: tuple[str, str] | None = None) -> int:
    started = time.perf_counter()
    app = application()
    home = Home(Path(home_root))
    try:
        open_database(home)
    except DomainError as exc:  # HomeNotWritable, DatabaseTooNew, DatabaseUnreadable, failed migration
        log.error("cannot open home %s: %s", home.root, exc.message)
        show_startup_error(exc)
        return EXIT_CANNOT_OPEN
    except Exception as exc:  # an OS or SQLite failure: the log keeps the details
        log.exception("cannot open home %s", home.root)
        show_startup_error(exc)
        return EXIT_CANNOT_OPEN
    log_handler = log_to_home(home)
    previous_hook = install_excepthook()
    try:
        ctx = sign_in(home, demo_login, unattended_ms=quit_after_ms)
        if ctx is None:
            return 0
        from ui.main_window import MainWindow

        window = MainWindow(ctx)
        window.show_maximized()
        from ui.idle_lock import Sessions

        def window_for(actor):  # someone else logged in on the idle lock's cover
            other = MainWindow(AppContext(home, current(), actor))
            start_daily_backup(other, home)
            return other

        sessions = Sessions(window_for)  # noqa: F841 — lives as long as the windows (their IdleLocks)
        sessions.adopt(window)
        shown_ms = (time.perf_counter() - started) * 1000
        log.info("main window shown %.0f ms after start for %s", shown_ms, ctx.actor.username)
        from ui.settings.backups import start_daily_backup

        start_daily_backup(window, home)  # the daily automatic backup, in the background
        QTimer.singleShot(300, lambda: window.prepare_area("registry"))  # after the first paint
        if quit_after_ms is not None:
            print(f"vetstation: main window shown after {shown_ms:.0f} ms", file=sys.stderr)
            _after(window, quit_after_ms, app.quit)
        code = app.exec()
        window.close()
        # Quitting closes the windows, which can post one more Quit; drop it so it cannot end the
        # next event loop of this QApplication (tests run many in one process).
        QCoreApplication.removePostedEvents(app, QEvent.Quit)
        return code
    except Exception as exc:  # a bug while starting: one sentence on screen, the traceback in the log
        log.exception("start-up failed")
        show_error(None, exc)
        return EXIT_FAILED
    finally:
        sys.excepthook = previous_hook
        close_database()
        if log_handler is not None:
            logging.getLogger().removeHandler(log_handler)
            log_handler.close()
