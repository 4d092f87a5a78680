"""Reading the messy cells of real rosters: headers, ID numbers, dates, coded values.

    normalize_header(" 公民身份号码\\n（18位）")   # '公民身份号码(18位)'
    id_text(" １５０６２６…ｘ ") == "150626…X"; id_lost_digits(1.52727196906232e+17) is True
    cell_date("1985年7月") == cell_date("1985.07") == date(1985, 7, 1)
    code_of("ethnicity", "蒙古") == "02"

Only conversion lives here; what a column means and what a row becomes is ledgers.roster_import.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
import re
import unicodedata

from openpyxl.utils.datetime import from_excel

from models import vocab

_BRACKETS = re.compile(r"[(\[【<《][^)\]】>》]*[)\]】>》]")
_SPACES = re.compile(r"[\s\u200b\u200c\u200d\u2060\ufeff]+")  # zero-width ones come with text copied from the web
_QUOTES = "'‘’`\"“”"  # a leading apostrophe is how a number is typed as text
_DATE_TEXT = [  # (pattern, has day)
    re.compile(r"^(\d{4})[.\-/年](\d{1,2})(?:[.\-/月](\d{1,2})日?|月)?(?:\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$"),
    re.compile(r"^(\d{4})(\d{2})(\d{2})?$"),
]
_SCIENTIFIC = re.compile(r"^\d(\.\d+)?E\+?\d+$", re.IGNORECASE)
_YEAR_ONLY = re.compile(r"^(\d{4})年?$")
TOTAL_WORDS = ("合计", "总计", "小计", "共计", "总数", "总人数", "人数合计")
EXCEL_ERRORS = {"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!"}


def halfwidth(text: str) -> str:
    """Full-width letters, digits and punctuation → ordinary ones; all kinds of space → one space."""
    return unicodedata.normalize("NFKC", text).replace("\u3000", " ")


def normalize_header(value) -> str:
    text = halfwidth(str(value or ""))
    text = _SPACES.sub("", text).replace("*", "").replace("：", "").replace(":", "")
    return text.lower()


def header_variants(value) -> list[str]:
    """The header as written and without a bracketed remark: 嘎查(村) → 嘎查(村), 嘎查."""
    full = normalize_header(value)
    bare = _BRACKETS.sub("", full)
    return [full, bare] if bare and bare != full else [full]


def text_of(value) -> str:
    """Any cell as trimmed text (numbers without '.0' or exponent)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float) and value.is_integer():
        return shown_number(value)
    if isinstance(value, (dt.datetime, dt.date)):
        return (value.date() if isinstance(value, dt.datetime) else value).isoformat()
    return halfwidth(str(value)).strip()


def compact(value) -> str:
    """Text with every space removed (names padded as 王　刚 to line up in the sheet)."""
    return _SPACES.sub("", text_of(value))


def is_blank(value) -> bool:
    """Nothing in the cell worth reading: empty, a dash or slash for 'none', or an Excel error (#N/A)."""
    text = compact(value)
    return text in ("", "/", "-", "—", "无", "暂无", "空") or text.upper() in EXCEL_ERRORS


def first_phone(value) -> str:
    """13904770000 / 13804770000 (two numbers in one cell) → the first; one number as it is."""
    text = unquoted(value)
    parts = [p for p in re.split(r"[/、,，;；]|\s{1,}", text_of(value)) if p.strip()]
    return unquoted(parts[0]) if len(parts) > 1 and all(len(unquoted(p)) >= 7 for p in parts) else text


def unquoted(value) -> str:
    """compact() without the apostrophe that makes Excel keep a number as text ('13904770000)."""
    return compact(value).strip(_QUOTES)


def id_text(value) -> str:
    """An ID number cell as text: numbers written out in full (never 1.5E+17); text without spaces,
    full-width digits or a leading apostrophe, x made upper-case."""
    if isinstance(value, bool) or value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _whole_id_in_float(value) or shown_number(value)
    return unquoted(value).upper()


def shown_number(value: float) -> str:
    """A float as the digits the sheet shows (1.50626198008018E+17 → 150626198008018000), not the
    binary double's own digits (…017984)."""
    return f"{Decimal(repr(value)):.0f}" if value.is_integer() else repr(value)


def _whole_id_in_float(value: float) -> str | None:
    """The ID a float holds whole, or None when digits are gone.

    Excel keeps 15 significant digits, so its floats are cut; openpyxl and some exports write an
    exact integer as a double with 16-17 digits, and when the double holds the number exactly its
    check digit proves it. A cut number validates by chance one time in eleven, so it is never
    trusted: only a float with more than 15 significant digits can be whole.
    """
    if not value.is_integer() or abs(value) < 1e16:
        return None
    significant = repr(abs(value)).split("e")[0].replace(".", "").strip("0")
    digits = f"{abs(value):.0f}"
    if len(significant) <= 15 or len(digits) != 18 or digits.endswith("000") or not _check_digit_fits(digits):
        return None
    return digits


def id_lost_digits(value) -> bool:
    """True when the cell no longer holds the whole number: an 18-digit ID stored as a number in Excel.

    Excel keeps a number as a double with 15 significant digits, so what it reads back is a float
    (1.50626196603080E+17) whose last digits are gone, or — once some tool wrote it out as an integer —
    a number ending in 000 whose check digit no longer fits. An exact integer with a valid check digit
    lost nothing (a database export or our own .xlsx writer stores it so) and is a good ID.
    Text in scientific notation (a copy of such a cell) has lost them too.
    """
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, float):
        return abs(value) >= 1e16 and _whole_id_in_float(value) is None
    if isinstance(value, int):
        digits = str(abs(value))
        return len(digits) == 18 and digits.endswith("000") and not _check_digit_fits(digits)
    return bool(_SCIENTIFIC.match(unquoted(value)))


def _check_digit_fits(digits: str) -> bool:
    from models.idnumber import check_digit

    return check_digit(digits[:17]) == digits[17]


def cell_date(value, number_format: str = "General") -> dt.date | None:
    """A date from an Excel date, a serial number, or text like 1985.07, 1985年7月, 1985-7, 19850701.

    Month-only dates become the 1st of the month. Raises ValueError when it is not a date.
    """
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        if isinstance(value, float) and not value.is_integer() and 1900 < value < 2100:
            # 1985.07 typed into a General cell is the number 1985.07; in a "0.00" cell 1985.1 means October
            decimals = 2 if "0.00" in number_format else None
            text = f"{value:.{decimals}f}" if decimals else repr(value)
            return cell_date(text)
        number = int(value)
        if 19000101 <= number <= 21001231 or 190001 <= number <= 210012:
            return cell_date(str(number))
        if 1 <= number <= 80000:  # an Excel serial date stored without a date format
            return from_excel(value).date()
        raise ValueError(value)
    text = unquoted(value)
    for pattern in _DATE_TEXT:
        found = pattern.match(text)
        if found:
            year, month, day = found.group(1), found.group(2), found.group(3)
            return dt.date(int(year), int(month), int(day) if day else 1)
    found = _YEAR_ONLY.match(text)
    if found:
        return dt.date(int(found.group(1)), 1, 1)
    raise ValueError(value)


SYNONYM_LABELS = {  # words rosters use for a vocabulary value, beside the official label
    "sex": {"男性": "M", "女性": "F", "m": "M", "f": "F", "1": "M", "2": "F", "男士": "M", "女士": "F"},
    "political": {"党员": "cpc", "中共党员": "cpc", "中国共产党党员": "cpc", "预备党员": "cpc_probation",
                  "中共预备党员": "cpc_probation", "团员": "cyl", "共青团员": "cyl", "群众": "masses"},
    "education": {"大专": "college", "本科": "bachelor", "中专": "secondary_vocational", "技校": "secondary_vocational",
                  "研究生": "postgraduate", "文盲": "none", "半文盲": "none"},
    "identity": {"退伍军人": "retired_soldier", "退伍士兵": "retired_soldier", "退役军人": "retired_soldier",
                 "转业干部": "transferred_officer", "军转干部": "transferred_officer", "伤残军人": "disabled_veteran",
                 "烈属": "martyr_family", "烈士家属": "martyr_family", "军属": "serving_family",
                 "现役军属": "serving_family", "复员": "demobilized", "在乡复员军人": "demobilized",
                 "退休士官": "military_retiree", "军休干部": "military_retiree", "退役士官": "retired_soldier",
                 "复员退伍军人": "demobilized", "烈士遗孀": "martyr_family", "烈士子女": "martyr_family",
                 "烈士父母": "martyr_family", "因公牺牲家属": "duty_death_family", "病故家属": "illness_death_family",
                 "现役家属": "serving_family", "残疾退役军人": "disabled_veteran"},
    "placement": {"自谋职业": "self_employment", "自主择业": "self_employment", "安置工作": "assigned_job",
                  "退役金": "monthly_pension"},
}


def code_of(vocabulary: str, value) -> str | None:
    """The vocabulary code a roster's word means, or None when it means nothing we know."""
    text = unquoted(value)
    if not text:
        return None
    code = vocab.code_for_label(vocabulary, text)
    if code is None and _BRACKETS.search(text):  # 退役士兵（自主就业）: the remark in brackets is not the value
        return code_of(vocabulary, _BRACKETS.sub("", halfwidth(text)))
    if code is None and vocabulary == "ethnicity":
        code = vocab.code_for_label(vocabulary, text + "族") or ("02" if text == "蒙" else None)
    if code is None:
        code = SYNONYM_LABELS.get(vocabulary, {}).get(text.lower())
    return code


def split_list(value) -> list[str]:
    """退役士兵、残疾军人 / 退役士兵,残疾军人 / 退役士兵；残疾军人 / 退役士兵+残疾军人 → the separate words."""
    return [part for part in re.split(r"[、,，;；/\\|+\s]+", text_of(value)) if part]


NOTE_WORDS = ("注", "备注:", "说明", "填表说明", "填表人", "制表人", "审核人", "负责人", "填报人", "填报单位",
              "填报日期", "制表日期", "统计日期", "联系人", "单位负责人", "主管领导", "盖章")


def is_total_row(values: list) -> bool:
    """A 合计 / 总计 / 小计 row: one of its first filled cells starts with such a word."""
    filled = [compact(v) for v in values if compact(v)]
    return any(text.startswith(TOTAL_WORDS) for text in filled[:3])


def is_note_row(values: list) -> bool:
    """A note or signature line under the table: 注：…, 填表人：… 审核人：…, 制表日期：…"""
    filled = [compact(v) for v in values if compact(v)]
    if not filled:
        return False
    first = filled[0].replace("：", ":")
    return first.startswith(NOTE_WORDS) and not any(ch.isdigit() for ch in first[:2])
