"""花名册导入 wizard: choose an .xlsx → check the column mapping → dry run → import all, or nothing.

    wizard = RosterImportWizard(ctx, parent); wizard.open()
    wizard.read_file(path)        # → mapping step (signal `read_done`), or a sentence (`failed`)
    wizard.run_dry_run()          # → report step (`planned`): every row as 新建 / 更新 / 跳过 / 拒绝 and why
    wizard.village_policy.setCurrentIndex(…)   # 嘎查村 not on the list: add / keep as text / leave → dry run again
    wizard.run_import()           # → done step (`imported`, ImportResult); the mapping is remembered

The steps drive ledgers.roster_import — read_roster, propose_mapping, plan_import, apply_import,
remember_mapping — the same functions as `vetstation people import`, each on the worker thread
(ui.tasks.run_task). Nothing is written before 导入; the import is one transaction, and Cancel in
its progress dialog rolls it back. 下载模板 saves ledgers.roster_template's workbook.
"""
from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QDialog, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
                               QPushButton, QStackedWidget, QTableView, QVBoxLayout, QWidget)

from ledgers.roster_import import (apply_import, check_mapping, plan_import, propose_mapping, read_roster,
                                   remember_mapping)
from ledgers.roster_template import write_template
from models.errors import DomainError, ValidationError
from models.installation import Station
from ui.file_dialogs import choose_open_file, choose_save_file
from ui.ledgers.import_tables import DETAIL, MappingTable, PlanModel
from ui.row_views import pick_rows
from ui.tasks import run_task

FILE, MAPPING, REPORT, DONE = range(4)


class RosterImportWizard(QDialog):
    read_done = Signal(object)  # RosterSheet
    planned = Signal(object)  # ImportPlan
    imported = Signal(object)  # ImportResult
    failed = Signal(str)
    template_saved = Signal(object)  # Path

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.sheet = None
        self.plan = None
        self.result = None
        self.busy = False
        self.job = None  # the import's ui.tasks job (its `cancelled` flag is what Cancel sets)
        self.setWindowTitle(self.tr("Import a roster (.xlsx)"))
        self.resize(980, 640)
        self.title = QLabel()
        self.title.setObjectName("dialogTitle")
        self.subtitle = QLabel()
        self.subtitle.setObjectName("dialogSubtitle")
        self.subtitle.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("formError")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.note = QLabel()
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)
        self.note.hide()
        self.steps = QStackedWidget()
        self.steps.addWidget(self._file_step())
        self.steps.addWidget(self._mapping_step())
        self.steps.addWidget(self._report_step())
        self.steps.addWidget(self._done_step())

        self.template_button = QPushButton(self.tr("Download template…"))
        self.template_button.clicked.connect(self.choose_template_path)
        self.back_button = QPushButton(self.tr("Back"))
        self.back_button.clicked.connect(self.back)
        self.next_button = QPushButton()
        self.next_button.setObjectName("primaryButton")
        self.next_button.setDefault(True)
        self.next_button.clicked.connect(self.next)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        for button in (self.back_button, self.next_button, self.cancel_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(24, 20, 24, 18)
        layout.setSpacing(10)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.steps, 1)
        layout.addWidget(self.problem)
        layout.addWidget(self.note)
        layout.addLayout(buttons)
        self._show_step(FILE)

    # -- the four steps ---------------------------------------------------------------------------
    def _file_step(self) -> QWidget:
        page = QWidget()
        self.path_edit = QLineEdit()
        self.path_edit.setObjectName("rosterPath")
        self.path_edit.setPlaceholderText(self.tr("The roster workbook (.xlsx)"))
        self.path_edit.textChanged.connect(lambda _t: self._update_buttons())
        browse = QPushButton(self.tr("Choose file…"))
        browse.clicked.connect(self.choose_file)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        explain = QLabel(self.tr(
            "The header may sit below a title row or two; columns may be called as your roster calls them. "
            "You will check which column is which, then see what would happen to every row before anything "
            "is imported. Rows already registered (same ID number) are updated; blank cells never erase data. "
            "Old .xls files: save them as .xlsx in Excel first."))
        explain.setWordWrap(True)
        explain.setObjectName("hint")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(row)
        layout.addWidget(explain)
        layout.addStretch(1)
        return page

    def _mapping_step(self) -> QWidget:
        page = QWidget()
        self.mapping_table = MappingTable()
        self.mapping_table.mapping_changed.connect(lambda: self._show_problem(""))
        self.station = QComboBox()
        self.station.setObjectName("importStation")
        self.station_label = QLabel(self.tr("These people belong to station"))
        station_row = QHBoxLayout()
        station_row.addWidget(self.station_label)
        station_row.addWidget(self.station, 1)
        bureau = self.ctx.installation.is_bureau
        self.station_label.setVisible(bureau)
        self.station.setVisible(bureau)
        if bureau:
            self.station.addItem(self.tr("Choose a station"), None)
            for station in Station.live().order_by(Station.id):
                self.station.addItem(f"{station.name}（{station.id}）", station.id)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(station_row)
        layout.addWidget(self.mapping_table, 1)
        return page

    def _report_step(self) -> QWidget:
        page = QWidget()
        self.counts = QLabel()
        self.counts.setObjectName("panelTitle")
        self.show_only = QComboBox()
        for text, action in ((self.tr("All rows"), None), (self.tr("Refused rows"), "reject"),
                             (self.tr("Skipped rows"), "skip"),
                             (self.tr("New people"), "create"), (self.tr("Updates"), "update"),
                             (self.tr("Rows with a note"), "warning")):
            self.show_only.addItem(text, action)
        self.show_only.currentIndexChanged.connect(lambda _i: self.report_model.set_filter(self.show_only.currentData()))
        self.report_model = PlanModel(full_id_numbers=False, parent=self)  # masked in lists for every role
        self.report = QTableView()
        self.report.setObjectName("importReport")
        self.report.setModel(self.report_model)
        pick_rows(self.report, single=False)
        self.report.setAlternatingRowColors(True)
        self.report.setWordWrap(False)
        header = self.report.horizontalHeader()
        for column, width in enumerate((56, 90, 170, 56)):
            header.resizeSection(column, width)
        header.setSectionResizeMode(DETAIL, QHeaderView.Stretch)
        top = QHBoxLayout()
        top.addWidget(self.counts, 1)
        top.addWidget(QLabel(self.tr("Show")))
        top.addWidget(self.show_only)
        self.villages_text = QLabel()
        self.villages_text.setObjectName("importVillages")
        self.villages_text.setWordWrap(True)
        self.village_policy = QComboBox()
        self.village_policy.setObjectName("importVillagePolicy")
        for text, policy in ((self.tr("Add them to the station's villages"), "add"),
                             (self.tr("Keep the name as text"), "text"),
                             (self.tr("Leave the village empty"), "leave")):
            self.village_policy.addItem(text, policy)
        self.village_policy.setCurrentIndex(self.village_policy.findData("leave"))
        self.village_policy.setToolTip(self.tr("Villages added here can be renamed or removed later in "
                                               "Settings → Villages."))
        self.village_policy.currentIndexChanged.connect(lambda _i: self._village_policy_chosen())
        self.villages_box = QWidget()
        villages = QHBoxLayout(self.villages_box)
        villages.setContentsMargins(0, 0, 0, 0)
        villages.addWidget(self.villages_text, 1)
        villages.addWidget(self.village_policy)
        self.villages_box.hide()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.villages_box)
        layout.addWidget(self.report, 1)
        return page

    def _done_step(self) -> QWidget:
        page = QWidget()
        self.done_text = QLabel()
        self.done_text.setObjectName("importDone")
        self.done_text.setWordWrap(True)
        self.done_text.setStyleSheet("font-size: 12pt;")
        layout = QVBoxLayout(page)
        layout.addWidget(self.done_text)
        layout.addStretch(1)
        return page

    def step(self) -> int:
        return self.steps.currentIndex()

    def _show_step(self, step: int) -> None:
        self.steps.setCurrentIndex(step)
        self._show_problem("")
        titles = {
            FILE: (self.tr("Import a roster — 1. Choose the file"),
                   self.tr("An Excel roster (.xlsx) as the station keeps it, or the template filled in.")),
            MAPPING: (self.tr("Import a roster — 2. Check the columns"), self._mapping_subtitle()),
            REPORT: (self.tr("Import a roster — 3. Check every row"),
                     self.tr("Nothing has been imported yet. Refused and skipped rows are left out; fix them in "
                             "the file and import again if needed.")),
            DONE: (self.tr("Import a roster — done"), ""),
        }
        title, subtitle = titles[step]
        self.title.setText(title)
        self.subtitle.setText(subtitle)
        self.subtitle.setVisible(bool(subtitle))
        self._update_buttons()

    def _mapping_subtitle(self) -> str:
        if self.sheet is None:
            return ""
        return self.tr("Sheet “{sheet}”, header found in row {row}. Correct any column that is matched wrongly; "
                       "your choices are remembered for the next roster.").format(sheet=self.sheet.sheet,
                                                                                  row=self.sheet.header_row)

    def _update_buttons(self) -> None:
        step = self.step()
        self.back_button.setVisible(step in (MAPPING, REPORT))
        self.cancel_button.setVisible(step != DONE)
        if step == FILE:
            self.next_button.setText(self.tr("Next"))
            self.next_button.setEnabled(bool(self.path_edit.text().strip()) and not self.busy)
        elif step == MAPPING:
            self.next_button.setText(self.tr("Check rows"))
            self.next_button.setEnabled(not self.busy)
        elif step == REPORT:
            count = self.plan.count("create") + self.plan.count("update") if self.plan else 0
            self.next_button.setText(self.tr("Import {count} rows").format(count=count))
            self.next_button.setEnabled(count > 0 and not self.busy)
        else:
            self.next_button.setText(self.tr("Close"))
            self.next_button.setEnabled(True)

    def _show_problem(self, message: str) -> None:
        self.problem.setText(message)
        self.problem.setVisible(bool(message))

    def _busy(self, busy: bool) -> None:
        self.busy = busy
        self.back_button.setEnabled(not busy)
        self._update_buttons()

    def _fail(self, message: str) -> None:
        self._busy(False)
        self._show_problem(message)
        self.failed.emit(message)

    # -- navigation -------------------------------------------------------------------------------
    def next(self) -> None:
        step = self.step()
        if step == FILE:
            self.read_file(Path(self.path_edit.text().strip()))
        elif step == MAPPING:
            self.run_dry_run()
        elif step == REPORT:
            self.run_import()
        else:
            self.accept()

    def back(self) -> None:
        if self.step() in (MAPPING, REPORT):
            self._show_step(self.step() - 1)

    def reject(self) -> None:
        if self.busy:  # the import's own progress dialog has the Cancel that rolls it back
            return
        super().reject()

    # -- 1. the file ------------------------------------------------------------------------------
    def choose_file(self) -> None:
        path = choose_open_file(self, "roster", self.tr("Choose the roster"), "Excel (*.xlsx *.xlsm)")
        if path:
            self.path_edit.setText(path)
            self.read_file(Path(path))

    def read_file(self, path: Path) -> None:
        self.path_edit.setText(str(path))
        home = self.ctx.home

        def read():
            sheet = read_roster(path, home)
            return sheet, propose_mapping(sheet, home)

        self._busy(True)
        self._show_problem("")
        run_task(self, read, label=self.tr("Reading the roster…"), on_done=self._read, on_error=self._fail)

    def _read(self, result) -> None:
        self._busy(False)
        self.sheet, proposed = result
        self.plan = None
        self.mapping_table.show_sheet(self.sheet, proposed)
        self._show_step(MAPPING)
        self.read_done.emit(self.sheet)

    # -- 2. mapping → dry run ---------------------------------------------------------------------
    def mapping(self) -> dict[int, str]:
        return self.mapping_table.mapping()

    def _village_policy_chosen(self) -> None:
        if self.plan is not None and self.plan.villages != self.village_policy.currentData():
            self.run_dry_run()  # the preview must say exactly what the import will do

    def run_dry_run(self) -> None:
        mapping = self.mapping()
        try:
            check_mapping(mapping)
        except ValidationError as exc:
            self._show_problem("；".join(exc.fields.values()) + "。")
            return
        station_code = None
        if self.ctx.installation.is_bureau:
            station_code = self.station.currentData()
            if not station_code:
                self._show_problem(self.tr("Choose the station these people belong to."))
                return
        self._busy(True)
        policy = self.village_policy.currentData()
        run_task(self, plan_import(self.sheet, mapping, station_code=station_code, villages=policy),
                 label=self.tr("Checking every row…"), on_done=self._planned, on_error=self._fail)

    def _planned(self, plan) -> None:
        self._busy(False)
        self.plan = plan
        self.report_model.set_plan(plan)
        self.counts.setText(plan.summary())
        if plan.unknown_villages:
            self.villages_text.setText(plan.village_summary())
            self.villages_text.setToolTip("\n".join(
                f"{name}：第 {'、'.join(map(str, rows))} 行" for name, rows in plan.unknown_villages.items()))
        self.villages_box.setVisible(bool(plan.unknown_villages))
        self._show_step(REPORT)
        self.planned.emit(plan)

    # -- 3. import --------------------------------------------------------------------------------
    def run_import(self) -> None:
        self._busy(True)
        self.job = run_task(self, apply_import(self.plan, actor=self.ctx.actor, home=self.ctx.home),
                            label=self.tr("Importing…"), on_done=self._imported, on_error=self._fail)

    def _imported(self, result) -> None:
        self._busy(False)
        self.result = result
        try:
            remember_mapping(self.ctx.home, self.sheet, self.plan.mapping)
        except OSError:
            pass  # the import stands; only the next roster's proposal is less good
        self.ctx.announce(result.changes)
        text = self.tr("Imported: {created} new, {updated} updated.").format(created=result.created,
                                                                            updated=result.updated)
        if result.villages_added:
            text += "\n" + self.tr("{count} villages were added to the station's list.").format(
                count=result.villages_added)
        if result.backup:
            text += "\n" + self.tr("The data before the import was backed up to {path}.").format(path=result.backup)
        self.done_text.setText(text)
        self._show_step(DONE)
        self.imported.emit(result)

    # -- the template -----------------------------------------------------------------------------
    def choose_template_path(self) -> None:
        path = choose_save_file(self, "roster", self.tr("Save the import template"), "花名册导入模板.xlsx",
                                "Excel (*.xlsx)")
        if path:
            self.save_template(Path(path) if path.lower().endswith(".xlsx") else Path(path + ".xlsx"))

    def save_template(self, path: Path) -> None:
        try:
            write_template(path)
        except DomainError as exc:
            self._show_problem(exc.message)
            return
        self._show_problem("")
        self.note.setText(self.tr("Template saved to {path}").format(path=path))
        self.note.show()
        self.template_saved.emit(path)

