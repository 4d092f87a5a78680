"""The bundle inside the envelope: a zip of manifest.json, manifest.sig, changes-NNNN.jsonl parts,
receipts.jsonl and attachments/, and how to read one safely.

    with BundleZipWriter(path) as z:
        z.add_part(lines); z.add_receipts(lines); z.add_attachment(digest, suffix, file)
        manifest_bytes = z.finish(manifest_fields, keys)      # signs and writes the manifest
    reader = BundleZipReader(path)                          # names checked, sizes capped
    reader.verify_parts()                                   # every part's SHA-256 and size (streamed)
    for batch in reader.part_batches(part, 2000): …         # lines of text, streamed; decode_line(text)

Parts are streamed: never a whole part in memory, hashed again while read. A line is decoded once;
the JSON text of its state/changed/base is kept as sent (decode_line), never re-encoded.

Nothing is ever extracted by name: entries are read as streams with size caps (no path traversal,
no zip bomb). The manifest records the algorithms so they can be exchanged later (e.g. SM2/SM3/SM4).
"""
from __future__ import annotations

import hashlib
import json
import queue
import re
import threading
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
MAX_LINE_BYTES = 64 * 1024 * 1024
READ_CHUNK = 1024 * 1024
COMPRESS_LEVEL = 1  # deflate: half the time of level 6 on a part, 5.6% of the JSON instead of 4.5%
ALGORITHMS = {"signature": SIGNATURE_ALGORITHM, "hash": "SHA-256", "compression": "deflate",
              "envelope": "age-v1/X25519/ChaCha20-Poly1305"}
ENTRY_NAME = re.compile(r"^(manifest\.json|manifest\.sig|receipts\.jsonl|changes-\d{4,6}\.jsonl|"
                        r"attachments/[0-9a-f]{64}(\.[a-z0-9]{1,5})?)$")


def part_name(number: int) -> str:
    return f"changes-{number:04d}.jsonl"


class BundleZipWriter:
    def __init__(self, path: Path):
        self.zip = zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED,
                                   compresslevel=COMPRESS_LEVEL)
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


MAX_SEQUENCE = 2**62  # bundle and change numbers: far beyond any real count, well inside SQLite's INTEGER
MAX_NAME_CHARS = 200  # a name, code or id in the manifest's sender/recipient
_TEXTS = ("kind", "installation_id", "station_code", "name")


def check_manifest_shape(m: dict) -> None:
    """Refuse a manifest whose fields have the wrong type or size (a missing one is the importer's
    "清单不完整"): every later step may trust the type of what is there. A manifest of a newer format is
    left to the version check ("请升级程序")."""
    version = m.get("format_version")
    if isinstance(version, int) and not isinstance(version, bool) and version > FORMAT_VERSION:
        return
    none = type(None)
    kinds = {"sender": (dict, none), "recipient": (dict, none), "parts": (list, none), "receipts": (dict, none),
             "attachments": (list, none), "vector_before": (dict, none), "vector_after": (dict, none),
             "counts": (dict, none)}
    ok = all(isinstance(m.get(k), t) for k, t in kinds.items())
    ok = ok and all(isinstance(p, dict) for k in ("parts", "attachments") for p in m.get(k) or [])
    sequence, schema = m.get("sequence"), m.get("schema_version")
    ok = ok and (sequence is None or (type(sequence) is int and 1 <= sequence <= MAX_SEQUENCE))
    ok = ok and (schema is None or (type(schema) is int and 0 <= schema <= MAX_SEQUENCE))
    if ok:
        for who in (m.get("sender") or {}, m.get("recipient") or {}):
            ok = ok and all(isinstance(who.get(k), (str, none)) and len(who.get(k) or "") <= MAX_NAME_CHARS
                            and (who.get(k) or "").isprintable() for k in _TEXTS)
        former = (m.get("sender") or {}).get("former_ids")
        ok = ok and (former is None or (isinstance(former, list) and all(isinstance(x, str) for x in former)))
    if not ok:
        raise BundleRefused("damaged", "数据包清单格式不对（有的项目类型或大小异常），已拒绝，未作任何改动。")


def shown_name(name) -> str:
    """An entry name as a refusal may show it: one short line, whatever the manifest says."""
    text = name if isinstance(name, str) else repr(name)
    text = "".join(ch if ch.isprintable() else "?" for ch in text[:60])
    return text + ("…" if len(text) >= 60 else "")


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
        check_manifest_shape(self.manifest)

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

    def _entry(self, entry: dict) -> tuple[str, int]:
        name = entry.get("name") if isinstance(entry, dict) else None
        if not isinstance(name, str) or name not in self.infos:
            raise BundleRefused("damaged", f"数据包不完整：缺少 {shown_name(name)}，未作任何改动。")
        size = entry.get("bytes")
        if not isinstance(size, int) or not 0 <= size <= MAX_ENTRY_BYTES:
            raise BundleRefused("damaged", "数据包清单中的大小异常，已拒绝。")
        return name, size

    def _chunks(self, entry: dict):
        """The entry's bytes in pieces; after the last one, its size and SHA-256 are checked."""
        name, size = self._entry(entry)
        digest, seen = hashlib.sha256(), 0
        try:
            with self.zip.open(self.infos[name]) as f:
                while True:
                    piece = f.read(min(READ_CHUNK, size + 1 - seen))
                    if not piece:
                        break
                    seen += len(piece)
                    if seen > size:
                        break
                    digest.update(piece)
                    yield piece
        except (zipfile.BadZipFile, OSError, EOFError, ValueError):
            raise BundleRefused("damaged", f"数据包内的 {name} 已损坏，未作任何改动。") from None
        if seen != size or digest.hexdigest() != entry.get("sha256"):
            raise BundleRefused("tampered", f"数据包内的 {name} 与签名清单不符（被改动或损坏），未作任何改动。")

    def _expect(self, entry: dict) -> bytes:
        return b"".join(self._chunks(entry))

    def verify_parts(self) -> None:
        """Every listed entry present and matching its SHA-256; nothing unlisted besides the manifest."""
        listed = {"manifest.json", "manifest.sig"}
        entries = list(self.manifest.get("parts") or []) + list(self.manifest.get("attachments") or [])
        if self.manifest.get("receipts"):
            entries.append(self.manifest["receipts"])
        for entry in entries:  # each a dict: check_manifest_shape refused any other
            if entry is self.manifest.get("receipts"):
                _check_receipts(self._expect(entry))
            else:
                for _ in self._chunks(entry):
                    pass
            listed.add(entry["name"])
        extra = set(self.infos) - listed
        if extra:
            raise BundleRefused("tampered", f"数据包内有清单之外的文件（{sorted(extra)[0]}），已拒绝。")

    def part_lines(self, entry: dict) -> list[dict]:
        """All changes of a part as dicts (small parts, tests and tools; import streams part_batches)."""
        name = entry.get("name")
        try:
            return [decode_line(text)[0] for batch in self.part_batches(entry) for text in batch]
        except ValueError:
            raise BundleRefused("damaged", f"数据包内的 {name} 无法识别，未作任何改动。") from None

    def part_batches(self, entry: dict, size: int = 2000):
        """The part's lines (text, not yet decoded: see decode_line) in batches of `size`, streamed."""
        name = entry.get("name")
        batch, tail = [], b""
        for piece in _ahead(self._chunks(entry)):
            lines = (tail + piece).split(b"\n")
            tail = lines.pop()
            if len(tail) > MAX_LINE_BYTES:
                raise BundleRefused("damaged", f"数据包内的 {name} 无法识别，未作任何改动。")
            for line in lines:
                if line:
                    batch.append(_text(line, name))
                    if len(batch) >= size:
                        yield batch
                        batch = []
        if tail:
            batch.append(_text(tail, name))
        if batch:
            yield batch

    def attachment(self, entry: dict) -> bytes:
        return self._expect(entry)


def _check_receipts(data: bytes) -> None:
    """receipts.jsonl: one JSON object per line (what each receipt says is checked when it is accepted)."""
    try:
        lines = [json.loads(x) for x in data.decode("utf-8").splitlines() if x]
    except ValueError:  # also UnicodeDecodeError
        lines = None
    if lines is None or not all(isinstance(x, dict) for x in lines):
        raise BundleRefused("damaged", "数据包内的回执（receipts.jsonl）无法识别，未作任何改动。")


class _Failed:
    def __init__(self, exc: BaseException):
        self.exc = exc


_END = object()


def _ahead(pieces, depth: int = 4):
    """Yield from the generator `pieces`, run one step ahead in a thread: inflating and hashing
    release the GIL, so they overlap with the caller's decoding (2 cores). Its exceptions are raised
    here; when the caller stops early, the thread stops too and is joined before this returns."""
    out: queue.Queue = queue.Queue(maxsize=depth)
    stop = threading.Event()

    def put(item) -> bool:
        while not stop.is_set():
            try:
                out.put(item, timeout=0.05)
                return True
            except queue.Full:
                continue
        return False

    def run() -> None:
        try:
            for piece in pieces:
                if not put(piece):
                    break
            else:
                put(_END)
        except BaseException as exc:  # noqa: BLE001 — handed to the caller, who raises it
            put(_Failed(exc))
        finally:
            pieces.close()

    worker = threading.Thread(target=run, name="bundle-reader", daemon=True)
    worker.start()
    try:
        while True:
            item = out.get()
            if item is _END:
                return
            if isinstance(item, _Failed):
                raise item.exc
            yield item
    finally:
        stop.set()
        worker.join()


def _text(line: bytes, name: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        raise BundleRefused("damaged", f"数据包内的 {name} 无法识别，未作任何改动。") from None


def line_change_id(text: str) -> str | None:
    """The change_id of a line laid out as sync.export writes it (cheap: no decoding); else None."""
    head = _HEAD.match(text)
    return head[1] if head is not None else None


_scan = json.JSONDecoder().scan_once
_SPACE = re.compile(r"[ \t\r\n]*")
_SPACE_CHARS = (" ", "\t", "\r", "\n")


def _skip(text: str, i: int) -> int:
    return _SPACE.match(text, i).end() if text[i:i + 1] in _SPACE_CHARS else i


_PLAIN = r'"([^"\\\x00-\x1f]*)"'  # a JSON string without escapes: its text is its value
_HEAD = re.compile(r'\{"change_id":%s,"origin":%s,"seq":(-?(?:0|[1-9][0-9]*)),"table":%s,"record_id":%s,"op":%s,'
                   r'"state":' % ((_PLAIN,) * 5))
_TAIL = re.compile(r',"author":%s,"at":%s,"hlc":%s\}' % ((_PLAIN,) * 3))


def decode_line(text: str) -> tuple[dict, dict]:
    """One JSON object per line → (its values, the raw JSON text of its values).

    Decoded once; the raw text of state/changed/base is stored as sent (no re-encoding). Lines laid
    out as sync.export writes them take a fast path; any other valid JSON object is decoded in full
    (whitespace allowed); anything that is not a single JSON object raises ValueError.
    """
    head = _HEAD.match(text)
    if head is not None:
        try:
            start = head.end()
            state, i = _scan(text, start)
            raw_state = text[start:i]
            if text.startswith(',"changed":', i):
                start = i + 11
                changed, i = _scan(text, start)
                raw_changed = text[start:i]
                if text.startswith(',"base":', i):
                    start = i + 8
                    base, i = _scan(text, start)
                    tail = _TAIL.fullmatch(text, i)
                    if tail is not None:
                        g = head.groups()
                        values = {"change_id": g[0], "origin": g[1], "seq": int(g[2]), "table": g[3],
                                  "record_id": g[4], "op": g[5], "state": state, "changed": changed, "base": base,
                                  "author": tail[1], "at": tail[2], "hlc": tail[3]}
                        return _checked(values), {"state": raw_state, "changed": raw_changed, "base": text[start:i]}
        except StopIteration:
            pass
    values, raw = _decode_any(text)
    return _checked(values), raw


def _checked(values: dict) -> dict:
    """Values a change's later checks compare and store: the table and operation are names (a list
    there cannot even be looked up) and the sequence number fits the change log. Anything else wrong
    is rejected per change by sync.apply."""
    seq = values.get("seq")
    if (not isinstance(values.get("table", ""), str) or not isinstance(values.get("op", ""), str)
            or (isinstance(seq, int) and not -MAX_SEQUENCE <= seq <= MAX_SEQUENCE)):
        raise ValueError("a change with an impossible table, operation or number")
    return values


def _decode_any(text: str) -> tuple[dict, dict]:
    values, raw = {}, {}
    try:
        i = _skip(text, 0)
        if text[i] != "{":
            raise ValueError("not an object")
        i = _skip(text, i + 1)
        if text[i] == "}":
            return values, raw if _skip(text, i + 1) == len(text) else _trailing()
        while True:
            if text[i] != '"':
                raise ValueError("key expected")
            key, i = _scan(text, i)
            if text[i] != ":":
                i = _skip(text, i)
                if text[i] != ":":
                    raise ValueError("colon expected")
            start = i + 1
            if text[start] in _SPACE_CHARS:
                start = _skip(text, start)
            value, i = _scan(text, start)
            values[key] = value
            raw[key] = text[start:i]
            c = text[i]
            if c in _SPACE_CHARS:
                i = _skip(text, i)
                c = text[i]
            if c == ",":
                i += 1
                if text[i] in _SPACE_CHARS:
                    i = _skip(text, i)
            elif c == "}":
                break
            else:
                raise ValueError("comma or brace expected")
    except (IndexError, StopIteration):
        raise ValueError("incomplete") from None
    if _skip(text, i + 1) != len(text):
        _trailing()
    return values, raw


def _trailing():
    raise ValueError("trailing data")
