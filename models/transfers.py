"""Transfers: a person moving from one station's area to another's, decided and signed by the bureau.

    changes = transfer_person(person_id, "150626101", actor=actor, reason="随子女迁居")   # bureau only
    transfer_history(person_id)      # [{"at", "on", "from_station", "to_station", "by", "reason"}], oldest first
    transfer_move(change)            # (from_station, to_station) of a change, or None
    transfer_moves(bureau_id, after_seq)   # for sync.export: the moves a recipient has not confirmed

A transfer is two changes of the person, both with op "transfer" (an importer accepts that op only
from the bureau):
1. the move: station_code → the new station, village cleared (villages belong to a station's area),
   status 迁出 with the date and "迁往 <new station>";
2. having seen the move: status 在册 again, "由 <old station> 迁入".
The old station receives only the move (sync.export): it keeps the person and their history, shown
as 迁出. The new station receives both, with the person's whole history and everything attached to
them (identities, family, casework), in its next bundle from the bureau. The bureau holds everything.
"""
from __future__ import annotations

import datetime as dt

from models import vocab
from models.changelog import Change
from models.errors import DomainError, NotFound, PermissionDenied, ValidationError
from models.installation import Installation, Station
from models.permissions import require
from models.person import Person
from models.write import Actor, OpChanges, writing

OP = "transfer"


class TransferRefused(DomainError):
    code = "transfer_refused"


def _station_name(code: str | None) -> str:
    station = Station.get_or_none(Station.id == code) if code else None
    return station.name if station else (code or "（未知服务站）")


def transfer_person(person_id: str, to_station_code: str, *, actor: Actor, on: dt.date | None = None,
                    reason: str | None = None) -> OpChanges:
    """Bureau: move a 在册 person to another station's area (see the module docstring)."""
    require(actor, "transfer", target=person_id)
    if not Installation.get_current().is_bureau:
        raise PermissionDenied("人员转移只能由退役军人事务局办理，服务站请向局里申请。")
    person = Person.get_or_none(Person.id == person_id)
    if person is None or person.deleted_at is not None:
        raise NotFound("未找到要转移的人员（可能已被删除）。", person_id=person_id)
    to_station_code = (to_station_code or "").strip()
    if Station.get_or_none(Station.id == to_station_code) is None:
        raise ValidationError({"station_code": f"没有代码为「{to_station_code}」的服务站"})
    if person.station_code == to_station_code:
        raise TransferRefused(f"{person.name}已在{_station_name(to_station_code)}，不用转移。")
    if person.status != "active":
        raise TransferRefused(f"只能转移在册人员：{person.name}现为「{vocab.label('person_status', person.status)}」。")
    on = on or dt.date.today()
    if on > dt.date.today():
        raise ValidationError({"status_date": "转移日期不能晚于今天"})
    reason = (reason or "").strip()
    old_name, new_name = _station_name(person.station_code), _station_name(to_station_code)
    with writing(actor) as w:
        w.update(person, {"station_code": to_station_code, "village": None, "status": "moved", "status_date": on,
                          "status_reason": f"迁往{new_name}" + (f"：{reason}" if reason else "")}, op=OP)
        w.update(person, {"status": "active", "status_date": None,
                          "status_reason": f"由{old_name}迁入（{on.isoformat()}）"}, op=OP)
    return w.changes


def transfer_move(change) -> tuple[str, str] | None:
    """(from station, to station) when `change` (a Change row or sync.merge.Ch) is a transfer's move."""
    if getattr(change, "op", None) != OP or getattr(change, "table", None) != "person":
        return None
    move = (change.changed or {}).get("station_code")
    if not isinstance(move, list) or len(move) != 2 or move[0] == move[1]:
        return None
    return move[0], move[1]


def transfer_moves(origin: str, after_seq: int = 0) -> list[Change]:
    """The transfer moves written by `origin` (the bureau) with seq > after_seq, oldest first.

    Reads the (origin, seq) index: an export asks only for what its recipient has not confirmed."""
    query = Change.select().where((Change.origin == origin) & (Change.seq > after_seq) & (Change.op == OP)
                                  & (Change.table == "person")).order_by(Change.seq)
    return [c for c in query if transfer_move(c) is not None]


def transfer_history(person_id: str) -> list[dict]:
    """The person's transfers, oldest first (from the change log: they travel like any change)."""
    out = []
    query = Change.select().where((Change.record_id == person_id) & (Change.op == OP)).order_by(Change.hlc)
    for c in query:
        move = transfer_move(c)
        if move is None:
            continue
        old, new = move
        out.append({"at": c.at, "on": c.state.get("status_date"), "from_station": old, "to_station": new,
                    "from_name": _station_name(old), "to_name": _station_name(new), "by": c.author,
                    "reason": c.state.get("status_reason")})
    return out
