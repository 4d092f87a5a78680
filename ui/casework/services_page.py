"""服务记录: record a walk-in, call, home or online contact in a few keystrokes (person optional), step
代办 items (已受理 → 办理中 → 已办结 / 已退回 with the reason) and record their 回访.

    page = ServicesPage(ctx); page.new_record(person_id)   # the dialog, the person already chosen
    page.open_record(service_id)

The dialog opens on 服务对象 with today's date, 来访 and the staff member filled in: type a name, pick,
choose the category, type the content, Ctrl+S.
"""
from __future__ import annotations

import datetime as dt

from models import options
from models.services import CHANNELS, agency_step, delete_service, record_service
from ui.casework.case_list import CaseColumn
from ui.casework.fields import CheckEdit, ChoiceCombo, DateEdit, NoteEdit, PersonPicker, TextEdit
from ui.casework.forms import RecordDialog
from ui.casework.page import CaseAreaPage


class ServiceDialog(RecordDialog):
    columns = 2

    def __init__(self, ctx, person_id: str | None = None, parent=None):
        super().__init__(ctx, self.tr("New service record"), parent)
        self.setMinimumWidth(760)
        self.person.set_value(person_id)
        (self.content if person_id else self.person.search).setFocus()

    def build(self, grid) -> None:
        self.person = grid.add("person", PersonPicker(optional=True), label=self.tr("Person served"), span=2)
        grid.add("served_on", DateEdit(), label=self.tr("Date")).set_value(dt.date.today())
        channel = grid.add("channel", ChoiceCombo(list(CHANNELS.items())), label=self.tr("Way"))
        channel.set_value("visit")
        self.category = grid.add("category", ChoiceCombo(options.choices("service_category")), label=self.tr("Category"))
        grid.add("handler", TextEdit(), label=self.tr("Handled by")).set_value(self.ctx.actor.display_name)
        self.content = grid.add("content", NoteEdit(), label=self.tr("Content"), span=2)
        grid.add("result", TextEdit(), label=self.tr("Result"), span=2)
        self.agency = grid.add("agency", CheckEdit(self.tr("A 代办 item (tracked until done)")), label=self.tr("Agency item"))
        self.needs_follow_up = grid.add("needs_follow_up", CheckEdit(self.tr("Needs a follow-up")),
                                        label=self.tr("Follow-up"))
        self.follow_up_on = grid.add("follow_up_on", DateEdit(), label=self.tr("Follow-up date"))
        self.category.currentIndexChanged.connect(self._category_chosen)
        self.needs_follow_up.toggled.connect(self._follow_up_toggled)
        self._follow_up_toggled(False)

    def _category_chosen(self, _index: int) -> None:
        self.agency.setChecked(self.category.value() == "agency")

    def _follow_up_toggled(self, on: bool) -> None:
        self.follow_up_on.setEnabled(on)
        if on and not self.follow_up_on.text():
            self.follow_up_on.set_value(dt.date.today() + dt.timedelta(days=7))

    def submit(self, values: dict, actor):
        return record_service(values, actor=actor)


def follow_up_text(row: dict) -> str:
    if row["followed_up_on"]:
        return f"已回访 {row['followed_up_on'].isoformat()}"
    return row["follow_up_on"].isoformat() if row["follow_up_on"] else ""


class ServicesPage(CaseAreaPage):
    kind = "service"
    tables = ("service_record", "service_event")
    export_title = "服务记录"
    can_delete = True

    def area_title(self) -> str:
        return self.tr("Service records")

    def new_button_text(self) -> str:
        return self.tr("New service record… (Ctrl+N)")

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("服务日期", "date", "date", 96, order="date"),
                CaseColumn("服务对象", lambda r: r["person_name"] or "来访群众", width=90, order="person"),
                CaseColumn("方式", "channel", width=44, order="channel"),
                CaseColumn("类别", "category_label", width=80, order="category"),
                CaseColumn("服务内容", "summary", width=140, stretch=True),
                CaseColumn("经办人", "handler", width=70, order="handler"),
                CaseColumn("代办状态", "status_label", width=72, order="status"),
                CaseColumn("回访", follow_up_text, width=110, order="follow_up")]

    def heading(self, detail: dict) -> str:
        return f"{detail['kind_label']} · {detail.get('person_name') or '来访群众'} · {detail['date']}"

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        follow = f["follow_up_on"] if f["needs_follow_up"] else "不需回访"
        return [("服务方式", detail["channel"]), ("服务类别", detail["category_label"]), ("服务内容", f["content"]),
                ("办理结果", f["result"]), ("经办人", f["handler"]), ("代办事项", "是" if f["agency"] else "否"),
                ("回访日期", follow), ("已回访", f.get("followed_up_on") or "")]

    def note_label(self, detail: dict, code: str) -> str | None:
        return {"return": "退回原因", "follow_up": "回访情况", "complete": "办理结果"}.get(code)

    def perform_step(self, detail: dict, code: str, values: dict, actor):
        return agency_step(detail["id"], code, on=values["on"], note=values["note"], actor=actor)

    def delete(self, record_id: str, reason: str, actor):
        return delete_service(record_id, reason, actor=actor)

    def new_dialog(self, person_id: str | None = None):
        return ServiceDialog(self.ctx, person_id, self)
