"""Hostile bundles signed with a real station's key, for the fuzz tests (tests/sync/test_fuzz_bundles.py).

    maker = Hostile(station, bureau, real_bundle_path, folder)  # takes the real bundle apart once
    lines = maker.lines(); lines[0]["seq"] = -1                 # the changes as dicts, a fresh copy each time
    path = maker.bundle(maker.manifest(), [maker.encode(lines)])  # zipped, signed by the station, sealed
    database_content()                                          # every table of the open database

The manifest is signed with the station's own Ed25519 key and sealed to the bureau's age key, so a
hostile content is not stopped by the envelope or the signature: it reaches the parsing, validation
and apply layers. Building one takes a few milliseconds (no scrypt, no export).
"""
from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from pathlib import Path

import pyrage

from models.db import db
from models.fields import utc_now
from models.peers import BUREAU
from sync.bundle_format import part_name
from sync.keys import canonical, load_keys
from sync.receipts import RECEIPT_FORMAT

_OWN = ("parts", "receipts", "attachments")  # computed from the content unless a test sets them


class Hostile:
    def __init__(self, station, bureau, real: Path, folder: Path):
        self.station, self.bureau = station, bureau
        self.station_keys = load_keys(station.home)
        bureau_keys = load_keys(bureau.home)
        plain = pyrage.decrypt(Path(real).read_bytes(), [bureau_keys.age])
        with zipfile.ZipFile(io.BytesIO(plain)) as z:
            self._manifest = json.loads(z.read("manifest.json"))
            self._lines = [json.loads(x) for name in sorted(z.namelist()) if name.startswith("changes-")
                           for x in z.read(name).decode("utf-8").splitlines() if x]
        self.recipient = pyrage.x25519.Recipient.from_str(self.station_keys.bureau["age_recipient"])
        self.folder = Path(folder)
        self.folder.mkdir(parents=True, exist_ok=True)

    # -- the real bundle's content, copied -------------------------------------------------------------
    def manifest(self) -> dict:
        return {k: copy.deepcopy(v) for k, v in self._manifest.items() if k not in _OWN}

    def lines(self) -> list[dict]:
        return copy.deepcopy(self._lines)

    def parts(self) -> list[list[str]]:
        return [self.encode(self._lines)]

    @staticmethod
    def encode_line(line) -> str:
        return json.dumps(line, ensure_ascii=False, separators=(",", ":"))

    def encode(self, lines: list) -> list[str]:
        return [self.encode_line(x) for x in lines]

    @staticmethod
    def part_entry(lines: list[str], number: int) -> dict:
        data = _part_bytes(lines)
        return {"name": part_name(number), "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data),
                "changes": len(lines)}

    def receipt_lines(self, key: str, value) -> list[str]:
        """One receipt signed by the station, with `key` of its body set to `value`."""
        body = {"format": RECEIPT_FORMAT, "receipt_id": "R" * 26,
                "issuer": {"installation_id": self.station.installation_id, "kind": "station",
                           "station_code": self.station.code},
                "peer": BUREAU, "bundle_hash": "0" * 64, "vector": {self.station.installation_id: 1},
                "summary": {"created": 1}, "issued_at": utc_now()}
        body[key] = value
        return [json.dumps({"body": body, "signature": self.station_keys.sign(canonical(body))},
                           ensure_ascii=False)]

    # -- a sealed bundle -----------------------------------------------------------------------------------
    def bundle(self, manifest: dict, parts: list[list[str]], receipts: list[str] | None = None) -> Path:
        out = io.BytesIO()
        computed: dict = {"attachments": []}
        with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
            entries = []
            for number, lines in enumerate(parts, 1):
                z.writestr(part_name(number), _part_bytes(lines))
                entries.append(self.part_entry(lines, number))
            computed["parts"] = entries
            if receipts is not None:
                data = ("\n".join(receipts) + "\n").encode("utf-8")
                z.writestr("receipts.jsonl", data)
                computed["receipts"] = {"name": "receipts.jsonl", "sha256": hashlib.sha256(data).hexdigest(),
                                        "bytes": len(data), "count": len(receipts)}
            else:
                computed["receipts"] = None
            data = json.dumps({**computed, **manifest}, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
            z.writestr("manifest.json", data)
            z.writestr("manifest.sig", self.station_keys.sign(data).encode("ascii"))
        path = self.folder / "hostile.vsb"
        path.write_bytes(pyrage.encrypt(out.getvalue(), [self.recipient]))
        return path


def _part_bytes(lines: list[str]) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


def database_content() -> tuple:
    """Every row of every table of the open database, as a comparable value."""
    return tuple((t, tuple(db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall()))
                 for t in sorted(db.get_tables()))
