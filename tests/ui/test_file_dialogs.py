"""File dialogs: Qt's own dialog, in Chinese, opening in 文档 the first time and in the last folder afterwards."""
from __future__ import annotations

from pathlib import Path

import pytest

from PySide6.QtCore import QStandardPaths
from PySide6.QtWidgets import QDialogButtonBox, QFileDialog

from ui import file_dialogs
from ui.file_dialogs import choose_folder, choose_open_file, choose_save_file, start_folder
from ui.i18n import install_translations


def documents() -> Path:
    return Path(QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation))


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """A user home of the test's own, with its 文档 folder (XDG locations follow $HOME)."""
    monkeypatch.setenv("HOME", str(tmp_path / "user"))
    monkeypatch.delenv("XDG_DOCUMENTS_DIR", raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "user" / ".config"))
    documents().mkdir(parents=True, exist_ok=True)
    assert documents().is_relative_to(tmp_path)


def test_first_save_proposes_the_documents_folder_then_the_folder_last_used(qapp, tmp_path, monkeypatch):
    asked = []
    chosen = tmp_path / "台账" / "花名册.pdf"
    chosen.parent.mkdir()

    def dialog(parent, caption, directory, file_filter, options):
        asked.append((directory, options))
        return str(chosen), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(dialog))
    assert choose_save_file(None, "ledger_pdf", "另存为PDF", "花名册.pdf", "PDF (*.pdf)") == str(chosen)
    choose_save_file(None, "ledger_pdf", "另存为PDF", "花名册.pdf", "PDF (*.pdf)")

    assert Path(asked[0][0]) == documents() / "花名册.pdf"
    assert Path(asked[1][0]) == chosen.parent / "花名册.pdf"
    assert asked[0][1] & QFileDialog.Option.DontUseNativeDialog
    assert Path.cwd() not in (Path(asked[0][0]).parent, Path(asked[1][0]).parent)


def test_each_purpose_remembers_its_own_folder(qapp, tmp_path, monkeypatch):
    rosters = tmp_path / "花名册"
    rosters.mkdir()
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        staticmethod(lambda *a, **k: (str(rosters / "名单.xlsx"), "")))
    choose_open_file(None, "roster", "选择花名册", "Excel (*.xlsx)")
    assert start_folder("roster") == rosters
    assert start_folder("bundle") != rosters


def test_a_cancelled_dialog_remembers_nothing(qapp, tmp_path, monkeypatch):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", staticmethod(lambda *a, **k: ""))
    first = start_folder("bundle")
    assert choose_folder(None, "bundle", "选择文件夹") == ""
    assert start_folder("bundle") == first


def test_a_remembered_folder_that_was_removed_falls_back_to_documents(qapp, tmp_path):
    gone = tmp_path / "U盘"
    gone.mkdir()
    file_dialogs.remember_folder("bundle", gone)
    gone.rmdir()
    assert start_folder("bundle") == documents()


def test_the_dialog_speaks_chinese(dressed_app, qtbot):
    install_translations(dressed_app)
    dialog = QFileDialog(None, "选择花名册")
    dialog.setOption(file_dialogs.OPTIONS)
    qtbot.addWidget(dialog)
    buttons = dialog.findChild(QDialogButtonBox)
    texts = {button.text() for button in buttons.buttons()}
    assert "取消" in texts or "取消(&C)" in texts or any("取消" in t for t in texts), texts
