"""Any list → .xlsx: a title row, the header, the rows as filtered, with cells Excel understands.

    columns = [XlsxColumn("姓名"), XlsxColumn("公民身份号码", "id"), XlsxColumn("出生日期", "date"),
               XlsxColumn("个人年收入（元）", "money")]
    run(write_xlsx(path, "退役军人名单", columns, rows, total=len(rows), subtitle="筛选：退役士兵"))
    run(export_people(path, PersonQuery(identity="retired_soldier"), actor=clerk))     # numbers masked
    run(export_people(path, query, full_id=True, actor=head, reason="报送上级"))   # full: role + reason

Every people export is audited (`export`: file, how many persons, masked or full, the reason).

Kinds: text, id (always a text cell formatted "@" — never 1.50626E+17), date (a real date shown
yyyy-mm-dd), money (integer fen → 元 with 0.00), int. Rows stream straight into the file's sheet
(ledgers/xlsx_writer.py), so memory stays flat for 100 000 rows; the file is written beside the
target and renamed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Sequence

from ledgers.files import output_file
from ledgers.progress import Job, Progress
from ledgers.xlsx_writer import SheetWriter
from models import vocab
from models.audit import record
from models.idnumber import mask
from models.privacy import full_numbers, mask_phone
from models.person import Person
from models.permissions import require
from models.registry_search import PersonQuery, count_people, search_people
from models.write import CLI_ACTOR, Actor

SAMPLE_ROWS = 500  # rows looked at to size the columns (the widths come before the rows in the file)
DEFAULT_WIDTHS = {"id": 21, "date": 12, "money": 13, "int": 8}


@dataclass(frozen=True)
class XlsxColumn:
    label: str
    kind: str = "text"  # text | id | date | money | int


def _display_width(text: str) -> int:
    """Excel column width units: a CJK character is about two."""
    return sum(2 if ord(c) > 0x2E80 else 1 for c in text)


def write_xlsx(path: Path, title: str, columns: Sequence[XlsxColumn], rows: Iterable[Sequence],
               *, total: int | None = None, subtitle: str = "", sheet: str = "Sheet1") -> Job[Path]:
    """Stream rows (raw values: str, date, fen int …) into a new workbook at `path`."""
    path = Path(path)
    rows = iter(rows)
    sample = [row for _, row in zip(range(SAMPLE_ROWS), rows)]
    widths = []
    for j, col in enumerate(columns):
        widest = max([_display_width(col.label)] + [_display_width(str(r[j])) for r in sample
                                                     if r[j] is not None and col.kind == "text"])
        widths.append(max(DEFAULT_WIDTHS.get(col.kind, 0), min(widest + 2, 60)))
    kinds = [col.kind for col in columns]
    written = 0
    step = 2000
    with output_file(path) as partial:
        with SheetWriter(partial, sheet=sheet, widths=widths) as out:
            out.title(title + (f"（{subtitle}）" if subtitle else ""))
            out.header([col.label for col in columns])
            for row in _chain(sample, rows):
                out.row(row, kinds)
                written += 1
                if written % step == 0:
                    yield Progress(written, total or written, "正在导出…")  # cancelling here leaves no file
            yield Progress(written, total or written, "正在保存文件…")
    return path


def _chain(first: list, rest):
    yield from first
    yield from rest


PEOPLE_COLUMNS = (
    XlsxColumn("姓名"), XlsxColumn("性别"), XlsxColumn("民族"), XlsxColumn("出生日期", "date"),
    XlsxColumn("公民身份号码", "id"), XlsxColumn("人员类别"), XlsxColumn("政治面貌"), XlsxColumn("联系电话"),
    XlsxColumn("嘎查村"), XlsxColumn("人员状态"), XlsxColumn("入伍时间", "date"), XlsxColumn("退役时间", "date"),
    XlsxColumn("安置方式"), XlsxColumn("就业状态"), XlsxColumn("个人年收入（元）", "money"),
    XlsxColumn("家庭年收入（元）", "money"), XlsxColumn("人员标签"), XlsxColumn("备注"),
)
_EXTRA = (Person.id, Person.political, Person.enlist_date, Person.discharge_date, Person.placement,
          Person.employment_status, Person.personal_income_fen, Person.family_income_fen, Person.note)
PAGE = 5000


def describe_query(query: PersonQuery) -> str:
    """The filter in words, for the title row (\"as filtered\")."""
    from models.installation import Village

    parts = []
    if query.text:
        parts.append(f"搜索“{query.text}”")
    if query.identity:
        parts.append(vocab.label("identity", query.identity))
    if query.village_id:
        village = Village.get_or_none(Village.id == query.village_id)
        parts.append(village.name if village else "所选嘎查村")
    if query.status:
        parts.append(vocab.label("person_status", query.status))
    if query.tag:
        parts.append(f"标签：{query.tag}")
    if query.key_focus:
        parts.append("重点关注")
    return "筛选：" + "，".join(parts) if parts else "全部人员"


def people_rows(query: PersonQuery, *, full_id: bool = False):
    """The people matching `query` as export rows, page by page (the same filter the list uses)."""
    offset = 0
    while True:
        page = search_people(query, offset=offset, limit=PAGE, order="name")
        if not page:
            return
        extra = {r["id"]: r for r in Person.select(*_EXTRA).where(Person.id.in_([p["id"] for p in page])).dicts()}
        for p in page:
            e = extra[p["id"]]
            number = p["id_number"] or ""
            yield [
                p["name"], vocab.label("sex", p["sex"]), vocab.label("ethnicity", p["ethnicity"]), p["birth_date"],
                number if full_id else mask(number),
                "、".join(vocab.label("identity", c) for c in p["identities"]),
                vocab.label("political", e["political"]), p["phone"] if full_id else mask_phone(p["phone"]),
                p["village_name"],
                vocab.label("person_status", p["status"]), e["enlist_date"], e["discharge_date"],
                vocab.label("placement", e["placement"]), vocab.label("employment", e["employment_status"]),
                e["personal_income_fen"], e["family_income_fen"], "、".join(p["tags"] or []), e["note"],
            ]
        offset += len(page)


def export_people(path: Path, query: PersonQuery = PersonQuery(), *, full_id: bool = False,
                  actor: Actor | None = None, reason: str | None = None) -> Job[Path]:
    """The people list as .xlsx; ID and phone numbers masked unless `full_id` (a role that may, and a reason)."""
    actor = actor or CLI_ACTOR
    require(actor, "export", target=Path(path).name)
    if full_id:
        reason = full_numbers(actor, "export", reason=reason, target=Path(path).name)
    total = count_people(query)
    written = yield from write_xlsx(path, "退役军人及其他优抚对象名单", PEOPLE_COLUMNS,
                                    people_rows(query, full_id=full_id), total=total,
                                    subtitle=f"{describe_query(query)}，导出于{dt.date.today().isoformat()}",
                                    sheet="人员名单")
    detail = {"file": str(written), "persons": total, "full_id": full_id, "filter": describe_query(query)}
    if full_id:
        detail["reason"] = reason
    record("export", actor=actor, target=Path(written).name, detail=detail)
    return written
