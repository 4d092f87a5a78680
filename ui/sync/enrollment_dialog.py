"""Enrollment, both ends: the bureau issues a station's enrollment file; the station takes it.

    EnrollStationDialog(ctx, parent).exec()     # bureau: code + name + file → shows the one-time passphrase
    AdoptEnrollmentDialog(ctx, parent).exec()   # station: file + passphrase → keys and certificate added

Both call sync.enrollment (the same functions as `vetstation enroll` / `init --enrollment`) on the
worker thread: sealing and opening use scrypt and take a few seconds.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QLabel,
                               QLineEdit, QPushButton, QVBoxLayout, QWidget)

from models.installation import default_stations
from sync.enrollment import adopt_enrollment, open_enrollment, write_enrollment
from ui.file_dialogs import choose_open_file, choose_save_file
from ui.sync.jobs import run_engine


class _FileField(QWidget):
    def __init__(self, caption: str, pattern: str, *, save: bool, suggested: str = "", parent=None):
        super().__init__(parent)
        self.caption, self.pattern, self.save, self.suggested = caption, pattern, save, suggested
        self.edit = QLineEdit()
        self.edit.setMinimumWidth(320)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self.browse)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.edit, 1)
        row.addWidget(browse)

    def browse(self) -> None:
        if self.save:
            path = choose_save_file(self, "enrollment", self.caption, self.suggested, self.pattern)
        else:
            path = choose_open_file(self, "enrollment", self.caption, self.pattern)
        if path:
            self.edit.setText(path)

    def path(self) -> Path | None:
        text = self.edit.text().strip()
        return Path(text) if text else None


class _EngineDialog(QDialog):
    refused = Signal(str)  # the engine's sentence, shown in the dialog

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.message = QLabel()
        self.message.setObjectName("formError")
        self.message.setWordWrap(True)
        self.message.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Ok | QDialogButtonBox.Cancel)
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def say(self, error) -> None:
        sentence = getattr(error, "message", str(error))
        self.message.setText(sentence)
        self.message.show()
        self.buttons.setEnabled(True)
        self.refused.emit(sentence)

    def submit(self) -> None:
        raise NotImplementedError


class EnrollStationDialog(_EngineDialog):
    """Bureau: issue a station's enrollment file; the passphrase is shown once, here."""

    written = Signal(str)  # the passphrase, once the file is written

    def __init__(self, ctx, parent=None, *, code: str = "", name: str = ""):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Enroll a station"))
        self.passphrase: str | None = None
        self.combo = QComboBox()
        for station in default_stations():
            self.combo.addItem(f"{station['name']}（{station['code']}）", station)
        self.combo.addItem(self.tr("Another station (type its code and name)"), None)
        self.combo.currentIndexChanged.connect(self._chosen)
        self.code = QLineEdit(code)
        self.name = QLineEdit(name)
        self.file = _FileField(self.tr("Save the enrollment file"), "登记文件 (*.vse)", save=True)
        form = QFormLayout()
        form.addRow(self.tr("Station"), self.combo)
        form.addRow(self.tr("Station code"), self.code)
        form.addRow(self.tr("Station name"), self.name)
        form.addRow(self.tr("Enrollment file"), self.file)
        self.result_box = QLabel()
        self.result_box.setObjectName("enrollmentPassphrase")
        self.result_box.setWordWrap(True)
        self.result_box.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.result_box.hide()
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("The file carries the station's keys. It is sealed with a one-time passphrase that "
                               "is shown here once: tell it to the station in person or by phone, never on the "
                               "same USB stick."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.result_box)
        layout.addWidget(self.buttons)
        if not code:
            self._chosen(0)

    def _chosen(self, index: int) -> None:
        station = self.combo.itemData(index)
        self.code.setText(station["code"] if station else "")
        self.name.setText(station["name"] if station else "")
        if station:
            self.file.suggested = f"{station['name']}-登记文件.vse"

    def submit(self) -> None:
        if self.passphrase:  # already written: OK closes
            self.accept()
            return
        path = self.file.path()
        if path is None:
            self.say(self.tr("Choose where to save the enrollment file."))
            return
        if path.suffix.lower() != ".vse":
            path = path.with_name(path.name + ".vse")
        code, name, home = self.code.text().strip(), self.name.text().strip(), self.ctx.home
        self.message.hide()
        self.buttons.setEnabled(False)
        run_engine(self, lambda _progress: write_enrollment(home, code, name, path), on_done=self._written,
                   on_error=self.say, label=self.tr("Sealing the enrollment file…"))

    def _written(self, passphrase: str) -> None:
        self.passphrase = passphrase
        self.result_box.setText(self.tr("Enrollment file written. One-time passphrase:\n{passphrase}\n"
                                        "Give it to the station separately from the file.").format(
            passphrase=passphrase))
        self.result_box.show()
        for widget in (self.combo, self.code, self.name, self.file):
            widget.setEnabled(False)
        self.buttons.setStandardButtons(QDialogButtonBox.Close)
        self.buttons.rejected.connect(self.accept)
        self.buttons.setEnabled(True)
        self.written.emit(passphrase)


class AdoptEnrollmentDialog(_EngineDialog):
    """Station: take the enrollment file from the bureau (records and their ids are kept)."""

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.setWindowTitle(self.tr("Enroll with the bureau"))
        self.file = _FileField(self.tr("Open the enrollment file"), "登记文件 (*.vse);;所有文件 (*)", save=False)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("passphrase")
        self.passphrase.setPlaceholderText("XXXX-XXXX-XXXX-XXXX-XXXX")
        form = QFormLayout()
        form.addRow(self.tr("Enrollment file"), self.file)
        form.addRow(self.tr("Passphrase"), self.passphrase)
        intro = QLabel(self.tr("The bureau gives you an enrollment file and, separately, its passphrase. This "
                               "station keeps all its records."))
        intro.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)

    def submit(self) -> None:
        path = self.file.path()
        if path is None:
            self.say(self.tr("Choose the enrollment file."))
            return
        passphrase, home, actor = self.passphrase.text(), self.ctx.home, self.ctx.actor
        self.message.hide()
        self.buttons.setEnabled(False)
        run_engine(self, lambda _p: adopt_enrollment(home, open_enrollment(path, passphrase), actor=actor),
                   on_done=lambda _inst: self.accept(), on_error=self.say,
                   label=self.tr("Opening the enrollment file…"))
