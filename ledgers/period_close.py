"""Closing a period (关账): print the pack once more, freeze it, and hand back the frozen copy later.

    closed = run(close_period("month_pack", parse_period("2026-11"), actor=actor))
    closed_pack("month_pack", parse_period("2026-11"))      # ClosedPeriod or None
    frozen_pack_bytes(closed)                               # the stored PDF, byte for byte
    corrections_since("month_pack", parse_period("2026-12"))  # what the December pack will list

Closing renders the pack with a last line saying who closed it and when, stores the PDF with its
SHA-256, who and when (models.periods_closed.record_closing, a synced record: the bureau sees what
each station reported). From then on ledgers.catalog.render_ledger returns the stored bytes for that
pack and period — edits made later never change it; they are listed as corrections in the next
period's pack. The closing time is taken before the numbers are counted, so an edit made while the
pack is being printed is at worst listed twice (in the pack and as a correction), never lost.
"""
from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from ledgers.period_pack import PACKS, build_pack, check_period
from ledgers.periods import Period, PeriodInvalid
from ledgers.progress import Job, Progress, within
from models.errors import PermissionDenied
from models.permissions import require
from models.fields import local_display, utc_now
from models.installation import Installation
from models.periods_closed import (AlreadyClosed, ClosedPeriod, Correction, find_closed, frozen_pdf,
                                   record_closing)
from models.periods_closed import corrections_since as _corrections_since
from models.write import Actor

__all__ = ["close_period", "closed_pack", "frozen_pack_bytes", "corrections_since", "AlreadyClosed"]


def closed_pack(kind: str, period: Period, station_code: str | None = None) -> ClosedPeriod | None:
    """The frozen pack of this kind and period (this installation's own, or a station's at the bureau)."""
    if kind not in PACKS or period.kind != PACKS[kind].period_kind:
        return None
    return find_closed(kind, period.code, station_code)


def frozen_pack_bytes(closed: ClosedPeriod) -> bytes:
    return frozen_pdf(closed)


def corrections_since(kind: str, period: Period, station_code: str | None = None) -> list[Correction]:
    """Corrections the pack of `period` lists: to closed periods before it, made since the last closing."""
    return _corrections_since(kind, period.start, station_code)


def close_period(kind: str, period: Period, *, actor: Actor, station_code: str | None = None,
                 unit: str | None = None, today: dt.date | None = None) -> Job[ClosedPeriod]:
    """Render the pack, store it frozen, return the ClosedPeriod. Yields Progress."""
    from ledgers.options import LedgerOptions, unit_name

    require(actor, "close_period", target=period.code)  # before the pack is rendered, not inside a write
    pack = check_period(kind, period)
    today = today or dt.date.today()
    if period.start > today:
        raise PeriodInvalid(f"{period.label}还没有开始，不能关账。")
    inst = Installation.get_current()
    if station_code and station_code != inst.station_code:
        raise PermissionDenied("服务站的材料由服务站自己关账；事务局关账的是全旗汇总的材料。")
    existing = find_closed(kind, period.code, station_code)
    if existing is not None:
        raise AlreadyClosed(f"{period.label}的{pack.title}已于 {local_display(existing.closed_at)} 由 "
                            f"{existing.closed_by} 关账，不能再次关账；之后的更正会列入下一期的材料。",
                            period=period.code, closed_id=existing.id)
    closed_at = utc_now()
    note = (f"本材料于 {local_display(closed_at)} 由 {actor.display_name} 关账封存；"
            "关账后对本期记录的更正，列入下一期材料的“对已关账期间的更正”。")
    options = LedgerOptions(station_code=station_code)
    with tempfile.TemporaryDirectory(prefix="vetstation-close-") as folder:
        out = Path(folder) / "pack.pdf"
        figures = yield from within(build_pack(kind, period, out, options, unit=unit or unit_name(options),
                                               prepared_by=actor.display_name, filled_on=today,
                                               closing_note=note, until=closed_at), 0, 9, 10)
        data = out.read_bytes()
    yield Progress(9, 10, "正在封存…")
    closed, _ = record_closing(kind, period.code, period.start, period.end, data, figures, closed_at=closed_at,
                               actor=actor, station_code=station_code)
    yield Progress(10, 10, "已关账")
    return closed
