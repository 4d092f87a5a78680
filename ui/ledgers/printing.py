"""Printing a generated PDF: each page of a QPdfDocument rendered onto a QPrinter.

    printer = QPrinter(QPrinter.HighResolution)
    prepare_printer(printer, document)            # landscape for a landscape ledger, whole paper
    if QPrintDialog(printer, parent).exec():
        printed = drive_here(parent, print_pages(document, printer), label)   # None if cancelled

`print_pages` is a job like every ledgers job (a generator yielding Progress, returning the number
of pages printed); it runs on the GUI thread because a QPrinter and a QPdfDocument belong to it,
so `drive_here` drives it with a progress dialog that processes events between pages.
Pages are rendered at PRINT_DPI (or the printer's resolution, if lower) and scaled to the paper.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QRectF, QSize, Qt
from PySide6.QtGui import QPageLayout, QPainter
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication, QProgressDialog

from ledgers.progress import Job, Progress
from models.errors import DomainError

PRINT_DPI = 300


class PrintingFailed(DomainError):
    code = "printing_failed"


def prepare_printer(printer: QPrinter, document) -> None:
    """Orientation from the document's first page; the ledger PDF brings its own margins."""
    if document.pageCount():
        size = document.pagePointSize(0)
        landscape = size.width() > size.height()
        printer.setPageOrientation(QPageLayout.Orientation.Landscape if landscape
                                   else QPageLayout.Orientation.Portrait)
    printer.setFullPage(True)
    printer.setDocName(document.metaData(document.MetaDataField.Title) or "台账")


def chosen_pages(printer: QPrinter, count: int) -> list[int]:
    """0-based pages to print: all of them, or the range chosen in the print dialog."""
    if printer.printRange() == QPrinter.PrintRange.PageRange:
        ranges = printer.pageRanges()
        if not ranges.isEmpty():
            return [page for page in range(count) if ranges.contains(page + 1)]
        if printer.fromPage() > 0:
            return list(range(printer.fromPage() - 1, min(printer.toPage(), count)))
    return list(range(count))


def print_pages(document, printer: QPrinter) -> Job[int]:
    pages = chosen_pages(printer, document.pageCount())
    painter = QPainter()
    if not pages or not painter.begin(printer):
        raise PrintingFailed("无法开始打印：请检查打印机是否已连接并处于就绪状态。")
    try:
        dpi = min(PRINT_DPI, printer.resolution())
        for done, page in enumerate(pages):
            if done:
                printer.newPage()
            points = document.pagePointSize(page)
            image = document.render(page, QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72)))
            target = QRectF(printer.pageLayout().fullRectPixels(printer.resolution()))
            scale = min(target.width() / image.width(), target.height() / image.height())
            width, height = image.width() * scale, image.height() * scale
            painter.drawImage(QRectF(target.x() + (target.width() - width) / 2,
                                     target.y() + (target.height() - height) / 2, width, height), image)
            yield Progress(done + 1, len(pages), f"正在打印第 {done + 1} 页，共 {len(pages)} 页…")
    except GeneratorExit:  # cancelled: the printer drops what it has not printed yet
        printer.abort()
        raise
    finally:
        painter.end()
    return len(pages)


def drive_here(parent, job: Job, label: str):
    """Run a job on the GUI thread with a progress dialog; its result, or None if the user cancelled."""
    dialog = QProgressDialog(label, QCoreApplication.translate("run_task", "Cancel"), 0, 0, parent)
    dialog.setWindowModality(Qt.WindowModal)
    dialog.setMinimumDuration(300)
    try:
        while True:
            step = next(job)
            dialog.setMaximum(step.total)
            dialog.setValue(step.done)
            if step.text:
                dialog.setLabelText(step.text)
            QApplication.processEvents()
            if dialog.wasCanceled():
                job.close()
                return None
    except StopIteration as stop:
        return stop.value
    finally:
        dialog.reset()
        dialog.deleteLater()
