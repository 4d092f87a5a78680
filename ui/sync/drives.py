"""Choosing where a bundle goes: the USB sticks Qt sees (QStorageInfo), or any folder.

    target = DriveChooser.choose(parent)     # a folder Path, or None when the user cancelled
    usb_drives()                             # [Drive], likely USB sticks first

Qt does not say whether a volume is removable, so the order is a guess that holds on station PCs:
on Windows every drive but the system drive, on Linux volumes mounted under /media, /run/media or
/mnt (or formatted FAT/exFAT/NTFS) come first. Read-only, not-ready and system pseudo volumes are
left out; "Choose a folder…" always works.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStorageInfo, Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QLabel, QListWidget,
                               QListWidgetItem, QPushButton, QVBoxLayout)
from ui.file_dialogs import choose_folder

STICK_FILESYSTEMS = {"vfat", "fat", "fat32", "exfat", "ntfs", "fuseblk", "msdos"}
PSEUDO_FILESYSTEMS = {"tmpfs", "devtmpfs", "proc", "sysfs", "overlay", "squashfs", "ramfs", "cgroup", "cgroup2",
                      "devpts", "autofs", "efivarfs", "nsfs"}


@dataclass(frozen=True)
class Drive:
    path: Path
    name: str
    free: int
    total: int
    removable: bool  # our best guess (see the module docstring)


def size_text(size: int) -> str:
    for unit, step in (("GB", 1024 ** 3), ("MB", 1024 ** 2)):
        if size >= step:
            return f"{size / step:.1f} {unit}"
    return f"{max(size, 0) // 1024} KB"


def _looks_removable(root: str, fs: str) -> bool:
    if os.name == "nt":
        system = os.environ.get("SystemDrive", "C:").rstrip("\\/").upper()
        return not root.upper().startswith(system)
    return root.startswith(("/media/", "/run/media/", "/mnt/")) or fs.lower() in STICK_FILESYSTEMS


def usb_drives() -> list[Drive]:
    found = []
    for volume in QStorageInfo.mountedVolumes():
        fs = volume.fileSystemType().data().decode(errors="replace")
        if not (volume.isValid() and volume.isReady()) or volume.isReadOnly() or fs.lower() in PSEUDO_FILESYSTEMS:
            continue
        root = volume.rootPath()
        name = volume.displayName() or volume.name() or root
        found.append(Drive(Path(root), name, volume.bytesAvailable(), volume.bytesTotal(), _looks_removable(root, fs)))
    return sorted(found, key=lambda d: (not d.removable, str(d.path)))


class DriveChooser(QDialog):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.setWindowTitle(self.tr("Where to write the bundle"))
        self.setMinimumWidth(520)
        self.chosen: Path | None = None
        intro = QLabel(self.tr("Insert the USB stick and choose it below. The bundle is written, then read "
                               "back from the stick and checked."))
        intro.setWordWrap(True)
        self.list = QListWidget()
        self.list.setObjectName("driveList")
        self.list.itemDoubleClicked.connect(lambda _item: self._accept_drive())
        self.empty = QLabel(self.tr("No USB stick found. Insert one and press Refresh, or choose a folder."))
        self.empty.setObjectName("emptyNote")
        self.empty.setWordWrap(True)
        refresh = QPushButton(self.tr("Refresh"))
        refresh.clicked.connect(self.refresh)
        folder = QPushButton(self.tr("Choose a folder…"))
        folder.clicked.connect(self._choose_folder)
        self.buttons = QDialogButtonBox(QDialogButtonBox.Cancel)
        self.write_button = self.buttons.addButton(self.tr("Write to this drive"), QDialogButtonBox.AcceptRole)
        self.write_button.setObjectName("primaryButton")
        self.buttons.accepted.connect(self._accept_drive)
        self.buttons.rejected.connect(self.reject)
        extra = QHBoxLayout()
        extra.addWidget(refresh)
        extra.addWidget(folder)
        extra.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)
        layout.addLayout(extra)
        layout.addWidget(self.buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for drive in usb_drives():
            kind = self.tr("USB stick") if drive.removable else self.tr("Drive")
            text = self.tr("{kind}: {name} ({path}) — {free} free of {total}").format(
                kind=kind, name=drive.name, path=str(drive.path), free=size_text(drive.free),
                total=size_text(drive.total))
            item = QListWidgetItem(text)
            item.setData(Qt.UserRole, str(drive.path))
            self.list.addItem(item)
        has = self.list.count() > 0
        self.empty.setVisible(not has)
        self.write_button.setEnabled(has)
        if has:
            self.list.setCurrentRow(0)

    def _accept_drive(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.chosen = Path(item.data(Qt.UserRole))
            self.accept()

    def _choose_folder(self) -> None:
        folder = choose_folder(self, "bundle", self.tr("Choose a folder for the bundle"))
        if folder:
            self.chosen = Path(folder)
            self.accept()

    @staticmethod
    def choose(parent=None) -> Path | None:
        dialog = DriveChooser(parent)
        return dialog.chosen if dialog.exec() else None
