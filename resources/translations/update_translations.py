"""Keep the Chinese translation in step with the code: lupdate over ui/, then lrelease.

    python resources/translations/update_translations.py          # refresh .ts, build .qm
    python resources/translations/update_translations.py --check  # list strings lacking Chinese

UI chrome is written in English with self.tr(...) (the context is the class name). After running
this, open vetstation_zh_CN.ts in Qt Linguist (pyside6-linguist), translate what is unfinished, and
run it again to rebuild vetstation_zh_CN.qm. tests/ui/test_shell_translations.py fails while any
extracted string has no finished translation.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
LANGUAGE = "zh_CN"
TS = HERE / f"vetstation_{LANGUAGE}.ts"
QM = HERE / f"vetstation_{LANGUAGE}.qm"


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from PATH, else the binary inside the PySide6 package."""
    found = shutil.which(f"pyside6-{name}")
    if found:
        return found
    import PySide6

    return str(Path(PySide6.__file__).parent / name)


def sources() -> list[Path]:
    ui = ROOT / "ui"
    return sorted({p for p in ui.glob("*.py")} | {p for p in ui.glob("**/*.py")})


def extract(ts: Path = TS) -> None:
    """Write every tr() string of ui/ into `ts`, keeping translations already there."""
    files = [str(p) for p in sources()]
    subprocess.run([tool("lupdate"), *files, "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-target-language", LANGUAGE, "-silent"], check=True, cwd=ROOT)


def release(ts: Path = TS, qm: Path = QM) -> None:
    subprocess.run([tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True, cwd=ROOT)


def messages(ts: Path) -> dict[tuple[str, str], str | None]:
    """(context, source) -> finished translation, or None when missing or unfinished."""
    found = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = (translation is not None and translation.get("type") not in ("unfinished", "obsolete",
                                                                                "vanished")
                    and (translation.text or "").strip())
            found[(name, message.findtext("source"))] = translation.text if done else None
    return found


def untranslated(ts: Path = TS) -> list[tuple[str, str]]:
    return [key for key, text in messages(ts).items() if text is None]


def main(argv: list[str]) -> int:
    if "--check" not in argv:
        extract()
        release()
    missing = untranslated()
    for context, source in missing:
        print(f"untranslated: [{context}] {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
