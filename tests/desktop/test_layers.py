"""The layering rule of DESIGN.md §1, checked by tools: imports point down, headless code has no Qt."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_import_linter_contracts_hold():
    tool = shutil.which("lint-imports")
    if tool is None:
        pytest.fail("lint-imports is not installed (pip install import-linter)")
    done = subprocess.run([tool], cwd=ROOT, capture_output=True, text=True, encoding="utf-8", timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "Contracts: " in done.stdout and " broken" not in done.stdout.replace("0 broken", "")


HEADLESS_RUN = r"""
import json, os, sys
from desktop.__main__ import main
home = sys.argv[1]
os.environ["VETSTATION_PASSWORD"] = "demo1234"
codes = [
    main(["--home", home, "init", "--station", "150626100", "--name", "嘎鲁图镇退役军人服务站"]),
    main(["--home", home, "demo", "--people", "20"]),
    main(["--home", home, "people", "list", "--query", "ba"]),
    main(["--home", home, "people", "list", "--json"]),
    main(["--home", home, "check"]),
    main(["--home", home, "backup"]),
    main(["--home", home, "people", "list", "--query", "x"]),
]
qt = sorted(m for m in sys.modules if m.split(".")[0] in ("PySide6", "shiboken6", "ui"))
print(json.dumps({"codes": codes, "qt": qt}))
"""


def test_headless_subcommands_never_load_qt(tmp_path):
    env = {k: v for k, v in os.environ.items() if not k.startswith("VETSTATION_")}
    done = subprocess.run([sys.executable, "-c", HEADLESS_RUN, str(tmp_path / "h")], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8", env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["codes"] == [0, 0, 0, 0, 0, 0, 1]
    assert report["qt"] == []
