"""Translations: our own .qm plus Qt's own (buttons of standard dialogs), zh_CN by default.

    install_translations(app)            # zh_CN
    install_translations(app, "en")      # English chrome, as written in the code

UI chrome is written in English with self.tr(...); resources/translations/vetstation_zh_CN.ts holds
the Chinese (maintained by resources/translations/update_translations.py). Qt's qtbase_zh_CN.qm is
loaded from QLibraryInfo.TranslationsPath beside ours, as Picard does in picard/i18n/qt.py.
"""
from __future__ import annotations

import logging

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from models.resources import resource_path

log = logging.getLogger(__name__)

DEFAULT_LANGUAGE = "zh_CN"
_installed: list[QTranslator] = []  # kept alive: Qt does not own installed translators


def install_translations(app: QApplication, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Replace any translators installed before; return the ones now active."""
    for old in _installed:
        app.removeTranslator(old)
    _installed.clear()
    if language.startswith("en"):
        return []
    QLocale.setDefault(QLocale(language))
    ours = QTranslator(app)
    if ours.load(str(resource_path("translations", f"vetstation_{language}.qm"))):
        _installed.append(ours)
    else:
        log.error("translation vetstation_%s.qm not found", language)
    qt_dir = QLibraryInfo.path(QLibraryInfo.TranslationsPath)
    qt_own = QTranslator(app)
    if qt_own.load(f"qtbase_{language}", qt_dir):
        _installed.append(qt_own)
    for translator in _installed:
        app.installTranslator(translator)
    return list(_installed)
