"""Receipts: after every import the importer signs what it now holds (its vector) and the report
summary. Receipts travel back in the next bundle the other way; the sender then stops re-sending
what is covered and shows "confirmed by the bureau up to …".

    doc = issue_receipt(keys, peer_code, bundle_hash, summary)   # inside the import transaction
    receipt_lines(peer_code)                                     # for the next bundle to that peer
    accept_receipts(lines, sender_body, peer_code)               # when importing that peer's bundle
    confirmation()                                               # station: what the bureau confirmed
"""
from __future__ import annotations

import json

from models.changelog import Change
from models.installation import Installation
from models.ids import new_id
from models.peers import BUREAU, Receipt, get_peer, held_vector, note_receipt
from models.fields import utc_now
from sync.keys import canonical, verify

RECEIPT_FORMAT = "vetstation-receipt/1"
RECEIPTS_PER_BUNDLE = 20


def issue_receipt(keys, peer_code: str, bundle_hash: str, summary: dict) -> dict:
    inst = Installation.get_current()
    body = {"format": RECEIPT_FORMAT, "receipt_id": new_id(),
            "issuer": {"installation_id": inst.id, "kind": inst.kind, "station_code": inst.station_code},
            "peer": peer_code, "bundle_hash": bundle_hash, "vector": held_vector(), "summary": summary,
            "issued_at": utc_now()}
    document = {"body": body, "signature": keys.sign(canonical(body))}
    Receipt.create(receipt_id=body["receipt_id"], direction="issued", peer=peer_code, bundle_hash=bundle_hash,
                   vector=body["vector"], summary=summary, issued_at=body["issued_at"], document=document)
    return document


def receipt_lines(peer_code: str) -> list[str]:
    query = (Receipt.select().where((Receipt.direction == "issued") & (Receipt.peer == peer_code))
             .order_by(Receipt.issued_at.desc()).limit(RECEIPTS_PER_BUNDLE))
    return [json.dumps(r.document, ensure_ascii=False, sort_keys=True) for r in reversed(list(query))]


def accept_receipts(lines: list, sender: dict, sender_installation: str, peer_code: str) -> int:
    """Store the peer's signed receipts for our bundles and raise what we know it holds."""
    inst = Installation.get_current()
    accepted = 0
    for doc in lines:
        body = doc.get("body") if isinstance(doc, dict) else None
        if not isinstance(body, dict) or body.get("format") != RECEIPT_FORMAT or not _well_formed(body):
            continue
        if not isinstance(doc.get("signature"), str) or not verify(sender["signing_key"], canonical(body),
                                                                   doc["signature"]):
            continue
        issuer = body.get("issuer") or {}
        ours = BUREAU if inst.is_bureau else inst.station_code
        if issuer.get("installation_id") != sender_installation or body.get("peer") != ours:
            continue
        if Receipt.get_or_none(Receipt.receipt_id == body["receipt_id"]) is None:
            Receipt.create(receipt_id=body["receipt_id"], direction="received", peer=peer_code,
                           bundle_hash=body["bundle_hash"], vector=body["vector"], summary=body["summary"],
                           issued_at=body["issued_at"], document=doc)
        note_receipt(peer_code, body["vector"], body["issued_at"])
        accepted += 1
    return accepted


def _well_formed(body: dict) -> bool:
    """A receipt body whose fields can be stored and compared (a signed receipt may still be malformed)."""
    vector = body.get("vector")
    return (all(isinstance(body.get(k), str) and 0 < len(body[k]) <= 200
                for k in ("receipt_id", "bundle_hash", "issued_at"))
            and isinstance(body.get("issuer"), dict) and isinstance(body.get("summary"), dict)
            and isinstance(vector, dict) and all(isinstance(k, str) and type(v) is int and 0 <= v <= 2**62
                                                 for k, v in vector.items()))


def confirmation(peer_code: str = BUREAU) -> dict:
    """What the peer confirmed holding of our own changes: {confirmed_at, confirmed_seq, unconfirmed}."""
    inst = Installation.get_current()
    peer = get_peer(peer_code)
    known = (peer.known or {}) if peer else {}
    seq = known.get(inst.id, 0)
    # audit entries travel too, but the figure counts the changes a person made to the data
    unconfirmed = Change.select().where((Change.origin == inst.id) & (Change.seq > seq)
                                        & (Change.table != "audit_entry")).count()
    return {"confirmed_at": peer.confirmed_at if peer else None, "confirmed_seq": seq,
            "unconfirmed": unconfirmed, "last_export_at": peer.last_export_at if peer else None}
