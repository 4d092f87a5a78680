"""The downloadable 花名册导入模板: the columns the importer knows, and (sheet 2) how to fill each.

    write_template(Path("花名册导入模板.xlsx"))

The ID column is formatted as text so Excel keeps all 18 digits; the second sheet lists the
accepted words for coded columns (人员类别, 安置方式 …) straight from models.vocab.
"""
from __future__ import annotations

from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from ledgers.files import output_file
from ledgers.roster_import import FIELDS, IGNORE
from models import vocab

TEMPLATE_FIELDS = ["name", "sex", "ethnicity", "id_number", "identities", "birth_date", "political", "education",
                   "enlist_date", "discharge_date", "placement", "village", "phone", "residence_address", "note"]
EXAMPLE = {"name": "王建国", "sex": "男", "ethnicity": "汉族", "id_number": "15062619850701001X",
           "identities": "退役士兵", "birth_date": "1985.07.01", "political": "中共党员", "education": "高中",
           "enlist_date": "2003.12", "discharge_date": "2005.12", "placement": "自主就业", "village": "布日都嘎查",
           "phone": "13904770000", "residence_address": "", "note": ""}
ROWS_FORMATTED = 2000  # rows whose ID cell is pre-formatted as text


def write_template(path: Path) -> Path:
    path = Path(path)
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["退役军人花名册（导入模板）"])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append([FIELDS[IGNORE][2][0]] + [FIELDS[f][0] for f in TEMPLATE_FIELDS])
    fill = PatternFill("solid", fgColor="DDDDDD")
    for cell in ws[2]:
        cell.font = Font(bold=True)
        cell.fill = fill
        cell.alignment = Alignment(horizontal="center")
    id_col = get_column_letter(TEMPLATE_FIELDS.index("id_number") + 2)
    for row in range(3, 3 + ROWS_FORMATTED):
        ws[f"{id_col}{row}"].number_format = "@"
    for index, key in enumerate([IGNORE] + TEMPLATE_FIELDS, 1):
        ws.column_dimensions[get_column_letter(index)].width = {"id_number": 22, "note": 24, "residence_address": 24,
                                                                "identities": 18}.get(key, 12)
    ws.freeze_panes = "A3"

    help_ws = wb.create_sheet("填写说明")
    help_ws.append(["列", "填写要求", "示例"])
    notes = {
        "name": "必填。", "id_number": "必填，18位（旧15位号码会自动升级）。请保持此列为文本格式。",
        "sex": "男 / 女；可不填，按身份证号码自动识别。", "birth_date": "可不填，按身份证号码自动识别。",
        "enlist_date": "如 2003.12、2003年12月、2003-12-01 或 Excel 日期。",
        "discharge_date": "同入伍时间。",
        "identities": "可填多个，用顿号分隔：" + "、".join(lab for _, lab in vocab.choices("identity")),
        "placement": "、".join(lab for _, lab in vocab.choices("placement")),
        "political": "、".join(lab for _, lab in vocab.choices("political")),
        "education": "、".join(lab for _, lab in vocab.choices("education")),
        "ethnicity": "如 汉族、蒙古族。", "village": "须与本站嘎查村名单中的名称一致。",
        "phone": "手机11位，座机如 0477-7654321。",
    }
    for key in TEMPLATE_FIELDS:
        help_ws.append([FIELDS[key][0], notes.get(key, ""), EXAMPLE[key]])
    help_ws.append(["", "已登记的人员（身份证号码相同）会按表中填写的内容更新，空白格不会清除已有信息。"])
    help_ws.column_dimensions["A"].width = 14
    help_ws.column_dimensions["B"].width = 90
    help_ws.column_dimensions["C"].width = 22
    with output_file(path) as partial:
        wb.save(partial)
    return path
