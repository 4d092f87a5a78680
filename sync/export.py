"""Exporting a bundle: every change the recipient's last receipt does not cover, that it should hold.

    result = export_bundle(home, Path("E:/"), for_station=None)   # a station: to its bureau
    result = export_bundle(home, Path("E:/x.vsb"), for_station="150626100")   # the bureau

A station sends its own changes (under its current and former origins: models.origins). The bureau sends a station every change, from any origin (but the
station's own), to what the station holds: shared reference data, and the records that belong to
it (models.synced); for a person transferred to it (models.transfers), their whole history and all
that hangs on them until it confirms the move; for a person moved away, the move itself. Export never changes synced data; it records the bundle's sequence and hash in
the local Peer row, and what the bundle holds in ExportedBundle (sync.own_bundles). Parts of PART_SIZE changes are built one at a time.
"""
from __future__ import annotations

import json
import shutil
import uuid
from dataclasses import dataclass
from pathlib import Path

import peewee

from models.attachments import Attachment, attachment_path
from models.audit import record
from models.change_texts import create_texts, ref_value_texts
from models.changelog import BY_REF, DERIVED, Change, changed_text, create_state, state_text, text_row
from models.db import db
from models.engine import id_sql
from models.errors import DomainError
from models.fields import utc_now
from models.ids import new_id
from models.installation import Installation
from models.migrations import SCHEMA_VERSION
from models.origins import former_ids, own_origins
from models.peers import BUREAU, get_peer, held_vector, save_peer
from models.permissions import require
from models.person import Person
from models.synced import attached_ids, owned_ids, synced_tables
from models.transfers import transfer_move, transfer_moves
from sync.bundle_format import PART_SIZE, BundleZipWriter, manifest_hash
from sync.keys import require_keys
from sync.own_bundles import remember_export
from sync.receipts import receipt_lines
from sync.rows import dumps
from sync.usb import write_encrypted

COLUMNS = ("change_id", "origin", "seq", "table", "record_id", "op", "state", "changed", "base", "author", "at",
           "hlc")  # the order _line writes


class ExportRefused(DomainError):
    code = "export_refused"


@dataclass
class ExportResult:
    path: Path
    changes: int
    counts: dict
    sha256: str
    manifest_hash: str
    sequence: int


def staging_dir(home) -> Path:
    folder = home.folder("exports") / ".staging"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def default_name(inst, peer_code: str) -> str:
    stamp = utc_now()[:19].replace("-", "").replace(":", "").replace("T", "-")
    sender = inst.station_code or "bureau"
    return f"vetstation-{sender}-to-{peer_code}-{stamp}.vsb"


def _recipient(inst, keys, for_station: str | None):
    if not inst.is_bureau:
        if for_station:
            raise ExportRefused("服务站只能向退役军人事务局导出数据包，不用指定 --for。")
        peer = get_peer(BUREAU)
        bureau = keys.bureau
        recipient = {"kind": "bureau", "installation_id": bureau["installation_id"], "station_code": None,
                     "signing_key": bureau["signing_key"]}
        return BUREAU, peer, recipient, [bureau["age_recipient"], bureau["escrow_recipient"]]
    if not for_station:
        raise ExportRefused("局端导出请指定服务站代码：--for 服务站代码。")
    peer = get_peer(for_station)
    if peer is None or not peer.certificate:
        raise ExportRefused(f"服务站 {for_station} 尚未登记，不能给它导出数据包。请先登记该服务站。")
    body = peer.certificate["body"]
    recipient = {"kind": "station", "installation_id": peer.installation_id, "station_code": for_station,
                 "signing_key": body["signing_key"]}
    return for_station, peer, recipient, [body["age_recipient"], keys.bureau["age_recipient"],
                                          keys.bureau["escrow_recipient"]]


def _not_covered(known: dict):
    condition = Change.origin.not_in(list(known)) if known else None
    for origin, seq in known.items():
        part = (Change.origin == origin) & (Change.seq > seq)
        condition = part if condition is None else (condition | part)
    return condition


def selection(inst, peer_code: str, peer) -> peewee.Query:
    """The change-log rows that go into the next bundle for that peer (oldest clock first)."""
    known = (peer.known or {}) if peer else {}
    fields = [getattr(Change, c) for c in COLUMNS]
    if not inst.is_bureau:
        # its own changes, under its current and former origins, and — after the bureau restored a
        # backup — the bureau's own changes the bureau lost (its former origins), beyond what it holds
        origins = own_origins() | set((peer.former_ids or []) if peer else [])
        condition = None
        for origin in sorted(origins):
            part = (Change.origin == origin) & (Change.seq > known.get(origin, 0))
            condition = part if condition is None else (condition | part)
        return Change.select(*fields).where(condition).order_by(Change.hlc, Change.origin)
    relevant = None
    for table, model in synced_tables().items():
        ids = owned_ids(model, peer_code)
        part = (Change.table == table) if ids is None else ((Change.table == table) & Change.record_id.in_(_ids(ids)))
        relevant = part if relevant is None else (relevant | part)
    condition = relevant
    covered = _not_covered(known)
    if covered is not None:
        condition = condition & covered
    moved_in, moved_out = _transfers(inst, peer_code, known)
    if moved_in:  # the whole history of persons moved to the peer and of all that hangs on them
        for table, model in synced_tables().items():
            ids = attached_ids(model, Person, moved_in)
            if ids is not None:
                condition = condition | ((Change.table == table) & Change.record_id.in_(_ids(ids)))
    if moved_out:
        condition = condition | Change.change_id.in_(moved_out)
    if peer and peer.installation_id:
        condition = condition & (Change.origin != peer.installation_id)
    return Change.select(*fields).where(condition).order_by(Change.hlc, Change.origin)


def _ids(ids):
    """Record ids (a list, or a query of one id column) as the change log's record_id holds them."""
    if isinstance(ids, peewee.SelectQuery):
        column, = ids._returning
        return ids.select(id_sql(column))
    return ids


def _transfers(inst, peer_code: str, known: dict) -> tuple[list[str], list[str]]:
    """Transfers the peer has not confirmed: persons moved to it (their whole history goes along: the
    peer's vector says nothing about records it did not hold), and, for persons moved away from it,
    the move and the person's changes the move saw (the old station keeps the person as 迁出)."""
    moved_in, moved_out = [], []
    for move in transfer_moves(inst.id, known.get(inst.id, 0)):
        old, new = transfer_move(move)
        if new == peer_code:
            moved_in.append(move.record_id)
        elif old == peer_code:
            moved_out.append(move.change_id)
            base = move.base or {}
            for c in Change.select(Change.change_id, Change.origin, Change.seq).where(
                    (Change.record_id == move.record_id) & (Change.table == "person")).tuples():
                change_id, origin, seq = c
                saw = (seq < move.seq) if origin == move.origin else base.get(origin, 0) >= seq
                if saw and known.get(origin, 0) < seq:
                    moved_out.append(change_id)
    return moved_in, moved_out


_json = dumps  # JSON text as the change log's JSON columns write it (one encoder, built once)
_text = json.encoder.encode_basestring  # json.dumps(str, ensure_ascii=False), without the per-call setup


def _scalar(value) -> str:
    if isinstance(value, str):
        return _text(value)
    if type(value) is int:  # seq: what json.dumps writes for an int
        return str(value)
    return json.dumps(value, ensure_ascii=False)


def _line(row: tuple) -> str:
    """One change-log row as a JSON line; state/changed/base are already JSON text in the log."""
    change_id, origin, seq, table, record_id, op, state, changed, base, author, at, hlc = row
    return (f'{{"change_id":{_scalar(change_id)},"origin":{_scalar(origin)},"seq":{_scalar(seq)},'
            f'"table":{_scalar(table)},"record_id":{_scalar(record_id)},"op":{_scalar(op)},"state":{state},'
            f'"changed":{changed},"base":{base},"author":{_scalar(author)},"at":{_scalar(at)},'
            f'"hlc":{_scalar(hlc)}}}')


def export_bundle(home, out: Path, *, for_station: str | None = None, progress=None, actor=None) -> ExportResult:
    """Write the bundle; `out` may be a folder (a dated file name is chosen) or a .vsb path.
    With an `actor`, the permission table decides (bundles) and the export is audited (bundle_export)."""
    if actor is not None:
        require(actor, "bundles", target=for_station or BUREAU)
    inst = Installation.get_current()
    keys = require_keys(home)
    peer_code, peer, recipient, recipients = _recipient(inst, keys, for_station)
    out = Path(out)
    if out.is_dir():
        out = out / default_name(inst, peer_code)
    elif out.suffix.lower() != ".vsb":
        out = out.with_name(out.name + ".vsb")
    if not out.parent.exists():
        raise ExportRefused(f"找不到要保存的位置：{out.parent}（U盘是否已插好？）")
    staging = staging_dir(home)
    plain = staging / f"export-{uuid.uuid4().hex}.zip"
    try:
        with db.atomic():  # one consistent read of the change log
            manifest, total, counts = _build(home, inst, keys, plain, peer_code, peer, recipient, progress)
        digest = write_encrypted(plain, out, recipients)
    finally:
        plain.unlink(missing_ok=True)
    mhash = manifest_hash(manifest)
    sequence = json.loads(manifest)["sequence"]
    with db.atomic():
        saved = save_peer(peer_code, export_sequence=sequence, last_export_hash=mhash, last_export_at=utc_now(),
                          **({} if peer else {"kind": recipient["kind"], "name": keys.bureau["name"],
                                              "installation_id": recipient["installation_id"]}))
        remember_export(out, digest, manifest, recipient_name=saved.name, actor=actor)
    if actor is not None:
        record("bundle_export", actor=actor, target=out.name,
               detail={"file": str(out), "to": peer_code, "changes": total, "sequence": sequence})
    return ExportResult(out, total, counts, digest, mhash, sequence)


def _build(home, inst, keys, plain: Path, peer_code, peer, recipient, progress):
    query = selection(inst, peer_code, peer)
    sql, params = query.sql()
    total_expected = query.count() if progress else 0
    counts: dict[str, int] = {}
    photos: set[str] = set()
    total = 0
    with BundleZipWriter(plain) as z:
        cursor = db.execute_sql(sql, params)
        while True:
            rows = cursor.fetchmany(PART_SIZE)
            if not rows:
                break
            rows = [text_row(row) for row in rows]
            lines = []
            refs = ref_value_texts([(row[3], row[4], row[7], row[1], row[2]) for row in rows if row[7][:1] == BY_REF])
            for row in rows:
                if row[7][:1] == BY_REF:  # a create's values held by its record row: the texts as written
                    derived = row[6] == DERIVED
                    state, changed = create_texts(*row[3:5], *row[1:3], *row[9:11], refs[(row[1], row[2])],
                                                  with_state=derived)
                    if derived and state is None:  # a rebuild the texts do not cover: the dicts, as before
                        state = _json(create_state(*row[3:5], *row[1:3], *row[9:11], json.loads(changed)))
                    row = (*row[:6], state if derived else row[6], changed, *row[8:])
                if row[6] == DERIVED:  # a create stored without its state: rebuilt, the line is as before
                    row = (*row[:6], state_text(*row[3:5], *row[1:3], *row[9:11], row[6], row[7]), *row[7:])
                if row[7][:1] == "[":  # a create's compact values: the text as written, the line is as before
                    row = (*row[:7], changed_text(row[7]), *row[8:])
                lines.append(_line(row))
                counts[row[3]] = counts.get(row[3], 0) + 1
                if '"photo":"' in row[6]:
                    photo = json.loads(row[6]).get("photo")
                    if photo:
                        photos.add(photo)
            z.add_part(lines)
            total += len(rows)
            if progress:
                progress(total, total_expected, f"已写入 {total} 条修改")
        z.add_receipts(receipt_lines(peer_code))
        for digest in sorted(photos):
            row = Attachment.get_or_none(Attachment.sha256 == digest)
            path = attachment_path(home, digest, row.suffix if row else None)
            if row and path.exists():
                z.add_attachment(digest, row.suffix, path.read_bytes())
        fields = {
            "bundle_id": new_id(), "created_at": utc_now(), "schema_version": SCHEMA_VERSION,
            "sender": {"kind": inst.kind, "installation_id": inst.id, "station_code": inst.station_code,
                       "name": inst.name, "certificate": keys.certificate, "former_ids": former_ids()},
            "recipient": {k: v for k, v in recipient.items() if k != "signing_key"},
            "sequence": (peer.export_sequence if peer else 0) + 1,
            "previous": peer.last_export_hash if peer else None,
            "vector_before": (peer.known or {}) if peer else {},
            "vector_after": held_vector(), "counts": counts, "changes": total,
        }
        manifest = z.finish(fields, keys.sign)
    return manifest, total, counts


def clean_staging(home) -> None:
    shutil.rmtree(staging_dir(home), ignore_errors=True)
