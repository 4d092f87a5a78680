"""What one printout is for: the filters and choices a ledger is printed with, and the unit it names.

    options = LedgerOptions(full_id=True, station_code="150626100")
    unit_name(options)   # 嘎鲁图镇退役军人服务站 — the 填报单位 on every page

Below the catalog and every ledger module, so they can all use it without importing each other.
"""
from __future__ import annotations

from dataclasses import dataclass

from models.installation import Installation, Station


@dataclass(frozen=True)
class LedgerOptions:
    """Filters and choices for one printout."""

    full_id: bool = False  # print ID numbers in full (only where the ledger allows it)
    station_code: str | None = None  # the bureau printing one station's ledger
    village_id: str | None = None
    identity: str | None = None


def unit_name(options: LedgerOptions) -> str:
    """The 填报单位: this installation, or the station the bureau prints for."""
    installation = Installation.get_current()
    if options.station_code and options.station_code != installation.station_code:
        station = Station.get_or_none(Station.id == options.station_code)
        if station is not None:
            return station.name
    return installation.name
