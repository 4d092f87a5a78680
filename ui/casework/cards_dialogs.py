"""Dialogs of the 优待证 area: 受理 an application (eligibility said before saving) and the register of
不予发放情形 (exclusions) of a person, which only the bureau lifts, with a reason.

    dialog = CardDialog(ctx, person_id)        # person, 证件类型, 受理日期, 备注; the eligibility line
    ExclusionsDialog(ctx, person_id).open()    # the person's exclusions; 登记… / 解除…

Eligibility is checked by models.cards.check_eligibility as soon as a person and a card type are
chosen, so the clerk reads the reason (not registered, wrong identity, an exclusion, a live card)
before pressing 保存; apply_card checks it again when saving.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QHBoxLayout, QHeaderView, QLabel, QPushButton,
                               QTreeWidget, QTreeWidgetItem, QVBoxLayout)

from models.cards import (CARD_TYPES, ELIGIBLE, EXCLUSIONS, CardExclusion, apply_card,
                          check_eligibility, override_exclusion, record_exclusion)
from models.errors import DomainError, NotFound
from models.permissions import allowed
from models.registry import get_person, identities_of
from ui.casework.fields import ChoiceCombo, DateEdit, NoteEdit, PersonPicker
from ui.casework.forms import RecordDialog
from ui.registry.field_grid import MessageLine
from ui.row_views import TREE_STYLE

EXCLUSION_ID_ROLE = Qt.UserRole + 1


def suitable_card_type(person_id: str) -> str | None:
    """The card a person's identities point to (三属 only when they hold no veteran identity)."""
    held = {i.category for i in identities_of(person_id)}
    for card_type in ("veteran", "family"):
        if held & ELIGIBLE[card_type]:
            return card_type
    return None


class CardDialog(RecordDialog):
    """受理 a new application (state 已受理)."""

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("New preferential card application"), parent)
        self.person.person_chosen.connect(self._person_chosen)
        self.card_type.edited.connect(self.check)
        if person_id:
            self.person.set_value(person_id)
            self._person_chosen(person_id)
            self.card_type.setFocus()
        else:
            self.person.search.setFocus()

    def build(self, grid) -> None:
        self.person = grid.add("person", PersonPicker(), label=self.tr("Applicant"))
        self.card_type = grid.add("card_type", ChoiceCombo(list(CARD_TYPES.items())), label=self.tr("Card type"))
        grid.add("applied_on", DateEdit(), label=self.tr("Accepted on")).set_value(dt.date.today())
        grid.add("note", NoteEdit(), label=self.tr("Note"))
        self.eligibility = MessageLine()
        self.eligibility.setObjectName("cardEligibility")
        grid.add_widget(self.eligibility)

    def _person_chosen(self, person_id: str) -> None:
        if self.card_type.value() is None:
            self.card_type.set_value(suitable_card_type(person_id))
        self.check()

    def check(self) -> None:
        """Say now whether the chosen person may apply for the chosen card, and if not, why."""
        person_id, card_type = self.person.value(), self.card_type.value()
        if not person_id or not card_type:
            self.eligibility.show_problem(None)
            return
        try:
            person = get_person(person_id)
            check_eligibility(person, card_type)
        except DomainError as exc:
            self.eligibility.show_problem(exc.message)
            return
        self.eligibility.show_info(self.tr("{name} meets the conditions for the {card}.").format(
            name=person.name, card=CARD_TYPES[card_type]))

    def submit(self, values: dict, actor):
        return apply_card(values["person"], values["card_type"], on=values["applied_on"], note=values["note"],
                          actor=actor)


class ExclusionDialog(RecordDialog):
    """登记 one 不予发放情形 of a person."""

    def __init__(self, ctx, person_id: str, parent=None):
        self.person_id = person_id
        super().__init__(ctx, self.tr("Record an exclusion"), parent)

    def build(self, grid) -> None:
        grid.add("kind", ChoiceCombo(list(EXCLUSIONS.items())), label=self.tr("Exclusion"))
        grid.add("recorded_on", DateEdit(), label=self.tr("Recorded on")).set_value(dt.date.today())
        grid.add("note", NoteEdit(), label=self.tr("Basis (document, court decision …)"))

    def submit(self, values: dict, actor):
        return record_exclusion(self.person_id, values["kind"], on=values["recorded_on"], note=values["note"],
                                actor=actor)


class OverrideDialog(RecordDialog):
    """The bureau lifts an exclusion; the reason is required and the exclusion stays on record."""

    def __init__(self, ctx, exclusion_id: str, parent=None):
        self.exclusion_id = exclusion_id
        super().__init__(ctx, self.tr("Lift an exclusion"), parent)

    def build(self, grid) -> None:
        grid.add("overridden_reason", NoteEdit(), label=self.tr("Why is it lifted?"))

    def submit(self, values: dict, actor):
        return override_exclusion(self.exclusion_id, values["overridden_reason"] or "", on=dt.date.today(),
                                  actor=actor)


def exclusion_state(row: CardExclusion) -> str:
    if row.overridden_reason:
        return f"已解除（{row.overridden_by}，{row.overridden_on.isoformat()}）：{row.overridden_reason}"
    return "有效"


class ExclusionsDialog(QDialog):
    """A person's 不予发放情形: the list, 登记 a new one, and — for the bureau — 解除 with a reason."""

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.dialog = None
        self.setWindowTitle(self.tr("Exclusions from the preferential card"))
        self.setMinimumSize(720, 420)
        self.person = PersonPicker()
        self.person.person_chosen.connect(self.show_person)
        self.rows = QTreeWidget()
        self.rows.setObjectName("exclusions")
        self.rows.setRootIsDecorated(False)
        self.rows.setStyleSheet(TREE_STYLE)
        self.rows.setHeaderLabels([self.tr("Exclusion"), self.tr("Recorded on"), self.tr("Basis"), self.tr("State")])
        self.rows.header().setSectionResizeMode(QHeaderView.ResizeToContents)
        self.rows.header().setSectionResizeMode(3, QHeaderView.Stretch)
        self.rows.currentItemChanged.connect(lambda *_: self._enable())
        self.record_button = QPushButton(self.tr("Record an exclusion…"))
        self.record_button.clicked.connect(self.record)
        self.override_button = QPushButton(self.tr("Lift with a reason…"))
        self.override_button.clicked.connect(self.override)
        self.bureau = allowed(ctx.actor, "lift_card_exclusion")
        note = QLabel(self.tr("A person with an exclusion in force cannot apply. Only the Veterans Affairs Bureau "
                              "can lift an exclusion, and it must give the reason."))
        note.setWordWrap(True)
        note.setStyleSheet("color: #555;")
        buttons = QDialogButtonBox(QDialogButtonBox.Close)
        buttons.button(QDialogButtonBox.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        actions = QHBoxLayout()
        actions.addWidget(self.record_button)
        actions.addWidget(self.override_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Person")))
        layout.addWidget(self.person)
        layout.addWidget(self.rows, 1)
        layout.addLayout(actions)
        layout.addWidget(note)
        layout.addWidget(buttons)
        ctx.changed.connect(self._changed)
        self.person_id: str | None = None
        if person_id:
            self.person.set_value(person_id)
        self.show_person(person_id)

    def show_person(self, person_id: str | None) -> None:
        self.person_id = person_id
        self.rows.clear()
        if person_id:
            for row in (CardExclusion.live().where(CardExclusion.person == person_id)
                        .order_by(CardExclusion.recorded_on, CardExclusion.id)):
                item = QTreeWidgetItem([EXCLUSIONS.get(row.kind, row.kind), row.recorded_on.isoformat(), row.note or "",
                                        exclusion_state(row)])
                item.setData(0, EXCLUSION_ID_ROLE, row.id if not row.overridden_reason else None)
                self.rows.addTopLevelItem(item)
        self._enable()

    def _enable(self) -> None:
        item = self.rows.currentItem()
        self.record_button.setEnabled(bool(self.person_id))
        self.override_button.setEnabled(self.bureau and item is not None and bool(item.data(0, EXCLUSION_ID_ROLE)))
        if not self.bureau:
            self.override_button.setToolTip(self.tr("Only the Veterans Affairs Bureau can lift an exclusion."))

    def record(self) -> ExclusionDialog | None:
        if not self.person_id:
            return None
        self.dialog = ExclusionDialog(self.ctx, self.person_id, self)
        self.dialog.open()
        return self.dialog

    def override(self) -> OverrideDialog | None:
        item = self.rows.currentItem()
        exclusion_id = item.data(0, EXCLUSION_ID_ROLE) if item else None
        if not exclusion_id:
            return None
        self.dialog = OverrideDialog(self.ctx, exclusion_id, self)
        self.dialog.open()
        return self.dialog

    def _changed(self, changes) -> None:
        if changes.touches("card_exclusion"):
            try:
                self.show_person(self.person_id)
            except NotFound:
                self.show_person(None)
