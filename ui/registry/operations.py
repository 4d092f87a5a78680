"""Registry writes as background operations: run on the one worker thread, answer on the GUI thread.

    run_write(self, lambda: save_person(...), on_done=self.saved)

`on_done(Outcome)` always runs: `outcome.value` is what the job returned, or `outcome.error` is the
DomainError it raised (with its fields and facts, which a form needs — a plain message is not enough).
Any other exception is a bug: ui.tasks logs it, and `outcome.error` carries its one-sentence message.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.errors import DomainError
from ui.tasks import run_task


@dataclass
class Outcome:
    value: object = None
    error: DomainError | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def run_write(parent, fn, *, on_done, label: str | None = None):
    def job():
        try:
            return Outcome(value=fn())
        except DomainError as exc:
            return Outcome(error=exc)

    return run_task(parent, job, on_done=on_done, on_error=lambda message: on_done(Outcome(error=DomainError(message))),
                    label=label)
