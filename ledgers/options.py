"""What one printout is for: the filters and choices a ledger is printed with, and the unit it names.

    options = LedgerOptions(full_id=True, station_code="150626100")
    unit_name(options)   # 嘎鲁图镇退役军人服务站 — the 填报单位 on every page
    scope_unit(options)  # whose work-plan records a ledger shows: a station's code, or None (every unit)
    Rows(rows, notes=["注：…"])   # a ledger's display rows and the lines printed under the table

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
    with_remarks: bool = False  # print the internal 备注 (ledgers with Ledger.remarks; else the column stays empty)


def unit_name(options: LedgerOptions) -> str:
    """The 填报单位: this installation, or the station the bureau prints for."""
    installation = Installation.get_current()
    if options.station_code and options.station_code != installation.station_code:
        station = Station.get_or_none(Station.id == options.station_code)
        if station is not None:
            return station.name
    return installation.name


def scope_unit(options: LedgerOptions) -> str | None:
    """The unit a work-plan ledger is about: at a station itself; at the bureau the station asked for
    (options.station_code), else None — every unit, the bureau's 股室 included."""
    installation = Installation.get_current()
    if not installation.is_bureau:
        return installation.station_code
    return options.station_code or None


class Rows(list):
    """Display rows as a ledger's query returns them, with `notes` (short lines printed under the table,
    e.g. whether scores are confirmed) and, for a ledger whose columns depend on the data (one per
    station), `columns`. A plain list of rows is just as good where there is nothing more to say."""

    def __init__(self, rows=(), notes=(), columns=None):
        super().__init__(rows)
        self.notes = list(notes)
        self.columns = columns
