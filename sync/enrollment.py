"""Enrolling a station: the bureau issues a sealed enrollment file; the station adopts it.

    passphrase = write_enrollment(home, "150626100", "嘎鲁图镇退役军人服务站", Path("E:/嘎鲁图.vse"))
    payload = open_enrollment(Path("E:/嘎鲁图.vse"), passphrase)       # at the station
    adopt_enrollment(home, payload, actor=CLI_ACTOR)                 # new installation, or keep existing

The file carries the station's private keys, so it is sealed with a one-time passphrase (age
scrypt). A station that began on its own keeps its installation id and every record; only its keys,
certificate and the bureau's public keys are added.
"""
from __future__ import annotations

import json
import re
import secrets
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models.db import db
from models.errors import DomainError, ValidationError
from models.ids import new_id
from models.installation import Installation, current, init_station
from models.peers import BUREAU, get_peer, save_peer
from sync.certificates import issue_station_certificate
from sync.keys import b64, private_raw, public_text, require_keys, save_keys, unb64

ENROLLMENT_FORMAT = "vetstation-enrollment/1"
PASSPHRASE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # no 0/O, 1/I/L: read aloud and typed


class EnrollmentRefused(DomainError):
    code = "enrollment_refused"


def generate_passphrase() -> str:
    groups = ["".join(secrets.choice(PASSPHRASE_ALPHABET) for _ in range(4)) for _ in range(5)]
    return "-".join(groups)


def issue_enrollment(home, code: str, name: str) -> dict:
    """Bureau: new keys and a certificate for the station; the station becomes a known peer."""
    inst = Installation.get_current()
    if not inst.is_bureau:
        raise EnrollmentRefused("只有退役军人事务局可以登记服务站。")
    code, name = (code or "").strip(), (name or "").strip()
    problems = {}
    if not re.fullmatch(r"\d{9,12}", code):
        problems["code"] = "服务站代码应为9到12位数字（统计用区划代码），例如 150626100"
    if not name:
        problems["name"] = "请填写服务站名称"
    if problems:
        raise ValidationError(problems)
    bureau_keys = require_keys(home)
    signing = Ed25519PrivateKey.generate()
    age = pyrage.x25519.Identity.generate()
    previous = get_peer(code)
    installation_id = new_id()  # a new PC numbers its changes on its own (see sync/lineage.py)
    cert = issue_station_certificate(bureau_keys, code=code, name=name, installation_id=installation_id,
                                     public=public_text(signing), age_recipient=str(age.to_public()))
    values = {"kind": "station", "name": name, "installation_id": installation_id, "certificate": cert}
    if previous is not None:  # enrolled again (a replaced PC): the new one holds nothing yet
        former = [x for x in [*(previous.former_ids or []), previous.installation_id] if x]
        values.update(former_ids=list(dict.fromkeys(former)), known={}, last_import_sequence=0,
                      last_import_hash=None)
    save_peer(code, **values)
    return {"format": ENROLLMENT_FORMAT, "station_code": code, "name": name,
            "installation_id": installation_id, "signing_key": b64(private_raw(signing)),
            "age_identity": str(age), "certificate": cert, "bureau": bureau_keys.bureau}


def normalize_passphrase(passphrase: str | None) -> str:
    """Passphrases are read aloud and typed by hand: spaces around them and letter case don't count."""
    return (passphrase or "").strip().upper()


def seal(payload: dict, passphrase: str) -> bytes:
    return pyrage.passphrase.encrypt(json.dumps(payload, ensure_ascii=False).encode("utf-8"),
                                     normalize_passphrase(passphrase))


def write_enrollment(home, code: str, name: str, out: Path, passphrase: str | None = None) -> str:
    """Bureau: write the sealed enrollment file; return the passphrase to show or print."""
    from sync.keys import write_secret

    passphrase = normalize_passphrase(passphrase) or generate_passphrase()
    payload = issue_enrollment(home, code, name)
    try:
        write_secret(Path(out), seal(payload, passphrase))
    except OSError as exc:
        raise EnrollmentRefused(f"无法写入登记文件 {out}：{exc.strerror or exc}") from None
    return passphrase


def open_enrollment(path: Path, passphrase: str) -> dict:
    try:
        sealed = Path(path).read_bytes()
    except OSError as exc:
        raise EnrollmentRefused(f"无法读取登记文件 {path}：{exc.strerror or exc}") from None
    if not sealed.startswith(b"age-encryption.org/v1"):
        raise EnrollmentRefused("这不是服务站登记文件（格式不对）。")
    try:
        payload = json.loads(pyrage.passphrase.decrypt(sealed, normalize_passphrase(passphrase)))
    except pyrage.DecryptError:
        raise EnrollmentRefused("口令不对，或登记文件已损坏。请核对局里提供的口令（不区分大小写）。") from None
    except ValueError:
        raise EnrollmentRefused("登记文件内容无法识别。") from None
    if payload.get("format") != ENROLLMENT_FORMAT:
        raise EnrollmentRefused("登记文件的版本不认识，请升级本程序。")
    return payload


def adopt_enrollment(home, payload: dict, *, actor) -> Installation:
    """Station: create the installation from the enrollment, or add keys to the existing one."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey as Key

    code = payload["station_code"]
    existing = current()
    if existing is not None and existing.is_bureau:
        raise EnrollmentRefused("此数据目录是退役军人事务局的，不能用服务站登记文件。")
    if existing is not None and existing.station_code != code:
        raise EnrollmentRefused(f"此数据目录属于服务站 {existing.station_code}（{existing.name}），"
                                f"而登记文件是给 {code}（{payload['name']}）的，未作任何改动。")
    signing = Key.from_private_bytes(unb64(payload["signing_key"]))
    if public_text(signing) != payload["certificate"]["body"]["signing_key"]:
        raise EnrollmentRefused("登记文件已损坏（密钥与证书不符）。")
    with db.atomic():
        inst = existing or init_station(code, payload["name"], actor=actor,
                                        installation_id=payload["installation_id"])
        bureau = payload["bureau"]
        save_peer(BUREAU, kind="bureau", name=bureau["name"], installation_id=bureau["installation_id"],
                  certificate=None)
        save_keys(home, signing, payload["age_identity"], payload["certificate"], bureau)
    return inst
