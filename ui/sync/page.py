"""数据交换 (USB): the area of the main window where bundles go out and come in, and queues are resolved.

    page = ExchangePage(ctx); page.person_requested.connect(main_window.open_person)
    page.export_bundle()          # station: to its bureau; bureau: for the station chosen
    page.import_bundle()          # file dialog → dry-run report → 确认导入 (page.confirm_import())

Tabs: 交换 (where the exchange stands, what the last bundle written holds, export, import, the stored
import reports), 服务站 (bureau:
each station's last exchange and what it is known to hold; enrolling a station), 冲突 and 重复人员.
A report (dry run or stored) replaces the tabs until 返回. Every engine call is the one the CLI
makes (sync.export / sync.importer / sync.enrollment / sync.keys), on the worker thread with
progress and Cancel; a refusal is shown as the engine's sentence and nothing is changed.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFrame, QHBoxLayout, QLabel, QPushButton, QStackedWidget,
                               QTableWidget, QTableWidgetItem, QTabWidget, QVBoxLayout, QWidget)

from models.fields import local_display
from models.write import OpChanges
from sync.export import export_bundle
from sync.importer import import_bundle
from sync.own_bundles import describe, last_export
from sync.bureau_keys import create_bureau_keys
from sync.report import KINDS
from sync.status import exchange_status, import_history
from ui.file_dialogs import choose_open_file, choose_save_file
from ui.messages import show_error
from ui.row_views import pick_rows
from ui.sync.conflicts import ConflictQueue
from ui.sync.drives import DriveChooser
from ui.sync.duplicates import DuplicateQueue
from ui.sync.enrollment_dialog import AdoptEnrollmentDialog, EnrollStationDialog
from ui.sync.jobs import run_engine
from ui.sync.report_view import ReportView
from ui.sync.stations import StationsTable

GOOD, WARN = "#15803d", "#b45309"
CHANGED_KINDS = {"created": "created", "updated": "updated", "parallel": "updated", "conflicts": "updated"}


def report_changes(report: dict) -> OpChanges:
    """What an import changed, as the app-wide signal carries it (views refresh their tables)."""
    changes = OpChanges()
    for kind, bucket in CHANGED_KINDS.items():
        for e in report.get("entries", {}).get(kind, []):
            getattr(changes, bucket).append((e["table"], e["record_id"]))
    return changes


def _panel(title: str | None = None) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    frame.setObjectName("panel")
    layout = QVBoxLayout(frame)
    layout.setContentsMargins(18, 14, 18, 14)
    layout.setSpacing(8)
    if title:
        heading = QLabel(title)
        heading.setObjectName("panelTitle")
        layout.addWidget(heading)
    return frame, layout


class ExchangePage(QWidget):
    person_requested = Signal(str)
    exported = Signal(object)  # sync.export.ExportResult, once written and verified on the stick
    report_shown = Signal(dict)  # a dry-run or final import report is on screen
    imported = Signal(dict)  # the report of a committed import
    failed = Signal(str)  # a refusal or error sentence was shown
    said = Signal(str)  # the result line under the buttons changed (success or failure)
    refreshed = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.bureau = ctx.installation.is_bureau
        self.pending_file: Path | None = None
        self.status: dict = {}
        self._dirty = False
        self.setObjectName("exchangePage")
        title = QLabel(self.tr("Data exchange (USB)"))
        title.setObjectName("pageTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("pageSubtitle")
        heading = QHBoxLayout()
        heading.addWidget(title)
        heading.addStretch(1)
        heading.addWidget(self.subtitle)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchangeTabs")
        self.tabs.addTab(self._exchange_tab(), self.tr("Exchange"))
        if self.bureau:
            self.tabs.addTab(self._stations_tab(), self.tr("Stations"))
        self.conflicts = ConflictQueue(ctx)
        self.conflicts.person_requested.connect(self.person_requested)
        self.conflicts.resolved.connect(self.refresh)
        self.tabs.addTab(self.conflicts, "")
        self.duplicates = None
        if self.bureau:
            self.duplicates = DuplicateQueue(ctx)
            self.duplicates.person_requested.connect(self.person_requested)
            self.duplicates.resolved.connect(self.refresh)
            self.tabs.addTab(self.duplicates, "")

        self.stack = QStackedWidget()
        self.stack.addWidget(self.tabs)
        self.stack.addWidget(self._report_panel())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(12)
        layout.addLayout(heading)
        layout.addWidget(self.stack, 1)
        ctx.changed.connect(self._changed)
        self.refresh()

    # --- building -----------------------------------------------------------------------------
    def _exchange_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(12)
        status, box = _panel(self.tr("Where the exchange stands"))
        self.confirmed = QLabel()
        self.confirmed.setObjectName("confirmedUpTo")
        self.unconfirmed = QLabel()
        self.unconfirmed.setObjectName("unconfirmed")
        self.unconfirmed.setWordWrap(True)
        self.last_exchange = QLabel()
        self.last_exchange.setObjectName("hint")
        self.last_written = QLabel()  # what the last bundle written holds (a station cannot open it again)
        self.last_written.setObjectName("lastExport")
        self.last_written.setWordWrap(True)
        self.queues = QLabel()
        self.queues.setObjectName("hint")
        self.keys_note = QLabel()
        self.keys_note.setObjectName("formError")
        self.keys_note.setWordWrap(True)
        self.keys_button = QPushButton()
        self.keys_button.clicked.connect(self._set_up_keys)
        keys_row = QHBoxLayout()
        keys_row.addWidget(self.keys_note, 1)
        keys_row.addWidget(self.keys_button)
        for widget in (self.confirmed, self.unconfirmed, self.last_exchange, self.last_written, self.queues):
            box.addWidget(widget)
        box.addLayout(keys_row)

        actions, box = _panel(self.tr("Bundles"))
        row = QHBoxLayout()
        self.export_button = QPushButton(self.tr("Export a bundle to the USB stick…") if not self.bureau
                                         else self.tr("Export a bundle for the station…"))
        self.export_button.setObjectName("primaryButton")
        self.export_button.clicked.connect(lambda: self.export_bundle())
        self.import_button = QPushButton(self.tr("Import the bureau's bundle…") if not self.bureau
                                         else self.tr("Import a station's bundle…"))
        self.import_button.clicked.connect(lambda: self.import_bundle())
        self.station_combo = QComboBox()
        self.station_combo.setObjectName("exportStation")
        self.station_combo.setMinimumWidth(260)
        self.station_combo.setVisible(self.bureau)
        row.addWidget(self.station_combo)
        row.addWidget(self.export_button)
        row.addSpacing(16)
        row.addWidget(self.import_button)
        row.addStretch(1)
        box.addLayout(row)
        self.result = QLabel()
        self.result.setObjectName("exchangeResult")
        self.result.setWordWrap(True)
        self.result.hide()
        box.addWidget(self.result)

        history, box = _panel(self.tr("Imported bundles"))
        self.history = QTableWidget(0, 5)
        self.history.setObjectName("importHistory")
        self.history.setHorizontalHeaderLabels([self.tr("Imported at"), self.tr("From"), self.tr("No."),
                                                self.tr("By"), self.tr("Summary")])
        pick_rows(self.history, single=False, stretch=4)
        self.history.cellDoubleClicked.connect(lambda row, _col: self.show_stored_report(row))
        hint = QLabel(self.tr("Double-click a row to show its report again (and save or print it)."))
        hint.setObjectName("hint")
        box.addWidget(self.history, 1)
        box.addWidget(hint)

        layout.addWidget(status)
        layout.addWidget(actions)
        layout.addWidget(history, 1)
        return tab

    def _stations_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.setContentsMargins(0, 12, 0, 0)
        self.stations = StationsTable()
        export = QPushButton(self.tr("Export a bundle for the selected station…"))
        export.setObjectName("primaryButton")
        export.clicked.connect(lambda: self.export_bundle(self.stations.selected_code()))
        enroll = QPushButton(self.tr("Enroll a station…"))
        enroll.clicked.connect(self.enroll_station)
        row = QHBoxLayout()
        row.addWidget(enroll)
        row.addStretch(1)
        row.addWidget(export)
        explain = QLabel(self.tr("“Confirmed by the station” is what its last receipt says it holds; changes "
                                 "waiting to go are sent with the next bundle for it."))
        explain.setObjectName("hint")
        explain.setWordWrap(True)
        layout.addWidget(self.stations, 1)
        layout.addWidget(explain)
        layout.addLayout(row)
        return tab

    def _report_panel(self) -> QWidget:
        panel = QWidget()
        layout = QVBoxLayout(panel)
        layout.setContentsMargins(0, 0, 0, 0)
        self.back_button = QPushButton(self.tr("← Back"))
        self.back_button.clicked.connect(self.close_report)
        top = QHBoxLayout()
        top.addWidget(self.back_button)
        top.addStretch(1)
        self.report_view = ReportView(self.ctx)
        self.report_view.person_requested.connect(self.person_requested)
        self.dry_run_bar = QFrame()
        self.dry_run_bar.setObjectName("panel")
        bar = QHBoxLayout(self.dry_run_bar)
        bar.setContentsMargins(18, 10, 18, 10)
        note = QLabel(self.tr("This is a dry run: nothing has been written yet. Check the report, then confirm."))
        note.setWordWrap(True)
        self.discard_button = QPushButton(self.tr("Do not import"))
        self.discard_button.clicked.connect(self.close_report)
        self.confirm_button = QPushButton(self.tr("Confirm import"))
        self.confirm_button.setObjectName("primaryButton")
        self.confirm_button.clicked.connect(self.confirm_import)
        bar.addWidget(note, 1)
        bar.addWidget(self.discard_button)
        bar.addWidget(self.confirm_button)
        layout.addLayout(top)
        layout.addWidget(self.report_view, 1)
        layout.addWidget(self.dry_run_bar)
        return panel

    # --- state --------------------------------------------------------------------------------
    def _changed(self, _changes) -> None:
        if self.isVisible():
            self.refresh()
        else:
            self._dirty = True

    def showEvent(self, event) -> None:
        super().showEvent(event)
        if self._dirty:
            self.refresh()

    def refresh(self) -> None:
        self._dirty = False
        s = self.status = exchange_status(self.ctx.home)
        never = self.tr("never")
        if self.bureau:
            self.stations.refresh()
            self._fill_station_combo()
            received = [r for r in self.stations.rows if r["last_import_at"]]
            latest = max(received, key=lambda r: r["last_import_at"]) if received else None
            self.confirmed.setText(self.tr("Enrolled stations: {n}.").format(n=self.station_combo.count()))
            self.confirmed.setStyleSheet("font-size: 12pt; font-weight: 600;")
            self.unconfirmed.setText(self.tr("Latest bundle received: {when} from {station}.").format(
                when=local_display(latest["last_import_at"]), station=latest["name"]) if latest
                else self.tr("No station bundle has been imported yet."))
            self.last_exchange.hide()
        else:
            when = local_display(s.get("confirmed_at"))
            self.confirmed.setText(self.tr("Confirmed by the bureau up to {when}").format(when=when) if when
                                   else self.tr("The bureau has not confirmed any bundle from this station yet."))
            self.unconfirmed.setText(self.tr("{n} changes of this station are not confirmed yet; the next bundle "
                                             "carries them.").format(n=s.get("unconfirmed", 0)) if s.get("unconfirmed")
                                     else self.tr("Every change of this station is confirmed by the bureau."))
            self.confirmed.setStyleSheet(f"font-size: 12pt; font-weight: 600; color: {GOOD if when else WARN};")
            self.unconfirmed.setStyleSheet(f"color: {WARN};" if s.get("unconfirmed") else "")
            self.last_exchange.setText(self.tr("Last bundle written: {out}. Last bundle from the bureau imported: "
                                               "{into}.").format(out=local_display(s.get("last_export_at")) or never,
                                                                 into=local_display(s.get("last_import_at")) or never))
        written = last_export()
        self.last_written.setVisible(written is not None)
        if written is not None:
            self.last_written.setText(self.tr("What the last bundle holds: {summary}").format(
                summary=describe(written)))
            self.last_written.setToolTip(
                self.tr("From this computer's own record of the export: the bundle is encrypted for the bureau, "
                        "so this computer cannot open it again. File: {name}").format(name=written.file_name)
                if not self.bureau else written.file_name)
        if self.bureau:
            self.queues.setText(self.tr("Conflicts to resolve: {c}. Duplicate persons: {d}. Records held until "
                                        "their parent arrives: {h}.").format(c=s["conflicts"], d=s["duplicates"],
                                                                             h=s["held"]))
        else:
            self.queues.setText(self.tr("Conflicts to resolve: {c}. Records held until their parent arrives: {h}.")
                                .format(c=s["conflicts"], h=s["held"]))
        ready = s["keys_ready"]
        self.keys_note.setVisible(not ready)
        self.keys_button.setVisible(not ready)
        if not ready:
            if self.bureau:
                self.keys_note.setText(self.tr("The bureau's keys have not been created yet: no bundle can be "
                                               "exchanged until they are."))
                self.keys_button.setText(self.tr("Create the bureau's keys…"))
            else:
                self.keys_note.setText(self.tr("This station is not enrolled with the bureau yet: take the "
                                               "enrollment file the bureau gave you."))
                self.keys_button.setText(self.tr("Enroll with the enrollment file…"))
        self.export_button.setEnabled(ready and (not self.bureau or self.station_combo.count() > 0))
        self.import_button.setEnabled(ready)
        why = "" if ready else self.keys_note.text()
        if ready and not self.export_button.isEnabled():
            why_export = self.tr("No station is enrolled yet: add a station before exporting a bundle for it.")
        else:
            why_export = why
        self.export_button.setToolTip(why_export)  # a disabled button says on hover why it cannot act
        self.import_button.setToolTip(why)
        self.conflicts.refresh()
        self.tabs.setTabText(self.tabs.indexOf(self.conflicts), self.tr("Conflicts ({n})").format(n=s["conflicts"]))
        if self.duplicates is not None:
            self.duplicates.refresh()
            self.tabs.setTabText(self.tabs.indexOf(self.duplicates),
                                 self.tr("Duplicate persons ({n})").format(n=s["duplicates"]))
        self._fill_history()
        self.subtitle.setText(f"{self.ctx.installation.name} · {self.ctx.installation.kind_label}")
        self.refreshed.emit()

    def _fill_station_combo(self) -> None:
        chosen = self.station_combo.currentData()
        self.station_combo.clear()
        for row in self.stations.rows:
            if row["enrolled"]:
                self.station_combo.addItem(f"{row['name']}（{row['code']}）", row["code"])
        index = self.station_combo.findData(chosen)
        if index >= 0:
            self.station_combo.setCurrentIndex(index)

    def _fill_history(self) -> None:
        self.imports = import_history()
        self.history.setRowCount(len(self.imports))
        for r, b in enumerate(self.imports):
            counts = b["report"].get("counts", {})
            summary = "，".join(f"{label} {counts[k]}" for k, label in KINDS.items() if counts.get(k))
            cells = [local_display(b["imported_at"]), b["peer_name"], str(b["sequence"]), b["imported_by"],
                     summary or self.tr("no changes")]
            for c, text in enumerate(cells):
                self.history.setItem(r, c, QTableWidgetItem(text))

    def _say(self, text: str, *, ok: bool) -> None:
        self.result.setObjectName("exchangeResult" if ok else "formError")
        self.result.setProperty("ok", ok)
        self.result.setStyleSheet(f"color: {GOOD}; font-weight: 600;" if ok else "")
        self.result.style().unpolish(self.result)
        self.result.style().polish(self.result)
        self.result.setText(text)
        self.result.show()
        self.said.emit(text)

    def _failed(self, error) -> None:
        sentence = getattr(error, "message", str(error))
        self._say(sentence, ok=False)
        show_error(self, sentence)
        self.failed.emit(sentence)

    # --- export -------------------------------------------------------------------------------
    def export_bundle(self, for_station: str | None = None) -> None:
        if self.bureau:
            for_station = for_station or self.station_combo.currentData()
            if not for_station:
                self._failed(self.tr("Choose the station the bundle is for."))
                return
        target = DriveChooser.choose(self)
        if target is None:
            return
        home, actor = self.ctx.home, self.ctx.actor
        self.result.hide()
        run_engine(self, lambda progress: export_bundle(home, target, for_station=for_station, progress=progress,
                                                        actor=actor),
                   on_done=self._exported, on_error=self._failed, label=self.tr("Writing the bundle…"))

    def _exported(self, result) -> None:
        self._say(self.tr("Written and verified on the stick: {path} ({n} changes, bundle no. {seq}).").format(
            path=str(result.path), n=result.changes, seq=result.sequence), ok=True)
        self.refresh()
        self.exported.emit(result)

    # --- import -------------------------------------------------------------------------------
    def import_bundle(self, path: Path | None = None) -> None:
        if path is None:
            chosen = choose_open_file(self, "bundle", self.tr("Import a bundle"),
                                      self.tr("Bundles (*.vsb);;All files (*)"))
            if not chosen:
                return
            path = Path(chosen)
        self.pending_file = Path(path)
        home, actor = self.ctx.home, self.ctx.actor
        self.result.hide()
        run_engine(self, lambda progress: import_bundle(home, path, actor=actor, dry_run=True, progress=progress),
                   on_done=self._dry_run_done, on_error=self._failed, label=self.tr("Checking the bundle…"))

    def _dry_run_done(self, report) -> None:
        if report.already_imported:
            self._say(self.tr("This bundle was imported before; nothing changed."), ok=True)
            self.pending_file = None
            return
        self._show_report(report.to_dict(), heading=self.tr("Dry run: what this bundle would change"),
                          source=str(self.pending_file), dry_run=True)

    def confirm_import(self) -> None:
        path, home, actor = self.pending_file, self.ctx.home, self.ctx.actor
        if path is None:
            return
        self.confirm_button.setEnabled(False)
        run_engine(self, lambda progress: import_bundle(home, path, actor=actor, progress=progress),
                   on_done=self._imported, on_error=self._import_failed, label=self.tr("Importing the bundle…"))

    def _import_failed(self, error) -> None:
        self.close_report()
        self._failed(error)

    def _imported(self, report) -> None:
        self.pending_file = None
        data = report.to_dict()
        self.ctx.announce(report_changes(data))
        self.refresh()
        if report.already_imported:
            self.close_report()
            self._say(self.tr("This bundle was imported before; nothing changed."), ok=True)
            return
        self._show_report(data, heading=self.tr("Imported: this is what changed"),
                          source=self._source(self.imports[0]) if self.imports else "", dry_run=False)
        self.imported.emit(data)

    def _source(self, b: dict) -> str:
        return self.tr("Bundle no. {n} from {peer}, imported {when} by {who}").format(
            n=b["sequence"], peer=b["peer_name"], when=local_display(b["imported_at"]), who=b["imported_by"])

    def show_stored_report(self, row: int) -> None:
        b = self.imports[row]
        self._show_report(b["report"], heading=self.tr("Import report"), source=self._source(b), dry_run=False)

    def _show_report(self, report: dict, *, heading: str, source: str, dry_run: bool) -> None:
        self.report_view.show_report(report, heading=heading, source=source)
        self.dry_run_bar.setVisible(dry_run)
        self.confirm_button.setEnabled(dry_run)
        self.stack.setCurrentIndex(1)
        self.report_shown.emit(report)

    def close_report(self) -> None:
        self.pending_file = None
        self.stack.setCurrentIndex(0)

    # --- keys and enrollment ------------------------------------------------------------------
    def _set_up_keys(self) -> None:
        if not self.bureau:
            if AdoptEnrollmentDialog(self.ctx, self).exec():
                self._say(self.tr("Enrolled: this station can now exchange bundles with the bureau."), ok=True)
                self.refresh()
            return
        chosen = choose_save_file(self, "escrow_key", self.tr("Where to write the escrow key (keep it offline)"),
                                  "托管密钥.txt", "*.txt")
        if not chosen:
            return
        home = self.ctx.home
        run_engine(self, lambda _p: create_bureau_keys(home, Path(chosen)), on_error=self._failed,
                   on_done=lambda _k: (self._say(self.tr("The bureau's keys were created. The escrow key was "
                                                         "written to {path}: keep it offline (printed, or on a USB "
                                                         "stick in the safe) and delete it from this computer.")
                                                 .format(path=chosen), ok=True), self.refresh()),
                   label=self.tr("Creating the keys…"))

    def enroll_station(self) -> None:
        EnrollStationDialog(self.ctx, self).exec()
        self.refresh()
