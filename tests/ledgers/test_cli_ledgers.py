"""The ledger commands as a clerk types them: people import/export/template, ledger KIND, ledger list."""
from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys

import pytest
from openpyxl import load_workbook

from desktop.commands.ledgers import add_ledger_parser, add_people_arguments, needs_home
from ledgers.periods import PeriodInvalid
from models.person import Person
from models.write import CLI_ACTOR
from tests.ledgers.conftest import add_person, needs_poppler, pdf_pages
from tests.ledgers.test_roster_import import messy_roster


def parse(argv):
    parser = argparse.ArgumentParser(prog="vetstation")
    sub = parser.add_subparsers(dest="command")
    add_people_arguments(sub.add_parser("people").add_subparsers(dest="people_command"))
    add_ledger_parser(sub)
    return parser.parse_args(argv)


def call(argv, home):
    args = parse(argv)
    return args.ledgers_run(args, home, CLI_ACTOR)


def test_ledger_list_prints_each_kind_then_its_title_without_a_home(capsys):
    args = parse(["ledger", "list"])
    assert not needs_home(args) and needs_home(parse(["ledger", "roster"]))
    assert args.ledgers_run(args, None, None) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "roster\t退役军人花名册" in lines and "month_pack\t月调度材料" in lines
    assert all(len(line.split("\t")) == 2 for line in lines)


@needs_poppler
def test_ledger_prints_the_roster_for_a_quarter(station, actor, tmp_path, capsys):
    add_person(actor, "王建国", 1)
    out = tmp_path / "花名册.pdf"
    year = dt.date.today().year
    assert call(["ledger", "roster", "--period", f"{year}Q4", "--out", str(out)], station) == 0
    assert f"{year}年第四季度" in pdf_pages(out)[0] and "王建国" in pdf_pages(out)[0]


def test_a_bad_period_is_a_sentence_not_a_traceback(station, tmp_path):
    with pytest.raises(PeriodInvalid):
        call(["ledger", "roster", "--period", "2026Q9", "--out", str(tmp_path / "x.pdf")], station)


def test_people_import_dry_run_as_json_lists_every_row_and_writes_nothing(station, actor, tmp_path, capsys):
    roster = messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(roster), "--dry-run", "--json"], station) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["create"], report["skip"], report["reject"]) == (5, 1, 3)
    assert [r["row"] for r in report["rows"]] == [5, 6, 8, 9, 10, 11, 12, 13, 14]
    assert report["mapping"]["身份证号"] == "公民身份号码"
    assert Person.select().count() == 0


def test_people_import_imports_and_reports(station, actor, tmp_path, capsys):
    roster = messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(roster)], station) == 0
    out = capsys.readouterr().out
    assert "第 10 行 拒绝 张错号 身份证号（E10）" in out and "已导入：新建 5 人" in out
    assert Person.select().count() == 5


def test_people_import_accepts_a_corrected_mapping(station, actor, tmp_path, capsys):
    roster = messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(roster), "--dry-run", "--json", "--map", "备注=不导入"], station) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["mapping"]["备注"] == "（不导入）"
    assert all("note" not in r["values"] for r in report["rows"])


def test_people_export_and_template(station, actor, tmp_path, capsys):
    add_person(actor, "王建国", 1)
    assert call(["people", "export", str(tmp_path / "p.xlsx"), "--identity", "退役士兵", "--reason", "报送上级"],
                station) == 0
    ws = load_workbook(tmp_path / "p.xlsx").active
    assert ws["A3"].value == "王建国"
    assert call(["people", "template", str(tmp_path / "t.xlsx")], station) == 0
    assert (tmp_path / "t.xlsx").exists()


def test_ledgers_never_import_qt():
    code = ("import sys, ledgers.catalog, ledgers.roster_import, ledgers.roster_template, ledgers.xlsx_export, "
            "desktop.commands.ledgers; sys.exit(1 if any(m.startswith(('PySide6', 'shiboken6')) for m in sys.modules) "
            "else 0)")
    assert subprocess.run([sys.executable, "-c", code]).returncode == 0


def test_people_import_dry_run_says_per_row_what_and_why_and_lists_unknown_villages(station, actor, tmp_path, capsys):
    from tests.ledgers.messy_roster import write_messy_roster

    path, _ = write_messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(path), "--dry-run"], station) == 0
    out = capsys.readouterr().out
    assert "第 6 行 新建 王刚 尚未登记此身份证号码" in out
    assert "第 11 行 拒绝 张错号 公民身份号码 (18位)（E11）「" in out
    assert "第 18 行 跳过  合计行" in out
    assert "2 个嘎查村不在本站名单中：沙日塔拉嘎查、巴音敖包嘎查" in out and "--add-villages" in out
    assert Person.select().count() == 0


def test_people_import_add_villages_adds_them_to_the_station(station, actor, tmp_path, capsys):
    from models.installation import Village
    from tests.ledgers.messy_roster import write_messy_roster

    path, expected = write_messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(path), "--add-villages"], station) == 0
    assert "新增嘎查村 2 个" in capsys.readouterr().out
    assert Village.live().where(Village.name == "沙日塔拉嘎查").exists()
    assert Person.select().count() == len(expected.creates)


def test_people_import_keep_village_text(station, actor, tmp_path, capsys):
    from tests.ledgers.messy_roster import write_messy_roster

    path, _ = write_messy_roster(tmp_path / "r.xlsx")
    assert call(["people", "import", str(path), "--keep-village-text"], station) == 0
    assert Person.get(Person.name == "李卫东").village_text == "沙日塔拉嘎查"
