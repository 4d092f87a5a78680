"""`duplicates` and `conflicts`: the review queues of the 数据交换 page, headless.

    vetstation --home D duplicates list --json
    vetstation --home D --user 李科长 duplicates merge "P1|P2" --keep P1
    vetstation --home D --user 李科长 duplicates dismiss "P1|P2"
    vetstation --home D conflicts list --json
    vetstation --home D --user 李科长 conflicts resolve C1 --value 13900000000
    vetstation --home D --user 李科长 conflicts resolve C2 --keep-deleted      (or --restore)

The decisions are models.conflicts' own (merge_duplicate, dismiss_duplicate, resolve_conflict,
resolve_deletion), the very functions ui/sync/duplicates.py and ui/sync/conflicts.py call; a typed
value is checked by sync.status.value_from_text like the GUI's "type the correct value" box. Resolving
is for a named person (models.permissions: "resolve" is NAMED_ONLY), so the system account `cli` is
refused with a sentence that asks for `--user NAME`. Listing needs no --user.

JSON (stable keys):
- `duplicates list --json`: a list of {"id", "id_number", "detected_at", "persons": [{"id", "name",
  "station_code", "id_number"}, …two]}; ID numbers are masked unless the acting role may see full ones.
- `conflicts list --json`: a list of {"id", "kind" ("field" | "delete_vs_edit"), "table", "record_id",
  "person_id", "record", "field" (code), "field_label", "provisional", "detected_at",
  "values": [{"value", "text", "who", "where", "when"}, …]} — "value" is what `--value` accepts as text.

Wiring (desktop/cli.py): `add_review_parsers(sub)` in build_parser, and in _dispatch
`if args.command in ("duplicates", "conflicts"): from desktop.commands import review; return review.run(args)`.
"""
from __future__ import annotations

import json

from models.conflicts import (DELETE_VS_EDIT, Conflict, DuplicateCandidate, dismiss_duplicate, merge_duplicate,
                              open_conflicts, open_duplicates, resolve_conflict, resolve_deletion)
from models.errors import DomainError, NotFound
from models.idnumber import mask
from models.permissions import allowed, require
from models.person import Person


def add_review_parsers(subparsers) -> None:
    dup = subparsers.add_parser("duplicates", help="事务局：处理重复人员（同一身份证号码在两个服务站登记）")
    ops = dup.add_subparsers(dest="duplicates_command", metavar="操作", required=True,
                             parser_class=subparsers._parser_class)
    p = ops.add_parser("list", help="列出待处理的重复人员")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = ops.add_parser("merge", help="合并一对重复人员：保留一人，另一人的档案和业务记录并入")
    p.add_argument("candidate", metavar="CANDIDATE", help="重复人员编号（duplicates list 中的编号）")
    p.add_argument("--keep", metavar="RECORD_ID", required=True, help="要保留的人员档案编号")
    p = ops.add_parser("dismiss", help="确认这对人员不是同一人")
    p.add_argument("candidate", metavar="CANDIDATE", help="重复人员编号（duplicates list 中的编号）")

    con = subparsers.add_parser("conflicts", help="处理数据冲突（同一字段在两处被同时修改）")
    ops = con.add_subparsers(dest="conflicts_command", metavar="操作", required=True,
                             parser_class=subparsers._parser_class)
    p = ops.add_parser("list", help="列出待处理的数据冲突")
    p.add_argument("--json", action="store_true", help="输出 JSON 列表")
    p = ops.add_parser("resolve", help="处理一条冲突：保留一个值，或对「删除与修改」冲突保留删除或恢复档案")
    p.add_argument("conflict", metavar="CONFLICT", help="冲突编号（conflicts list 中的编号）")
    how = p.add_mutually_exclusive_group(required=True)
    how.add_argument("--value", metavar="VALUE", help="要保留的值（可为任一方的值，也可填写正确的值）")
    how.add_argument("--keep-deleted", action="store_true", help="「删除与修改」冲突：保留删除")
    how.add_argument("--restore", action="store_true", help="「删除与修改」冲突：恢复档案并保留修改")


def run(args) -> int:
    from desktop.commands.session import acting_user, open_home

    open_home(args)
    actor = acting_user(args)
    if args.command == "duplicates":
        if args.duplicates_command == "list":
            return list_duplicates(args, actor)
        require(actor, "resolve", target=args.candidate)  # the role first, before looking anything up
        candidate = _open_candidate(args.candidate)
        if args.duplicates_command == "merge":
            merge_duplicate(candidate.id, args.keep, actor=actor)
            kept = Person.get_by_id(args.keep)
            print(f"已合并重复人员：保留{kept.name}（{kept.id}），另一人的档案和业务记录已并入。")
        else:
            dismiss_duplicate(candidate.id, actor=actor)
            print("已确认这两人不是同一人，不再列为重复人员。")
        return 0
    if args.conflicts_command == "list":
        return list_conflicts(args)
    return resolve(args, actor)


def _open_candidate(candidate_id: str) -> DuplicateCandidate:
    candidate = DuplicateCandidate.get_or_none(DuplicateCandidate.id == candidate_id)
    if candidate is None or candidate.status != "open":
        raise NotFound("未找到待处理的重复人员（请用 vetstation duplicates list 查看编号）。",
                       candidate_id=candidate_id)
    return candidate


def list_duplicates(args, actor) -> int:
    full = allowed(actor, "see_full_id")
    rows = []
    candidates = open_duplicates()
    known = {p.id: p for p in Person.select().where(Person.id.in_([pid for c in candidates
                                                                   for pid in (c.person_a, c.person_b)]))}
    for c in candidates:
        persons = [known.get(pid) for pid in (c.person_a, c.person_b)]
        rows.append({"id": c.id, "id_number": c.id_number if full else mask(c.id_number),
                     "detected_at": c.detected_at,
                     "persons": [{"id": p.id, "name": p.name, "station_code": p.station_code,
                                  "id_number": p.id_number if full else mask(p.id_number)}
                                 for p in persons if p is not None]})
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    if not rows:
        print("没有待处理的重复人员。")
        return 0
    print(f"待处理的重复人员 {len(rows)} 对：")
    for row in rows:
        names = "；".join(f"{p['name']}（{p['station_code']}，{p['id']}）" for p in row["persons"])
        print(f"  {row['id']}  {row['id_number']}  {names}")
    return 0


def _conflict_row(conflict: Conflict) -> dict:
    from sync.status import describe_conflict

    item = describe_conflict(conflict)
    return {"id": item["id"], "kind": item["kind"], "table": item["table"], "record_id": item["record_id"],
            "person_id": item["person_id"], "record": item["record"], "field": conflict.field,
            "field_label": item["field"], "provisional": item["provisional"], "detected_at": item["detected_at"],
            "values": [{key: side[key] for key in ("value", "text", "who", "where", "when")}
                       for side in item["sides"]]}


def list_conflicts(args) -> int:
    rows = [_conflict_row(c) for c in open_conflicts()]
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2, default=str))
        return 0
    if not rows:
        print("没有待处理的数据冲突。")
        return 0
    print(f"待处理的数据冲突 {len(rows)} 条：")
    for row in rows:
        values = " / ".join(f"{v['text']}（{v['where']}）" for v in row["values"])
        print(f"  {row['id']}  {row['record']} · {row['field_label']}：{values}")
    return 0


def resolve(args, actor) -> int:
    from sync.status import value_from_text

    require(actor, "resolve", target=args.conflict)
    conflict = Conflict.get_or_none(Conflict.id == args.conflict)
    if conflict is None or conflict.status != "open":
        raise NotFound("未找到待处理的这条冲突（请用 vetstation conflicts list 查看编号）。",
                       conflict_id=args.conflict)
    if conflict.kind == DELETE_VS_EDIT:
        if args.value is not None:
            raise DomainError("这是「删除与修改」冲突，请用 --keep-deleted 保留删除，或用 --restore 恢复档案。")
        resolve_deletion(conflict.id, keep_deleted=args.keep_deleted, actor=actor)
        print("已保留删除。" if args.keep_deleted else "已恢复档案并保留修改。")
        return 0
    if args.value is None:
        raise DomainError("这条冲突是同一字段的两个值，请用 --value 填写要保留的值。")
    value = value_from_text(conflict, args.value)  # a wrong value raises ValidationError with its sentence
    resolve_conflict(conflict.id, value, actor=actor)
    print(f"已处理冲突：保留「{args.value.strip()}」。这个决定会随数据包发往各处。")
    return 0
