"""Leaving a page that holds unsaved edits: the one question, and the protocol pages answer.

    answer = ask_unsaved(parent, "「王建国」的档案有未保存的修改。")   # SAVE / DISCARD / CANCEL

A page of the main window that can hold unsaved edits defines

    def confirm_leave(self, then=None) -> bool:
        # True: nothing unsaved (or the user chose 不保存) — leave now.
        # False: stay — the user chose 取消, or chose 保存 and the save is under way; `then` is called
        #        once it has succeeded (a refused save keeps the user on the page, `then` is dropped).

The main window asks the current page before the sidebar switches area and before it closes;
the registry asks each open person form before 返回列表.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

SAVE, DISCARD, CANCEL = "save", "discard", "cancel"


def ask_unsaved(parent, sentence: str) -> str:
    """保存 / 不保存 / 取消 for `sentence` (what is unsaved); Esc is 取消."""
    title = QCoreApplication.translate("Leaving", "Unsaved changes")
    box = QMessageBox(QMessageBox.Warning, title, sentence, parent=parent)
    save = box.addButton(QCoreApplication.translate("Leaving", "Save"), QMessageBox.AcceptRole)
    discard = box.addButton(QCoreApplication.translate("Leaving", "Don't save"), QMessageBox.DestructiveRole)
    cancel = box.addButton(QCoreApplication.translate("Leaving", "Cancel"), QMessageBox.RejectRole)
    box.setDefaultButton(save)
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return SAVE if clicked is save else DISCARD if clicked is discard else CANCEL


def confirm_leave(page, then=None) -> bool:
    """Ask `page` if it may be left (pages without unsaved edits need not define confirm_leave)."""
    ask = getattr(page, "confirm_leave", None)
    return True if ask is None else ask(then)
