"""The bundled CJK font is registered at start and used, so Chinese never depends on the PC's fonts."""
from __future__ import annotations

from PySide6.QtGui import QFontDatabase, QFontInfo, QFontMetrics, QRawFont

from models.resources import resource_path
from ui.fonts import bundled_families, registered_font_id

SAMPLE = "嘎鲁图镇退役军人服务站信息采集重点关注乌审旗蒙古族"


def test_the_font_and_its_licence_ship_with_the_program():
    assert resource_path("fonts", "wqy-microhei.ttc").stat().st_size > 1_000_000
    licence = resource_path("fonts", "LICENSE-wqy-microhei.txt").read_text(encoding="utf-8")
    assert "Apache-2.0" in licence and "WenQuanYi" in licence


def test_the_bundled_font_is_registered_and_is_the_application_font(dressed_app):
    # registered from resources/fonts by the program itself, not found among the system's fonts
    assert "WenQuanYi Micro Hei" in QFontDatabase.applicationFontFamilies(registered_font_id())
    assert "WenQuanYi Micro Hei" in QFontDatabase.families()
    assert bundled_families()[0] == "WenQuanYi Micro Hei"
    assert dressed_app.font().family() == "WenQuanYi Micro Hei"
    assert QFontInfo(dressed_app.font()).family() == "WenQuanYi Micro Hei"  # resolved, not substituted


def test_chinese_text_has_glyphs_in_the_application_font(dressed_app):
    metrics = QFontMetrics(dressed_app.font())
    raw = QRawFont.fromFont(dressed_app.font())
    assert raw.familyName() == "WenQuanYi Micro Hei"
    for char in SAMPLE:
        assert metrics.inFontUcs4(ord(char)), char
        assert raw.supportsCharacter(ord(char)), char
