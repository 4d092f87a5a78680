"""Helpers for the ledger tests: valid ID numbers, persons, and reading PDFs with poppler."""
from __future__ import annotations

import datetime as dt
import shutil
import subprocess

import pytest

from models.idnumber import check_digit
from models.installation import villages
from models.registry import save_person

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


def id_number(birth: dt.date, order: int = 1, sex: str = "M", area: str = "150626") -> str:
    """A valid 18-digit number for this birth date (odd 17th digit = male)."""
    seq = order * 2 + (1 if sex == "M" else 0)
    first17 = f"{area}{birth:%Y%m%d}{seq % 1000:03d}"
    return first17 + check_digit(first17)


def add_person(actor, name: str, order: int, *, identities=("retired_soldier",), **values):
    birth = values.pop("birth", dt.date(1960 + order % 40, 1 + order % 12, 1 + order % 28))
    village = villages()[order % 2].id if villages() else None
    person, _ = save_person(None, {"name": name, "id_number": id_number(birth, order), "village": village,
                                   "ethnicity": "01", **values},
                            identities=[{"category": c} for c in identities], actor=actor)
    return person


def pdf_pages(path, mode: str = "-layout") -> list[str]:
    """The text of each page (pdftotext puts a form feed between pages); mode -raw keeps content order."""
    out = subprocess.run(["pdftotext", mode, str(path), "-"], capture_output=True, text=True, check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def pdf_fonts(path) -> list[list[str]]:
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split() for line in out.splitlines()[2:] if line.strip()]
