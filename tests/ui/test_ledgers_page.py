"""台账打印: a clerk picks the roster and a period, generates it, previews every page, saves and prints it."""
from __future__ import annotations

import datetime as dt
import re
import subprocess

import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDialog, QMessageBox

from ledgers.catalog import printable_kinds
from ledgers.period_close import closed_pack, frozen_pack_bytes
from ledgers.periods import Period
from models.installation import current
from models.write import Actor
from tests.ledgers.conftest import add_person, needs_poppler, pdf_pages
from ui.context import AppContext
from ui.ledgers import LedgerPage

THIS_YEAR = Period.year(dt.date.today().year)


def pdf_page_count(path) -> int:
    out = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", out, re.M).group(1))


@pytest.fixture
def page(qtbot, ctx):
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.resize(1300, 760)
    page.show()
    return page


@pytest.fixture
def thirty_people(actor):
    return [add_person(actor, f"花名册{i:02d}号", i + 1) for i in range(30)]


def generate(qtbot, page, kind="roster", period=THIS_YEAR):
    page.choose(kind)
    page.picker.set_period(period)
    with qtbot.waitSignal(page.generated, timeout=60000) as blocker:
        page.generate_button.click()
    return blocker.args[0]


def test_every_ledger_and_pack_of_the_catalog_is_offered(page):
    offered = [page.kinds.item(row).text() for row in range(page.kinds.count())]
    assert offered == [title for _, title in printable_kinds()]


@needs_poppler
def test_the_roster_of_thirty_people_is_generated_and_every_page_is_in_the_preview(qtbot, page, thirty_people):
    path = generate(qtbot, page)
    pages = page.preview.page_count()
    assert pages > 1 and pages == pdf_page_count(path)
    assert f"1 of {pages}" in page.preview.page_label.text()
    page.preview.go_to(pages - 1)
    assert f"{pages} of {pages}" in page.preview.page_label.text()
    assert page.print_button.isEnabled() and page.save_button.isEnabled()


def test_zoom_steps_from_what_is_shown_and_fit_width_comes_back(qtbot, page, thirty_people):
    generate(qtbot, page)
    page.preview.zoom_by(2)
    doubled = page.preview.zoom_factor()
    page.preview.zoom_in_button.click()
    assert page.preview.zoom_factor() > doubled
    page.preview.fit_width_button.click()
    assert page.preview.view.zoomMode() == page.preview.view.ZoomMode.FitToWidth


@needs_poppler
def test_save_as_pdf_writes_the_ledger_with_the_names_in_it(qtbot, page, thirty_people, tmp_path, monkeypatch):
    generate(qtbot, page)
    target = tmp_path / "花名册副本"  # typed without .pdf
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "PDF (*.pdf)"))
    with qtbot.waitSignal(page.saved, timeout=10000) as blocker:
        page.save_button.click()
    saved = blocker.args[0]
    assert saved.name == "花名册副本.pdf"
    text = "".join(pdf_pages(saved)).replace(" ", "")
    assert "花名册00号" in text and "花名册29号" in text
    assert pdf_page_count(saved) == page.preview.page_count()


@needs_poppler
def test_printing_sends_every_previewed_page_to_the_printer(qtbot, page, thirty_people, tmp_path, monkeypatch):
    generate(qtbot, page)
    out = tmp_path / "printed.pdf"

    class PrintToFile:  # the user picks "print to file" in the print dialog and presses 打印
        def __init__(self, printer, parent=None):
            printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
            printer.setOutputFileName(str(out))

        def exec(self):
            return QDialog.Accepted

    monkeypatch.setattr("ui.ledgers.ledger_page.QPrintDialog", PrintToFile)
    with qtbot.waitSignal(page.printed, timeout=60000) as blocker:
        page.print_button.click()
    assert blocker.args[0] == page.preview.page_count()
    assert pdf_page_count(out) == page.preview.page_count()


def test_closing_the_print_dialog_prints_nothing(qtbot, page, thirty_people, monkeypatch):
    generate(qtbot, page)

    class Closed:
        def __init__(self, printer, parent=None):
            pass

        def exec(self):
            return QDialog.Rejected

    monkeypatch.setattr("ui.ledgers.ledger_page.QPrintDialog", Closed)
    printed = []
    page.printed.connect(printed.append)
    page.print_button.click()
    assert printed == []


@needs_poppler
def test_a_month_pack_is_made_for_a_month_and_previewed(qtbot, page, thirty_people):
    page.choose("month_pack")
    assert page.picker.kind.currentData() == "month" and not page.picker.kind.isEnabled()
    today = dt.date.today()
    path = generate(qtbot, page, "month_pack", Period.month(today.year, today.month))
    assert "月调度材料" in "".join(pdf_pages(path)).replace(" ", "")
    page.choose("roster")
    assert page.picker.kind.isEnabled()


def test_a_range_that_ends_before_it_starts_is_refused_with_a_sentence(qtbot, page):
    page.choose("roster")
    page.picker.set_period(Period(dt.date(2026, 3, 1), dt.date(2026, 1, 1), "range"))
    with qtbot.waitSignal(page.generate_failed, timeout=5000) as blocker:
        page.generate_button.click()
    assert "早于开始日期" in blocker.args[0]
    assert page.problem.isVisibleTo(page) and page.preview.page_count() == 0
    assert not page.print_button.isEnabled()


def test_a_clerk_cannot_ask_for_full_id_numbers(qtbot, station):
    clerk = AppContext(station, current(), Actor("li", "李四", "station_staff"))
    page = LedgerPage(clerk)
    qtbot.addWidget(page)
    page.choose("roster")
    assert not page.full_id.isEnabled()
    assert page.options().full_id is False


@needs_poppler
def test_the_village_filter_prints_only_that_village(qtbot, page, thirty_people):
    village = page.village.itemData(1)
    page.choose("roster")
    page.village.setCurrentIndex(1)
    path = generate(qtbot, page)
    text = "".join(pdf_pages(path)).replace(" ", "")
    expected = {p.name for p in thirty_people if p.village_id == village}
    assert expected and all(name in text for name in expected)
    assert not any(p.name in text for p in thirty_people if p.village_id != village)


def this_month() -> Period:
    today = dt.date.today()
    return Period.month(today.year, today.month)


def test_a_ledger_has_no_close_button_but_a_pack_has(qtbot, page, thirty_people):
    generate(qtbot, page)
    assert page.closing.close_button.isHidden()
    generate(qtbot, page, "month_pack", this_month())
    assert not page.closing.close_button.isHidden() and page.closing.close_button.isEnabled()


def test_closing_a_month_freezes_the_pack_and_later_edits_do_not_change_it(qtbot, page, actor, thirty_people,
                                                                          monkeypatch):
    generate(qtbot, page, "month_pack", this_month())
    monkeypatch.setattr("ui.ledgers.closing.QMessageBox.question", lambda *a, **k: QMessageBox.Yes)
    with qtbot.waitSignals([page.closing.closed, page.generated], timeout=60000):
        page.closing.close_button.click()
    closed = closed_pack("month_pack", this_month())
    assert closed is not None and closed.closed_by == actor.display_name
    assert page.current_pdf.read_bytes() == frozen_pack_bytes(closed)  # the preview is the frozen copy
    assert not page.closing.close_button.isEnabled() and actor.display_name in page.closing.state.text()
    add_person(actor, "关账后补录", 99)
    path = generate(qtbot, page, "month_pack", this_month())
    assert path.read_bytes() == frozen_pack_bytes(closed)


def test_saying_no_to_closing_closes_nothing(qtbot, page, thirty_people, monkeypatch):
    generate(qtbot, page, "month_pack", this_month())
    monkeypatch.setattr("ui.ledgers.closing.QMessageBox.question", lambda *a, **k: QMessageBox.No)
    page.closing.close_button.click()
    assert closed_pack("month_pack", this_month()) is None and page.closing.close_button.isEnabled()


def test_a_clerk_cannot_close_a_period(qtbot, station, thirty_people):
    page = LedgerPage(AppContext(station, current(), Actor("li", "李四", "station_staff")))
    qtbot.addWidget(page)
    generate(qtbot, page, "month_pack", this_month())
    assert not page.closing.close_button.isEnabled() and page.closing.close_button.toolTip()
