"""基本信息: who the person is, where they live, how to reach them — and their photo.

The ID number fills 出生日期 and 性别 when they are empty and flags them when they disagree
(the number is where the truth usually is; the clerk decides). A stored ID number and the phones are
shown masked (ui.registry.concealed) until the form reveals them.
"""
from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QWidget

from models import vocab
from models.registry_search import all_tags
from ui.registry.concealed import Concealable, ConcealedIdNumberEdit, ConcealedPhoneEdit
from ui.registry.editors import CheckEdit, CodeCombo, DateEdit, NoteEdit, TagsEdit, TextEdit
from ui.registry.field_grid import FieldGrid
from ui.registry.photo_box import PhotoBox
from ui.registry.village_picker import VillagePicker


class BasicSection(QWidget):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        grid = self.grid = FieldGrid(columns=2)
        self.name = grid.add("name", TextEdit())
        grid.add("former_name", TextEdit())
        self.id_number = grid.add("id_number", ConcealedIdNumberEdit())
        self.birth_date = grid.add("birth_date", DateEdit())
        self.sex = grid.add("sex", CodeCombo("sex"))
        grid.add("ethnicity", CodeCombo("ethnicity"))
        grid.add("political", CodeCombo("political"))
        grid.add("education", CodeCombo("education"))
        grid.add("marital", CodeCombo("marital"))
        grid.add("health", CodeCombo("health"))
        grid.add("household_address", TextEdit(), span=2)
        grid.add("residence_address", TextEdit(), span=2)
        self.village = grid.add("village", VillagePicker(ctx), span=2)
        grid.add("phone", ConcealedPhoneEdit(placeholder="13904770000 / 0477-7654321"))
        grid.add("contact_tier", CodeCombo("contact_tier"))
        grid.add("backup_contact_name", TextEdit())
        grid.add("backup_contact_phone", ConcealedPhoneEdit())
        self.tags = grid.add("tags", TagsEdit(all_tags()), span=2)
        self.key_focus = grid.add("key_focus", CheckEdit(self.tr("Give this person special attention")))
        self.key_focus_reason = grid.add("key_focus_reason", TextEdit())
        grid.add("filed_on", DateEdit())
        grid.add("note", NoteEdit(), span=2)
        grid.finish()
        self.photo = PhotoBox(ctx)
        grid.editors["photo"] = self.photo  # saved with the other fields; not a grid row
        self.photo.edited.connect(lambda: grid.edited.emit("photo"))

        layout = QHBoxLayout(self)
        layout.addWidget(grid, 1)
        layout.addSpacing(16)
        layout.addWidget(self.photo)

        self.id_number.parsed.connect(self._number_read)
        grid.edited.connect(self._field_edited)
        self.key_focus.edited.connect(self._key_focus_toggled)
        self._key_focus_toggled()

    def _field_edited(self, name: str) -> None:
        if name in ("sex", "birth_date"):
            self._check_against_number()

    def _key_focus_toggled(self) -> None:
        self.key_focus_reason.setEnabled(self.key_focus.isChecked() or bool(self.key_focus_reason.text()))

    def _number_read(self, parsed) -> None:
        if parsed is not None:
            if self.birth_date.value() is None and not self.birth_date.problem():
                self.birth_date.set_value(parsed.birth_date)
            if self.sex.value() is None:
                self.sex.set_value(parsed.sex)
        self._check_against_number()

    def _check_against_number(self) -> None:
        """Say next to 出生日期 / 性别 when they contradict the ID number; clear it when they agree."""
        parsed = self.id_number.result
        birth, sex = self.birth_date.value(), self.sex.value()
        birth_problem = self.birth_date.problem()
        if not birth_problem and parsed and birth and birth != parsed.birth_date:
            birth_problem = f"出生日期与身份证号码不一致（号码中为 {parsed.birth_date.isoformat()}）"
        self.grid.show_message("birth_date", birth_problem)
        sex_problem = None
        if parsed and sex and sex != parsed.sex:
            sex_problem = f"性别与身份证号码不一致（号码中为{vocab.label('sex', parsed.sex)}）"
        self.grid.show_message("sex", sex_problem)

    def concealed_editors(self) -> list[Concealable]:
        return [e for e in self.grid.editors.values() if isinstance(e, Concealable) and e.concealed]

    def load(self, person) -> None:
        self.grid.load(person)
        self._key_focus_toggled()
        self._check_against_number()
