"""The bundle inside the envelope: a zip of manifest.json, manifest.sig, changes-NNNN.jsonl parts,
receipts.jsonl and attachments/, and how to read one safely.

    with BundleZipWriter(path) as z:
        z.add_part(lines); z.add_receipts(lines); z.add_attachment(digest, suffix, file)
        manifest_bytes = z.finish(manifest_fields, keys)      # signs and writes the manifest
    reader = BundleZipReader(path)                          # names checked, sizes capped
    reader.verify_parts(manifest)                           # every part's SHA-256 and size
    for change in reader.changes(part): …

Nothing is ever extracted by name: entries are read as streams with size caps (no path traversal,
no zip bomb). The manifest records the algorithms so they can be exchanged later (e.g. SM2/SM3/SM4).
"""
from __future__ import annotations

import hashlib
import json
import re
import zipfile
from pathlib import Path

from sync.errors import BundleRefused
from sync.keys import SIGNATURE_ALGORITHM

FORMAT_NAME = "vetstation-bundle"
FORMAT_VERSION = 1
PART_SIZE = 10_000  # changes per part: import and export hold one part in memory at a time
MAX_MANIFEST_BYTES = 16 * 1024 * 1024
MAX_ENTRY_BYTES = 1024 * 1024 * 1024
MAX_ENTRIES = 100_000
ALGORITHMS = {"signature": SIGNATURE_ALGORITHM, "hash": "SHA-256", "compression": "deflate",
              "envelope": "age-v1/X25519/ChaCha20-Poly1305"}
ENTRY_NAME = re.compile(r"^(manifest\.json|manifest\.sig|receipts\.jsonl|changes-\d{4,6}\.jsonl|"
                        r"attachments/[0-9a-f]{64}(\.[a-z0-9]{1,5})?)$")


def part_name(number: int) -> str:
    return f"changes-{number:04d}.jsonl"


class BundleZipWriter:
    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6)
        self.parts: list[dict] = []
        self.receipts: dict | None = None
        self.attachments: list[dict] = []

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.zip.close()

    def _put(self, name: str, data: bytes) -> dict:
        self.zip.writestr(name, data)
        return {"name": name, "sha256": hashlib.sha256(data).hexdigest(), "bytes": len(data)}

    def add_part(self, lines: list[str]) -> None:
        entry = self._put(part_name(len(self.parts) + 1), ("\n".join(lines) + "\n").encode("utf-8"))
        entry["changes"] = len(lines)
        self.parts.append(entry)

    def add_receipts(self, lines: list[str]) -> None:
        data = ("\n".join(lines) + "\n").encode("utf-8") if lines else b""
        self.receipts = {**self._put("receipts.jsonl", data), "count": len(lines)}

    def add_attachment(self, digest: str, suffix: str, data: bytes) -> None:
        self.attachments.append(self._put(f"attachments/{digest}{suffix}", data))

    def finish(self, fields: dict, sign) -> bytes:
        manifest = {"format": FORMAT_NAME, "format_version": FORMAT_VERSION, "algorithms": ALGORITHMS,
                    **fields, "parts": self.parts, "receipts": self.receipts, "attachments": self.attachments}
        data = json.dumps(manifest, ensure_ascii=False, sort_keys=True, indent=1).encode("utf-8")
        self.zip.writestr("manifest.json", data)
        self.zip.writestr("manifest.sig", sign(data).encode("ascii"))
        return data


def manifest_hash(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BundleZipReader:
    """A decrypted bundle zip, opened defensively."""

    def __init__(self, path: Path):
        try:
            self.zip = zipfile.ZipFile(path, "r")
            infos = self.zip.infolist()
        except (zipfile.BadZipFile, OSError, ValueError):
            raise BundleRefused("damaged", "数据包内容已损坏（不是完整的压缩包），未作任何改动。") from None
        if len(infos) > MAX_ENTRIES:
            raise BundleRefused("damaged", "数据包内文件数目异常，已拒绝。")
        self.infos = {}
        for info in infos:
            if not ENTRY_NAME.match(info.filename) or info.filename in self.infos:
                raise BundleRefused("damaged", f"数据包内有不该有的文件（{info.filename[:60]}），已拒绝。")
            self.infos[info.filename] = info
        for name in ("manifest.json", "manifest.sig"):
            if name not in self.infos:
                raise BundleRefused("damaged", "数据包缺少清单或签名，可能不完整，未作任何改动。")
        self.manifest_bytes = self.read("manifest.json", MAX_MANIFEST_BYTES)
        self.signature = self.read("manifest.sig", 1024).decode("ascii", "replace").strip()
        try:
            self.manifest = json.loads(self.manifest_bytes)
        except ValueError:
            raise BundleRefused("damaged", "数据包清单无法识别，未作任何改动。") from None
        if not isinstance(self.manifest, dict) or self.manifest.get("format") != FORMAT_NAME:
            raise BundleRefused("not_a_bundle", "这不是 vetstation 数据包（清单格式不对），未作任何改动。")

    def close(self) -> None:
        self.zip.close()

    def read(self, name: str, limit: int) -> bytes:
        """The whole entry, refusing anything larger than `limit` (declared sizes are not trusted)."""
        try:
            with self.zip.open(self.infos[name]) as f:
                data = f.read(limit + 1)
        except (zipfile.BadZipFile, OSError, EOFError, KeyError, ValueError):
            raise BundleRefused("damaged", f"数据包内的 {name} 已损坏，未作任何改动。") from None
        if len(data) > limit:
            raise BundleRefused("damaged", f"数据包内的 {name} 大小异常，已拒绝。")
        return data

    def _expect(self, entry: dict) -> bytes:
        name = entry.get("name")
        if name not in self.infos:
            raise BundleRefused("damaged", f"数据包不完整：缺少 {name}，未作任何改动。")
        size = entry.get("bytes")
        if not isinstance(size, int) or not 0 <= size <= MAX_ENTRY_BYTES:
            raise BundleRefused("damaged", "数据包清单中的大小异常，已拒绝。")
        data = self.read(name, size)
        if len(data) != size or hashlib.sha256(data).hexdigest() != entry.get("sha256"):
            raise BundleRefused("tampered", f"数据包内的 {name} 与签名清单不符（被改动或损坏），未作任何改动。")
        return data

    def verify_parts(self) -> None:
        """Every listed entry present and matching its SHA-256; nothing unlisted besides the manifest."""
        listed = {"manifest.json", "manifest.sig"}
        entries = list(self.manifest.get("parts") or []) + list(self.manifest.get("attachments") or [])
        if self.manifest.get("receipts"):
            entries.append(self.manifest["receipts"])
        for entry in entries:
            if not isinstance(entry, dict):
                raise BundleRefused("damaged", "数据包清单格式不对，已拒绝。")
            self._expect(entry)
            listed.add(entry["name"])
        extra = set(self.infos) - listed
        if extra:
            raise BundleRefused("tampered", f"数据包内有清单之外的文件（{sorted(extra)[0]}），已拒绝。")

    def part_lines(self, entry: dict) -> list[dict]:
        data = self._expect(entry)
        try:
            return [json.loads(line) for line in data.decode("utf-8").splitlines() if line]
        except ValueError:
            raise BundleRefused("damaged", f"数据包内的 {entry['name']} 无法识别，未作任何改动。") from None

    def attachment(self, entry: dict) -> bytes:
        return self._expect(entry)
