"""The bundled CJK font: registered at start-up so Chinese never depends on the PC's fonts.

    family = install_bundled_font(app)   # "WenQuanYi Micro Hei", now the application font

resources/fonts/wqy-microhei.ttc (TrueType outlines, Apache-2.0 / GPL-3+ with font exception, see
LICENSE-wqy-microhei.txt beside it) is the same font the PDF ledgers embed.
"""
from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from models.resources import resource_path

log = logging.getLogger(__name__)

FONT_FILE = ("fonts", "wqy-microhei.ttc")
POINT_SIZE = 10


_font_id: int | None = None


def registered_font_id() -> int:
    """Register the bundled font file once; its application-font id (-1 if it could not be read)."""
    global _font_id
    if _font_id is None or _font_id < 0:
        path = resource_path(*FONT_FILE)
        _font_id = QFontDatabase.addApplicationFont(str(path))
        if _font_id < 0:
            log.error("could not register bundled font %s", path)
    return _font_id


def bundled_families() -> list[str]:
    """The families the bundled font provides, proportional first ([] if it is missing)."""
    font_id = registered_font_id()
    if font_id < 0:
        return []
    return sorted(QFontDatabase.applicationFontFamilies(font_id), key=lambda name: "Mono" in name)


def install_bundled_font(app: QApplication, point_size: int = POINT_SIZE) -> str | None:
    """Make the bundled CJK font the application font; returns its family, or None if missing."""
    families = bundled_families()
    if not families:
        return None
    font = QFont(families[0], point_size)
    font.setHintingPreference(QFont.PreferNoHinting)
    app.setFont(font)
    return families[0]
