"""Bad bundles are refused with a clear sentence, and nothing at all changes."""
from __future__ import annotations

import io
import json
import shutil
import subprocess
import zipfile
from pathlib import Path

import pyrage
import pytest

from models.db import db
from models.registry import save_person
from sync.errors import BundleRefused
from sync.importer import import_bundle, inspect_bundle
from sync.keys import load_keys
from tests.sync.conftest import enroll, make_bureau
from tests.sync.helpers import bundle_from

ID = "150626198503150314"


def fingerprint(site) -> tuple:
    """Everything an import could change, as a comparable value."""
    with site:
        tables = sorted(db.get_tables())
        return tuple((t, tuple(db.execute_sql(f'SELECT * FROM "{t}" ORDER BY 1').fetchall())) for t in tables)


def refused(site, path: Path, reason: str) -> str:
    before = fingerprint(site)
    with site:
        with pytest.raises(BundleRefused) as caught:
            import_bundle(site.home, path, actor=site.actor)
    assert caught.value.reason == reason, caught.value.message
    assert fingerprint(site) == before
    return caught.value.message


@pytest.fixture
def station_bundle(network, tmp_path):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    return bundle_from(a, bureau, tmp_path / "usb")


def reencrypt(path: Path, bureau, edit) -> Path:
    """Open a bundle with the bureau's key, let `edit` change the zip entries, seal it again."""
    with bureau:
        keys = load_keys(bureau.home)
    plain = pyrage.decrypt(path.read_bytes(), [keys.age])
    entries = {}
    with zipfile.ZipFile(io.BytesIO(plain)) as z:
        for name in z.namelist():
            entries[name] = z.read(name)
    edit(entries)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        for name, data in entries.items():
            z.writestr(name, data)
    target = path.with_name("edited.vsb")
    recipient = pyrage.x25519.Recipient.from_str(keys.bureau["age_recipient"])
    target.write_bytes(pyrage.encrypt(out.getvalue(), [recipient]))
    return target


def test_a_flipped_byte_anywhere_is_refused(network, station_bundle):
    bureau = network[0]
    data = bytearray(station_bundle.read_bytes())
    for position in (len(data) // 2, len(data) - 5):
        tampered = station_bundle.with_name(f"tampered-{position}.vsb")
        copy = bytearray(data)
        copy[position] ^= 0x01
        tampered.write_bytes(bytes(copy))
        assert "损坏" in refused(bureau, tampered, "damaged")


def test_a_truncated_file_is_refused(network, station_bundle):
    cut = station_bundle.with_name("cut.vsb")
    cut.write_bytes(station_bundle.read_bytes()[:-40])
    refused(network[0], cut, "damaged")


def test_a_file_that_is_not_a_bundle_is_refused(network, tmp_path):
    for content in (b"", b"hello", b"PK\x03\x04 not a zip", "王建国,150626".encode()):
        path = tmp_path / "x.vsb"
        path.write_bytes(content)
        assert "不是" in refused(network[0], path, "not_a_bundle")


def test_a_bundle_for_another_station_or_bureau_is_refused(network, station_bundle, tmp_path):
    bureau, a, b = network
    assert "不是发给本单位" in refused(b, station_bundle, "not_for_us")
    other_bureau = make_bureau(tmp_path / "other")
    refused(other_bureau, station_bundle, "not_for_us")
    for_a = bundle_from(bureau, a, tmp_path / "usb2")
    refused(b, for_a, "not_for_us")


def test_a_signer_without_a_certificate_from_our_bureau_is_refused(network, tmp_path):
    bureau, a, b = network
    rogue_bureau = make_bureau(tmp_path / "rogue")
    rogue = enroll(rogue_bureau, tmp_path / "rogue", "150626109")
    with bureau:
        real = load_keys(bureau.home).bureau
    # the rogue station addresses its bundle to our bureau's keys
    bureau_file = rogue.home.folder("keys") / "bureau.json"
    faked = json.loads(bureau_file.read_text("utf-8"))
    faked.update(age_recipient=real["age_recipient"], escrow_recipient=real["escrow_recipient"],
                 installation_id=real["installation_id"])
    bureau_file.write_text(json.dumps(faked), "utf-8")
    path = bundle_from(rogue, bureau, tmp_path / "usb")
    assert "不是本局签发" in refused(bureau, path, "certificate")


def test_a_part_that_does_not_match_the_signed_manifest_is_refused(network, station_bundle):
    bureau = network[0]

    def change_part(entries):
        name = "changes-0001.jsonl"
        entries[name] = entries[name].replace("王建国".encode(), "王建华".encode())

    refused(bureau, reencrypt(station_bundle, bureau, change_part), "tampered")

    def change_manifest(entries):
        entries["manifest.json"] = entries["manifest.json"].replace(b'"sequence": 1', b'"sequence": 7')

    refused(bureau, reencrypt(station_bundle, bureau, change_manifest), "tampered")


def test_unexpected_or_escaping_names_in_the_zip_are_refused(network, station_bundle):
    bureau = network[0]
    refused(bureau, reencrypt(station_bundle, bureau, lambda e: e.update({"../../evil.txt": b"x"})), "damaged")
    refused(bureau, reencrypt(station_bundle, bureau, lambda e: e.update({"changes-0099.jsonl": b"{}"})), "tampered")


def test_a_newer_format_or_schema_asks_to_update_the_program(network, tmp_path, monkeypatch):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    monkeypatch.setattr("sync.export.SCHEMA_VERSION", 999)
    newer_schema = bundle_from(a, bureau, tmp_path / "s")
    assert "请升级程序" in refused(bureau, newer_schema, "too_new")
    monkeypatch.setattr("sync.bundle_format.FORMAT_VERSION", 2)
    newer_format = bundle_from(a, bureau, tmp_path / "f")
    assert "请升级程序" in refused(bureau, newer_format, "too_new")


def test_a_superseded_bundle_is_refused_and_the_same_bundle_twice_changes_nothing(network, tmp_path):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    first = bundle_from(a, bureau, tmp_path / "1")
    with a:
        save_person(None, {"name": "李明", "id_number": "150626199001010017"}, actor=a.actor)
    second = bundle_from(a, bureau, tmp_path / "2")
    with bureau:
        assert import_bundle(bureau.home, second, actor=bureau.actor).counts["created"] >= 2
    before = fingerprint(bureau)
    with bureau:
        assert import_bundle(bureau.home, second, actor=bureau.actor).already_imported
    assert fingerprint(bureau) == before
    assert "较旧" in refused(bureau, first, "superseded")


def test_inspect_tells_sender_counts_and_whether_it_verifies_without_changing_anything(network, station_bundle):
    bureau, a, b = network
    before = fingerprint(bureau)
    with bureau:
        info = inspect_bundle(bureau.home, station_bundle)
    assert info["verified"] and info["sender"]["station_code"] == a.code
    assert info["counts"]["person"] == 1
    assert fingerprint(bureau) == before
    with b:
        info = inspect_bundle(b.home, station_bundle)
    assert not info["verified"] and "不是发给本单位" in info["problem"]


@pytest.mark.skipif(shutil.which("age") is None, reason="the age tool is not installed")
def test_the_bureau_can_open_a_bundle_with_the_standard_age_tool_and_the_escrow_key(network, station_bundle, tmp_path):
    out = tmp_path / "opened.zip"
    subprocess.run(["age", "-d", "-i", str(tmp_path / "escrow.txt"), "-o", str(out), str(station_bundle)],
                   check=True, capture_output=True)
    with zipfile.ZipFile(out) as z:
        manifest = json.loads(z.read("manifest.json"))
        assert "王建国" in z.read("changes-0001.jsonl").decode()
    assert manifest["format"] == "vetstation-bundle"
