"""Background jobs: results come back on the GUI thread; a long job shows progress and can be cancelled."""
from __future__ import annotations

import threading

from PySide6.QtWidgets import QWidget

from ui.tasks import Progress, ProgressDialog, run_task


def test_a_plain_job_returns_its_value(qtbot):
    done = []
    run_task(None, lambda: 6 * 7, on_done=done.append)
    qtbot.waitUntil(lambda: done == [42], timeout=5000)  # a quick job may end before a waitSignal connects


def test_a_long_job_shows_its_progress_and_cancel_stops_it_at_the_next_step(qtbot):
    parent = QWidget()
    qtbot.addWidget(parent)
    may_go_on = threading.Event()
    steps = []

    def job():
        for n in range(1, 100):
            steps.append(n)
            yield Progress(n, 100, f"第 {n} 步")
            may_go_on.wait(5)
        return "finished"

    errors = []
    running = run_task(parent, job(), label="正在处理…", on_error=errors.append)
    dialog = parent.findChild(ProgressDialog)
    qtbot.waitUntil(dialog.isVisible, timeout=5000)  # it appears after a short delay
    qtbot.waitUntil(lambda: dialog.bar.maximum() == 100, timeout=5000)
    with qtbot.waitSignal(running.signals.failed, timeout=10_000):
        dialog.cancel_button.click()
        may_go_on.set()
    assert errors == ["已取消，未作任何改动。"] and len(steps) < 100


def test_a_failing_job_reports_one_sentence_not_a_traceback(qtbot):
    def broken():
        raise KeyError("internal detail")

    errors = []
    run_task(None, broken, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert "程序内部错误" in errors[0] and "KeyError" not in errors[0]
