"""台账打印: pick a ledger (or a period pack), a period and filters, generate, preview, print or save.

    page = LedgerPage(ctx)
    page.choose("roster"); page.picker.set_period(parse_period("2026Q4"))
    page.generate()                    # in the background; `generated` (Path) or `generate_failed` (sentence)
    page.preview.page_count()
    page.save_to(Path("花名册.pdf"))   # a copy of what is previewed
    page.print_to(printer)             # every page onto a QPrinter (the 打印… button asks QPrintDialog first)
    page.closing.close_button          # 关账 for a previewed period pack (ui.ledgers.closing)

The list comes from ledgers.catalog.printable_kinds(), so a ledger added to the catalog appears
here by itself. Generation is ledgers.catalog.render_ledger — the function `vetstation ledger KIND`
runs — driven by ui.tasks.run_task; the PDF is written to a temporary folder of this page.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (QCheckBox, QComboBox, QDialog, QFrame, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QScrollArea, QVBoxLayout, QWidget)

from ledgers.catalog import LEDGERS, LedgerOptions, printable_kinds, render_ledger
from ledgers.files import output_file
from ledgers.period_pack import PACKS
from models import vocab
from models.errors import DomainError
from models.installation import Station, villages
from ui.file_dialogs import choose_save_file
from ui.ledgers.closing import PeriodClosing
from ui.ledgers.pdf_preview import PdfPreview
from ui.ledgers.period_picker import PeriodPicker
from ui.ledgers.printing import drive_here, prepare_printer, print_pages
from ui.reason_dialog import ask_reason
from ui.shortcuts import press
from ui.tasks import run_task

# Which filters a ledger honours, until the catalog says so itself (a `filters` attribute wins).
DEFAULT_FILTERS = {"roster": ("village", "identity")}


def ledger_filters(kind: str) -> tuple[str, ...]:
    ledger = LEDGERS.get(kind)
    if ledger is None:
        return ()
    return tuple(getattr(ledger, "filters", DEFAULT_FILTERS.get(kind, ())))


class LedgerPage(QWidget):
    generated = Signal(object)  # Path of the PDF now previewed
    generate_failed = Signal(str)
    saved = Signal(object)  # Path written by 另存为PDF
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("ledgerPage")
        self._workdir = tempfile.TemporaryDirectory(prefix="vetstation-ledger-")
        self._serial = 0
        self.current_pdf: Path | None = None
        self.current_title = ""
        self.job = None

        title = QLabel(self.tr("Print ledgers"))
        title.setObjectName("pageTitle")
        subtitle = QLabel(self.tr("A4 landscape, with the page numbers and the sign-off block; preview before "
                                  "printing."))
        subtitle.setObjectName("pageSubtitle")

        self.kinds = QListWidget()
        self.kinds.setObjectName("ledgerKinds")
        for kind, text in printable_kinds():
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, kind)
            self.kinds.addItem(item)
        self.kinds.setStyleSheet("QListWidget::item { padding: 2px 4px; }")
        self.kinds.ensurePolished()
        self.kinds.setFixedHeight(self.kinds.sizeHintForRow(0) * self.kinds.count() + 2 * self.kinds.frameWidth() + 6)
        self.description = QLabel()
        self.description.setObjectName("hint")
        self.description.setWordWrap(True)
        self.picker = PeriodPicker()
        self.station = QComboBox()
        self.station.setObjectName("ledgerStation")
        self.village = QComboBox()
        self.village.setObjectName("ledgerVillage")
        self.identity = QComboBox()
        self.identity.setObjectName("ledgerIdentity")
        self.identity.addItem(self.tr("All categories"), None)
        for code, text in vocab.choices("identity"):
            self.identity.addItem(text, code)
        self.full_id = QCheckBox(self.tr("Print ID numbers in full"))
        self.with_remarks = QCheckBox(self.tr("Print the internal remarks (备注)"))
        self.with_remarks.setToolTip(self.tr("Unticked, the 备注 column is left empty for handwriting"))
        self.generate_button = QPushButton(self.tr("Generate"))
        self.generate_button.setObjectName("primaryButton")
        self.generate_button.clicked.connect(self.generate)
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.filters_title = self._section(self.tr("Filters"))
        self.station_label = QLabel(self.tr("Station"))
        self.village_label = QLabel(self.tr("Village"))
        self.identity_label = QLabel(self.tr("Category"))
        panel = QFrame()
        panel.setObjectName("panel")
        panel.setFixedWidth(310)
        choices = QWidget()  # scrolls when the catalog grows taller than the screen
        choices.setObjectName("ledgerChoices")
        form = QVBoxLayout(choices)
        form.setContentsMargins(0, 0, 4, 0)
        form.setSpacing(4)
        for widget in (self._section(self.tr("Ledger")), self.kinds, self.description,
                       self._section(self.tr("Period")), self.picker, self.filters_title,
                       self.station_label, self.station, self.village_label, self.village, self.identity_label,
                       self.identity, self.full_id, self.with_remarks):
            form.addWidget(widget)
        form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(choices)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        scroll.setStyleSheet("QScrollArea, QWidget#ledgerChoices { background: transparent; }")
        side = QVBoxLayout(panel)
        side.setContentsMargins(16, 14, 16, 16)
        side.setSpacing(8)
        side.addWidget(scroll, 1)
        side.addWidget(self.problem)
        side.addWidget(self.generate_button)

        self.preview = PdfPreview()
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_document)
        press(self.print_button, "print", owner=self)
        self.save_button = QPushButton(self.tr("Save as PDF…"))
        self.save_button.clicked.connect(self.choose_save_path)
        self.closing = PeriodClosing(ctx, self)  # 关账, for period packs
        self.closing.closed.connect(self._show_frozen)
        self.closing.failed.connect(self._show_problem)
        # The document's actions get a row of their own: beside page and zoom they were cut at 1024 px.
        actions = QHBoxLayout()
        actions.setContentsMargins(0, 0, 0, 0)
        actions.addStretch(1)
        for button in (self.save_button, self.print_button, self.closing.close_button):
            actions.addWidget(button)
        self.done_note = QLabel()
        self.done_note.setObjectName("hint")

        right = QVBoxLayout()
        right.setSpacing(8)
        right.addLayout(actions)
        right.addWidget(self.preview, 1)
        notes = QHBoxLayout()
        notes.addWidget(self.done_note, 1)
        notes.addWidget(self.closing.state)
        right.addLayout(notes)
        body = QHBoxLayout()
        body.setSpacing(16)
        body.addWidget(panel)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 22, 28, 22)
        layout.setSpacing(10)
        layout.addWidget(title)
        layout.addWidget(subtitle)
        layout.addLayout(body, 1)

        self.kinds.currentRowChanged.connect(lambda _row: self._kind_chosen())
        self.station.currentIndexChanged.connect(lambda _i: self._fill_villages())
        self._fill_stations()
        self._fill_villages()
        ctx.changed.connect(self._changed)
        self.kinds.setCurrentRow(0)
        self._update_actions()
        self.destroyed.connect(self._workdir.cleanup)

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        label.setObjectName("sectionTitle")
        return label

    # -- choices ----------------------------------------------------------------------------------
    def kind(self) -> str:
        item = self.kinds.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def choose(self, kind: str) -> None:
        for row in range(self.kinds.count()):
            if self.kinds.item(row).data(Qt.UserRole) == kind:
                self.kinds.setCurrentRow(row)
                return
        raise KeyError(kind)

    def _kind_chosen(self) -> None:
        kind = self.kind()
        pack = PACKS.get(kind)
        ledger = LEDGERS.get(kind)
        if pack is not None:
            self.description.setText(self.tr("Counts and charts for one {period}, e.g. {example}.").format(
                period=self.tr("month") if pack.period_kind == "month" else self.tr("quarter"),
                example=pack.example))
        else:
            self.description.setText(ledger.description if ledger else "")
        self.picker.restrict_to(pack.period_kind if pack else getattr(ledger, "period_kind", None))
        filters = ledger_filters(kind)
        for widget in (self.village_label, self.village):
            widget.setVisible("village" in filters)
        for widget in (self.identity_label, self.identity):
            widget.setVisible("identity" in filters)
        allowed = bool(ledger and ledger.full_id_allowed)
        self.full_id.setVisible(allowed)
        self.full_id.setEnabled(allowed and self.ctx.sees_full_id_numbers)
        self.full_id.setToolTip("" if self.ctx.sees_full_id_numbers else
                                self.tr("Your role prints ID numbers masked only."))
        if not self.full_id.isEnabled():
            self.full_id.setChecked(False)
        self.with_remarks.setVisible(bool(ledger and ledger.remarks))
        self.filters_title.setVisible(bool(filters) or allowed or self.ctx.installation.is_bureau)

    def _fill_stations(self) -> None:
        bureau = self.ctx.installation.is_bureau
        for widget in (self.station_label, self.station):
            widget.setVisible(bureau)
        if not bureau:
            return
        self.station.blockSignals(True)
        self.station.clear()
        self.station.addItem(self.tr("All stations"), None)
        for station in Station.live().order_by(Station.id):
            self.station.addItem(station.name, station.id)
        self.station.blockSignals(False)

    def _station_code(self) -> str | None:
        if self.ctx.installation.is_bureau:
            return self.station.currentData()
        return None

    def _fill_villages(self) -> None:
        chosen = self.village.currentData()
        station = self._station_code() or self.ctx.installation.station_code
        self.village.blockSignals(True)
        self.village.clear()
        self.village.addItem(self.tr("All villages"), None)
        for village in villages(station):
            self.village.addItem(village.name, village.id)
        self.village.setCurrentIndex(max(self.village.findData(chosen), 0) if chosen else 0)
        self.village.blockSignals(False)

    def _changed(self, changes) -> None:
        if changes.touches("village"):
            self._fill_villages()
        if changes.touches("station"):
            self._fill_stations()

    def options(self) -> LedgerOptions:
        filters = ledger_filters(self.kind())
        return LedgerOptions(full_id=not self.full_id.isHidden() and self.full_id.isChecked(),
                             with_remarks=not self.with_remarks.isHidden() and self.with_remarks.isChecked(),
                             station_code=self._station_code(),
                             village_id=self.village.currentData() if "village" in filters else None,
                             identity=self.identity.currentData() if "identity" in filters else None)

    # -- generate ---------------------------------------------------------------------------------
    def generate(self) -> None:
        """The chosen ledger, period and filters, rendered on the worker thread."""
        self._show_problem("")
        try:
            period = self.picker.period()
        except DomainError as exc:
            self._failed(exc.message)
            return
        self._render(self.kind(), period, self.options())

    def _render(self, kind: str, period, options: LedgerOptions) -> None:
        actor = self.ctx.actor
        title = dict(printable_kinds()).get(kind, kind)
        self._serial += 1
        out = Path(self._workdir.name) / f"{kind}-{self._serial}.pdf"

        reason = None
        if options.full_id:  # full numbers on paper: a reason for the audit trail, or nothing is printed
            reason = ask_reason(self, self.tr("Print ID numbers in full"))
            if reason is None:
                return
        job = render_ledger(kind, period, out, options, actor=actor, prepared_by=actor.display_name, reason=reason)
        self.generate_button.setEnabled(False)
        self.pending = (kind, title, period, options)
        self.job = run_task(self, job, label=self.tr("Generating {title}…").format(title=title),
                            on_done=self._generated, on_error=self._failed)

    def _show_frozen(self, _closed) -> None:
        """After 关账 the preview shows the stored copy (render_ledger returns it for a closed pack)."""
        kind, period, station_code = self.closing.target
        self._render(kind, period, LedgerOptions(station_code=station_code))

    def _generated(self, path) -> None:
        self.generate_button.setEnabled(True)
        previous = self.current_pdf
        try:
            self.preview.show_file(Path(path))
        except DomainError as exc:
            self._failed(exc.message)
            return
        self.current_pdf = Path(path)
        kind, title, period, options = self.pending
        self.closing.show_for(kind, period, options.station_code)
        self.current_title = f"{title}_{period.code.replace('..', '至')}"
        if previous is not None and previous != self.current_pdf:
            previous.unlink(missing_ok=True)
        self.done_note.setText(self.tr("{title}, {period}: {pages} pages.").format(
            title=title, period=period.label, pages=self.preview.page_count()))
        self._update_actions()
        self.generated.emit(self.current_pdf)

    def _failed(self, message: str) -> None:
        self.generate_button.setEnabled(True)
        self._show_problem(message)
        self.generate_failed.emit(message)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _update_actions(self) -> None:
        ready = self.current_pdf is not None and self.preview.page_count() > 0
        self.print_button.setEnabled(ready)
        self.save_button.setEnabled(ready)

    # -- save and print ---------------------------------------------------------------------------
    def choose_save_path(self) -> None:
        path = choose_save_file(self, "ledger_pdf", self.tr("Save as PDF"), f"{self.current_title}.pdf",
                                "PDF (*.pdf)")
        if path:
            self.save_to(Path(path) if path.lower().endswith(".pdf") else Path(path + ".pdf"))

    def save_to(self, path: Path) -> None:
        try:
            with output_file(path) as partial:
                shutil.copyfile(self.current_pdf, partial)
        except DomainError as exc:
            self._show_problem(exc.message)
            return
        self._show_problem("")
        self.done_note.setText(self.tr("Saved to {path}").format(path=path))
        self.saved.emit(path)

    def print_document(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, self.preview.document)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() != QDialog.Accepted:
            return
        self.print_to(printer)

    def print_to(self, printer: QPrinter) -> None:
        try:
            pages = drive_here(self, print_pages(self.preview.document, printer), self.tr("Printing…"))
        except DomainError as exc:
            self._show_problem(exc.message)
            return
        if pages is None:
            self.done_note.setText(self.tr("Printing cancelled."))
            return
        self._show_problem("")
        self.done_note.setText(self.tr("Sent {pages} pages to the printer.").format(pages=pages))
        self.printed.emit(pages)
