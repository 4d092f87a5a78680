"""A station's October 2026 with known numbers, for the casework ledgers and the period packs.

    people = october(actor)      # {"wang": Person, "li": Person, "zhang": Person}

October 2026 (all dates in the past, so the domain's 'not in the future' rule holds):
- 困难帮扶: 王建国 applies 10-08 for 5 000.00 元, approved 10-20 at 3 000.00, paid 2 000.00 on 10-25
  (and 1 000.00 more on 11-05); 李卫东 applies 10-12 for 1 234.56 and withdraws 10-15.
  → October: 核定 3 000.00 (1 case), 发放 2 000.00; ledger totals 6 234.56 / 3 000.00 / 2 000.00.
- 矛盾纠纷: D1 resolved 10-10, D2 escalated 10-20, D3 open (deadline 10-20, overdue at month's end).
  → 化解在当地率 1 / 2 = 50.0%.
- 走访: 王建国 (重点, 30 days) visited 10-15; 李卫东 (一般, 90 days) due, not visited → 应访 2, 已访 1.
- 服务记录: two in October (one 代办 item, done 10-16) and an anonymous walk-in.
- 优待证: 王建国 accepted 10-09 … handed out 10-22, collected by himself.
"""
from __future__ import annotations

import datetime as dt

from models.aid import add_document, aid_step, open_case
from models.cards import apply_card, card_step
from models.disputes import dispute_step, register_dispute
from models.person import Person
from models.services import agency_step, record_service
from models.visits import record_visit
from tests.ledgers.conftest import add_person

OCT = dt.date(2026, 10, 1)


def d(month: int, day: int) -> dt.date:
    return dt.date(2026, month, day)


def october(actor) -> dict:
    wang = add_person(actor, "王建国", 1, contact_tier="key")
    li = add_person(actor, "李卫东", 2, contact_tier="regular")
    zhang = add_person(actor, "张老汉", 3)
    Person.update(filed_on=dt.date(2020, 1, 1)).execute()

    case, _ = open_case({"person": wang.id, "hardship_type": "illness", "requested_fen": 500000,
                         "applied_on": d(10, 8), "description": "住院治疗，家庭困难"}, actor=actor)
    for doc in ("application", "id_card", "household"):
        add_document(case.id, doc, on=d(10, 8), actor=actor)
    aid_step(case.id, "verify", on=d(10, 9), note="入户核实属实", actor=actor)
    aid_step(case.id, "station_approve", on=d(10, 10), actor=actor)
    aid_step(case.id, "publicize", on=d(10, 11), data={"from": d(10, 11), "to": d(10, 17)}, actor=actor)
    aid_step(case.id, "approve", on=d(10, 20), amount_fen=300000, actor=actor)
    aid_step(case.id, "disburse", on=d(10, 25), amount_fen=200000, fund_source="aid_fund", actor=actor)
    aid_step(case.id, "disburse", on=d(11, 5), amount_fen=100000, fund_source="aid_fund", actor=actor)
    other, _ = open_case({"person": li.id, "hardship_type": "job", "requested_fen": 123456,
                          "applied_on": d(10, 12), "description": "失业"}, actor=actor)
    aid_step(other.id, "withdraw", on=d(10, 15), note="已找到工作", actor=actor)

    base = {"source": "visit", "dispute_type": "housing", "claim": "宅基地边界争议", "leader": "王副镇长",
            "leader_phone": "13800000001", "handler": "李明", "handler_phone": "13800000002"}
    d1, _ = register_dispute({**base, "persons": [wang.id], "registered_on": d(10, 3)}, actor=actor)
    dispute_step(d1.id, "mediate", on=d(10, 5), note="约谈双方", data={"result": "初步达成一致"}, actor=actor)
    dispute_step(d1.id, "resolve", on=d(10, 10), actor=actor)
    d2, _ = register_dispute({**base, "persons": [li.id], "registered_on": d(10, 4), "dispute_type": "policy",
                              "claim": "要求落实优抚待遇"}, actor=actor)
    dispute_step(d2.id, "escalate", on=d(10, 20), data={"to": "旗信访局"}, actor=actor)
    d3, _ = register_dispute({**base, "persons": [zhang.id], "registered_on": d(10, 6), "deadline": d(10, 20),
                              "risk": "high", "claim": "与邻居因排水沟发生纠纷"}, actor=actor)
    dispute_step(d3.id, "mediate", on=d(10, 15), note="现场查看排水沟", data={"result": "双方分歧较大"}, actor=actor)

    record_visit({"person": wang.id, "visited_on": d(10, 15), "visit_type": "festival", "money_fen": 50000,
                  "staff": ["张站长"]}, actor=actor)
    service, _ = record_service({"person": wang.id, "served_on": d(10, 9), "channel": "visit", "category": "agency",
                                 "content": "代办优待证申请", "handler": "李明"}, actor=actor)
    agency_step(service.id, "complete", on=d(10, 16), actor=actor)
    record_service({"served_on": d(10, 12), "channel": "call", "category": "policy", "content": "咨询优抚政策",
                    "result": "已解答", "handler": "李明"}, actor=actor)

    card, _ = apply_card(wang.id, "veteran", on=d(10, 9), actor=actor)
    card_step(card.id, "submit", on=d(10, 10), actor=actor)
    card_step(card.id, "produce", on=d(10, 12), actor=actor)
    card_step(card.id, "receive", on=d(10, 20), data={"card_no": "NM0001"}, actor=actor)
    card_step(card.id, "issue", on=d(10, 22), data={"collected_by": "王建国"}, actor=actor)
    return {"wang": wang, "li": li, "zhang": zhang, "aid": case, "card": card, "disputes": (d1, d2, d3)}
