"""A table model over a paged query: plain row dicts, fetched page by page as the view scrolls.

    class PersonTableModel(PagedTableModel):
        def _fetch(self, offset, limit): return search_people(self.query, offset=offset, limit=limit)

    model.show_rows(total, first_rows)   # after a new query; views then call fetchMore() as they scroll

Never holds more rows than the user has scrolled to; `total` is the full count (for "共 N 条").
Subclasses add columns, data() and how a query is turned into (total, first rows).
"""
from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Signal

PAGE_SIZE = 100


class PagedTableModel(QAbstractTableModel):
    totalChanged = Signal(int)

    def __init__(self, *, page_size: int = PAGE_SIZE, parent=None):
        super().__init__(parent)
        self.page_size = page_size
        self.rows: list[dict] = []
        self.total = 0

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        raise NotImplementedError

    def show_rows(self, total: int, rows: list[dict]) -> None:
        self.beginResetModel()
        self.total, self.rows = total, rows
        self.endResetModel()
        self.totalChanged.emit(total)

    def reload(self, total: int, keep: int = 0) -> None:
        """Fetch the first page again (or as many rows as `keep`, so the view does not jump)."""
        self.show_rows(total, self._fetch(0, max(self.page_size, keep)))

    def canFetchMore(self, parent=QModelIndex()) -> bool:
        return not parent.isValid() and len(self.rows) < self.total

    def fetchMore(self, parent=QModelIndex()) -> None:
        if parent.isValid():
            return
        more = self._fetch(len(self.rows), self.page_size)
        if not more:
            self.total = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def rowCount(self, parent=QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self.rows)
