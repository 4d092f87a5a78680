"""困难帮扶援助 (DOMAIN.md §5): one case per request (一事一批), its documents checklist with
attachments, and the approval trail 已申请 → 已核实 → 站审核通过 → 已公示 → 局审批 (通过 with 核定金额 |
不通过 with reason) → 已发放 (one or more disbursements) → 已回访 → 已结案; any open state → 已撤回.

    case, changes = open_case({"person": pid, "hardship_type": "illness", "requested_fen": 500000,
                               "applied_on": d, "description": "…"}, actor=actor)
    add_document(case.id, "application", attachment=digest, on=d, actor=actor)
    aid_step(case.id, "verify", on=d, note="入户核实属实", actor=actor)
    aid_step(case.id, "publicize", on=d, data={"from": d1, "to": d2, "objections": ""}, actor=actor)
    aid_step(case.id, "approve", on=d, amount_fen=300000, actor=bureau)
    aid_step(case.id, "disburse", on=d, amount_fen=300000, fund_source="aid_fund", actor=actor)

Decisions and disbursements are append-only AidEvent rows; state, 核定金额 and 已发放 totals are
derived from them in event order (approved = the approval's amount, paid = the sum of
disbursements), never typed in.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models import options
from models.base import SyncedModel
from models.errors import NotFound, ValidationError
from models.permissions import require
from models.person import Person
from models.workflow import (CaseEvent, Step, Workflow, check_event_date, clean_text, events_of, refresher,
                             require_active_person, require_money, require_text, store_cache, yuan)
from models.write import Actor, OpChanges, writing

# Steps that decide (the station's and the bureau's approval, a rejection): models.permissions "approve_aid".
APPROVAL_STEPS = {"station_approve", "approve", "reject"}
AID_FORMS = {"cash": "资金", "goods": "实物", "service": "服务"}

AID = Workflow("aid", "困难帮扶", {
    "applied": "已申请", "verified": "已核实", "station_approved": "站审核通过", "publicized": "已公示",
    "approved": "局审批通过", "rejected": "局审批不通过", "disbursed": "已发放", "followed_up": "已回访",
    "closed": "已结案", "withdrawn": "已撤回"},
    initial="applied", steps=[
        Step("verify", "入户核实", ("applied",), "verified"),
        Step("station_approve", "站审核通过", ("verified",), "station_approved"),
        Step("publicize", "公示", ("station_approved",), "publicized"),
        Step("approve", "局审批通过", ("publicized",), "approved"),
        Step("reject", "局审批不通过", ("publicized",), "rejected"),
        Step("disburse", "发放", ("approved", "disbursed"), "disbursed"),
        Step("follow_up", "回访", ("disbursed",), "followed_up"),
        Step("close", "结案", ("followed_up", "rejected"), "closed"),
        Step("withdraw", "撤回", ("*",), "withdrawn"),
    ], final=("closed", "withdrawn"), closing=("close", "withdraw"))
OPEN_STATES = tuple(s for s in AID.states if s not in AID.final)


class AidCase(SyncedModel):
    station_code = peewee.TextField(null=True, index=True)
    person = peewee.ForeignKeyField(Person, backref="aid_cases", on_delete="RESTRICT", index=True)
    hardship_type = peewee.TextField()
    description = peewee.TextField()
    family_income_fen = peewee.IntegerField(null=True)  # 申请前12个月家庭总收入
    family_size = peewee.IntegerField(null=True)
    requested_fen = peewee.IntegerField()
    aid_form = peewee.TextField(default="cash")
    applied_on = peewee.DateField(index=True)
    # derived from the events on this installation
    status = peewee.TextField(default="applied", index=True)
    status_on = peewee.DateField(null=True, index=True)
    approved_fen = peewee.IntegerField(null=True)
    paid_fen = peewee.IntegerField(default=0)
    publicity_to = peewee.DateField(null=True)

    derived_fields = ("status", "status_on", "approved_fen", "paid_fen", "publicity_to")

    def derive(self) -> None:
        if self.id:
            for name, value in derive_aid(self).items():
                setattr(self, name, value)

    @property
    def title(self) -> str:
        return f"{self.person.name} · {options.label('hardship_type', self.hardship_type)} · {self.applied_on.isoformat()}"


@events_of("aid_case", "case")
class AidEvent(CaseEvent):
    case = peewee.ForeignKeyField(AidCase, backref="events", on_delete="RESTRICT", index=True)
    amount_fen = peewee.IntegerField(null=True)  # approve: 核定金额; disburse: 发放金额
    fund_source = peewee.TextField(null=True)  # disburse: 资金来源


class AidDocument(SyncedModel):
    """One received item of the documents checklist, with its scan (attachment sha256) if any."""

    case = peewee.ForeignKeyField(AidCase, backref="documents", on_delete="RESTRICT", index=True)
    document = peewee.TextField()
    attachment = peewee.TextField(null=True)
    received_on = peewee.DateField()
    note = peewee.TextField(null=True)


# --- derivation --------------------------------------------------------------------------------

def aid_events(case_id: str) -> list[AidEvent]:
    return list(AidEvent.live().where(AidEvent.case == case_id))


def derive_aid(case: AidCase) -> dict:
    replay = AID.replay(aid_events(case.id))
    approved, paid, publicity_to = None, 0, None
    for event in replay.applied:
        if event.step == "approve":
            approved = event.amount_fen
        elif event.step == "disburse":
            paid += event.amount_fen or 0
        elif event.step == "publicize":
            publicity_to = _date(event.data.get("to"))
    return {"status": replay.state, "status_on": replay.state_on or case.applied_on, "approved_fen": approved,
            "paid_fen": paid, "publicity_to": publicity_to}


@refresher("aid_case")
def refresh_aid(case_id: str) -> None:
    case = AidCase.get_or_none(AidCase.id == case_id)
    if case is not None:
        store_cache(case, derive_aid(case))


def get_case(case_id: str) -> AidCase:
    case = AidCase.live().where(AidCase.id == case_id).first()
    if case is None:
        raise NotFound(f"未找到帮扶案件（编号 {case_id}）。", record_id=case_id)
    return case


def cases_of(person_id: str) -> list[AidCase]:
    return list(AidCase.live().where(AidCase.person == person_id).order_by(AidCase.applied_on.desc()))


def legal_steps(case: AidCase) -> list[Step]:
    return AID.legal_steps(case.status)


# --- operations ----------------------------------------------------------------------------------

def open_case(values: dict, *, actor: Actor, today: dt.date | None = None) -> tuple[AidCase, OpChanges]:
    today = today or dt.date.today()
    person = Person.live().where(Person.id == str(values.get("person") or "")).first()
    if person is None:
        raise ValidationError({"person": "请选择申请人"})
    require_active_person(person, "申请困难帮扶")
    problems = {}
    if not options.is_option("hardship_type", values.get("hardship_type")):
        problems["hardship_type"] = "请选择困难类型"
    description = clean_text(values.get("description"))
    if not description:
        problems["description"] = "请填写情况说明"
    requested = values.get("requested_fen")
    if not isinstance(requested, int) or isinstance(requested, bool) or requested <= 0:
        problems["requested_fen"] = "申请金额应为大于0的金额（单位：分）"
    income = values.get("family_income_fen")
    if income is not None and (not isinstance(income, int) or isinstance(income, bool) or income < 0):
        problems["family_income_fen"] = "家庭总收入应为不小于0的金额（单位：分）"
    size = values.get("family_size")
    if size is not None and (not isinstance(size, int) or size < 1):
        problems["family_size"] = "家庭人口应为正整数"
    aid_form = values.get("aid_form") or "cash"
    if aid_form not in AID_FORMS:
        problems["aid_form"] = "请选择帮扶方式（资金、实物、服务）"
    applied_on = values.get("applied_on") or today
    if not isinstance(applied_on, dt.date) or applied_on > today:
        problems["applied_on"] = "申请日期应为不晚于今天的日期"
    if problems:
        raise ValidationError(problems)
    with writing(actor) as w:
        case = w.create(AidCase, {"station_code": person.station_code, "person": person.id,
                                  "hardship_type": values["hardship_type"], "description": description,
                                  "family_income_fen": income, "family_size": size, "requested_fen": requested,
                                  "aid_form": aid_form, "applied_on": applied_on})
    return case, w.changes


def aid_step(case_id: str, step: str, *, on: dt.date, note: str | None = None, amount_fen: int | None = None,
             fund_source: str | None = None, data: dict | None = None, actor: Actor,
             today: dt.date | None = None) -> OpChanges:
    """Take one step of the case (see AID.steps); the step's own facts are checked here."""
    require(actor, "approve_aid" if step in APPROVAL_STEPS else "casework", target=case_id)
    case = get_case(case_id)
    AID.check(case.title, case.status, step)
    if step not in AID.closing:
        require_active_person(case.person, "办理困难帮扶")
    check_event_date(on, after=case.status_on, today=today)
    data = dict(data or {})
    row = {"case": case.id, "step": step, "on": on, "note": clean_text(note), "by_name": actor.display_name,
           "data": {}, "amount_fen": None, "fund_source": None}
    if step in ("reject", "withdraw"):
        row["note"] = require_text(note, "note", f"{AID.step(step).label}请写明原因")
    if step == "station_approve":
        missing = [item["label"] for item in checklist(case.id) if item["required"] and not item["present"]]
        if missing:
            raise ValidationError({"documents": f"申请材料不齐，缺少：{'、'.join(missing)}"})
    if step == "publicize":
        start, end = _date(data.get("from")), _date(data.get("to"))
        if not start or not end or end < start:
            raise ValidationError({"publicity": "请填写公示起止日期（结束不早于开始）"})
        row["data"] = {"from": start.isoformat(), "to": end.isoformat(),
                       "objections": clean_text(data.get("objections"))}
    if step in ("approve", "reject") and case.publicity_to and on < case.publicity_to:
        raise ValidationError({"on": f"公示期至 {case.publicity_to.isoformat()} 结束，公示期满后才能审批"})
    if step == "approve":
        row["amount_fen"] = require_money(amount_fen, "amount_fen", "核定金额")
    if step == "disburse":
        amount = require_money(amount_fen, "amount_fen", "发放金额")
        if not options.is_option("fund_source", fund_source):
            raise ValidationError({"fund_source": "请选择资金来源"})
        if case.paid_fen + amount > (case.approved_fen or 0):
            raise ValidationError({"amount_fen": f"发放总额不能超过核定金额 {yuan(case.approved_fen)}"
                                                 f"（已发放 {yuan(case.paid_fen)}）"})
        row["amount_fen"], row["fund_source"] = amount, fund_source
    with writing(actor) as w:
        w.create(AidEvent, row)
        refresh_aid(case.id)
        w.changes.updated.append(("aid_case", case.id))
    return w.changes


def approve(case_id: str, amount_fen: int, *, on: dt.date, note: str | None = None, actor: Actor,
            today: dt.date | None = None) -> OpChanges:
    return aid_step(case_id, "approve", on=on, amount_fen=amount_fen, note=note, actor=actor, today=today)


def disburse(case_id: str, amount_fen: int, fund_source: str, *, on: dt.date, note: str | None = None,
             actor: Actor, today: dt.date | None = None) -> OpChanges:
    return aid_step(case_id, "disburse", on=on, amount_fen=amount_fen, fund_source=fund_source, note=note,
                    actor=actor, today=today)


def withdraw(case_id: str, reason: str, *, on: dt.date, actor: Actor, today: dt.date | None = None) -> OpChanges:
    return aid_step(case_id, "withdraw", on=on, note=reason, actor=actor, today=today)


# --- documents checklist -------------------------------------------------------------------------

def add_document(case_id: str, document: str, *, on: dt.date, attachment: str | None = None,
                 note: str | None = None, actor: Actor, today: dt.date | None = None) -> tuple[AidDocument, OpChanges]:
    case = get_case(case_id)
    if case.status in AID.final:
        raise ValidationError({"document": f"案件已{AID.state_label(case.status)}，不能再补充材料"})
    if not options.is_option("aid_document", document):
        raise ValidationError({"document": "请选择材料名称"})
    if attachment is not None and not (isinstance(attachment, str) and len(attachment) == 64):
        raise ValidationError({"attachment": "附件须先存入附件库"})
    check_event_date(on, after=None, today=today, field_name="received_on", what="收到日期")
    with writing(actor) as w:
        doc = w.create(AidDocument, {"case": case.id, "document": document, "attachment": attachment,
                                     "received_on": on, "note": clean_text(note)})
    return doc, w.changes


def remove_document(document_id: str, reason: str, *, actor: Actor) -> OpChanges:
    doc = AidDocument.live().where(AidDocument.id == document_id).first()
    if doc is None:
        raise NotFound("未找到该材料。", record_id=document_id)
    with writing(actor) as w:
        w.tombstone(doc, require_text(reason, "deleted_reason", "移除材料请写明原因"))
    return w.changes


def checklist(case_id: str) -> list[dict]:
    """Each document of the checklist: code, label, required, present, and the received items."""
    received: dict[str, list[AidDocument]] = {}
    for doc in AidDocument.live().where(AidDocument.case == case_id).order_by(AidDocument.received_on,
                                                                                 AidDocument.id):
        received.setdefault(doc.document, []).append(doc)
    out = []
    for item in options.items("aid_document", include_inactive=True):
        docs = received.get(item.code, [])
        if not item.active and not docs:
            continue
        out.append({"code": item.code, "label": item.label, "required": bool(item.extra.get("required")),
                    "present": bool(docs), "documents": docs})
    return out


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and value:
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            return None
    return None
