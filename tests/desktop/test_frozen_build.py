"""The built program (dist/vetstation/, from `make build`) starts, opens its window and runs the CLI.

This is what a station PC gets, so it is checked as a user would meet it: a fresh data home, the
commands from the README, then the GUI offscreen with --quit-after. PyInstaller takes minutes, so
in a plain `make test` these tests skip when there is no build; `make build-check` (and .ci/run,
after `make build`) sets VETSTATION_REQUIRE_BUILD=1, and then a missing build is a failure.
"""
from __future__ import annotations

import datetime as dt
import json
import locale
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from models.pinyin import search_keys

ROOT = Path(__file__).resolve().parents[2]
DIST = ROOT / "dist" / "vetstation"
PROGRAM = DIST / ("vetstation.exe" if sys.platform == "win32" else "vetstation")
REQUIRED = os.environ.get("VETSTATION_REQUIRE_BUILD") == "1"
# A frozen program ignores PYTHON* variables: its pipes use the system's encoding (GBK on Chinese Windows).
OUTPUT_ENCODING = locale.getpreferredencoding(False) if sys.platform == "win32" else "utf-8"

STATION_CODE = "150626100"
STATION_NAME = "测试站"
DEMO_LOGIN = ("demo", "demo1234")

if not PROGRAM.exists() and not REQUIRED:
    pytest.skip("no built program in dist/vetstation/ — `make build` then `make build-check` tests it",
                allow_module_level=True)


def run(home: Path, *args: str, password: str | None = None) -> subprocess.CompletedProcess:
    """The built program as a user runs it; never the checkout's Python (cwd is elsewhere)."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("VETSTATION_HOME", "VETSTATION_PASSWORD", "PYTHONPATH")}
    env["QT_QPA_PLATFORM"] = "offscreen"
    if password is not None:
        env["VETSTATION_PASSWORD"] = password
    return subprocess.run([str(PROGRAM), "--home", str(home), *args], cwd=home.parent, env=env,
                          capture_output=True, text=True, encoding=OUTPUT_ENCODING, errors="replace",
                          timeout=300)


@pytest.fixture(scope="module")
def demo_home(tmp_path_factory) -> Path:
    """A fresh home filled by the built program's own `demo` command."""
    assert PROGRAM.exists(), f"{PROGRAM} is missing — run `make build` first"
    home = tmp_path_factory.mktemp("frozen") / "demo-home"
    result = run(home, "demo", "--people", "30")
    assert result.returncode == 0, result.stderr
    return home


def test_built_program_initialises_a_station_and_lists_its_empty_registry(tmp_path):
    home = tmp_path / "home"
    init = run(home, "init", "--station", STATION_CODE, "--name", STATION_NAME)
    assert init.returncode == 0, init.stderr
    listing = run(home, "people", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    assert json.loads(listing.stdout) == []


def test_built_program_fills_a_demo_station_searchable_by_pinyin(demo_home):
    listing = run(demo_home, "people", "list", "--json")
    assert listing.returncode == 0, listing.stderr
    people = json.loads(listing.stdout)
    assert len(people) == 30
    # The search keys were written by pypinyin inside the frozen program: its data files came along.
    person = people[0]
    full_pinyin, initials = search_keys(person["name"])
    for query in (full_pinyin, initials):
        found = run(demo_home, "people", "list", "--query", query, "--json")
        assert found.returncode == 0, found.stderr
        assert person["id"] in [row["id"] for row in json.loads(found.stdout)], query


def test_built_program_shows_one_person_found_by_id_number(demo_home):
    person = json.loads(run(demo_home, "people", "list", "--json", "--full-id").stdout)[0]
    shown = run(demo_home, "people", "show", person["id_number"], "--json")
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout)["id"] == person["id"]


def test_built_program_check_passes_on_the_demo_home(demo_home):
    result = run(demo_home, "check")
    assert result.returncode == 0, result.stdout + result.stderr


def test_built_program_answers_a_user_mistake_with_one_line_not_a_traceback(demo_home):
    result = run(demo_home, "people", "show", "999999999999999999")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.strip()


def test_built_program_prints_a_roster_ledger_with_chinese_text(demo_home, tmp_path):
    pdf = tmp_path / "花名册.pdf"
    result = run(demo_home, "ledger", "roster", "--period", str(dt.date.today().year), "--out", str(pdf))
    assert result.returncode == 0, result.stderr
    assert pdf.read_bytes().startswith(b"%PDF")
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed: the PDF's text cannot be read back")
    text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                          encoding="utf-8", check=True).stdout
    assert "退役军人花名册" in text  # the bundled CJK font was found and embedded


def test_built_programs_enroll_a_station_and_carry_its_people_to_the_bureau(tmp_path):
    # Keys, the age envelope and the table registry (modules found by name) all run frozen here.
    bureau, station, usb = tmp_path / "bureau", tmp_path / "station", tmp_path / "usb"
    usb.mkdir()
    assert run(bureau, "init", "--bureau", "--name", "乌审旗退役军人事务局").returncode == 0
    keys = run(bureau, "bureau-keys", "--escrow-out", str(usb / "escrow.txt"))
    assert keys.returncode == 0, keys.stderr
    enroll = run(bureau, "enroll", "--code", STATION_CODE, "--name", "嘎鲁图镇退役军人服务站",
                 "--out", str(usb / "station.vse"))
    assert enroll.returncode == 0, enroll.stderr
    passphrase = re.search(r"一次性口令：(\S+)", enroll.stdout).group(1)
    adopt = run(station, "init", "--enrollment", str(usb / "station.vse"), "--passphrase", passphrase)
    assert adopt.returncode == 0, adopt.stderr
    assert run(station, "demo", "--people", "5").returncode == 0
    export = run(station, "bundle", "export", "--out", str(usb))
    assert export.returncode == 0, export.stderr
    (bundle,) = usb.glob("*.vsb")
    imported = run(bureau, "bundle", "import", str(bundle))
    assert imported.returncode == 0, imported.stderr

    def ids(home):
        return sorted(row["id"] for row in json.loads(run(home, "people", "list", "--json").stdout))

    assert len(ids(station)) == 5
    assert ids(bureau) == ids(station)


def test_built_program_carries_every_module_of_the_program():
    # Pages are imported by name on first visit, and a page that fails to import becomes an
    # "unavailable" page: a module missing from the build would not fail loudly anywhere else.
    readers = pytest.importorskip("PyInstaller.archive.readers", reason="PyInstaller is not installed")
    archive = readers.CArchiveReader(str(PROGRAM)).open_embedded_archive("PYZ.pyz")
    source = set()
    for package in ("desktop", "ui", "models", "ledgers", "sync"):
        for path in (ROOT / package).rglob("*.py"):
            parts = path.relative_to(ROOT).with_suffix("").parts
            source.add(".".join(parts[:-1] if parts[-1] == "__init__" else parts))
    assert sorted(source - set(archive.toc)) == []


def test_built_program_carries_every_qt_module_the_ui_imports():
    # Pages are built on first visit, so a module excluded in build.spec would only fail there.
    imported = {match for path in (ROOT / "ui").rglob("*.py")
                for match in re.findall(r"PySide6\.(Qt\w+)", path.read_text(encoding="utf-8"))}
    assert imported, "no Qt imports found under ui/"
    bundled = {path.name.split(".")[0] for path in (DIST / "_internal" / "PySide6").glob("Qt*.*")
               if path.suffix in (".so", ".pyd")}
    assert sorted(imported - bundled) == []


def test_built_program_opens_its_main_window_offscreen_and_quits(demo_home):
    username, password = DEMO_LOGIN
    result = run(demo_home, "--user", username, "--quit-after", "500", password=password)
    assert result.returncode == 0, result.stderr
    assert "main window shown" in result.stderr  # printed by ui.app once the window is up


def test_built_program_on_an_empty_home_shows_the_setup_dialog_and_quits(tmp_path):
    home = tmp_path / "empty-home"
    result = run(home, "--quit-after", "500")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    assert (home / "vetstation.db").exists()  # the home was opened and its database created
