"""Certificates: a bureau-signed statement binding a station's code and name to its public keys.

    cert = issue_station_certificate(bureau_keys, code, name, installation_id, public, age_recipient)
    check_certificate(cert, trusted_bureau_key)   # raises CertificateInvalid with a Chinese sentence

A certificate is {"body": {...}, "signature": base64 Ed25519 over canonical(body)}. The bureau's own
certificate is self-signed with its root key; stations trust exactly the root key they received
in their enrollment file.
"""
from __future__ import annotations

from models.errors import DomainError
from models.fields import utc_now
from sync.keys import SIGNATURE_ALGORITHM, canonical, public_text, sign, verify

CERT_FORMAT = "vetstation-certificate/1"


class CertificateInvalid(DomainError):
    code = "certificate_invalid"


def _signed(key, body: dict) -> dict:
    return {"body": body, "signature": sign(key, canonical(body))}


def bureau_certificate(root_key, bureau: dict) -> dict:
    body = {"format": CERT_FORMAT, "kind": "bureau", "station_code": None, "name": bureau["name"],
            "installation_id": bureau["installation_id"], "signing_key": public_text(root_key),
            "age_recipient": bureau["age_recipient"], "bureau": bureau, "issued_at": utc_now(),
            "algorithm": SIGNATURE_ALGORITHM}
    return _signed(root_key, body)


def issue_station_certificate(bureau_keys, *, code: str, name: str, installation_id: str, public: str,
                              age_recipient: str) -> dict:
    body = {"format": CERT_FORMAT, "kind": "station", "station_code": code, "name": name,
            "installation_id": installation_id, "signing_key": public, "age_recipient": age_recipient,
            "bureau": bureau_keys.bureau, "issued_at": utc_now(), "algorithm": SIGNATURE_ALGORITHM}
    return _signed(bureau_keys.signing, body)


def check_certificate(cert, trusted_bureau_key: str) -> dict:
    """The certificate's body if the bureau we trust signed it; otherwise CertificateInvalid."""
    if not isinstance(cert, dict) or not isinstance(cert.get("body"), dict) or not isinstance(
            cert.get("signature"), str):
        raise CertificateInvalid("数据包缺少发送单位的证书，不能确认是谁发出的，已拒绝。")
    body = cert["body"]
    if body.get("format") != CERT_FORMAT or body.get("algorithm") != SIGNATURE_ALGORITHM:
        raise CertificateInvalid("发送单位的证书格式不认识，已拒绝。如对方程序较新，请升级本程序。")
    bureau = body.get("bureau") or {}
    if bureau.get("signing_key") != trusted_bureau_key or not verify(trusted_bureau_key, canonical(body),
                                                                     cert["signature"]):
        raise CertificateInvalid("发送单位的证书不是本局签发的（或已被改动），不能信任，已拒绝。")
    if body.get("kind") not in ("station", "bureau"):
        raise CertificateInvalid("发送单位的证书类型不对，已拒绝。")
    if body["kind"] == "bureau" and body.get("signing_key") != trusted_bureau_key:
        raise CertificateInvalid("自称本局的证书与本局的根密钥不符，已拒绝。")
    return body
