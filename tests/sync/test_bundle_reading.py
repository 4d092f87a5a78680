"""Reading a bundle's parts: streamed, decoded once (keeping the JSON text of state/changed/base as
sent), and a part whose bytes do not match the signed manifest is refused even while it is applied."""
from __future__ import annotations

import hashlib
import json
import zipfile

import pytest

from sync.bundle_format import FORMAT_NAME, BundleZipReader, _ahead, decode_line, line_change_id
from sync.errors import BundleRefused

LINE = ('{"change_id":"c1","origin":"o1","seq":3,"table":"person","record_id":"p1","op":"upsert",'
        '"state":{"id":"p1","name":"王建国","tags":["重点"]},"changed":{"name":[null,"王建国"]},"base":{},'
        '"author":"张三","at":"2026-11-26T06:00:00.000000Z","hlc":"0000000000000001.00000"}')


def test_a_line_as_export_writes_it_is_decoded_once_with_its_json_text_kept():
    values, raw = decode_line(LINE)
    assert values == json.loads(LINE)
    assert raw["state"] == '{"id":"p1","name":"王建国","tags":["重点"]}' and raw["base"] == "{}"
    assert line_change_id(LINE) == "c1"


@pytest.mark.parametrize("text", [
    LINE.replace('"seq":3', '"seq" : 3'),                      # whitespace
    LINE.replace('"author":"张三"', '"author":"张\\"三"'),      # an escaped quote
    '{"state": {"a": 1}, "change_id": "x"}',                     # another order, other keys
])
def test_any_other_json_object_is_decoded_in_full(text):
    values, raw = decode_line(text)
    assert values == json.loads(text)
    assert json.loads(raw["state"]) == values["state"]


@pytest.mark.parametrize("text", ["", "[1]", LINE[:-1], LINE + "x", LINE.replace('"seq":3', '"seq":'),
                                  '{"a":1,}', "{'a':1}"])
def test_anything_that_is_not_one_json_object_is_refused(text):
    with pytest.raises(ValueError):
        decode_line(text)


def write_bundle_zip(path, lines: list[str], *, sha256: str | None = None):
    data = ("\n".join(lines) + "\n").encode()
    part = {"name": "changes-0001.jsonl", "bytes": len(data), "changes": len(lines),
            "sha256": sha256 or hashlib.sha256(data).hexdigest()}
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("manifest.json", json.dumps({"format": FORMAT_NAME, "parts": [part]}))
        z.writestr("manifest.sig", "unsigned")
        z.writestr(part["name"], data)
    return part


def test_a_part_is_streamed_in_batches_of_lines(tmp_path):
    lines = [LINE.replace('"c1"', f'"c{i}"') for i in range(25)]
    part = write_bundle_zip(tmp_path / "b.zip", lines)
    reader = BundleZipReader(tmp_path / "b.zip")
    batches = list(reader.part_batches(part, 10))
    assert [len(b) for b in batches] == [10, 10, 5] and batches[0][0] == lines[0]
    reader.close()


def test_a_part_that_does_not_match_the_manifest_is_refused_while_being_read(tmp_path):
    part = write_bundle_zip(tmp_path / "b.zip", [LINE], sha256="0" * 64)
    reader = BundleZipReader(tmp_path / "b.zip")
    with pytest.raises(BundleRefused) as refused:
        for _ in reader.part_batches(part):
            pass
    assert refused.value.reason == "tampered"
    reader.close()


def test_the_read_ahead_thread_hands_over_its_error_and_stops_when_the_reader_stops():
    def pieces():
        yield b"a"
        yield b"b"
        raise BundleRefused("damaged", "坏了")

    got = []
    with pytest.raises(BundleRefused):
        for piece in _ahead(pieces()):
            got.append(piece)
    assert got == [b"a", b"b"]

    closed = []

    def endless():
        try:
            while True:
                yield b"x"
        finally:
            closed.append(True)

    stream = _ahead(endless(), depth=2)
    assert next(stream) == b"x"
    stream.close()  # the reader stops early: the producer is stopped, closed and joined
    assert closed == [True]
