"""Running a sync engine call (export, import, enrollment) on the worker thread with progress and Cancel.

    run_engine(self, lambda progress: export_bundle(home, path, progress=progress),
               label=self.tr("Writing the bundle…"), on_done=self.exported, on_error=self.failed)

The engine reports progress through a callback `progress(done, total, text)`; here that callback
forwards each step to ui.tasks' progress dialog and, once Cancel was pressed, raises JobCancelled
inside the engine — which rolls its transaction back, so a cancelled import or export changes
nothing. `on_error` receives the DomainError itself (its message is the sentence to show).
"""
from __future__ import annotations

from models.errors import DomainError
from ui.tasks import JobCancelled, Progress, run_task


def run_engine(parent, call, *, on_done, on_error, label: str | None = None):
    holder: dict = {}

    def progress(done: int, total: int, text: str = "") -> None:
        job = holder.get("job")
        if job is None:
            return
        if job.cancelled:
            raise JobCancelled()
        job.report(Progress(done, total, text))

    def work():
        try:
            return call(progress), None
        except DomainError as exc:
            return None, exc

    def finished(outcome):
        value, error = outcome
        if error is not None:
            on_error(error)
        else:
            on_done(value)

    holder["job"] = run_task(parent, work, on_done=finished, on_error=lambda text: on_error(DomainError(text)),
                             label=label)
    return holder["job"]
