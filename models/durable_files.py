"""Files written whole or not at all — backups and key files here, bundles and keys in sync/.

    write_secret(path, data)          # owner-only (0600): path.part, fsynced, renamed over path
    writer = RecordingWriter(f)       # pyrage.encrypt_io(reader, writer, …); then: if writer.error: raise it
    sync_folder(target.parent)        # after os.replace: the rename itself survives a power cut (POSIX)
    discard(partial)                  # cleanup after a failure: a missing file or a read-only disk is no new error

pyrage reports a failed write of the file object it is given wrapped in its own exception, without
the errno that says what happened — or, for a write at the very end, not at all (pyrage 1.4, found by
tests/sync/test_usb.py): RecordingWriter keeps the OSError so the caller can say "disk full".
"""
from __future__ import annotations

import os
from pathlib import Path


class RecordingWriter:
    """A binary file for pyrage to write to that remembers the OSError of a failed write or flush."""

    def __init__(self, f):
        self.f = f
        self.error: OSError | None = None

    def write(self, data) -> int:
        try:
            return self.f.write(data)
        except OSError as exc:
            self.error = exc
            raise

    def flush(self) -> None:
        try:
            self.f.flush()
        except OSError as exc:
            self.error = exc
            raise


def write_secret(path: Path, data: bytes) -> None:
    """Owner-only file, written whole or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(path.name + ".part")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)


def sync_folder(folder: Path) -> None:
    """Make a rename in `folder` durable (POSIX; on Windows os.replace is durable once the file was fsynced)."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def discard(path: Path) -> None:
    """Remove a temporary file while handling another failure: on a read-only disk Linux refuses even
    the removal of a file that was never written (EROFS), which must not hide the first error."""
    try:
        Path(path).unlink(missing_ok=True)
    except OSError:
        pass
