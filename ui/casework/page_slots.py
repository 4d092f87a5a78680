"""Places on a CaseAreaPage where an area adds widgets of its own (used by 优待证, 困难帮扶, 矛盾纠纷).

    add_to_heading(page, button)       # beside the 新建 button, e.g. 不予发放情形…
    add_below_heading(page, row)       # a line under the title, e.g. the deadline legend and 化解在当地率
    add_to_detail(page.detail, box)    # in the detail panel, between the fields and the step trail
    facts_text(["核定金额 1,500.00 元", None, "资金来源：社会捐助"])   # '核定金额 1,500.00 元；资金来源：社会捐助'

The page and the detail panel are ui.casework's; these functions are the only places that know
where in their layouts an area's own widgets go.
"""
from __future__ import annotations

from PySide6.QtWidgets import QWidget


def add_to_heading(page, widget: QWidget) -> QWidget:
    """Put `widget` in the page's title row, just before the 新建 button."""
    heading = page.layout().itemAt(0).layout()
    heading.insertWidget(heading.indexOf(page.new_button), widget)
    return widget


def add_below_heading(page, widget: QWidget) -> QWidget:
    """Put `widget` on a line of its own under the title row (what would not fit beside the title)."""
    page.layout().insertWidget(1, widget)
    return widget


def add_to_detail(detail, widget: QWidget) -> QWidget:
    """Put `widget` in the detail panel after the record's fields (before 已办理步骤)."""
    box = detail.body.layout()
    box.insertWidget(box.indexOf(detail.events_title), widget)
    return widget


def facts_text(parts) -> str:
    """The 说明 of an event: its note and facts, empty parts left out."""
    return "；".join(p for p in parts if p)
