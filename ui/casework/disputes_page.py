"""矛盾纠纷/信访 (DOMAIN.md §6, 枫桥经验): 登记 a case, keep its mediation log (调处), end it 已化解 /
已稳控 / 已上报 / 已中止, and 回访 with the satisfaction; deadlines coloured 绿/黄/红/灰 in the list;
the 化解在当地率 of this installation in the page's title row.

    page = DisputesPage(ctx); page.new_record(person_id)   # DisputeDialog
    page.open_record(case_id); page.detail.step_buttons     # only the steps the case's state allows
    page.rate_label.text()                                  # '化解在当地率 80.0%（已化解 4 / 已办结 5）'

Colours and the rate come from models.disputes (deadline_colour, local_resolution_rate).
"""
from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from models import options
from models.disputes import COLOURS, DISPUTE, SATISFACTION, dispute_step, local_resolution_rate
from ui.casework.case_list import CaseColumn, station_scope
from ui.casework.disputes_dialogs import DisputeDialog, DisputeEditDialog
from ui.casework.fields import ChoiceCombo, TextEdit
from ui.casework.forms import StepField
from ui.casework.page import CaseAreaPage, facts_text

DEADLINE_COLOURS = {"green": QColor("#2e7d32"), "yellow": QColor("#a66300"), "red": QColor("#c62828"),
                    "grey": QColor("#7a7a7a")}
COLOUR_MEANINGS = {"green": "已办结", "yellow": "3天内到期", "red": "已逾期", "grey": "已中止"}
NOTE_LABELS = {"mediate": "做了哪些工作", "monitor": "稳控跟踪情况", "resolve": "化解情况", "contain": "稳控措施",
               "escalate": "上报说明", "suspend": "中止原因", "follow_up": "回访情况"}
DATA_FIELDS = ("who", "result", "to", "satisfaction")
TABLES = ("dispute_case", "dispute_event", "dispute_party")


def legend_html() -> str:
    return "办结期限：" + "　".join(f"<span style='color:{DEADLINE_COLOURS[c].name()}'>■ {COLOURS[c]} {m}</span>"
                                   for c, m in COLOUR_MEANINGS.items())


def satisfaction_of(detail: dict) -> str:
    for event in reversed(detail.get("events", [])):
        if event["step"] == "follow_up":
            return SATISFACTION.get(event["data"].get("satisfaction"), "")
    return ""


def with_phone(name: str | None, phone: str | None) -> str:
    return f"{name}（{phone}）" if name and phone else (name or phone or "")


class DisputesPage(CaseAreaPage):
    kind = "dispute"
    tables = TABLES
    export_title = "矛盾纠纷排查化解"

    def __init__(self, ctx, parent=None):
        super().__init__(ctx, parent)
        self.legend = QLabel(legend_html())
        self.legend.setObjectName("deadlineLegend")
        self.rate_label = QLabel()
        self.rate_label.setObjectName("localResolutionRate")
        self.rate_label.setStyleSheet("font-weight: bold;")
        facts = QWidget()  # beside the title they were cut at 1024 px
        facts_row = QHBoxLayout(facts)
        facts_row.setContentsMargins(0, 0, 0, 0)
        facts_row.addWidget(self.legend)
        facts_row.addStretch(1)
        facts_row.addWidget(self.rate_label)
        self.facts_row = self.add_below_heading(facts)
        self.rate_label.setToolTip(self.tr("Cases that ended 已化解 at station level, out of all cases that ended"))
        row = QWidget()
        buttons = QHBoxLayout(row)
        buttons.setContentsMargins(0, 0, 0, 0)
        self.edit_button = QPushButton(self.tr("Change registration…"))
        self.edit_button.setObjectName("editDispute")
        self.edit_button.clicked.connect(lambda: self.edit_registration())
        buttons.addWidget(self.edit_button)
        buttons.addStretch(1)
        self.edit_row = self.detail.add_below_fields(row)
        self.detail.shown.connect(lambda detail: self.edit_row.setVisible(detail is not None))
        self.edit_row.setVisible(False)
        ctx.changed.connect(self._rate_changed)
        self.show_rate()
        self.splitter.setSizes([720, 400])  # the list has nine columns; the detail needs less

    def show_rate(self) -> None:
        rate = local_resolution_rate(station_code=station_scope(self.ctx))
        self.rate_label.setText(f"化解在当地率 {rate.text}（已化解 {rate.resolved} / 已办结 {rate.ended}）")

    def _rate_changed(self, changes) -> None:
        if any(changes.touches(t) for t in TABLES):
            self.show_rate()

    def area_title(self) -> str:
        return self.tr("Disputes and petitions")

    def new_button_text(self) -> str:
        return self.tr("Register… (Ctrl+N)")

    def columns(self) -> list[CaseColumn]:
        return [CaseColumn("编号", "number", width=150, order="number"),
                CaseColumn("登记日期", "date", "date", 86, order="date"),
                CaseColumn("当事人", "person_name", width=56, order="person"),
                CaseColumn("类型", "category_label", width=64, order="category"),
                CaseColumn("风险", "risk", width=36, order="risk"),
                CaseColumn("状态", "status_label", width=56, order="status"),
                CaseColumn("办结期限", "deadline", "date", 86, order="deadline"),
                CaseColumn("包案领导", "leader", width=66, order="leader"),
                CaseColumn("诉求内容", "summary", width=60, stretch=True)]

    def row_colour(self, row: dict):
        return DEADLINE_COLOURS.get(row.get("colour"))

    def heading(self, detail: dict) -> str:
        return f"{detail['number']} · {detail.get('person_name') or ''}"

    def describe(self, detail: dict) -> list[tuple[str, str]]:
        f = detail["fields"]
        parties = "、".join([p["name"] for p in detail.get("parties", [])] + ([f["outsiders"]] if f.get("outsiders") else []))
        colour = detail.get("colour")
        deadline = f.get("deadline") or ""
        if deadline and colour:
            deadline += f"（{COLOURS[colour]}：{COLOUR_MEANINGS[colour]}）"
        outcome = f"{DISPUTE.state_label(f['outcome'])}（{f['outcome_on']}）" if f.get("outcome") else ""
        return [("编号", detail["number"]), ("登记日期", f["registered_on"]),
                ("来源", options.label("dispute_source", f["source"])), ("当事人", parties),
                ("类型", detail["category_label"]), ("诉求内容", f["claim"]), ("风险等级", detail["risk"]),
                ("是否重复访", "是" if f.get("repeat") else "否"),
                ("包案领导", with_phone(f.get("leader"), f.get("leader_phone"))),
                ("责任人", with_phone(f.get("handler"), f.get("handler_phone"))),
                ("办结期限", deadline), ("结果", outcome), ("满意度", satisfaction_of(detail))]

    def event_text(self, event: dict) -> str:
        data = event.get("data") or {}
        return facts_text([event.get("note"),
                           f"结果：{data['result']}" if data.get("result") else "",
                           f"调处人：{data['who']}" if data.get("who") else "",
                           f"上报至：{data['to']}" if data.get("to") else "",
                           f"满意度：{SATISFACTION.get(data['satisfaction'], '')}" if data.get("satisfaction") else ""])

    def note_label(self, detail: dict, code: str) -> str | None:
        return NOTE_LABELS.get(code)

    def step_fields(self, detail: dict, code: str) -> list[StepField]:
        if code in ("mediate", "monitor"):
            return [StepField("who", "调处人", TextEdit, self.ctx.actor.display_name),
                    StepField("result", "调处结果", TextEdit)]
        if code == "escalate":
            return [StepField("to", "上报至", TextEdit)]
        if code == "follow_up":
            return [StepField("satisfaction", "满意度", lambda: ChoiceCombo(list(SATISFACTION.items())))]
        return []

    def perform_step(self, detail: dict, code: str, values: dict, actor):
        data = {name: values[name] for name in DATA_FIELDS if values.get(name)}
        return dispute_step(detail["id"], code, on=values["on"], note=values["note"], data=data, actor=actor)

    def new_dialog(self, person_id: str | None = None):
        return DisputeDialog(self.ctx, person_id, self)

    def edit_registration(self) -> DisputeEditDialog | None:
        if self.detail.detail is None:
            return None
        self.dialog = DisputeEditDialog(self.ctx, self.detail.detail, self)
        self.dialog.open()
        return self.dialog
