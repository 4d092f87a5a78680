"""人员类别: the twelve national categories as check boxes; a person may hold several.

Each ticked category shows its 优抚对象 sub-types and a note. `values()` is the list
models.registry.save_person expects: [{category, subtypes, note}].
"""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QGridLayout, QHBoxLayout, QLineEdit, QVBoxLayout, QWidget

from models import vocab
from ui.registry.field_grid import ENTER_MOVES_ON, MessageLine


class IdentityRow:
    def __init__(self, code: str, label: str, on_edit):
        self.code = code
        self.box = QCheckBox(label)
        self.subtypes = {c: QCheckBox(text) for c, text in vocab.PREFERENTIAL_SUBTYPES.items()}
        self.note = QLineEdit()
        self.note.setPlaceholderText(vocab.label("identity", code) + " · 备注")
        self.details = QWidget()
        box = QHBoxLayout(self.details)
        box.setContentsMargins(0, 0, 0, 0)
        for check in self.subtypes.values():
            box.addWidget(check)
            check.clicked.connect(lambda _c: on_edit())
        box.addWidget(self.note, 1)
        self.note.textEdited.connect(lambda _t: on_edit())
        self.note.installEventFilter(ENTER_MOVES_ON)
        self.box.installEventFilter(ENTER_MOVES_ON)
        self.box.toggled.connect(self.details.setVisible)
        self.box.clicked.connect(lambda _c: on_edit())
        self.details.setVisible(False)

    def value(self) -> dict | None:
        if not self.box.isChecked():
            return None
        return {"category": self.code, "subtypes": [c for c, b in self.subtypes.items() if b.isChecked()],
                "note": self.note.text().strip() or None}

    def set_value(self, item: dict | None) -> None:
        self.box.setChecked(item is not None)
        chosen = set((item or {}).get("subtypes") or [])
        for code, check in self.subtypes.items():
            check.setChecked(code in chosen)
        self.note.setText((item or {}).get("note") or "")


class IdentitiesSection(QWidget):
    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = {code: IdentityRow(code, label, self.edited.emit) for code, label in vocab.choices("identity")}
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(8)
        for i, row in enumerate(self.rows.values()):
            grid.addWidget(row.box, i, 0, Qt.AlignTop)
            grid.addWidget(row.details, i, 1)
        grid.setColumnStretch(1, 1)
        self.message = MessageLine()
        layout = QVBoxLayout(self)
        layout.addWidget(self.message)
        layout.addLayout(grid)
        layout.addStretch(1)

    def values(self) -> list[dict]:
        return [v for row in self.rows.values() if (v := row.value())]

    def held(self) -> set[str]:
        return {code for code, row in self.rows.items() if row.box.isChecked()}

    def load(self, identities) -> None:
        by_code = {i.category: {"subtypes": i.subtypes, "note": i.note} for i in identities}
        for code, row in self.rows.items():
            row.set_value(by_code.get(code))
        self.message.show_problem(None)

    def tick(self, code: str, checked: bool = True) -> None:
        self.rows[code].box.setChecked(checked)
        self.edited.emit()
