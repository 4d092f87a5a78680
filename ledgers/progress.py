"""The one progress mechanism of ledgers/: jobs are generators that yield Progress and return a result.

    def export(...):
        for i, row in enumerate(rows):
            ...
            yield Progress(i + 1, total, "正在导出…")
        return path

    path = run(export(...))                               # CLI, tests: drive it to the end
    path = run(export(...), on_progress=print)            # …and see the steps

ui.tasks.run_task drives the same generators in its worker thread (it reads .done/.total/.text).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Generator, TypeVar

T = TypeVar("T")


@dataclass(frozen=True)
class Progress:
    done: int
    total: int
    text: str = ""


Job = Generator[Progress, None, T]


def run(job: Job, on_progress: Callable[[Progress], None] | None = None) -> T:
    """Drive a generator job to its end and return what it returned."""
    try:
        while True:
            step = next(job)
            if on_progress is not None:
                on_progress(step)
    except StopIteration as stop:
        return stop.value


def within(job: Job, start: int, span: int, total: int) -> Job:
    """Re-yield a sub-job's progress as the stretch [start, start + span] of a bigger job; return its result."""
    try:
        while True:
            step = next(job)
            share = step.done / step.total if step.total else 1.0
            yield Progress(start + int(span * share), total, step.text)
    except StopIteration as stop:
        return stop.value
