"""Shared steps of the casework GUI tests: a context, a registered person, picking a person by typing."""
from __future__ import annotations

from PySide6.QtCore import Qt

from models.registry import save_person
from tests.models.people import person_values


def add_person(n: int, actor, **values):
    person, _ = save_person(None, person_values(n, **values), identities=[{"category": "retired_soldier"}],
                            actor=actor)
    return person


def type_text(qtbot, widget, text: str) -> None:
    """Type like a user; Chinese arrives as an input method would deliver it (QTest types ASCII only)."""
    widget.setFocus()
    if text.isascii():
        qtbot.keyClicks(widget, text)
    elif hasattr(widget, "insertPlainText"):
        widget.insertPlainText(text)
    else:
        widget.insert(text)


def pick_person(qtbot, picker, text: str, person_id: str) -> None:
    """Type into the picker like a user, wait for the suggestions, choose the person with the keyboard."""
    picker.search.setFocus()
    with qtbot.waitSignal(picker.results_shown):
        type_text(qtbot, picker.search, text)
    ids = [pid for pid, _line in picker.suggestions()]
    assert person_id in ids
    popup = picker.completer.popup()
    for _ in range(ids.index(person_id) + 1):
        qtbot.keyClick(popup, Qt.Key_Down)
    with qtbot.waitSignal(picker.person_chosen) as chosen:
        qtbot.keyClick(popup, Qt.Key_Return)
    assert chosen.args == [person_id]


def save(qtbot, dialog, signal: str = "saved"):
    """Click 保存 and wait for the dialog's answer (saved or refused); returns the signal's args."""
    with qtbot.waitSignal(getattr(dialog, signal)) as blocker:
        dialog.save_button.click()
    return blocker.args
