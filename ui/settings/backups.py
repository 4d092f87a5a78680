"""数据备份: the home's backups (when, why, how big), 立即备份, and restoring one of them.

    section = BackupsSection(ctx)
    section.backup_now()          # on the worker thread, with a progress dialog if it takes a while
    section.restore_selected()    # asks first; the current data is itself backed up before
    section.done                  # Outcome after either
    section.restored              # the database file was replaced: everything shown must be reread

Restoring replaces the database file, which needs every connection to it closed (Windows refuses
to replace an open file): the worker's connection is closed by an empty job first, then the GUI
thread closes its own, swaps the file and reopens it (models.backup.restore_database). Afterwards
a change touching every table is announced, so every page rereads what it shows.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QHBoxLayout, QLabel, QMessageBox, QPushButton, QVBoxLayout, QWidget

from models.backup import KEEP_PER_REASON, backup_database, describe_backup, held_sentence, restore_database
from models.backup_schedule import backup_if_due, backups
from models.db import db
from models.errors import DomainError
from models.installation import current
from models.write import OpChanges
from ui.messages import internal_error_sentence
from ui.registry.operations import Outcome, run_write
from ui.settings.table import RowsTable
from ui.tasks import Progress, run_task

log = logging.getLogger(__name__)


def file_size(size: int) -> str:
    if size >= 1024 * 1024:
        return f"{size / (1024 * 1024):.1f} MB"
    return f"{max(size, 1024) // 1024} KB"


def everything_changed() -> OpChanges:
    """What a restore changed: every table (each view then rereads whatever it shows)."""
    return OpChanges(updated=[(table, "") for table in db.get_tables()])


class BackupsSection(QWidget):
    done = Signal(object)  # Outcome
    restored = Signal()

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        note = QLabel(self.tr("A backup is made automatically once a day after log-in, and before every import, "
                              "restore and program upgrade. The newest {n} of each kind are kept.").format(
            n=KEEP_PER_REASON))
        note.setObjectName("hint")
        note.setWordWrap(True)
        self.table = RowsTable([self.tr("Made at"), self.tr("Why"), self.tr("Size"), self.tr("File")], stretch=3,
                               right_aligned=(2,))
        self.table.setObjectName("backupsTable")
        self.backup_button = QPushButton(self.tr("Back up now"))
        self.backup_button.setObjectName("primaryButton")
        self.restore_button = QPushButton(self.tr("Restore this backup…"))
        self.folder_button = QPushButton(self.tr("Open backup folder"))
        self.backup_button.clicked.connect(self.backup_now)
        self.restore_button.clicked.connect(self.restore_selected)
        self.folder_button.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.ctx.home.backups))))
        self.status = QLabel()
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)

        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        buttons.addWidget(self.folder_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(note)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.status)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.refresh()

    def refresh(self) -> None:
        self.entries = {str(e.path): e for e in backups(self.ctx.home)}
        rows = [(key, [e.taken_at.strftime("%Y-%m-%d %H:%M:%S") if e.taken_at else "", e.reason_label,
                       file_size(e.size), e.path.name]) for key, e in self.entries.items()]
        self.table.set_rows(rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.table.selected_key() is not None)

    # -- back up ------------------------------------------------------------------------------------
    def backup_now(self) -> None:
        home, actor, text = self.ctx.home, self.ctx.actor, self.tr("Backing up the database…")

        def job():
            yield Progress(0, 0, text)  # the only point to cancel: nothing has been written yet
            return backup_database(home, reason="manual", actor=actor)

        self.backup_button.setEnabled(False)
        run_task(self, job(), label=text, on_done=self._backed_up,
                 on_error=lambda message: self._backed_up(None, message))

    def _backed_up(self, path, message: str | None = None) -> None:
        self.backup_button.setEnabled(True)
        self.refresh()
        if path is None:
            QMessageBox.warning(self, self.tr("Backup not made"), message)
            self.done.emit(Outcome(error=DomainError(message)))
            return
        self.table.select_key(str(path))
        self.status.setText(self.tr("Backed up to {file}.").format(file=path))
        self.done.emit(Outcome(value=path))

    # -- restore ------------------------------------------------------------------------------------
    def restore_selected(self) -> None:
        entry = self.entries.get(self.table.selected_key())
        if entry is None:
            return
        self.restore_button.setEnabled(False)
        # opening an encrypted backup to say what it holds takes a moment: off the GUI thread
        run_write(self, lambda: describe_backup(self.ctx.home, entry.path),
                  on_done=lambda outcome: self._confirm_restore(entry, outcome))

    def _confirm_restore(self, entry, outcome) -> None:
        self.restore_button.setEnabled(self.table.selected_key() is not None)
        if not outcome.ok:
            QMessageBox.warning(self, self.tr("Backup not restored"), outcome.error.message)
            return
        when = entry.taken_at.strftime("%Y-%m-%d %H:%M") if entry.taken_at else entry.path.name
        answer = QMessageBox.question(
            self, self.tr("Restore backup"),
            held_sentence(outcome.value) + "\n\n" +
            self.tr("All data of this installation will be replaced by the backup of {when} ({why}). "
                    "Whatever was entered after that time will no longer be shown.\n\n"
                    "The current data is backed up first, so this step can be undone by restoring that "
                    "backup.\n\nIf data was exchanged with the bureau after {when}, tell the bureau before "
                    "the next exchange.\n\nRestore this backup now?").format(when=when, why=entry.reason_label),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        if answer != QMessageBox.Yes:
            return
        self.restore_button.setEnabled(False)
        # an empty job: run_write closes the worker's connection when it ends
        run_write(self, lambda: None, on_done=lambda _outcome: self._restore(entry))

    def _restore(self, entry) -> None:
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            safety = restore_database(self.ctx.home, entry.path, actor=self.ctx.actor)
            outcome = Outcome(value=safety)
        except DomainError as exc:
            outcome = Outcome(error=exc)
        except Exception:  # an OS or SQLite failure: the log keeps the details
            log.exception("restoring %s failed", entry.path)
            outcome = Outcome(error=DomainError(internal_error_sentence()))
        finally:
            QApplication.restoreOverrideCursor()
        self.refresh()
        if outcome.ok:
            self.ctx.installation = current() or self.ctx.installation
            self.status.setText(self.tr("Restored the backup of {when}. The data as it was just before is "
                                        "kept as {file}.").format(
                when=entry.taken_at.strftime("%Y-%m-%d %H:%M") if entry.taken_at else entry.path.name,
                file=outcome.value.name))
            self.ctx.announce(everything_changed())
            self.restored.emit()
        else:
            QMessageBox.warning(self, self.tr("Backup not restored"), outcome.error.message)
        self.done.emit(outcome)


def start_daily_backup(parent, home) -> None:
    """After log-in: the daily automatic backup on the worker thread; a failure is logged, not shown."""
    def logged(outcome: Outcome) -> None:
        if not outcome.ok:
            log.warning("daily backup failed: %s", outcome.error.message)
        elif outcome.value is not None:
            log.info("daily backup made: %s", outcome.value)

    run_write(parent, lambda: backup_if_due(home), on_done=logged)
