"""Background work: one worker thread for all database writes and long jobs, results as signals.

    run_task(parent, lambda: save_person(...), on_done=self.saved, on_error=self.failed)
    run_task(parent, export_rows(path), label=self.tr("Exporting…"), on_done=...)  # a generator

A job is a plain callable, or a generator that yields Progress(done, total, text) and returns its
result. A progress dialog appears only if the job runs longer than SHOW_AFTER_MS; Cancel sets a
flag that a generator job sees at its next yield (the job then ends with JobCancelled).
DomainError messages reach on_error as they are; any other exception is logged and reported as
a generic sentence, never a traceback. After every job the worker's database connection is closed.
"""
from __future__ import annotations

import inspect
import logging
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, QTimer, Signal
from PySide6.QtWidgets import (QDialog, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout,
                               QWidget)

from shiboken6 import isValid

from models.db import db
from models.errors import DomainError

log = logging.getLogger(__name__)
SHOW_AFTER_MS = 300

_pool: QThreadPool | None = None


def pool() -> QThreadPool:
    """A pool of exactly one thread: database writes never race each other."""
    global _pool
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(1)
    return _pool


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    text: str = ""


class JobCancelled(DomainError):
    code = "cancelled"

    def __init__(self):
        super().__init__("已取消，未作任何改动。")


class _Signals(QObject):
    # Only C++-typed arguments cross the thread: a Python object queued from the worker thread was
    # released on the GUI thread in a way that crashed PySide now and then (seen in the test suite).
    progress = Signal(int, int, str)
    done = Signal()  # the result waits in _Job.result
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.result = None
        self.cancelled = False  # set by the progress dialog's Cancel; a generator job sees it at its next yield

    def report(self, step: Progress) -> None:
        self.signals.progress.emit(step.done, step.total, step.text or "")

    def run(self) -> None:
        try:
            self._run()
        finally:
            # The worker's connection must not outlive the job: peewee keeps one per thread, and
            # another home (a restore, the next test) may be opened before the next job.
            if db.database is not None and not db.is_closed():
                db.close()

    def _run(self) -> None:
        try:
            result = self.fn if inspect.isgenerator(self.fn) else self.fn()
            if inspect.isgenerator(result):
                result = self._drive(result)
        except DomainError as exc:
            self.signals.failed.emit(exc.message)
            return
        except Exception:  # a bug: log it whole, tell the user one sentence
            log.exception("background job failed")
            self.signals.failed.emit("操作未能完成，发生了程序内部错误，详情已写入日志。数据未作改动。")
            return
        self.result = result
        self.signals.done.emit()

    def _drive(self, gen):
        try:
            while True:
                step = next(gen)
                if self.cancelled:
                    gen.close()
                    raise JobCancelled()
                self.report(step)
        except StopIteration as stop:
            return stop.value


class ProgressDialog(QDialog):
    """A modal progress window that never runs a nested event loop.

    QProgressDialog.setValue() calls processEvents() on a modal dialog; a job's end arriving inside
    that nested loop deleted the dialog under its own setValue (a crash seen in the test suite).
    This one only sets a bar and a label; it appears after SHOW_AFTER_MS unless the job ended.
    """

    cancel_requested = Signal()

    def __init__(self, label: str, parent: QWidget | None):
        super().__init__(parent)
        self.setWindowTitle(QCoreApplication.translate("run_task", "Please wait"))
        self.setWindowModality(Qt.WindowModal)
        self.setMinimumWidth(380)
        self.label = QLabel(label)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setRange(0, 0)  # busy until the job says how much there is
        self.cancel_button = QPushButton(QCoreApplication.translate("run_task", "Cancel"))
        self.cancel_button.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.bar)
        layout.addLayout(buttons)
        self.finished_job = False
        QTimer.singleShot(SHOW_AFTER_MS, self._appear)

    def _appear(self) -> None:
        if not self.finished_job:
            self.show()

    def show_step(self, done: int, total: int, text: str) -> None:
        self.bar.setRange(0, max(total, 0))
        if total > 0:
            self.bar.setValue(min(done, total))
        if text:
            self.label.setText(text)

    def cancel(self) -> None:
        self.cancel_requested.emit()
        self.cancel_button.setEnabled(False)
        self.label.setText(QCoreApplication.translate("run_task", "Cancelling…"))

    def reject(self) -> None:  # Esc or the window's close button mean Cancel, not "hide and go on"
        self.cancel()

    def end(self) -> None:
        self.finished_job = True
        self.hide()
        self.deleteLater()


def run_task(parent: QWidget | None, fn, *, on_done=None, on_error=None, label: str | None = None) -> _Job:
    job = _Job(fn)
    dialog = None
    if label is not None:
        dialog = ProgressDialog(label, parent)
        dialog.cancel_requested.connect(lambda: setattr(job, "cancelled", True))
        # a plain function that checks first: the dialog dies with its parent while the job may run on
        job.signals.progress.connect(lambda done, total, text: isValid(dialog) and dialog.show_step(done, total, text))

    def finish(callback, value):
        if dialog is not None and isValid(dialog):
            dialog.end()
        if parent is not None and not isValid(parent):
            return  # the page that asked is gone (closed window, ended test): nobody to tell
        if callback is not None:
            callback(value)

    job.signals.done.connect(lambda: finish(on_done, job.result), Qt.QueuedConnection)
    job.signals.failed.connect(lambda message: finish(on_error, message), Qt.QueuedConnection)
    job.setAutoDelete(False)
    _running.add(job)
    job.signals.done.connect(lambda: _running.discard(job))
    job.signals.failed.connect(lambda _m: _running.discard(job))
    pool().start(job)
    return job


_running: set[_Job] = set()
