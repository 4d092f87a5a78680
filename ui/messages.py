"""Errors as dialogs: one clear Chinese sentence for the person at the desk, the details in the log.

    show_error(self, exc)              # a DomainError's message, or a generic sentence for a bug
    previous = install_excepthook()    # an uncaught exception: logged whole, shown as one sentence

No traceback ever reaches the user; the log under home/logs/ keeps it for whoever supports them.
"""
from __future__ import annotations

import logging
import sys

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from models.errors import DomainError

log = logging.getLogger(__name__)


def internal_error_sentence() -> str:
    return QCoreApplication.translate("ErrorMessages", "Something went wrong inside the program. The details "
                                      "were written to the log; nothing was changed.")


def sentence_for(error: BaseException | str) -> str:
    """What to tell the user about `error`: a domain error's own sentence, else a generic one."""
    if isinstance(error, str):
        return error
    if isinstance(error, DomainError):
        return error.message
    return internal_error_sentence()


def show_error(parent: QWidget | None, error: BaseException | str, title: str | None = None) -> None:
    QMessageBox.critical(parent, title or QCoreApplication.translate("ErrorMessages", "Error"),
                         sentence_for(error))


def show_startup_error(error: BaseException) -> None:
    """The program cannot open its home: say why, in one sentence, before any window exists."""
    QMessageBox.critical(None, QCoreApplication.translate("ErrorMessages", "The program cannot start"),
                         sentence_for(error))


def install_excepthook():
    """Route uncaught exceptions to the log and one sentence on screen; returns the old hook."""
    previous = sys.excepthook

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            previous(exc_type, exc, tb)
            return
        log.critical("uncaught exception", exc_info=(exc_type, exc, tb))
        if QApplication.instance() is not None:
            show_error(QApplication.activeWindow(), exc)

    sys.excepthook = hook
    return previous
