"""就业创业 (DOMAIN.md §1, §7 就业创业扶持): job referrals, training attended and entrepreneurship
support, per person. The person's own 就业状态/求职意向/技能 stay on the Person row (registry).

    record, changes = add_employment({"person": pid, "kind": "referral", "on": d,
                                      "organisation": "乌审旗某公司", "title": "保安", "result": "hired"},
                                     actor=actor)
    employment_of(pid)

Each record is an event: never edited; a mistake is deleted with a reason.
"""
from __future__ import annotations

import datetime as dt

import peewee

from models.base import SyncedModel
from models.errors import NotFound, ValidationError
from models.person import Person
from models.workflow import clean_text, require_text
from models.write import Actor, OpChanges, writing

KINDS = {"referral": "岗位推荐", "training": "技能培训", "entrepreneurship": "创业扶持"}
RESULTS = {
    "referral": {"pending": "待反馈", "hired": "已录用", "not_hired": "未录用"},
    "training": {"attending": "培训中", "completed": "已结业", "certified": "取得证书", "dropped": "未完成"},
    "entrepreneurship": {"applied": "已申请", "granted": "已扶持", "refused": "未获扶持"},
}
TITLE_LABELS = {"referral": "推荐岗位", "training": "培训项目", "entrepreneurship": "创业项目"}


class EmploymentRecord(SyncedModel):
    station_code = peewee.TextField(null=True, index=True)
    person = peewee.ForeignKeyField(Person, backref="employment_records", on_delete="RESTRICT", index=True)
    kind = peewee.TextField(index=True)
    on = peewee.DateField(index=True)
    organisation = peewee.TextField(null=True)  # employer / training body / lender
    title = peewee.TextField()  # post / course / project
    result = peewee.TextField(null=True)
    amount_fen = peewee.IntegerField(null=True)  # subsidy, loan, support money
    note = peewee.TextField(null=True)


def add_employment(values: dict, *, actor: Actor, today: dt.date | None = None) -> tuple[EmploymentRecord, OpChanges]:
    today = today or dt.date.today()
    person = Person.live().where(Person.id == str(values.get("person") or "")).first()
    problems = {}
    if person is None:
        problems["person"] = "请选择服务对象"
    kind = values.get("kind")
    if kind not in KINDS:
        problems["kind"] = "请选择类别（岗位推荐、技能培训、创业扶持）"
    on = values.get("on") or today
    if not isinstance(on, dt.date) or on > today:
        problems["on"] = "日期应为不晚于今天的日期"
    title = clean_text(values.get("title"))
    if not title and kind in KINDS:
        problems["title"] = f"请填写{TITLE_LABELS[kind]}"
    result = values.get("result")
    if result is not None and kind in KINDS and result not in RESULTS[kind]:
        problems["result"] = "结果不在可选范围内"
    amount = values.get("amount_fen")
    if amount is not None and (not isinstance(amount, int) or isinstance(amount, bool) or amount < 0):
        problems["amount_fen"] = "金额应为不小于0的金额（单位：分）"
    if problems:
        raise ValidationError(problems)
    with writing(actor) as w:
        record = w.create(EmploymentRecord, {
            "station_code": person.station_code, "person": person.id, "kind": kind, "on": on,
            "organisation": clean_text(values.get("organisation")), "title": title, "result": result,
            "amount_fen": amount, "note": clean_text(values.get("note"))})
    return record, w.changes


def get_employment(record_id: str) -> EmploymentRecord:
    record = EmploymentRecord.live().where(EmploymentRecord.id == record_id).first()
    if record is None:
        raise NotFound(f"未找到就业创业记录（编号 {record_id}）。", record_id=record_id)
    return record


def employment_of(person_id: str, kind: str | None = None) -> list[EmploymentRecord]:
    query = EmploymentRecord.live().where(EmploymentRecord.person == person_id)
    if kind:
        query = query.where(EmploymentRecord.kind == kind)
    return list(query.order_by(EmploymentRecord.on.desc(), EmploymentRecord.id.desc()))


def delete_employment(record_id: str, reason: str, *, actor: Actor) -> OpChanges:
    record = get_employment(record_id)
    with writing(actor) as w:
        w.tombstone(record, require_text(reason, "deleted_reason", "删除请写明原因"))
    return w.changes


def result_label(kind: str, result: str | None) -> str:
    return RESULTS.get(kind, {}).get(result, result or "")
