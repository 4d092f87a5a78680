"""What "fits on a small screen" means, checked on a live window (tests and screenshots use it).

    problems = fit_problems(window)     # [] when every visible button and label fits
    # ["registry: QPushButton '另存为PDF' is 61 px wide, needs 78", ...]

A visible button or label fits when it is at least as wide as its size hint (its text is not cut)
and lies inside the window (nothing hidden past the edge). Widgets inside a scroll area's
viewport are judged against the viewport's content, not the window: scrolling reaches them.
Labels that wrap or elide on purpose (word-wrapped labels, ones with a tooltip holding the full
text) are exempt from the width rule.
"""
from __future__ import annotations

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QLabel, QWidget

SLACK_PX = 2  # rounding of fractional font metrics


def fit_problems(window: QWidget, area: str = "") -> list[str]:
    frame = QRect(QPoint(0, 0), window.size())
    problems = []
    for widget in window.findChildren(QWidget):
        if not isinstance(widget, (QAbstractButton, QLabel)) or not widget.isVisibleTo(window):
            continue
        if _inside_scrolled_content(widget, window):
            continue
        name = f"{area}: {type(widget).__name__} {_text(widget)!r}"
        hint = widget.sizeHint().width()
        if _judged_by_width(widget) and widget.width() + SLACK_PX < hint:
            problems.append(f"{name} is {widget.width()} px wide, needs {hint}")
        place = QRect(widget.mapTo(window, QPoint(0, 0)), widget.size())
        if not frame.contains(place.adjusted(SLACK_PX, SLACK_PX, -SLACK_PX, -SLACK_PX)):
            problems.append(f"{name} at {place.getRect()} lies outside the window {frame.getRect()}")
    return problems


def _text(widget: QWidget) -> str:
    text = widget.text() if hasattr(widget, "text") else ""
    return text or widget.objectName() or widget.toolTip()


def _judged_by_width(widget: QWidget) -> bool:
    if isinstance(widget, QLabel):
        if widget.wordWrap() or not widget.text() or widget.pixmap() is not None and not widget.pixmap().isNull():
            return False
        return not widget.toolTip()  # an elided label carries its whole text as a tooltip
    return bool(_text(widget))


def _inside_scrolled_content(widget: QWidget, window: QWidget) -> bool:
    """A widget in a scroll area's content is reachable by scrolling; its clipping is not a fault."""
    parent = widget.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QAbstractScrollArea) and parent.viewport().isAncestorOf(widget):
            return True
        parent = parent.parentWidget()
    return False
