"""Run an import or export in this process and kill it (SIGKILL) in the middle — for test_killed_process.

    python -m tests.sync.killed_worker import HOME BUNDLE
    python -m tests.sync.killed_worker export HOME OUT
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from models.db import open_database
from models.home import Home
from models.write import Actor


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def main(mode: str, home: str, path: str) -> None:
    import sync.apply
    import sync.usb

    h = Home(Path(home))
    open_database(h)
    if mode == "import":
        original = sync.apply.Applier.add

        def add_then_die(self, lines):
            original(self, lines)
            die()  # after the first part is written, inside the transaction

        sync.apply.Applier.add = add_then_die
        from sync.importer import import_bundle

        import_bundle(h, Path(path), actor=Actor("worker", "测试", "bureau_admin"))
    else:
        original = sync.usb.encrypt

        def encrypt_then_die(src, writer, recipients):
            writer.write(b"age-encryption.org/v1\n")
            writer.flush()
            die()

        sync.usb.encrypt = encrypt_then_die
        from sync.export import export_bundle

        export_bundle(h, Path(path))


if __name__ == "__main__":
    main(*sys.argv[1:4])
