"""Lists of casework records for screens, exports and the CLI: filter, count, page, and show one.

    q = CaseQuery(kind="aid", status="publicized", date_from=date(2026, 1, 1))
    total = count_cases(q); rows = list_cases(q, offset=0, limit=100)
    list_cases(q, order="person", descending=False)   # any key of ORDERS[q.kind]; unknown → "date"
    kind, record = find_record(record_id)       # any casework record by id (or dispute number)
    case_detail(record_id)                      # JSON-ready dict with steps, events and legal steps

Kinds: service, visit, card, aid, dispute, employment. `status` is the workflow state (for service:
the 代办 state). Rows are plain dicts with the same keys for every kind (id, kind, date, person_id,
person_name, status, status_label, category, category_label, summary) plus a few of their own.
Lists sort on the server (so every page follows one order) by a key of ORDERS[kind], then by id:
states in workflow order, categories in their vocabulary order, people by pinyin, empty values last.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import peewee

from models import options
from models.aid import AID, AID_FORMS, AidCase, aid_events, checklist
from models.base import to_json_value
from models.cards import APPLICATION_KINDS, CARD, CARD_TYPES, PreferentialCard, card_events
from models.disputes import (DISPUTE, RISKS, SATISFACTION, DisputeCase, deadline_colour, dispute_events,
                             parties)
from models.employment import KINDS as EMPLOYMENT_KINDS, EmploymentRecord, result_label
from models.errors import NotFound
from models.person import Person
from models.services import AGENCY, CHANNELS, ServiceRecord, service_events
from models.timeline import KIND_LABELS
from models.visits import MODES, Visit
from models.workflow import event_order

MODELS = {"service": ServiceRecord, "visit": Visit, "card": PreferentialCard, "aid": AidCase,
          "dispute": DisputeCase, "employment": EmploymentRecord}
DATE_FIELD = {"service": ServiceRecord.served_on, "visit": Visit.visited_on, "card": PreferentialCard.applied_on,
              "aid": AidCase.applied_on, "dispute": DisputeCase.registered_on, "employment": EmploymentRecord.on}
STATE_FIELD = {"service": ServiceRecord.agency_state, "card": PreferentialCard.status, "aid": AidCase.status,
               "dispute": DisputeCase.status}
CATEGORY_FIELD = {"service": ServiceRecord.category, "visit": Visit.visit_type, "card": PreferentialCard.card_type,
                  "aid": AidCase.hardship_type, "dispute": DisputeCase.dispute_type,
                  "employment": EmploymentRecord.kind}
WORKFLOWS = {"service": AGENCY, "card": CARD, "aid": AID, "dispute": DISPUTE}


@dataclass(frozen=True)
class CaseQuery:
    kind: str
    status: str | None = None
    category: str | None = None
    person_id: str | None = None
    station_code: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    staff: str | None = None  # service 经办人 / a visit's 走访人
    text: str | None = None  # person name (or pinyin), dispute number, content


def statuses(kind: str) -> dict[str, str]:
    """The states a list may filter on: code -> label (empty for kinds without a workflow)."""
    return dict(WORKFLOWS[kind].states) if kind in WORKFLOWS else {}


def categories(kind: str) -> dict[str, str]:
    if kind == "card":
        return dict(CARD_TYPES)
    if kind == "employment":
        return dict(EMPLOYMENT_KINDS)
    return options.labels({"service": "service_category", "visit": "visit_type", "aid": "hardship_type",
                           "dispute": "dispute_type"}[kind])


def _filtered(q: CaseQuery, select):
    if q.kind not in MODELS:
        raise ValueError(f"unknown kind {q.kind!r}")
    model = MODELS[q.kind]
    select = select.where(model.deleted_at.is_null())
    if q.status:
        if q.kind not in STATE_FIELD:
            raise ValueError(f"{q.kind} has no status")
        select = select.where(STATE_FIELD[q.kind] == q.status)
    if q.category:
        select = select.where(CATEGORY_FIELD[q.kind] == q.category)
    if q.person_id:
        select = select.where(model.person == q.person_id)
    if q.station_code:
        select = select.where(model.station_code == q.station_code)
    if q.date_from:
        select = select.where(DATE_FIELD[q.kind] >= q.date_from)
    if q.date_to:
        select = select.where(DATE_FIELD[q.kind] <= q.date_to)
    if q.staff:
        if q.kind == "service":
            select = select.where(ServiceRecord.handler == q.staff.strip())
        elif q.kind == "visit":
            select = select.where(peewee.fn.INSTR(Visit.staff, f'"{q.staff.strip()}"') > 0)
    text = (q.text or "").strip()
    if text:
        people = Person.name.contains(text)
        if text.isascii():
            people |= Person.search_pinyin.contains(text.lower()) | Person.search_initials.contains(text.lower())
        match = model.person.in_(Person.select(Person.id).where(people))
        if q.kind == "dispute":
            match |= DisputeCase.number.contains(text) | DisputeCase.claim.contains(text)
        if q.kind == "service":
            match |= ServiceRecord.content.contains(text)
        select = select.where(match)
    return select


def _base(q: CaseQuery, *columns):
    model = MODELS[q.kind]
    return model.select(*columns).join(Person, peewee.JOIN.LEFT_OUTER, on=(model.person == Person.id))


def count_cases(q: CaseQuery) -> int:
    model = MODELS[q.kind]
    return _filtered(q, model.select(peewee.fn.COUNT(model.id))).scalar()


# The sort keys of each list (what its columns may sort by). "date" is every list's default.
ORDERS: dict[str, tuple[str, ...]] = {
    "service": ("date", "person", "channel", "category", "handler", "status", "follow_up"),
    "visit": ("date", "person", "category", "mode", "money"),
    "card": ("date", "person", "category", "application", "status", "card_no", "issued_on"),
    "aid": ("date", "person", "category", "status", "requested", "approved", "paid"),
    "dispute": ("number", "date", "person", "category", "risk", "status", "deadline", "leader"),
    "employment": ("date", "person", "category", "organisation", "amount"),
}
_COLUMNS = {
    "service": {"handler": ServiceRecord.handler, "follow_up": ServiceRecord.follow_up_on},
    "visit": {"money": Visit.money_fen},
    "card": {"card_no": PreferentialCard.card_no, "issued_on": PreferentialCard.issued_on},
    "aid": {"requested": AidCase.requested_fen, "approved": AidCase.approved_fen, "paid": AidCase.paid_fen},
    "dispute": {"number": DisputeCase.number, "deadline": DisputeCase.deadline, "leader": DisputeCase.leader},
    "employment": {"organisation": EmploymentRecord.organisation, "amount": EmploymentRecord.amount_fen},
}

_RANKS = {"channel": (ServiceRecord.channel, CHANNELS), "mode": (Visit.mode, MODES),  # vocabulary order
          "application": (PreferentialCard.kind, APPLICATION_KINDS),
          "risk": (DisputeCase.risk, tuple(reversed(RISKS)))}  # low → high


def _ranked(field, codes) -> peewee.Node:
    """A code column sorted in the order of `codes` (a vocabulary or workflow), unknown codes after them."""
    codes = list(codes)
    return peewee.Case(field, [(code, i) for i, code in enumerate(codes)], len(codes))


def _order_by(kind: str, key: str, descending: bool) -> tuple:
    """ORDER BY for one list: the key (empty values last either way), then the id in the same direction."""
    model = MODELS[kind]
    if key not in ORDERS[kind] or key == "date":
        date = DATE_FIELD[kind]
        return (date.desc(), model.id.desc()) if descending else (date.asc(), model.id.asc())
    if key == "person":
        column = Person.search_pinyin
    elif key == "status":
        column = _ranked(STATE_FIELD[kind], WORKFLOWS[kind].states)
    elif key == "category":
        column = _ranked(CATEGORY_FIELD[kind], categories(kind))
    elif key in _RANKS:
        field, codes = _RANKS[key]
        column = _ranked(field, codes)
    else:
        column = _COLUMNS[kind][key]
    if descending:
        return (column.desc(nulls="LAST"), model.id.desc())
    return (column.asc(nulls="LAST"), model.id.asc())


def list_cases(q: CaseQuery, *, offset: int = 0, limit: int = 100, order: str = "date", descending: bool = True,
               today: dt.date | None = None) -> list[dict]:
    """One page in the order of `order` (a key of ORDERS[q.kind]; default newest first), ties by id."""
    model = MODELS[q.kind]
    order = _order_by(q.kind, order, descending)
    select = _filtered(q, _base(q, model, Person.name.alias("person_name")))
    cats = categories(q.kind)
    return [_row(q.kind, record, today, cats) for record in select.order_by(*order).offset(offset).limit(limit).objects()]


def _row(kind: str, r, today: dt.date | None = None, cats: dict | None = None) -> dict:
    cats = categories(kind) if cats is None else cats
    category = getattr(r, CATEGORY_FIELD[kind].name)
    state = getattr(r, STATE_FIELD[kind].name) if kind in STATE_FIELD else None
    row = {"id": r.id, "kind": kind, "date": getattr(r, DATE_FIELD[kind].name), "person_id": r.person_id,
           "person_name": getattr(r, "person_name", None) or "", "status": state,
           "status_label": WORKFLOWS[kind].state_label(state) if state else "",
           "category": category, "category_label": cats.get(category, category), "station_code": r.station_code}
    if kind == "service":
        row.update(summary=r.content, channel=CHANNELS.get(r.channel, r.channel), handler=r.handler,
                   follow_up_on=r.follow_up_on, followed_up_on=r.followed_up_on)
    elif kind == "visit":
        row.update(summary=r.content or "", staff=r.staff, mode=MODES.get(r.mode, r.mode), money_fen=r.money_fen,
                   goods=r.goods or "")
    elif kind == "card":
        row.update(summary=f"{APPLICATION_KINDS.get(r.kind, r.kind)}", card_no=r.card_no, issued_on=r.issued_on)
    elif kind == "aid":
        row.update(summary=r.description, requested_fen=r.requested_fen, approved_fen=r.approved_fen,
                   paid_fen=r.paid_fen)
    elif kind == "dispute":
        row.update(summary=r.claim, number=r.number, risk=RISKS.get(r.risk, r.risk), deadline=r.deadline,
                   outcome=r.outcome, colour=deadline_colour(r, today), leader=r.leader or "", handler=r.handler or "")
    elif kind == "employment":
        row.update(summary=r.title, organisation=r.organisation or "", result=result_label(r.kind, r.result),
                   amount_fen=r.amount_fen)
    return row


def find_record(record_id: str) -> tuple[str, object]:
    """(kind, record) for any live casework record id, or a dispute's number."""
    record_id = (record_id or "").strip()
    for kind, model in MODELS.items():
        found = model.live().where(model.id == record_id).first()
        if found is not None:
            return kind, found
    found = DisputeCase.live().where(DisputeCase.number == record_id).first()
    if found is not None:
        return "dispute", found
    raise NotFound(f"未找到编号为「{record_id}」的记录。", record_id=record_id)


EVENTS = {"service": service_events, "card": card_events, "aid": aid_events, "dispute": dispute_events}


def case_detail(record_id: str, *, today: dt.date | None = None) -> dict:
    """Everything about one record, JSON-ready: its fields, row summary, events in order, legal steps."""
    kind, record = find_record(record_id)
    record.person_name = record.person.name if record.person_id else ""
    detail = {"kind": kind, "kind_label": KIND_LABELS[kind], **_json(_row(kind, record, today)),
              "fields": {k: to_json_value(v) for k, v in record.state().items()
                         if k not in ("version", "origin")}}
    for name in type(record).derived_fields:
        detail["fields"][name] = to_json_value(getattr(record, name))
    if kind in EVENTS:
        flow = WORKFLOWS[kind]
        detail["events"] = [{"id": e.id, "step": e.step, "step_label": flow.step(e.step).label,
                             "on": e.on.isoformat(), "note": e.note, "by": e.by_name, "data": e.data,
                             **({"amount_fen": e.amount_fen, "fund_source": e.fund_source} if kind == "aid" else {})}
                            for e in sorted(EVENTS[kind](record.id), key=event_order)]
        state = getattr(record, STATE_FIELD[kind].name) or flow.initial
        if kind == "service" and not record.agency:
            steps = [AGENCY.step("follow_up")]
        else:
            steps = flow.legal_steps(state)
        detail["legal_steps"] = [{"code": s.code, "label": s.label} for s in steps]
    if kind == "aid":
        detail["aid_form_label"] = AID_FORMS.get(record.aid_form, record.aid_form)
        detail["checklist"] = [{"code": c["code"], "label": c["label"], "required": c["required"],
                                "present": c["present"],
                                "documents": [{"id": d.id, "attachment": d.attachment,
                                               "received_on": d.received_on.isoformat(), "note": d.note}
                                              for d in c["documents"]]} for c in checklist(record.id)]
    if kind == "dispute":
        detail["parties"] = [{"id": p.id, "name": p.name} for p in parties(record.id)]
        detail["satisfaction_labels"] = SATISFACTION
    return detail


def _json(row: dict) -> dict:
    return {k: to_json_value(v) for k, v in row.items()}
