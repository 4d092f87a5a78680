"""Every file dialog of the program: Qt's own dialog (in Chinese), opening where this purpose was used last.

    path = choose_save_file(self, "ledger_pdf", self.tr("Save as PDF"), "花名册.pdf", "PDF (*.pdf)")
    path = choose_open_file(self, "roster", self.tr("Choose the roster"), "Excel (*.xlsx)")
    paths = choose_open_files(self, "visit_photos", self.tr("Choose photos"), self.tr("Images (*.jpg)"))
    folder = choose_folder(self, "bundle_folder", self.tr("Choose a folder for the bundle"))
    start_folder("roster")        # where the next dialog for this purpose opens

Each returns "" (or []) when the user cancels, like QFileDialog. A dialog opens in the folder last
chosen for the same purpose (remembered per Windows user in QSettings), else 文档, else 桌面 — never
the program's own folder, which is Qt's default for an empty directory. The dialog is Qt's own
(DontUseNativeDialog): qtbase_zh_CN.qm (ui/i18n.py) makes it Chinese whatever language Windows runs
in, and it looks the same on every PC the help describes (docs/decisions.md, issue 11).
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, QStandardPaths
from PySide6.QtWidgets import QFileDialog, QWidget

OPTIONS = QFileDialog.Option.DontUseNativeDialog
_GROUP = "last_folders"


def _settings() -> QSettings:
    return QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "vetstation", "vetstation")


def start_folder(purpose: str) -> Path:
    """The folder last used for this purpose if it still exists, else 文档, else 桌面, else the user's home."""
    remembered = _settings().value(f"{_GROUP}/{purpose}", "")
    if remembered and Path(str(remembered)).is_dir():
        return Path(str(remembered))
    for location in (QStandardPaths.StandardLocation.DocumentsLocation,
                     QStandardPaths.StandardLocation.DesktopLocation):
        folder = QStandardPaths.writableLocation(location)
        if folder and Path(folder).is_dir():
            return Path(folder)
    return Path.home()


def remember_folder(purpose: str, folder: Path) -> None:
    settings = _settings()
    settings.setValue(f"{_GROUP}/{purpose}", str(folder))
    settings.sync()


def _chosen(purpose: str, path: str) -> str:
    if path:
        remember_folder(purpose, Path(path).parent)
    return path


def choose_open_file(parent: QWidget | None, purpose: str, caption: str, file_filter: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(parent, caption, str(start_folder(purpose)), file_filter,
                                          options=OPTIONS)
    return _chosen(purpose, path)


def choose_open_files(parent: QWidget | None, purpose: str, caption: str, file_filter: str = "") -> list[str]:
    paths, _ = QFileDialog.getOpenFileNames(parent, caption, str(start_folder(purpose)), file_filter,
                                            options=OPTIONS)
    if paths:
        remember_folder(purpose, Path(paths[0]).parent)
    return list(paths)


def choose_save_file(parent: QWidget | None, purpose: str, caption: str, suggested_name: str,
                     file_filter: str = "") -> str:
    """suggested_name is a bare file name; it is proposed inside start_folder(purpose)."""
    proposed = start_folder(purpose) / Path(suggested_name).name if suggested_name else start_folder(purpose)
    path, _ = QFileDialog.getSaveFileName(parent, caption, str(proposed), file_filter, options=OPTIONS)
    return _chosen(purpose, path)


def choose_folder(parent: QWidget | None, purpose: str, caption: str) -> str:
    folder = QFileDialog.getExistingDirectory(parent, caption, str(start_folder(purpose)),
                                              OPTIONS | QFileDialog.Option.ShowDirsOnly)
    if folder:
        remember_folder(purpose, Path(folder))
    return folder
