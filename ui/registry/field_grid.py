"""A section of the person form: labelled editors in a grid, each with its message line beneath.

    grid = FieldGrid(columns=2)
    grid.add("name", TextEdit())                     # label from models.person.FIELD_LABELS
    grid.add("note", NoteEdit(), span=2)
    grid.values(); grid.load(person); grid.show_message("name", "请填写姓名")

Enter in any editor moves focus to the next field (ENTER_MOVES_ON is shared with other sections).
"""
from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import (QAbstractSpinBox, QCheckBox, QComboBox, QGridLayout, QLabel, QLineEdit,
                               QVBoxLayout, QWidget)

from models.person import FIELD_LABELS

ERROR_STYLE = "color: #b3261e;"
INFO_STYLE = "color: #1d5fa8;"


class EnterMovesOn(QObject):
    """Return/Enter in a line edit, combo box or check box acts like Tab."""

    def eventFilter(self, obj, event) -> bool:
        if (event.type() == QEvent.KeyPress and event.key() in (Qt.Key_Return, Qt.Key_Enter)
                and not event.modifiers() & ~Qt.KeypadModifier
                and isinstance(obj, (QLineEdit, QComboBox, QCheckBox, QAbstractSpinBox))):
            if isinstance(obj, QComboBox) and obj.view().isVisible():
                return False
            obj.focusNextChild()
            return True
        return False


ENTER_MOVES_ON = EnterMovesOn()


class MessageLine(QLabel):
    """The sentence under a field: red for a problem, blue for information, hidden when empty.

    reserve=True keeps a line's room while hidden, so a form does not jump when a message appears."""

    def __init__(self, parent=None, *, reserve: bool = False):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        if reserve:
            self.setText("字")  # the height of one line of message, as this label lays it out
            self.setMinimumHeight(self.sizeHint().height())
            self.setText("")
            policy = self.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            self.setSizePolicy(policy)
        self.hide()

    def show_problem(self, text: str | None) -> None:
        self._show(text, ERROR_STYLE)

    def show_info(self, text: str | None) -> None:
        self._show(text, INFO_STYLE)

    def _show(self, text, style) -> None:
        self.setStyleSheet(style)
        self.setText(text or "")
        self.setVisible(bool(text))

    @property
    def is_problem(self) -> bool:
        return self.isVisible() and self.styleSheet() == ERROR_STYLE


class FieldGrid(QWidget):
    edited = Signal(str)  # field name

    def __init__(self, columns: int = 2, parent=None):
        super().__init__(parent)
        self.columns = columns
        self.editors: dict[str, QWidget] = {}
        self.messages: dict[str, MessageLine] = {}
        self.labels: dict[str, QLabel] = {}
        self._layout = QGridLayout(self)
        self._layout.setHorizontalSpacing(12)
        self._layout.setVerticalSpacing(6)
        self._row, self._col = 0, 0
        for c in range(columns):
            self._layout.setColumnStretch(c * 2 + 1, 1)

    def add(self, name: str, editor: QWidget, *, label: str | None = None, span: int = 1) -> QWidget:
        span = min(span, self.columns)
        if self._col + span > self.columns:
            self._row, self._col = self._row + 1, 0
        caption = QLabel(label or FIELD_LABELS.get(name, name))
        caption.setAlignment(Qt.AlignRight | Qt.AlignTop)
        caption.setContentsMargins(0, 5, 0, 0)
        caption.setBuddy(editor)
        cell = QWidget()
        box = QVBoxLayout(cell)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(2)
        box.addWidget(editor)
        message = MessageLine(reserve=True)
        box.addWidget(message)
        self._layout.addWidget(caption, self._row, self._col * 2)
        self._layout.addWidget(cell, self._row, self._col * 2 + 1, 1, span * 2 - 1)
        self._col += span
        if self._col >= self.columns:
            self._row, self._col = self._row + 1, 0
        self.editors[name], self.messages[name], self.labels[name] = editor, message, caption
        editor.installEventFilter(ENTER_MOVES_ON)
        editor.edited.connect(lambda n=name: self._edited(n))
        return editor

    def add_widget(self, widget: QWidget, *, span: int | None = None) -> None:
        """Something that is not a field (a hint, a button row) on a row of its own."""
        if self._col:
            self._row, self._col = self._row + 1, 0
        self._layout.addWidget(widget, self._row, 0, 1, (span or self.columns) * 2)
        self._row += 1

    def finish(self) -> None:
        self._layout.setRowStretch(self._row + 1, 1)

    def _edited(self, name: str) -> None:
        self.refresh_message(name)
        self.edited.emit(name)

    def refresh_message(self, name: str) -> None:
        """What the editor itself says about its text: a problem in red, else any information."""
        editor, message = self.editors[name], self.messages[name]
        problem = editor.problem()
        info = getattr(editor, "info", lambda: None)()
        if problem or not info:
            message.show_problem(problem)
        else:
            message.show_info(info)

    def values(self) -> dict:
        return {name: editor.value() for name, editor in self.editors.items()}

    def load(self, record) -> None:
        stored = record.__data__ if record is not None else {}  # raw values: a village id, not a Village
        for name, editor in self.editors.items():
            editor.set_value(stored.get(name))
        self.clear_messages()

    def problems(self) -> dict[str, str]:
        """Text that cannot be read, e.g. a date like 2024-13-01; saving waits until it is fixed."""
        return {n: p for n, e in self.editors.items() if (p := e.problem())}

    def show_message(self, name: str, text: str | None) -> bool:
        if name not in self.messages:
            return False
        self.messages[name].show_problem(text)
        return True

    def clear_messages(self) -> None:
        for message in self.messages.values():
            message.show_problem(None)

    def set_fields_enabled(self, enabled: bool) -> None:
        for name, editor in self.editors.items():
            editor.setEnabled(enabled)
            self.labels[name].setEnabled(enabled)
