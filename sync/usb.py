"""Writing a bundle to a USB stick without ever leaving a half-written `.vsb`.

    digest = write_encrypted(plain_zip, Path("E:/嘎鲁图-20261126.vsb"), recipients)

Write `name.vsb.part`, flush and fsync, rename to `name.vsb`, read it back and compare the SHA-256
with what was written. A full stick, a removed stick or a bad read-back is a StickError with a
sentence for the person at the desk; the `.part` (or the bad `.vsb`) is removed.
"""
from __future__ import annotations

import errno
import hashlib
import os
from pathlib import Path

from sync.envelope import encrypt
from sync.errors import StickError

READ_CHUNK = 1024 * 1024


class _HashingWriter:
    def __init__(self, f):
        self.f = f
        self.hash = hashlib.sha256()
        self.size = 0

    def write(self, data) -> int:
        self.hash.update(data)
        self.size += len(data)
        return self.f.write(data)

    def flush(self) -> None:
        self.f.flush()


def _explain(exc: OSError, target: Path) -> StickError:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return StickError(f"U盘空间不足，数据包没有写完（已删除未完成的文件）。请换一个U盘或清理空间后重试。",
                          path=str(target))
    if exc.errno in (errno.ENOENT, errno.EIO, getattr(errno, "ENODEV", -1), getattr(errno, "ENXIO", -1)):
        return StickError(f"写入时找不到U盘（可能已被拔出），数据包没有写完。请插好U盘后重试。", path=str(target))
    if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
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
    try:
        with open(part, "wb") as f:
            writer = _HashingWriter(f)
            encrypt(plain, writer, recipients)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, target)
        _fsync_folder(target.parent)
    except OSError as exc:
        _remove(part)
        raise _explain(exc, target) from None
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


def _fsync_folder(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows: os.replace is durable once the file itself was fsynced
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _remove(path: Path) -> None:
    try:
        path.unlink(missing_ok=True)
    except OSError:
        pass
