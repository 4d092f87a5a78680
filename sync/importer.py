"""Importing a bundle: decrypt → verify signature, certificate, recipient, hashes → check versions →
stage → (dry run: report and roll back) → commit in one transaction → receipt → clean staging.

    report = import_bundle(home, Path("E:/x.vsb"), actor=actor)             # Report (sync.report)
    report = import_bundle(home, path, actor=actor, dry_run=True)           # nothing changes
    info = inspect_bundle(home, path)                                       # sender, counts, verified?

A failure at any step raises BundleRefused with a Chinese sentence and changes nothing.
"""
from __future__ import annotations

import gc
import json
import shutil
import uuid
from contextlib import closing, contextmanager
from pathlib import Path

from models.backup import backup_database
from models.db import db
from models.engine import writer_lock
from models.fields import utc_now
from models.installation import Installation
from models.migrations import SCHEMA_VERSION
from models.origins import own_origins
from models.peers import BUREAU, ImportedBundle, get_peer, save_peer
from sync.apply import Applier
from sync.bundle_format import FORMAT_VERSION, BundleZipReader, manifest_hash
from sync.certificates import CertificateInvalid, check_certificate
from sync.envelope import decrypt
from sync.errors import BundleRefused
from sync.keys import require_keys, verify
from sync.lineage import sender_lineage
from sync.own_bundles import UNKNOWN, as_dict, describe, own_export, sealed_note
from sync.receipts import accept_receipts, issue_receipt
from sync.report import Report


BATCH = 2000  # changes applied at a time: bounds the memory an import needs, whatever the bundle's size


class _Rollback(Exception):
    pass


def staging_dir(home) -> Path:
    folder = home.folder("exports") / ".import-staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@contextmanager
def opened(home, path: Path):
    """Decrypt into staging and open the zip; always clean up."""
    keys = require_keys(home)
    folder = staging_dir(home)
    for stale in folder.glob("*.zip"):  # left by a process that was killed
        stale.unlink(missing_ok=True)
    plain = folder / f"import-{uuid.uuid4().hex}.zip"
    reader = None
    try:
        decrypt(Path(path), plain, keys.age)
        reader = BundleZipReader(plain)
        yield keys, reader
    finally:
        if reader is not None:
            reader.close()
        plain.unlink(missing_ok=True)


def verify_manifest(keys, reader: BundleZipReader) -> dict:
    """Check format, schema, signature, certificate and recipient; return facts about the sender."""
    inst = Installation.get_current()
    m = reader.manifest
    if not isinstance(m.get("format_version"), int) or m["format_version"] > FORMAT_VERSION:
        raise BundleRefused("too_new", "这个数据包由更新版本的程序导出（格式较新），本程序无法读取。请升级程序后再导入。")
    if not isinstance(m.get("schema_version"), int) or m["schema_version"] > SCHEMA_VERSION:
        raise BundleRefused("too_new", f"这个数据包的数据结构较新（版本 {m.get('schema_version')}，本程序为 "
                                       f"{SCHEMA_VERSION}）。请升级程序后再导入，未作任何改动。")
    sender = m.get("sender") or {}
    try:
        body = check_certificate(sender.get("certificate"), keys.bureau["signing_key"])
    except CertificateInvalid as exc:
        raise BundleRefused("certificate", exc.message) from None
    if not verify(body["signing_key"], reader.manifest_bytes, reader.signature):
        raise BundleRefused("tampered", "数据包的签名不对（清单被改动，或不是证书持有者签的），未作任何改动。")
    if body["kind"] != sender.get("kind") or (body["kind"] == "station"
                                              and body["station_code"] != sender.get("station_code")):
        raise BundleRefused("certificate", "数据包自称的发送单位与其证书不符，已拒绝。")
    ours = own_origins()
    if sender.get("installation_id") in ours:
        raise BundleRefused("own_bundle", "这是本单位自己导出的数据包，不用导入。")
    recipient = m.get("recipient") or {}
    if inst.is_bureau:
        if body["kind"] != "station":
            raise BundleRefused("wrong_recipient", "这个数据包来自另一个局，不是给本局的，未作任何改动。")
        if recipient.get("kind") != "bureau" or recipient.get("installation_id") not in ours:
            raise BundleRefused("wrong_recipient", "这个数据包是发给另一个局的，未作任何改动。")
        peer_code = body["station_code"]
    else:
        if body["kind"] != "bureau":
            raise BundleRefused("wrong_recipient", "服务站之间不直接交换数据包：这个数据包是另一服务站发给局里的。")
        if recipient.get("kind") != "station" or recipient.get("station_code") != inst.station_code:
            raise BundleRefused("wrong_recipient", f"这个数据包是发给服务站 {recipient.get('station_code')} 的，"
                                                   "不是本服务站，未作任何改动。")
        peer_code = BUREAU
    if not isinstance(m.get("sequence"), int) or not isinstance(m.get("parts"), list):
        raise BundleRefused("damaged", "数据包清单不完整，已拒绝。")
    former = sender.get("former_ids") or []  # a list of texts: BundleZipReader checked the manifest's shape
    return {"peer": peer_code, "body": body, "installation_id": sender.get("installation_id"),
            "former": former, "certificate": sender.get("certificate"), "hash": manifest_hash(reader.manifest_bytes)}


def _replay(facts: dict, m: dict) -> bool:
    """True when this exact bundle was imported already; refuse one superseded by a newer import."""
    if ImportedBundle.get_or_none(ImportedBundle.bundle_hash == facts["hash"]) is not None:
        return True
    peer = get_peer(facts["peer"])
    reinstalled = peer is not None and peer.installation_id not in (None, facts["installation_id"])
    if peer and not reinstalled and m["sequence"] <= peer.last_import_sequence:
        raise BundleRefused("superseded", f"这是一个较旧的数据包（第 {m['sequence']} 号），对方更新的第 "
                                          f"{peer.last_import_sequence} 号已经导入过，其内容已包含在内。未作任何改动。")
    return False


def import_bundle(home, path: Path, *, actor, dry_run: bool = False, progress=None) -> Report:
    from models.audit import record
    from models.permissions import require

    require(actor, "bundles", target=Path(path).name)
    with _own_sealed(path), opened(home, path) as (keys, reader):
        facts = verify_manifest(keys, reader)
        reader.verify_parts()
        report = Report(dry_run=dry_run)
        if _replay(facts, reader.manifest):
            report.already_imported = True
            return report
        if not dry_run:
            backup_database(home, reason="before-import")
        try:
            with db.atomic(), _collector_spared() as frozen:
                writer_lock()  # two PCs importing one bundle at once: the second waits, then finds it imported
                if _replay(facts, reader.manifest):
                    report.already_imported = True
                    return report
                _apply(home, keys, reader, facts, report, actor, progress, frozen)
                if dry_run:
                    raise _Rollback()
        except _Rollback:
            pass
        if not dry_run:
            record("bundle_import", actor=actor, target=Path(path).name,
                   detail={"file": str(path), "from": (reader.manifest.get("sender") or {}).get("station_code")
                           or "bureau", "sequence": reader.manifest.get("sequence")})
        return report


@contextmanager
def _collector_spared():
    """Keep the garbage collector's full passes off the long-lived objects (modules, the pinyin
    dictionary): they are frozen before the import and after each batch, and unfrozen at the end.
    Batches create and drop ~100 000 short-lived objects each; without this, full passes over every
    live object cost 12–20% of a large import (measured). Leaves an outer freeze alone."""
    ours = gc.get_freeze_count() == 0
    if ours:
        gc.freeze()
    try:
        yield ours
    finally:
        if ours:
            gc.unfreeze()


def _apply_batch(applier, batch: list, frozen: bool) -> None:
    applier.add(batch)
    if frozen:
        gc.freeze()  # what survived the batch is long-lived (e.g. a dictionary loaded on first use)


def _apply(home, keys, reader, facts, report, actor, progress, frozen=False) -> None:
    m = reader.manifest
    inst = Installation.get_current()
    if inst.is_bureau:
        bureau_origins = own_origins()
    else:
        bureau_origins = {keys.bureau["installation_id"], facts["installation_id"], *facts["former"]}
    lineage = sender_lineage(facts)
    applier = Applier(report, sender_kind=facts["body"]["kind"], sender_origin=facts["installation_id"],
                      bureau_origin=bureau_origins, sender_origins=lineage.origins)
    total = sum(p.get("changes", 0) for p in m["parts"] if isinstance(p.get("changes"), int))
    done = 0
    for part in m["parts"]:
        with closing(reader.part_batches(part, BATCH)) as batches:  # stops the read-ahead on any error
            for batch in batches:
                _apply_batch(applier, batch, frozen)
                done += len(batch)
                if progress:
                    progress(done, total, f"已导入 {done} / {total} 条修改")
    _store_attachments(home, reader, m)
    applier.finish()
    body = facts["body"]
    peer = get_peer(facts["peer"])
    if lineage.retired:
        report.notes.append(lineage.note)
        save_peer(facts["peer"], former_ids=lineage.former_ids)
    else:
        values = {"last_import_at": utc_now(), "last_import_sequence": m["sequence"],
                  "last_import_hash": facts["hash"], "installation_id": facts["installation_id"],
                  "former_ids": lineage.former_ids}
        if lineage.succeeded:  # the peer carries on as a new installation: it holds what it says it holds
            values["known"] = _vector(m.get("vector_after"))
            report.notes.append(lineage.note)
        if peer is None:
            values.update(kind=body["kind"], name=body["name"], certificate=sender_cert(m))
        elif body["kind"] == "station":
            values["certificate"] = sender_cert(m)
        save_peer(facts["peer"], **values)
    if m.get("receipts") and not lineage.retired:
        lines = [json.loads(x) for x in reader.read("receipts.jsonl", m["receipts"]["bytes"]).decode().splitlines() if x]
        report.receipts = accept_receipts(lines, body, facts["installation_id"], facts["peer"])
    ImportedBundle.create(bundle_hash=facts["hash"], peer=facts["peer"], sequence=m["sequence"],
                          imported_at=utc_now(), imported_by=actor.username, report=report.to_dict())
    issue_receipt(keys, facts["peer"], facts["hash"], report.summary())


def _vector(value) -> dict:
    """A manifest's vector, keeping only well-formed entries."""
    if not isinstance(value, dict):
        return {}
    return {k: v for k, v in value.items() if isinstance(k, str) and isinstance(v, int) and not isinstance(v, bool)}


def sender_cert(m: dict) -> dict:
    return m["sender"]["certificate"]


def _store_attachments(home, reader, m) -> None:
    from models.attachments import store_attachment

    entries = m.get("attachments") or []
    if not entries:
        return
    folder = staging_dir(home) / uuid.uuid4().hex
    folder.mkdir()
    try:
        for entry in entries:
            name = entry["name"].split("/", 1)[1]
            target = folder / name
            target.write_bytes(reader.attachment(entry))
            store_attachment(home, target)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@contextmanager
def _own_sealed(path: Path):
    """A bundle our keys cannot open that this installation wrote (a station's bundle for the bureau)
    is refused as our own, saying what it holds, instead of as "not for us"."""
    try:
        yield
    except BundleRefused as exc:
        record = own_export(path) if exc.reason == "not_for_us" else None
        if record is None:
            raise
        raise BundleRefused("own_bundle", f"这是本单位自己导出的数据包，不用导入。{describe(record)}") from None


def inspect_bundle(home, path: Path) -> dict:
    """Sender, recipient, counts, vectors, and whether it verifies — without changing anything.

    A bundle our keys cannot open: if this installation wrote it (found by the file's SHA-256), the
    facts come from the local export record (`own_export`, `summary`); if not, `problem` says so in
    one sentence."""
    info: dict = {"file": str(path), "verified": False, "problem": None}
    try:
        with opened(home, path) as (keys, reader):
            m = reader.manifest
            info.update({k: m.get(k) for k in ("format_version", "schema_version", "created_at", "sequence",
                                                 "counts", "changes", "vector_before", "vector_after", "previous",
                                                 "algorithms", "bundle_id")})
            sender = dict(m.get("sender") or {})
            sender.pop("certificate", None)
            info["sender"], info["recipient"] = sender, m.get("recipient")
            facts = verify_manifest(keys, reader)
            reader.verify_parts()
            info["manifest_hash"] = facts["hash"]
            info["already_imported"] = ImportedBundle.get_or_none(
                ImportedBundle.bundle_hash == facts["hash"]) is not None
            info["verified"] = True
    except BundleRefused as exc:
        info["problem"] = exc.message
        info["reason"] = exc.reason
        if exc.reason == "not_for_us":
            _from_own_record(info, Path(path))
    return info


def _from_own_record(info: dict, path: Path) -> None:
    record = own_export(path)
    if record is None:
        info["problem"] = UNKNOWN
        return
    info["own_export"] = as_dict(record)
    info["summary"] = describe(record)
    info["problem"] = sealed_note(record)
    info.update({"sender": record.sender, "recipient": record.recipient, "created_at": record.exported_at,
                 "sequence": record.sequence, "changes": record.changes, "counts": record.counts,
                 "vector_before": record.vector_before, "vector_after": record.vector_after,
                 "manifest_hash": record.manifest_hash})
