"""Number editors of the person form that show a stored number masked until it is asked for.

    edit = ConcealedIdNumberEdit(); edit.set_value("150626198001010011")   # shows 150626********0011, read-only
    edit.value()            # still the stored number: an untouched field saves nothing
    edit.reveal()           # after ui.registry.unmask.ask_to_unmask: the full number, editable
    edit.retype()           # a role that may edit but not see: empty, to type the new number (empty keeps the old)

An empty field (a new person, a number not yet known) is an ordinary editor. ID numbers are masked with
models.idnumber.mask, phones with models.privacy.mask_phone.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLineEdit

from models.idnumber import mask
from models.privacy import mask_phone
from ui.registry.editors import TextEdit
from ui.registry.id_number_field import IdNumberEdit


class Concealable:
    """Mixin for a QLineEdit editor of the ui.registry.editors protocol."""

    _stored = None
    _concealed = False
    _retyping = False

    def masked(self, value: str) -> str:
        raise NotImplementedError

    def set_value(self, value) -> None:
        self._stored = value or None
        self._concealed, self._retyping = self._stored is not None, False
        super().set_value(value)  # the editor judges the real number (birth date and sex checks)
        if self._concealed:
            QLineEdit.setText(self, self.masked(str(value)))
        self.setReadOnly(self._concealed)
        self.setPlaceholderText(self.placeholder)

    @property
    def concealed(self) -> bool:
        return self._concealed

    def reveal(self) -> None:
        if self._concealed:
            self._concealed = False
            super().set_value(self._stored)
            self.setReadOnly(False)

    def retype(self) -> None:
        """Empty and editable, without showing the stored number; left empty, the stored one stays."""
        if self._concealed:
            self._concealed, self._retyping = False, True
            QLineEdit.setText(self, "")
            self.setReadOnly(False)
            self.setPlaceholderText(QCoreApplication.translate("Concealable",
                                                          "Type the new number (left empty, the current one stays)"))

    def value(self):
        if self._concealed or (self._retyping and not self.text().strip()):
            return self._stored
        return super().value()

    def problem(self):
        return None if self._concealed or (self._retyping and not self.text().strip()) else super().problem()

    def info(self):
        if self._concealed:
            return None
        return getattr(super(), "info", lambda: None)()


class ConcealedIdNumberEdit(Concealable, IdNumberEdit):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.placeholder = self.placeholderText()

    def masked(self, value: str) -> str:
        return mask(value)

    def _judge(self) -> None:
        if self._retyping and not self.text().strip():  # nothing typed yet: the stored number still holds
            self.result, self.error = None, None
            return
        super()._judge()


class ConcealedPhoneEdit(Concealable, TextEdit):
    def __init__(self, parent=None, *, placeholder: str = ""):
        super().__init__(parent, placeholder=placeholder)
        self.placeholder = placeholder

    def masked(self, value: str) -> str:
        return mask_phone(value) or ""
