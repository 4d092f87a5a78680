"""关于: what this installation is and where its files are — the facts a support call asks for.

    AboutSection(ctx).facts()   # [(label, value), …]: version, data home, installation, schema, logs

All values are read from the running program: the version from the installed package's metadata
(or pyproject.toml beside the source), the schema version from the open database.
"""
from __future__ import annotations

import importlib.metadata
import logging
import tomllib
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from models.db import user_version
from models.migrations import SCHEMA_VERSION
from models.installation import Station

PACKAGE = "vetstation"


def program_version() -> str | None:
    try:
        return importlib.metadata.version(PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        pass
    pyproject = Path(__file__).resolve().parents[2] / "pyproject.toml"
    try:
        return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]
    except (OSError, KeyError, tomllib.TOMLDecodeError):
        return None


def log_folder(home) -> Path:
    """Where the log is really written: the folder of the root logger's file, else home/logs."""
    for handler in logging.getLogger().handlers:
        name = getattr(handler, "baseFilename", None)
        if name:
            return Path(name).parent
    return home.logs


class AboutSection(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.form = QFormLayout()
        self.form.setSpacing(10)
        self.form.setLabelAlignment(Qt.AlignRight)
        self.values: dict[str, QLabel] = {}
        home_button = QPushButton(self.tr("Open data folder"))
        home_button.clicked.connect(lambda: self._open(self.ctx.home.root))
        logs_button = QPushButton(self.tr("Open log folder"))
        logs_button.clicked.connect(lambda: self._open(log_folder(self.ctx.home)))
        buttons = QHBoxLayout()
        buttons.addWidget(home_button)
        buttons.addWidget(logs_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 16, 0, 0)
        layout.setSpacing(16)
        layout.addLayout(self.form)
        layout.addLayout(buttons)
        layout.addStretch(1)
        self.refresh()

    def facts(self) -> list[tuple[str, str, str]]:
        """(key, label, value) of everything shown."""
        inst = self.ctx.installation
        unknown = self.tr("unknown")
        if inst.is_bureau:
            place = inst.name
        else:
            station = Station.get_or_none(Station.id == inst.station_code)
            place = f"{station.name if station else inst.name}（{inst.station_code}）"
        schema = user_version()
        schema_text = str(schema)
        if schema != SCHEMA_VERSION:
            schema_text = self.tr("{found} (this program: {supported})").format(found=schema,
                                                                              supported=SCHEMA_VERSION)
        return [
            ("version", self.tr("Program version"), program_version() or unknown),
            ("kind", self.tr("Installation"), f"{inst.name} · {inst.kind_label}"),
            ("station", self.tr("Station") if not inst.is_bureau else self.tr("Bureau"), place),
            ("installation_id", self.tr("Installation ID"), inst.id),
            ("division", self.tr("Division code"), inst.division_code),
            ("schema", self.tr("Database schema version"), schema_text),
            ("home", self.tr("Data folder"), str(self.ctx.home.root.resolve())),
            ("database", self.tr("Database file"), _database_place(self.ctx.home)),
            ("logs", self.tr("Log folder"), str(log_folder(self.ctx.home).resolve())),
        ]

    def refresh(self) -> None:
        while self.form.rowCount():
            self.form.removeRow(0)
        self.values.clear()
        for key, label, value in self.facts():
            shown = QLabel(value)
            shown.setTextInteractionFlags(Qt.TextSelectableByMouse)  # to copy into a support message
            shown.setWordWrap(True)
            self.values[key] = shown
            self.form.addRow(label, shown)

    def _open(self, folder: Path) -> None:
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))


def _database_place(home) -> str:
    """The SQLite file, or the PostgreSQL database a bureau's home points at (docs/postgres.md)."""
    from models.engine import read_target

    target = read_target(home)
    return f"PostgreSQL {target.label}" if target else str(home.database.resolve())
