"""花名册导入: persons from the .xlsx rosters stations already keep — detect, map, dry-run, import.

    sheet = read_roster(path)                          # finds the header in the first rows
    mapping = propose_mapping(sheet, home)             # column → field; the user may correct it
    plan = run(plan_import(sheet, mapping, villages="add"))   # dry run: every row → 新建/更新/跳过/拒绝 + why
    plan.detail(row)                                   # that row's sentence (the CLI and the wizard show it)
    result = run(apply_import(plan, actor=actor, home=home))   # all valid rows in one transaction, or none
    remember_mapping(home, sheet, mapping)             # the next roster with these headers maps itself

Nothing is written before apply_import; apply_import backs the database up first and rolls back
completely if any row fails. Blank cells never erase what is registered: an update only fills or
changes the fields the roster gives. A row is 拒绝 (rejected) when a cell makes it impossible (a bad
ID number, no name): the reason names that cell — column, address and value. A 嘎查村 that is not on
the station's list is, as the user chooses (`villages=`): left empty ("leave"), added to the
station's list through models.installation.add_village ("add"), or kept as text ("text",
Person.village_text). Reading the workbook and the column mapping (and where the confirmed mapping
is kept) are ledgers.roster_sheet; cell conversions are ledgers.roster_cells.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass, field
from decimal import Decimal

from ledgers import roster_cells as C
from ledgers.progress import Job, Progress
from ledgers.roster_sheet import (ESSENTIAL, FIELDS, IGNORE, RosterSheet, RosterUnreadable, check_mapping,  # noqa: F401
                                  learned_mapping, propose_mapping, read_roster, remember_mapping)
from models import vocab
from models.db import db
from models.errors import DomainError, ValidationError
from models.idnumber import InvalidIdNumber, parse_id_number
from models.installation import Installation, Village, add_village
from models.person import FIELD_LABELS, Person, PersonIdentity
from models.registry import identities_of, save_person, validate_person
from models.villages import VILLAGE_SUFFIXES, village_key, village_name
from models.write import Actor, OpChanges, writing

ACTIONS = {"create": "新建", "update": "更新", "skip": "跳过", "reject": "拒绝"}
VILLAGE_POLICIES = {"leave": "不填写所属嘎查村", "add": "添加到本站嘎查村名单", "text": "按文字保留嘎查村名称"}
_TOWN_PREFIX = re.compile(r"^(?:.{1,8}?(?:省|自治区|市|盟|旗|县))*.{1,8}?(?:镇|苏木|乡|经济开发区|开发区)(?=.)")


@dataclass(frozen=True)
class NewVillage:
    """A 嘎查村 the import will add to the station's list (its id exists only after apply_import)."""

    name: str


@dataclass
class RowPlan:
    row: int
    action: str  # create | update | skip | reject
    name: str = ""
    id_number: str = ""
    reason: str = ""  # why skipped or rejected (or why nothing to update)
    cell: str = ""  # the cell a rejection is about: 身份证号（E10）「150626…」
    warnings: list[str] = field(default_factory=list)  # a cell left out, the row still imports
    notes: list[str] = field(default_factory=list)  # what else happens (a village added, kept as text)
    changes: list[tuple[str, str, str]] = field(default_factory=list)  # update: (field label, old, new)
    values: dict = field(default_factory=dict)
    identities: list[str] = field(default_factory=list)
    person_id: str | None = None
    unknown_village: str = ""  # the 嘎查村 as written, when it is not on the station's list

    def refuse(self, reason: str, cell: str = "") -> None:
        self.action, self.reason, self.cell = "reject", reason, cell


@dataclass
class ImportPlan:
    sheet: RosterSheet
    mapping: dict[int, str]
    rows: list[RowPlan]
    station_code: str  # the station new persons belong to
    villages: str = "leave"  # what happens to a 嘎查村 not on the station's list: leave | add | text
    unknown_villages: dict[str, list[int]] = field(default_factory=dict)  # name → Excel rows

    def count(self, action: str) -> int:
        return sum(1 for r in self.rows if r.action == action)

    def summary(self) -> str:
        text = (f"共 {len(self.rows)} 行：新建 {self.count('create')} 人，更新 {self.count('update')} 人，"
                f"跳过 {self.count('skip')} 行")
        return text + (f"，拒绝 {self.count('reject')} 行" if self.count("reject") else "")

    def village_summary(self) -> str:
        """One sentence on the 嘎查村 not on the station's list, and what will happen to them ('' if none)."""
        if not self.unknown_villages:
            return ""
        names = "、".join(self.unknown_villages)
        return (f"{len(self.unknown_villages)} 个嘎查村不在本站名单中：{names}。"
                f"处理方式：{VILLAGE_POLICIES[self.villages]}。")

    def new_villages(self) -> list[str]:
        """The 嘎查村 apply_import adds to the station's list: those of the rows it imports."""
        names = [r.values["village"].name for r in self.rows if r.action in ("create", "update")
                 and isinstance(r.values.get("village"), NewVillage)]
        return list(dict.fromkeys(names))

    @staticmethod
    def detail(row: RowPlan) -> str:
        """What happens to the row and why, in one line: the reason (with its cell), the changes, notes, 提示."""
        parts = ["尚未登记此身份证号码，新建档案"] if row.action == "create" else []
        if row.reason:
            parts.append(f"{row.cell}：{row.reason}" if row.cell else row.reason)
        parts += [f"{label}：{old or '（空）'} → {new}" for label, old, new in row.changes]
        if row.action in ("create", "update"):
            parts += row.notes
        parts += [f"提示：{warning}" for warning in row.warnings]
        return "；".join(parts)

    def to_json(self) -> dict:
        def value(v):
            if isinstance(v, NewVillage):
                return f"（新增）{v.name}"
            return v.isoformat() if hasattr(v, "isoformat") else v

        def row(r: RowPlan) -> dict:
            d = asdict(r)
            d["values"] = {k: value(v) for k, v in r.values.items()}
            d["action_label"] = ACTIONS[r.action]
            d["detail"] = self.detail(r)
            return d

        return {"file": self.sheet.path, "sheet": self.sheet.sheet, "header_row": self.sheet.header_row,
                "mapping": {self.sheet.column_name(i): FIELDS[f][0] for i, f in self.mapping.items()},
                "create": self.count("create"), "update": self.count("update"), "skip": self.count("skip"),
                "reject": self.count("reject"), "villages": self.villages,
                "unknown_villages": self.unknown_villages, "rows": [row(r) for r in self.rows]}


@dataclass
class ImportResult:
    created: int
    updated: int
    changes: OpChanges
    backup: str | None
    villages_added: int = 0


# -- the dry run ------------------------------------------------------------------------------------
class _RowReader:
    """Turns one roster row into person values, identities and warnings (no database writes)."""

    def __init__(self, sheet: RosterSheet, mapping: dict[int, str], station_code: str | None, villages: str):
        self.sheet = sheet
        self.mapping = {i: k for i, k in mapping.items() if k != IGNORE}
        self.policy = villages
        query = Village.live()
        if station_code:
            query = query.where(Village.station == station_code)
        self.villages: dict[str, str] = {}
        for v in query:
            self.villages.setdefault(C.compact(v.name), v.id)
            self.villages.setdefault(village_key(v.name), v.id)
        self.unknown: dict[str, list[int]] = {}  # village key → rows
        self.unknown_names: dict[str, str] = {}  # village key → the fullest name written

    def where(self, row: int, index: int, raw) -> str:
        """身份证号（E10）「…」: the column as the roster names it, the cell, and what it holds."""
        return f"{self.sheet.column_name(index)}（{self.sheet.cell(row, index)}）「{self.shown(raw)}」"

    @staticmethod
    def shown(raw) -> str:
        if isinstance(raw, float) and not raw.is_integer():
            return repr(raw)
        if isinstance(raw, float) and abs(raw) >= 1e15:
            return format(Decimal(f"{raw:.15g}"), "f")  # what Excel keeps: 15 digits, then zeros
        return C.text_of(raw)

    def read(self, row: int, values: list, formats: list[str], plan: RowPlan) -> dict:
        out: dict = {}
        for index, key in self.mapping.items():
            raw = values[index] if index < len(values) else None
            if C.is_blank(raw):
                continue
            label, kind, _ = FIELDS[key]
            fmt = formats[index] if index < len(formats) else "General"
            where = self.where(row, index, raw)
            if kind == "name":
                out[key] = C.compact(raw)
                plan.cells[key] = where
            elif kind == "id":
                out[key] = C.id_text(raw)
                plan.cells[key] = where
                if C.id_lost_digits(raw):
                    plan.lost_digits = True
            elif kind == "date":
                try:
                    out[key] = C.cell_date(raw, fmt)
                except ValueError:
                    plan.warnings.append(f"{where}不是日期，未导入该项")
            elif kind == "phone":
                out[key] = C.first_phone(raw)
                plan.cells[key] = where
            elif kind == "identity":
                codes = []
                for word in C.split_list(raw):
                    code = C.code_of("identity", word)
                    if code:
                        codes.append(code)
                    else:
                        plan.warnings.append(f"{where}中的人员类别「{word}」不在可选范围内，未导入该项")
                plan.identities = list(dict.fromkeys(codes))
            elif kind == "village":
                self._village(row, raw, out, plan)
            elif kind in vocab.VOCABULARIES:
                code = C.code_of(kind, raw)
                if code:
                    out[key] = code
                else:
                    plan.warnings.append(f"{where}不在{label}的可选范围内，未导入该项")
            else:
                out[key] = C.text_of(raw)
                plan.cells[key] = where
        return out

    def _village(self, row: int, raw, out: dict, plan: RowPlan) -> None:
        written = C.compact(raw)
        bare = _TOWN_PREFIX.sub("", written)  # 嘎鲁图镇布日都嘎查: the town is the station itself
        if len(village_key(bare)) < 2 or not bare.endswith(VILLAGE_SUFFIXES):
            bare = written  # 新乡村 is a village, not 新乡 + 村
        for name in dict.fromkeys((written, bare)):
            found = self.villages.get(name) or self.villages.get(village_key(name))
            if found:
                out["village"] = found
                return
        written = bare
        key = village_key(written)
        self.unknown.setdefault(key, []).append(row)
        if len(village_name(written)) > len(self.unknown_names.get(key, "")):
            self.unknown_names[key] = village_name(written)
        plan.unknown_village = written
        if self.policy == "add":
            out["village"] = NewVillage(key)  # the name is settled once every row is read
        elif self.policy == "text":
            out["village_text"] = written
            plan.notes.append(f"嘎查村「{written}」不在本站名单中，按文字保留")
        else:
            plan.warnings.append(f"嘎查村「{written}」不在本站的嘎查村名单中，未填写所属嘎查村")

    def settle_new_villages(self, plans: list["RowPlan"]) -> dict[str, list[int]]:
        """Name each village to add by its fullest spelling (布日都 and 布日都嘎查 → one 布日都嘎查)."""
        for plan in plans:
            village = plan.values.get("village")
            if isinstance(village, NewVillage):
                name = self.unknown_names[village.name]
                plan.values["village"] = NewVillage(name)
                plan.notes.append(f"嘎查村「{name}」将添加到本站名单")
                plan.changes = [(label, old, f"{name}（新增）" if label == FIELD_LABELS["village"] else new)
                                for label, old, new in plan.changes]
        return {self.unknown_names[key]: rows for key, rows in self.unknown.items()}


def _display(name: str, value) -> str:
    if value is None or value == "":
        return ""
    if isinstance(value, NewVillage):
        return value.name
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
            essential = [(f, m) for f, m in exc.fields.items() if f in ESSENTIAL]
            if essential:
                field_name, message = essential[0]
                plan.refuse(message, plan.cells.get(field_name, ""))
                return None
            for name, message in exc.fields.items():
                if name not in values:  # a rule about a field we did not bring (e.g. 重点关注原因)
                    plan.refuse(message)
                    return None
                values.pop(name)
                where = plan.cells.get(name, "")
                plan.warnings.append(f"{where}：{message}，未导入该项" if where else f"{message}，未导入该项")
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


class _Reading(RowPlan):
    """A RowPlan while its row is read: which cell each value came from, and whether digits were lost."""

    def __init__(self, row: int):
        super().__init__(row=row, action="skip")
        self.cells: dict[str, str] = {}
        self.lost_digits = False


def plan_import(sheet: RosterSheet, mapping: dict[int, str], *, station_code: str | None = None,
                villages: str = "leave") -> Job[ImportPlan]:
    """The dry run: what each row would do, with reasons. Writes nothing.

    New persons belong to this station; the bureau names the station whose roster it imports.
    `villages`: what to do with a 嘎查村 that is not on the station's list (see VILLAGE_POLICIES).
    """
    check_mapping(mapping)
    if villages not in VILLAGE_POLICIES:
        raise ValidationError({"villages": f"未知的嘎查村处理方式：{villages}"})
    station_code = station_code or Installation.get_current().station_code
    if not station_code:
        raise ValidationError({"station_code": "事务局导入花名册时，请指定这些人员所属的服务站"})
    reader = _RowReader(sheet, mapping, station_code, villages)
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
        plan = _Reading(row_number)
        plans.append(plan)
        if done % 500 == 0:
            yield Progress(done, total, "正在检查每一行…")
        if C.is_total_row(values):
            plan.reason = "合计行，不是人员"
            continue
        if C.is_note_row(values):
            plan.reason = "表格下方的说明或签字行，不是人员"
            continue
        raw = reader.read(row_number, values, formats, plan)
        plan.name, plan.id_number = raw.get("name", ""), raw.get("id_number", "")
        if not plan.name and not plan.id_number:
            plan.reason = "没有姓名和身份证号码，不是人员行"
            continue
        if not plan.id_number:
            plan.refuse("缺少公民身份号码", reader.where(row_number, id_column, None))
            continue
        if plan.lost_digits:
            plan.id_number = reader.shown(values[id_column])  # as the cell shows it, not a float's binary tail
            plan.refuse("身份证号码在Excel中存成了数字，末尾几位已丢失（Excel只保留15位有效数字）。"
                        "请把该列设为文本格式后重新填写号码", plan.cells["id_number"])
            continue
        try:
            parsed = parse_id_number(plan.id_number)
        except InvalidIdNumber as exc:
            message = exc.message
            if len(plan.id_number) == 17 and plan.id_number.isdigit():
                message += "（末位为X的号码存成数字时X会丢失，请按文本填写完整的18位）"
            plan.refuse(message, plan.cells["id_number"])
            continue
        if parsed.upgraded_from_15:
            plan.warnings.append(f"15位旧号码 {plan.id_number} 已升级为18位 {parsed.normalized}")
        plan.id_number = raw["id_number"] = parsed.normalized
        birth = raw.get("birth_date")
        if birth and birth.day == 1 and (birth.year, birth.month) == (parsed.birth_date.year, parsed.birth_date.month):
            raw["birth_date"] = parsed.birth_date  # 出生年月 1966.03 agrees with the number's 1966-03-08
        if plan.id_number in first_row_of:
            plan.refuse(f"与第 {first_row_of[plan.id_number]} 行的身份证号码重复，请核对后只保留一行",
                        plan.cells["id_number"])
            continue
        first_row_of[plan.id_number] = row_number
        if not plan.name:
            plan.refuse("缺少姓名", reader.where(row_number, _column_of(mapping, "name"), None))
            continue
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
            if plan.action == "reject":
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
    unknown = reader.settle_new_villages(plans)
    rows = [_plain(p) for p in plans]
    yield Progress(total, total, "检查完成")
    return ImportPlan(sheet, mapping, rows, station_code, villages, unknown)


def _column_of(mapping: dict[int, str], key: str) -> int:
    return next(i for i, k in mapping.items() if k == key)


def _plain(reading: _Reading) -> RowPlan:
    """The RowPlan without the reading's working notes (what the report and to_json show)."""
    return RowPlan(**{f: getattr(reading, f) for f in RowPlan.__dataclass_fields__})


# -- the import -------------------------------------------------------------------------------------
def apply_import(plan: ImportPlan, *, actor: Actor, home=None) -> Job[ImportResult]:
    """Create and update every planned row in ONE transaction: all of them, or — on any error — none.

    Updates go through registry.save_person. New persons carry the values validate_person returned
    in the dry run and are written by one models.write Writer (like demo.home.populate): a
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
        added: dict[str, str] = {}  # name of a 嘎查村 added for this import → its id
        for name in plan.new_villages():
            village = add_village(name, station_code=plan.station_code, actor=actor)  # audited like any add
            added[name] = village.id
            changes.created.append((Village._meta.table_name, village.id))
        for row in updates:
            idents = None
            if row.identities:
                idents = [{"category": i.category, "subtypes": i.subtypes, "note": i.note}
                          for i in identities_of(row.person_id)] + [{"category": c} for c in row.identities]
            op = _guarded(row, lambda: save_person(row.person_id, _resolved(row.values, added), identities=idents,
                                                   actor=actor)[1])
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
                    person = w.create(Person, {"station_code": plan.station_code, "status": "active",
                                               **_resolved(row.values, added)})
                    for category in row.identities:
                        w.create(PersonIdentity, {"person": person.id, "category": category, "subtypes": [],
                                                  "note": None})
                _guarded(row, create)
                done += 1
                if done % 200 == 0:
                    yield Progress(done, total, "正在导入…")
            yield Progress(total, total, "正在保存…")  # the last chance to cancel: still inside the transaction
        _merge(changes, w.changes)
    return ImportResult(len(creates), len(updates), changes, backup, len(added))


def _resolved(values: dict, added: dict[str, str]) -> dict:
    """The row's values with a 嘎查村 added by this import replaced by its id (the plan stays as it was)."""
    village = values.get("village")
    if isinstance(village, NewVillage):
        return {**values, "village": added[village.name]}
    return values


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
