"""The keyboard shortcuts of frequent actions, declared once; the button's tooltip shows the key.

    press(self.save_button, "save", owner=self)      # Ctrl+S clicks the button while `owner` has focus
    press(self.print_button, "print", owner=self)    # tooltip: "打印（Ctrl+P）"
    on_key("search", window, window.focus_search, context=Qt.WindowShortcut)
    area_key(3)                                      # "Ctrl+3": the third area of the sidebar
    with_key("工作台", area_key(1))                   # "工作台（Ctrl+1）"

A shortcut clicks its button, so it does exactly what a click does — and nothing while the button is
disabled or hidden. The program has no menu bar: the tooltip (and, for saving and new records, the
button's own text) is where a clerk learns the key.
"""
from __future__ import annotations

import re
from typing import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QAbstractButton, QWidget

KEYS: dict[str, QKeySequence.StandardKey | str] = {
    "save": QKeySequence.StandardKey.Save,        # Ctrl+S
    "new": QKeySequence.StandardKey.New,          # Ctrl+N: a new person / record in the page shown
    "search": QKeySequence.StandardKey.Find,      # Ctrl+F: the registry's search box
    "export": "Ctrl+E",                           # the list as shown, to Excel
    "print": QKeySequence.StandardKey.Print,      # Ctrl+P
    "back": "Esc",                                # back to the list
}
AREA_KEYS_COUNT = 9  # Ctrl+1 … Ctrl+9 select the first nine areas of the sidebar

_KEY_IN_TEXT = re.compile(r"\s*[（(](?:Ctrl|Esc)[^)）]*[)）]")


def sequence(action: str) -> QKeySequence:
    return QKeySequence(KEYS[action])


def key_text(action: str) -> str:
    """How the key reads on this system, e.g. "Ctrl+S"."""
    return sequence(action).toString(QKeySequence.SequenceFormat.NativeText)


def area_key(number: int) -> str:
    return f"Ctrl+{number}"


def with_key(label: str, key: str) -> str:
    """"保存（Ctrl+S）" from "保存（Ctrl+S）", "保存…" or "保存": a key already in the label is not repeated."""
    return f"{_KEY_IN_TEXT.sub('', label).strip().rstrip('…').rstrip('.')}（{key}）"


def on_key(action: str, owner: QWidget, slot: Callable[[], object], *,
           context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
    shortcut = QShortcut(sequence(action), owner, context=context)
    shortcut.activated.connect(slot)
    return shortcut


def press(button: QAbstractButton, action: str, *, owner: QWidget, tooltip: str | None = None,
          context: Qt.ShortcutContext = Qt.ShortcutContext.WidgetWithChildrenShortcut) -> QShortcut:
    """The action's key clicks `button` while focus is inside `owner`; the tooltip says which key."""
    button.setToolTip(with_key(tooltip or button.text(), key_text(action)))

    def click() -> None:
        if button.isEnabled() and button.isVisibleTo(owner.window()):
            button.click()

    return on_key(action, owner, click, context=context)
