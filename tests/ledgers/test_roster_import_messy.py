"""The hidden messy roster of a real station: every valid row imports, every bad row says why."""
from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from ledgers.progress import run
from ledgers.roster_import import RosterUnreadable, apply_import, plan_import, propose_mapping, read_roster
from models.changelog import Change
from models.installation import Village
from models.person import Person
from models.registry import find_person, identities_of
from tests.ledgers.messy_roster import rid, write_messy_roster


@pytest.fixture
def messy(tmp_path):
    return write_messy_roster(tmp_path / "嘎鲁图镇花名册.xlsx")


def plan_of(path, home, **kw):
    sheet = read_roster(path, home)
    return run(plan_import(sheet, propose_mapping(sheet, home), **kw))


def plan_detail_of(row):
    from ledgers.roster_import import ImportPlan

    return ImportPlan.detail(row)


def by_row(plan):
    return {r.row: r for r in plan.rows}


def test_the_roster_sheet_and_its_two_row_header_are_found_under_the_title(station, messy):
    path, _ = messy
    sheet = read_roster(path, station)
    assert sheet.sheet == "退役军人花名册"  # not the 填写说明 sheet before it, nor the empty Sheet3
    assert sheet.header_row == 4
    mapping = propose_mapping(sheet, station)
    assert mapping[1] == "name" and mapping[4] == "id_number" and mapping[8] == "village"
    assert mapping[6] == "enlist_date" and mapping[7] == "discharge_date"  # under the merged 服役情况
    assert 11 not in mapping or mapping[11] != "id_number"  # the hidden old ID column is not the ID column
    assert sheet.rows[0][0] == 6  # data starts below the second header row


def test_every_valid_row_imports_and_every_bad_row_is_refused_with_its_cell(station, messy, actor):
    path, expected = messy
    plan = plan_of(path, station)
    rows = by_row(plan)
    assert {n for n, r in rows.items() if r.action == "create"} == set(expected.creates)
    for number, word in expected.rejects.items():
        assert rows[number].action == "reject" and word in rows[number].reason, (number, rows[number])
        assert f"{number}）" in rows[number].cell  # the cell's address is named: 公民身份号码 (18位)（E11）「…」
    assert {n for n, r in rows.items() if r.action == "skip"} == expected.skips
    assert 10 not in rows  # the blank row
    result = run(apply_import(plan, actor=actor, home=station))
    assert result.created == len(expected.creates)
    for number, values in expected.creates.items():
        person = find_person(rows[number].id_number)
        for key, value in values.items():
            assert getattr(person, key) == value, (number, key)
        assert [i.category for i in identities_of(person.id)] == expected.identities[number]


def test_a_rejected_row_shows_the_column_the_address_and_the_value(station, messy):
    path, _ = messy
    rows = by_row(plan_of(path, station))
    lost = rows[12]
    assert lost.cell.startswith("公民身份号码 (18位)（E12）「15062619750404")
    assert rows[15].cell == "姓名（B15）「」" and rows[15].reason == "缺少姓名"
    assert plan_detail_of(rows[11]).startswith("公民身份号码 (18位)（E11）「")


def test_unknown_villages_are_listed_and_left_empty_unless_the_clerk_chooses(station, messy, actor):
    path, expected = messy
    plan = plan_of(path, station)
    assert plan.unknown_villages == expected.unknown_villages
    assert "沙日塔拉嘎查" in plan.village_summary()
    assert any("不在本站的嘎查村名单中" in w for w in by_row(plan)[8].warnings)
    run(apply_import(plan, actor=actor))
    assert find_person(by_row(plan)[8].id_number).village is None
    assert find_person(by_row(plan)[6].id_number).village.name == "布日都嘎查"


def test_unknown_villages_can_be_added_to_the_station_in_one_audited_action(station, messy, actor):
    path, _ = messy
    plan = plan_of(path, station, villages="add")
    assert plan.new_villages() == ["沙日塔拉嘎查", "巴音敖包嘎查"]
    assert "将添加到本站名单" in plan.detail(by_row(plan)[8])
    assert not Village.live().where(Village.name == "沙日塔拉嘎查").exists()  # the dry run adds nothing
    result = run(apply_import(plan, actor=actor))
    assert result.villages_added == 2 and result.changes.touches("village")
    added = Village.get(Village.name == "沙日塔拉嘎查")
    assert added.station_id == "150626100" and added.created_by == "admin"
    assert Change.select().where((Change.table == "village") & (Change.record_id == added.id)).exists()
    rows = by_row(plan)
    assert find_person(rows[8].id_number).village_id == added.id
    assert find_person(rows[9].id_number).village_id == added.id  # the merged cell's second person
    assert find_person(rows[16].id_number).village.name == "巴音敖包嘎查"


def test_unknown_villages_can_be_kept_as_text(station, messy, actor):
    path, _ = messy
    plan = plan_of(path, station, villages="text")
    run(apply_import(plan, actor=actor))
    li = find_person(by_row(plan)[8].id_number)
    assert li.village is None and li.village_text == "沙日塔拉嘎查"
    assert find_person(by_row(plan)[16].id_number).village_text == "巴音敖包嘎查村委会"
    assert not Village.live().where(Village.name == "沙日塔拉嘎查").exists()


def test_a_failed_import_of_the_messy_roster_leaves_nothing_behind(station, messy, actor, monkeypatch):
    path, _ = messy
    plan = plan_of(path, station, villages="add")
    before = (Person.select().count(), Village.select().count(), Change.select().count())
    from models.write import Writer

    real, calls = Writer.create, []

    def failing(self, model, values, **kw):
        calls.append(model)
        if model is Person and len([c for c in calls if c is Person]) == 4:
            raise OSError("磁盘已满")
        return real(self, model, values, **kw)

    monkeypatch.setattr(Writer, "create", failing)
    with pytest.raises(OSError):
        run(apply_import(plan, actor=actor))
    assert (Person.select().count(), Village.select().count(), Change.select().count()) == before


@pytest.mark.parametrize("name, content, word", [
    ("花名册.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "另存为"),
    ("花名册.csv", "姓名,身份证号\n王刚,150626196603080114\n".encode("gbk"), "CSV"),
    ("花名册.et", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "WPS"),
])
def test_an_xls_or_csv_file_gets_a_sentence_saying_what_to_do(station, tmp_path, name, content, word):
    (tmp_path / name).write_bytes(content)
    with pytest.raises(RosterUnreadable) as caught:
        read_roster(tmp_path / name)
    assert word in caught.value.message and ".xlsx" in caught.value.message


def test_a_workbook_whose_roster_is_not_the_first_sheet(station, tmp_path, actor):
    wb = Workbook()
    wb.active.title = "统计"
    wb.active.append(["嘎查村", "人数"])
    roster = wb.create_sheet("名单")
    roster.append(["序号", "身份证号码", "姓名", "手机号", "所属村"])
    roster.append([1, rid(dt.date(1966, 3, 8), 11), "王刚", "13904770000", "布日都"])
    wb.save(tmp_path / "r.xlsx")
    plan = plan_of(tmp_path / "r.xlsx", station)
    assert plan.sheet.sheet == "名单" and plan.rows[0].action == "create"
    assert plan.rows[0].values["phone"] == "13904770000"


def test_cells_as_clerks_fill_them(station, tmp_path):
    """Town before the village, two phones in a cell, #N/A from a formula, 出生年月 without the day,
    a remark in brackets after the identity, a date typed with an apostrophe."""
    number = rid(dt.date(1966, 3, 8), 11)
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号码", "出生年月", "人员类别", "所在嘎查村", "联系电话", "入伍时间", "民族"])
    ws.append(["王刚", number, "1966.03", "退役士兵（自主就业）", "嘎鲁图镇布日都嘎查", "13904770000/13804770000",
               "'1985.10", "#N/A"])
    ws.append(["李四", rid(dt.date(1970, 1, 2), 13), None, "退役士兵", "新乡村", None, None, None])
    wb.save(tmp_path / "r.xlsx")
    plan = plan_of(tmp_path / "r.xlsx", station)
    row, other = plan.rows
    assert row.action == "create" and row.warnings == []
    assert row.values["birth_date"] == dt.date(1966, 3, 8) and row.identities == ["retired_soldier"]
    assert row.values["village"] == Village.get(Village.name == "布日都嘎查").id
    assert row.values["phone"] == "13904770000" and row.values["enlist_date"] == dt.date(1985, 10, 1)
    assert "ethnicity" not in row.values
    assert plan.unknown_villages == {"新乡村": [3]}  # a village whose name holds 乡 stays whole
