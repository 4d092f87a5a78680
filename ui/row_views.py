"""How every list of rows in the program behaves: whole rows are picked, cells are not edited.

    pick_rows(self.table, stretch=0)   # + each column sized to its content, column 0 takes the rest
    self.tree.setStyleSheet(TREE_STYLE)  # the roomy, striped rows of the workbench lists, for other trees
"""
from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QHeaderView

# the roomy rows of the workbench lists, for the trees of casework and the person's timeline
TREE_STYLE = ("QTreeWidget { alternate-background-color: #f8fafc; }"
              "QTreeWidget::item { padding: 4px 2px; }")


def pick_rows(view: QAbstractItemView, *, single: bool = True, stretch: int | None = None) -> None:
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    if single:
        view.setSelectionMode(QAbstractItemView.SingleSelection)
    view.setEditTriggers(QAbstractItemView.NoEditTriggers)
    view.verticalHeader().hide()
    if stretch is not None:
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeToContents)
        header.setSectionResizeMode(stretch, QHeaderView.Stretch)
