"""Casework benchmark: the workbench and every casework list on county-scale data.

    python -m bench.bench_casework [--people 20000] [--events 200000] [--seed 1] [--rounds 5]

Builds (or reuses) bench/out/casework-P-E-sS: a copy of the generated people home (bench.common,
`vetstation demo`) plus about E casework rows (services, visits, cards, aid cases, disputes,
employment and their events) written through models.write (so every row has its change-log row)
in large transactions, then their cached states recomputed by the same replay the domain uses.
Times, with "today" fixed at the generation date: the workbench; each list's first page (count +
100 rows, no filter: "open"); and each list with a filter (status or category, "filter").
Budgets: workbench ≤ 300 ms, open ≤ 300 ms, filter ≤ 100 ms. Results: bench/out/casework.json.
"""
from __future__ import annotations

import datetime as dt
import json
import random
import shutil
import time

from bench.common import OUT, cached_home, county_arguments, load_average, machine, save, stats, timings

TODAY = dt.date(2026, 11, 20)
BUDGETS = {"workbench": 300, "open": 300, "filter": 100}


def build(people: int, events: int, seed: int, log=print):
    from models.db import open_database
    from models.home import Home

    folder = OUT / f"casework-{people}-{events}-s{seed}"
    marker = folder / "casework.json"
    if marker.exists():
        home = Home(folder)
        open_database(home)
        return home, json.loads(marker.read_text(encoding="utf-8"))
    base, _ = cached_home(people, seed, log=log)
    if folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True)
    shutil.copy2(base.database, folder / "vetstation.db")
    home = Home(folder)
    open_database(home)  # migrates the copy to the current schema
    started = time.perf_counter()
    counts = generate(events, seed, log=log)
    record = {"people": people, "events": events, "rows": counts, "seconds": round(time.perf_counter() - started, 1),
              "db_bytes": (folder / "vetstation.db").stat().st_size}
    marker.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    return home, record


def generate(target: int, seed: int, log=print) -> dict:
    """About `target` casework rows over the persons in the home, through the write path."""
    from models import aid, cards, disputes, services
    from models.aid import AidCase, AidDocument, AidEvent
    from models.cards import CardEvent, PreferentialCard
    from models.db import db
    from models.disputes import DisputeCase, DisputeEvent, DisputeParty
    from models.employment import EmploymentRecord
    from models.person import Person
    from models.services import ServiceEvent, ServiceRecord
    from models.visits import Visit
    from models.write import CLI_ACTOR, writing

    rng = random.Random(seed)
    persons = [(pid, st) for pid, st in Person.select(Person.id, Person.station_code)
               .where(Person.status == "active").tuples()]
    start = dt.date(2024, 1, 1)
    span = (TODAY - start).days

    def day(after: dt.date = start, within: int | None = None) -> dt.date:
        room = (TODAY - after).days
        return after + dt.timedelta(days=rng.randint(0, min(room, within) if within else room))

    # contact tiers for a fifth of the people, so the visit cadence has work to do
    with writing(CLI_ACTOR) as w:
        for pid, _ in rng.sample(persons, len(persons) // 5):
            w.update(Person.get_by_id(pid), {"contact_tier": rng.choice(["key", "regular", "regular"])})
    share = {"service": 0.30, "visit": 0.30, "card": 0.13, "aid": 0.09, "dispute": 0.05, "employment": 0.05,
             "service_event": 0.08}
    counts = {k: 0 for k in ("service_record", "service_event", "visit", "preferential_card", "card_event",
                             "aid_case", "aid_event", "aid_document", "dispute_case", "dispute_party",
                             "dispute_event", "employment_record")}
    total = 0
    cases: dict[str, list[str]] = {"card": [], "aid": [], "dispute": []}
    staff = ["张站长", "李明", "王芳", "赵强", "其木格"]
    serial = 0
    while total < target:
        with writing(CLI_ACTOR) as w:
            for _ in range(2000):
                pid, station = rng.choice(persons)
                kind = rng.choices(list(share), weights=list(share.values()))[0]
                if kind in ("service", "service_event"):
                    on = day()
                    agency = rng.random() < 0.2
                    follow = rng.random() < 0.1
                    rec = w.create(ServiceRecord, {
                        "station_code": station, "served_on": on, "person": pid if rng.random() < 0.9 else None,
                        "channel": rng.choice(list(services.CHANNELS)),
                        "category": "agency" if agency else rng.choice(["policy", "rights", "employment", "other"]),
                        "content": rng.choice(["咨询优待政策", "反映医疗报销", "代办优待证", "咨询退役金"]),
                        "result": "已答复", "handler": rng.choice(staff), "agency": agency,
                        "needs_follow_up": follow, "follow_up_on": on + dt.timedelta(days=14) if follow else None})
                    counts["service_record"] += 1
                    total += 1
                    if agency:
                        for step in rng.choice([[], ["start"], ["start", "complete"], ["return"]]):
                            on = day(on, 10)
                            w.create(ServiceEvent, {"service": rec.id, "step": step, "on": on,
                                                    "note": "材料不全" if step == "return" else None, "data": {}})
                            counts["service_event"] += 1
                            total += 1
                elif kind == "visit":
                    w.create(Visit, {"station_code": station, "person": pid, "visited_on": day(),
                                     "staff": rng.sample(staff, rng.randint(1, 3)),
                                     "visit_type": rng.choice(["festival", "routine", "hospital", "hardship"]),
                                     "mode": rng.choice(["home", "phone", "group"]), "content": "走访慰问",
                                     "money_fen": rng.choice([0, 20_000, 50_000]), "goods": None, "photos": []})
                    counts["visit"] += 1
                    total += 1
                elif kind == "card":
                    on = day()
                    card = w.create(PreferentialCard, {"station_code": station, "person": pid,
                                                       "card_type": "veteran", "kind": "new", "replaces": None,
                                                       "applied_on": on})
                    cases["card"].append(card.id)
                    path = rng.choice([["submit"], ["submit", "produce"], ["submit", "produce", "receive"],
                                       ["submit", "produce", "receive", "issue"], ["reject"]])
                    for step in path:
                        on = day(on, 30)
                        data = {"collected_by": "本人"} if step == "issue" else {}
                        w.create(CardEvent, {"card": card.id, "step": step, "on": on, "data": data,
                                             "note": "不符合条件" if step == "reject" else None})
                    counts["preferential_card"] += 1
                    counts["card_event"] += len(path)
                    total += 1 + len(path)
                elif kind == "aid":
                    on = day()
                    case = w.create(AidCase, {"station_code": station, "person": pid, "hardship_type": "illness",
                                              "description": "因病致困", "requested_fen": rng.randint(1, 50) * 10_000,
                                              "aid_form": "cash", "applied_on": on})
                    cases["aid"].append(case.id)
                    for doc in ("application", "id_card", "household"):
                        w.create(AidDocument, {"case": case.id, "document": doc, "received_on": on})
                    path = list(aid.AID.steps)[:rng.randint(0, 8)]
                    path = [s for s in path if s not in ("reject", "withdraw")]
                    for step in path:
                        on = day(on, 15)
                        row = {"case": case.id, "step": step, "on": on, "data": {}}
                        if step == "publicize":
                            row["data"] = {"from": on.isoformat(), "to": on.isoformat()}
                        if step in ("approve", "disburse"):
                            row.update(amount_fen=50_000, fund_source="aid_fund" if step == "disburse" else None)
                        w.create(AidEvent, row)
                    counts["aid_case"] += 1
                    counts["aid_document"] += 3
                    counts["aid_event"] += len(path)
                    total += 4 + len(path)
                elif kind == "dispute":
                    on = day()
                    serial += 1
                    case = w.create(DisputeCase, {
                        "number": f"{station}-{on.year}-{serial:05d}", "station_code": station, "person": pid,
                        "source": "screening", "dispute_type": rng.choice(["housing", "family", "policy"]),
                        "claim": "诉求", "risk": rng.choice(list(disputes.RISKS)), "registered_on": on,
                        "deadline": on + dt.timedelta(days=rng.choice([15, 30, 60]))})
                    cases["dispute"].append(case.id)
                    w.create(DisputeParty, {"case": case.id, "person": pid})
                    path = rng.choice([[], ["mediate"], ["mediate", "mediate", "resolve"], ["mediate", "contain"],
                                       ["escalate"], ["mediate", "resolve", "follow_up"]])
                    for step in path:
                        on = day(on, 20)
                        w.create(DisputeEvent, {"case": case.id, "step": step, "on": on, "note": "调处",
                                                "data": {"satisfaction": "satisfied"} if step == "follow_up" else {}})
                    counts["dispute_case"] += 1
                    counts["dispute_party"] += 1
                    counts["dispute_event"] += len(path)
                    total += 2 + len(path)
                else:
                    w.create(EmploymentRecord, {"station_code": station, "person": pid, "kind": "training",
                                                "on": day(), "title": "技能培训"})
                    counts["employment_record"] += 1
                    total += 1
        log(f"  {total} casework rows …")
    log("  recomputing cached states from the events …")
    with db.atomic():
        for card_id in cases["card"]:
            cards.refresh_card(card_id)
        for case_id in cases["aid"]:
            aid.refresh_aid(case_id)
        for case_id in cases["dispute"]:
            disputes.refresh_dispute(case_id)
        for (sid,) in ServiceRecord.select(ServiceRecord.id).where(ServiceRecord.agency == True).tuples():  # noqa: E712
            services.refresh_service(sid)
    db.execute_sql("ANALYZE")
    return counts


def timed(fn, rounds: int) -> dict:
    """Wall-clock statistics, plus this process's CPU time (p50): the fairer figure on a busy machine."""
    samples, cpu = timings(fn, rounds)
    return {**stats(samples), "cpu_p50": stats(cpu)["p50"]}


def measure(rounds: int) -> dict:
    from models.cases_query import CaseQuery, count_cases, list_cases
    from models.workbench import workbench

    def page(q):
        return lambda: (count_cases(q), list_cases(q, limit=100, today=TODAY))

    results = {"workbench": timed(lambda: workbench(TODAY), rounds),
               "workbench_items": len(workbench(TODAY))}
    filters = {"service": CaseQuery(kind="service", category="agency"),
               "visit": CaseQuery(kind="visit", category="hospital"),
               "card": CaseQuery(kind="card", status="received"),
               "aid": CaseQuery(kind="aid", status="publicized"),
               "dispute": CaseQuery(kind="dispute", status="mediating"),
               "employment": CaseQuery(kind="employment", date_from=dt.date(2026, 1, 1))}
    for kind, filtered in filters.items():
        results[f"open_{kind}"] = timed(page(CaseQuery(kind=kind)), rounds)
        results[f"filter_{kind}"] = timed(page(filtered), rounds)
        results[f"text_{kind}"] = timed(page(CaseQuery(kind=kind, text="王")), rounds)
    return results


def main(argv=None) -> None:
    args = county_arguments(__doc__).parse_args(argv)
    home, record = build(args.people, args.events, args.seed)
    measure(1)  # warm the page cache as a user's second click would find it
    results = measure(args.rounds)
    verdicts = {}
    for name, value in results.items():
        if not isinstance(value, dict):
            continue
        budget = BUDGETS["workbench"] if name == "workbench" else BUDGETS["filter" if name.startswith(("filter", "text")) else "open"]
        verdicts[name] = {"p50": value["p50"], "max": value["max"], "cpu_p50": value["cpu_p50"], "budget": budget,
                          "ok": value["max"] <= budget}
    for name, v in verdicts.items():
        print(f"{name:22s} p50 {v['p50']:8.1f} ms  max {v['max']:8.1f} ms  cpu {v['cpu_p50']:7.1f} ms  "
              f"budget {v['budget']} ms  {'ok' if v['ok'] else 'OVER'}")
    load = load_average()
    print(f"workbench items: {results['workbench_items']}; load average during the run: {load}")
    save("casework", {"machine": machine(), "load_average": load, "generation": record, "results": results,
                      "verdicts": verdicts})


if __name__ == "__main__":
    main()
