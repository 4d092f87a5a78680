"""Reading a roster workbook: find the header, fill merged cells, and map columns to fields.

    sheet = read_roster(path, home)          # the header is found in the first twenty rows
    mapping = propose_mapping(sheet, home)   # column index → field key (or "ignore")
    remember_mapping(home, sheet, mapping)   # after the user confirmed it

FIELDS lists what a column can be and the header words rosters use for it. Confirmed choices are
kept in <home>/roster_import_mapping.json (normalised header text → field key).
"""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
import zipfile
import zlib
from zipfile import BadZipFile

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from ledgers import roster_cells as C
from models.errors import DomainError, ValidationError

HEADER_SCAN_ROWS = 20
MAX_PART_BYTES = 64 * 1024 * 1024  # one part of the .xlsx, unpacked: a 20 000-row roster's sheet is ~20 MB
MAX_UNPACKED_BYTES = 160 * 1024 * 1024  # all parts together (a zip bomb declares hundreds of MB)
MAPPING_FILE = "roster_import_mapping.json"
IGNORE = "ignore"

# field → (label, kind, header words that mean it). kind: text | name | id | date | phone | vocabulary name
FIELDS: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "name": ("姓名", "name", ("姓名", "名字", "人员姓名", "退役军人姓名", "优抚对象姓名", "服务对象姓名", "对象姓名",
                           "姓名(曾用名)")),
    "id_number": ("公民身份号码", "id", ("公民身份号码", "身份证号", "身份证号码", "证件号码", "身份证", "身份证件号",
                                       "公民身份证号码", "公民身份证号", "身份证件号码", "身份号码", "证件号",
                                       "居民身份证号码", "居民身份证号", "公民身份号", "身份证编号")),
    "sex": ("性别", "sex", ("性别",)),
    "ethnicity": ("民族", "ethnicity", ("民族", "族别")),
    "birth_date": ("出生日期", "date", ("出生日期", "出生年月", "出生时间", "出生年月日")),
    "identities": ("人员类别", "identity", ("人员类别", "类别", "对象类别", "身份类别", "人员类型", "优抚类别",
                                          "优抚对象类别", "人员身份", "退役军人类别", "退役军人类型", "对象类型",
                                          "身份", "类型", "优抚对象类型")),
    "political": ("政治面貌", "political", ("政治面貌", "政治身份")),
    "education": ("文化程度", "education", ("文化程度", "学历", "文化")),
    "enlist_date": ("入伍时间", "date", ("入伍时间", "入伍年月", "入伍日期", "入伍年月日", "参军时间", "入伍年份")),
    "discharge_date": ("退役时间", "date", ("退役时间", "退伍时间", "退役年月", "退伍年月", "退役日期", "退伍日期",
                                          "退役年月日", "退伍年月日", "复员时间", "转业时间", "退役年份")),
    "enlist_place": ("入伍地", "text", ("入伍地", "入伍地点")),
    "branch_unit": ("军种/部队代号", "text", ("部队代号", "服役部队", "部队番号", "军种", "军种/部队代号", "原部队",
                                           "原服役部队")),
    "rank": ("军衔", "text", ("军衔", "退役时军衔", "职务/军衔")),
    "placement": ("安置方式", "placement", ("安置方式", "安置情况", "安置类别", "安置去向")),
    "discharge_cert_no": ("退役证号", "text", ("退役证号", "退伍证号", "退役证编号", "退伍证编号", "退役证书编号")),
    "village": ("嘎查村", "village", ("嘎查村", "所属嘎查村", "嘎查", "村", "所在村", "村组", "所在嘎查村",
                                   "嘎查(村)", "村(嘎查)", "村(社区)", "嘎查村(社区)", "所属村", "所属嘎查", "所在嘎查",
                                   "所属村(嘎查)", "所属嘎查(村)", "所在嘎查(村)", "所在村(嘎查)", "村名", "嘎查村名称",
                                   "村(居)", "嘎查村(居)", "所属村居", "村居", "嘎查村社区", "所属嘎查村(社区)")),
    "phone": ("联系电话", "phone", ("联系电话", "电话", "手机", "手机号", "手机号码", "联系方式", "电话号码",
                                 "本人电话", "本人联系电话", "联系手机")),
    "household_address": ("户籍地址", "text", ("户籍地址", "户籍地", "户口所在地", "户籍所在地")),
    "residence_address": ("常住地址", "text", ("常住地址", "现住址", "家庭住址", "居住地址", "住址", "家庭地址",
                                             "现居住地", "现居住地址", "家庭详细住址")),
    "former_name": ("曾用名", "name", ("曾用名",)),
    "note": ("备注", "text", ("备注", "说明")),
    IGNORE: ("（不导入）", "text", ("序号", "编号", "序", "no", "no.", "序列号")),
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
    hidden: set[int] = field(default_factory=set)  # indexes of hidden columns

    def cell(self, row: int, column: int) -> str:
        """The Excel address of a cell: cell(5, 4) == "E5"."""
        from openpyxl.utils import get_column_letter

        return f"{get_column_letter(column + 1)}{row}"

    def column_name(self, column: int) -> str:
        """The column's header as written (one line), or 第N列."""
        header = C.text_of(self.headers[column]) if column < len(self.headers) else ""
        header = re.sub(r"(?<=[^\x00-\x7f])\s+(?=[^\x00-\x7f])", "", header)  # 姓  名: spaces that pad a heading
        return " ".join(header.split()) or f"第{column + 1}列"


def read_roster(path: Path, home=None) -> RosterSheet:
    """Open the sheet that has the roster header; merged cells are filled in; blank rows dropped.

    The header is the row among the first twenty that names the most known columns (and at least
    姓名 and 身份证号码, by any of their usual names or one the user mapped before in `home`); a
    second header row under a merged group heading (服役情况 → 入伍时间 | 退役时间) is read with it.
    Of several sheets, the visible one with the best header wins (an empty Sheet2 or a 填写说明 never).
    """
    path = Path(path)
    if not path.is_file():
        raise RosterUnreadable(f"找不到文件 {path}。", path=str(path))
    _refuse_other_formats(path)
    _refuse_oversized(path)
    try:
        wb = load_workbook(path, data_only=True)
    except (InvalidFileException, BadZipFile, OSError, KeyError, ValueError, TypeError, IndexError, EOFError,
            zlib.error, SyntaxError, NotImplementedError):  # ParseError is a SyntaxError; an unknown zip method
        raise RosterUnreadable(f"无法读取 {path.name}：请确认它是 Excel 的 .xlsx 文件（旧版 .xls 请先在 Excel 中"
                               "另存为 .xlsx），并且没有损坏。", path=str(path)) from None
    learned = learned_mapping(home) if home is not None else {}
    best = None
    for order, ws in enumerate(wb.worksheets):
        found = _find_header(ws, learned)
        if found is None:
            continue
        score, header_row, headers, last_header_row = found
        visible = ws.sheet_state == "visible"
        rank = (visible, score, ws is wb.active, -order)
        if best is None or rank > best[0]:
            best = (rank, ws, header_row, headers, last_header_row)
    if best is None:
        raise RosterUnreadable(f"在 {path.name} 的前{HEADER_SCAN_ROWS}行中没有找到表头（至少需要“姓名”和“身份证号码”两列）。"
                               "请检查文件，或下载导入模板对照填写。", path=str(path))
    _, ws, header_row, headers, last_header_row = best
    _fill_merged(ws, last_header_row)
    rows = []
    for cells in ws.iter_rows(min_row=last_header_row + 1):
        values = [c.value for c in cells]
        if all(C.text_of(v) == "" for v in values):
            continue
        rows.append((cells[0].row, values, [c.number_format for c in cells]))
    hidden = {i for i in range(len(headers)) if _column_hidden(ws, i)}
    return RosterSheet(str(path), ws.title, header_row, headers, rows, hidden)


def _refuse_other_formats(path: Path) -> None:
    """.xls, .csv, .et and friends get a sentence saying what to do, not "cannot read"."""
    with open(path, "rb") as f:
        head = f.read(8)
    suffix = path.suffix.lower()
    if head.startswith(b"\xd0\xcf\x11\xe0") or suffix in (".xls", ".et"):
        raise RosterUnreadable(f"{path.name} 是旧版 Excel（.xls）或 WPS 表格文件，本程序只读取 .xlsx。请在 Excel 或 WPS 中"
                               "打开它，选择“另存为”→“Excel 工作簿（*.xlsx）”，再导入另存的文件。", path=str(path))
    if suffix in (".csv", ".txt", ".tsv") and not head.startswith(b"PK"):
        raise RosterUnreadable(f"{path.name} 是文本（CSV）文件，本程序只读取 .xlsx。请在 Excel 或 WPS 中打开它，"
                               "把身份证号码列设为文本格式，另存为“Excel 工作簿（*.xlsx）”后再导入。", path=str(path))


def _refuse_oversized(path: Path) -> None:
    """Read the sizes the zip's central directory declares before openpyxl inflates anything: Python's
    zipfile never inflates an entry beyond its declared size, so this bounds what reading can cost."""
    try:
        with zipfile.ZipFile(path) as z:
            sizes = [info.file_size for info in z.infolist()]
    except (BadZipFile, OSError, ValueError, EOFError, NotImplementedError):
        return  # not a zip at all: load_workbook says so with the usual sentence
    if len(sizes) > 10_000 or sum(sizes) > MAX_UNPACKED_BYTES or max(sizes, default=0) > MAX_PART_BYTES:
        raise RosterUnreadable(f"{path.name} 解压后大小异常（约 {sum(sizes) // 1024 // 1024} MB），不像是一份花名册，"
                               "可能已损坏或被改动，未导入任何人员。", path=str(path))


def _find_header(ws, learned: dict) -> tuple[int, int, list[str], int] | None:
    """(score, header row, header text per column, last header row) of the best header row, or None."""
    raw = [[c.value for c in cells] for cells in ws.iter_rows(min_row=1, max_row=HEADER_SCAN_ROWS + 1)]
    grid = [list(values) for values in raw]
    _spread_header_merges(ws, grid)  # for the second header row; the header itself is chosen as written
    best = None
    for index, values in enumerate(raw[:HEADER_SCAN_ROWS]):
        keys = [_known_field(v, learned) for v in values]
        score = sum(1 for k in keys if k and k != IGNORE)
        if {"name", "id_number"} <= set(keys) and (best is None or score > best[0]):
            best = (score, index, keys)
    if best is None:
        return None
    score, index, keys = best
    headers = [C.text_of(v) for v in grid[index]]
    last = index
    below = grid[index + 1] if index + 1 < len(grid) else []
    below_keys = [_known_field(v, learned) for v in below]
    # a second header row: known column names under a group heading, and no ID number in it
    if any(k and k != IGNORE and k not in keys for k in below_keys) and not any(
            C.id_text(v)[:15].isdigit() for v in below):
        for column, key in enumerate(below_keys):
            if column < len(headers) and key and (not keys[column] or keys[column] == IGNORE
                                                  or keys.count(keys[column]) > 1):
                headers[column] = C.text_of(below[column])
        while len(headers) < len(below):
            headers.append(C.text_of(below[len(headers)]))
        last = index + 1
    return score, index + 1, headers, last + 1


def _spread_header_merges(ws, grid: list[list]) -> None:
    """A heading merged over several cells counts for each of them (姓名 merged over two header rows)."""
    for merged in ws.merged_cells.ranges:
        if merged.min_row > len(grid):
            continue
        value = grid[merged.min_row - 1][merged.min_col - 1] if merged.min_col - 1 < len(grid[merged.min_row - 1]) \
            else None
        for row in range(merged.min_row, min(merged.max_row, len(grid)) + 1):
            cells = grid[row - 1]
            for col in range(merged.min_col, merged.max_col + 1):
                while len(cells) < col:
                    cells.append(None)
                if row == merged.min_row and col == merged.min_col:
                    continue
                if merged.min_col == merged.max_col:  # merged down: 姓名 over both header rows
                    cells[col - 1] = value


def _known_field(value, learned: dict | None = None) -> str | None:
    for variant in C.header_variants(value):
        if learned and variant in learned:
            return learned[variant]
        if variant in _SYNONYMS:
            return _SYNONYMS[variant]
    return None


def _column_hidden(ws, index: int) -> bool:
    from openpyxl.utils import get_column_letter

    letter = get_column_letter(index + 1)
    for key, dim in ws.column_dimensions.items():
        if dim.hidden and dim.min and dim.max and dim.min <= index + 1 <= dim.max:
            return True
        if key == letter and dim.hidden:
            return True
    return False


def _fill_merged(ws, last_header_row: int) -> None:
    """A village written once for a block of rows merged downwards belongs to every row of the block.

    A cell merged sideways (a note across the table's width) keeps its text in its first cell only.
    """
    for merged in list(ws.merged_cells.ranges):
        if merged.min_row <= last_header_row:
            continue
        value = ws.cell(merged.min_row, merged.min_col).value
        ws.unmerge_cells(str(merged))
        if merged.min_col != merged.max_col:
            continue
        for row in range(merged.min_row, merged.max_row + 1):
            ws.cell(row, merged.min_col).value = value


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
    order = sorted(range(len(sheet.headers)), key=lambda i: i in sheet.hidden)  # a hidden copy of a column loses
    for index in order:
        header = sheet.headers[index]
        key = _known_field(header, learned)
        if key and (key == IGNORE or key not in taken):
            mapping[index] = key
            taken.add(key)
    return dict(sorted(mapping.items()))


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
