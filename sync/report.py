"""The import report: what was (or, in a dry run, would be) created, updated, unchanged, merged in
parallel, in conflict, held, flagged as a duplicate or rejected — each with a reason and the record.

    report.counts["created"] ; report.entries["conflicts"] ; report.text() ; report.to_dict()

Counts are exact; the listed entries are capped per kind (the report of a 100 000-change bundle
stays small enough to store, show and print).
"""
from __future__ import annotations

from dataclasses import dataclass, field

KINDS = {"created": "新增", "updated": "更新", "unchanged": "无变化", "parallel": "并行修改已合并",
         "conflicts": "冲突待处理", "held": "暂缓（等待上级记录）", "duplicates": "疑似重复人员",
         "rejected": "拒收"}
ENTRY_CAP = 200


@dataclass
class Report:
    counts: dict = field(default_factory=lambda: {k: 0 for k in KINDS} | {"changes_new": 0, "changes_known": 0})
    entries: dict = field(default_factory=lambda: {k: [] for k in KINDS})
    released: int = 0
    held_total: int = 0
    receipts: int = 0
    notes: list = field(default_factory=list)
    dry_run: bool = False
    already_imported: bool = False

    def count(self, kind: str, n: int = 1) -> None:
        self.counts[kind] = self.counts.get(kind, 0) + n

    def add(self, kind: str, table, record_id, *, label=None, reason=None) -> None:
        self.counts[kind] += 1
        if len(self.entries[kind]) < ENTRY_CAP:
            self.entries[kind].append({"table": table, "record_id": record_id, "label": label, "reason": reason})

    def forget(self, kind: str, keys: list[tuple[str, str]]) -> None:
        """Records no longer in that state (held records released in the same import)."""
        gone = set(keys)
        self.counts[kind] -= len(gone)
        self.entries[kind] = [e for e in self.entries[kind] if (e["table"], e["record_id"]) not in gone]

    def summary(self) -> dict:
        return {k: self.counts.get(k, 0) for k in KINDS} | {"changes_new": self.counts["changes_new"],
                                                             "held_total": self.held_total}

    def to_dict(self) -> dict:
        return {"counts": dict(self.counts), "entries": self.entries, "released": self.released,
                "held_total": self.held_total, "receipts": self.receipts, "notes": self.notes,
                "dry_run": self.dry_run, "already_imported": self.already_imported}

    def text(self) -> str:
        head = "试导入（未作任何改动）" if self.dry_run else "导入结果"
        if self.already_imported:
            return "这个数据包已经导入过，本次没有任何改动。"
        lines = [f"{head}：新收到修改 {self.counts['changes_new']} 条，已有 {self.counts['changes_known']} 条。"]
        lines.append("；".join(f"{label} {self.counts.get(k, 0)}" for k, label in KINDS.items()))
        for kind in ("conflicts", "held", "duplicates", "rejected"):
            for e in self.entries[kind][:20]:
                who = e["label"] or e["record_id"]
                lines.append(f"  · {KINDS[kind]}：{e['table']} {who} —— {e['reason'] or ''}")
        lines += [f"  · {n}" for n in self.notes]
        return "\n".join(lines)
