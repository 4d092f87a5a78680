"""优待证 (DOMAIN.md §4): 受理 applications, step them 已受理 → 审核中 (县→市→省) → 制卡中 → 已签收 →
已发放 (who collected it, a guardian allowed), the side paths 不予受理 / 退回补正 / 补领·换领 / 收回, and
the register of 不予发放情形 (ExclusionsDialog, lifted only by the bureau with a reason).

    page = CardsPage(ctx); page.new_record(person_id)     # the application, eligibility shown at once
    page.open_record(card_id); page.detail.step_buttons    # only the steps the card's state allows
    page.exclusions()                                       # the 不予发放情形 dialog

补领/换领 opens a new application linked to the old card (models.cards.reapply) and shows it.
"""
from __future__ import annotations

from PySide6.QtWidgets import QPushButton

from models.cards import (APPLICATION_KINDS, EXCLUSIONS, REVIEW_LEVELS, card_step, open_exclusions,
                          reapply)
from ui.casework.case_list import CaseColumn
from ui.casework.cards_dialogs import CardDialog, ExclusionsDialog
from ui.casework.fields import ChoiceCombo, TextEdit
from ui.casework.forms import StepField
from ui.casework.page import CaseAreaPage, facts_text

REASON_STEPS = {"reject": "不予受理理由", "send_back": "需补正的内容", "revoke": "收回原因", "replace": "补领/换领原因"}
DATA_FIELDS = ("level", "card_no", "collected_by", "guardian_relation")


def collected_by(detail: dict) -> str:
    """领取人 of the issue step: the person, or a guardian with the relation."""
    for event in detail.get("events", []):
        if event["step"] == "issue":
            data = event["data"]
            relation = data.get("guardian_relation")
            return f"{data.get('collected_by', '')}（{relation}）" if relation else data.get("collected_by", "")
    return ""


class CardsPage(CaseAreaPage):
    kind = "card"
    tables = ("preferential_card", "card_event", "card_exclusion")
    export_title = "优待证申领发放"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.exclusions_button = self.add_to_heading(QPushButton(self.tr("Exclusions…")))
        self.exclusions_button.setObjectName("cardExclusions")
        self.exclusions_button.setToolTip(self.tr("Record or lift the cases in which no card may be issued"))
        self.exclusions_button.clicked.connect(lambda: self.exclusions())

    def area_title(self) -> str:
        return self.tr("Preferential cards")

    def new_button_text(self) -> str:
        return self.tr("New application… (Ctrl+N)")

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("受理日期", "date", "date", 96, order="date"),
                CaseColumn("申领人", "person_name", width=80, order="person"),
                CaseColumn("证件类型", "category_label", width=110, order="category"),
                CaseColumn("申领类型", "summary", width=72, order="application"),
                CaseColumn("状态", "status_label", width=72, order="status"),
                CaseColumn("证号", "card_no", width=120, stretch=True, order="card_no"),
                CaseColumn("发放日期", "issued_on", "date", 96, order="issued_on")]

    def heading(self, detail: dict) -> str:
        return f"{detail['category_label']} · {detail.get('person_name') or ''}"

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        lines = [("证件类型", detail["category_label"]), ("申领类型", APPLICATION_KINDS.get(f["kind"], f["kind"])),
                 ("受理日期", f["applied_on"])]
        if f.get("replaces"):
            lines.append(("原证", self.tr("linked to the card it replaces")))
        replaced = [e["data"].get("new_card") for e in detail.get("events", []) if e["step"] == "replace"]
        if replaced:
            lines.append(("补换", self.tr("replaced by a new application")))
        lines += [("证号", f.get("card_no") or ""), ("发放日期", f.get("issued_on") or ""),
                  ("领取人", collected_by(detail)), ("备注", f.get("note") or "")]
        if detail.get("person_id"):
            found = "、".join(EXCLUSIONS.get(e.kind, e.kind) for e in open_exclusions(detail["person_id"]))
            if found:
                lines.append(("不予发放情形", found))
        return lines

    def event_text(self, event: dict) -> str:
        data = event.get("data") or {}
        return facts_text([event.get("note"),
                           f"审核层级：{REVIEW_LEVELS.get(data['level'], data['level'])}" if data.get("level") else "",
                           f"证号：{data['card_no']}" if data.get("card_no") else "",
                           f"领取人：{data['collected_by']}" if data.get("collected_by") else "",
                           f"与持证人关系：{data['guardian_relation']}" if data.get("guardian_relation") else ""])

    def note_label(self, detail: dict, code: str) -> str | None:
        return REASON_STEPS.get(code)

    def step_fields(self, detail: dict, code: str) -> list[StepField]:
        f = detail["fields"]
        if code == "review":
            return [StepField("level", "审核层级", lambda: ChoiceCombo(list(REVIEW_LEVELS.items())))]
        if code == "receive":
            return [StepField("card_no", "证号", TextEdit, f.get("card_no"))]
        if code == "issue":
            return [StepField("collected_by", "领取人", TextEdit, detail.get("person_name")),
                    StepField("guardian_relation", "代领人与持证人关系（本人领取不填）", TextEdit),
                    StepField("card_no", "证号", TextEdit, f.get("card_no"))]
        if code == "replace":
            return [StepField("kind", "补领或换领", lambda: ChoiceCombo([("reissue", "补领（遗失）"),
                                                                      ("exchange", "换领（损坏、信息变更）")]))]
        return []

    def perform_step(self, detail: dict, code: str, values: dict, actor):
        if code == "replace":
            return reapply(detail["id"], values.get("kind") or "", on=values["on"], reason=values["note"] or "",
                           actor=actor)
        data = {name: values[name] for name in DATA_FIELDS if values.get(name)}
        return card_step(detail["id"], code, on=values["on"], note=values["note"], data=data, actor=actor)

    def step_dialog(self, detail: dict, code: str, label: str):
        dialog = super().step_dialog(detail, code, label)
        if code == "replace":  # the new application is what the clerk works on next
            dialog.saved.connect(lambda card_id: card_id and self.open_record(card_id))
        return dialog

    def new_dialog(self, person_id: str | None = None):
        return CardDialog(self.ctx, person_id, self)

    def exclusions(self, person_id: str | None = None) -> ExclusionsDialog:
        person_id = person_id or (self.detail.detail or {}).get("person_id")
        self.dialog = ExclusionsDialog(self.ctx, person_id, self)
        self.dialog.open()
        return self.dialog

