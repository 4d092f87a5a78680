"""Sync bookkeeping that stays on this installation: the peers we exchange bundles with, the
bundles we imported (replay protection and import reports), the bundles we wrote (so a station can
say what its own sealed bundle holds: sync/own_bundles.py), and the receipts issued and received.

    peer = Peer.get_or_none(Peer.code == "bureau")        # at a station: its bureau
    peer.known                                            # {origin: seq} the peer is known to hold
    held_vector()                                         # {origin: max seq} of our change log

A peer's `code` is its station code, or "bureau" for the bureau. Nothing here travels as a change:
receipts travel inside bundles, signed by their issuer.
"""
from __future__ import annotations

import peewee

from models.base import LocalModel
from models.changelog import Change
from models.connection import db
from models.fields import JSONField, utc_now

BUREAU = "bureau"


class Peer(LocalModel):
    code = peewee.TextField(primary_key=True)  # station code, or "bureau"
    kind = peewee.TextField()  # station | bureau
    name = peewee.TextField()
    installation_id = peewee.TextField(null=True)  # the peer's current installation (origin)
    former_ids = JSONField(default=list)  # its earlier installations: restored, or a PC replaced by enrolling again
    certificate = JSONField(null=True)  # the peer's certificate (issued by the bureau)
    known = JSONField(default=dict)  # {origin: seq} the peer confirmed holding (from its receipts)
    confirmed_at = peewee.TextField(null=True)  # issue time of the newest receipt received
    last_import_at = peewee.TextField(null=True)
    last_import_sequence = peewee.IntegerField(default=0)
    last_import_hash = peewee.TextField(null=True)
    export_sequence = peewee.IntegerField(default=0)
    last_export_hash = peewee.TextField(null=True)
    last_export_at = peewee.TextField(null=True)


class ImportedBundle(LocalModel):
    """One row per committed import: which bundle, from whom, when, by whom, and its report."""

    bundle_hash = peewee.TextField(primary_key=True)  # SHA-256 of the manifest
    peer = peewee.TextField(index=True)
    sequence = peewee.IntegerField()
    imported_at = peewee.TextField()
    imported_by = peewee.TextField()
    report = JSONField()


class ExportedBundle(LocalModel):
    """One row per bundle written and verified on the stick: found again by the SHA-256 of the sealed
    file, because a station cannot decrypt what it sealed for the bureau."""

    file_sha256 = peewee.TextField(primary_key=True)  # SHA-256 of the .vsb as written (age envelope)
    manifest_hash = peewee.TextField()
    peer = peewee.TextField(index=True)  # the recipient's code: a station code, or "bureau"
    sender = JSONField()  # {kind, installation_id, station_code, name}
    recipient = JSONField()  # {kind, installation_id, station_code, name}
    sequence = peewee.IntegerField()
    exported_at = peewee.TextField(index=True)
    exported_by = peewee.TextField(null=True)  # the user's name; None for an export without a named user
    file_name = peewee.TextField()
    changes = peewee.IntegerField()
    counts = JSONField(default=dict)  # {table: changes}
    vector_before = JSONField(default=dict)
    vector_after = JSONField(default=dict)


class Receipt(LocalModel):
    """A signed receipt: issued by us after an import, or received from a peer for our bundle."""

    receipt_id = peewee.TextField(primary_key=True)
    direction = peewee.TextField()  # issued | received
    peer = peewee.TextField(index=True)  # the other side
    bundle_hash = peewee.TextField()
    vector = JSONField()
    summary = JSONField()
    issued_at = peewee.TextField()
    document = JSONField()  # the signed receipt exactly as it travels


def held_vector() -> dict[str, int]:
    """{origin: highest seq} over the change log: what this installation holds."""
    rows = Change.select(Change.origin, peewee.fn.MAX(Change.seq)).group_by(Change.origin).tuples()
    return {origin: seq for origin, seq in rows}


def merge_vectors(a: dict, b: dict) -> dict:
    out = dict(a)
    for origin, seq in b.items():
        if seq > out.get(origin, 0):
            out[origin] = seq
    return out


def get_peer(code: str) -> Peer | None:
    return Peer.get_or_none(Peer.code == code)


def save_peer(code: str, **values) -> Peer:
    with db.atomic():
        peer = get_peer(code)
        if peer is None:
            Peer.insert(code=code, **values).execute()
        else:
            Peer.update(**values).where(Peer.code == code).execute()
    return get_peer(code)


def note_receipt(peer_code: str, vector: dict, issued_at: str) -> None:
    """A peer confirmed holding `vector`: raise what we know it holds (never lower it)."""
    peer = get_peer(peer_code)
    if peer is None:
        return
    known = merge_vectors(peer.known or {}, vector)
    confirmed = max(filter(None, [peer.confirmed_at, issued_at]))
    Peer.update(known=known, confirmed_at=confirmed).where(Peer.code == peer_code).execute()


def observe_clock(stamp: str | None) -> None:
    """Move this installation's hybrid clock past a stamp seen in imported changes."""
    from models.installation import Installation

    if not stamp:
        return
    inst = Installation.get_current()
    if not inst.last_hlc or stamp > inst.last_hlc:
        Installation.update(last_hlc=stamp).where(Installation.id == inst.id).execute()


def now() -> str:
    return utc_now()
