"""Writing a bundle to a USB stick without ever leaving a half-written `.vsb`.

    digest = write_encrypted(plain_zip, Path("E:/嘎鲁图-20261126.vsb"), recipients)

Write `name.vsb.part`, flush and fsync, rename to `name.vsb`, read it back (from the stick, not the
OS cache, where the OS allows) and compare the SHA-256 with what was written. A full stick, a removed
stick or a bad read-back is a StickError with a sentence for the person at the desk; the `.part` (or
the bad `.vsb`) is removed. A killed process leaves at most a `.part`, never a `.vsb` that is not whole.
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from models.durable_files import RecordingWriter, sync_folder
from sync.envelope import encrypt
from sync.errors import StickError

READ_CHUNK = 1024 * 1024


class _HashingWriter(RecordingWriter):
    """Hashes what reaches the file; remembers a failed write as every RecordingWriter does."""

    def __init__(self, f):
        super().__init__(f)
        self.hash = hashlib.sha256()

    def write(self, data) -> int:
        written = super().write(data)
        self.hash.update(data)
        return written


# Windows error codes (OSError.winerror) that a stick pulled out, full or write-protected gives
WIN_FULL = {39, 112}  # ERROR_HANDLE_DISK_FULL, ERROR_DISK_FULL
WIN_GONE = {21, 55, 1167, 483, 1117}  # NOT_READY, DEV_NOT_EXIST, DEVICE_NOT_CONNECTED, DEVICE_HARDWARE_ERROR, IO_DEVICE
WIN_READ_ONLY = {19}  # ERROR_WRITE_PROTECT


def _explain(exc: OSError, target: Path) -> StickError:
    win = getattr(exc, "winerror", None)
    if win in WIN_FULL or exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StickError("U盘空间不足，数据包没有写完（已删除未完成的文件）。请换一个U盘或清理空间后重试。",
                          path=str(target))
    if win in WIN_GONE or exc.errno in (errno.ENOENT, errno.EIO, getattr(errno, "ENODEV", -1),
                                        getattr(errno, "ENXIO", -1)):
        return StickError("写入时找不到U盘（可能已被拔出），数据包没有写完。请插好U盘后重试。", path=str(target))
    if win in WIN_READ_ONLY or exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return StickError(f"U盘是只读的或没有写入权限：{target.parent}。请检查U盘写保护开关。", path=str(target))
    return StickError(f"写入U盘失败：{exc.strerror or exc}。数据包没有写完，请重试。", path=str(target))


def file_sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(READ_CHUNK), b""):
            h.update(chunk)
    return h.hexdigest()


def write_encrypted(plain: Path, target: Path, recipients: list[str]) -> str:
    """Encrypt `plain` to `target` safely; return the SHA-256 of the written file."""
    target = Path(target)
    part = target.with_name(target.name + ".part")
    writer = None
    try:
        with open(part, "wb") as f:
            writer = _HashingWriter(f)
            encrypt(plain, writer, recipients)
            if writer.error is not None:  # the envelope library may swallow a failed final write
                raise writer.error
            f.flush()
            os.fsync(f.fileno())
            _drop_cached(f)
        os.replace(part, target)
        _fsync_folder(target.parent)
    except Exception as exc:  # OSError, or the envelope's wrapping of the writer's OSError
        _remove(part)
        cause = exc if isinstance(exc, OSError) else (writer.error if writer is not None else None)
        if cause is None:
            raise
        raise _explain(cause, target) from None
    expected = writer.hash.hexdigest()
    try:
        actual = file_sha256(target)
    except OSError as exc:
        _remove(target)
        raise _explain(exc, target) from None
    if actual != expected:
        _remove(target)
        raise StickError("写到U盘上的数据包读回来与写入的不一致（U盘可能有坏块），已删除。请换一个U盘重试。",
                         path=str(target))
    return expected


def _drop_cached(f) -> None:
    """Ask the OS to forget its cached copy, so the read-back reads the stick, not memory (POSIX;
    Windows has no such call in the standard library: there the read-back may come from the cache)."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        try:
            advise(f.fileno(), 0, 0, os.POSIX_FADV_DONTNEED)
        except OSError:
            pass


def _fsync_folder(folder: Path) -> None:
    """The bundle is whole once the file itself was fsynced: a folder that cannot be synced is no failure."""
    try:
        sync_folder(folder)
    except OSError:
        pass


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
