"""Asking why full ID or phone numbers are needed: a short list (models.privacy.REASONS) plus free text.

    reason = ask_reason(parent, parent.tr("Print ID numbers in full"))   # None when cancelled

The reason goes with the act into the audit trail; the domain refuses full numbers without one.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from models.privacy import REASONS


def ask_reason(parent: QWidget, what: str) -> str | None:
    text, ok = QInputDialog.getItem(
        parent, what, QCoreApplication.translate(
            "ReasonDialog", "Why are the full numbers needed? Choose or type a reason (it is recorded):"),
        list(REASONS), 0, True)
    text = " ".join((text or "").split())
    return text if ok and text else None
