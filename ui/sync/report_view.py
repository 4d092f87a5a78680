"""The import report on screen: counts per kind, then every listed record with its reason and a link.

    view = ReportView(ctx); view.show_report(report.to_dict(), heading="…", source="…")
    view.person_requested.connect(main_window.open_person)     # double-click a record of a person
    view.print_report()                                        # the PDF pages through the print dialog
    report_ledger(ctx, report, source) -> (LedgerDocument, rows)  # the same report as a PDF ledger

Dry runs and stored reports (models.peers.ImportedBundle.report) are the same dict (sync.report).
"""
from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QDialog,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from models.errors import DomainError
from sync.report import KINDS
from sync.status import person_of
from sync.table_labels import TABLE_LABELS
from ui.file_dialogs import choose_save_file
from ui.messages import show_error
from ui.tasks import run_task

ATTENTION = ("conflicts", "held", "duplicates", "rejected")  # kinds someone has to look at
LINK_COLOUR = QColor("#1d4ed8")


def entry_rows(report: dict) -> list[list[str]]:
    rows = []
    for kind, label in KINDS.items():
        for e in report.get("entries", {}).get(kind, []):
            rows.append([label, TABLE_LABELS.get(e["table"], e["table"]), e.get("label") or e["record_id"],
                         e.get("reason") or ""])
    return rows


def counts_line(report: dict) -> str:
    counts = report.get("counts", {})
    return "；".join(f"{label} {counts.get(k, 0)}" for k, label in KINDS.items())


def report_ledger(unit: str, report: dict, source: str):
    """(LedgerDocument, rows): the report on the shared A4 ledger pages (ledgers.pdf_layout)."""
    from ledgers.pdf_layout import Column, LedgerDocument

    rows = [[str(i), *row] for i, row in enumerate(entry_rows(report), start=1)]
    counts = report.get("counts", {})
    notes = [f"合计：{counts_line(report)}。新收到修改 {counts.get('changes_new', 0)} 条，"
             f"已有 {counts.get('changes_known', 0)} 条。"]
    notes += list(report.get("notes") or [])
    if report.get("dry_run"):
        notes.insert(0, "这是试导入的报告：数据尚未写入。")
    doc = LedgerDocument(title="数据包导入报告", unit=unit, period_label=source,
                         columns=[Column("序号", align="CENTER"), Column("类别"), Column("内容"), Column("记录"),
                                  Column("原因", wrap=True)], notes=notes)
    return doc, rows


class ReportView(QWidget):
    person_requested = Signal(str)
    saved = Signal(str)  # the path the report was written to
    printed = Signal(int)  # pages sent to the printer

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.report: dict = {}
        self.source = ""
        self.heading = QLabel()
        self.heading.setObjectName("panelTitle")
        self.source_label = QLabel()
        self.source_label.setObjectName("hint")
        self.source_label.setWordWrap(True)
        self.numbers: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        grid.setVerticalSpacing(10)
        for i, (kind, label) in enumerate(KINDS.items()):
            card = QFrame()
            card.setObjectName("figureCard")
            value = QLabel("0")
            value.setObjectName("figureValue")
            caption = QLabel(label)
            caption.setObjectName("figureCaption")
            box = QVBoxLayout(card)
            box.setContentsMargins(14, 8, 14, 8)
            box.addWidget(caption)
            box.addWidget(value)
            self.numbers[kind] = value
            grid.addWidget(card, i // 4, i % 4)
        self.changes = QLabel()
        self.changes.setObjectName("hint")
        self.tree = QTreeWidget()
        self.tree.setObjectName("reportEntries")
        self.tree.setHeaderLabels([self.tr("Record"), self.tr("Kind of record"), self.tr("Reason")])
        self.tree.header().setSectionResizeMode(0, QHeaderView.Interactive)
        self.tree.header().setSectionResizeMode(2, QHeaderView.Stretch)
        self.tree.setColumnWidth(0, 300)
        self.tree.setColumnWidth(1, 120)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemDoubleClicked.connect(self._activated)
        hint = QLabel(self.tr("Double-click a record to open the person in the registry."))
        hint.setObjectName("hint")
        self.pdf_button = QPushButton(self.tr("Save as PDF…"))
        self.pdf_button.clicked.connect(self.save_pdf)
        self.print_button = QPushButton(self.tr("Print…"))
        self.print_button.clicked.connect(self.print_report)
        self.json_button = QPushButton(self.tr("Save as JSON…"))
        self.json_button.clicked.connect(self.save_json)
        save = QHBoxLayout()
        save.addWidget(hint, 1)
        save.addWidget(self.print_button)
        save.addWidget(self.pdf_button)
        save.addWidget(self.json_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.source_label)
        layout.addLayout(grid)
        layout.addWidget(self.changes)
        layout.addWidget(self.tree, 1)
        layout.addLayout(save)

    def show_report(self, report: dict, *, heading: str, source: str) -> None:
        self.report, self.source = report, source
        self.heading.setText(heading)
        self.source_label.setText(source)
        counts = report.get("counts", {})
        for kind, label in self.numbers.items():
            label.setText(str(counts.get(kind, 0)))
        parts = [self.tr("New changes received: {new}; already here: {known}.").format(
            new=counts.get("changes_new", 0), known=counts.get("changes_known", 0))]
        if report.get("released"):
            parts.append(self.tr("Held records now applied: {n}.").format(n=report["released"]))
        if report.get("receipts"):
            parts.append(self.tr("Receipts accepted: {n}.").format(n=report["receipts"]))
        parts += list(report.get("notes") or [])
        self.changes.setText(" ".join(parts))
        self._fill(report)

    def _fill(self, report: dict) -> None:
        self.tree.clear()
        bold = QFont()
        bold.setBold(True)
        entries = report.get("entries", {})
        counts = report.get("counts", {})
        for kind, label in KINDS.items():
            listed = entries.get(kind, [])
            total = counts.get(kind, 0)
            if not total and not listed:
                continue
            group = QTreeWidgetItem([f"{label}（{total}）", "", ""])
            group.setFont(0, bold)
            group.setData(0, Qt.UserRole, None)
            self.tree.addTopLevelItem(group)
            for e in listed:
                item = QTreeWidgetItem([e.get("label") or e["record_id"], TABLE_LABELS.get(e["table"], e["table"]),
                                        e.get("reason") or ""])
                item.setData(0, Qt.UserRole, (e["table"], e["record_id"]))
                item.setToolTip(0, e["record_id"])
                item.setForeground(0, QBrush(LINK_COLOUR))
                group.addChild(item)
            if total > len(listed):
                more = QTreeWidgetItem([self.tr("… and {n} more (not listed)").format(n=total - len(listed)), "", ""])
                group.addChild(more)
            group.setExpanded(kind in ATTENTION or len(listed) <= 20)

    def record_items(self) -> list[QTreeWidgetItem]:
        found = []
        for i in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(i)
            found += [group.child(j) for j in range(group.childCount()) if group.child(j).data(0, Qt.UserRole)]
        return found

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        key = item.data(0, Qt.UserRole)
        if not key:
            return
        person_id = person_of(*key)
        if person_id is None:
            QMessageBox.information(self, self.tr("Not here yet"),
                                    self.tr("This record is not in this computer's data (yet): a dry run "
                                            "writes nothing, and only records of persons open in the registry."))
            return
        self.person_requested.emit(person_id)

    # --- saving -------------------------------------------------------------------------------
    def save_pdf(self) -> None:
        path = choose_save_file(self, "report", self.tr("Save the report as PDF"), "导入报告.pdf", "PDF (*.pdf)")
        if path:
            self._write_pdf(Path(path), self._saved)

    def print_report(self) -> None:
        """The same A4 pages as the saved PDF, through the print dialog (ui.ledgers.printing)."""
        self._print_folder = tempfile.TemporaryDirectory()
        self._write_pdf(Path(self._print_folder.name) / "导入报告.pdf", self._print_pdf)

    def _write_pdf(self, path: Path, then) -> None:
        from ledgers.pdf_layout import write_ledger_pdf

        doc, rows = report_ledger(self.ctx.installation.name, self.report, self.source)
        doc.prepared_by = self.ctx.actor.display_name
        run_task(self, write_ledger_pdf(path, doc, rows), label=self.tr("Writing the PDF…"),
                 on_done=then, on_error=lambda message: show_error(self, message))

    def _print_pdf(self, path) -> None:
        from PySide6.QtPdf import QPdfDocument
        from PySide6.QtPrintSupport import QPrintDialog, QPrinter

        from ui.ledgers.printing import drive_here, prepare_printer, print_pages

        document = QPdfDocument(self)
        document.load(str(path))
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        prepare_printer(printer, document)
        if QPrintDialog(printer, self).exec() != QDialog.Accepted:
            return
        try:
            pages = drive_here(self, print_pages(document, printer), self.tr("Printing…"))
        except DomainError as exc:
            show_error(self, exc.message)
            return
        if pages is not None:
            self.printed.emit(pages)

    def _saved(self, path) -> None:
        QMessageBox.information(self, self.tr("Saved"), self.tr("The report was saved to {path}.").format(path=path))
        self.saved.emit(str(path))

    def save_json(self) -> None:
        import json

        path = choose_save_file(self, "report", self.tr("Save the report as JSON"), "导入报告.json",
                                "JSON (*.json)")
        if not path:
            return
        try:
            Path(path).write_text(json.dumps(self.report, ensure_ascii=False, indent=1), encoding="utf-8")
        except OSError as exc:
            show_error(self, self.tr("The report could not be saved: {why}").format(why=exc.strerror or exc))
            return
        self._saved(path)
