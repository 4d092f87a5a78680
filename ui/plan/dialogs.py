"""The work plan's forms: each saves through one domain function on the worker thread (ui.casework.forms).

    TaskDialog(ctx, view, parent=self).open()                 # a new task (add_task)
    TaskDialog(ctx, view, task=row, parent=self).open()       # edit it (edit_task, assign/unassign units)
    MonthReportDialog(ctx, row, "2026-11", unit, parent=self) # 月调度 (report_progress)
    dialog.saved.connect(...)                                 # after ctx.announce(changes)

A refusal (ValidationError next to its field, any other DomainError in the red banner) keeps the dialog
open with everything typed. Labels are English in code (self.tr), Chinese in the translations.
"""
from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableWidget, QTableWidgetItem

from models.indicators import INDICATORS
from models.plan import BENCHMARK_ROLES, LIST_KINDS, LIST_STATES
from models.plan_edit import edit_area, edit_plan, save_benchmark
from models.plan_lists import add_list_item, edit_list_item, improvement_for
from models.plan_meetings import SUMMARY_FIELDS, decision_to_list_item, decision_to_task, record_meeting, \
    write_quarter_summary
from models.plan_progress import report_progress
from models.plan_tasks import add_task, assign_task, confirm_done, edit_task, unassign_task
from models.scoring import enter_manual_score
from models.write import OpChanges
from ui.casework.fields import ChoiceCombo, DateEdit, NoteEdit
from ui.casework.forms import RecordDialog
from ui.plan.common import UnitPicker, leaders_text, parse_leaders
from ui.plan.reading import touched
from ui.registry.editors import TextEdit


def merged(*changes: OpChanges) -> OpChanges:
    out = OpChanges()
    for c in changes:
        out.created += c.created
        out.updated += c.updated
        out.tombstoned += c.tombstoned
    return out


class RowsEditor(QTableWidget):
    """Rows of a few text columns typed in place (the 领导小组, the 对标对象); an empty row is ignored."""

    edited = Signal()

    def __init__(self, keys: list[str], labels: list[str], *, spare: int = 2, parent=None):
        super().__init__(0, len(keys), parent)
        self.keys, self.spare = keys, spare
        self.setHorizontalHeaderLabels(labels)
        self.horizontalHeader().setSectionResizeMode(QHeaderView.Stretch)
        self.verticalHeader().hide()
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setMinimumHeight(160)
        self.itemChanged.connect(lambda _i: self.edited.emit())

    def set_value(self, rows) -> None:
        rows = list(rows or [])
        self.blockSignals(True)
        self.setRowCount(len(rows) + self.spare)
        for r, row in enumerate(rows):
            for c, key in enumerate(self.keys):
                self.setItem(r, c, QTableWidgetItem(str(row.get(key) or "")))
        self.blockSignals(False)

    def value(self) -> list[dict]:
        out = []
        for r in range(self.rowCount()):
            row = {key: (self.item(r, c).text().strip() if self.item(r, c) else "") for c, key in enumerate(self.keys)}
            if any(row.values()):
                out.append(row)
        return out

    def problem(self):
        return None


class PlanHeaderDialog(RecordDialog):
    """The plan's head: title, 对标对象, 领导小组 (posts with names), its office, 主任 and 联络员."""

    def __init__(self, ctx, view, parent=None):
        self.view = view
        super().__init__(ctx, self.tr("Edit the plan of {year}").format(year=view.year), parent)
        self.setMinimumWidth(720)
        plan = view.plan
        for name in ("title", "office", "office_head", "liaison"):
            self.grid.editors[name].set_value(getattr(plan, name))
        self.grid.editors["leading_group"].set_value(plan.leading_group)
        roles = dict(BENCHMARK_ROLES)
        self.grid.editors["benchmarks"].set_value([{"id": b.id, "role": roles.get(b.role, b.role), "name": b.name,
                                                    "studied_for": b.studied_for} for b in view.benchmarks])
        self.benchmark_ids = [b.id for b in view.benchmarks]

    def build(self, grid) -> None:
        grid.add("title", TextEdit(), label=self.tr("Title"))
        grid.add("benchmarks", RowsEditor(["role", "name", "studied_for"],
                                          [self.tr("Learn/surpass"), self.tr("Benchmark"), self.tr("Studied for")]),
                 label=self.tr("Benchmarks"))
        grid.add("leading_group", RowsEditor(["post", "title", "name"],
                                             [self.tr("Post"), self.tr("Office held"), self.tr("Name")], spare=3),
                 label=self.tr("Leading group"))
        grid.add("office", TextEdit(), label=self.tr("Office at"))
        grid.add("office_head", TextEdit(), label=self.tr("Office head"))
        grid.add("liaison", TextEdit(), label=self.tr("Liaison"))

    def submit(self, values, actor):
        plan_id, ids = self.view.plan.id, list(self.benchmark_ids)
        changes = [edit_plan(plan_id, {k: values[k] for k in ("title", "office", "office_head", "liaison",
                                                             "leading_group")}, actor=actor,
                             seen=self.view.plan.__data__)]
        for n, row in enumerate(values["benchmarks"]):
            changes.append(save_benchmark(plan_id, row, actor=actor, benchmark_id=ids[n] if n < len(ids) else None))
        return merged(*changes)


class AreaDialog(RecordDialog):
    def __init__(self, ctx, view, area, parent=None):
        self.view, self.area = view, area
        super().__init__(ctx, self.tr("Edit the area {name}").format(name=area.name), parent)
        self.setMinimumWidth(620)
        grid = self.grid.editors
        grid["name"].set_value(area.name)
        grid["content"].set_value(area.content)
        grid["leaders"].set_value(leaders_text(area.leaders))
        grid["unit_codes"].set_value(area.unit_codes)
        grid["deadline"].set_value(area.deadline)

    def build(self, grid) -> None:
        grid.add("name", TextEdit(), label=self.tr("Area"))
        grid.add("content", NoteEdit(), label=self.tr("What is learnt"))
        grid.add("leaders", TextEdit(placeholder="副局长:乌云图；局长:"), label=self.tr("Leading officials"))
        grid.add("unit_codes", UnitPicker(self.view.units), label=self.tr("Responsible units"))
        grid.add("deadline", DateEdit(), label=self.tr("Deadline"))

    def submit(self, values, actor):
        return edit_area(self.area.id, {**values, "leaders": parse_leaders(values["leaders"])}, actor=actor,
                         seen=self.area.__data__)


class TaskDialog(RecordDialog):
    """A new task of an area (add_task), or an existing one (edit_task; units ticked or unticked)."""

    def __init__(self, ctx, view, *, task: dict | None = None, area_id: str | None = None, parent=None):
        self.view, self.task = view, task
        title = self.tr("New task") if task is None else self.tr("Task {number}").format(number=task["number"])
        super().__init__(ctx, title, parent)
        self.setMinimumWidth(640)
        editors = self.grid.editors
        if task is None:
            editors["area"].set_value(area_id or (view.areas[0].id if view.areas else None))
            return
        editors["area"].set_value(task["area_id"])
        for name in ("title", "target_value", "target_unit", "indicator", "deadline", "note"):
            editors[name].set_value(task[name] if not isinstance(task[name], float) else f"{task[name]:g}")
        editors["leaders"].set_value(leaders_text(task["leaders"]))
        editors["units"].set_value([u["code"] for u in task["units"]])

    def build(self, grid) -> None:
        grid.add("area", ChoiceCombo([(a.id, a.name) for a in self.view.areas]), label=self.tr("Area"))
        grid.add("title", NoteEdit(), label=self.tr("Task"))
        grid.add("target_value", TextEdit(placeholder="95"), label=self.tr("Target"))
        grid.add("target_unit", TextEdit(placeholder="%"), label=self.tr("Target unit"))
        grid.add("indicator", ChoiceCombo([(code, i.label) for code, i in INDICATORS.items() if code != "score"],
                                          empty=self.tr("(typed in by the unit)")), label=self.tr("Measured by"))
        grid.add("leaders", TextEdit(placeholder=self.tr("empty: the area's")), label=self.tr("Leading officials"))
        grid.add("units", UnitPicker(self.view.units), label=self.tr("Responsible units"))
        grid.add("deadline", DateEdit(), label=self.tr("Deadline"))
        grid.add("note", TextEdit(), label=self.tr("Note"))

    def submit(self, values, actor):
        row = {k: values[k] for k in ("title", "target_value", "target_unit", "indicator", "note")}
        if values["leaders"]:
            row["leaders"] = parse_leaders(values["leaders"])
        if values["deadline"]:
            row["deadline"] = values["deadline"]
        if self.task is None:
            task = add_task(values["area"], row, units=values["units"], actor=actor)
            return task, touched(task)
        if "deadline" not in row:
            row["deadline"] = None  # a cleared deadline is refused with its sentence, not silently kept
        task_id = self.task["id"]
        seen = {**{k: self.task[k] for k in (*row, "leaders")}, "area": self.task["area_id"]}  # as the list showed it
        changes = [edit_task(task_id, {**row, "area": values["area"], "leaders": parse_leaders(values["leaders"])},
                             actor=actor, seen=seen)]
        had = [u["code"] for u in self.task["units"]]
        new = [code for code in values["units"] if code not in had]
        if new:
            changes.append(assign_task(task_id, new, actor=actor))
        from models.plan import ALL_STATIONS
        if ALL_STATIONS not in values["units"]:
            for code in had:
                if code not in values["units"]:
                    changes.append(unassign_task(task_id, code, actor=actor))
        return merged(*changes)


class ConfirmDoneDialog(RecordDialog):
    """The bureau confirms a task completed: by every unit, or by one."""

    def __init__(self, ctx, task: dict, parent=None):
        self.task = task
        super().__init__(ctx, self.tr("Confirm task {number} completed").format(number=task["number"]), parent)
        self.grid.editors["on"].set_value(dt.date.today())

    def build(self, grid) -> None:
        grid.add("unit", ChoiceCombo([(u["code"], u["name"]) for u in self.task["units"]],
                                     empty=self.tr("Every responsible unit")), label=self.tr("Completed by"))
        grid.add("on", DateEdit(), label=self.tr("Date"))
        grid.add("note", NoteEdit(), label=self.tr("Note"))

    def submit(self, values, actor):
        return confirm_done(self.task["id"], unit=values["unit"], on=values["on"], note=values["note"], actor=actor)


class MonthReportDialog(RecordDialog):
    """月调度 of one task for one month: 完成情况, 指标值 (prefilled where computed), 存在问题, 下步措施."""

    def __init__(self, ctx, row: dict, month: str, unit: str | None, parent=None):
        self.row, self.month, self.unit = row, month, unit
        super().__init__(ctx, self.tr("Monthly report {month}: task {number}").format(
            month=month, number=row["number"]), parent)
        editors, entry = self.grid.editors, row.get("entry")
        if entry:
            for name in ("done_text", "problems", "next_steps"):
                editors[name].set_value(entry[name])
            editors["value"].set_value(None if entry["value"] is None else f"{entry['value']:g}")
        elif row.get("suggested") is not None:
            editors["value"].set_value(f"{row['suggested']:g}")

    def build(self, grid) -> None:
        task = self.row
        target = task["target"] and self.tr("target {target}").format(target=task["target"])
        measured = task["indicator_label"] and self.tr("computed: {indicator}").format(indicator=task["indicator_label"])
        hint = "，".join(t for t in (target, measured) if t)
        grid.add("done_text", NoteEdit(), label=self.tr("What was done"))
        grid.add("value", TextEdit(placeholder=hint), label=self.tr("Indicator value"))
        grid.add("problems", NoteEdit(), label=self.tr("Problems"))
        grid.add("next_steps", NoteEdit(), label=self.tr("Next steps"))

    def submit(self, values, actor):
        entry = report_progress(self.row["id"], self.month, values, unit=self.unit, actor=actor)
        return entry, touched(entry)


class SummaryDialog(RecordDialog):
    """季总结 of this unit (or, at the bureau, of a 股室) for a quarter."""

    def __init__(self, ctx, quarter: str, unit: str | None, summary=None, parent=None):
        self.quarter, self.unit = quarter, unit
        super().__init__(ctx, self.tr("Quarterly summary {quarter}").format(quarter=quarter), parent)
        if summary is not None:
            for name in SUMMARY_FIELDS:
                self.grid.editors[name].set_value(getattr(summary, name))

    def build(self, grid) -> None:
        labels = {"results": self.tr("Results"), "highlights": self.tr("Highlights"),
                  "problems": self.tr("Problems"), "next_plans": self.tr("Plans for next quarter")}
        for name in SUMMARY_FIELDS:
            grid.add(name, NoteEdit(), label=labels[name])

    def submit(self, values, actor):
        summary = write_quarter_summary(self.quarter, values, unit=self.unit, actor=actor)
        return summary, touched(summary)


class MeetingDialog(RecordDialog):
    """A 专题会议: date, title, quarter, 主持, attendees and its decisions (one a line)."""

    def __init__(self, ctx, plan, quarter: str, parent=None):
        self.plan = plan
        super().__init__(ctx, self.tr("Record a meeting"), parent)
        self.setMinimumWidth(600)
        self.grid.editors["held_on"].set_value(dt.date.today())
        self.grid.editors["quarter"].set_value(quarter)

    def build(self, grid) -> None:
        grid.add("held_on", DateEdit(), label=self.tr("Held on"))
        grid.add("title", TextEdit(), label=self.tr("Meeting"))
        grid.add("quarter", TextEdit(placeholder="2026Q4"), label=self.tr("Quarter"))
        grid.add("chaired_by", TextEdit(), label=self.tr("Chaired by"))
        grid.add("attendees", NoteEdit(), label=self.tr("Attendees"))
        decisions = NoteEdit()
        decisions.setFixedHeight(110)
        grid.add("decisions", decisions, label=self.tr("Decisions (one a line)"))

    def submit(self, values, actor):
        decisions = (values.pop("decisions") or "").splitlines()
        meeting = record_meeting(self.plan.id, values, decisions=decisions, actor=actor)
        return meeting, touched(meeting)


class DecisionTaskDialog(RecordDialog):
    """A decision becomes a task: its area, units and deadline (its text is the 事项)."""

    def __init__(self, ctx, view, decision, parent=None):
        self.view, self.decision = view, decision
        super().__init__(ctx, self.tr("Make the decision a task"), parent)
        self.grid.editors["area"].set_value(view.areas[0].id if view.areas else None)

    def build(self, grid) -> None:
        grid.add("title", TextEdit(), label=self.tr("Task")).set_value(self.decision.text)
        grid.add("area", ChoiceCombo([(a.id, a.name) for a in self.view.areas]), label=self.tr("Area"))
        grid.add("units", UnitPicker(self.view.units), label=self.tr("Responsible units"))
        grid.add("deadline", DateEdit(), label=self.tr("Deadline"))

    def submit(self, values, actor):
        extra = {"title": values["title"]} if values["title"] else {}
        if values["deadline"]:
            extra["deadline"] = values["deadline"]
        task = decision_to_task(self.decision.id, values["area"], extra, units=values["units"], actor=actor)
        return task, touched(task)


class ListItemDialog(RecordDialog):
    """A three-list item: new (optionally from a decision), the 整改 item of a 主要问题, or a change of state."""

    def __init__(self, ctx, plan, units, *, kind: str = "problem", decision=None, problem=None, item=None,
                 station_code: str | None = None, parent=None):
        self.plan, self.units, self.decision, self.problem, self.item = plan, units, decision, problem, item
        self.station_code = station_code
        title = (self.tr("Improvement for problem {number}").format(number=problem.number) if problem is not None
                 else self.tr("List item") if item is not None else self.tr("New list item"))
        super().__init__(ctx, title, parent)
        editors = self.grid.editors
        editors["kind"].set_value("improvement" if problem is not None else (item.kind if item else kind))
        editors["kind"].setEnabled(problem is None and item is None)
        source = item or problem
        if source is not None:
            for name in ("title", "measures", "person", "unit_code", "deadline"):
                editors[name].set_value(getattr(source, name))
            editors["state"].set_value(item.list_state if item else "open")
        elif decision is not None:
            editors["title"].set_value(decision.text)
        if station_code:
            editors["unit_code"].set_value(station_code)
            editors["unit_code"].setEnabled(False)

    def build(self, grid) -> None:
        grid.add("kind", ChoiceCombo(list(LIST_KINDS.items())), label=self.tr("List"))
        grid.add("title", NoteEdit(), label=self.tr("Item"))
        grid.add("measures", NoteEdit(), label=self.tr("Measures"))
        grid.add("person", TextEdit(), label=self.tr("Person responsible"))
        grid.add("unit_code", ChoiceCombo(self.units), label=self.tr("Responsible unit"))
        grid.add("deadline", DateEdit(), label=self.tr("Deadline"))
        grid.add("state", ChoiceCombo(list(LIST_STATES.items())), label=self.tr("State")).set_value("open")

    def submit(self, values, actor):
        kind = values.pop("kind")
        if self.item is not None:
            return edit_list_item(self.item.id, values, actor=actor, seen=self.item.__data__)
        if self.problem is not None:
            item = improvement_for(self.problem.id, values, actor=actor)
        elif self.decision is not None:
            item = decision_to_list_item(self.decision.id, kind or "problem", values, actor=actor)
        else:
            item = add_list_item(self.plan.id, kind or "problem", values, actor=actor)
        return item, touched(item)


class ManualScoreDialog(RecordDialog):
    """The bureau's 原始分 of a manual item for a station and quarter, with its reason."""

    def __init__(self, ctx, quarter: str, scheme, stations: list[tuple[str, str]], station_code=None, parent=None):
        self.quarter, self.scheme, self.stations = quarter, scheme, stations
        super().__init__(ctx, self.tr("Manual score {quarter}").format(quarter=quarter), parent)
        if station_code:
            self.grid.editors["station"].set_value(station_code)

    def build(self, grid) -> None:
        items = [(i["code"], f"{i['label']}（{self.tr('full marks')} {i['max_points']:g}）")
                 for i in self.scheme.items if i["kind"] == "manual"]
        grid.add("station", ChoiceCombo(self.stations), label=self.tr("Station"))
        grid.add("item", ChoiceCombo(items), label=self.tr("Item"))
        grid.add("points", TextEdit(), label=self.tr("Points"))
        grid.add("reason", NoteEdit(), label=self.tr("Reason"))

    def submit(self, values, actor):
        try:
            points = float(values["points"]) if values["points"] else None
        except ValueError:
            points = values["points"]
        return enter_manual_score(self.quarter, values["station"] or "", values["item"] or "", points,
                                  reason=values["reason"] or "", actor=actor)
