"""The in-app PDF preview: the pages of a generated ledger, with zoom and 第 x 页 共 y 页.

    preview = PdfPreview()
    preview.show_file(path)            # loads the PDF; raises PreviewFailed with a sentence if it cannot
    preview.document.pageCount()
    preview.clear()                    # back to the hint, the file is released (it can be deleted)

Zoom: fit to width (the default), fit the whole page, or steps of ZOOM_STEP between 25 % and 400 %.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QPointF, Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from models.errors import DomainError

ZOOM_STEP = 1.25
ZOOM_MIN, ZOOM_MAX = 0.25, 4.0
COMPACT = "QPushButton { padding: 6px 10px; min-width: 0px; }"  # the toolbar must fit beside the side panel


class PreviewFailed(DomainError):
    code = "preview_failed"


class PdfPreview(QWidget):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.document = QPdfDocument(self)
        self.view = QPdfView()
        self.view.setObjectName("ledgerPreview")
        self.view.setDocument(self.document)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setPageSpacing(12)
        self.view.setStyleSheet("QPdfView { background: #e5e9f0; border: 1px solid #dfe3ea; }")

        self.hint = QLabel(self.tr("Choose a ledger and a period, then press Generate to see it here."))
        self.hint.setObjectName("emptyNote")
        self.hint.setAlignment(Qt.AlignCenter)
        self.hint.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.hint)
        self.pages.addWidget(self.view)

        self.previous_button = self._button("‹", self.tr("Previous page"), lambda: self.go_to(self.current_page() - 1))
        self.next_button = self._button("›", self.tr("Next page"), lambda: self.go_to(self.current_page() + 1))
        self.page_label = QLabel()
        self.page_label.setObjectName("pageNumber")
        self.zoom_out_button = self._button("−", self.tr("Zoom out"), lambda: self.zoom_by(1 / ZOOM_STEP))
        self.zoom_label = QLabel()
        self.zoom_label.setMinimumWidth(44)
        self.zoom_label.setAlignment(Qt.AlignCenter)
        self.zoom_in_button = self._button("+", self.tr("Zoom in"), lambda: self.zoom_by(ZOOM_STEP))
        self.fit_width_button = QPushButton(self.tr("Fit width"))
        self.fit_width_button.clicked.connect(lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitToWidth))
        self.fit_page_button = QPushButton(self.tr("Whole page"))
        self.fit_page_button.clicked.connect(lambda: self.set_zoom_mode(QPdfView.ZoomMode.FitInView))
        for button in (self.fit_width_button, self.fit_page_button):
            button.setStyleSheet(COMPACT)

        self.toolbar = QHBoxLayout()
        self.toolbar.setContentsMargins(0, 0, 0, 0)
        for widget in (self.previous_button, self.page_label, self.next_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addSpacing(12)
        for widget in (self.zoom_out_button, self.zoom_label, self.zoom_in_button, self.fit_width_button,
                       self.fit_page_button):
            self.toolbar.addWidget(widget)
        self.toolbar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.toolbar)
        layout.addWidget(self.pages, 1)

        self.view.pageNavigator().currentPageChanged.connect(lambda _p: self._update_controls())
        self.view.zoomFactorChanged.connect(lambda _z: self._update_controls())
        self._update_controls()

    def _button(self, text: str, tip: str, action) -> QPushButton:
        button = QPushButton(text)
        button.setToolTip(tip)
        button.setStyleSheet(COMPACT)
        button.setFixedWidth(32)
        button.clicked.connect(action)
        return button

    # -- document ---------------------------------------------------------------------------------
    def show_file(self, path: Path) -> None:
        self.document.close()
        error = self.document.load(str(path))
        if error != QPdfDocument.Error.None_:
            self.clear()
            raise PreviewFailed(f"无法预览 {Path(path).name}：文件不是可读的PDF。")
        self.pages.setCurrentWidget(self.view)
        self.go_to(0)
        self._update_controls()

    def clear(self) -> None:
        self.document.close()
        self.pages.setCurrentWidget(self.hint)
        self._update_controls()

    def page_count(self) -> int:
        return self.document.pageCount() if self.document.status() == QPdfDocument.Status.Ready else 0

    def current_page(self) -> int:
        return self.view.pageNavigator().currentPage()

    def go_to(self, page: int) -> None:
        if 0 <= page < self.page_count():
            self.view.pageNavigator().jump(page, QPointF(), self.view.zoomFactor())
        self._update_controls()

    # -- zoom -------------------------------------------------------------------------------------
    def zoom_factor(self) -> float:
        return self.view.zoomFactor()

    def zoom_by(self, factor: float) -> None:
        current = self.view.zoomFactor()
        if self.view.zoomMode() != QPdfView.ZoomMode.Custom:
            current = self._effective_zoom()
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(min(max(current * factor, ZOOM_MIN), ZOOM_MAX))
        self._update_controls()

    def set_zoom_mode(self, mode) -> None:
        self.view.setZoomMode(mode)
        self._update_controls()

    def _effective_zoom(self) -> float:
        """What a fitted page is scaled to, so + and − continue from what the user sees."""
        if not self.page_count():
            return 1.0
        points = self.document.pagePointSize(max(self.current_page(), 0))
        screen_dpi = self.logicalDpiX() or 96
        width = points.width() / 72 * screen_dpi
        height = points.height() / 72 * screen_dpi
        available = self.view.viewport().size()
        margin = 2 * 12
        fit_width = (available.width() - margin) / width if width else 1.0
        if self.view.zoomMode() == QPdfView.ZoomMode.FitInView and height:
            return min(fit_width, (available.height() - margin) / height)
        return fit_width

    def _update_controls(self) -> None:
        count = self.page_count()
        page = self.current_page() + 1 if count else 0
        self.page_label.setText(self.tr("Page {page} of {count}").format(page=page, count=count))
        self.previous_button.setEnabled(count > 0 and page > 1)
        self.next_button.setEnabled(count > 0 and page < count)
        zoom = self.view.zoomFactor() if self.view.zoomMode() == QPdfView.ZoomMode.Custom else self._effective_zoom()
        self.zoom_label.setText(f"{round(zoom * 100)}%" if count else "")
        for button in (self.zoom_out_button, self.zoom_in_button, self.fit_width_button, self.fit_page_button):
            button.setEnabled(count > 0)
