"""This installation's change origins: the one it writes under now, and the ones it carried on from.

    own_origins()                        # {"0193…new", "0192…old"}: every origin this installation wrote under
    former_origins()                     # [{"id": "0192…old", "held": 20, "retired_at": "…", "reason": "restore"}]
    state = origin_state()               # before a restore: what this PC is now
    carry_on_under_new_origin(state, reason="restore")   # after it: continue under a fresh origin id

Why: a change number (origin, seq) that left this PC on a stick must never be given to another change.
After a restore the database is older than what may already have left, so the installation carries on
under a NEW origin id (its previous ones are kept here as "former"): its next bundle is accepted by the
peer without a gap or a collision, its version vector stays a true prefix of every origin, and the peer,
told the former ids (the manifest's sender.former_ids), sends back the changes of the former origin that
the restore lost. `held` is how far this copy held the former origin when it was retired: below it the
log must be gapless (models.integrity); above it, changes come back from peers only as far as they left.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.fields import utc_now
from models.ids import new_id


@dataclass(frozen=True)
class OriginState:
    """What an installation was, read before its database is replaced."""

    origin: str
    former: tuple  # of dicts, as stored
    last_hlc: str | None
    export_counters: dict  # peer code → (export_sequence, last_export_hash, last_export_at)


def former_origins() -> list[dict]:
    from models.installation import current

    inst = current()
    return list(inst.former_origins or []) if inst else []


def former_ids() -> list[str]:
    return [f["id"] for f in former_origins()]


def own_origins() -> set[str]:
    from models.installation import current

    inst = current()
    if inst is None:
        return set()
    return {inst.id, *(f["id"] for f in inst.former_origins or [])}


def origin_state() -> OriginState | None:
    from models.installation import current
    from models.peers import Peer

    inst = current()
    if inst is None:
        return None
    counters = {p.code: (p.export_sequence, p.last_export_hash, p.last_export_at) for p in Peer.select()}
    return OriginState(inst.id, tuple(inst.former_origins or []), inst.last_hlc, counters)


def carry_on_under_new_origin(before: OriginState | None, *, reason: str) -> str:
    """The restored installation continues under a new origin id; returns it.

    Former origins: those of the restored copy and of the copy it replaced, and both their current ids.
    The clock never goes back, and no bundle sequence number to a peer is given twice."""
    from models.connection import db
    from models.installation import Installation, current
    from models.peers import Peer, held_vector

    inst = current()
    if inst is None:
        return ""
    held = held_vector()
    now = utc_now()
    former: dict[str, dict] = {}
    for entry in [*(before.former if before else ()), *(inst.former_origins or [])]:
        former.setdefault(entry["id"], dict(entry))
    for origin in ([before.origin] if before else []) + [inst.id]:
        if origin not in former:
            former[origin] = {"id": origin, "held": held.get(origin, 0), "retired_at": now, "reason": reason}
    new = new_id()
    hlc = max(filter(None, (before.last_hlc if before else None, inst.last_hlc)), default=None)
    with db.atomic():
        Installation.update(id=new, last_seq=0, last_hlc=hlc, former_origins=list(former.values())).where(
            Installation.id == inst.id).execute()
        for code, (sequence, last_hash, last_at) in (before.export_counters if before else {}).items():
            peer = Peer.get_or_none(Peer.code == code)
            if peer is not None and sequence > peer.export_sequence:
                Peer.update(export_sequence=sequence, last_export_hash=last_hash, last_export_at=last_at).where(
                    Peer.code == code).execute()
    return new
