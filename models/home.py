"""The data home: one folder per installation holding the database and everything beside it.

    home = Home(Path("~/vetstation").expanduser()); home.prepare()
    home.database  # …/vetstation.db

Layout: vetstation.db, attachments/, backups/, keys/, exports/, logs/.
"""
from __future__ import annotations

import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from models.engine import TARGET_FILE
from models.errors import HomeNotWritable

SUBFOLDERS = ("attachments", "backups", "keys", "exports", "logs")


@dataclass(frozen=True)
class Home:
    root: Path

    @property
    def database(self) -> Path:
        return self.root / "vetstation.db"

    def folder(self, name: str) -> Path:
        return self.root / name

    @property
    def attachments(self) -> Path:
        return self.root / "attachments"

    @property
    def backups(self) -> Path:
        return self.root / "backups"

    @property
    def logs(self) -> Path:
        return self.root / "logs"

    def exists(self) -> bool:
        """Whether the home has data: its SQLite file, or a PostgreSQL database it points at (models.engine)."""
        return self.database.exists() or (self.root / TARGET_FILE).exists()

    def prepare(self) -> None:
        """Create the folders and prove we can write there, or say clearly why not."""
        try:
            self.root.mkdir(parents=True, exist_ok=True)
            for name in SUBFOLDERS:
                (self.root / name).mkdir(exist_ok=True)
            probe = self.root / f".write-test-{uuid.uuid4().hex}"
            probe.write_bytes(b"ok")
            probe.unlink()
        except OSError as exc:
            raise HomeNotWritable(
                f"数据目录不可写：{self.root}（{exc.strerror or exc}）。请换一个目录或检查权限。",
                path=str(self.root),
            ) from None
        if self.database.exists() and not os.access(self.database, os.W_OK):
            raise HomeNotWritable(f"数据库文件只读：{self.database}。请检查文件权限。", path=str(self.database))
