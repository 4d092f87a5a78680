"""UUIDv7 record ids (time-ordered, text) and the hybrid logical clock that stamps changes.

    new_id()                      # '01936f0e-…' sorted by creation time
    format_stamp(*clock.tick())   # '0001732600000000.00000' — comparable as text
"""
from __future__ import annotations

import os
import threading
import time

_lock = threading.Lock()
_last_ms = 0
_counter = 0


def new_id() -> str:
    """RFC 9562 UUIDv7: 48-bit ms timestamp, 12-bit counter for monotonicity, random tail."""
    h = f"{new_id_number():032x}"  # what str(uuid.UUID(int=value)) gives, without building the object
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


def new_id_number() -> int:
    """The next new_id() as its 128-bit number (its 16 bytes are what the change log stores on SQLite)."""
    global _last_ms, _counter
    with _lock:
        ms = time.time_ns() // 1_000_000
        if ms <= _last_ms:
            ms = _last_ms
            _counter += 1
            if _counter > 0xFFF:
                ms += 1
                _counter = 0
        else:
            _counter = int.from_bytes(os.urandom(2), "big") & 0x3FF
        _last_ms = ms
        rand = int.from_bytes(os.urandom(8), "big") & ((1 << 62) - 1)
        return (ms << 80) | (0x7 << 76) | (_counter << 64) | (0b10 << 62) | rand


class HybridClock:
    """Hybrid logical clock: never goes backwards, even when the PC's clock does."""

    def __init__(self, last: str | None = None):
        self.physical, self.logical = parse_stamp(last) if last else (0, 0)

    def tick(self, now_ms: int | None = None) -> tuple[int, int]:
        """The next stamp as (physical ms, logical counter)."""
        now = time.time_ns() // 1_000_000 if now_ms is None else now_ms
        if now > self.physical:
            self.physical, self.logical = now, 0
        else:
            self.logical += 1
        return self.physical, self.logical

    def observe(self, remote: str) -> None:
        """Move past a stamp seen in an incoming change so our next stamp orders after it."""
        p, lg = parse_stamp(remote)
        if (p, lg) > (self.physical, self.logical):
            self.physical, self.logical = p, lg


def format_stamp(physical_ms: int, logical: int) -> str:
    return f"{physical_ms:016d}.{logical:05d}"


def parse_stamp(stamp: str) -> tuple[int, int]:
    physical, logical = stamp.split(".")
    return int(physical), int(logical)
