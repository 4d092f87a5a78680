"""就业创业: job referrals (岗位推荐), training attended (技能培训) and entrepreneurship support
(创业扶持), per person — each an event (never edited; a mistake is deleted with a reason).

    page = EmploymentPage(ctx); page.new_record(person_id); page.open_record(record_id)
"""
from __future__ import annotations

import datetime as dt

from models.employment import KINDS, RESULTS, TITLE_LABELS, add_employment, delete_employment
from models.workflow import yuan
from ui.casework.case_list import CaseColumn
from ui.casework.fields import ChoiceCombo, DateEdit, MoneyEdit, NoteEdit, PersonPicker, TextEdit
from ui.casework.forms import RecordDialog
from ui.casework.page import CaseAreaPage


class EmploymentDialog(RecordDialog):
    columns = 2

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("New employment record"), parent)
        self.setMinimumWidth(720)
        self.person.set_value(person_id)
        (self.kind if person_id else self.person.search).setFocus()

    def build(self, grid) -> None:
        self.person = grid.add("person", PersonPicker(), label=self.tr("Person"), span=2)
        self.kind = grid.add("kind", ChoiceCombo(list(KINDS.items())), label=self.tr("Kind"))
        grid.add("on", DateEdit(), label=self.tr("Date")).set_value(dt.date.today())
        self.title = grid.add("title", TextEdit(), label=self.tr("Post / course / project"))
        grid.add("organisation", TextEdit(), label=self.tr("Employer / school / lender"))
        self.result = grid.add("result", ChoiceCombo([]), label=self.tr("Result"))
        grid.add("amount_fen", MoneyEdit(), label=self.tr("Amount (yuan)"))
        grid.add("note", NoteEdit(), label=self.tr("Note"), span=2)
        self.kind.currentIndexChanged.connect(self._kind_chosen)

    def _kind_chosen(self, _index: int) -> None:
        kind = self.kind.value()
        self.result.clear()
        self.result.addItem("", None)
        for code, text in RESULTS.get(kind, {}).items():
            self.result.addItem(text, code)
        self.grid.labels["title"].setText(TITLE_LABELS.get(kind, self.tr("Post / course / project")))

    def submit(self, values: dict, actor):
        return add_employment(values, actor=actor)


class EmploymentPage(CaseAreaPage):
    kind = "employment"
    tables = ("employment_record",)
    export_title = "就业创业记录"
    can_delete = True

    def area_title(self) -> str:
        return self.tr("Employment")

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("日期", "date", "date", 96, order="date"),
                CaseColumn("姓名", "person_name", width=80, order="person"),
                CaseColumn("类别", "category_label", width=80, order="category"),
                CaseColumn("岗位/培训/项目", "summary", width=160, stretch=True),
                CaseColumn("单位", "organisation", width=140, order="organisation"),
                CaseColumn("结果", "result", width=70),
                CaseColumn("金额（元）", "amount_fen", "money", 96, order="amount")]

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        return [("日期", detail["date"]), ("类别", detail["category_label"]),
                (TITLE_LABELS.get(detail["category"], "项目"), f["title"]), ("单位", f["organisation"]),
                ("结果", detail["result"]), ("金额", yuan(f["amount_fen"]) if f["amount_fen"] else ""),
                ("备注", f["note"])]

    def delete(self, record_id: str, reason: str, actor):
        return delete_employment(record_id, reason, actor=actor)

    def new_dialog(self, person_id: str | None = None):
        return EmploymentDialog(self.ctx, person_id, self)
