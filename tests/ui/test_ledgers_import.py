"""花名册导入 in the GUI: a clerk brings the station's messy roster, checks the columns and every row, imports."""
from __future__ import annotations

import datetime as dt
import threading

import pytest
from openpyxl import Workbook, load_workbook

from ledgers.roster_sheet import IGNORE, learned_mapping
from models.installation import current
from models.person import Person
from models.write import Actor
from tests.ledgers.conftest import add_person, id_number
from ui.context import AppContext
from ui.ledgers import RosterImportWizard
from ui.ledgers.import_tables import ACTION, DETAIL, ID_NUMBER, NAME
from ui.registry import RegistryPage
from ui.tasks import run_task

ID_WANG = id_number(dt.date(1966, 3, 8), 11)
ID_LI = id_number(dt.date(1970, 5, 20), 13)
ID_ZHAO = id_number(dt.date(1972, 8, 9), 14, sex="F")
ID_BAD = ID_LI[:17] + ("0" if ID_LI[17] != "0" else "1")
HEADER = ["序号", "姓 名", "性别", "身份证号", "类别", "入伍年月", "所在村", "联系人电话", "备注"]


def registered(number: str) -> Person | None:
    return Person.live().where(Person.id_number == number).first()


def messy_roster(path):
    """Two title rows above the header, synonyms for the headers, a bad row, a total row."""
    wb = Workbook()
    ws = wb.active
    ws.append(["嘎鲁图镇退役军人花名册"])
    ws.merge_cells("A1:I1")
    ws.append(["填报单位：嘎鲁图镇退役军人服务站", None, None, None, None, None, None, "2026年11月"])
    ws.append(HEADER)  # row 3
    ws.append([1, "王　建国", "男", ID_WANG, "退役士兵", "1985.07", "布日都嘎查", "13904770000", None])  # row 4
    ws.append([2, "李卫东", "男", ID_LI, "退役士兵", "1988年9月", "陶尔庙", None, None])  # row 5
    ws.append([3, "张错号", "男", ID_BAD, "退役士兵", None, None, None, "号码抄错了"])  # row 6
    ws.append([4, "赵敏", "女", ID_ZHAO, "现役军人家属", None, "布日都嘎查", "13800001111", None])  # row 7
    ws.append(["合计", None, None, None, None, None, None, None, "共4人"])  # row 8
    wb.save(path)
    return path


@pytest.fixture
def roster(tmp_path):
    return messy_roster(tmp_path / "花名册.xlsx")


@pytest.fixture
def wizard(qtbot, ctx):
    wizard = RosterImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.show()
    return wizard


def read(qtbot, wizard, path):
    with qtbot.waitSignal(wizard.read_done, timeout=10000):
        wizard.read_file(path)


def dry_run(qtbot, wizard):
    with qtbot.waitSignal(wizard.planned, timeout=10000) as blocker:
        wizard.next_button.click()
    return blocker.args[0]


def header_column(wizard, header: str) -> int:
    return wizard.sheet.headers.index(header)


def report_row(wizard, excel_row: int) -> dict:
    model = wizard.report_model
    for r, row in enumerate(model.rows):
        if row.row == excel_row:
            return {c: model.index(r, c).data() for c in (NAME, ID_NUMBER, ACTION, DETAIL)}
    raise AssertionError(f"row {excel_row} is not in the report")


def test_the_header_is_found_below_the_title_and_the_columns_are_proposed(qtbot, wizard, roster):
    read(qtbot, wizard, roster)
    assert wizard.sheet.header_row == 3
    assert "3" in wizard.subtitle.text()
    table = wizard.mapping_table
    assert table.field(header_column(wizard, "姓 名")) == "name"
    assert table.field(header_column(wizard, "身份证号")) == "id_number"
    assert table.field(header_column(wizard, "类别")) == "identities"
    assert table.field(header_column(wizard, "所在村")) == "village"
    assert table.field(header_column(wizard, "联系人电话")) == IGNORE  # a header the importer does not know
    assert "李卫东" in table.item(header_column(wizard, "姓 名"), 2).text()  # examples from the file


def test_the_dry_run_lists_the_bad_row_with_its_reason_and_imports_nothing(qtbot, wizard, roster, station):
    read(qtbot, wizard, roster)
    plan = dry_run(qtbot, wizard)
    bad = report_row(wizard, 6)
    assert bad[NAME] == "张错号" and bad[ACTION] == "拒绝" and "校验位错误" in bad[DETAIL]
    assert bad[DETAIL].startswith(f"身份证号（D6）「{ID_BAD}」：")  # the cell: column, address, value
    assert report_row(wizard, 8)[ACTION] == "跳过"  # the total row
    assert report_row(wizard, 4)[NAME] == "王建国" and report_row(wizard, 4)[ACTION] == "新建"
    assert plan.count("create") == 3
    assert "新建 3 人" in wizard.counts.text()
    assert wizard.next_button.text() == "Import 3 rows" and wizard.next_button.isEnabled()
    wizard.show_only.setCurrentIndex(wizard.show_only.findData("reject"))
    assert {row.row for row in wizard.report_model.rows} == {6}
    wizard.show_only.setCurrentIndex(wizard.show_only.findData("skip"))
    assert {row.row for row in wizard.report_model.rows} == {8}
    assert Person.select().count() == 0


def test_importing_creates_the_valid_people_remembers_the_mapping_and_the_list_refreshes(qtbot, ctx, wizard, roster):
    registry = RegistryPage(ctx)
    qtbot.addWidget(registry)
    assert registry.list_page.model.total == 0
    read(qtbot, wizard, roster)
    phone_column = header_column(wizard, "联系人电话")
    wizard.mapping_table.set_field(phone_column, "phone")  # the clerk corrects the mapping
    dry_run(qtbot, wizard)
    with qtbot.waitSignal(wizard.imported, timeout=20000) as blocker:
        wizard.next_button.click()
    result = blocker.args[0]
    assert (result.created, result.updated) == (3, 0)
    assert registered(ID_WANG).name == "王建国" and registered(ID_WANG).phone == "13904770000"
    assert registered(ID_ZHAO).name == "赵敏"
    assert registered(ID_BAD) is None
    assert registry.list_page.model.total == 3
    assert "3" in wizard.done_text.text() and result.backup
    assert learned_mapping(ctx.home)["联系人电话"] == "phone"
    wizard.next_button.click()  # 完成
    assert wizard.result is result and not wizard.isVisible()


def test_choosing_a_field_twice_moves_it_to_the_new_column(qtbot, wizard, roster):
    read(qtbot, wizard, roster)
    name_column, remark_column = header_column(wizard, "姓 名"), header_column(wizard, "备注")
    wizard.mapping_table.set_field(remark_column, "name")
    assert wizard.mapping_table.field(name_column) == IGNORE
    assert list(wizard.mapping().values()).count("name") == 1


def test_without_an_id_column_the_dry_run_asks_for_one(qtbot, wizard, roster):
    read(qtbot, wizard, roster)
    wizard.mapping_table.set_field(header_column(wizard, "身份证号"), IGNORE)
    planned = []
    wizard.planned.connect(planned.append)
    wizard.next_button.click()
    assert "公民身份号码" in wizard.problem.text() and wizard.problem.isVisibleTo(wizard)
    assert planned == [] and wizard.step() == 1


def test_a_file_that_is_not_a_workbook_gets_a_sentence(qtbot, wizard, tmp_path):
    broken = tmp_path / "花名册.xlsx"
    broken.write_text("not a workbook")
    with qtbot.waitSignal(wizard.failed, timeout=10000) as blocker:
        wizard.read_file(broken)
    assert ".xlsx" in blocker.args[0] and wizard.step() == 0


def test_cancelling_the_wizard_after_the_dry_run_changes_nothing(qtbot, wizard, roster, station):
    read(qtbot, wizard, roster)
    dry_run(qtbot, wizard)
    wizard.cancel_button.click()
    assert not wizard.isVisible()
    assert Person.select().count() == 0
    assert learned_mapping(station) == {}


def test_cancelling_the_import_in_its_progress_dialog_rolls_everything_back(qtbot, wizard, roster, actor, station):
    add_person(actor, "李卫东", 13, birth=dt.date(1970, 5, 20))  # an update is planned for this one
    read(qtbot, wizard, roster)
    plan = dry_run(qtbot, wizard)
    assert plan.count("update") == 1
    before = Person.select().count()
    gate = threading.Event()
    run_task(None, lambda: gate.wait(10))  # the one worker is busy: the import waits behind it
    wizard.next_button.click()
    wizard.job.cancelled = True  # what the progress dialog's Cancel does
    with qtbot.waitSignal(wizard.failed, timeout=20000) as blocker:
        gate.set()
    assert "取消" in blocker.args[0]
    assert Person.select().count() == before and registered(ID_WANG) is None
    assert wizard.step() == 2 and wizard.next_button.isEnabled()


def test_a_clerk_sees_masked_id_numbers_in_the_report(qtbot, station, roster):
    clerk = RosterImportWizard(AppContext(station, current(), Actor("li", "李四", "station_staff")))
    qtbot.addWidget(clerk)
    read(qtbot, clerk, roster)
    dry_run(qtbot, clerk)
    shown = report_row(clerk, 4)[ID_NUMBER]
    assert shown != ID_WANG and "*" in shown
    assert report_row(clerk, 6)[ID_NUMBER] == ID_BAD  # a skipped number as written, to find and fix it


def test_a_clerk_sees_a_valid_number_masked_even_on_a_refused_row(qtbot, station, tmp_path):
    path = tmp_path / "重复.xlsx"
    wb = Workbook()
    wb.active.append(HEADER)
    wb.active.append([1, "王建国", "男", ID_WANG, "退役士兵", None, None, None, None])
    wb.active.append([2, "王建国", "男", ID_WANG, "退役士兵", None, None, None, None])  # the same person twice
    wb.save(path)
    clerk = RosterImportWizard(AppContext(station, current(), Actor("li", "李四", "station_staff")))
    qtbot.addWidget(clerk)
    read(qtbot, clerk, path)
    dry_run(qtbot, clerk)
    refused = report_row(clerk, 3)
    assert refused[ACTION] == "拒绝" and "重复" in refused[DETAIL]
    assert refused[ID_NUMBER] != ID_WANG and "*" in refused[ID_NUMBER]


def test_the_template_can_be_downloaded_from_the_wizard(qtbot, wizard, tmp_path, monkeypatch):
    target = tmp_path / "模板"
    monkeypatch.setattr("ui.file_dialogs.QFileDialog.getSaveFileName",
                        lambda *a, **k: (str(target), "Excel (*.xlsx)"))
    with qtbot.waitSignal(wizard.template_saved, timeout=5000):
        wizard.template_button.click()
    headers = [c.value for c in load_workbook(tmp_path / "模板.xlsx").active[2]]
    assert "公民身份号码" in headers and "姓名" in headers


def test_villages_not_on_the_list_are_shown_and_the_clerk_chooses_to_add_them(qtbot, wizard, roster, station):
    from models.installation import Village

    read(qtbot, wizard, roster)
    plan = dry_run(qtbot, wizard)
    assert plan.villages == "leave" and plan.unknown_villages == {}  # 陶尔庙 matches 陶尔庙嘎查
    Village.update(deleted_at="2026-01-01T00:00:00Z").where(Village.name == "陶尔庙嘎查").execute()
    wizard.back()
    plan = dry_run(qtbot, wizard)
    assert plan.unknown_villages == {"陶尔庙": [5]}
    assert wizard.villages_box.isVisibleTo(wizard) and "陶尔庙" in wizard.villages_text.text()
    with qtbot.waitSignal(wizard.planned, timeout=10000) as blocker:  # choosing runs the dry run again
        wizard.village_policy.setCurrentIndex(wizard.village_policy.findData("add"))
    assert blocker.args[0].villages == "add"
    assert "陶尔庙（新增）" in report_row(wizard, 5)[DETAIL] or "将添加到本站名单" in report_row(wizard, 5)[DETAIL]
    with qtbot.waitSignal(wizard.imported, timeout=20000) as done:
        wizard.next_button.click()
    assert done.args[0].villages_added == 1
    assert registered(ID_LI).village.name == "陶尔庙" and "1" in wizard.done_text.text()


def test_screenshot_of_the_preview_at_1024_by_700(qtbot, dressed_app, ctx, tmp_path):
    """docs/screenshots/small/roster-import.png: the wizard's report step on a small station screen."""
    from pathlib import Path

    from tests.ledgers.messy_roster import write_messy_roster

    path, _ = write_messy_roster(tmp_path / "嘎鲁图镇花名册.xlsx")
    wizard = RosterImportWizard(ctx)
    qtbot.addWidget(wizard)
    wizard.resize(1024, 700)
    wizard.show()
    read(qtbot, wizard, path)
    with qtbot.waitSignal(wizard.planned, timeout=10000):
        wizard.next_button.click()
    with qtbot.waitSignal(wizard.planned, timeout=10000):
        wizard.village_policy.setCurrentIndex(wizard.village_policy.findData("add"))
    assert wizard.width() <= 1024 and wizard.height() <= 700
    for button in (wizard.next_button, wizard.back_button, wizard.cancel_button):
        assert button.isVisible() and button.width() >= button.sizeHint().width()
        assert wizard.rect().contains(button.geometry().translated(button.parentWidget().mapTo(wizard, button.pos())
                                                                    - button.pos()))
    target = Path(__file__).resolve().parents[2] / "docs" / "screenshots" / "small" / "roster-import.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    assert wizard.grab().save(str(target))
