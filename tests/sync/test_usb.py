"""Writing a bundle to a USB stick: a full stick, a stick pulled out mid-write, a failing rename or
read-back, or a stick that returns other bytes than were written — each is a clear Chinese sentence,
leaves no `.vsb` that looks complete, and the retry succeeds."""
from __future__ import annotations

import errno
import io
from pathlib import Path

import pyrage
import pytest

import sync.usb
from models.peers import get_peer
from models.registry import save_person
from sync.errors import StickError
from sync.export import export_bundle
from sync.importer import import_bundle
from sync.usb import write_encrypted

FULL = "U盘空间不足"
GONE = "找不到U盘"


class FailingFile(io.RawIOBase):
    """A file on a stick that fails with `error` once `limit` bytes were written (or on flush/fsync)."""

    def __init__(self, real, limit: int, error: OSError):
        self.real, self.limit, self.error, self.written = real, limit, error, 0

    def write(self, data):
        if self.written + len(data) > self.limit:
            raise self.error
        self.written += len(data)
        return self.real.write(data)

    def flush(self):
        self.real.flush()

    def fileno(self):
        return self.real.fileno()

    def close(self):
        self.real.close()


def fail_writes_after(monkeypatch, limit: int, code: int):
    real_open = open

    def fake_open(path, mode="r", *args, **kw):
        f = real_open(path, mode, *args, **kw)
        return FailingFile(f, limit, OSError(code, "simulated")) if "w" in mode else f

    monkeypatch.setattr(sync.usb, "open", fake_open, raising=False)


@pytest.fixture
def plain(tmp_path) -> Path:
    path = tmp_path / "plain.zip"
    path.write_bytes(bytes(range(256)) * 4096)  # 1 MiB: the envelope writes it in many pieces
    return path


@pytest.fixture
def identity():
    return pyrage.x25519.Identity.generate()


def only_whole_bundles(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def retry_succeeds(monkeypatch, plain: Path, target: Path, identity) -> None:
    monkeypatch.undo()
    digest = write_encrypted(plain, target, [str(identity.to_public())])
    assert sync.usb.file_sha256(target) == digest
    assert pyrage.decrypt(target.read_bytes(), [identity]) == plain.read_bytes()
    assert only_whole_bundles(target.parent) == [target.name]


@pytest.mark.parametrize("code, sentence", [(errno.ENOSPC, FULL), (errno.EIO, GONE), (errno.ENODEV, GONE)])
@pytest.mark.parametrize("limit", [0, 100, 300_000])  # at the first byte, in the header, mid-body
def test_a_stick_that_fills_up_or_is_pulled_out_while_writing_leaves_no_bundle_and_the_retry_works(
        monkeypatch, tmp_path, plain, identity, code, sentence, limit):
    usb = tmp_path / "usb"
    usb.mkdir()
    fail_writes_after(monkeypatch, limit, code)
    with pytest.raises(StickError) as caught:
        write_encrypted(plain, usb / "a.vsb", [str(identity.to_public())])
    assert sentence in caught.value.message and "重试" in caught.value.message
    assert only_whole_bundles(usb) == []
    retry_succeeds(monkeypatch, plain, usb / "a.vsb", identity)


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_a_stick_pulled_out_while_finishing_the_file_leaves_no_bundle(monkeypatch, tmp_path, plain, identity, step):
    usb = tmp_path / "usb"
    usb.mkdir()

    def gone(*args, **kw):
        raise OSError(errno.ENODEV, "simulated")

    monkeypatch.setattr(sync.usb.os, step, gone)
    with pytest.raises(StickError, match=GONE):
        write_encrypted(plain, usb / "a.vsb", [str(identity.to_public())])
    assert only_whole_bundles(usb) == []
    retry_succeeds(monkeypatch, plain, usb / "a.vsb", identity)


def test_a_stick_that_cannot_be_read_back_leaves_no_bundle(monkeypatch, tmp_path, plain, identity):
    usb = tmp_path / "usb"
    usb.mkdir()

    def unreadable(path):
        raise OSError(errno.EIO, "simulated")

    monkeypatch.setattr(sync.usb, "file_sha256", unreadable)
    with pytest.raises(StickError, match=GONE):
        write_encrypted(plain, usb / "a.vsb", [str(identity.to_public())])
    assert only_whole_bundles(usb) == []
    retry_succeeds(monkeypatch, plain, usb / "a.vsb", identity)


def test_a_stick_that_reads_back_other_bytes_than_were_written_is_refused_and_the_file_removed(
        monkeypatch, tmp_path, plain, identity):
    usb = tmp_path / "usb"
    usb.mkdir()
    monkeypatch.setattr(sync.usb, "file_sha256", lambda path: "0" * 64)
    with pytest.raises(StickError, match="读回来与写入的不一致"):
        write_encrypted(plain, usb / "a.vsb", [str(identity.to_public())])
    assert only_whole_bundles(usb) == []
    retry_succeeds(monkeypatch, plain, usb / "a.vsb", identity)


def test_a_failed_export_to_a_full_stick_counts_for_nothing_and_the_retry_imports(network, tmp_path, monkeypatch):
    bureau, a, b = network
    with a:
        save_person(None, {"name": "王建国", "id_number": "150626198503150314"}, actor=a.actor)
    usb = tmp_path / "usb"
    usb.mkdir()
    with a:
        fail_writes_after(monkeypatch, 100, errno.ENOSPC)
        with pytest.raises(StickError, match=FULL):
            export_bundle(a.home, usb / "a.vsb")
        monkeypatch.undo()
        assert only_whole_bundles(usb) == []
        assert get_peer("bureau") is None or get_peer("bureau").export_sequence == 0
        result = export_bundle(a.home, usb / "a.vsb")
        assert result.sequence == 1
    with bureau:
        assert import_bundle(bureau.home, result.path, actor=bureau.actor).counts["created"] >= 1
