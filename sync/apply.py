"""Applying incoming changes to the database: append them to the change log (keeping their origin,
seq and change_id), recompute each touched record from the set of changes held (sync.merge), hold
records whose parent has not arrived, and keep the conflict and duplicate queues in step.

    applier = Applier(report, sender_kind="station", sender_origin=…, bureau_origin=…)
    for batch in reader.part_batches(part): applier.add(batch)   # inside the import's transaction
    applier.finish()

Never stamps a new version: the rows written are functions of the changes held. Batches are small
(memory stays bounded) and any batch may hold changes of records seen in earlier ones: the merge
always reads the record's whole history from the change log. Cached state of casework (models.workflow)
is recomputed from its events after the rows are written.
"""
from __future__ import annotations

import operator
import re

from models.changelog import (BY_REF, DERIVED, OPERATIONS, Change, changed_value, create_state, derivable,
                              lean_changed_text, resolve_refs, stored_row, text_row)
from models.conflicts import Conflict, DuplicateCandidate
from models.db import db
from models.engine import compact_id, id_text, insert_or_replace
from models.fields import dumps as _dumps, utc_now
from models.held import HeldRecord
from models.peers import observe_clock
from models.synced import foreign_keys, is_bureau_owned, ordered_models, synced_tables
from sync.bundle_format import decode_line, line_change_id
from sync.errors import BundleRefused
from sync.merge import Ch, merge_record
from sync.report import Report
from sync.rows import InQuery, TableWriter, chunks as _chunks

HLC = re.compile(r"^\d{16}\.\d{5}$")
CHANGE_KEYS = ("change_id", "origin", "seq", "table", "record_id", "op", "state", "changed", "base", "author",
               "at", "hlc")
_KEYSET = frozenset(CHANGE_KEYS)
_FIELDS_OF = operator.itemgetter(*CHANGE_KEYS)
_TEXT_KEYS = ("change_id", "origin", "record_id", "author", "at", "hlc")  # checked for NUL characters


class Applier:
    def __init__(self, report: Report, *, sender_kind: str, sender_origin: str, bureau_origin,
                 sender_origins=None):
        """bureau_origin: the bureau's origin id or all of them; sender_origins: the origins a station's
        bundle may carry (its own, its former ones, the bureau's lost ones back), default sender_origin."""
        self.report = report
        self.sender_kind = sender_kind
        self.sender_origin = sender_origin
        self.sender_origins = frozenset(sender_origins or (sender_origin,))
        self.bureau_origin = frozenset([bureau_origin] if isinstance(bureau_origin, str) else bureau_origin or ())
        self.tables = synced_tables()
        self.order = {m._meta.table_name: i for i, m in enumerate(ordered_models())}
        self.bureau_owned = {t: is_bureau_owned(t) for t in self.tables}
        self.writers: dict[str, TableWriter] = {}
        self.max_hlc: str | None = None
        change_query = Change.insert({f: None for f in Change._meta.sorted_fields}).on_conflict_ignore()
        self.change_sql, _ = change_query.sql()
        columns = [getattr(Change, k) for k in CHANGE_KEYS]
        self.q_known = InQuery(lambda ids: Change.select(Change.change_id).where(Change.change_id.in_(ids)))
        self.q_seqs = InQuery(lambda seqs, origin: Change.select(Change.seq).where(
            (Change.origin == origin) & Change.seq.in_(seqs)), extra=("origin",))
        self.q_history = InQuery(lambda ids: Change.select(*columns).where(Change.record_id.in_(ids)))
        self.q_waiting = InQuery(lambda ids, table: HeldRecord.select(HeldRecord.table, HeldRecord.record_id).where(
            (HeldRecord.parent_table == table) & HeldRecord.parent_id.in_(ids)), extra=("table",))
        self.q_open = InQuery(lambda ids, table: Conflict.select(Conflict.id).where(
            (Conflict.table == table) & Conflict.record_id.in_(ids) & (Conflict.status == "open")),
            extra=("table",))
        self.q_ids: dict[str, InQuery] = {}
        self.q_rows: dict[str, InQuery] = {}
        # fast paths: most imports hold nothing back and meet no open conflict
        self.holding = HeldRecord.select().exists()
        self.conflicted = {t for (t,) in Conflict.select(Conflict.table).where(
            Conflict.status == "open").distinct().tuples()}

    # -- one batch --------------------------------------------------------------------------------
    def add(self, lines: list) -> None:
        """Apply a batch of changes: lines of a part (text), or dicts (tests, tools)."""
        incoming: dict[str, Ch] = {}
        raw: dict[str, dict] = {}
        checked: set[str] = set()  # change ids already looked up in the change log (not held)
        for line, texts in self._decoded(lines, checked):
            change = self._accept(line)
            if change is not None and change.change_id not in incoming:
                incoming[change.change_id] = change
                if texts is not None:
                    raw[change.change_id] = texts
        if not incoming:
            return
        unchecked = [compact_id(cid) for cid in incoming if cid not in checked]
        known = {id_text(cid) for (cid,) in self.q_known.rows(unchecked)}
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
        rows = []
        for c in fresh:
            texts = raw.get(c.change_id)
            state, changed, base = ((texts["state"], texts["changed"], texts["base"]) if texts else
                                    (_dumps(c.state), _dumps(c.changed), _dumps(c.base)))
            if derivable(c.__dict__):  # a create's state is rebuilt from its columns when read
                state = DERIVED
            changed = lean_changed_text(changed, c.changed)  # a create's values: the compact array
            rows.append(stored_row((c.change_id, c.origin, c.seq, c.table, c.record_id, c.op, state, changed, base,
                                    c.author, c.at, c.hlc)))
        db.cursor().executemany(self.change_sql, rows)  # texts with a NUL were refused by _accept
        del rows, raw
        had_history = set()
        for key, new in by_record.items():
            old = existing.get(key)
            if old:
                had_history.add(key)
                old.extend(new)
            else:
                existing[key] = new
        self._materialize(existing, had_history=had_history)

    def _decoded(self, lines: list, checked: set) -> list[tuple]:
        """(change, raw JSON texts) for each line not already held: a line whose change_id we hold is
        not even decoded (re-sent cumulative bundles are mostly such lines)."""
        texts = [line for line in lines if isinstance(line, str)]
        out = [(line, None) for line in lines if not isinstance(line, str)]
        if not texts:
            return out
        ids = [line_change_id(text) for text in texts]
        checked.update(cid for cid in ids if cid)
        held = {id_text(cid) for (cid,) in self.q_known.rows(map(compact_id, checked))}
        skipped = 0
        for text, cid in zip(texts, ids):
            if cid is not None and cid in held:
                skipped += 1
                continue
            try:
                out.append(decode_line(text))
            except ValueError:
                raise BundleRefused("damaged", "数据包内有无法识别的修改记录，未作任何改动。") from None
        self.report.count("changes_known", skipped)
        return out

    def finish(self) -> None:
        observe_clock(self.max_hlc)
        self.report.held_total = HeldRecord.select().count()

    # -- validation ---------------------------------------------------------------------------------
    def _reject(self, line, reason: str) -> None:
        table = line.get("table") if isinstance(line, dict) else None
        record = line.get("record_id") if isinstance(line, dict) else None
        self.report.add("rejected", table, record, reason=reason)

    def _accept(self, line) -> Ch | None:
        if not isinstance(line, dict) or not line.keys() >= _KEYSET:
            self._reject(line, "修改记录格式不完整")
            return None
        ok = (isinstance(line["change_id"], str) and isinstance(line["origin"], str)
              and isinstance(line["seq"], int) and line["seq"] >= 1 and isinstance(line["record_id"], str)
              and isinstance(line["state"], dict) and isinstance(line["changed"], dict)
              and isinstance(line["base"], dict) and isinstance(line["hlc"], str) and HLC.match(line["hlc"])
              and isinstance(line["author"], str) and isinstance(line["at"], str)
              and line["state"].get("id") == line["record_id"]
              and all(isinstance(v, int) for v in line["base"].values())
              and not any("\x00" in line[k] for k in _TEXT_KEYS))  # no database text column holds a NUL
        if not ok:
            self._reject(line, "修改记录格式不对")
            return None
        if line["table"] not in self.tables:
            self._reject(line, f"本程序不认识的数据表「{line['table']}」（请升级程序后重新导入）")
            return None
        if line["op"] not in OPERATIONS:
            self._reject(line, f"不认识的操作「{line['op']}」")
            return None
        if self.sender_kind == "station" and line["origin"] not in self.sender_origins:
            self._reject(line, "服务站只能发送本站产生的修改，这条修改来自别处")
            return None
        if line["op"] == "transfer" and line["origin"] not in self.bureau_origin:
            self._reject(line, "人员转移须由退役军人事务局签发")
            return None
        return Ch(*_FIELDS_OF(line))

    def _drop_seq_collisions(self, fresh: list[Ch]) -> list[Ch]:
        """Two different changes with one (origin, seq): the sender's history was rewritten — refuse them."""
        by_origin: dict[str, dict[int, Ch]] = {}
        bad = set()
        for c in fresh:
            seen = by_origin.setdefault(c.origin, {})
            if c.seq in seen:
                bad.add(c.change_id)
            seen[c.seq] = c
        for origin, seen in by_origin.items():
            for (seq,) in self.q_seqs.rows(seen, origin=compact_id(origin)):
                bad.add(seen[seq].change_id)
        if not bad:
            return fresh
        for c in fresh:
            if c.change_id in bad:
                self.report.add("rejected", c.table, c.record_id,
                                reason="同一来源的修改序号重复（对方数据可能被恢复过），请联系局里处理")
        return [c for c in fresh if c.change_id not in bad]

    # -- records ------------------------------------------------------------------------------------
    def _load_changes(self, keys: list[tuple[str, str]]) -> dict[tuple[str, str], list[Ch]]:
        out: dict[tuple[str, str], list[Ch]] = {}
        wanted = set(keys)
        loads = Change.state.python_value
        rows = [row for row in map(text_row, self.q_history.rows(sorted({compact_id(rid) for _, rid in keys},
                                                                         key=id_text)))
                if (row[3], row[4]) in wanted]
        # a create whose values its record row holds: the import may rewrite that row, so the values go into
        # the change row first (docs/lean-storage.md, round 3)
        refs = resolve_refs([(row[3], row[4], row[7], row[1], row[2]) for row in rows if row[7][:1] == BY_REF])
        for (origin, seq), changed in refs.items():
            Change.update(changed=changed).where((Change.origin == origin) & (Change.seq == seq)).execute()
        for row in rows:
            key = (row[3], row[4])
            if key in wanted:
                changed = refs[(row[1], row[2])] if row[7][:1] == BY_REF else changed_value(row[7])
                state = (create_state(row[3], row[4], row[1], row[2], row[9], row[10], changed)
                         if row[6] == DERIVED else loads(row[6]))
                out.setdefault(key, []).append(Ch(*row[:6], state, changed, loads(row[8]), *row[9:]))
        return out

    def _writer(self, model) -> TableWriter:
        name = model._meta.table_name
        if name not in self.writers:
            self.writers[name] = TableWriter(model)
        return self.writers[name]

    def _materialize(self, changes: dict[tuple[str, str], list[Ch]], had_history: set) -> None:
        from models.workflow import refresh_records

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
                writer.check(merged[rid].state)  # every value of the right type before it is looked up or stored
            before = self._rows(model, [rid for rid in merged if (table, rid) in had_history])
            missing = self._missing_parents(model, merged)
            ready = [rid for rid in merged if rid not in missing] if missing else list(merged)
            writer.write([merged[rid].state for rid in ready if (table, rid) in had_history])
            writer.write([merged[rid].state for rid in ready if (table, rid) not in had_history], new=True)
            if writer.refresh and ready:
                refresh_records(table, ready)
            self._hold(table, missing)
            if self.holding and ready:
                for chunk in _chunks(ready):
                    HeldRecord.delete().where((HeldRecord.table == table) & HeldRecord.record_id.in_(chunk)).execute()
            for rid in ready:
                self._classify(model, rid, merged[rid], before.get(rid))
            self._conflicts(table, merged, ready)
            if table == "person":
                self._duplicates(model, [merged[rid].state for rid in ready])
            if self.holding:
                self._release(table, ready)

    def _rows(self, model, ids: list[str]) -> dict[str, dict]:
        """Current states (as SyncedModel.state() gives them) of the records with these ids."""
        if not ids:
            return {}
        table = model._meta.table_name
        fields = [f for f in model._meta.sorted_fields if f.name not in model.derived_fields]
        if table not in self.q_rows:
            self.q_rows[table] = InQuery(lambda marks: model.select(*fields).where(model.id.in_(marks)))
        from models.base import to_json_value

        out = {}
        for row in self.q_rows[table].rows(ids):
            out[row[0]] = {f.name: to_json_value(f.python_value(v)) for f, v in zip(fields, row)}
        return out

    def _ids_present(self, model, ids) -> set:
        table = model._meta.table_name
        if table not in self.q_ids:
            self.q_ids[table] = InQuery(lambda marks: model.select(model.id).where(model.id.in_(marks)))
        return {pid for (pid,) in self.q_ids[table].rows(sorted(ids))}

    def _missing_parents(self, model, merged: dict) -> dict[str, tuple[str, str, str]]:
        missing = {}
        for fk in foreign_keys(model):
            parent = fk.rel_model
            wanted = {m.state.get(fk.name) for m in merged.values()} - {None}
            if not wanted:
                continue
            present = self._ids_present(parent, wanted)
            for rid, m in merged.items():
                pid = m.state.get(fk.name)
                if pid is not None and pid not in present and rid not in missing:
                    missing[rid] = (parent._meta.table_name, pid, fk.name)
        return missing

    def _hold(self, table: str, missing: dict) -> None:
        for rid, (parent_table, pid, field_name) in missing.items():
            insert_or_replace(HeldRecord, table=table, record_id=rid, parent_table=parent_table, parent_id=pid,
                              field=field_name, since=utc_now())
            self.report.add("held", table, rid, reason=f"所属的上级记录（{parent_table} {pid}）尚未收到，收到后自动补上")
            self.holding = True

    def _release(self, table: str, written: list[str]) -> None:
        keys = [(t, rid) for t, rid in self.q_waiting.rows(written, table=table)]
        if not keys:
            return
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
        wanted = {}
        for rid, m in merged.items():
            for c in m.conflicts:
                wanted[c.id] = (rid, c)
        if not wanted and table not in self.conflicted:
            return
        now = utc_now()
        current = {cid for (cid,) in self.q_open.rows(merged, table=table)}
        for cid in current:
            if cid not in wanted:
                Conflict.update(status="resolved", resolved_at=now, resolved_by="（已由后续修改解决）").where(
                    Conflict.id == cid).execute()
        for cid, (rid, c) in wanted.items():
            if cid not in current:
                Conflict.insert(id=cid, table=table, record_id=rid, field=c.field, kind=c.kind, sides=c.sides,
                                provisional=c.provisional, status="open", detected_at=now).on_conflict(
                    conflict_target=[Conflict.id], preserve=[Conflict.status, Conflict.sides],
                    update={Conflict.resolved_at: None, Conflict.resolved_by: None}).execute()
                self.conflicted.add(table)
            label = merged[rid].state.get("name") if table == "person" else None
            self.report.add("conflicts", table, rid, label=label, reason=f"「{c.field}」两边同时改成了不同的值")

    def _duplicates(self, model, states: list[dict]) -> None:
        live = {s["id"]: s.get("id_number") for s in states if s.get("id_number") and s.get("deleted_at") is None}
        if not live:
            return
        if "person#number" not in self.q_rows:
            self.q_rows["person#number"] = InQuery(lambda marks: model.select(model.id, model.id_number).where(
                model.id_number.in_(marks) & model.deleted_at.is_null()))
        now = utc_now()
        groups: dict[str, list[str]] = {}
        for pid, number in self.q_rows["person#number"].rows(sorted(set(live.values()))):
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
