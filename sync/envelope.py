"""The age envelope around a bundle (pyrage): encrypt to the recipients' X25519 keys, decrypt with ours.

Station → bureau: the bureau's key and the escrow key. Bureau → station: the station's key, the
bureau's own key and the escrow key. The escrow key's owner can always open a bundle with the
standard tool: `age -d -i escrow.txt bundle.vsb > bundle.zip`.
"""
from __future__ import annotations

from pathlib import Path

import pyrage

from models.durable_files import RecordingWriter
from sync.errors import BundleRefused

AGE_HEADER = b"age-encryption.org/v1\n"
ENVELOPE_ALGORITHM = "age-v1/X25519/ChaCha20-Poly1305"


def encrypt(src: Path, writer, recipients: list[str]) -> None:
    """Encrypt the file at `src` into the open binary `writer`."""
    keys = [pyrage.x25519.Recipient.from_str(r) for r in recipients]
    with open(src, "rb") as reader:
        pyrage.encrypt_io(reader, writer, keys)


def decrypt(src: Path, dst: Path, identity: pyrage.x25519.Identity) -> None:
    """Decrypt `src` to `dst`, or refuse saying whether it is not a bundle, not ours, or damaged."""
    try:
        with open(src, "rb") as f:
            head = f.read(len(AGE_HEADER))
    except OSError as exc:
        raise BundleRefused("unreadable", f"无法读取文件：{exc.strerror or exc}。") from None
    if head != AGE_HEADER:
        raise BundleRefused("not_a_bundle", "这不是 vetstation 数据包文件（.vsb），未作任何改动。")
    writer = None
    try:
        with open(src, "rb") as reader, open(dst, "wb") as out:
            writer = RecordingWriter(out)
            pyrage.decrypt_io(reader, writer, [identity])
            if writer.error is not None:  # pyrage may swallow the writer's error
                raise writer.error
    except pyrage.DecryptError as exc:
        if writer is not None and writer.error is not None:
            raise _local_disk(writer.error) from None
        if "No matching keys" in str(exc):
            raise BundleRefused("not_for_us", "这个数据包不是发给本单位的（本单位的密钥打不开），"
                                              "或文件开头已损坏。未作任何改动。") from None
        raise BundleRefused("damaged", "数据包已损坏或被截断（解密校验失败），未作任何改动。"
                                       "请让对方重新导出。") from None
    except OSError as exc:
        if writer is not None and writer.error is exc:
            raise _local_disk(exc) from None
        raise BundleRefused("damaged", "数据包已损坏、被改动或不完整（解密校验失败），未作任何改动。"
                                       "请让对方重新导出。") from None


def _local_disk(exc: OSError) -> BundleRefused:
    return BundleRefused("local_disk", f"无法在本机写出解密后的数据包（{exc.strerror or exc}），"
                                       "请检查本机磁盘空间后重试。未作任何改动。")
