"""Controls that cannot act look disabled and say why; a case list without a selection has the width."""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from ui.casework.services_page import ServicesPage
from ui.sync import ExchangePage


def test_a_station_not_yet_enrolled_cannot_exchange_and_the_buttons_say_why(qtbot, ctx, dressed_app):
    page = ExchangePage(ctx)
    qtbot.addWidget(page)
    for button in (page.export_button, page.import_button):
        assert not button.isEnabled()
        assert "尚未向事务局登记" in button.toolTip()


def test_a_disabled_button_looks_different_from_an_enabled_one(qtbot, dressed_app):
    enabled, disabled = QPushButton("导出数据包"), QPushButton("导出数据包")
    disabled.setEnabled(False)
    faces = []
    for button in (enabled, disabled):
        qtbot.addWidget(button)
        button.resize(140, 34)
        faces.append(button.grab().toImage().pixelColor(70, 6).name())  # the face, above the text
    assert faces[0] != faces[1]


def test_a_case_list_with_nothing_selected_takes_the_whole_width(qtbot, ctx, dressed_app):
    page = ServicesPage(ctx)
    qtbot.addWidget(page)
    page.resize(1024 - 220, 700)
    page.show()
    qtbot.waitExposed(page)
    assert not page.detail.isVisible()
    assert page.browser.width() >= page.splitter.width() - 2
