"""Field editors for casework forms: the registry's editors, a person picker and a staff picker.

    picker = PersonPicker()              # type 2+ characters: name, pinyin initials, ID number, phone
    picker.value()                       # the chosen person's id, or None
    staff = StaffPicker(["张站长"])       # accounts as check boxes, others typed in
    staff.value()                        # ['张站长', '李明']

All speak the editors protocol of ui.registry.editors (value / set_value / problem / edited), so they
sit in a ui.registry.field_grid.FieldGrid beside DateEdit, MoneyEdit (元 → integer fen), TextEdit,
NoteEdit and ChoiceCombo, which are re-exported here so casework modules import from one place.
"""
from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCheckBox, QCompleter, QHBoxLayout, QLabel, QLineEdit, QToolButton, QVBoxLayout, QWidget

from models import vocab
from models.accounts import display_names
from models.errors import NotFound, SearchTooShort
from models.registry import get_person
from models.registry_search import PersonQuery, search_people
from ui.registry.editors import (CheckEdit, ChoiceCombo, DateEdit, MoneyEdit, NoteEdit, TextEdit,  # noqa: F401
                                 Unreadable, fen_to_yuan, parse_date, split_tags, yuan_to_fen)

SEARCH_DELAY_MS = 250
SUGGESTIONS = 15
PERSON_ID_ROLE = Qt.UserRole + 1


def person_line(row: dict) -> str:
    """One line that tells two people of the same name apart."""
    parts = [row["name"], vocab.label("sex", row.get("sex")), str(row.get("birth_date") or ""),
             row.get("village_name") or ""]
    number = row.get("id_number") or ""
    if number:
        parts.append(f"证件尾号 {number[-4:]}")
    if row.get("status") and row["status"] != "active":
        parts.append(f"（{vocab.label('person_status', row['status'])}）")
    return " · ".join(p for p in parts if p)


class PersonPicker(QWidget):
    """Search a person by name, pinyin, ID number or phone and pick one from the suggestions."""

    edited = Signal()
    results_shown = Signal(int)  # how many suggestions are listed (after each search)
    person_chosen = Signal(str)

    def __init__(self, parent=None, *, optional: bool = False):
        super().__init__(parent)
        self.optional = optional
        self._person_id: str | None = None
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Name, pinyin initials, ID number or phone (2+ characters)"))
        self.search.textEdited.connect(self._typed)
        self.details = QLabel()
        self.details.setObjectName("personPickerInfo")
        self.details.setWordWrap(True)
        self.details.setStyleSheet("color: #555;")
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self.completer.setMaxVisibleItems(SUGGESTIONS)
        self.completer.setWidget(self.search)
        self.completer.activated[QModelIndex].connect(self._activated)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(SEARCH_DELAY_MS)
        self.timer.timeout.connect(self.run_search)
        self.search.returnPressed.connect(self._enter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.search)
        layout.addWidget(self.details)
        self._show_info()

    # -- editors protocol -------------------------------------------------------------------------
    def value(self) -> str | None:
        return self._person_id

    def set_value(self, person_id: str | None) -> None:
        self._person_id = None
        self.search.setText("")
        if person_id:
            try:
                person = get_person(person_id)
            except NotFound:
                person = None
            if person is not None:
                self._person_id = person.id
                self.search.setText(person.name)
                self.details.setStyleSheet("color: #555;" if person.status == "active" else "color: #b3261e;")
                self._show_info(person_line({"name": person.name, "sex": person.sex, "birth_date": person.birth_date,
                                             "village_name": person.village.name if person.village_id else "",
                                             "id_number": person.id_number, "status": person.status}))
                return
        self._show_info()

    def problem(self) -> str | None:
        if self._person_id is None and self.search.text().strip():
            return self.tr("Pick the person from the suggestions (or clear the box).") if self.optional else \
                self.tr("Pick the person from the suggestions.")
        return None

    # -- searching ----------------------------------------------------------------------------------
    def _typed(self, _text: str) -> None:
        self.details.setStyleSheet("color: #555;")
        if self._person_id is not None:
            self._person_id = None
            self.edited.emit()
        self._show_info()
        self.timer.start()

    def _enter(self) -> None:
        if self._person_id is None and self.model.rowCount() == 1:
            self.choose(self.model.item(0).data(PERSON_ID_ROLE))
        else:
            self.run_search()

    def run_search(self) -> None:
        self.timer.stop()
        text = self.search.text().strip()
        self.model.clear()
        if not text:
            self.completer.popup().hide()
            self.results_shown.emit(0)
            return
        try:
            rows = search_people(PersonQuery(text=text), limit=SUGGESTIONS, order="name")
        except SearchTooShort as exc:
            self.details.setText(exc.message)
            self.results_shown.emit(0)
            return
        for row in rows:
            item = QStandardItem(person_line(row))
            item.setData(row["id"], PERSON_ID_ROLE)
            self.model.appendRow(item)
        if rows:
            self.completer.complete()
        else:
            self.details.setText(self.tr("No person matches “{text}”.").format(text=text))
        self.results_shown.emit(len(rows))

    def suggestions(self) -> list[tuple[str, str]]:
        """(person id, line) of what is listed now — for tests and keyboard users alike."""
        return [(self.model.item(r).data(PERSON_ID_ROLE), self.model.item(r).text()) for r in range(self.model.rowCount())]

    def _activated(self, index: QModelIndex) -> None:
        person_id = index.data(PERSON_ID_ROLE)
        if person_id:
            QTimer.singleShot(0, lambda: self.choose(person_id))  # after the completer wrote its text

    def choose(self, person_id: str) -> None:
        self.completer.popup().hide()
        self.set_value(person_id)
        self.edited.emit()
        if self._person_id:
            self.person_chosen.emit(self._person_id)

    def _show_info(self, text: str | None = None) -> None:
        if text is None:
            text = self.tr("Anonymous walk-in: leave empty.") if self.optional else ""
        self.details.setText(text)
        self.details.setVisible(bool(text))


def account_names() -> list[str]:
    """Staff who can be picked: the display names of the accounts (not the command line)."""
    return sorted({name for user, name in display_names().items() if user != "cli"})


class StaffPicker(QWidget):
    """Several staff: the accounts as check boxes, anyone else typed in (separated by 、)."""

    edited = Signal()

    def __init__(self, default: list[str] | None = None, parent=None):
        super().__init__(parent)
        self.boxes: dict[str, QCheckBox] = {}
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        for name in account_names():
            box = QCheckBox(name)
            box.toggled.connect(lambda _on: self.edited.emit())
            self.boxes[name] = box
            row.addWidget(box)
        self.others = QLineEdit()
        self.others.setPlaceholderText(self.tr("Others, separated by 、"))
        self.others.textEdited.connect(lambda _t: self.edited.emit())
        row.addWidget(self.others, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        self.set_value(default or [])

    def value(self) -> list[str]:
        names = [name for name, box in self.boxes.items() if box.isChecked()]
        return list(dict.fromkeys(names + split_tags(self.others.text())))

    def set_value(self, names) -> None:
        names = list(names or [])
        for name, box in self.boxes.items():
            box.setChecked(name in names)
        self.others.setText("、".join(n for n in names if n not in self.boxes))

    def problem(self) -> str | None:
        return None


class ToolLink(QToolButton):
    """A flat link-like button (open the person, open the record)."""

    def __init__(self, text: str, parent=None):
        super().__init__(parent)
        self.setText(text)
        self.setAutoRaise(True)
        self.setCursor(Qt.PointingHandCursor)
        self.setStyleSheet("QToolButton { color: #1d5fa8; }")
