"""选项列表: the configurable option lists (service categories, visit types, dispute types, fund sources,
the aid documents checklist …). The bureau edits them; a station sees them read-only.

    section = OptionListsSection(ctx); section.choose("visit_type")
    section.add_item() / section.rename_item() / section.toggle_active() / section.move(-1)  # bureau only
    section.done  # Outcome after every operation

Items are retired, never removed, so old records keep their label (models.options). Edits travel
to the stations with the next bundle.
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (QHBoxLayout, QInputDialog, QLabel, QLineEdit, QListWidget, QListWidgetItem,
                               QMessageBox, QPushButton, QVBoxLayout, QWidget)

from models.db import db
from models.options import items, lists, save_option
from models.permissions import allowed
from models.pinyin import search_keys
from ui.registry.operations import Outcome, run_write
from ui.settings.account_dialogs import WriteDialog
from ui.settings.table import RowsTable

# list code -> the one per-item setting its items carry, edited with the "Setting…" button
SETTINGS = {"contact_cadence": "days", "aid_document": "required"}


class OptionListsSection(QWidget):
    done = Signal(object)  # Outcome

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.editable = allowed(ctx.actor, "manage_options")
        self.lists = QListWidget()
        self.lists.setObjectName("optionLists")
        self.lists.setFixedWidth(200)
        for code, name in lists().items():
            item = QListWidgetItem(name)
            item.setData(Qt.UserRole, code)
            self.lists.addItem(item)
        self.table = RowsTable([self.tr("Label"), self.tr("Code"), self.tr("State"), self.tr("Setting")], stretch=0)
        self.table.setObjectName("optionItemsTable")
        self.add_button = QPushButton(self.tr("Add item…"))
        self.add_button.setObjectName("primaryButton")
        self.rename_button = QPushButton(self.tr("Rename…"))
        self.active_button = QPushButton(self.tr("Retire"))
        self.setting_button = QPushButton(self.tr("Setting…"))
        self.up_button = QPushButton(self.tr("Move up"))
        self.down_button = QPushButton(self.tr("Move down"))
        self.add_button.clicked.connect(self.add_item)
        self.rename_button.clicked.connect(self.rename_item)
        self.active_button.clicked.connect(self.toggle_active)
        self.setting_button.clicked.connect(self.edit_setting)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        if self.editable:
            text = self.tr("Changes reach every station with the next data exchange. Items are retired, not "
                           "deleted, so older records keep their label.")
        else:
            text = self.tr("The option lists are maintained by the Veterans Affairs Bureau for all stations; "
                           "here they can only be viewed. Changes arrive with the data exchange.")
        self.note = QLabel(text)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)

        buttons = QHBoxLayout()
        for button in (self.add_button, self.rename_button, self.active_button, self.setting_button,
                       self.up_button, self.down_button):
            button.setVisible(self.editable)
            buttons.addWidget(button)
        buttons.addStretch(1)
        right = QVBoxLayout()
        right.setSpacing(10)
        right.addLayout(buttons)
        right.addWidget(self.table, 1)
        body = QHBoxLayout()
        body.setSpacing(14)
        body.addWidget(self.lists)
        body.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 12, 0, 0)
        layout.setSpacing(10)
        layout.addWidget(self.note)
        layout.addLayout(body, 1)
        self.lists.currentRowChanged.connect(lambda _row: self.refresh())
        self.table.itemSelectionChanged.connect(self._update_buttons)
        ctx.changed.connect(self._changed)
        self.items = {}
        self.lists.setCurrentRow(0)

    def list_code(self) -> str:
        item = self.lists.currentItem()
        return item.data(Qt.UserRole) if item else ""

    def choose(self, list_code: str) -> None:
        for row in range(self.lists.count()):
            if self.lists.item(row).data(Qt.UserRole) == list_code:
                self.lists.setCurrentRow(row)
                return
        raise KeyError(list_code)

    def refresh(self) -> None:
        code = self.list_code()
        found = items(code, include_inactive=True) if code else []
        self.order = [i.code for i in found]
        self.items = {i.code: i for i in found}
        rows = [(i.code, [i.label, i.code, self.tr("in use") if i.active else self.tr("retired"),
                          self._setting_text(code, i.extra)]) for i in found]
        self.table.set_rows(rows, muted={i.code for i in found if not i.active})
        self.table.setColumnHidden(3, code not in SETTINGS)
        self._update_buttons()

    def _setting_text(self, list_code: str, extra: dict) -> str:
        key = SETTINGS.get(list_code)
        if key == "days" and extra.get("days") is not None:
            return self.tr("every {n} days").format(n=extra["days"])
        if key == "required":
            return self.tr("required") if extra.get("required") else self.tr("optional")
        return ""

    def _selected(self):
        return self.items.get(self.table.selected_key())

    def _update_buttons(self) -> None:
        item = self._selected()
        for button in (self.rename_button, self.active_button, self.up_button, self.down_button):
            button.setEnabled(item is not None)
        self.setting_button.setVisible(self.editable and self.list_code() in SETTINGS)
        self.setting_button.setEnabled(item is not None)
        self.active_button.setText(self.tr("Bring back") if item is not None and not item.active
                                   else self.tr("Retire"))

    def _changed(self, changes) -> None:
        if changes.touches("option"):
            self.refresh()

    # -- operations (the bureau) ---------------------------------------------------------------------
    def add_item(self) -> "NewOptionDialog":
        dialog = NewOptionDialog(self.ctx, self.list_code(), set(self.items), self)
        dialog.finished_write.connect(lambda outcome: self._written(outcome, shown=True))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def rename_item(self) -> None:
        item = self._selected()
        if item is None:
            return
        text, ok = QInputDialog.getText(self, self.tr("Rename item"), self.tr("New label for {label}:").format(
            label=item.label), text=item.label)
        if ok and text.strip() and text.strip() != item.label:
            self._save(item, label=text)

    def toggle_active(self) -> None:
        item = self._selected()
        if item is not None:
            self._save(item, active=not item.active)

    def edit_setting(self) -> None:
        item = self._selected()
        key = SETTINGS.get(self.list_code())
        if item is None or key is None:
            return
        if key == "days":
            days, ok = QInputDialog.getInt(self, self.tr("Visit cadence"),
                                           self.tr("Visit {label} persons every how many days?").format(
                                               label=item.label), int(item.extra.get("days") or 30), 1, 3650)
            if ok:
                self._save(item, extra={**item.extra, "days": days})
        else:
            self._save(item, extra={**item.extra, "required": not item.extra.get("required")})

    def move(self, step: int) -> None:
        """Swap the item with its neighbour; positions are renumbered in tens so both stay distinct."""
        item = self._selected()
        if item is None:
            return
        order = list(self.order)
        index = order.index(item.code)
        other = index + step
        if not 0 <= other < len(order):
            return
        order[index], order[other] = order[other], order[index]
        list_code, actor = self.list_code(), self.ctx.actor
        wanted = {code: n * 10 for n, code in enumerate(order)}  # as the defaults are numbered
        moved = [self.items[code] for code in order if self.items[code].position != wanted[code]]

        def job():
            changes = None
            with db.atomic():  # both items move, or neither
                for i in moved:
                    done = save_option(list_code, i.code, i.label, position=wanted[i.code], active=i.active,
                                       extra=i.extra, actor=actor)
                    changes = done if changes is None else _merged(changes, done)
            return changes

        run_write(self, job, on_done=self._written)

    def _save(self, item, *, label: str | None = None, active: bool | None = None, extra: dict | None = None):
        list_code, actor = self.list_code(), self.ctx.actor
        label = item.label if label is None else label
        active = item.active if active is None else active
        extra = item.extra if extra is None else extra
        run_write(self, lambda: save_option(list_code, item.code, label, position=item.position, active=active,
                                            extra=extra, actor=actor), on_done=self._written)

    def _written(self, outcome: Outcome, *, shown: bool = False) -> None:
        """shown: the refusal is already on screen (a dialog shows it next to what was typed)."""
        if outcome.ok:
            if outcome.value is not None:
                self.ctx.announce(outcome.value)  # refreshes this section too
        elif not shown:
            QMessageBox.warning(self, self.tr("Option list not changed"), outcome.error.message)
        self.done.emit(outcome)


def _merged(first, second):
    first.created += second.created
    first.updated += second.updated
    first.tombstoned += second.tombstoned
    return first


class NewOptionDialog(WriteDialog):
    """A new item: its label, and a code suggested from the label's pinyin initials."""

    def __init__(self, ctx, list_code: str, taken: set[str], parent=None):
        super().__init__(parent)
        self.set_heading(self.tr("New item in {list}").format(list=lists()[list_code]),
                         self.tr("The code identifies the item in every installation and never changes; "
                                 "the label can be corrected later."))
        self.ctx = ctx
        self.list_code = list_code
        self.taken = taken
        self.label = QLineEdit()
        self.code = QLineEdit()
        self.code.setPlaceholderText(self.tr("letters, digits or _"))
        self.form.addRow(self.tr("Label"), self.label)
        self.form.addRow(self.tr("Code"), self.code)
        self._code_typed = False
        self.code.textEdited.connect(lambda _t: setattr(self, "_code_typed", True))
        self.label.textChanged.connect(self._suggest_code)

    def _suggest_code(self, text: str) -> None:
        if self._code_typed:
            return
        base = search_keys(text.strip())[1] if text.strip() else ""
        code, n = base, 2
        while code in self.taken:
            code, n = f"{base}{n}", n + 1
        self.code.setText(code)

    def problem(self) -> str | None:
        if self.code.text().strip() in self.taken:
            return self.tr("This list already has an item with the code {code}.").format(code=self.code.text())
        return None

    def job(self):
        list_code, code, label, actor = self.list_code, self.code.text(), self.label.text(), self.ctx.actor
        return lambda: save_option(list_code, code, label, actor=actor)
