"""Attachments (scans, photos) stored once by content: attachments/ab/abcdef….jpg (SHA-256).

    digest = store_attachment(home, Path("photo.jpg"))   # the same file twice is stored once
    attachment_path(home, digest)
"""
from __future__ import annotations

import hashlib
import os
from pathlib import Path

import peewee

from models.base import LocalModel
from models.errors import DomainError
from models.fields import utc_now

MAX_BYTES = 20 * 1024 * 1024
KINDS = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".pdf": "application/pdf"}


class AttachmentRejected(DomainError):
    code = "attachment_rejected"


class Attachment(LocalModel):
    sha256 = peewee.TextField(primary_key=True)
    suffix = peewee.TextField()
    size = peewee.IntegerField()
    original_name = peewee.TextField(null=True)
    stored_at = peewee.TextField()


def attachment_path(home, digest: str, suffix: str | None = None) -> Path:
    if suffix is None:
        row = Attachment.get_or_none(Attachment.sha256 == digest)
        suffix = row.suffix if row else ".bin"
    return home.attachments / digest[:2] / f"{digest}{suffix}"


def store_attachment(home, source: Path) -> str:
    suffix = source.suffix.lower()
    if suffix not in KINDS:
        raise AttachmentRejected(f"不支持的文件类型：{source.name}（可用 JPG、PNG、PDF）")
    try:
        data = source.read_bytes()
    except OSError as exc:
        raise AttachmentRejected(f"无法读取文件 {source.name}：{exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise AttachmentRejected(f"文件过大（{len(data) // 1024 // 1024} MB），单个附件不超过 20 MB")
    digest = hashlib.sha256(data).hexdigest()
    target = attachment_path(home, digest, suffix)
    if not target.exists():
        target.parent.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(target.suffix + ".part")
        with partial.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        partial.replace(target)
    Attachment.insert(sha256=digest, suffix=suffix, size=len(data), original_name=source.name,
                      stored_at=utc_now()).on_conflict_ignore().execute()
    return digest


def verify_attachments(home) -> list[str]:
    """Every listed attachment exists and still has the content its name promises."""
    problems = []
    for row in Attachment.select():
        path = attachment_path(home, row.sha256, row.suffix)
        if not path.exists():
            problems.append(f"附件缺失：{path.relative_to(home.root)}")
        elif hashlib.sha256(path.read_bytes()).hexdigest() != row.sha256:
            problems.append(f"附件内容已损坏：{path.relative_to(home.root)}")
    return problems
