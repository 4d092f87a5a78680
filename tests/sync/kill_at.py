"""Run a long write, an import or an export and SIGKILL this process at the N-th step — for
tests/sync/test_kill_at_random_points.py (tests/sync/killed_worker.py kills at one fixed point).

    python -m tests.sync.kill_at write HOME N        # one bulk save of 200 persons through models.write
    python -m tests.sync.kill_at import HOME N BUNDLE  # killed after the N-th batch of 3 changes
    python -m tests.sync.kill_at export HOME N OUT     # killed at the N-th part or write of the sealed file
    python -m tests.sync.kill_at backup HOME N         # killed at the N-th step of a backup (see backup_steps)
    python -m tests.sync.kill_at restore HOME N FILE   # killed at the N-th step of a restore of FILE

A process that is not killed (N beyond the last step) prints how many steps it took.
"""
from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from models.db import open_database
from models.home import Home
from models.write import Actor

BULK = 200
ACTOR = Actor("worker", "测试", "station_head")


def die() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def countdown(n: int):
    left = [n]

    def step() -> None:
        left[0] -= 1
        if left[0] <= 0:
            die()
    step.taken = lambda: n - left[0]
    return step


def bulk_numbers() -> list[str]:
    from models.idnumber import check_digit

    out = []
    for i in range(BULK):
        first17 = f"150626{1950 + i % 50}{1 + i % 12:02d}{1 + i % 28:02d}{(i * 2 + 1) % 1000:03d}"
        out.append(first17 + check_digit(first17))
    return out


def backup_steps(step) -> None:
    """Kill points of a backup or a restore: after every file written into the plaintext zip, every
    chunk age writes (encrypting or decrypting), every fsync and every rename (the backup's own, the
    restored database put in place, the backup taken before a restore)."""
    import zipfile

    from models.durable_files import RecordingWriter

    def after(original):
        def wrapped(*args, **kw):
            result = original(*args, **kw)
            step()
            return result
        return wrapped

    zipfile.ZipFile.write = after(zipfile.ZipFile.write)
    RecordingWriter.write = after(RecordingWriter.write)
    os.fsync = after(os.fsync)
    os.replace = after(os.replace)


def main(mode: str, home: str, n: str, path: str | None = None) -> None:
    h = Home(Path(home))
    open_database(h)
    step = countdown(int(n))
    if mode == "write":
        import models.write
        from models.installation import Installation
        from models.person import Person

        original = models.write.Writer.create

        def create_then_maybe_die(self, model, values, **kw):
            row = original(self, model, values, **kw)
            step()
            return row

        models.write.Writer.create = create_then_maybe_die
        code = Installation.get_current().station_code
        with models.write.writing(ACTOR) as w:
            for i, number in enumerate(bulk_numbers()):
                w.create(Person, {"name": f"批量{i}", "id_number": number, "station_code": code, "status": "active"})
    elif mode == "import":
        import sync.apply
        import sync.importer

        sync.importer.BATCH = 3
        original = sync.apply.Applier.add

        def add_then_maybe_die(self, lines):
            original(self, lines)
            step()

        sync.apply.Applier.add = add_then_maybe_die
        sync.importer.import_bundle(h, Path(path), actor=Actor("worker", "测试", "bureau_admin"))
    elif mode == "backup":
        from models.backup import backup_database

        backup_steps(step)
        backup_database(h, reason="manual")
    elif mode == "restore":
        from models.backup import restore_database

        backup_steps(step)
        restore_database(h, Path(path))
    else:
        import sync.bundle_format
        import sync.export
        import sync.usb

        sync.export.PART_SIZE = 2  # several parts: killed while the plain zip is built, or while sealing
        add_part = sync.bundle_format.BundleZipWriter.add_part

        def add_part_then_maybe_die(self, lines):
            add_part(self, lines)
            step()

        sync.bundle_format.BundleZipWriter.add_part = add_part_then_maybe_die
        original = sync.usb.encrypt

        def encrypt_dying(src, writer, recipients):
            class Dying:
                def write(self, data):
                    step()
                    return writer.write(data)

                def flush(self):
                    writer.flush()
            original(src, Dying(), recipients)

        sync.usb.encrypt = encrypt_dying
        from sync.export import export_bundle

        export_bundle(h, Path(path))
    print(f"steps: {step.taken()}")


if __name__ == "__main__":
    main(*sys.argv[1:5])
