"""The bureau's root identity, made once: root signing key, age key, and the escrow key.

    keys = create_bureau_keys(home, Path("托管密钥.txt"))   # the escrow secret goes to that file only

Above both sync.keys (storage of keys) and sync.certificates (the bureau signs its own certificate).
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pyrage
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from models.errors import DomainError
from models.installation import Installation
from sync.certificates import bureau_certificate
from sync.keys import LocalKeys, load_keys, public_text, save_keys, write_secret


def create_bureau_keys(home, escrow_out: Path) -> LocalKeys:
    """Bureau, once: root signing key, age key, and an escrow key whose secret goes to `escrow_out` only."""
    inst = Installation.get_current()
    if not inst.is_bureau:
        raise DomainError("只有退役军人事务局的安装可以生成局密钥。")
    if load_keys(home) is not None:
        raise DomainError("局密钥已经存在，不能重复生成（重新生成会使已登记的服务站全部失效）。")
    escrow_out = Path(escrow_out)
    if escrow_out.exists():
        raise DomainError(f"托管密钥文件已存在：{escrow_out}。请换一个文件名，以免覆盖。")
    signing = Ed25519PrivateKey.generate()
    age = pyrage.x25519.Identity.generate()
    escrow = pyrage.x25519.Identity.generate()
    bureau = {"installation_id": inst.id, "name": inst.name, "division_code": inst.division_code,
              "signing_key": public_text(signing), "age_recipient": str(age.to_public()),
              "escrow_recipient": str(escrow.to_public())}
    text = ("# vetstation 托管密钥（escrow key）——请离线保管（打印或存入保险柜中的U盘），不要放在联网电脑上。\n"
            f"# 局：{inst.name}  创建：{_today()}\n"
            f"# 公钥：{escrow.to_public()}\n"
            "# 本程序不可用时，可用标准 age 工具解开数据包：age -d -i 本文件 数据包.vsb > 数据包.zip\n"
            f"{escrow}\n")
    try:
        write_secret(escrow_out, text.encode("utf-8"))
    except OSError as exc:
        raise DomainError(f"无法写入托管密钥文件 {escrow_out}：{exc.strerror or exc}") from None
    save_keys(home, signing, str(age), bureau_certificate(signing, bureau), bureau)
    return load_keys(home)


def _today() -> str:
    return dt.date.today().isoformat()
