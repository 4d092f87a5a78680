"""The bundles this installation wrote, as it remembers them: a station seals its bundle for the
bureau and cannot open it again, so what it holds is told from the local record made at export
(models.peers.ExportedBundle), found by the SHA-256 of the sealed file.

    remember_export(path, digest, manifest, actor=actor)   # sync.export, once the file is verified
    record = own_export(Path("E:/x.vsb"))                  # ExportedBundle or None (hashes the file)
    sealed_note(record)   # why it is told from this PC's record
    describe(record)   # "本单位（…）于 2026-11-26 14:03 导出，发给…，第 3 号数据包，共 12 条修改：人员档案 5，…。"
    last_export()      # the newest record, or None

Read-only apart from remember_export, which the exporter calls after writing.
"""
from __future__ import annotations

import json
from pathlib import Path

from models.engine import insert_or_replace
from models.fields import local_display, utc_now
from models.peers import BUREAU, ExportedBundle
from sync.bundle_format import manifest_hash
from sync.table_labels import TABLE_LABELS
from sync.usb import file_sha256

UNKNOWN = ("无法查看这个数据包：它不是发给本单位的（本单位的密钥打不开），本机也没有导出过它，"
           "所以看不到其中的内容。未作任何改动。")


def remember_export(path: Path, digest: str, manifest: bytes, *, recipient_name: str, actor=None) -> ExportedBundle:
    """Record a bundle just written and verified: `digest` is the SHA-256 of the sealed file."""
    m = json.loads(manifest)
    sender = _party(m.get("sender"))
    recipient = {**_party(m.get("recipient")), "name": recipient_name}
    peer = recipient.get("station_code") if recipient.get("kind") == "station" else BUREAU
    values = {"manifest_hash": manifest_hash(manifest), "peer": peer, "sender": sender, "recipient": recipient,
              "sequence": m["sequence"], "exported_at": utc_now(), "file_name": Path(path).name,
              "exported_by": getattr(actor, "username", None), "changes": m.get("changes") or 0,
              "counts": m.get("counts") or {}, "vector_before": m.get("vector_before") or {},
              "vector_after": m.get("vector_after") or {}}
    insert_or_replace(ExportedBundle, file_sha256=digest, **values)
    return ExportedBundle.get_by_id(digest)


def _party(value) -> dict:
    value = value or {}
    return {k: value.get(k) for k in ("kind", "installation_id", "station_code", "name")}


def own_export(path: Path) -> ExportedBundle | None:
    """The record of this exact file, if this installation wrote it; None if not (or unreadable)."""
    try:
        digest = file_sha256(Path(path))
    except OSError:
        return None
    return ExportedBundle.get_or_none(ExportedBundle.file_sha256 == digest)


def last_export() -> ExportedBundle | None:
    return ExportedBundle.select().order_by(ExportedBundle.exported_at.desc()).first()


def _who(party: dict) -> str:
    name, code = party.get("name") or "", party.get("station_code") or ""
    if party.get("kind") == "bureau":
        return name or "退役军人事务局"
    return f"{name}（{code}）" if name and code else (name or code or "服务站")


def counts_text(counts: dict) -> str:
    """{table: n} → "人员档案 5，家庭成员 2", largest first."""
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "，".join(f"{TABLE_LABELS.get(table, table)} {n}" for table, n in items if n)


def describe(record: ExportedBundle) -> str:
    """One Chinese sentence: who sent it, to whom, when, how many changes of which kinds."""
    head = (f"本单位（{_who(record.sender)}）于 {local_display(record.exported_at)} 导出，"
            f"发给{_who(record.recipient)}，第 {record.sequence} 号数据包，")
    if not record.changes:
        return head + "没有修改（只带回执）。"
    return head + f"共 {record.changes} 条修改：{counts_text(record.counts)}。"


def sealed_note(record: ExportedBundle) -> str:
    """Why the facts come from this PC's record and not from the bundle itself."""
    return (f"数据包的内容已加密给{_who(record.recipient)}，本机打不开；以上取自本机导出时的记录"
            "（文件校验值与本机写出的完全一致）。")


def as_dict(record: ExportedBundle) -> dict:
    return {"file_sha256": record.file_sha256, "manifest_hash": record.manifest_hash, "peer": record.peer,
            "sender": record.sender, "recipient": record.recipient, "sequence": record.sequence,
            "exported_at": record.exported_at, "exported_by": record.exported_by, "file_name": record.file_name,
            "changes": record.changes, "counts": record.counts, "vector_before": record.vector_before,
            "vector_after": record.vector_after}
