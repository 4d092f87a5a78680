"""困难帮扶 (DOMAIN.md §5): open a case (一事一批), keep its 申请材料 checklist with scans, and take it
through 入户核实 → 站审核通过 → 公示 (dates, objections) → 局审批 (核定金额, or 不通过 with the reason) →
发放 (one or more, with 资金来源) → 回访 → 结案; 撤回 from any open state, with the reason.

    page = AidPage(ctx); page.new_record(person_id)    # AidDialog
    page.open_record(case_id); page.detail.step_buttons # only the steps the case's state allows
    page.documents                                      # the checklist box in the detail panel

申请 / 核定 / 已发放 are shown as the domain derives them from the events (已发放 = the sum of the
disbursements); nothing here adds money up.
"""
from __future__ import annotations

import datetime as dt

from models import options
from models.aid import aid_step
from models.workflow import yuan
from ui.casework.aid_dialogs import AidDialog, DocumentsBox
from ui.casework.case_list import CaseColumn
from ui.casework.fields import ChoiceCombo, DateEdit, MoneyEdit, NoteEdit
from ui.casework.forms import StepField
from ui.casework.page import CaseAreaPage, facts_text

PUBLICITY_DAYS = 7  # the default 公示期 offered; the clerk types the real dates
NOTE_LABELS = {"verify": "核实情况", "station_approve": "站审核意见", "publicize": "公示地点及说明",
               "approve": "审批意见", "reject": "不通过理由", "disburse": "发放说明", "follow_up": "回访情况",
               "close": "结案说明", "withdraw": "撤回原因"}


def publicity_text(detail: dict) -> str:
    for event in reversed(detail.get("events", [])):
        if event["step"] == "publicize":
            data = event["data"]
            return facts_text([f"{data.get('from')} 至 {data.get('to')}",
                               f"异议：{data.get('objections') or '无'}"])
    return ""


def disbursements(detail: dict) -> list[dict]:
    return [e for e in detail.get("events", []) if e["step"] == "disburse"]


class AidPage(CaseAreaPage):
    kind = "aid"
    tables = ("aid_case", "aid_event", "aid_document")
    export_title = "困难帮扶"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.documents = self.detail.add_below_fields(DocumentsBox(ctx, self))
        self.detail.shown.connect(self.documents.show_detail)
        self.splitter.setSizes([720, 400])

    def area_title(self) -> str:
        return self.tr("Hardship aid")

    def new_button_text(self) -> str:
        return self.tr("New aid case… (Ctrl+N)")

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("申请日期", "date", "date", 88, order="date"),
                CaseColumn("申请人", "person_name", width=60, order="person"),
                CaseColumn("困难类型", "category_label", width=104, order="category"),
                CaseColumn("状态", "status_label", width=76, order="status"),
                CaseColumn("申请金额", "requested_fen", "money", 80, order="requested"),
                CaseColumn("核定金额", "approved_fen", "money", 80, order="approved"),
                CaseColumn("已发放", "paid_fen", "money", 80, order="paid"),
                CaseColumn("情况说明", "summary", width=80, stretch=True)]

    def heading(self, detail: dict) -> str:
        return f"{detail['kind_label']} · {detail.get('person_name') or ''} · {detail['category_label']}"

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        paid = disbursements(detail)
        size = f.get("family_size")
        family = [f"{size} 人" if size else "",
                  f"申请前12个月家庭总收入 {yuan(f['family_income_fen'])}" if f.get("family_income_fen") is not None else ""]
        return [("申请日期", f["applied_on"]), ("帮扶方式", detail["aid_form_label"]),
                ("情况说明", f["description"]), ("家庭情况", "，".join(p for p in family if p)),
                ("申请金额", yuan(f["requested_fen"])),
                ("核定金额", yuan(f.get("approved_fen"))),
                ("已发放", f"{yuan(f.get('paid_fen') or 0)}（{len(paid)} 笔）"),
                ("公示", publicity_text(detail))]

    def event_text(self, event: dict) -> str:
        data, amount = event.get("data") or {}, event.get("amount_fen")
        facts = [event.get("note")]
        if event["step"] == "approve":
            facts.append(f"核定金额 {yuan(amount)}")
        elif event["step"] == "disburse":
            facts.append(f"发放 {yuan(amount)}（{options.label('fund_source', event.get('fund_source'))}）")
        elif event["step"] == "publicize":
            facts.append(f"公示 {data.get('from')} 至 {data.get('to')}，异议：{data.get('objections') or '无'}")
        return facts_text(facts)

    def note_label(self, detail: dict, code: str) -> str | None:
        return NOTE_LABELS.get(code)

    def step_fields(self, detail: dict, code: str) -> list[StepField]:
        f = detail["fields"]
        if code == "publicize":
            today = dt.date.today()
            return [StepField("from", "公示开始", DateEdit, today),
                    StepField("to", "公示结束", DateEdit, today + dt.timedelta(days=PUBLICITY_DAYS - 1)),
                    StepField("objections", "异议情况（无异议不填）", NoteEdit)]
        if code == "approve":
            return [StepField("amount_fen", "核定金额（元）", MoneyEdit, f["requested_fen"])]
        if code == "disburse":
            left = (f.get("approved_fen") or 0) - (f.get("paid_fen") or 0)
            return [StepField("amount_fen", f"发放金额（元，尚可发放 {max(left, 0) / 100:,.2f}）", MoneyEdit,
                              left if left > 0 else None),
                    StepField("fund_source", "资金来源", lambda: ChoiceCombo(options.choices("fund_source")), "aid_fund")]
        return []

    def perform_step(self, detail: dict, code: str, values: dict, actor):
        data = {}
        if code == "publicize":
            data = {"from": values.get("from"), "to": values.get("to"), "objections": values.get("objections")}
        return aid_step(detail["id"], code, on=values["on"], note=values["note"], amount_fen=values.get("amount_fen"),
                        fund_source=values.get("fund_source"), data=data, actor=actor)

    def new_dialog(self, person_id: str | None = None):
        return AidDialog(self.ctx, person_id, self)

