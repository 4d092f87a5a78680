"""Shortcuts: frequent actions have a key, the button's tooltip names it, and the key does what a click does."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from models.installation import current
from ui.context import AppContext
from ui.i18n import install_translations
from ui.main_window import MainWindow
from ui.registry import RegistryPage
from ui.shortcuts import with_key


@pytest.fixture
def registry(qtbot, station, actor, dressed_app):
    install_translations(dressed_app)  # the tooltips as a clerk reads them
    page = RegistryPage(AppContext(station, current(), actor))
    qtbot.addWidget(page)
    page.resize(1280, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def test_the_save_button_says_ctrl_s_and_ctrl_s_saves_the_person(qtbot, registry):
    form = registry.new_person()
    assert form.save_button.toolTip() == "保存（Ctrl+S）"
    assert form.back_button.toolTip().endswith("（Esc）")
    form.basic.name.setText("王建国")
    with qtbot.waitSignal(form.save_refused, timeout=10_000):  # no ID number yet: the save ran and refused
        qtbot.keyClick(form.basic.name, Qt.Key_S, Qt.ControlModifier)


def test_ctrl_e_in_the_registry_list_asks_where_to_export(qtbot, registry, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or ("", "")))
    export = registry.list_page.transfer.export_button
    assert export.toolTip() == "导出Excel（Ctrl+E）"
    registry.list_page.table.setFocus()
    qtbot.keyClick(registry.list_page.table, Qt.Key_E, Qt.ControlModifier)
    assert len(asked) == 1


def test_a_disabled_button_is_not_pressed_by_its_key(qtbot, registry, monkeypatch):
    asked = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        staticmethod(lambda *a, **k: asked.append(a[1]) or ("", "")))
    registry.list_page.transfer.export_button.setEnabled(False)
    qtbot.keyClick(registry.list_page.table, Qt.Key_E, Qt.ControlModifier)
    assert asked == []


def test_ctrl_n_in_the_registry_list_opens_a_new_person(qtbot, registry):
    assert registry.list_page.new_button.toolTip().endswith("（Ctrl+N）")
    with qtbot.waitSignal(registry.list_page.new_requested, timeout=5_000):
        qtbot.keyClick(registry.list_page.table, Qt.Key_N, Qt.ControlModifier)


def test_the_sidebar_says_which_key_opens_each_area(qtbot, station, actor, dressed_app):
    install_translations(dressed_app)
    window = MainWindow(AppContext(station, current(), actor))
    qtbot.addWidget(window)
    first = window.nav.item(0)
    assert first.toolTip() == f"{first.text()}（Ctrl+1）"
    assert window.nav.item(8).toolTip().endswith("（Ctrl+9）")


def test_a_key_already_in_the_label_is_not_repeated():
    assert with_key("保存（Ctrl+S）", "Ctrl+S") == "保存（Ctrl+S）"
    assert with_key("新建记录…（Ctrl+N）", "Ctrl+N") == "新建记录（Ctrl+N）"
    assert with_key("打印…", "Ctrl+P") == "打印（Ctrl+P）"
