"""A realistic messy station roster (.xlsx) for the import tests, written with openpyxl.

    path, expected = write_messy_roster(tmp_path / "花名册.xlsx")
    expected.creates   # Excel rows that must import, with the values they must import as
    expected.rejects   # Excel rows that must be refused, with a word of the reason

What a real 服务站 sheet holds: a 填写说明 sheet before the roster and an empty Sheet3 after it; a
merged title, a 填报单位 line and a blank row above a two-row header (服役情况 over 入伍时间 |
退伍时间, the other headings merged down), header text with newlines and full-width brackets; a
hidden column; a 嘎查村 merged down over two people; blank rows; dates as Excel dates and as text
in every usual spelling; ID numbers as text with an apostrophe, spaces, full-width digits or a
lower-case x, as an exact integer (as a database export writes it), as a float Excel cut to 15
digits, as an integer with its last digits zeroed, as a legacy 15-digit number and as 17 digits;
性别 as 1/2; 民族 without 族; several identities in one cell; phones as numbers and as text; a
合计 row, a 注 line merged across and a signature line at the bottom.
"""
from __future__ import annotations

import datetime as dt
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from openpyxl import Workbook
from stdnum.cn import ric

FULLWIDTH = str.maketrans("0123456789", "０１２３４５６７８９")


def stdnum_check_digit(first17: str) -> str:
    """python-stdnum's check digit (its calc_check_digit takes the number with a check digit slot)."""
    return ric.calc_check_digit(first17 + "0")


def rid(birth: dt.date, seq: int, area: str = "150626") -> str:
    """A valid 18-digit number; the check digit is python-stdnum's."""
    first17 = f"{area}{birth:%Y%m%d}{seq:03d}"
    return first17 + stdnum_check_digit(first17)


def rid_with_x(birth: dt.date, female: bool = True) -> str:
    """A valid number whose check digit is X (it can only ever be text in Excel)."""
    for seq in range(2 if female else 1, 1000, 2):
        number = rid(birth, seq)
        if number.endswith("X"):
            return number
    raise AssertionError("no sequence gives X")


def write_exact_integers(path: Path, sheet_index: int, cells: dict[str, int]) -> None:
    """Store these cells as exact integers, as a database export or WPS does (openpyxl itself writes a
    number with only 16 significant digits, which would cut an 18-digit ID)."""
    path = Path(path)
    with zipfile.ZipFile(path) as z:
        parts = {name: z.read(name) for name in z.namelist()}
    name = f"xl/worksheets/sheet{sheet_index + 1}.xml"
    xml = parts[name].decode("utf-8")
    for ref, number in cells.items():
        xml, n = re.subn(rf'(<c r="{ref}"[^>]*>)<v>[^<]*</v>', rf"\g<1><v>{number}</v>", xml)
        assert n == 1, ref
    parts[name] = xml.encode("utf-8")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for part, data in parts.items():
            z.writestr(part, data)


@dataclass
class Expected:
    creates: dict[int, dict] = field(default_factory=dict)  # Excel row → values it must import as
    identities: dict[int, list[str]] = field(default_factory=dict)
    rejects: dict[int, str] = field(default_factory=dict)  # Excel row → a word of the reason
    skips: set[int] = field(default_factory=set)
    unknown_villages: dict[str, list[int]] = field(default_factory=dict)


def write_messy_roster(path: Path) -> tuple[Path, Expected]:
    ids = {
        "wang": rid(dt.date(1966, 3, 8), 11),
        "wu": rid(dt.date(1958, 1, 2), 15),
        "li": rid(dt.date(1970, 5, 20), 13),
        "zhao": rid_with_x(dt.date(1972, 8, 9)),
        "bad": None,
        "liu": rid(dt.date(1975, 4, 4), 21),
        "chen": rid(dt.date(1968, 6, 6), 31),
        "batu": rid(dt.date(1971, 11, 30), 41),
        "noname": rid(dt.date(1980, 1, 1), 51),
        "suhe": rid(dt.date(1969, 9, 9), 61),
    }
    ids["bad"] = ids["li"][:6] + "1980" + ids["li"][10:17] + ("0" if ids["li"][17] != "0" else "1")
    while stdnum_check_digit(ids["bad"][:17]) == ids["bad"][17]:
        ids["bad"] = ids["bad"][:17] + str((int(ids["bad"][17]) + 1) % 10)
    legacy15 = "150626581201021"  # 1958-12-01, 15 digits as an integer
    zeroed = int(ids["chen"][:15] + "000")
    if stdnum_check_digit(str(zeroed)[:17]) == "0":  # make sure the zeroed number fails its check digit
        zeroed = int(ids["chen"][:14] + "1000")

    wb = Workbook()
    help_ws = wb.active
    help_ws.title = "填写说明"
    help_ws.append(["1. 本表由各嘎查村填报，身份证号码须填写完整18位。"])
    help_ws.append(["2. 人员类别可填多个，用顿号分隔。"])
    ws = wb.create_sheet("退役军人花名册")
    wb.create_sheet("Sheet3")
    wb.active = 1

    ws.append(["嘎鲁图镇退役军人和其他优抚对象花名册"])
    ws.merge_cells("A1:K1")
    ws.append(["填报单位（盖章）：嘎鲁图镇退役军人服务站", None, None, None, None, None, None, None,
               "填报时间：2026年11月"])
    ws.append([])
    ws.append(["序号", "姓  名", "性别", "民族", "公民身份号码\n（18位）", "人员类别", "服役情况", None,
               "所属村（嘎查）", "联系电话", "备 注", "身份证号(旧)"])  # row 4
    ws.append([None] * 6 + ["入伍时间", "退伍时间"] + [None] * 4)  # row 5
    for col in "ABCDEFIJKL":
        ws.merge_cells(f"{col}4:{col}5")
    ws.merge_cells("G4:H4")
    ws.column_dimensions["L"].hidden = True  # an old column nobody deleted

    rows = [
        # 6: apostrophe text ID, Excel date, 年月 text, phone as a number
        [1, "王  刚 ", "男", "汉族", "'" + ids["wang"], "退役士兵", dt.datetime(1985, 10, 1), "1989年3月",
         "布日都嘎查", 13904770001, None, "作废"],
        # 7: exact integer ID (patched below), 性别 1, 民族 without 族, two identities, phone with apostrophe
        [2, "乌力吉", 1, "蒙古", int(ids["wu"]), "退役士兵、残疾军人", "1978.12", "1982.10", "陶尔庙",
         "'13904770002", None, None],
        # 8: spaces and full-width digits in the ID; village merged down over rows 8-9 and not on the list
        [3, "李卫东", "男 ", "汉", " " + ids["li"][:6] + " " + ids["li"][6:].translate(FULLWIDTH) + "　",
         "退伍军人", "198809", "1992-12-01", "沙日塔拉嘎查", "139 0477 0003", "全角数字", None],
        # 9: lower-case x, 性别 2, identities split by a slash
        [4, "赵敏", 2, "汉族", ids["zhao"].lower(), "现役军人家属/退役士兵", None, None, None, "0477-7654321",
         None, None],
        [None] * 12,  # 10: blank
        # 11: a check digit that does not fit
        [5, "张错号", "男", "汉族", ids["bad"], "退役士兵", None, None, "布日都嘎查", None, "号码抄错", None],
        # 12: 18 digits as a float: Excel kept 15
        [6, "刘数字", "男", "汉族", float(ids["liu"]), "退役士兵", None, None, None, None, None, None],
        # 13: an integer whose last digits Excel zeroed (patched below as an exact integer)
        [7, "陈零", "男", "汉族", zeroed, "退役士兵", None, None, None, None, None, None],
        # 14: a legacy 15-digit number stored as a number
        [8, "老兵", "男", "汉族", int(legacy15), "复员军人", "1976年3月", "1980年1月", "陶尔庙嘎查", None,
         None, None],
        # 15: no name
        [9, None, "男", "汉族", ids["noname"], "退役士兵", None, None, None, None, None, None],
        # 16: year only, a village written as its committee, not on the list
        [10, "巴特尔", "男", "蒙古族", ids["batu"], "退役士兵，残疾军人", "1990年", "1994.10",
         "巴音敖包嘎查村委会", "13904770010 ", None, None],
        # 17: 17 digits as a number (the X is gone)
        [11, "苏和", "男", "蒙古族", int(ids["suhe"][:17]), "退役士兵", None, None, None, None, None, None],
        ["合计", None, None, None, None, None, None, None, None, None, "共11人", None],  # 18
        ["注：身份证号码请设置为文本格式后填写。"] + [None] * 11,  # 19, merged across
        ["填表人：张三", None, None, "审核人：李四", None, None, None, None, "填报日期：2026年11月30日", None, None,
         None],  # 20
    ]
    for values in rows:
        ws.append(values)
    ws.merge_cells("I8:I9")
    ws.merge_cells("A19:K19")
    ws.column_dimensions["E"].width = 22
    wb.save(path)
    write_exact_integers(path, 1, {"E7": int(ids["wu"]), "E13": zeroed, "E17": int(ids["suhe"][:17])})

    expected = Expected()
    expected.creates = {
        6: {"name": "王刚", "id_number": ids["wang"], "sex": "M", "ethnicity": "01", "phone": "13904770001",
            "enlist_date": dt.date(1985, 10, 1), "discharge_date": dt.date(1989, 3, 1)},
        7: {"name": "乌力吉", "id_number": ids["wu"], "sex": "M", "ethnicity": "02", "phone": "13904770002",
            "enlist_date": dt.date(1978, 12, 1), "discharge_date": dt.date(1982, 10, 1)},
        8: {"name": "李卫东", "id_number": ids["li"], "sex": "M", "ethnicity": "01", "phone": "13904770003",
            "enlist_date": dt.date(1988, 9, 1), "discharge_date": dt.date(1992, 12, 1)},
        9: {"name": "赵敏", "id_number": ids["zhao"], "sex": "F", "ethnicity": "01", "phone": "0477-7654321"},
        14: {"name": "老兵", "enlist_date": dt.date(1976, 3, 1)},
        16: {"name": "巴特尔", "id_number": ids["batu"], "ethnicity": "02", "phone": "13904770010",
             "enlist_date": dt.date(1990, 1, 1), "discharge_date": dt.date(1994, 10, 1)},
    }
    first17 = "15062619581201021"
    expected.creates[14]["id_number"] = first17 + stdnum_check_digit(first17)
    expected.identities = {6: ["retired_soldier"], 7: ["retired_soldier", "disabled_veteran"],
                           8: ["retired_soldier"], 9: ["serving_family", "retired_soldier"],
                           14: ["demobilized"], 16: ["retired_soldier", "disabled_veteran"]}
    expected.rejects = {11: "校验位", 12: "存成了数字", 13: "存成了数字", 15: "缺少姓名", 17: "X"}
    expected.skips = {18, 19, 20}
    expected.unknown_villages = {"沙日塔拉嘎查": [8, 9], "巴音敖包嘎查": [16]}
    return Path(path), expected
