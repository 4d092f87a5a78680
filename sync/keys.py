"""This installation's keys: an Ed25519 signing key, an X25519 age identity, its certificate, and
the bureau's public keys — all under home/keys/.

    keys = load_keys(home)            # None until the bureau's keys exist or a station is enrolled
    keys.sign(data) ; keys.certificate ; keys.bureau["age_recipient"]
    (the bureau creates its root keys once with sync.bureau_keys.create_bureau_keys)

Files (decision, see docs/sync.md): signing.key (PEM PKCS#8), age.key (AGE-SECRET-KEY-…),
certificate.json, bureau.json. Private keys are not passphrase-encrypted — the program must run
without a person typing a secret at every start — but are written owner-only (0600) inside the
per-user data folder; whole-disk encryption (BitLocker) protects them on a stolen PC. The escrow
key's secret half is written only to the file the bureau names, to be kept offline.
"""
from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from models.durable_files import write_secret
from models.errors import DomainError

SIGNATURE_ALGORITHM = "Ed25519"
SIGNING_FILE, AGE_FILE, CERT_FILE, BUREAU_FILE = "signing.key", "age.key", "certificate.json", "bureau.json"


class KeysMissing(DomainError):
    code = "keys_missing"


def canonical(data) -> bytes:
    """The bytes that get signed: sorted keys, no spaces, UTF-8."""
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def public_text(key: Ed25519PrivateKey) -> str:
    raw = key.public_key().public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return b64(raw)


def private_raw(key: Ed25519PrivateKey) -> bytes:
    return key.private_bytes(serialization.Encoding.Raw, serialization.PrivateFormat.Raw,
                             serialization.NoEncryption())


def fingerprint(public: str) -> str:
    """Short, readable key fingerprint for screens: 4 groups of 4 hex digits."""
    digest = hashlib.sha256(unb64(public)).hexdigest()[:16].upper()
    return " ".join(digest[i:i + 4] for i in range(0, 16, 4))


def sign(key: Ed25519PrivateKey, data: bytes) -> str:
    return b64(key.sign(data))


def verify(public: str, data: bytes, signature: str) -> bool:
    try:
        Ed25519PublicKey.from_public_bytes(unb64(public)).verify(unb64(signature), data)
        return True
    except (InvalidSignature, ValueError, TypeError):
        return False


def write_public(path: Path, data: dict) -> None:
    write_secret(path, json.dumps(data, ensure_ascii=False, indent=1).encode("utf-8"))


@dataclass
class LocalKeys:
    signing: Ed25519PrivateKey
    age: pyrage.x25519.Identity
    certificate: dict
    bureau: dict  # installation_id, name, signing_key, age_recipient, escrow_recipient

    @property
    def public(self) -> str:
        return public_text(self.signing)

    def sign(self, data: bytes) -> str:
        return sign(self.signing, data)


def keys_dir(home) -> Path:
    return home.folder("keys")


def save_keys(home, signing: Ed25519PrivateKey, age_secret: str, certificate: dict, bureau: dict) -> None:
    folder = keys_dir(home)
    pem = signing.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    write_secret(folder / SIGNING_FILE, pem)
    write_secret(folder / AGE_FILE, age_secret.encode("ascii") + b"\n")
    write_public(folder / BUREAU_FILE, bureau)
    write_public(folder / CERT_FILE, certificate)  # last: its presence means "keys complete"


def load_keys(home) -> LocalKeys | None:
    folder = keys_dir(home)
    if not (folder / CERT_FILE).exists():
        return None
    try:
        signing = serialization.load_pem_private_key((folder / SIGNING_FILE).read_bytes(), password=None)
        age = pyrage.x25519.Identity.from_str((folder / AGE_FILE).read_text("ascii").strip())
        certificate = json.loads((folder / CERT_FILE).read_text("utf-8"))
        bureau = json.loads((folder / BUREAU_FILE).read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise KeysMissing(f"密钥文件损坏或缺失（{folder}）：{exc}。请从备份恢复 keys 文件夹，或重新登记。") from None
    return LocalKeys(signing, age, certificate, bureau)


def require_keys(home) -> LocalKeys:
    keys = load_keys(home)
    if keys is None:
        raise KeysMissing("本单位还没有交换数据用的密钥：服务站请先用局里发的登记文件登记"
                          "（vetstation init --enrollment 文件），局端请先生成局密钥。")
    return keys
