"""公民身份号码 (GB 11643): validation, 15→18 upgrade, and what the number says.

    >>> parse_id_number("11010519491231002x").normalized
    '11010519491231002X'
    >>> parse_id_number("110105491231002").normalized   # legacy 15 digits, upgraded
    '11010519491231002X'

The first six digits are where the number was *issued*; never derive a village from them.
"""
from __future__ import annotations

import datetime as dt
import operator
from dataclasses import dataclass

from models.errors import DomainError

WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
CHECK_CHARS = "10X98765432"
_FULLWIDTH = str.maketrans("０１２３４５６７８９ＸｘＸ", "0123456789XXX")


class InvalidIdNumber(DomainError):
    code = "invalid_id_number"


@dataclass(frozen=True)
class IdNumber:
    normalized: str
    birth_date: dt.date
    sex: str  # "M" or "F"
    upgraded_from_15: bool


def check_digit(first17: str) -> str:
    total = sum(map(operator.mul, map(int, first17[:17]), WEIGHTS))
    return CHECK_CHARS[total % 11]


def clean(raw: str) -> str:
    """Strip spaces (incl. full-width), unify full-width digits and a lower-case x."""
    return "".join(str(raw).translate(_FULLWIDTH).split()).replace("\u3000", "").upper()


def parse_id_number(raw: str, *, today: dt.date | None = None) -> IdNumber:
    """Validate and normalise; raise InvalidIdNumber with a sentence a clerk understands."""
    text = clean(raw)
    upgraded = False
    if len(text) == 15:
        if not text.isdigit():
            raise InvalidIdNumber(f"15位身份证号码只能由数字组成：{raw}", value=raw)
        body = text[:6] + "19" + text[6:]
        text = body + check_digit(body)
        upgraded = True
    if len(text) != 18:
        raise InvalidIdNumber(f"身份证号码应为18位（旧号码为15位），现为{len(text)}位：{raw}", value=raw)
    if not text[:17].isdigit() or not (text[17].isdigit() or text[17] == "X"):
        raise InvalidIdNumber(f"身份证号码前17位应为数字，最后一位为数字或X：{raw}", value=raw)
    try:
        birth = dt.date(int(text[6:10]), int(text[10:12]), int(text[12:14]))
    except ValueError:
        raise InvalidIdNumber(f"身份证号码中的出生日期 {text[6:14]} 不存在", value=raw) from None
    today = today or dt.date.today()
    if birth > today or birth.year < 1880:
        raise InvalidIdNumber(f"身份证号码中的出生日期 {birth.isoformat()} 不合理", value=raw)
    expected = check_digit(text[:17])
    if text[17] != expected:
        raise InvalidIdNumber(f"身份证号码校验位错误：最后一位应为 {expected}，请核对", value=raw)
    sex = "M" if int(text[16]) % 2 == 1 else "F"
    return IdNumber(text, birth, sex, upgraded)


def is_valid(raw: str) -> bool:
    try:
        parse_id_number(raw)
        return True
    except InvalidIdNumber:
        return False


def mask(number: str) -> str:
    """What lists and printouts show to roles that need no full number: 150626********123X."""
    if not number or len(number) < 10:
        return number or ""
    return number[:6] + "*" * (len(number) - 10) + number[-4:]
