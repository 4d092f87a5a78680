"""关账 on the ledger page: freeze the previewed period pack (ledgers.period_close.close_period).

    closing = PeriodClosing(ctx, parent=page)
    closing.show_for("month_pack", period, station_code)   # after a pack was generated (None kind: hide)
    closing.close_button.click()   # asks, then closes on the worker thread → `closed` (ClosedPeriod)

Only packs close; only roles allowed "close_period" (models.permissions) may; at the bureau, only the
county-wide pack (a station closes its own). A closed pack says who closed it and when, and
render_ledger hands back the frozen copy from then on.
"""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMessageBox, QPushButton, QWidget

from ledgers.period_close import close_period, closed_pack
from ledgers.period_pack import PACKS
from models.fields import local_display
from models.periods_closed import ClosedPeriod
from models.permissions import allowed
from models.write import OpChanges
from ui.tasks import run_task


class PeriodClosing(QObject):
    closed = Signal(object)  # ClosedPeriod
    failed = Signal(str)

    def __init__(self, ctx, parent: QWidget):
        super().__init__(parent)
        self.ctx, self.widget = ctx, parent
        self.close_button = QPushButton(self.tr("Close period…"))
        self.close_button.setObjectName("closePeriod")
        self.close_button.clicked.connect(self.confirm_and_close)
        self.state = QLabel()
        self.state.setObjectName("hint")
        self.target = None  # (kind, period, station_code) of the previewed pack
        self.show_for(None, None, None)

    def show_for(self, kind: str | None, period, station_code: str | None) -> None:
        is_pack = kind in PACKS
        self.target = (kind, period, station_code) if is_pack else None
        self.close_button.setVisible(is_pack)
        self.state.setVisible(is_pack)
        if not is_pack:
            return
        found = closed_pack(kind, period, station_code)
        if found is not None:
            self.state.setText(self.tr("Closed on {when} by {who}: this is the frozen copy.").format(
                when=local_display(found.closed_at), who=found.closed_by))
            self.close_button.setEnabled(False)
            self.close_button.setToolTip("")
            return
        self.state.setText(self.tr("Not closed yet."))
        reason = ""
        if not allowed(self.ctx.actor, "close_period"):
            reason = self.tr("Only the station head or the bureau can close a period.")
        elif station_code and station_code != self.ctx.installation.station_code:
            reason = self.tr("A station closes its own pack; the bureau closes the county-wide one.")
        self.close_button.setEnabled(not reason)
        self.close_button.setToolTip(reason)

    def confirm_and_close(self) -> None:
        if self.target is None:
            return
        kind, period, station_code = self.target
        answer = QMessageBox.question(
            self.widget, self.tr("Close the period"),
            self.tr("Close {period} {title}? The pack is stored as it is now; later changes to this period "
                    "are listed as corrections in the next pack.").format(period=period.label,
                                                                        title=PACKS[kind].title))
        if answer != QMessageBox.Yes:
            return
        actor = self.ctx.actor

        self.close_button.setEnabled(False)
        run_task(self.widget, close_period(kind, period, actor=actor, station_code=station_code), label=self.tr("Closing the period…"), on_done=self._closed,
                 on_error=self._failed)

    def _closed(self, closed: ClosedPeriod) -> None:
        self.ctx.announce(OpChanges(created=[(ClosedPeriod._meta.table_name, closed.id)]))
        self.show_for(*self.target)
        self.closed.emit(closed)

    def _failed(self, message: str) -> None:
        self.show_for(*self.target)
        self.failed.emit(message)
