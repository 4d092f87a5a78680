"""The small field editors the person form is made of, all speaking one protocol.

    editor.value()        # the Python value to store (code, date, int fen, list …) or None
    editor.set_value(v)   # show a stored value
    editor.problem()      # a sentence if the text cannot be read (bad date, bad amount), else None
    editor.edited         # Signal: the user changed it

Text is parsed by plain functions (parse_date, yuan_to_fen) that tests call without widgets.
Money is typed in 元 and stored as integer fen through Decimal — never a float.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, Qt, Signal
from PySide6.QtWidgets import (QCalendarWidget, QCheckBox, QComboBox, QCompleter, QLineEdit, QMenu,
                               QPlainTextEdit, QWidgetAction)

from models import vocab

_DATE = re.compile(r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?$")
_COMPACT_DATE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
MAX_YUAN = Decimal(10) ** 10
_TAG_SPLIT = re.compile(r"[、,，;；\s]+")


class Unreadable(ValueError):
    """Text that cannot be read as the field's kind of value; str() is the sentence to show."""


def parse_date(text: str) -> dt.date | None:
    """2024-03-01, 2024/3/1, 2024.3.1, 20240301 or 2024年3月1日; empty → None."""
    text = (text or "").strip()
    if not text:
        return None
    match = _DATE.match(text) or _COMPACT_DATE.match(text)
    if not match:
        raise Unreadable("日期格式应为 2024-03-01")
    try:
        return dt.date(*(int(part) for part in match.groups()))
    except ValueError:
        raise Unreadable(f"日期 {text} 不存在") from None


def yuan_to_fen(text: str) -> int | None:
    """'12,345.6' 元 → 1234560 fen; empty → None. At most two decimals, never negative."""
    text = (text or "").strip().replace(",", "").replace("，", "").removesuffix("元").strip()
    if not text:
        return None
    try:
        amount = Decimal(text)
    except InvalidOperation:
        raise Unreadable("金额应为数字，如 36000 或 36000.50") from None
    if not amount.is_finite() or amount < 0:
        raise Unreadable("金额应为不小于0的数字")
    if amount >= MAX_YUAN:
        raise Unreadable("金额过大，请核对")
    if amount.normalize().as_tuple().exponent < -2:
        raise Unreadable("金额最多两位小数（元、角、分）")
    return int(amount * 100)


def fen_to_yuan(fen: int | None) -> str:
    if fen is None:
        return ""
    return f"{fen // 100}.{fen % 100:02d}"


def split_tags(text: str) -> list[str]:
    return [t for t in _TAG_SPLIT.split(text or "") if t]


class TextEdit(QLineEdit):
    edited = Signal()

    def __init__(self, parent=None, *, placeholder: str = ""):
        super().__init__(parent)
        self.setPlaceholderText(placeholder)
        self.textEdited.connect(self._text_edited)

    def _text_edited(self, _text: str) -> None:
        self.edited.emit()

    def value(self):
        return self.text().strip() or None

    def set_value(self, value) -> None:
        self.setText("" if value is None else str(value))

    def problem(self):
        return None


class NoteEdit(QPlainTextEdit):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setFixedHeight(64)
        self.textChanged.connect(self._changed)
        self._loading = False

    def _changed(self):
        if not self._loading:
            self.edited.emit()

    def value(self):
        return self.toPlainText().strip() or None

    def set_value(self, value) -> None:
        self._loading = True
        self.setPlainText(value or "")
        self._loading = False

    def problem(self):
        return None


class ChoiceCombo(QComboBox):
    """A fixed list of (value, label) with an empty first entry meaning 'not filled in'."""

    edited = Signal()

    def __init__(self, choices: list[tuple[object, str]], parent=None, *, empty: str = ""):
        super().__init__(parent)
        self.addItem(empty, None)
        for value, text in choices:
            self.addItem(text, value)
        self.activated.connect(lambda _i: self.edited.emit())
        self.setMaxVisibleItems(20)

    def value(self):
        return self.currentData()

    def set_value(self, value) -> None:
        index = self.findData(value) if value is not None else 0
        self.setCurrentIndex(max(index, 0))

    def problem(self):
        return None


class CodeCombo(ChoiceCombo):
    def __init__(self, vocabulary: str, parent=None):
        super().__init__(vocab.choices(vocabulary), parent)


class LevelCombo(ChoiceCombo):
    def __init__(self, parent=None):
        super().__init__([(n, f"{n}级") for n in range(1, 11)], parent)


class YesNoCombo(ChoiceCombo):
    def __init__(self, parent=None):
        super().__init__([(True, "是"), (False, "否")], parent)


class CheckEdit(QCheckBox):
    edited = Signal()

    def __init__(self, text: str = "", parent=None):
        super().__init__(text, parent)
        self.clicked.connect(lambda _c: self.edited.emit())

    def value(self):
        return self.isChecked()

    def set_value(self, value) -> None:
        self.setChecked(bool(value))

    def problem(self):
        return None


class _ParsedLineEdit(TextEdit):
    def parse(self, text: str):
        raise NotImplementedError

    def value(self):
        try:
            return self.parse(self.text())
        except Unreadable:
            return None

    def problem(self):
        try:
            self.parse(self.text())
        except Unreadable as exc:
            return str(exc)
        return None


class DateEdit(_ParsedLineEdit):
    """A date typed as text (fast for clerks copying from paper), with a calendar one click away."""

    def __init__(self, parent=None):
        super().__init__(parent, placeholder="2024-03-01")
        self.setMaximumWidth(180)
        calendar_action = self.addAction(self.style().standardIcon(self.style().StandardPixmap.SP_FileDialogDetailedView),
                                         QLineEdit.TrailingPosition)
        calendar_action.setToolTip(self.tr("Pick from a calendar"))
        calendar_action.triggered.connect(self._pick)

    def parse(self, text: str):
        return parse_date(text)

    def set_value(self, value) -> None:
        self.setText(value.isoformat() if value else "")

    def _pick(self) -> None:
        menu = QMenu(self)
        calendar = QCalendarWidget(menu)
        current = self.value() or dt.date.today()
        calendar.setSelectedDate(QDate(current.year, current.month, current.day))
        calendar.setMaximumDate(QDate.currentDate())
        action = QWidgetAction(menu)
        action.setDefaultWidget(calendar)
        menu.addAction(action)

        def chosen(qdate: QDate) -> None:
            self.set_value(dt.date(qdate.year(), qdate.month(), qdate.day()))
            self.edited.emit()
            menu.close()

        calendar.clicked.connect(chosen)
        menu.exec(self.mapToGlobal(self.rect().bottomLeft()))


class MoneyEdit(_ParsedLineEdit):
    def __init__(self, parent=None):
        super().__init__(parent, placeholder="0.00")
        self.setAlignment(Qt.AlignRight | Qt.AlignVCenter)
        self.setMaximumWidth(180)

    def parse(self, text: str):
        return yuan_to_fen(text)

    def set_value(self, value) -> None:
        self.setText(fen_to_yuan(value))


class TagsEdit(TextEdit):
    def __init__(self, known_tags: list[str] = (), parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("Separate tags with 、 or spaces"))
        completer = QCompleter(list(known_tags), self)
        completer.setCaseSensitivity(Qt.CaseInsensitive)
        self.setCompleter(completer)

    def value(self):
        return split_tags(self.text())

    def set_value(self, value) -> None:
        self.setText("、".join(value or []))
