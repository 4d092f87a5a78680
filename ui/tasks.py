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

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

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
    progress = Signal(object)
    done = Signal(object)
    failed = Signal(str)


class _Job(QRunnable):
    def __init__(self, fn):
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.cancelled = False

    def run(self) -> None:
        try:
            self._run()
        finally:
            # The worker's connection must not outlive the job: peewee keeps one per thread, and
            # another home (a restore, the next test) may be opened before the next job.
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
        self.signals.done.emit(result)

    def _drive(self, gen):
        try:
            while True:
                step = next(gen)
                if self.cancelled:
                    gen.close()
                    raise JobCancelled()
                self.signals.progress.emit(step)
        except StopIteration as stop:
            return stop.value


def run_task(parent: QWidget | None, fn, *, on_done=None, on_error=None, label: str | None = None) -> _Job:
    job = _Job(fn)
    dialog = None
    if label is not None:
        dialog = QProgressDialog(label, QCoreApplication.translate("run_task", "Cancel"), 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModal)
        dialog.setMinimumDuration(SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.canceled.connect(lambda: setattr(job, "cancelled", True))

        def show_progress(step: Progress) -> None:
            dialog.setMaximum(max(step.total, 0))
            dialog.setValue(step.done)
            if step.text:
                dialog.setLabelText(step.text)

        job.signals.progress.connect(show_progress)

    def finish(callback, value):
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        if callback is not None:
            callback(value)

    job.signals.done.connect(lambda value: finish(on_done, value), Qt.QueuedConnection)
    job.signals.failed.connect(lambda message: finish(on_error, message), Qt.QueuedConnection)
    job.setAutoDelete(False)
    _running.add(job)
    job.signals.done.connect(lambda _v: _running.discard(job))
    job.signals.failed.connect(lambda _m: _running.discard(job))
    pool().start(job)
    return job


_running: set[_Job] = set()
