"""Applying incoming changes to the database: append them to the change log (keeping their origin,
seq and change_id), recompute each touched record from the set of changes held (sync.merge), hold
records whose parent has not arrived, and keep the conflict and duplicate queues in step.

    applier = Applier(report, sender_kind="station", sender_origin=…, bureau_origin=…)
    applier.add(lines_of_one_part)     # call once per part, inside the import's transaction
    applier.finish()

Never stamps a new version: the rows written are functions of the changes held.
"""
from __future__ import annotations

import json
import re
import types

import peewee

from models.changelog import OPERATIONS, Change
from models.conflicts import Conflict, DuplicateCandidate
from models.db import db
from models.fields import JSONField, utc_now
from models.held import HeldRecord
from models.peers import observe_clock
from models.base import SyncedModel
from models.synced import foreign_keys, is_bureau_owned, ordered_models, synced_tables
from sync.merge import Ch, content_fields, merge_record
from sync.report import Report

CHUNK = 500
HLC = re.compile(r"^\d{16}\.\d{5}$")
CHANGE_KEYS = ("change_id", "origin", "seq", "table", "record_id", "op", "state", "changed", "base", "author",
               "at", "hlc")


def _dumps(value) -> str:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


def _chunks(items: list, size: int = CHUNK):
    for i in range(0, len(items), size):
        yield items[i:i + size]


class TableWriter:
    """Upserts whole rows of one synced table with one prepared statement (portable SQL via peewee)."""

    def __init__(self, model: type[SyncedModel]):
        self.model = model
        self.fields = list(model._meta.sorted_fields)
        self.content = content_fields(model)
        self.json_fields = {f.name for f in self.fields if isinstance(f, JSONField)}
        self.derives = model.derive is not SyncedModel.derive
        query = model.insert({f: None for f in self.fields}).on_conflict(
            conflict_target=[model._meta.primary_key], preserve=[f for f in self.fields if f.name != "id"])
        self.sql, _ = query.sql()

    def row(self, state: dict) -> tuple:
        if self.derives:
            ns = types.SimpleNamespace(**{f.name: state.get(f.name) for f in self.fields})
            self.model.derive(ns)
            state = {**state, **{n: getattr(ns, n) for n in self.model.derived_fields}}
        out = []
        for f in self.fields:
            value = state.get(f.name)
            if value is None and f.name not in state and f.default is not None:
                value = f.default() if callable(f.default) else f.default
            if f.name in self.json_fields and value is not None:
                value = _dumps(value)
            out.append(value)
        return tuple(out)

    def write(self, states: list[dict]) -> None:
        if states:
            db.cursor().executemany(self.sql, [self.row(s) for s in states])


class Applier:
    def __init__(self, report: Report, *, sender_kind: str, sender_origin: str, bureau_origin: str | None):
        self.report = report
        self.sender_kind = sender_kind
        self.sender_origin = sender_origin
        self.bureau_origin = bureau_origin
        self.tables = synced_tables()
        self.order = {m._meta.table_name: i for i, m in enumerate(ordered_models())}
        self.bureau_owned = {t: is_bureau_owned(t) for t in self.tables}
        self.writers: dict[str, TableWriter] = {}
        self.max_hlc: str | None = None
        change_query = Change.insert({f: None for f in Change._meta.sorted_fields}).on_conflict_ignore()
        self.change_sql, _ = change_query.sql()

    # -- one part ---------------------------------------------------------------------------------
    def add(self, lines: list[dict]) -> None:
        incoming: dict[str, Ch] = {}
        for line in lines:
            change = self._accept(line)
            if change is not None:
                incoming.setdefault(change.change_id, change)
        if not incoming:
            return
        known = self._known_ids(list(incoming))
        self.report.count("changes_known", len(known))
        fresh = [c for cid, c in incoming.items() if cid not in known]
        fresh = self._drop_seq_collisions(fresh)
        if not fresh:
            return
        self.report.count("changes_new", len(fresh))
        by_record: dict[tuple[str, str], list[Ch]] = {}
        for c in fresh:
            by_record.setdefault((c.table, c.record_id), []).append(c)
            if self.max_hlc is None or c.hlc > self.max_hlc:
                self.max_hlc = c.hlc
        existing = self._load_changes(list(by_record))
        db.cursor().executemany(self.change_sql, [
            (c.change_id, c.origin, c.seq, c.table, c.record_id, c.op, _dumps(c.state), _dumps(c.changed),
             _dumps(c.base), c.author, c.at, c.hlc) for c in fresh])
        for key, new in by_record.items():
            existing.setdefault(key, [])
            existing[key].extend(new)
        self._materialize(existing, had_history={k for k, v in existing.items() if len(v) > len(by_record[k])})

    def finish(self) -> None:
        observe_clock(self.max_hlc)
        self.report.held_total = HeldRecord.select().count()

    # -- validation ---------------------------------------------------------------------------------
    def _reject(self, line, reason: str) -> None:
        table = line.get("table") if isinstance(line, dict) else None
        record = line.get("record_id") if isinstance(line, dict) else None
        self.report.add("rejected", table, record, reason=reason)

    def _accept(self, line) -> Ch | None:
        if not isinstance(line, dict) or any(k not in line for k in CHANGE_KEYS):
            self._reject(line, "修改记录格式不完整")
            return None
        ok = (isinstance(line["change_id"], str) and isinstance(line["origin"], str)
              and isinstance(line["seq"], int) and line["seq"] >= 1 and isinstance(line["record_id"], str)
              and isinstance(line["state"], dict) and isinstance(line["changed"], dict)
              and isinstance(line["base"], dict) and isinstance(line["hlc"], str) and HLC.match(line["hlc"])
              and line["state"].get("id") == line["record_id"]
              and all(isinstance(v, int) for v in line["base"].values()))
        if not ok:
            self._reject(line, "修改记录格式不对")
            return None
        if line["table"] not in self.tables:
            self._reject(line, f"本程序不认识的数据表「{line['table']}」（请升级程序后重新导入）")
            return None
        if line["op"] not in OPERATIONS:
            self._reject(line, f"不认识的操作「{line['op']}」")
            return None
        if self.sender_kind == "station" and line["origin"] != self.sender_origin:
            self._reject(line, "服务站只能发送本站产生的修改，这条修改来自别处")
            return None
        if line["op"] == "transfer" and line["origin"] != self.bureau_origin:
            self._reject(line, "人员转移须由退役军人事务局签发")
            return None
        return Ch(**{k: line[k] for k in CHANGE_KEYS})

    def _known_ids(self, ids: list[str]) -> set[str]:
        known = set()
        for chunk in _chunks(ids):
            known.update(cid for (cid,) in Change.select(Change.change_id).where(
                Change.change_id.in_(chunk)).tuples())
        return known

    def _drop_seq_collisions(self, fresh: list[Ch]) -> list[Ch]:
        by_origin: dict[str, list[Ch]] = {}
        for c in fresh:
            by_origin.setdefault(c.origin, []).append(c)
        bad = set()
        for origin, items in by_origin.items():
            seen = {}
            for c in items:
                if c.seq in seen:
                    bad.add(c.change_id)
                seen[c.seq] = c
            for chunk in _chunks(list(seen)):
                for (seq,) in Change.select(Change.seq).where((Change.origin == origin) & Change.seq.in_(chunk)).tuples():
                    bad.add(seen[seq].change_id)
        for c in fresh:
            if c.change_id in bad:
                self.report.add("rejected", c.table, c.record_id,
                                reason="同一来源的修改序号重复（对方数据可能被恢复过），请联系局里处理")
        return [c for c in fresh if c.change_id not in bad]

    # -- records ------------------------------------------------------------------------------------
    def _load_changes(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[Ch]]:
        out: dict[tuple[str, str], list[Ch]] = {}
        wanted = set(keys)
        ids = sorted({rid for _, rid in keys})
        for chunk in _chunks(ids):
            query = Change.select().where(Change.record_id.in_(chunk)).dicts()
            for row in query:
                key = (row["table"], row["record_id"])
                if key in wanted:
                    out.setdefault(key, []).append(Ch(**row))
        return out

    def _writer(self, model) -> TableWriter:
        name = model._meta.table_name
        if name not in self.writers:
            self.writers[name] = TableWriter(model)
        return self.writers[name]

    def _materialize(self, changes: dict[tuple[str, str], list[Ch]], had_history: set) -> None:
        by_table: dict[str, list[str]] = {}
        for table, rid in changes:
            by_table.setdefault(table, []).append(rid)
        for table in sorted(by_table, key=lambda t: self.order.get(t, 999)):
            model = self.tables[table]
            writer = self._writer(model)
            merged = {}
            for rid in by_table[table]:
                merged[rid] = merge_record(writer.content, changes[(table, rid)],
                                           bureau_owned=self.bureau_owned[table], bureau_origin=self.bureau_origin)
            before = self._rows(model, [rid for rid in merged if (table, rid) in had_history])
            missing = self._missing_parents(model, merged)
            ready = [rid for rid in merged if rid not in missing]
            writer.write([merged[rid].state for rid in ready])
            self._hold(table, missing)
            if ready:
                for chunk in _chunks(ready):
                    HeldRecord.delete().where((HeldRecord.table == table) & HeldRecord.record_id.in_(chunk)).execute()
            for rid in ready:
                self._classify(model, rid, merged[rid], before.get(rid))
            self._conflicts(table, merged, ready)
            if table == "person":
                self._duplicates(model, [merged[rid].state for rid in ready])
            self._release(table, ready)

    def _rows(self, model, ids: list[str]) -> dict[str, dict]:
        out = {}
        for chunk in _chunks(ids):
            for record in model.select().where(model.id.in_(chunk)):
                out[record.id] = record.state()
        return out

    def _missing_parents(self, model, merged: dict) -> dict[str, tuple[str, str, str]]:
        missing = {}
        for fk in foreign_keys(model):
            parent = fk.rel_model
            wanted = {m.state.get(fk.name) for m in merged.values()} - {None}
            if not wanted:
                continue
            present = set()
            for chunk in _chunks(sorted(wanted)):
                present.update(pid for (pid,) in parent.select(parent.id).where(parent.id.in_(chunk)).tuples())
            for rid, m in merged.items():
                pid = m.state.get(fk.name)
                if pid is not None and pid not in present and rid not in missing:
                    missing[rid] = (parent._meta.table_name, pid, fk.name)
        return missing

    def _hold(self, table: str, missing: dict) -> None:
        for rid, (parent_table, pid, field_name) in missing.items():
            HeldRecord.insert(table=table, record_id=rid, parent_table=parent_table, parent_id=pid,
                              field=field_name, since=utc_now()).on_conflict_replace().execute()
            self.report.add("held", table, rid, reason=f"所属的上级记录（{parent_table} {pid}）尚未收到，收到后自动补上")

    def _release(self, table: str, written: list[str]) -> None:
        waiting = []
        for chunk in _chunks(written):
            waiting += list(HeldRecord.select().where((HeldRecord.parent_table == table)
                                                      & HeldRecord.parent_id.in_(chunk)))
        if not waiting:
            return
        keys = [(h.table, h.record_id) for h in waiting]
        self.report.released += len(keys)
        self.report.forget("held", keys)
        self._materialize(self._load_changes(keys), had_history=set(keys))

    def _classify(self, model, rid: str, merged, before: dict | None) -> None:
        table = model._meta.table_name
        label = merged.state.get("name") if table == "person" else None
        if before is None:
            self.report.add("created", table, rid, label=label)
        elif all(before.get(k) == merged.state.get(k) for k in before if k not in model.derived_fields):
            self.report.add("unchanged", table, rid, label=label)
        else:
            self.report.add("updated", table, rid, label=label)
        if merged.parallel:
            self.report.add("parallel", table, rid, label=label, reason="两边同时修改了不同的项目，已自动合并")

    def _conflicts(self, table: str, merged: dict, ready: list[str]) -> None:
        now = utc_now()
        for chunk in _chunks(list(merged)):
            current = {c.id: c for c in Conflict.select().where((Conflict.table == table)
                                                                & Conflict.record_id.in_(chunk)
                                                                & (Conflict.status == "open"))}
            wanted = {}
            for rid in chunk:
                for c in merged[rid].conflicts:
                    wanted[c.id] = (rid, c)
            for cid, conflict in current.items():
                if cid not in wanted:
                    Conflict.update(status="resolved", resolved_at=now, resolved_by="（已由后续修改解决）").where(
                        Conflict.id == cid).execute()
            for cid, (rid, c) in wanted.items():
                if cid not in current:
                    Conflict.insert(id=cid, table=table, record_id=rid, field=c.field, kind=c.kind, sides=c.sides,
                                    provisional=c.provisional, status="open", detected_at=now).on_conflict(
                        conflict_target=[Conflict.id], preserve=[Conflict.status, Conflict.sides],
                        update={Conflict.resolved_at: None, Conflict.resolved_by: None}).execute()
                label = merged[rid].state.get("name") if table == "person" else None
                self.report.add("conflicts", table, rid, label=label, reason=f"「{c.field}」两边同时改成了不同的值")

    def _duplicates(self, model, states: list[dict]) -> None:
        live = {s["id"]: s.get("id_number") for s in states if s.get("id_number") and s.get("deleted_at") is None}
        if not live:
            return
        numbers = sorted(set(live.values()))
        now = utc_now()
        for chunk in _chunks(numbers):
            rows = model.select(model.id, model.id_number).where(
                model.id_number.in_(chunk) & model.deleted_at.is_null()).tuples()
            groups: dict[str, list[str]] = {}
            for pid, number in rows:
                groups.setdefault(number, []).append(pid)
            for number, ids in groups.items():
                ids = sorted(ids)
                for i, a in enumerate(ids):
                    for b in ids[i + 1:]:
                        if a not in live and b not in live:
                            continue
                        if DuplicateCandidate.get_or_none(DuplicateCandidate.id == f"{a}|{b}") is None:
                            DuplicateCandidate.insert(id=f"{a}|{b}", person_a=a, person_b=b, id_number=number,
                                                      status="open", detected_at=now).execute()
                            self.report.add("duplicates", "person", b, reason=f"与另一人身份证号码相同（{a}）")
