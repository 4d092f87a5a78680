"""The 数据交换 page: a station writes its bundle to the stick, the bureau checks and imports it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.person import Person
from models.registry import get_person, save_person
from sync.export import export_bundle
from sync.importer import import_bundle
from tests.sync.test_refusals import fingerprint
from tests.ui.sync_helpers import ID, SLOW, exchange_page, sites  # noqa: F401 (fixtures)
from ui.sync.drives import DriveChooser


def write_to_stick(qtbot, page, stick: Path, monkeypatch):
    monkeypatch.setattr(DriveChooser, "choose", staticmethod(lambda parent=None: stick))
    with qtbot.waitSignal(page.exported, timeout=SLOW) as blocker:
        page.export_button.click()
    return blocker.args[0]


def choose_file(monkeypatch, path: Path) -> None:
    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(lambda *a, **k: (str(path), "")))


def test_station_writes_its_bundle_to_the_stick_and_sees_it_verified(qtbot, sites, tmp_path, monkeypatch):
    bureau, a, _ = sites
    stick = tmp_path / "stick"
    stick.mkdir()
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        page = exchange_page(qtbot, a)
        assert "尚未确认" in page.confirmed.text()
        assert "未经事务局确认" in page.unconfirmed.text()
        result = write_to_stick(qtbot, page, stick, monkeypatch)
        assert "已写入并在U盘上校验通过" in page.result.text() and str(result.path) in page.result.text()
    assert [p.suffix for p in stick.iterdir()] == [".vsb"]  # no .part left behind


def bureau_reads_a_station_bundle(qtbot, sites, tmp_path, monkeypatch, *, confirm: bool):
    """Station A registers 王建国 and writes its bundle; the bureau opens it (dry-run report shown)
    and, with `confirm`, imports it. Returns the bureau's exchange page (the bureau left closed)."""
    bureau, a, _ = sites
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        bundle = write_to_stick(qtbot, exchange_page(qtbot, a), tmp_path, monkeypatch).path
    with bureau:
        page = exchange_page(qtbot, bureau)
        choose_file(monkeypatch, bundle)
        with qtbot.waitSignal(page.report_shown, timeout=SLOW):
            page.import_button.click()
        if confirm:
            with qtbot.waitSignal(page.imported, timeout=SLOW):
                page.confirm_button.click()
            page.close_report()
    return page


def test_bureau_sees_the_dry_run_report_then_confirms_and_the_person_is_in_the_registry(
        qtbot, sites, tmp_path, monkeypatch):
    bureau, a, _ = sites
    stick = tmp_path / "stick"
    stick.mkdir()
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        bundle = write_to_stick(qtbot, exchange_page(qtbot, a), stick, monkeypatch).path
    with bureau:
        page = exchange_page(qtbot, bureau)
        choose_file(monkeypatch, bundle)
        with qtbot.waitSignal(page.report_shown, timeout=SLOW) as shown:
            page.import_button.click()
        assert shown.args[0]["dry_run"] and shown.args[0]["counts"]["created"] >= 1
        assert page.report_view.numbers["created"].text() == str(shown.args[0]["counts"]["created"])
        assert page.dry_run_bar.isVisible()
        assert Person.get_or_none(Person.id == person.id) is None  # a dry run writes nothing

        with qtbot.waitSignal(page.imported, timeout=SLOW) as done:
            page.confirm_button.click()
        assert done.args[0]["counts"]["created"] == shown.args[0]["counts"]["created"]
        assert get_person(person.id).name == "王建国"
        assert not page.dry_run_bar.isVisible()
        [entry] = [i for i in page.report_view.record_items() if i.text(0) == "王建国"]
        with qtbot.waitSignal(page.person_requested) as opened:
            page.report_view.tree.itemDoubleClicked.emit(entry, 0)
        assert opened.args == [person.id]
        page.close_report()
        assert page.history.rowCount() == 1 and page.history.item(0, 1).text() == a.name
        assert "新增" in page.history.item(0, 4).text()
        stations = page.stations.rows
        assert [s["code"] for s in stations if s["last_import_at"]] == [a.code]


def test_a_stored_report_can_be_shown_again_and_saved_as_pdf(qtbot, sites, tmp_path, monkeypatch):
    page = bureau_reads_a_station_bundle(qtbot, sites, tmp_path, monkeypatch, confirm=True)
    with sites[0]:
        with qtbot.waitSignal(page.report_shown):
            page.history.cellDoubleClicked.emit(0, 0)
        assert "第 1 号" in page.report_view.source_label.text()
        pdf = tmp_path / "report.pdf"
        monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(lambda *a, **k: (str(pdf), "")))
        said = []
        monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a: said.append(a[2])))
        with qtbot.waitSignal(page.report_view.saved, timeout=SLOW):
            page.report_view.pdf_button.click()
        assert pdf.read_bytes().startswith(b"%PDF") and str(pdf) in said[0]


def test_a_tampered_bundle_is_refused_with_its_reason_and_nothing_changes(qtbot, sites, tmp_path, monkeypatch):
    bureau, a, _ = sites
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        bundle = write_to_stick(qtbot, exchange_page(qtbot, a), tmp_path, monkeypatch).path
    data = bytearray(bundle.read_bytes())
    data[len(data) // 2] ^= 0xFF
    bundle.write_bytes(bytes(data))
    before = fingerprint(bureau)
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    with bureau:
        page = exchange_page(qtbot, bureau)
        choose_file(monkeypatch, bundle)
        with qtbot.waitSignal(page.failed, timeout=SLOW) as failed:
            page.import_button.click()
        assert failed.args[0] == shown[0] == page.result.text()
        assert "数据包" in shown[0] and "Traceback" not in shown[0]
        assert page.stack.currentIndex() == 0  # no report: nothing to confirm
    assert fingerprint(bureau) == before


def test_importing_the_same_bundle_again_says_so_and_changes_nothing(qtbot, sites, tmp_path, monkeypatch):
    page = bureau_reads_a_station_bundle(qtbot, sites, tmp_path, monkeypatch, confirm=True)
    bureau = sites[0]
    before = fingerprint(bureau)
    with bureau:
        with qtbot.waitSignal(page.said, timeout=SLOW) as said:
            page.import_button.click()
        assert "已经导入过" in said.args[0] and page.stack.currentIndex() == 0
    assert fingerprint(bureau) == before


def test_the_station_sees_how_far_the_bureau_confirmed(qtbot, sites, tmp_path, monkeypatch):
    bureau, a, _ = sites
    with a:
        save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
        bundle = write_to_stick(qtbot, exchange_page(qtbot, a), tmp_path, monkeypatch).path
    with bureau:
        import_bundle(bureau.home, bundle, actor=bureau.actor)
        back = export_bundle(bureau.home, tmp_path / "back.vsb", for_station=a.code).path
    with a:
        page = exchange_page(qtbot, a)
        choose_file(monkeypatch, back)
        with qtbot.waitSignal(page.report_shown, timeout=SLOW):
            page.import_button.click()
        with qtbot.waitSignal(page.imported, timeout=SLOW):
            page.confirm_button.click()
        assert page.confirmed.text().startswith("已由事务局确认至 ")
        assert page.unconfirmed.text() == "本站的修改均已由事务局确认。"
        save_person(None, {"name": "李四", "id_number": "150626199001010017"}, actor=a.actor)
        page.refresh()
        assert page.unconfirmed.text().startswith("本站还有 1 条修改")


def test_a_removed_stick_is_reported_clearly_and_no_bundle_is_recorded(qtbot, sites, tmp_path, monkeypatch):
    _, a, _ = sites
    shown = []
    monkeypatch.setattr(QMessageBox, "critical", staticmethod(lambda parent, title, text: shown.append(text)))
    monkeypatch.setattr(DriveChooser, "choose", staticmethod(lambda parent=None: tmp_path / "gone" / "E"))
    with a:
        page = exchange_page(qtbot, a)
        with qtbot.waitSignal(page.failed, timeout=SLOW) as failed:
            page.export_button.click()
        assert "U盘是否已插好" in failed.args[0] and shown == [failed.args[0]]
        assert "从未" in page.last_exchange.text()  # nothing was recorded as exported


@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils (pdfinfo) is not installed")
def test_an_import_report_prints_through_the_print_dialog(qtbot, sites, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrinter
    from PySide6.QtWidgets import QDialog

    page = bureau_reads_a_station_bundle(qtbot, sites, tmp_path, monkeypatch, confirm=False)
    with sites[0]:
        out = tmp_path / "printed.pdf"

        class PrintToFile:  # the clerk picks "print to file" in the print dialog and presses 打印
            def __init__(self, printer, parent=None):
                printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
                printer.setOutputFileName(str(out))

            def exec(self):
                return QDialog.Accepted

        monkeypatch.setattr("PySide6.QtPrintSupport.QPrintDialog", PrintToFile)
        with qtbot.waitSignal(page.report_view.printed, timeout=SLOW) as printed:
            page.report_view.print_button.click()
        assert printed.args[0] >= 1 and out.read_bytes().startswith(b"%PDF")
