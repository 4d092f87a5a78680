"""花名册导入: persons from the .xlsx rosters stations already keep — detect, map, dry-run, import.

    sheet = read_roster(path)                          # finds the header in the first rows
    mapping = propose_mapping(sheet, home)             # column → field; the user may correct it
    plan = run(plan_import(sheet, mapping))            # dry run: every row → create / update / skip + why
    result = run(apply_import(plan, actor=actor, home=home))   # all valid rows in one transaction, or none
    remember_mapping(home, sheet, mapping)             # the next roster with these headers maps itself

Nothing is written before apply_import; apply_import backs the database up first and rolls back
completely if any row fails. Blank cells never erase what is registered: an update only fills or
changes the fields the roster gives. Reading the workbook and the column mapping (and where the
confirmed mapping is kept) are ledgers.roster_sheet; cell conversions are ledgers.roster_cells.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

from ledgers import roster_cells as C
from ledgers.progress import Job, Progress
from ledgers.roster_sheet import (ESSENTIAL, FIELDS, IGNORE, RosterSheet, RosterUnreadable, check_mapping,  # noqa: F401
                                  learned_mapping, propose_mapping, read_roster, remember_mapping)
from models import vocab
from models.db import db
from models.errors import DomainError, ValidationError
from models.idnumber import InvalidIdNumber, parse_id_number
from models.installation import Installation, Village
from models.person import FIELD_LABELS, Person, PersonIdentity
from models.registry import identities_of, save_person, validate_person
from models.write import Actor, OpChanges, writing


@dataclass
class RowPlan:
    row: int
    action: str  # create | update | skip
    name: str = ""
    id_number: str = ""
    reason: str = ""  # why skipped (or why nothing to update)
    warnings: list[str] = field(default_factory=list)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # update: (field label, old, new)
    values: dict = field(default_factory=dict)
    identities: list[str] = field(default_factory=list)
    person_id: str | None = None
    id_was_number: bool = False


@dataclass
class ImportPlan:
    sheet: RosterSheet
    mapping: dict[int, str]
    rows: list[RowPlan]
    station_code: str  # the station new persons belong to

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> str:
        return (f"共 {len(self.rows)} 行：新建 {self.count('create')} 人，更新 {self.count('update')} 人，"
                f"跳过 {self.count('skip')} 行")

    def to_json(self) -> dict:
        def row(r: RowPlan) -> dict:
            d = asdict(r)
            d["values"] = {k: (v.isoformat() if hasattr(v, "isoformat") else v) for k, v in r.values.items()}
            return d

        return {"file": self.sheet.path, "sheet": self.sheet.sheet, "header_row": self.sheet.header_row,
                "mapping": {self.sheet.headers[i] or f"第{i + 1}列": FIELDS[f][0] for i, f in self.mapping.items()},
                "create": self.count("create"), "update": self.count("update"), "skip": self.count("skip"),
                "rows": [row(r) for r in self.rows]}


@dataclass
class ImportResult:
    created: int
    updated: int
    changes: OpChanges
    backup: str | None


# -- the dry run ------------------------------------------------------------------------------------
class _RowReader:
    """Turns one roster row into person values, identities and warnings (no database writes)."""

    def __init__(self, mapping: dict[int, str], station_code: str | None):
        self.mapping = {i: k for i, k in mapping.items() if k != IGNORE}
        query = Village.live()
        if station_code:
            query = query.where(Village.station == station_code)
        self.villages: dict[str, str] = {}
        for v in query:
            name = C.compact(v.name)
            self.villages.setdefault(name, v.id)
            for suffix in ("嘎查", "村", "社区"):  # 布日都 finds 布日都嘎查
                if name.endswith(suffix) and len(name) > len(suffix):
                    self.villages.setdefault(name[: -len(suffix)], v.id)

    def read(self, values: list, formats: list[str], plan: RowPlan) -> dict:
        out: dict = {}
        for index, key in self.mapping.items():
            raw = values[index] if index < len(values) else None
            if C.text_of(raw) == "":
                continue
            label, kind, _ = FIELDS[key]
            fmt = formats[index] if index < len(formats) else "General"
            if kind == "name":
                out[key] = C.compact(raw)
            elif kind == "id":
                out[key] = C.id_text(raw)
                plan.id_was_number = C.id_was_number(raw)
            elif kind == "date":
                try:
                    out[key] = C.cell_date(raw, fmt)
                except ValueError:
                    plan.warnings.append(f"{label}「{C.text_of(raw)}」不是日期，未导入该项")
            elif kind == "phone":
                out[key] = C.compact(raw)
            elif kind == "identity":
                codes = []
                for word in C.split_list(raw):
                    code = C.code_of("identity", word)
                    if code:
                        codes.append(code)
                    else:
                        plan.warnings.append(f"人员类别「{word}」不在可选范围内，未导入该项")
                plan.identities = list(dict.fromkeys(codes))
            elif kind == "village":
                village = self.villages.get(C.compact(raw))
                if village:
                    out[key] = village
                else:
                    plan.warnings.append(f"嘎查村「{C.text_of(raw)}」不在本站的嘎查村名单中，未填写所属嘎查村")
            elif kind in vocab.VOCABULARIES:
                code = C.code_of(kind, raw)
                if code:
                    out[key] = code
                else:
                    plan.warnings.append(f"{label}「{C.text_of(raw)}」不在可选范围内，未导入该项")
            else:
                out[key] = C.text_of(raw)
        return out


def _display(name: str, value) -> str:
    if value is None or value == "":
        return ""
    if name == "village":
        village = Village.get_or_none(Village.id == value)
        return village.name if village else str(value)
    voc = {"sex": "sex", "ethnicity": "ethnicity", "political": "political", "education": "education",
           "placement": "placement"}.get(name)
    if voc:
        return vocab.label(voc, value)
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def _validated(values: dict, existing: Person | None, plan: RowPlan) -> dict | None:
    """validate_person, dropping bad optional fields with a warning; None when an essential one is bad."""
    values = dict(values)
    village = values.pop("village", None)  # already found in this station's list (saves a query per row)
    for _ in range(len(values) + 1):
        try:
            valid = validate_person(values, existing=existing)
            return {**valid, "village": village} if village else valid
        except ValidationError as exc:
            essential = [m for f, m in exc.fields.items() if f in ESSENTIAL]
            if essential:
                plan.reason = "；".join(essential)
                return None
            for name, message in exc.fields.items():
                if name not in values:  # a rule about a field we did not bring (e.g. 重点关注原因)
                    plan.reason = message
                    return None
                values.pop(name)
                plan.warnings.append(f"{message}，未导入该项")
    return None


def _current(person: Person, name: str):
    return person.village_id if name == "village" else getattr(person, name)


def _existing_by_number(numbers: list[str]) -> dict[str, Person]:
    found = {}
    for start in range(0, len(numbers), 500):
        chunk = numbers[start:start + 500]
        for person in Person.live().where(Person.id_number.in_(chunk)):
            found[person.id_number] = person
    return found


def plan_import(sheet: RosterSheet, mapping: dict[int, str], *, station_code: str | None = None) -> Job[ImportPlan]:
    """The dry run: what each row would do, with reasons. Writes nothing.

    New persons belong to this station; the bureau names the station whose roster it imports.
    """
    check_mapping(mapping)
    station_code = station_code or Installation.get_current().station_code
    if not station_code:
        raise ValidationError({"station_code": "事务局导入花名册时，请指定这些人员所属的服务站"})
    reader = _RowReader(mapping, station_code)
    id_column = next(i for i, k in mapping.items() if k == "id_number")
    numbers = []
    for _, values, _ in sheet.rows:
        try:
            numbers.append(parse_id_number(C.id_text(values[id_column] if id_column < len(values) else "")).normalized)
        except InvalidIdNumber:
            pass
    existing = _existing_by_number(numbers)
    held = {}  # person id → identity categories already held
    plans: list[RowPlan] = []
    first_row_of: dict[str, int] = {}
    total = len(sheet.rows)
    for done, (row_number, values, formats) in enumerate(sheet.rows, 1):
        plan = RowPlan(row=row_number, action="skip")
        plans.append(plan)
        if done % 500 == 0:
            yield Progress(done, total, "正在检查每一行…")
        if C.is_total_row(values):
            plan.reason = "合计行，不是人员"
            continue
        raw = reader.read(values, formats, plan)
        plan.name, plan.id_number = raw.get("name", ""), raw.get("id_number", "")
        if not plan.name and not plan.id_number:
            plan.reason = "没有姓名和身份证号码，不是人员行"
            continue
        if not plan.id_number:
            plan.reason = "缺少公民身份号码"
            continue
        if plan.id_was_number:  # a float keeps 15-16 significant digits: the rest of an 18-digit number is gone
            plan.reason = ("身份证号码在Excel中存成了数字，末尾几位已丢失（Excel只保留15位有效数字）。"
                           "请把该列设为文本格式后重新填写号码")
            continue
        try:
            parsed = parse_id_number(plan.id_number)
        except InvalidIdNumber as exc:
            plan.reason = exc.message
            continue
        if parsed.upgraded_from_15:
            plan.warnings.append(f"15位旧号码 {plan.id_number} 已升级为18位 {parsed.normalized}")
        plan.id_number = raw["id_number"] = parsed.normalized
        if plan.id_number in first_row_of:
            plan.reason = f"与第 {first_row_of[plan.id_number]} 行的身份证号码重复"
            continue
        first_row_of[plan.id_number] = row_number
        person = existing.get(plan.id_number)
        if person is None:
            valid = _validated(raw, None, plan)
            if valid is not None:
                plan.action, plan.values = "create", valid
            continue
        plan.person_id = person.id
        wanted = {k: v for k, v in raw.items() if k != "id_number" and v != _current(person, k)}
        if wanted:
            wanted = _validated(wanted, person, plan) or {}
            if plan.reason:
                continue
        wanted = {k: v for k, v in wanted.items() if v != _current(person, k)}
        if person.id not in held:
            held[person.id] = {i.category for i in identities_of(person.id)}
        new_identities = [c for c in plan.identities if c not in held[person.id]]
        plan.values, plan.identities = wanted, new_identities
        plan.changes = [(FIELD_LABELS.get(k, k), _display(k, _current(person, k)), _display(k, v))
                        for k, v in wanted.items()]
        plan.changes += [("人员类别", "", f"增加{vocab.label('identity', c)}") for c in new_identities]
        if plan.changes:
            plan.action = "update"
        else:
            plan.reason = f"已登记（{person.name}），没有需要更新的信息"
    yield Progress(total, total, "检查完成")
    return ImportPlan(sheet, mapping, plans, station_code)


# -- the import -------------------------------------------------------------------------------------
def apply_import(plan: ImportPlan, *, actor: Actor, home=None) -> Job[ImportResult]:
    """Create and update every planned row in ONE transaction: all of them, or — on any error — none.

    Updates go through registry.save_person. New persons carry the values validate_person returned
    in the dry run and are written by one models.write Writer (like bench.demo_home.populate): a
    save_person per row re-reads the installation and re-checks duplicates one by one, too slow for
    a 20 000-row roster; the duplicate check is redone here for all rows at once instead.
    With `home`, the database is backed up first (DESIGN.md §6: before imports). Closing the
    generator early (Cancel) rolls the transaction back as well.
    """
    creates = [r for r in plan.rows if r.action == "create"]
    updates = [r for r in plan.rows if r.action == "update"]
    total = len(creates) + len(updates)
    backup = None
    if home is not None and total:
        from models.backup import backup_database

        yield Progress(0, total, "正在备份数据库…")
        backup = str(backup_database(home, reason="import"))
    changes = OpChanges()
    done = 0
    with db.atomic():
        for row in updates:
            idents = None
            if row.identities:
                idents = [{"category": i.category, "subtypes": i.subtypes, "note": i.note}
                          for i in identities_of(row.person_id)] + [{"category": c} for c in row.identities]
            op = _guarded(row, lambda: save_person(row.person_id, row.values, identities=idents, actor=actor)[1])
            _merge(changes, op)
            done += 1
            if done % 200 == 0:
                yield Progress(done, total, "正在导入…")
        taken = _existing_by_number([r.id_number for r in creates])
        if taken:
            row = next(r for r in creates if r.id_number in taken)
            raise ImportAborted(f"第 {row.row} 行（{row.name}）的身份证号码在预览之后已被登记。整个导入已撤销，"
                                "没有任何人员被导入，请重新预览后再试。", row=row.row)
        with writing(actor) as w:
            for row in creates:
                def create(row=row):
                    person = w.create(Person, {"station_code": plan.station_code, "status": "active", **row.values})
                    for category in row.identities:
                        w.create(PersonIdentity, {"person": person.id, "category": category, "subtypes": [],
                                                  "note": None})
                _guarded(row, create)
                done += 1
                if done % 200 == 0:
                    yield Progress(done, total, "正在导入…")
            yield Progress(total, total, "正在保存…")  # the last chance to cancel: still inside the transaction
        _merge(changes, w.changes)
    return ImportResult(len(creates), len(updates), changes, backup)


def _guarded(row: RowPlan, step):
    try:
        return step()
    except DomainError as exc:
        raise ImportAborted(f"第 {row.row} 行（{row.name}）未能导入：{exc.message}。"
                            "整个导入已撤销，没有任何人员被导入，请重新预览后再试。", row=row.row) from None


def _merge(into: OpChanges, more: OpChanges) -> None:
    into.created += more.created
    into.updated += more.updated
    into.tombstoned += more.tombstoned


class ImportAborted(DomainError):
    code = "import_aborted"
