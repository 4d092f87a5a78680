"""Casework for the demo station (used by `vetstation demo`): services, visits, preferential cards,
hardship aid, disputes and employment records for some of the persons already in the home, written
through the domain functions, so every rule holds and every event has its change-log row.

    counts = populate_casework(persons=200, seed=1, today=date.today(), actor=CLI_ACTOR)
    counts["aid_case"], counts["visit"] …

`persons` people (active, without casework yet, chosen by seed) get a believable history over the
last ~18 months up to `today`: cases cut off where their next step would fall after today stay open,
so the workbench has work due and overdue. Tiered persons (联系等级, set by the people generator:
重点 with key focus, 一般 for most others) get the routine contacts (常态化联系) a station keeps up —
most are current, some due within days, some overdue — up to ten per casework person (5 000 at
most; the rest of a very large demo stays overdue). Deterministic by seed (record ids and timestamps differ; contents do not).
Events are signed with the acting account and the names of the station's staff (demo.casework_texts).
"""
from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from typing import Callable

from demo import casework_texts as T
from models import aid, cards, disputes, employment, services, visits
from models.cards import ELIGIBLE
from models.db import db
from models.person import Person, PersonIdentity
from models.write import Actor

HISTORY_DAYS = 540  # about 18 months
MAX_CASEWORK_PERSONS = 2000
KEEP_UP_PER_PERSON = 10  # routine contacts written per casework person, at most …
MAX_KEEP_UP = 5000  # … and at most this many in all (keeps `demo --people 100000` quick)


def casework_persons(people: int) -> int:
    """How many persons `demo --people N` gives casework by default: a tenth, at most 2 000."""
    return min(people // 10, MAX_CASEWORK_PERSONS)


def populate_casework(*, persons: int, seed: int, today: dt.date, actor: Actor,
                      progress: Callable[[int, int], None] | None = None) -> dict:
    """Write casework for `persons` people of the open home; returns counts by kind of record."""
    writer = _Casework(random.Random(seed), today, actor)
    chosen = writer.choose(persons)
    for start in range(0, len(chosen), 50):
        with db.atomic():  # the domain calls nest as savepoints: one commit per 50 persons
            for n, person in enumerate(chosen[start:start + 50], start=start):
                writer.person(person, guaranteed=n < 3)
        if progress:
            progress(min(start + 50, len(chosen)), len(chosen))
    with db.atomic():
        writer.keep_up(limit=min(persons * KEEP_UP_PER_PERSON, MAX_KEEP_UP))
    return dict(sorted(writer.counts.items()))


class _Casework:
    def __init__(self, rng: random.Random, today: dt.date, actor: Actor):
        self.rng, self.today, self.actor = rng, today, actor
        self.start = today - dt.timedelta(days=HISTORY_DAYS)
        self.counts: Counter = Counter()
        self.identities: dict[str, set[str]] = {}

    # --- helpers -------------------------------------------------------------------------------
    def staff(self, name: str | None = None) -> Actor:
        """The acting account, signing with a staff member's name (the ledgers' 经办人)."""
        return Actor(self.actor.username, name or self.rng.choice(T.STAFF), self.actor.role)

    def day(self, lo: dt.date | None = None, hi: dt.date | None = None) -> dt.date:
        lo, hi = lo or self.start, hi or self.today
        return lo + dt.timedelta(days=self.rng.randint(0, max(0, (hi - lo).days)))

    def after(self, on: dt.date, lo: int, hi: int) -> dt.date | None:
        """The next step's date, or None when it would fall after today (the case waits there)."""
        nxt = on + dt.timedelta(days=self.rng.randint(lo, hi))
        return nxt if nxt <= self.today else None

    def pick(self, items):
        return self.rng.choice(items)

    # --- who ---------------------------------------------------------------------------------
    def choose(self, count: int) -> list[Person]:
        """Active persons without casework yet, in a content order (ids differ between runs)."""
        busy = set()
        for model in (services.ServiceRecord, visits.Visit, cards.PreferentialCard, aid.AidCase,
                      disputes.DisputeCase, employment.EmploymentRecord):
            busy |= {p for (p,) in model.select(model.person).where(model.person.is_null(False)).tuples()}
        people = [p for p in Person.live().where(Person.status == "active")
                  .order_by(Person.id_number, Person.name, Person.birth_date, Person.phone) if p.id not in busy]
        chosen = self.rng.sample(people, min(count, len(people)))
        for pid, category in (PersonIdentity.select(PersonIdentity.person, PersonIdentity.category)
                              .where(PersonIdentity.deleted_at.is_null()
                                     & PersonIdentity.person.in_([p.id for p in chosen])).tuples()):
            self.identities.setdefault(pid, set()).add(category)
        return chosen

    def person(self, p: Person, *, guaranteed: bool = False) -> None:
        r = self.rng.random
        if guaranteed:  # the first few persons carry one item of each kind due now, whatever the dice say
            self.follow_up_due_today(p)
        for _ in range(self.rng.choice([0, 1, 1, 2, 3])):
            self.service(p)
        for _ in range(self.rng.choice([0, 1, 1, 2])):
            self.visit(p)
        held = self.identities.get(p.id, set())
        card_type = "veteran" if held & ELIGIBLE["veteran"] else ("family" if held & ELIGIBLE["family"] else None)
        if card_type and (guaranteed or r() < 0.3):
            self.card(p, card_type, waiting=guaranteed)
        troubled = False
        if guaranteed or r() < 0.12:
            self.aid_case(p, stalled=guaranteed)
            troubled = True
        if guaranteed or r() < 0.08:
            self.dispute(p, late=guaranteed)
            troubled = True
        if troubled and r() < 0.5:  # in difficulty or in a dispute: a recent home visit
            self.visit(p, on=self.today - dt.timedelta(days=self.rng.randint(5, 45)), visit_type="hardship")
        if p.birth_date and (self.today - p.birth_date).days < 55 * 365 and r() < 0.3:
            self.employment(p)

    # --- 服务记录 --------------------------------------------------------------------------------
    def service(self, p: Person, *, on: dt.date | None = None, follow_on: dt.date | None = None) -> None:
        category = self.rng.choices(list(T.SERVICES), weights=[30, 18, 6, 8, 5, 3, 10, 6, 8])[0]
        on = on or self.day()
        follow_on = follow_on or (on + dt.timedelta(days=self.rng.randint(7, 30))
                                  if category in ("rights", "agency", "aid") or self.rng.random() < 0.1 else None)
        handler = self.pick(T.STAFF)
        record, _ = services.record_service({
            "served_on": on, "person": p.id, "channel": self.rng.choices(list(services.CHANNELS), [5, 3, 1, 1])[0],
            "category": category, "content": self.pick(T.SERVICES[category]),
            "result": self.pick(T.SERVICE_RESULTS[category]), "handler": handler,
            "needs_follow_up": follow_on is not None, "follow_up_on": follow_on}, actor=self.staff(handler),
            today=self.today)
        self.counts["service_record"] += 1
        if record.agency:
            path = self.rng.choices([["start", "complete"], ["complete"], ["start", "return"], ["return"], ["start"]],
                                    [50, 20, 8, 7, 15])[0]
            last = on
            for step in path:
                last = self.after(last, 1, 20)
                if last is None:
                    break
                note = self.pick(T.AGENCY_RETURNS) if step == "return" else self.pick(T.AGENCY_STEP_NOTES[step])
                services.agency_step(record.id, step, on=last, note=note, actor=self.staff(handler), today=self.today)
                self.counts["service_event"] += 1
        # a few recent follow-ups are still to do; older ones were all done
        recent = follow_on and (self.today - follow_on).days < 60
        if follow_on and follow_on <= self.today and (not recent or self.rng.random() < 0.85):
            when = min(self.today, follow_on + dt.timedelta(days=self.rng.randint(0, 4)))
            services.record_follow_up(record.id, on=when, note=self.pick(T.FOLLOW_UP_NOTES),
                                      actor=self.staff(handler), today=self.today)
            self.counts["service_event"] += 1

    def follow_up_due_today(self, p: Person) -> None:
        self.service(p, on=self.today - dt.timedelta(days=self.rng.randint(7, 14)), follow_on=self.today)

    # --- 走访慰问 --------------------------------------------------------------------------------
    def visit(self, p: Person, *, on: dt.date | None = None, visit_type: str | None = None) -> None:
        age = (self.today - p.birth_date).days // 365 if p.birth_date else 60
        kinds = ["festival", "hospital", "family_change", "hardship", "conflict", "honour", "birthday", "routine"]
        visit_type = visit_type or self.rng.choices(kinds, [30, 10, 3, 10, 3, 2, 6 if age >= 80 else 0, 30])[0]
        on = on or (self.festival_day() if visit_type == "festival" else self.day())
        if on is None:
            return
        fields = {"festival": self.festival_name(on), "disease": self.pick(T.DISEASES),
                  "hospital": self.pick(T.HOSPITALS), "age": age}
        money = {"festival": self.pick([30_000, 50_000, 50_000]), "hospital": self.pick([50_000, 100_000]),
                 "hardship": self.pick([30_000, 50_000, 80_000]), "family_change": 50_000,
                 "birthday": 20_000}.get(visit_type, 0)
        team = self.rng.sample(T.STAFF, self.rng.choice([1, 2, 2, 3]))
        if visit_type != "routine" and self.rng.random() < 0.4:
            team.append(self.pick(T.VILLAGE_CADRES))
        mode = "phone" if visit_type == "routine" and self.rng.random() < 0.5 else (
            "group" if visit_type == "festival" and self.rng.random() < 0.2 else "home")
        goods = T.VISIT_GOODS.get(visit_type)
        visits.record_visit({
            "person": p.id, "visited_on": on, "staff": team, "visit_type": visit_type, "mode": mode,
            "content": self.pick(T.VISITS[visit_type]).format(**fields),
            "requests": self.pick(T.VISIT_REQUESTS) if self.rng.random() < 0.25 else None,
            "money_fen": money if mode != "phone" else 0,
            "goods": self.pick(goods) if goods and mode != "phone" and self.rng.random() < 0.7 else None},
            actor=self.staff(team[0]), today=self.today)
        self.counts["visit"] += 1

    def festival_day(self) -> dt.date | None:
        """A day in the week before a festival within the history (None if none fits)."""
        days = []
        for year in range(self.start.year, self.today.year + 1):
            for _, month, mday in T.FESTIVALS:
                day = dt.date(year, month, mday)
                if self.start <= day <= self.today:
                    days.append(day)
        if not days:
            return None
        return self.pick(days) - dt.timedelta(days=self.rng.randint(0, 6))

    def festival_name(self, on: dt.date) -> str:
        return {1: "春节", 2: "春节", 7: "八一建军节", 8: "八一建军节", 9: "中秋、国庆"}.get(on.month, "节日")

    def keep_up(self, *, limit: int) -> None:
        """常态化联系 for tiered persons: most are current, some due within days, some overdue."""
        tiered = list(Person.select(Person.id, Person.name, Person.birth_date, Person.contact_tier)
                      .where(Person.deleted_at.is_null() & (Person.status == "active")
                             & Person.contact_tier.is_null(False))
                      .order_by(Person.id_number, Person.name, Person.birth_date, Person.phone))
        for p in self.rng.sample(tiered, min(limit, len(tiered))):
            cadence = visits.cadence_days(p.contact_tier)
            if not cadence:
                continue
            roll = self.rng.random()
            if roll < 0.91:
                ago = self.rng.randint(1, cadence - 4)  # current
            elif roll < 0.95:
                ago = self.rng.randint(cadence - 3, cadence)  # due within the workbench's horizon
            else:
                ago = self.rng.randint(cadence + 1, cadence + 45)  # overdue
            self.visit(p, on=self.today - dt.timedelta(days=ago), visit_type="routine")

    # --- 优待证 ----------------------------------------------------------------------------------
    def card(self, p: Person, card_type: str, *, waiting: bool = False) -> None:
        # a card that must be waiting at the county: applied long enough ago to have got there
        on = self.today - dt.timedelta(days=self.rng.randint(150, 170)) if waiting else self.day()
        staff = self.staff()
        card, _ = cards.apply_card(p.id, card_type, on=on, actor=staff, today=self.today)
        self.counts["preferential_card"] += 1
        ending = "waiting" if waiting else self.rng.choices(
            ["issued", "rejected", "sent_back", "forgotten"], [78, 6, 12, 4])[0]

        def step(name: str, lo: int, hi: int, **kw) -> bool:
            nonlocal on
            nxt = self.after(on, lo, hi)
            if nxt is None:
                return False
            cards.card_step(card.id, name, on=nxt, actor=kw.pop("actor", staff), today=self.today, **kw)
            self.counts["card_event"] += 1
            on = nxt
            return True

        if ending == "rejected":
            step("reject", 0, 5, note=self.pick(T.CARD_REJECTS))
            return
        if not step("submit", 1, 7):
            return
        if ending == "sent_back":
            if not step("send_back", 5, 20, note=self.pick(T.CARD_SEND_BACKS)) or not step("submit", 3, 15):
                return
        for level in ("county", "city", "province"):
            if not step("review", 5, 20, data={"level": level}):
                return
        card_no = f"{p.station_code[:6]}{on.year}{self.rng.randint(0, 99_999_999):08d}"
        if not step("produce", 2, 10) or not step("receive", 20, 60, data={"card_no": card_no}):
            return
        if ending == "waiting" or (ending == "forgotten" and (self.today - on).days < 45):
            return  # signed for at the county: on the workbench until handed out
        relation, who = self.pick(T.GUARDIANS)
        collected = {"collected_by": p.name} if self.rng.random() < 0.8 else {
            "collected_by": f"{who}（代领）", "guardian_relation": relation}
        step("issue", 1, 20, data=collected, actor=self.staff())

    # --- 困难帮扶 --------------------------------------------------------------------------------
    def aid_case(self, p: Person, *, stalled: bool = False) -> None:
        kind = self.rng.choices(list(T.AID_STORIES), [40, 12, 12, 8, 10, 18])[0]
        on = self.today - dt.timedelta(days=self.rng.randint(9, 12)) if stalled else self.day()
        requested = self.rng.randint(4, 40) * 50_000  # 2 000 – 20 000 元, in steps of 500 元
        story = self.pick(T.AID_STORIES[kind]).format(disease=self.pick(T.DISEASES), level=self.rng.randint(5, 10),
                                                      cost=self.rng.randint(8, 60) * 1000)
        staff = self.staff()
        case, _ = aid.open_case({"person": p.id, "hardship_type": kind, "description": story,
                                 "family_income_fen": self.rng.randint(150, 600) * 10_000,
                                 "family_size": self.rng.randint(1, 6), "requested_fen": requested,
                                 "aid_form": "cash" if self.rng.random() < 0.9 else "goods", "applied_on": on},
                                actor=staff, today=self.today)
        self.counts["aid_case"] += 1
        documents = ["application", "id_card", "household"]
        documents += {"illness": ["diagnosis"], "old_wound": ["diagnosis"], "disability": ["other"]}.get(kind, [])
        documents += ["income"] if self.rng.random() < 0.5 else []
        for document in documents:
            aid.add_document(case.id, document, on=on, actor=staff, today=self.today)
            self.counts["aid_document"] += 1
        if stalled:
            return  # applied ten days ago, not yet verified: overdue on the workbench
        # old cases have ended; recent ones are open wherever their next step falls after today
        ending = self.rng.choices(["closed", "rejected", "withdrawn"], [82, 10, 8])[0]
        last = on

        def step(name: str, lo: int, hi: int, *, by: Actor | None = None, **kw) -> bool:
            nonlocal last
            nxt = self.after(last, lo, hi)
            if nxt is None:
                return False
            if ending == "withdrawn" and name != "withdraw" and self.rng.random() < 0.3:
                aid.withdraw(case.id, self.pick(T.AID_WITHDRAW), on=nxt, actor=staff, today=self.today)
                self.counts["aid_event"] += 1
                return False
            if callable(kw.get("data")):
                kw["data"] = kw["data"](nxt)
            aid.aid_step(case.id, name, on=nxt, actor=by or staff, today=self.today, **kw)
            self.counts["aid_event"] += 1
            last = nxt
            return True

        if not (step("verify", 2, 9, note=self.pick(T.AID_VERIFY))
                and step("station_approve", 1, 6, note=self.pick(T.AID_STATION))):
            return
        if not step("publicize", 1, 3, data=lambda on: {"from": on, "to": on + dt.timedelta(days=6),
                                                        "objections": "无异议"}, note="在嘎查村务公开栏公示"):
            return
        decided = self.after(last + dt.timedelta(days=6), 1, 12)  # after the 7 days of 公示
        if decided is None:
            return
        bureau, last = self.staff(T.BUREAU_DECIDER), decided
        if ending == "rejected":
            aid.aid_step(case.id, "reject", on=decided, note=self.pick(T.AID_REJECT), actor=bureau, today=self.today)
            self.counts["aid_event"] += 1
            step("close", 3, 20, note=self.pick(T.AID_CLOSE))
            return
        approved = max(100_000, requested * self.rng.randint(60, 100) // 100 // 10_000 * 10_000)
        aid.approve(case.id, approved, on=decided, note=self.pick(T.AID_APPROVE), actor=bureau, today=self.today)
        self.counts["aid_event"] += 1
        shares = [approved] if self.rng.random() < 0.7 else [approved * 6 // 10 // 100 * 100,
                                                              approved - approved * 6 // 10 // 100 * 100]
        for share in shares:
            source = self.rng.choices(["aid_fund", "donation", "other"], [80, 15, 5])[0]
            if not step("disburse", 5, 25, amount_fen=share, fund_source=source, note="通过社保卡发放"):
                return
        step("follow_up", 10, 40, note=self.pick(T.AID_FOLLOW)) and step("close", 2, 15, note=self.pick(T.AID_CLOSE))

    # --- 矛盾纠纷 --------------------------------------------------------------------------------
    def dispute(self, p: Person, *, late: bool = False) -> None:
        kind = self.rng.choice(list(T.DISPUTES))
        on = self.today - dt.timedelta(days=self.rng.randint(25, 35)) if late else self.day()
        leader, leader_phone = self.pick(T.LEADERS)
        handler = self.pick(T.STAFF)
        case, _ = disputes.register_dispute({
            "persons": [p.id], "source": self.rng.choices(["screening", "visit", "call", "letter", "online",
                                                           "assigned", "hotline"], [30, 30, 12, 3, 5, 10, 10])[0],
            "dispute_type": kind, "claim": T.DISPUTES[kind],
            "outsiders": self.pick(T.DISPUTE_OUTSIDERS[kind]) if kind in T.DISPUTE_OUTSIDERS else None,
            "risk": self.rng.choices(["low", "medium", "high"], [60, 30, 10])[0], "repeat": self.rng.random() < 0.15,
            "leader": leader, "leader_phone": leader_phone, "handler": handler,
            "handler_phone": T.STAFF_PHONES[handler], "registered_on": on,
            "deadline": on + dt.timedelta(days=20 if late else self.pick([15, 30, 30, 60]))},
            actor=self.staff(handler), today=self.today)
        self.counts["dispute_case"] += 1
        staff = self.staff(handler)
        last = on

        def step(name: str, lo: int, hi: int, **kw) -> bool:
            nonlocal last
            nxt = self.after(last, lo, hi)
            if nxt is None:
                return False
            disputes.dispute_step(case.id, name, on=nxt, actor=staff, today=self.today, **kw)
            self.counts["dispute_event"] += 1
            last = nxt
            return True

        for _ in range(1 if late else self.rng.choice([1, 1, 2, 3])):
            what, result = self.pick(T.MEDIATIONS)
            if not step("mediate", 2, 12, note=what, data={"who": f"{handler}、{leader.split()[-1]}", "result": result}):
                return
        if late:
            return  # still being mediated, past its 办结期限
        ending = self.rng.choices(["resolve", "contain", "escalate", "suspend", None], [60, 15, 8, 4, 13])[0]
        if ending is None and (self.today - on).days > 90:
            ending = "resolve"  # long-running mediation only for recent cases
        if ending is None:
            return
        note = {"resolve": "双方签订调解协议，矛盾化解", "contain": "诉求暂无法解决，落实稳控措施",
                "escalate": "超出镇级处理权限，按程序上报", "suspend": self.pick(T.DISPUTE_SUSPEND)}[ending]
        data = {"to": self.pick(T.DISPUTE_ESCALATIONS)} if ending == "escalate" else None
        if not step(ending, 2, 15, note=note, data=data):
            return
        if ending == "contain" and self.rng.random() < 0.7:
            step("monitor", 20, 40, note=self.pick(T.DISPUTE_MONITORING), data={"result": "情绪稳定"})
        if ending in ("resolve", "contain") and self.rng.random() < 0.7:
            satisfaction = self.rng.choices(list(disputes.SATISFACTION), [35, 45, 15, 4, 1])[0]
            step("follow_up", 7, 30, note="电话回访当事人", data={"satisfaction": satisfaction})

    # --- 就业创业 --------------------------------------------------------------------------------
    def employment(self, p: Person) -> None:
        kind = self.rng.choices(list(T.EMPLOYMENT), [50, 35, 15])[0]
        organisation, title = self.pick(T.EMPLOYMENT[kind])
        on = self.day()
        recent = (self.today - on).days < 30
        result = {"referral": "pending" if recent else self.rng.choice(["hired", "hired", "not_hired"]),
                  "training": "attending" if recent else self.rng.choice(["completed", "certified", "certified",
                                                                          "dropped"]),
                  "entrepreneurship": "applied" if recent else self.rng.choice(["granted", "granted", "refused"])}[kind]
        amount = None
        if kind == "entrepreneurship" and result == "granted":
            amount = 10_000_000 if "贷款" in title else 500_000
        employment.add_employment({"person": p.id, "kind": kind, "on": on, "organisation": organisation,
                                   "title": title, "result": result, "amount_fen": amount},
                                  actor=self.staff(), today=self.today)
        self.counts["employment_record"] += 1
