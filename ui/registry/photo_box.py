"""照片: choose a JPG/PNG, store it content-addressed (models.attachments), show a thumbnail.

The editor's value is the attachment's SHA-256, saved with the person like any other field.
The national collection spec is 352×440, so the thumbnail keeps that 4:5 shape.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.attachments import attachment_path, store_attachment
from ui.file_dialogs import choose_open_file
from ui.registry.field_grid import MessageLine
from ui.registry.operations import run_write

THUMB_W, THUMB_H = 132, 165


class PhotoBox(QWidget):
    edited = Signal()
    stored = Signal(str)  # digest, after a chosen file has been stored

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.digest: str | None = None
        self.picture = QLabel()
        self.picture.setFixedSize(THUMB_W, THUMB_H)
        self.picture.setAlignment(Qt.AlignCenter)
        self.picture.setStyleSheet("border: 1px solid #c8c8c8; background: #f6f6f6; color: #8a8a8a;")
        self.choose = QPushButton(self.tr("Choose photo…"))
        self.choose.clicked.connect(self._ask_for_file)
        self.remove = QPushButton(self.tr("Remove"))
        self.remove.clicked.connect(self._remove)
        self.message = MessageLine()
        self.message.setMaximumWidth(THUMB_W + 40)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.choose)
        buttons.addWidget(self.remove)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picture, 0, Qt.AlignHCenter)
        layout.addLayout(buttons)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._show()

    # editor protocol
    def value(self):
        return self.digest

    def set_value(self, value) -> None:
        self.digest = value or None
        self.message.show_problem(None)
        self._show()

    def problem(self):
        return None

    def _show(self) -> None:
        pixmap = QPixmap(str(attachment_path(self.ctx.home, self.digest))) if self.digest else QPixmap()
        if pixmap.isNull():
            self.picture.setPixmap(QPixmap())
            self.picture.setText(self.tr("Photo missing") if self.digest else self.tr("No photo"))
        else:
            self.picture.setPixmap(pixmap.scaled(THUMB_W - 2, THUMB_H - 2, Qt.KeepAspectRatio,
                                                 Qt.SmoothTransformation))
        self.remove.setEnabled(bool(self.digest))

    def _ask_for_file(self) -> None:
        path = choose_open_file(self, "photo", self.tr("Choose a photo"),
                                self.tr("Pictures (*.jpg *.jpeg *.png)"))
        if path:
            self.use_file(Path(path))

    def use_file(self, path: Path) -> None:
        if QPixmap(str(path)).isNull():
            self.message.show_problem(self.tr("This file is not a picture that can be shown."))
            return
        self.choose.setEnabled(False)
        run_write(self, lambda: store_attachment(self.ctx.home, path), on_done=self._stored)

    def _stored(self, outcome) -> None:
        self.choose.setEnabled(True)
        if not outcome.ok:
            self.message.show_problem(outcome.error.message)
            return
        self.set_value(outcome.value)
        self.edited.emit()
        self.stored.emit(outcome.value)

    def _remove(self) -> None:
        self.set_value(None)
        self.edited.emit()
