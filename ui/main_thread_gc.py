"""Python's cyclic garbage collector, run on the GUI thread only.

    keep_gc_on_gui_thread(app)   # once, at start-up (ui.app.application does it)

The collector runs in whichever thread happens to allocate when a threshold is reached. When that
is the worker thread (ui.tasks) and the cycle holds a Qt wrapper — a closed dialog, a page a test
threw away — its QObject is destroyed off the GUI thread, and the process crashes later at some
innocent line (seen in the widget tests: a segfault while a ledger was being generated). So the
automatic collector is switched off and a timer on the GUI thread collects instead, generation by
generation, as the thresholds say.
"""
from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 1000


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject):
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.check)
        self.timer.start(INTERVAL_MS)

    def check(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return


def keep_gc_on_gui_thread(app: QObject) -> GuiThreadCollector:
    existing = app.findChild(GuiThreadCollector)
    return existing if existing is not None else GuiThreadCollector(app)
