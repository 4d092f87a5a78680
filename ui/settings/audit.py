"""The audit tab: who logged in, was refused, exported, printed, unmasked, exchanged, backed up or changed
an account — filtered by user, action, record (or file) and period; newest first, paged.

    section = AuditSection(ctx)
    section.filter_by(user="wangfang", action="export")     # what the filter row does
    section.model.rowCount()

Shown to the roles that may see the audit (models.permissions "see_audit"); others see one sentence.
The same lock-out and idle-lock settings the head decides live under it (models.security_settings).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, QModelIndex, Qt
from PySide6.QtWidgets import (QComboBox, QDateEdit, QFormLayout, QGroupBox, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QSpinBox, QTableView, QVBoxLayout, QWidget)

from models import audit
from models.errors import DomainError
from models.fields import local_display
from models.permissions import allowed
from models.security_settings import SECURITY_SETTINGS, get_security, set_security
from ui.paged_model import PagedTableModel
from ui.row_views import pick_rows

COLUMNS = ("at", "user", "action", "target", "detail")


class AuditTableModel(PagedTableModel):
    def __init__(self, parent=None):
        super().__init__(parent=parent)
        self.wanted = audit.AuditFilter()
        self.headers = [self.tr("Time"), self.tr("User"), self.tr("Action"), self.tr("Record or file"),
                        self.tr("Details")]

    def set_filter(self, wanted: audit.AuditFilter) -> None:
        self.wanted = wanted
        self.show_rows(audit.count(wanted), self._fetch(0, self.page_size))

    def _fetch(self, offset: int, limit: int) -> list[dict]:
        return [audit.as_json(e) for e in audit.entries(self.wanted, offset=offset, limit=limit)]

    def columnCount(self, parent=QModelIndex()) -> int:
        return len(COLUMNS)

    def headerData(self, section, orientation, role=Qt.DisplayRole):
        if orientation == Qt.Horizontal and role == Qt.DisplayRole:
            return self.headers[section]
        return None

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid() or role not in (Qt.DisplayRole, Qt.ToolTipRole):
            return None
        row, key = self.rows[index.row()], COLUMNS[index.column()]
        if key == "at":
            return local_display(row["at"])
        if key == "action":
            return audit.ACTIONS.get(row["action"], row["action"])
        if key == "detail":
            return "，".join(f"{k}：{v}" for k, v in row["detail"].items())
        return row[key] or ""


class AuditSection(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        self.may_see = allowed(ctx.actor, "see_audit")
        if not self.may_see:
            layout.addWidget(QLabel(self.tr("Only the station head and the bureau see the audit trail.")))
            layout.addStretch(1)
            return
        self.user = QLineEdit()
        self.user.setPlaceholderText(self.tr("Login name"))
        self.action = QComboBox()
        self.action.addItem(self.tr("All actions"), None)
        for code, label in audit.ACTIONS.items():
            self.action.addItem(label, code)
        self.target = QLineEdit()
        self.target.setPlaceholderText(self.tr("Record id or file name"))
        self.since = QDateEdit(QDate.currentDate().addMonths(-1))
        self.until = QDateEdit(QDate.currentDate())
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
        apply = QPushButton(self.tr("Show"))
        apply.clicked.connect(self.refresh)
        filters = QHBoxLayout()
        for widget in (self.user, self.action, self.target, QLabel(self.tr("from")), self.since, QLabel(self.tr("to")),
                       self.until, apply):
            filters.addWidget(widget)
        filters.addStretch(1)
        self.model = AuditTableModel(self)
        self.view = QTableView()
        self.view.setModel(self.model)
        pick_rows(self.view, stretch=4)
        self.count = QLabel()
        self.model.totalChanged.connect(lambda n: self.count.setText(self.tr("{count} entries").format(count=n)))
        layout.addLayout(filters)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.count)
        if allowed(ctx.actor, "manage_users"):
            layout.addWidget(self._security_box())
        self.refresh()

    def _security_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Lock-out and idle lock on this PC"))
        form = QFormLayout(box)
        self.settings: dict[str, QSpinBox] = {}
        labels = {"lockout_attempts": self.tr("Wrong passwords in a row before the account locks"),
                  "lockout_minutes": self.tr("Minutes an account stays locked"),
                  "idle_minutes": self.tr("Idle minutes before the window locks")}
        for key, label in labels.items():
            spin = QSpinBox()
            spin.setRange(1, 24 * 60)
            spin.setValue(get_security(key))
            self.settings[key] = spin
            form.addRow(label, spin)
        self.settings_message = QLabel()
        self.settings_message.setWordWrap(True)
        save = QPushButton(self.tr("Save settings"))
        save.clicked.connect(self.save_settings)
        form.addRow(self.settings_message, save)
        return box

    def save_settings(self) -> bool:
        try:
            for key in SECURITY_SETTINGS:
                value = self.settings[key].value()
                if value != get_security(key):
                    set_security(key, value, actor=self.ctx.actor)
        except DomainError as exc:
            self.settings_message.setText(exc.message)
            return False
        self.settings_message.setText(self.tr("Saved. The idle time applies from the next log-in."))
        self.refresh()
        return True

    def filter_by(self, *, user: str = "", action: str | None = None, target: str = "") -> None:
        self.user.setText(user)
        self.action.setCurrentIndex(max(0, self.action.findData(action)) if action else 0)
        self.target.setText(target)
        self.refresh()

    def refresh(self) -> None:
        if not self.may_see:
            return
        since = self.since.date().toPython()
        until = self.until.date().toPython()
        self.model.set_filter(audit.AuditFilter(user=self.user.text().strip() or None, action=self.action.currentData(),
                                                target=self.target.text().strip() or None,
                                                since=since if isinstance(since, dt.date) else None,
                                                until=until if isinstance(until, dt.date) else None))
