"""Chinese is complete and the default: every string lupdate finds in ui/ has a finished translation."""
from __future__ import annotations

import importlib.util

from PySide6.QtCore import QTranslator

from models.installation import current
from models.resources import resource_path
from ui.login_dialog import LoginDialog


def translations_script():
    path = resource_path("translations", "update_translations.py")
    spec = importlib.util.spec_from_file_location("update_translations", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_string_in_the_ui_has_a_finished_chinese_translation(tmp_path):
    script = translations_script()
    fresh = tmp_path / "extracted.ts"
    script.extract(fresh)  # what lupdate finds in the code today, with no translations
    extracted = script.messages(fresh)
    assert len(extracted) > 50
    shipped = script.messages(script.TS)
    missing = [f"[{context}] {source}" for context, source in extracted if not shipped.get((context, source))]
    assert missing == [], "run resources/translations/update_translations.py and translate:\n" + "\n".join(missing)


def test_the_compiled_translation_matches_the_ts_file():
    script = translations_script()
    translator = QTranslator()
    assert translator.load(str(script.QM))
    stale = [(context, source) for (context, source), text in script.messages(script.TS).items()
             if text and translator.translate(context, source) != text]
    assert stale == [], "rebuild the .qm with update_translations.py"


def test_the_app_speaks_chinese_by_default(qtbot, station, dressed_app):
    dialog = LoginDialog(current())
    qtbot.addWidget(dialog)
    assert dialog.login_button.text() == "登录"
    assert dialog.quit_button.text() == "退出"


def test_qt_own_dialog_buttons_are_chinese_too(dressed_app):
    # qtbase_zh_CN from QLibraryInfo.TranslationsPath, loaded beside ours
    assert dressed_app.translate("QPlatformTheme", "Cancel") == "取消"
