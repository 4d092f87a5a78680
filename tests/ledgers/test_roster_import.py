"""花名册导入 of a real, messy station roster: detect, map, dry-run, then all rows or none."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from ledgers.progress import run
from ledgers.roster_import import (ImportAborted, RosterUnreadable, apply_import, plan_import, propose_mapping,
                                   read_roster, remember_mapping)
from ledgers.roster_template import TEMPLATE_FIELDS, write_template
from models.changelog import Change
from models.idnumber import parse_id_number
from models.installation import Village
from models.person import Person
from models.registry import find_person, identities_of
from models.write import CLI_ACTOR
from tests.ledgers.conftest import add_person, id_number

ID_A = id_number(dt.date(1966, 3, 8), 11)
ID_15 = "150626781201021"  # legacy 15 digits: 1978-12-01, upgraded to 18
ID_C = id_number(dt.date(1970, 5, 20), 13)
ID_D = id_number(dt.date(1972, 8, 9), 14, sex="F")
ID_BAD = ID_C[:17] + ("0" if ID_C[17] != "0" else "1")
ID_OLD = id_number(dt.date(1958, 1, 2), 15)
FULLWIDTH = str.maketrans("0123456789X", "０１２３４５６７８９Ｘ")
HEADER = ["序号", "姓 名", "性别", "民族", "身份证号", "人员类别", "入伍年月", "退伍时间", "安置方式", "嘎查(村)",
          "联系电话", "备注"]


def messy_roster(path):
    """The roster a station really keeps (every oddity of issue 5 in one sheet)."""
    wb = Workbook()
    ws = wb.active
    ws.title = "花名册"
    ws.append(["嘎鲁图镇退役军人花名册"])
    ws.merge_cells("A1:L1")  # a merged title cell
    ws.append(["填报单位：嘎鲁图镇退役军人服务站", None, None, None, None, None, None, None, None, "2026年11月"])
    ws.append([])
    ws.append(HEADER)  # row 4
    ws.append([1, "王　刚", "男", "汉族", ID_A.lower(), "退役士兵", "1985.07", "1989年3月", "自主就业", "布日都嘎查",
               13904770000, None])  # row 5: phone stored as a number, name padded with a full-width space
    ws.append([2, "乌力吉", "男", "蒙古", float(ID_15), "退役士兵、残疾军人", dt.datetime(1978, 12, 1), 19821001,
               "安排工作", "陶尔庙", "0477-7654321", None])  # row 6: 15 digits stored as a number, Excel date
    ws.append([None] * 12)  # row 7: blank
    ws.append([3, " 李卫东 ", "男", "汉族", " " + ID_C[:6] + " " + ID_C[6:].translate(FULLWIDTH) + "　", "退伍军人",
               "1988-9", 1992.12, None, "布日都嘎查", None, "全角数字和空格"])  # row 8
    ws.append([4, "赵敏", "女", "汉族", ID_D, "现役军人家属", None, None, None, None, "13800001111", None])  # row 9
    ws.merge_cells("J8:J9")  # the village written once for both rows
    ws.append([5, "张错号", "男", "汉族", ID_BAD, "退役士兵", None, None, None, None, None, None])  # row 10
    ws.append([6, "王刚", "男", "汉族", ID_A, "退役士兵", None, None, None, None, None, "重复录入"])  # row 11
    ws.append([7, "老张", "男", "汉族", ID_OLD, "退役士兵、复员军人", None, None, None, None, "13911112222",
               None])  # row 12: already registered
    ws.append(["合计", None, None, None, None, None, None, None, None, None, None, "共7人"])  # row 13
    ws.append([8, "刘数字", "男", "汉族", float(ID_D), "退役士兵"])  # row 14: 18 digits as a number: digits lost
    wb.save(path)
    return path


@pytest.fixture
def registered(station, actor):
    return add_person(actor, "老张", 15, birth=dt.date(1958, 1, 2), phone="13900000000")


@pytest.fixture
def roster(tmp_path):
    return messy_roster(tmp_path / "花名册.xlsx")


def plan_of(path, home):
    sheet = read_roster(path, home)
    return sheet, run(plan_import(sheet, propose_mapping(sheet, home)))


def by_row(plan):
    return {r.row: r for r in plan.rows}


def test_the_header_is_found_below_title_rows_whatever_its_columns_are_called(station, roster):
    sheet = read_roster(roster)
    assert sheet.header_row == 4
    mapping = propose_mapping(sheet)
    assert mapping == {0: "ignore", 1: "name", 2: "sex", 3: "ethnicity", 4: "id_number", 5: "identities",
                       6: "enlist_date", 7: "discharge_date", 8: "placement", 9: "village", 10: "phone", 11: "note"}


def test_the_dry_run_says_what_each_row_would_do_and_changes_nothing(station, registered, roster):
    before = (Person.select().count(), Change.select().count())
    _, plan = plan_of(roster, station)
    rows = by_row(plan)
    assert 7 not in rows  # the blank row is dropped
    assert {n: r.action for n, r in rows.items()} == {5: "create", 6: "create", 8: "create", 9: "create",
                                                      10: "reject", 11: "reject", 12: "update", 13: "skip",
                                                      14: "reject"}
    assert (Person.select().count(), Change.select().count()) == before
    assert plan.summary() == "共 9 行：新建 4 人，更新 1 人，跳过 1 行，拒绝 3 行"


def test_messy_cells_become_clean_values(station, registered, roster):
    _, plan = plan_of(roster, station)
    rows = by_row(plan)
    villages = {v.name: v.id for v in Village.live()}
    wang = rows[5].values
    assert (wang["name"], wang["id_number"], wang["phone"]) == ("王刚", ID_A, "13904770000")
    assert (wang["enlist_date"], wang["discharge_date"]) == (dt.date(1985, 7, 1), dt.date(1989, 3, 1))
    assert wang["village"] == villages["布日都嘎查"] and wang["placement"] == "self_employment"
    wu = rows[6]
    assert wu.values["id_number"] == parse_id_number(ID_15).normalized == "15062619781201021" + wu.id_number[17]
    assert any("15位" in w for w in wu.warnings)
    assert wu.values["ethnicity"] == "02" and wu.values["village"] == villages["陶尔庙嘎查"]
    assert (wu.values["enlist_date"], wu.values["discharge_date"]) == (dt.date(1978, 12, 1), dt.date(1982, 10, 1))
    assert wu.identities == ["retired_soldier", "disabled_veteran"]
    li = rows[8].values
    assert (li["name"], li["id_number"]) == ("李卫东", ID_C)
    assert (li["enlist_date"], li["discharge_date"]) == (dt.date(1988, 9, 1), dt.date(1992, 12, 1))
    assert rows[8].identities == ["retired_soldier"]  # 退伍军人 means 退役士兵
    assert rows[9].values["village"] == villages["布日都嘎查"]  # from the merged cell
    assert rows[9].values["sex"] == "F" and rows[9].identities == ["serving_family"]


def test_bad_rows_are_refused_each_with_its_reason_and_cell(station, registered, roster):
    _, plan = plan_of(roster, station)
    rows = by_row(plan)
    assert "校验位" in rows[10].reason and rows[10].cell == f"身份证号（E10）「{ID_BAD}」"
    assert rows[11].reason.startswith("与第 5 行的身份证号码重复")
    assert "合计" in rows[13].reason
    assert "存成了数字" in rows[14].reason and "文本" in rows[14].reason


def test_a_person_already_registered_is_updated_with_what_changed(station, registered, roster):
    _, plan = plan_of(roster, station)
    update = by_row(plan)[12]
    assert update.person_id == registered.id
    assert ("联系电话", "13900000000", "13911112222") in update.changes
    assert ("人员类别", "", "增加复员军人") in update.changes
    assert not any(label == "姓名" for label, _, _ in update.changes)


def test_the_import_writes_every_valid_row_and_backs_up_first(station, registered, actor, roster):
    _, plan = plan_of(roster, station)
    result = run(apply_import(plan, actor=actor, home=station))
    assert (result.created, result.updated) == (4, 1)
    assert result.backup and station.backups.exists() and any(station.backups.iterdir())
    wang = find_person(ID_A)
    assert wang.name == "王刚" and wang.station_code == "150626100" and wang.created_by == "admin"
    assert [i.category for i in identities_of(wang.id)] == ["retired_soldier"]
    old = find_person(ID_OLD)
    assert old.phone == "13911112222"
    assert sorted(i.category for i in identities_of(old.id)) == ["demobilized", "retired_soldier"]
    assert result.changes.touches("person")
    _, again = plan_of(roster, station)  # importing the same roster twice changes nothing more
    assert again.count("create") == 0 and again.count("update") == 0


def test_a_failure_in_the_middle_of_the_import_leaves_nothing_imported(station, registered, actor, roster,
                                                                       monkeypatch):
    _, plan = plan_of(roster, station)
    before = (Person.select().count(), Change.select().count())
    from models.write import Writer

    real_create, calls = Writer.create, []

    def failing(self, model, values, **kw):
        calls.append(model)
        if len(calls) == 3:
            raise ImportAborted("磁盘已满")
        return real_create(self, model, values, **kw)

    monkeypatch.setattr(Writer, "create", failing)
    with pytest.raises(ImportAborted) as caught:
        run(apply_import(plan, actor=actor))
    assert "整个导入已撤销" in caught.value.message
    assert (Person.select().count(), Change.select().count()) == before
    assert find_person(ID_OLD).phone == "13900000000"  # the update made before the failure is undone too


def test_a_cancelled_import_leaves_nothing_imported(station, actor, roster):
    _, plan = plan_of(roster, station)
    before = Person.select().count()
    job = apply_import(plan, actor=actor)
    next(job)
    job.close()  # Cancel in the progress dialog
    assert Person.select().count() == before


def test_a_corrected_mapping_is_remembered_for_the_next_roster(station, tmp_path):
    def roster_with(path, header):
        wb = Workbook()
        wb.active.append(header)
        wb.active.append(["王建国", ID_A, "布日都嘎查"])
        wb.save(path)
        return path

    first = roster_with(tmp_path / "a.xlsx", ["姓名", "身份证号码", "所在组"])
    sheet = read_roster(first, station)
    mapping = propose_mapping(sheet, station)
    assert 2 not in mapping  # 所在组 means nothing to the importer yet
    mapping[2] = "village"  # the clerk says: that column is the village
    remember_mapping(station, sheet, mapping)
    second = read_roster(roster_with(tmp_path / "b.xlsx", ["姓名", "身份证号码", "所在组"]), station)
    assert propose_mapping(second, station)[2] == "village"
    plan = run(plan_import(second, propose_mapping(second, station)))
    assert plan.rows[0].values["village"] == Village.get(Village.name == "布日都嘎查").id


def test_a_file_without_a_roster_header_is_refused_with_a_sentence(station, tmp_path):
    wb = Workbook()
    wb.active.append(["会议记录"])
    wb.save(tmp_path / "x.xlsx")
    with pytest.raises(RosterUnreadable) as caught:
        read_roster(tmp_path / "x.xlsx")
    assert "表头" in caught.value.message
    (tmp_path / "y.xlsx").write_text("not a workbook")
    with pytest.raises(RosterUnreadable):
        read_roster(tmp_path / "y.xlsx")


def test_the_template_is_a_roster_the_importer_understands(station, tmp_path):
    path = write_template(tmp_path / "模板.xlsx")
    sheet = read_roster(path)
    mapping = propose_mapping(sheet)
    assert sorted(k for k in mapping.values() if k != "ignore") == sorted(TEMPLATE_FIELDS)
    assert sheet.rows == []


def test_the_bureau_must_say_whose_roster_it_imports(home, tmp_path):
    from models.errors import ValidationError
    from models.installation import init_bureau

    init_bureau("乌审旗退役军人事务局", actor=CLI_ACTOR)
    sheet = read_roster(messy_roster(tmp_path / "r.xlsx"))
    with pytest.raises(ValidationError):
        run(plan_import(sheet, propose_mapping(sheet)))
    plan = run(plan_import(sheet, propose_mapping(sheet), station_code="150626101"))
    run(apply_import(plan, actor=CLI_ACTOR))
    assert {p.station_code for p in Person.select()} == {"150626101"}
