"""Writing output files safely: into a .part file beside the target, then renamed over it.

    with output_file(path) as partial:
        wb.save(partial)
    # path now holds the new file; on any error the old file is untouched and no .part is left

A file that cannot be written (open in Excel or a PDF viewer, read-only folder, full disk)
raises OutputNotWritable with a sentence saying so.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

from models.errors import DomainError


class OutputNotWritable(DomainError):
    code = "output_not_writable"


@contextlib.contextmanager
def output_file(path: Path):
    path = Path(path)
    partial = path.with_name(path.name + ".part")
    try:
        yield partial
        os.replace(partial, path)
    except OSError as exc:
        raise OutputNotWritable(
            f"无法写入 {path}（{exc.strerror or exc}）。如果该文件正在 Excel 或 PDF 阅读器中打开，请先关闭；"
            "也请检查文件夹是否可写、磁盘是否已满。原有文件未被改动。", path=str(path)) from None
    finally:
        partial.unlink(missing_ok=True)
