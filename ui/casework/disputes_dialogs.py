"""Dialogs of the 矛盾纠纷/信访 area: 登记 a case with its parties, and change its registration facts.

    DisputeDialog(ctx, person_id)          # 来源, 当事人 (persons + outsiders), 类型, 诉求, 风险, 重复访,
                                           # 包案领导, 责任人, 办结期限; the number is given when saved
    DisputeEditDialog(ctx, detail)         # risk, 包案领导, deadline … change as the case goes on
    PartiesPicker()                        # several registered persons, picked one after another

Steps (调处, 化解, 上报 …) are not edits: they go through the page's step dialogs (models.disputes).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QListWidget, QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from models import options
from models.disputes import RISKS, edit_dispute, get_dispute, next_number, register_dispute
from models.errors import NotFound
from models.registry import get_person
from ui.casework.fields import CheckEdit, ChoiceCombo, DateEdit, NoteEdit, PersonPicker, TextEdit, parse_date
from ui.casework.forms import RecordDialog

DEFAULT_DAYS = 30  # the 办结期限 offered when registering; the clerk changes it as the case requires
PERSON_ID_ROLE = Qt.UserRole + 1


class PartiesPicker(QWidget):
    """当事人: pick registered persons one after another; each chosen one is listed (and removable)."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.picker = PersonPicker()
        self.picker.person_chosen.connect(self.add)
        self.chosen = QListWidget()
        self.chosen.setObjectName("disputeParties")
        self.chosen.setMaximumHeight(72)
        self.remove_button = QPushButton(self.tr("Remove"))
        self.remove_button.clicked.connect(self.remove_current)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.chosen, 1)
        row.addWidget(self.remove_button, 0, Qt.AlignTop)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.picker)
        layout.addLayout(row)

    def add(self, person_id: str) -> None:
        if person_id and person_id not in self.value():
            try:
                person = get_person(person_id)
            except NotFound:
                return
            item = QListWidgetItem(person.name)
            item.setData(PERSON_ID_ROLE, person.id)
            self.chosen.addItem(item)
            self.edited.emit()
        self.picker.set_value(None)  # ready for the next party

    def remove_current(self) -> None:
        row = self.chosen.currentRow()
        if row >= 0:
            self.chosen.takeItem(row)
            self.edited.emit()

    def value(self) -> list[str]:
        return [self.chosen.item(i).data(PERSON_ID_ROLE) for i in range(self.chosen.count())]

    def set_value(self, person_ids) -> None:
        self.chosen.clear()
        for person_id in person_ids or []:
            self.add(person_id)

    def problem(self) -> str | None:
        return self.picker.problem()


class DisputeDialog(RecordDialog):
    """登记 a dispute or petition (state 已登记); its number is division code + year + serial."""

    columns = 2

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("Register a dispute or petition"), parent)
        self.setMinimumWidth(820)
        if person_id:
            self.parties.add(person_id)
        self.parties.picker.search.setFocus()

    def build(self, grid) -> None:
        today = dt.date.today()
        self.number = QLabel(self.tr("The number is given when saved: {number}").format(number=next_number(today)))
        self.number.setStyleSheet("color: #555;")
        grid.add_widget(self.number)
        grid.add("registered_on", DateEdit(), label="登记日期").set_value(today)
        grid.add("source", ChoiceCombo(options.choices("dispute_source")), label="来源")
        self.parties = grid.add("persons", PartiesPicker(), label="当事人", span=2)
        grid.add("outsiders", TextEdit(placeholder=self.tr("Parties not in the registry, e.g. 张某（邻居）")),
                 label="其他当事人", span=2)
        grid.add("dispute_type", ChoiceCombo(options.choices("dispute_type")), label="类型")
        grid.add("risk", ChoiceCombo(list(RISKS.items())), label="风险等级").set_value("low")
        grid.add("claim", NoteEdit(), label="诉求内容", span=2)
        grid.add("repeat", CheckEdit(self.tr("Has petitioned about this before")), label="是否重复访")
        grid.add("deadline", DateEdit(), label="办结期限").set_value(today + dt.timedelta(days=DEFAULT_DAYS))
        grid.add("leader", TextEdit(), label="包案领导")
        grid.add("leader_phone", TextEdit(), label="领导电话")
        grid.add("handler", TextEdit(), label="责任人").set_value(self.ctx.actor.display_name)
        grid.add("handler_phone", TextEdit(), label="责任人电话")

    def submit(self, values: dict, actor):
        return register_dispute(values, actor=actor)


class DisputeEditDialog(RecordDialog):
    """Change what was registered (risk, 包案领导, 办结期限 …); the steps stay as they were."""

    columns = 2

    def __init__(self, ctx, detail: dict, parent=None):
        self.case_id = detail["id"]
        self.seen = dict(get_dispute(self.case_id).__data__)  # saving keeps what others save meanwhile
        super().__init__(ctx, self.tr("Change the registration of {number}").format(number=detail["number"]), parent)
        self.setMinimumWidth(760)
        fields = dict(detail["fields"])
        fields["deadline"] = parse_date(fields.get("deadline") or "")
        for name, editor in self.grid.editors.items():
            editor.set_value(fields.get(name))

    def build(self, grid) -> None:
        grid.add("source", ChoiceCombo(options.choices("dispute_source")), label="来源")
        grid.add("dispute_type", ChoiceCombo(options.choices("dispute_type")), label="类型")
        grid.add("outsiders", TextEdit(), label="其他当事人", span=2)
        grid.add("claim", NoteEdit(), label="诉求内容", span=2)
        grid.add("risk", ChoiceCombo(list(RISKS.items())), label="风险等级")
        grid.add("deadline", DateEdit(), label="办结期限")
        grid.add("leader", TextEdit(), label="包案领导")
        grid.add("leader_phone", TextEdit(), label="领导电话")
        grid.add("handler", TextEdit(), label="责任人")
        grid.add("handler_phone", TextEdit(), label="责任人电话")
        grid.add("repeat", CheckEdit(self.tr("Has petitioned about this before")), label="是否重复访")

    def submit(self, values: dict, actor):
        return edit_dispute(self.case_id, values, actor=actor, seen=self.seen)
