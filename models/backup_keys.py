"""Who can open a backup: this installation's backup key, its exchange key, and the bureau's escrow key.

    recipients(home)                  # ["age1…", …]: every backup is encrypted to these
    identities(home, "escrow.txt")    # the keys a restore tries: this home's, and a key file named

Every backup is encrypted (age X25519, pyrage) to:
- `keys/backup.key`, this installation's own backup key, made at its first backup (owner-only file);
- `keys/age.key`'s recipient when the installation has exchange keys (enrolled, or the bureau);
- the bureau's escrow recipient (`keys/bureau.json`), so the bureau can recover a station — or a
  bureau PC — that died: `vetstation restore F --identity escrow.txt` on a replacement PC.
The key files are those sync.keys writes (models/ does not import sync/: the names are repeated here).
An installation that was never enrolled has only its own backup key: copy the keys folder somewhere
safe, or enroll, so that a dead PC's backups can still be opened (docs/security.md).
"""
from __future__ import annotations

import json
from pathlib import Path

import pyrage

from models.durable_files import write_secret

BACKUP_KEY, AGE_KEY, BUREAU_FILE = "backup.key", "age.key", "bureau.json"


def keys_folder(home) -> Path:
    return home.folder("keys")


def _read_identity(path: Path) -> pyrage.x25519.Identity | None:
    try:
        return pyrage.x25519.Identity.from_str(path.read_text("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def backup_identity(home) -> pyrage.x25519.Identity:
    """This installation's own backup key; made on first use."""
    path = keys_folder(home) / BACKUP_KEY
    found = _read_identity(path) if path.exists() else None
    if found is None:
        found = pyrage.x25519.Identity.generate()
        write_secret(path, str(found).encode("ascii") + b"\n")
    return found


def recipients(home) -> list[str]:
    out = [str(backup_identity(home).to_public())]
    own = _read_identity(keys_folder(home) / AGE_KEY)
    if own is not None:
        out.append(str(own.to_public()))
    try:
        bureau = json.loads((keys_folder(home) / BUREAU_FILE).read_text("utf-8"))
        escrow = bureau.get("escrow_recipient")
        if escrow:
            pyrage.x25519.Recipient.from_str(escrow)
            out.append(escrow)
    except (OSError, ValueError, AttributeError):
        pass
    return list(dict.fromkeys(out))


def identities_in(text: str) -> list[pyrage.x25519.Identity]:
    """The age secret keys in a key file (comment lines, such as the escrow file's instructions, skipped)."""
    found = []
    for line in text.splitlines():
        line = line.strip()
        if line.upper().startswith("AGE-SECRET-KEY-"):
            try:
                found.append(pyrage.x25519.Identity.from_str(line))
            except ValueError:
                continue
    return found


def identities(home, key_file: Path | None = None) -> list[pyrage.x25519.Identity]:
    found = []
    for name in (BACKUP_KEY, AGE_KEY):
        identity = _read_identity(keys_folder(home) / name)
        if identity is not None:
            found.append(identity)
    if key_file is not None:
        found.extend(identities_in(Path(key_file).read_text("utf-8", errors="replace")))
    return found
