"""The 公民身份号码 editor: checked on every keystroke against GB 11643 (models.idnumber).

    edit = IdNumberEdit(); edit.parsed.connect(fill_birth_and_sex)
    edit.problem()   # 校验位错误 / 出生日期不存在 … once the number is long enough to judge
    edit.info()      # 已输入 12 位 while typing; the 18-digit form of a legacy 15-digit number

A number still being typed is not an error; leaving the field with a short number is.
"""
from __future__ import annotations

from PySide6.QtCore import Signal

from models.idnumber import IdNumber, InvalidIdNumber, clean, parse_id_number
from ui.registry.editors import TextEdit


class IdNumberEdit(TextEdit):
    parsed = Signal(object)  # IdNumber, or None while the number is incomplete or wrong

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setPlaceholderText(self.tr("18 characters; a 15-digit old number is upgraded"))
        self.setMaxLength(24)  # room for pasted spaces
        self._finished = False
        self.result: IdNumber | None = None
        self.error: str | None = None
        self.editingFinished.connect(self._left)

    def _text_edited(self, _text: str) -> None:
        self._finished = False
        self._judge()
        self.edited.emit()

    def _left(self) -> None:
        if not self._finished:
            self._finished = True
            self._judge()
            self.edited.emit()

    def set_value(self, value) -> None:
        super().set_value(value)
        self._finished = True
        self._judge()

    def _judge(self) -> None:
        text = clean(self.text())
        self.result, self.error = None, None
        if text:
            try:
                self.result = parse_id_number(text)
            except InvalidIdNumber as exc:
                still_typing = len(text) < 15 and text.isdigit() and not self._finished
                self.error = None if still_typing else exc.message
        self.parsed.emit(self.result)

    def problem(self):
        return self.error

    def info(self) -> str | None:
        text = clean(self.text())
        if self.result and self.result.upgraded_from_15:
            return self.tr("Old 15-digit number; it will be saved as {number}").format(
                number=self.result.normalized)
        if text and not self.result and not self.error:
            return self.tr("{count} of 18 characters typed").format(count=len(text))
        return None
