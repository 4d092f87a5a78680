"""`people list` and `people show`: the registry from the command line, same search as the GUI.

    vetstation --home D people list --query wjg --identity 退役士兵 --village 布日都嘎查
    vetstation --home D people show 150626199001011234 --json

ID and phone numbers are masked (150626********1234, 138****5678) unless --full-id, in tables and
JSON alike; --full-id is refused for an account whose role may not see full numbers
(models.permissions "see_full_id") and is audited as an unmasking (with --reason, if given).
"""
from __future__ import annotations

import json
import sys
import unicodedata

from desktop.commands.session import acting_user, open_home
from models import vocab
from models.audit import record
from models.base import to_json_value
from models.errors import NotFound
from models.history import show_value
from models.idnumber import mask
from models.installation import Station, Village
from models.permissions import require
from models.person import FIELD_LABELS, Person
from models.privacy import mask_phone
from models.registry import family_of, find_person, identities_of
from models.registry_search import PersonQuery, count_people, search_people

TABLE_LIMIT = 50
PAGE = 1000
COLUMNS = [("name", "姓名"), ("sex", "性别"), ("birth_date", "出生日期"), ("id_number", "公民身份号码"),
           ("village", "所属嘎查村"), ("phone", "联系电话"), ("status", "状态"), ("identities", "人员类别")]
PERSON_HIDDEN = {"search_pinyin", "search_initials", "version", "origin", "deleted_at", "deleted_reason"}
FAMILY_FIELDS = ("relation", "name", "id_number", "health", "employment", "employer", "phone",
                 "deceased_name", "deceased_date", "deceased_relation")


def _may_see_full(args) -> bool:
    actor = acting_user(args)
    if args.full_id:
        require(actor, "see_full_id", target="people " + args.people_command)
    return bool(args.full_id)


def _audit_unmask(args, target: str, **detail) -> None:
    if args.full_id:
        reason = " ".join((getattr(args, "reason", None) or "").split())
        record("unmask", actor=acting_user(args), target=target,
               detail={"command": f"people {args.people_command}", **detail, **({"reason": reason} if reason else {})})


def _code(vocabulary: str, text: str | None, what: str) -> str | None:
    if not text:
        return None
    code = vocab.code_for_label(vocabulary, text)
    if code is None:
        known = "、".join(f"{c}（{lab}）" for c, lab in vocab.choices(vocabulary))
        raise NotFound(f"没有这个{what}：{text}。可选：{known}")
    return code


def _village_id(name: str | None) -> str | None:
    if not name:
        return None
    found = Village.live().where(Village.name == name.strip()).first()
    if found is None:
        raise NotFound(f"没有名为「{name}」的嘎查村。")
    return found.id


def list_people(args) -> int:
    open_home(args)
    full = _may_see_full(args)
    query = PersonQuery(text=args.query, identity=_code("identity", args.identity, "人员类别"),
                        village_id=_village_id(args.village), status=_code("person_status", args.status, "人员状态"),
                        tag=args.tag or None, key_focus=True if args.key_focus else None,
                        incomplete=True if args.incomplete else None)
    total = count_people(query)
    limit = min(args.limit or (total if args.json else TABLE_LIMIT), total)
    if args.json:  # streamed page by page: 100 000 people need not sit in memory at once
        sys.stdout.write("[")
        for n, row in enumerate(_rows(query, limit)):
            sys.stdout.write(("\n" if n == 0 else ",\n") + json.dumps(_list_item(row, full), ensure_ascii=False))
        sys.stdout.write("\n]\n" if limit else "]\n")
        _audit_unmask(args, "people list", persons=limit, query=args.query or "")
        return 0
    rows = list(_rows(query, limit))
    _audit_unmask(args, "people list", persons=len(rows), query=args.query or "")
    if not rows:
        print("没有找到符合条件的人员。")
        return 0
    table = [[_cell(key, r, full) for key, _ in COLUMNS] for r in rows]
    print(format_table([label for _, label in COLUMNS], table))
    more = f"，显示前 {len(rows)} 人（用 --limit 显示更多）" if len(rows) < total else ""
    print(f"共 {total} 人{more}。")
    return 0


def _rows(query: PersonQuery, limit: int):
    done = 0
    while done < limit:
        page = search_people(query, offset=done, limit=min(PAGE, limit - done))
        if not page:
            return
        yield from page
        done += len(page)


def _list_item(row: dict, full: bool) -> dict:
    return {"id": row["id"], "name": row["name"], "sex": row["sex"],
            "birth_date": to_json_value(row["birth_date"]),
            "id_number": row["id_number"] if full else mask(row["id_number"]),
            "village": row["village_name"], "phone": row["phone"] if full else mask_phone(row["phone"]),
            "status": row["status"],
            "key_focus": bool(row["key_focus"]), "tags": row["tags"] or [], "identities": row["identities"],
            "missing": row["missing"]}


def _cell(key: str, row: dict, full: bool) -> str:
    if key == "id_number":
        return row["id_number"] if full else mask(row["id_number"])
    if key == "phone":
        return (row["phone"] if full else mask_phone(row["phone"])) or ""
    if key == "village":
        return row["village_name"] or ""
    if key == "identities":
        return "、".join(vocab.label("identity", c) for c in row["identities"])
    if key == "status":
        return vocab.label("person_status", row["status"])
    return show_value(key, row[key])


def show(args) -> int:
    open_home(args)
    full = _may_see_full(args)
    person = find_person(args.key)
    _audit_unmask(args, person.id, name=person.name)
    idents = identities_of(person.id)
    family = family_of(person.id)
    if args.json:
        print(json.dumps(person_document(person, idents, family, full), ensure_ascii=False, indent=1))
        return 0
    lines = [f"{person.name}（档案编号 {person.id}）", "", "【基本信息】"]
    for name in Person.content_fields():
        value = person.__data__.get(name)
        if name in PERSON_HIDDEN or value is None or value == "" or value == [] or value is False:
            continue
        if name == "id_number":
            shown = value if full else mask(value)
        elif name == "phone":
            shown = value if full else mask_phone(value)
        elif name == "station_code":
            station = Station.get_or_none(Station.id == value)
            shown = f"{station.name}（{value}）" if station else value
        else:
            shown = show_value(name, value)
        if shown:
            lines.append(f"  {FIELD_LABELS.get(name, name)}：{shown}")
    lines += ["", "【人员类别】"]
    lines += [f"  {vocab.label('identity', i.category)}"
              + (f"（{show_value('subtypes', i.subtypes)}）" if i.subtypes else "") for i in idents] or ["  无"]
    lines += ["", "【家庭成员】"]
    for m in family:
        parts = [vocab.label("relation", m.relation), m.name]
        if m.id_number:
            parts.append(m.id_number if full else mask(m.id_number))
        parts += [show_value(f, getattr(m, f)) for f in ("health", "employer") if getattr(m, f)]
        if m.phone:
            parts.append(m.phone if full else mask_phone(m.phone))
        if m.deceased_name:
            parts.append(f"牺牲/病故军人 {m.deceased_name} {show_value('deceased_date', m.deceased_date)}")
        lines.append("  " + "  ".join(p for p in parts if p))
    if not family:
        lines.append("  无")
    print("\n".join(lines))
    return 0


def person_document(person: Person, idents, family, full: bool) -> dict:
    """Everything about one person as JSON-ready values (codes, ISO dates, money in fen)."""
    doc = {name: to_json_value(person.__data__.get(name)) for name in ["id", *Person.content_fields()]
           if name not in PERSON_HIDDEN}
    doc["village_id"] = doc.pop("village")
    village = Village.get_or_none(Village.id == doc["village_id"]) if doc["village_id"] else None
    doc["village"] = village.name if village else None
    if not full:
        doc["id_number"] = mask(doc["id_number"])
        doc["phone"] = mask_phone(doc.get("phone"))
    doc["identities"] = [i.category for i in idents]
    doc["identity_details"] = [{"category": i.category, "label": vocab.label("identity", i.category),
                                "subtypes": i.subtypes or [], "note": i.note} for i in idents]
    doc["family"] = []
    for m in family:
        item = {"id": m.id, **{f: to_json_value(getattr(m, f)) for f in FAMILY_FIELDS}}
        if not full and item["id_number"]:
            item["id_number"] = mask(item["id_number"])
        if not full and item["phone"]:
            item["phone"] = mask_phone(item["phone"])
        doc["family"].append(item)
    doc["created_at"], doc["updated_at"] = person.created_at, person.updated_at
    return doc


def display_width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def format_table(headers: list[str], rows: list[list[str]]) -> str:
    """Columns aligned by display width (a Chinese character is two columns wide)."""
    widths = [max(display_width(str(x)) for x in col) for col in zip(headers, *rows)]

    def line(cells):
        return "  ".join(str(c) + " " * (w - display_width(str(c))) for c, w in zip(cells, widths)).rstrip()

    return "\n".join([line(headers), line(["-" * w for w in widths]), *(line(r) for r in rows)])
