"""Exporting a list to Excel: a title row, ID numbers as text, real dates, money in 元 with two decimals."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook

from ledgers.files import OutputNotWritable
from ledgers.progress import run
from ledgers.xlsx_export import XlsxColumn, export_people, write_xlsx
from models.registry_search import PersonQuery
from tests.ledgers.conftest import add_person


def test_a_generic_list_keeps_ids_as_text_dates_as_dates_and_money_in_yuan(tmp_path):
    columns = [XlsxColumn("姓名"), XlsxColumn("公民身份号码", "id"), XlsxColumn("审批日期", "date"),
               XlsxColumn("核定金额（元）", "money"), XlsxColumn("人数", "int")]
    rows = [["王建国", "150626198507010019", dt.date(2026, 3, 5), 123456, 3], ["李四", None, None, None, 0]]
    path = run(write_xlsx(tmp_path / "list.xlsx", "困难帮扶台账", columns, rows, subtitle="2026年第一季度"))
    ws = load_workbook(path).active
    assert ws["A1"].value == "困难帮扶台账（2026年第一季度）"
    assert [c.value for c in ws[2]] == ["姓名", "公民身份号码", "审批日期", "核定金额（元）", "人数"]
    number, day, money = ws["B3"], ws["C3"], ws["D3"]
    assert number.value == "150626198507010019" and number.data_type == "s" and number.number_format == "@"
    assert day.value == dt.datetime(2026, 3, 5) and day.is_date and day.number_format == "yyyy-mm-dd"
    assert money.value == 1234.56 and money.number_format == "0.00"
    assert ws["B4"].value is None and ws["E4"].value == 0
    assert ws.auto_filter.ref == "A2:E4" and ws.freeze_panes == "A3"
    assert ws.column_dimensions["B"].width >= 18  # wide enough for 18 digits


def test_people_export_follows_the_filter_and_says_so_in_the_title(station, actor, tmp_path):
    add_person(actor, "王建国", 1, personal_income_fen=3600000, enlist_date=dt.date(1985, 7, 1))
    add_person(actor, "李卫东", 2, identities=("martyr_family",))
    path = run(export_people(tmp_path / "people.xlsx", PersonQuery(identity="retired_soldier")))
    ws = load_workbook(path).active
    assert "退役士兵" in ws["A1"].value
    header = [c.value for c in ws[2]]
    rows = [dict(zip(header, (c.value for c in row))) for row in ws.iter_rows(min_row=3)]
    assert [r["姓名"] for r in rows] == ["王建国"]
    assert isinstance(rows[0]["公民身份号码"], str) and len(rows[0]["公民身份号码"]) == 18
    assert rows[0]["入伍时间"] == dt.datetime(1985, 7, 1)
    assert rows[0]["个人年收入（元）"] == 36000.0 and rows[0]["人员类别"] == "退役士兵"


def test_people_export_can_mask_id_numbers(station, actor, tmp_path):
    person = add_person(actor, "王建国", 1)
    ws = load_workbook(run(export_people(tmp_path / "p.xlsx", full_id=False))).active
    assert ws["E3"].value == person.id_number[:6] + "********" + person.id_number[-4:]


def test_an_export_over_a_file_open_in_excel_says_so_and_leaves_the_old_file(station, actor, tmp_path, monkeypatch):
    add_person(actor, "王建国", 1)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "p.xlsx"
    target.write_bytes(b"the old file")

    def locked(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("ledgers.files.os.replace", locked)
    with pytest.raises(OutputNotWritable) as caught:
        run(export_people(target))
    assert "请先关闭" in caught.value.message
    assert target.read_bytes() == b"the old file" and list(target.parent.iterdir()) == [target]


def test_the_header_repeats_when_printed_and_odd_text_survives(tmp_path):
    columns = [XlsxColumn("姓名"), XlsxColumn("备注"), XlsxColumn("人数", "int"), XlsxColumn("出生日期", "date")]
    rows = [["  王 建国 ", "含\x0b控制符 & <尖括号>", 7, dt.date(1899, 6, 1)], ["李四", dt.date(2026, 1, 2), None, None]]
    path = run(write_xlsx(tmp_path / "odd.xlsx", "名单", columns, rows, sheet="人员'名单"))
    wb = load_workbook(path)
    ws = wb["人员'名单"]
    assert ws.print_title_rows.replace("$", "") == "2:2" and ws.page_setup.orientation == "landscape"
    assert ws["A3"].value == "  王 建国 " and ws["B3"].value == "含控制符 & <尖括号>" and ws["C3"].value == 7
    assert ws["D3"].value == "1899-06-01"  # before Excel's calendar is right: kept as text, not a wrong date
    assert ws["B4"].value == "2026-01-02" and ws["A1"].font.b and ws["A2"].fill.fgColor.rgb == "FFDDDDDD"


def test_a_cancelled_export_leaves_no_file(tmp_path):
    rows = [[f"人员{i}", i] for i in range(5000)]
    job = write_xlsx(tmp_path / "big.xlsx", "名单", [XlsxColumn("姓名"), XlsxColumn("序号", "int")], rows)
    next(job)  # the first progress step, then the user presses Cancel
    job.close()
    assert list(tmp_path.iterdir()) == []
