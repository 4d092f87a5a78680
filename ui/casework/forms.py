"""Casework dialogs: record a new case, take one workflow step, give a reason — saved in the background.

    class ServiceDialog(RecordDialog):
        def build(self, grid): grid.add("content", NoteEdit(), label="服务内容")
        def submit(self, values, actor): return record_service(values, actor=actor)   # worker thread

    dialog = StepDialog(ctx, "退回", lambda values, actor: agency_step(rid, "return", **values, actor=actor),
                        extra=[StepField("reason", "原因", NoteEdit)], note_required=True)
    dialog.saved.connect(...)     # the record id (or None), after ctx.announce(changes)

`submit(values, actor)` runs on the worker thread (ui.registry.operations.run_write): it may use only
its arguments, never widgets. A ValidationError puts each sentence under its field (field names are
the domain's value keys); any other DomainError (a refused step, a person who died) is shown in
the red banner on top. Nothing typed is lost: the dialog stays open until the save succeeded.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QVBoxLayout, QWidget

from models.errors import DomainError, ValidationError
from ui.casework.fields import DateEdit, NoteEdit
from ui.registry.field_grid import FieldGrid, MessageLine
from ui.registry.operations import run_write
from ui.shortcuts import press


def show_refusal(grid: FieldGrid, banner: MessageLine, error: DomainError) -> None:
    """A ValidationError next to its fields (the rest in the banner); anything else in the banner."""
    if isinstance(error, ValidationError):
        elsewhere = [sentence for name, sentence in error.fields.items() if not grid.show_message(name, sentence)]
        marked = len(elsewhere) < len(error.fields)  # "marked in red" only when a field is red
        lead = [QCoreApplication.translate("CaseForms", "Not saved: please correct what is marked in red.")] if marked \
            else [QCoreApplication.translate("CaseForms", "Not saved:")]
        banner.show_problem(" ".join(lead + (["；".join(elsewhere)] if elsewhere else [])))
    else:
        banner.show_problem(error.message)


def changes_of(result):
    """(record, changes) or changes → (record id or None, changes)."""
    if isinstance(result, tuple):
        record, changes = result
        return getattr(record, "id", None), changes
    return None, result


class RecordDialog(QDialog):
    """A form in a dialog: subclasses add fields in build(grid) and save in submit(values, actor)."""

    saved = Signal(object)  # the new record's id (None for an operation that returns only changes)
    refused = Signal(object)  # the DomainError, after it is shown

    columns = 1

    def __init__(self, ctx, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(title)
        self.setMinimumWidth(560)
        self._saving = False
        self.banner = MessageLine()
        self.grid = FieldGrid(columns=self.columns)
        self.build(self.grid)
        self.grid.finish()
        self.buttons = QDialogButtonBox(QDialogButtonBox.Save | QDialogButtonBox.Cancel)
        self.save_button = self.buttons.button(QDialogButtonBox.Save)
        self.save_button.setText(self.tr("Save (Ctrl+S)"))
        self.buttons.button(QDialogButtonBox.Cancel).setText(self.tr("Cancel"))
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.save_button.setAutoDefault(False)
        self.save_button.setDefault(False)  # Enter moves to the next field; Ctrl+S saves
        press(self.save_button, "save", owner=self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.grid, 1)
        layout.addWidget(self.buttons)

    # -- for subclasses ---------------------------------------------------------------------------
    def build(self, grid: FieldGrid) -> None:
        raise NotImplementedError

    def values(self) -> dict:
        return self.grid.values()

    def submit(self, values: dict, actor):
        """Runs on the worker thread: call the domain, return (record, changes) or changes."""
        raise NotImplementedError

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        self.banner.show_problem(None)
        self.grid.clear_messages()
        unreadable = self.grid.problems()
        if unreadable:
            show_refusal(self.grid, self.banner, ValidationError(unreadable))
            self.refused.emit(ValidationError(unreadable))
            return
        values, actor = self.values(), self.ctx.actor
        self._saving = True
        self.save_button.setEnabled(False)
        run_write(self, lambda: self.submit(values, actor), on_done=self._finished)

    def _finished(self, outcome) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not outcome.ok:
            show_refusal(self.grid, self.banner, outcome.error)
            self.refused.emit(outcome.error)
            return
        record_id, changes = changes_of(outcome.value)
        self.ctx.announce(changes)
        self.saved.emit(record_id)
        self.accept()


@dataclass(frozen=True)
class StepField:
    """A step-specific field of a StepDialog: its value key, label and editor (a zero-argument factory)."""

    name: str
    label: str
    editor: Callable[[], QWidget]
    value: object = None  # shown when the dialog opens


class StepDialog(RecordDialog):
    """One workflow step: its date (today unless changed), a note, and the step's own fields.

    perform(values, actor) runs on the worker thread with values {"on", "note", <extra names>…}.
    """

    def __init__(self, ctx, title: str, perform: Callable, *, extra: list[StepField] = (), note_label: str | None = None,
                 parent: QWidget | None = None):
        self.perform, self.extra, self.note_label = perform, list(extra), note_label
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(460)

    def build(self, grid: FieldGrid) -> None:
        grid.add("on", DateEdit(), label=self.tr("Date")).set_value(dt.date.today())
        for field in self.extra:
            editor = grid.add(field.name, field.editor(), label=field.label)
            if field.value is not None:
                editor.set_value(field.value)
        grid.add("note", NoteEdit(), label=self.note_label or self.tr("Note"))

    def submit(self, values: dict, actor):
        return self.perform(values, actor)


class ReasonDialog(RecordDialog):
    """Asks why (deleting a record entered by mistake); perform(reason, actor) on the worker thread."""

    def __init__(self, ctx, title: str, perform: Callable, *, label: str | None = None, parent=None):
        self.perform, self.reason_label = perform, label
        super().__init__(ctx, title, parent)

    def build(self, grid: FieldGrid) -> None:
        grid.add("deleted_reason", NoteEdit(), label=self.reason_label or self.tr("Reason"))

    def submit(self, values: dict, actor):
        return self.perform(values["deleted_reason"] or "", actor)
