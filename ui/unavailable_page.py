"""The honest page for an area that this version does not have yet: its name and one sentence.

    UnavailablePage(self.tr("Visits"))
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class UnavailablePage(QWidget):
    def __init__(self, title: str, parent=None):
        super().__init__(parent)
        self.setObjectName("unavailablePage")
        self.title = QLabel(title)
        self.title.setObjectName("pageTitle")
        self.sentence = QLabel(self.tr("This area is not available yet in this version."))
        self.sentence.setObjectName("unavailableSentence")
        self.sentence.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(36, 28, 36, 28)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.sentence)
        layout.addStretch(1)
        self.title.setAlignment(Qt.AlignLeft)
