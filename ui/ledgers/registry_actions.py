"""The registry list's Excel buttons: 导出Excel (the list as filtered) and 导入花名册… (the import wizard).

    transfer = RegistryTransfer(ctx, lambda: model.query, parent=list_page)   # the query the list shows
    row.addWidget(transfer.export_button); row.addWidget(transfer.import_button); counts.addWidget(transfer.note)
    transfer.export_to(path)        # on the worker thread; `exported` (Path) or `export_failed` (sentence)

The export is ledgers.xlsx_export.export_people with the list's current PersonQuery — the function
`vetstation people export` runs. ID numbers are written in full only for roles that see them in full.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QWidget

from ledgers.xlsx_export import export_people
from models.permissions import allowed
from models.registry_search import PersonQuery
from ui.file_dialogs import choose_save_file
from ui.ledgers.import_wizard import RosterImportWizard
from ui.messages import show_error
from ui.reason_dialog import ask_reason
from ui.shortcuts import press
from ui.tasks import run_task


class RegistryTransfer(QObject):
    exported = Signal(object)  # Path
    export_failed = Signal(str)

    def __init__(self, ctx, query: Callable[[], PersonQuery], parent: QWidget):
        super().__init__(parent)
        self.ctx, self.query, self.widget = ctx, query, parent
        self.export_button = QPushButton(self.tr("Export to Excel…"))
        self.export_button.setObjectName("exportPeople")
        self.export_button.clicked.connect(self.choose_export_path)
        press(self.export_button, "export", owner=parent)
        self.import_button = QPushButton(self.tr("Import roster…"))
        self.import_button.setObjectName("importRoster")
        self.import_button.clicked.connect(self.open_import)
        self.note = QLabel()  # "exported to …", beside the list's count
        self.note.setObjectName("hint")
        self.wizard: RosterImportWizard | None = None

    def choose_export_path(self) -> None:
        default = f"人员名单_{dt.date.today().isoformat()}.xlsx"
        path = choose_save_file(self.widget, "excel_export", self.tr("Export to Excel"), default, "Excel (*.xlsx)")
        if not path:
            return
        reason = None
        if allowed(self.ctx.actor, "print_full_id"):  # cancelled: the numbers are exported masked
            reason = ask_reason(self.widget, self.tr("Export ID and phone numbers in full"))
        self.export_to(Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx"), reason=reason)

    def export_to(self, path: Path, *, reason: str | None = None) -> None:
        """Every person the list's filter matches (not only the rows loaded), on the worker thread;
        numbers in full only with a reason (models.privacy), masked otherwise. Audited either way."""
        query, actor = self.query(), self.ctx.actor
        self.export_button.setEnabled(False)
        run_task(self.widget, export_people(path, query, full_id=reason is not None, actor=actor, reason=reason),
                 label=self.tr("Exporting…"), on_done=self._exported, on_error=self._failed)

    def _exported(self, path) -> None:
        self.export_button.setEnabled(True)
        self.note.setText(self.tr("Exported to {path}").format(path=path))
        self.exported.emit(path)

    def _failed(self, message: str) -> None:
        self.export_button.setEnabled(True)
        show_error(self.widget, message)
        self.export_failed.emit(message)

    def open_import(self) -> RosterImportWizard:
        self.wizard = RosterImportWizard(self.ctx, self.widget)
        self.wizard.open()
        return self.wizard
