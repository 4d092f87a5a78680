"""The person form (信息采集 · 建档立卡): every section of DOMAIN.md §1 as tabs, saved in one operation.

    form = PersonForm(ctx); form.new_person()   # or form.load_person(person_id)
    form.saved.connect(...)                     # person id, after a background save succeeded

Saving goes through models.registry.save_person on the worker thread. A ValidationError puts each
sentence next to its field, a DuplicateIdNumber offers to open the existing person; nothing typed
is lost. Enter moves on, Ctrl+S saves, Esc goes back to the list; leaving with unsaved edits asks
保存 / 不保存 / 取消 (confirm_leave, ui.leaving).

A stored person's ID and phone numbers (and their family members') are shown masked and read-only.
显示完整号码… (roles allowed see_full_id) asks a reason (ui.registry.unmask, audited as unmask) and shows
them in full and editable, for this record only; roles that may edit but not see get 重新录入号码…,
which empties those fields to type new numbers without showing the old ones (left empty, they stay).
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QFrame, QHBoxLayout, QLabel, QMessageBox, QPushButton, QScrollArea, QTabWidget,
                               QVBoxLayout, QWidget)

from models import vocab
from models.errors import DuplicateIdNumber, ValidationError
from models.essentials import missing_essentials
from models.permissions import allowed
from models.registry import open_person, save_person
from ui.leaving import DISCARD, SAVE, ask_unsaved
from ui.registry.basic_section import BasicSection
from ui.registry.family_section import FamilySection
from ui.registry.field_grid import MessageLine
from ui.registry.history_view import HistoryView
from ui.registry.identities_section import IdentitiesSection
from ui.registry.operations import run_write
from ui.registry.sections import DisabilitySection, EmploymentSection, PartySection, ServiceSection
from ui.registry.status_dialog import StatusDialog
from ui.registry.timeline_tab import TimelineTab
from ui.registry.transfer_dialog import TransferDialog, station_name
from ui.registry.unmask import ask_to_unmask, may_unmask
from ui.shortcuts import press


def _scrolling(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.NoFrame)
    area.setWidget(widget)
    return area


class PersonForm(QWidget):
    saved = Signal(str)  # person id
    save_refused = Signal(object)  # the DomainError, after the messages are shown
    back_requested = Signal()
    open_person_requested = Signal(str)
    numbers_revealed = Signal(str)  # person id, after the reason was given and the unmasking audited

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.person = None
        self.opened = None  # models.registry.Opened of the loaded person
        self._baseline: dict | None = None
        self._saving = False
        self._after_save = None  # what confirm_leave's 保存 continues with once the save succeeded

        self.back_button = QPushButton(self.tr("← Back to list"))
        self.back_button.clicked.connect(self.go_back)
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 17px; font-weight: bold;")
        self.status_label = QLabel()
        self.status_button = QPushButton(self.tr("Change status…"))
        self.status_button.clicked.connect(self.change_status)
        self.transfer_button = QPushButton(self.tr("Transfer to another station…"))
        self.transfer_button.clicked.connect(self.transfer)
        self.transfer_button.setVisible(ctx.installation.is_bureau)  # only the bureau transfers people
        self.unmask_button = QPushButton(self.tr("Show full numbers…"))
        self.unmask_button.setToolTip(self.tr("Show this person's full ID and phone numbers "
                                              "(asks for a reason, which is recorded)"))
        self.unmask_button.clicked.connect(self.unmask)
        self.retype_button = QPushButton(self.tr("Retype numbers…"))
        self.retype_button.setToolTip(self.tr("Type new ID or phone numbers without seeing the stored ones"))
        self.retype_button.clicked.connect(self.retype_numbers)
        self._revealed_for: str | None = None
        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.feedback = QLabel()
        header = QHBoxLayout()
        header.addWidget(self.back_button)
        header.addSpacing(12)
        header.addWidget(self.title)
        header.addWidget(self.status_label)
        header.addStretch(1)
        header.addWidget(self.feedback)
        header.addWidget(self.unmask_button)
        header.addWidget(self.retype_button)
        header.addWidget(self.status_button)
        header.addWidget(self.transfer_button)
        header.addWidget(self.save_button)

        self.banner = MessageLine()
        self.duplicate = QWidget()
        self.duplicate_text = QLabel()
        self.duplicate_text.setWordWrap(True)
        self.duplicate_text.setStyleSheet("color: #b3261e;")
        self.open_existing_button = QPushButton(self.tr("Open the existing record"))
        self.open_existing_button.clicked.connect(self._open_existing)
        row = QHBoxLayout(self.duplicate)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.duplicate_text, 1)
        row.addWidget(self.open_existing_button)
        self.duplicate.hide()
        self._existing_id: str | None = None

        self.basic = BasicSection(ctx)
        self.identities = IdentitiesSection()
        self.service = ServiceSection()
        self.disability = DisabilitySection()
        self.family = FamilySection()
        self.employment = EmploymentSection()
        self.party = PartySection()
        self.history = HistoryView()
        self.timeline = TimelineTab(ctx)
        self.grids = {"basic": self.basic.grid, "service": self.service, "disability": self.disability,
                      "employment": self.employment, "party": self.party}
        self.tabs = QTabWidget()
        self.tab_of = {}
        for key, widget, title in (
                ("basic", self.basic, "基本信息"), ("identities", self.identities, "人员类别"),
                ("service", self.service, ServiceSection.title), ("disability", self.disability, DisabilitySection.title),
                ("family", self.family, FamilySection.title), ("employment", self.employment, EmploymentSection.title),
                ("party", self.party, PartySection.title), ("timeline", self.timeline, TimelineTab.title),
                ("history", self.history, HistoryView.title)):
            self.tab_of[key] = self.tabs.addTab(widget if key in ("family", "history", "timeline") else _scrolling(widget),
                                                title)

        layout = QVBoxLayout(self)
        layout.addLayout(header)
        layout.addWidget(self.banner)
        layout.addWidget(self.duplicate)
        layout.addWidget(self.tabs, 1)

        self.identities.edited.connect(self._identities_changed)
        for grid in self.grids.values():
            grid.edited.connect(self._edited)
        self.identities.edited.connect(self._edited)
        self.family.edited.connect(self._edited)
        press(self.save_button, "save", owner=self)
        press(self.back_button, "back", owner=self)

    # -- showing a person -----------------------------------------------------------------------
    def new_person(self) -> None:
        self.person = None
        self._fill(None, [], [])
        self.basic.grid.editors["filed_on"].set_value(dt.date.today())  # 建档立卡 is usually today
        self._baseline = self.state()

    def load_person(self, person_id: str) -> None:
        self.opened = open_person(person_id)  # saving merges against this: another PC may save meanwhile
        self.person = self.opened.person
        self._fill(self.person, self.opened.identities, self.opened.family)

    def _fill(self, person, identities, family) -> None:
        for grid in self.grids.values():
            grid.load(person)
        self.basic.load(person)
        self.identities.load(identities)
        self.family.load(family)
        self._identities_changed()
        self.history.show_person(person.id if person else None)
        self.tabs.setTabEnabled(self.tab_of["history"], person is not None)
        self.timeline.show_person(person.id if person else None)
        self.tabs.setTabEnabled(self.tab_of["timeline"], person is not None)
        self.status_button.setEnabled(person is not None)
        self.transfer_button.setEnabled(person is not None)
        if person is not None and person.id == self._revealed_for:
            self._reveal()  # saved after unmasking: the same record stays in full
        else:
            self._revealed_for = None
            self.history.model.revealed = False
        self._show_number_buttons()
        self._clear_feedback()
        self._baseline = self.state()
        self._show_title()

    def _concealed(self) -> list:
        return self.basic.concealed_editors() + self.family.concealed_editors()

    def _show_number_buttons(self) -> None:
        hidden = self.person is None or not self._concealed()
        self.unmask_button.setVisible(not hidden and may_unmask(self.ctx))
        self.retype_button.setVisible(not hidden and not may_unmask(self.ctx)
                                      and allowed(self.ctx.actor, "edit_registry"))

    def unmask(self) -> None:
        """This person's full numbers, after a reason (audited as unmask); nothing when cancelled."""
        if self.person is None or not ask_to_unmask(self, self.ctx, self.person.id):
            return
        self._revealed_for = self.person.id
        self._reveal()
        self._show_number_buttons()
        self.numbers_revealed.emit(self.person.id)

    def _reveal(self) -> None:
        for editor in self._concealed():
            editor.reveal()
        self.history.model.revealed = True
        self.history.model.layoutChanged.emit()

    def retype_numbers(self) -> None:
        for editor in self._concealed():
            editor.retype()
        self._show_number_buttons()
        self.tabs.setCurrentIndex(self.tab_of["basic"])
        self.basic.id_number.setFocus()

    def _show_title(self) -> None:
        if self.person is None:
            self.title.setText(self.tr("New person"))
            self.status_label.setText("")
            return
        self.title.setText(self.person.name)
        status = vocab.label("person_status", self.person.status)
        if self.person.status_date:
            status += f" {self.person.status_date.isoformat()}"
        if self.ctx.installation.is_bureau:
            status += f" · {station_name(self.person.station_code)}"
        self.status_label.setText(f"（{status}）")

    def focus_first_field(self) -> None:
        self.tabs.setCurrentIndex(self.tab_of["basic"])
        self.basic.name.setFocus()

    # -- edits ------------------------------------------------------------------------------------
    def state(self) -> dict:
        """Everything the form would save, for comparing with what was loaded."""
        fields = {}
        for grid in self.grids.values():
            fields.update(grid.values())
        return {"fields": fields, "identities": self.identities.values(), "family": self.family.values()}

    def is_dirty(self) -> bool:
        return self._baseline is not None and self.state() != self._baseline

    def _edited(self, *_args) -> None:
        self.feedback.setText("")

    def _identities_changed(self) -> None:
        held = self.identities.held()
        self.disability.set_applicable(held)
        self.family.set_identities(held)

    # -- saving -------------------------------------------------------------------------------------
    def save(self) -> None:
        if self._saving:
            return
        self._clear_feedback()
        unreadable = {}
        for grid in self.grids.values():
            unreadable.update(grid.problems())
        family_problems = self.family.problems()
        if unreadable or family_problems:
            fields = {**unreadable, **({"family": "\n".join(family_problems)} if family_problems else {})}
            self._show_errors(fields)
            self.save_refused.emit(ValidationError(fields))
            return
        state = self.state()
        if self.person is None:
            values = state["fields"]
        else:
            before = self._baseline["fields"]
            values = {k: v for k, v in state["fields"].items() if v != before.get(k)}
        person_id, actor = (self.person.id if self.person else None), self.ctx.actor
        identities, family = state["identities"], state["family"]
        opened = self.opened if self.person else None  # a new person has nothing to merge with
        self._saving = True
        self.save_button.setEnabled(False)
        run_write(self, lambda: save_person(person_id, values, identities=identities, family=family, actor=actor,
                                            opened=opened), on_done=self._save_finished)

    def _save_finished(self, outcome) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        if not outcome.ok:
            self._after_save = None  # refused: the user stays and sees why
            self._refused(outcome.error)
            return
        person, changes = outcome.value
        self.ctx.announce(changes)
        self.load_person(person.id)
        self.feedback.setText(self.tr("Saved"))
        self.feedback.setStyleSheet("color: #2e7d32;")
        if missing := missing_essentials(person):
            self.banner.show_info(self.tr("Saved, but {missing} is missing: the person is marked 待补充 in the "
                                          "list until it is filled in.").format(missing="、".join(missing)))
        self.saved.emit(person.id)
        then, self._after_save = self._after_save, None
        if then is not None:
            then()

    def _refused(self, error) -> None:
        if isinstance(error, DuplicateIdNumber):
            self._existing_id = error.facts.get("existing_id")
            self.duplicate_text.setText(error.message)
            self.duplicate.show()
            self.basic.grid.show_message("id_number", error.message)
            self.tabs.setCurrentIndex(self.tab_of["basic"])
        elif isinstance(error, ValidationError):
            self._show_errors(error.fields)
        else:
            self.banner.show_problem(error.message)
        self.save_refused.emit(error)

    def _show_errors(self, fields: dict[str, str]) -> None:
        first_tab, elsewhere = None, []
        for name, sentence in fields.items():
            key = next((k for k, g in self.grids.items() if g.show_message(name, sentence)), None)
            if key is None and name == "identities":
                self.identities.message.show_problem(sentence)
                key = "identities"
            elif key is None and name.startswith("family"):
                key = "family"
            elif key is None:
                elsewhere.append(sentence)
            if key and first_tab is None:
                first_tab = key
        if self.family.show_errors(fields) and first_tab is None:
            first_tab = "family"
        if first_tab is not None:
            self.tabs.setCurrentIndex(self.tab_of[first_tab])
        count = len(fields)
        self.banner.show_problem(self.tr("Not saved: {count} item(s) need correcting. {details}").format(
            count=count, details="；".join(elsewhere)).strip())

    def _clear_feedback(self) -> None:
        self.banner.show_problem(None)
        self.duplicate.hide()
        self.feedback.setText("")
        for grid in self.grids.values():
            for name in grid.messages:
                grid.refresh_message(name)
        self.basic._check_against_number()
        self.identities.message.show_problem(None)
        self.family.message.show_problem("\n".join(self.family.problems()))

    def _open_existing(self) -> None:
        if self._existing_id:
            self.open_person_requested.emit(self._existing_id)

    # -- leaving and status ---------------------------------------------------------------------------
    def confirm_leave(self, then=None) -> bool:
        """ui.leaving's protocol: 保存 / 不保存 / 取消 when there are unsaved edits."""
        if not self.is_dirty():
            return True
        who = self.basic.name.text().strip()
        sentence = (self.tr("The record of “{name}” has changes that are not saved.").format(name=who) if who
                    else self.tr("This record has changes that are not saved."))
        answer = ask_unsaved(self, sentence)
        if answer == DISCARD:
            return True
        if answer == SAVE:
            self._after_save = then
            self.save()
        return False

    def go_back(self) -> None:
        """返回列表: the registry closes every open form (asking each one with unsaved edits)."""
        self.back_requested.emit()

    def change_status(self) -> None:
        if self.person is None:
            return
        if self.is_dirty():
            QMessageBox.information(self, self.tr("Save first"),
                                    self.tr("Please save or discard your edits before changing the status."))
            return
        dialog = StatusDialog(self.ctx, self.person, self)
        dialog.changed.connect(lambda _c: self.load_person(self.person.id))
        dialog.open()
        self.status_dialog = dialog

    def transfer(self) -> None:
        if self.person is None:
            return
        if self.is_dirty():
            QMessageBox.information(self, self.tr("Save first"),
                                    self.tr("Please save or discard your edits before transferring the person."))
            return
        dialog = TransferDialog(self.ctx, self.person, self)
        dialog.changed.connect(lambda _c: self.load_person(self.person.id))
        dialog.open()
        self.transfer_dialog = dialog
