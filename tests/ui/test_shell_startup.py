"""Starting the GUI: the full run_gui path, and homes it cannot open told in one Chinese sentence."""
from __future__ import annotations

import os
import sqlite3
import sys

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from models.accounts import create_user
from models.db import close_database, open_database
from models.home import Home
from models.installation import current, init_station
from models.write import CLI_ACTOR
from tests.conftest import STATION_CODE, STATION_NAME
from ui import app as app_module
from ui.app import run_gui
from ui.main_window import MainWindow
from ui.messages import install_excepthook


@pytest.fixture
def boxes(monkeypatch):
    """QMessageBox.critical recorded instead of shown (no modal may block a test)."""
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text, *a, **k: shown.append((title, text)))
    return shown


@pytest.fixture
def shown_windows(monkeypatch):
    windows = []
    original = MainWindow.show_maximized

    def record(self):
        windows.append(self)
        original(self)

    monkeypatch.setattr(MainWindow, "show_maximized", record)
    return windows


def seeded_station(root) -> Home:
    home = Home(root)
    open_database(home)
    init_station(STATION_CODE, STATION_NAME, actor=CLI_ACTOR)
    create_user("admin", "张站长", "admin123", "station_head", actor=CLI_ACTOR)
    close_database()
    return home


def test_run_gui_logs_in_and_shows_the_main_window_until_told_to_quit(tmp_path, dressed_app, shown_windows, boxes):
    home = seeded_station(tmp_path / "home")
    assert run_gui(home.root, quit_after_ms=50, demo_login=("admin", "admin123")) == 0
    assert len(shown_windows) == 1
    assert shown_windows[0].ctx.actor.username == "admin"
    assert shown_windows[0].windowTitle().startswith(STATION_NAME)
    assert (home.logs / "vetstation.log").read_text(encoding="utf-8").count("main window shown") == 1
    assert boxes == []


def test_run_gui_with_a_wrong_demo_password_never_opens_the_window(tmp_path, dressed_app, shown_windows, boxes):
    home = seeded_station(tmp_path / "home")
    assert run_gui(home.root, quit_after_ms=200, demo_login=("admin", "not-it")) == 0
    assert shown_windows == []


def test_first_run_on_an_empty_home_shows_setup_and_creates_nothing_when_closed(tmp_path, dressed_app,
                                                                                  shown_windows, boxes):
    home = Home(tmp_path / "fresh")
    assert run_gui(home.root, quit_after_ms=100) == 0
    assert shown_windows == []
    open_database(home)
    try:
        assert current() is None
    finally:
        close_database()


def test_a_database_from_a_newer_program_is_refused_in_chinese(tmp_path, dressed_app, boxes):
    home = Home(tmp_path / "home")
    home.root.mkdir()
    with sqlite3.connect(home.database) as conn:
        conn.execute("PRAGMA user_version = 999")
    assert run_gui(home.root, quit_after_ms=10) != 0
    [(title, text)] = boxes
    assert title == "程序无法启动"
    assert "更新版本的程序" in text and "Traceback" not in text


def test_a_home_that_cannot_be_written_is_refused_in_chinese(tmp_path, dressed_app, boxes):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the home's parent folder should be")
    assert run_gui(blocker / "home", quit_after_ms=10) != 0
    [(title, text)] = boxes
    assert text.startswith("数据目录不可写")


def test_a_read_only_database_file_is_refused_in_chinese(tmp_path, dressed_app, boxes, monkeypatch):
    home = seeded_station(tmp_path / "home")
    home.database.chmod(0o444)
    if os.access(home.database, os.W_OK):  # running as root, who may write anyway: answer as for a user
        monkeypatch.setattr("models.home.os.access", lambda path, mode: False)
    assert run_gui(home.root, quit_after_ms=10) != 0
    [(title, text)] = boxes
    assert text.startswith("数据库文件只读")


def test_a_file_that_is_not_a_database_is_refused_in_chinese(tmp_path, dressed_app, boxes):
    home = Home(tmp_path / "home")
    home.root.mkdir()
    home.database.write_bytes(b"PK\x03\x04 this is a zip, not a database")
    assert run_gui(home.root, quit_after_ms=10) != 0
    [(title, text)] = boxes
    assert "不是本程序的数据库文件" in text


def test_an_uncaught_error_is_logged_whole_and_shown_as_one_sentence(dressed_app, boxes, caplog):
    previous = install_excepthook()
    try:
        try:
            raise KeyError("internal detail")
        except KeyError:
            sys.excepthook(*sys.exc_info())
    finally:
        sys.excepthook = previous
    [(title, text)] = boxes
    assert text == "程序内部出错，详情已写入日志，数据未作任何改动。"
    assert "internal detail" in caplog.text and "Traceback" in caplog.text


def test_a_failure_while_starting_is_one_sentence_not_a_traceback(tmp_path, dressed_app, boxes, monkeypatch):
    home = seeded_station(tmp_path / "home")

    def broken(*args, **kwargs):
        raise RuntimeError("bug in the window")

    monkeypatch.setattr(app_module, "sign_in", broken)
    assert run_gui(home.root, quit_after_ms=10) == app_module.EXIT_FAILED
    assert boxes == [("出错了", "程序内部出错，详情已写入日志，数据未作任何改动。")]


def test_after_run_gui_the_application_still_runs_event_loops(qtbot, tmp_path, dressed_app, boxes):
    home = seeded_station(tmp_path / "home")
    run_gui(home.root, quit_after_ms=20, demo_login=("admin", "admin123"))
    timer = QTimer()
    timer.setSingleShot(True)
    with qtbot.waitSignal(timer.timeout, timeout=2000):
        timer.start(100)
