"""Reading a roster workbook: find the header, fill merged cells, and map columns to fields.

    sheet = read_roster(path, home)          # the header is found in the first ten rows
    mapping = propose_mapping(sheet, home)   # column index → field key (or "ignore")
    remember_mapping(home, sheet, mapping)   # after the user confirmed it

FIELDS lists what a column can be and the header words rosters use for it. Confirmed choices are
kept in <home>/roster_import_mapping.json (normalised header text → field key).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ledgers import roster_cells as C
from models.errors import DomainError, ValidationError

HEADER_SCAN_ROWS = 10
MAPPING_FILE = "roster_import_mapping.json"
IGNORE = "ignore"

# field → (label, kind, header words that mean it). kind: text | name | id | date | phone | vocabulary name
FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "name": ("姓名", "name", ("姓名", "名字", "人员姓名", "退役军人姓名", "优抚对象姓名")),
    "id_number": ("公民身份号码", "id", ("公民身份号码", "身份证号", "身份证号码", "证件号码", "身份证",
                                       "公民身份证号码", "身份证件号码", "身份号码", "证件号")),
    "sex": ("性别", "sex", ("性别",)),
    "ethnicity": ("民族", "ethnicity", ("民族",)),
    "birth_date": ("出生日期", "date", ("出生日期", "出生年月", "出生时间", "出生年月日")),
    "identities": ("人员类别", "identity", ("人员类别", "类别", "对象类别", "身份类别", "人员类型", "优抚类别")),
    "political": ("政治面貌", "political", ("政治面貌",)),
    "education": ("文化程度", "education", ("文化程度", "学历")),
    "enlist_date": ("入伍时间", "date", ("入伍时间", "入伍年月", "入伍日期")),
    "discharge_date": ("退役时间", "date", ("退役时间", "退伍时间", "退役年月", "退伍年月", "退役日期", "退伍日期")),
    "enlist_place": ("入伍地", "text", ("入伍地", "入伍地点")),
    "branch_unit": ("军种/部队代号", "text", ("部队代号", "服役部队", "部队番号", "军种", "军种/部队代号")),
    "rank": ("军衔", "text", ("军衔", "退役时军衔")),
    "placement": ("安置方式", "placement", ("安置方式", "安置情况", "安置类别")),
    "discharge_cert_no": ("退役证号", "text", ("退役证号", "退伍证号", "退役证编号")),
    "village": ("嘎查村", "village", ("嘎查村", "所属嘎查村", "嘎查", "村", "所在村", "村组", "所在嘎查村",
                                   "嘎查(村)", "村(嘎查)", "村(社区)", "嘎查村(社区)")),
    "phone": ("联系电话", "phone", ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码")),
    "household_address": ("户籍地址", "text", ("户籍地址", "户籍地", "户口所在地")),
    "residence_address": ("常住地址", "text", ("常住地址", "现住址", "家庭住址", "居住地址", "住址", "家庭地址")),
    "former_name": ("曾用名", "name", ("曾用名",)),
    "note": ("备注", "text", ("备注", "说明")),
    IGNORE: ("（不导入）", "text", ("序号", "编号", "序")),
}
ESSENTIAL = {"name", "id_number"}
_SYNONYMS = {C.normalize_header(word): key for key, (_, _, words) in FIELDS.items() for word in words}

class RosterUnreadable(DomainError):
    code = "roster_unreadable"

@dataclass
class RosterSheet:
    path: str
    sheet: str
    header_row: int  # 1-based Excel row number
    headers: list[str]  # header text per column, as written
    rows: list[tuple[int, list, list[str]]]  # (Excel row, values, number formats) below the header


def read_roster(path: Path, home=None) -> RosterSheet:
    """Open the first sheet that has a roster header; merged cells are filled in; blank rows dropped.

    The header is the row among the first ten that names the most known columns (and at least
    姓名 and 身份证号码, by any of their usual names or one the user mapped before in `home`).
    """
    path = Path(path)
    if not path.is_file():
        raise RosterUnreadable(f"找不到文件 {path}。", path=str(path))
    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError):
        raise RosterUnreadable(f"无法读取 {path.name}：请确认它是 Excel 的 .xlsx 文件（旧版 .xls 请先在 Excel 中"
                               "另存为 .xlsx），并且没有损坏。", path=str(path)) from None
    learned = learned_mapping(home) if home is not None else {}
    for ws in wb.worksheets:
        found = _find_header(ws, learned)
        if found is None:
            continue
        header_row, headers = found
        _fill_merged(ws, header_row)
        rows = []
        for cells in ws.iter_rows(min_row=header_row + 1):
            values = [c.value for c in cells]
            if all(C.text_of(v) == "" for v in values):
                continue
            rows.append((cells[0].row, values, [c.number_format for c in cells]))
        return RosterSheet(str(path), ws.title, header_row, headers, rows)
    raise RosterUnreadable(f"在 {path.name} 的前{HEADER_SCAN_ROWS}行中没有找到表头（至少需要“姓名”和“身份证号码”两列）。"
                           "请检查文件，或下载导入模板对照填写。", path=str(path))


def _find_header(ws, learned: dict) -> tuple[int, list[str]] | None:
    best = None
    for cells in ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS):
        keys = [_known_field(c.value, learned) for c in cells]
        score = sum(1 for k in keys if k and k != IGNORE)
        if {"name", "id_number"} <= set(keys) and (best is None or score > best[0]):
            best = (score, cells[0].row, [C.text_of(c.value) for c in cells])
    return (best[1], best[2]) if best else None


def _known_field(value, learned: dict | None = None) -> str | None:
    for variant in C.header_variants(value):
        if learned and variant in learned:
            return learned[variant]
        if variant in _SYNONYMS:
            return _SYNONYMS[variant]
    return None


def _fill_merged(ws, header_row: int) -> None:
    """A village written once for a block of merged rows belongs to every row of the block."""
    for merged in list(ws.merged_cells.ranges):
        if merged.min_row <= header_row:
            continue
        value = ws.cell(merged.min_row, merged.min_col).value
        ws.unmerge_cells(str(merged))
        for row in range(merged.min_row, merged.max_row + 1):
            for col in range(merged.min_col, merged.max_col + 1):
                ws.cell(row, col).value = value


def _mapping_file(home) -> Path:
    return Path(home.root) / MAPPING_FILE


def learned_mapping(home) -> dict[str, str]:
    try:
        return json.loads(_mapping_file(home).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def propose_mapping(sheet: RosterSheet, home=None) -> dict[int, str]:
    """Column index → field (or "ignore"): what the user confirmed before, else the known header words."""
    learned = learned_mapping(home) if home is not None else {}
    mapping, taken = {}, set()
    for index, header in enumerate(sheet.headers):
        key = _known_field(header, learned)
        if key and (key == IGNORE or key not in taken):
            mapping[index] = key
            taken.add(key)
    return mapping


def remember_mapping(home, sheet: RosterSheet, mapping: dict[int, str]) -> None:
    """Keep the confirmed header → field choices for the next roster (a small JSON in the home)."""
    learned = learned_mapping(home)
    for index, key in mapping.items():
        if index < len(sheet.headers) and sheet.headers[index]:
            learned[C.normalize_header(sheet.headers[index])] = key
    path = _mapping_file(home)
    partial = path.with_name(path.name + ".part")
    partial.write_text(json.dumps(learned, ensure_ascii=False, indent=1, sort_keys=True), encoding="utf-8")
    partial.replace(path)


def check_mapping(mapping: dict[int, str]) -> None:
    keys = [k for k in mapping.values() if k != IGNORE]
    problems = {}
    for key in ESSENTIAL - set(keys):
        problems[key] = f"请指定哪一列是“{FIELDS[key][0]}”"
    doubled = {k for k in keys if keys.count(k) > 1}
    for key in doubled:
        problems[key] = f"“{FIELDS[key][0]}”对应了多列，请只选一列"
    unknown = [k for k in keys if k not in FIELDS]
    if unknown:
        problems["mapping"] = f"未知的导入项：{'、'.join(unknown)}"
    if problems:
        raise ValidationError(problems)
