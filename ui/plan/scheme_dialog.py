"""The year's 考核赋分方案 edited on screen: items with 满分 and 权重, each computed from an indicator by a rule
(linear: 0 at a share of the target, 满分 at the target; or a deduction per item) or entered by the bureau.

    dialog = SchemeDialog(ctx, scheme, parent=self)     # scheme: models.scoring.ScoringScheme
    dialog.items_editor.add_item(); dialog.items_editor.current_form()["weight"].setText("10")
    dialog.saved.connect(...)                            # models.scoring.save_scheme: revision + 1

The running total of the weights is shown under the list (red while it is not 100); saving is refused
by models.scoring.save_scheme with its sentence (“各考核项目的权重合计应为100，现在是95（少5），未保存。”),
and the item a sentence names is selected. A rate's target is typed in % (95), stored as a fraction
(0.95); the linear rule's points are typed as % of the target (60 and 100).
"""
from __future__ import annotations

import math
import re

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QListWidget, QPushButton,
                               QVBoxLayout, QWidget)

from models.errors import ValidationError
from models.indicators import INDICATORS
from models.scoring import KINDS, RULES, TOTAL_WEIGHT, save_scheme
from ui.casework.forms import RecordDialog

FIRST_INDICATOR = next(code for code in INDICATORS if code != "score")


def number(text: str):
    """A typed number as a float; text that is not one is kept, so the domain names the item it spoils."""
    text = (text or "").strip().replace("，", ".").rstrip("%％")
    if not text:
        return None
    try:
        value = float(text)
    except ValueError:
        return text
    return value if math.isfinite(value) else text


def shown(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{round(value, 6):g}"
    return str(value)


def is_rate(indicator: str | None) -> bool:
    return indicator in INDICATORS and INDICATORS[indicator].unit == "%"


def item_texts(item: dict) -> dict:
    """A scheme item as the form shows it (a rate's target in %, the linear points as % of the target)."""
    rule = item.get("rule") or {}
    rate = is_rate(item.get("indicator"))
    scaled = lambda v, k: v * k if isinstance(v, (int, float)) else v  # noqa: E731
    return {"label": item.get("label") or "", "area": item.get("area") or "",
            "max_points": shown(item.get("max_points")), "weight": shown(item.get("weight")),
            "kind": item.get("kind") or "manual", "indicator": item.get("indicator") or FIRST_INDICATOR,
            "rule": rule.get("kind") or "linear",
            "target": shown(scaled(rule.get("target"), 100 if rate else 1)),
            "zero_at": shown(scaled(rule.get("zero_at", 0.6), 100)), "full_at": shown(scaled(rule.get("full_at", 1.0), 100)),
            "per_item": shown(rule.get("per_item"))}


def item_of(texts: dict, code: str) -> dict:
    """The form's texts → a scheme item for models.scoring.validate_items (which judges it)."""
    item = {"code": code, "label": texts["label"].strip(), "area": texts["area"].strip() or None,
            "max_points": number(texts["max_points"]), "weight": number(texts["weight"]), "kind": texts["kind"]}
    if texts["kind"] != "indicator":
        return item
    indicator = texts["indicator"]
    scale = lambda v, k: v / k if isinstance(v, float) else v  # noqa: E731
    if texts["rule"] == "deduct":
        rule = {"kind": "deduct", "per_item": number(texts["per_item"])}
    else:
        rule = {"kind": "linear", "target": scale(number(texts["target"]), 100 if is_rate(indicator) else 1),
                "zero_at": scale(number(texts["zero_at"]), 100), "full_at": scale(number(texts["full_at"]), 100)}
    return {**item, "indicator": indicator, "rule": rule}


def weight_total(items: list[dict]) -> float | None:
    weights = [i.get("weight") for i in items]
    if any(not isinstance(w, float | int) for w in weights):
        return None
    return sum(weights)


class SchemeItemsEditor(QWidget):
    """The items: a list on the left (名称 and 权重), the chosen item's form on the right."""

    edited = Signal()

    def __init__(self, parent=None):
        super().__init__(parent)
        self.texts: list[dict] = []
        self.codes: list[str] = []
        self._loading = False
        self.list = QListWidget()
        self.list.setObjectName("schemeItems")
        self.list.setMinimumWidth(230)
        self.list.currentRowChanged.connect(self._show_item)
        self.add_button = QPushButton(self.tr("Add item"))
        self.add_button.clicked.connect(self.add_item)
        self.remove_button = QPushButton(self.tr("Remove item"))
        self.remove_button.clicked.connect(self.remove_item)
        self.total = QLabel()
        self.total.setObjectName("schemeTotal")
        self.total.setWordWrap(True)

        self.fields: dict[str, QWidget] = {}
        form = QFormLayout()
        self.form = form
        for key, label in (("label", self.tr("Item")), ("area", self.tr("Area")),
                           ("max_points", self.tr("Full marks")), ("weight", self.tr("Weight (%)"))):
            self.fields[key] = self._line(key)
            form.addRow(label, self.fields[key])
        self.fields["kind"] = self._combo("kind", list(KINDS.items()))
        form.addRow(self.tr("Scored"), self.fields["kind"])
        self.fields["indicator"] = self._combo("indicator", [(c, i.label) for c, i in INDICATORS.items() if c != "score"])
        form.addRow(self.tr("Indicator"), self.fields["indicator"])
        self.fields["rule"] = self._combo("rule", list(RULES.items()))
        form.addRow(self.tr("Rule"), self.fields["rule"])
        for key, label in (("target", self.tr("Target")), ("zero_at", self.tr("0 points at (% of target)")),
                           ("full_at", self.tr("Full marks at (% of target)")),
                           ("per_item", self.tr("Points off per item"))):
            self.fields[key] = self._line(key)
            form.addRow(label, self.fields[key])
        self.rule_text = QLabel()
        self.rule_text.setObjectName("figureNote")
        self.rule_text.setWordWrap(True)
        form.addRow("", self.rule_text)

        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        left.addLayout(buttons)
        left.addWidget(self.total)
        right = QWidget()
        right.setLayout(form)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(left, 2)
        layout.addWidget(right, 3)

    def _line(self, key: str) -> QLineEdit:
        edit = QLineEdit()
        edit.textEdited.connect(lambda text, k=key: self._changed(k, text))
        return edit

    def _combo(self, key: str, choices) -> QComboBox:
        combo = QComboBox()
        for value, text in choices:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i, k=key, c=combo: self._changed(k, c.currentData()))
        return combo

    # -- the editors protocol ----------------------------------------------------------------------
    def set_value(self, items) -> None:
        self.texts = [item_texts(i) for i in items or []]
        self.codes = [i["code"] for i in items or []]
        self._fill_list()
        self.list.setCurrentRow(0 if self.texts else -1)

    def value(self) -> list[dict]:
        return [item_of(t, c) for t, c in zip(self.texts, self.codes)]

    def problem(self):
        return None

    # -- editing ----------------------------------------------------------------------------------
    def add_item(self) -> None:
        taken = set(self.codes)
        code = next(f"item{n}" for n in range(1, len(taken) + 2) if f"item{n}" not in taken)
        self.texts.append(item_texts({"label": self.tr("New item"), "max_points": 100.0, "weight": 0.0,
                                      "kind": "manual"}))
        self.codes.append(code)
        self._fill_list()
        self.list.setCurrentRow(len(self.texts) - 1)
        self.fields["label"].setFocus()
        self.fields["label"].selectAll()
        self.edited.emit()

    def remove_item(self) -> None:
        row = self.list.currentRow()
        if row < 0:
            return
        del self.texts[row], self.codes[row]
        self._fill_list()
        self.list.setCurrentRow(min(row, len(self.texts) - 1))
        self.edited.emit()

    def select_item(self, number: int) -> None:
        """The item a refusal names (1-based, as the sentences count)."""
        if 1 <= number <= len(self.texts):
            self.list.setCurrentRow(number - 1)

    def current_form(self) -> dict[str, QWidget]:
        return self.fields

    def _changed(self, key: str, value) -> None:
        row = self.list.currentRow()
        if self._loading or row < 0:
            return
        self.texts[row][key] = value
        self._refresh_row(row)
        self._show_parts(self.texts[row])
        self.edited.emit()

    def _show_item(self, row: int) -> None:
        self._loading = True
        texts = self.texts[row] if 0 <= row < len(self.texts) else None
        for key, widget in self.fields.items():
            widget.setEnabled(texts is not None)
            if isinstance(widget, QComboBox):
                widget.setCurrentIndex(max(0, widget.findData(texts[key])) if texts else 0)
            else:
                widget.setText(texts[key] if texts else "")
        self._loading = False
        self.remove_button.setEnabled(texts is not None)
        if texts is not None:
            self._show_parts(texts)

    def _show_parts(self, texts: dict) -> None:
        """Only the parts the item's way of scoring uses, and the rule in words."""
        computed, linear = texts["kind"] == "indicator", texts["rule"] != "deduct"
        for key, visible in (("indicator", computed), ("rule", computed), ("target", computed and linear),
                             ("zero_at", computed and linear), ("full_at", computed and linear),
                             ("per_item", computed and not linear)):
            self.form.setRowVisible(self.fields[key], visible)
        self.rule_text.setText(self._rule_words(texts) if computed else
                               self.tr("Entered by the bureau for each station and quarter, with a reason."))

    def _rule_words(self, texts: dict) -> str:
        item = item_of(texts, "x")
        rule, indicator = item["rule"], item["indicator"]
        unit = "%" if is_rate(indicator) else ""
        if rule["kind"] == "deduct":
            if not isinstance(rule["per_item"], float):
                return ""
            return self.tr("Full marks less {per} points for each one counted, not below 0.").format(
                per=shown(rule["per_item"]))
        target, zero, full = rule["target"], rule["zero_at"], rule["full_at"]
        if not all(isinstance(v, float) for v in (target, zero, full)):
            return ""
        scale = 100 if unit else 1
        return self.tr("0 points at {zero}{unit} or less, full marks at {full}{unit} or more, straight between.").format(
            zero=shown(round(target * zero * scale, 4)), full=shown(round(target * full * scale, 4)), unit=unit)

    def _fill_list(self) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for row in range(len(self.texts)):
            self.list.addItem("")
            self._refresh_row(row)
        self.list.blockSignals(False)
        self._show_total()

    def _refresh_row(self, row: int) -> None:
        texts = self.texts[row]
        self.list.item(row).setText(f"{texts['label'] or '—'}　{texts['weight'] or '?'}%")
        self._show_total()

    def _show_total(self) -> None:
        total = weight_total(self.value())
        if total is not None and math.isclose(total, TOTAL_WEIGHT, abs_tol=1e-6):
            self.total.setText(self.tr("Weights total {total}.").format(total=shown(float(total))))
            self.total.setStyleSheet("color: #1e7b34;")
        else:
            text = (self.tr("Weights total {total}; they must total {needed} before the scheme can be saved.")
                    .format(total=shown(float(total)), needed=TOTAL_WEIGHT) if total is not None else
                    self.tr("A weight is not a number; the weights must total {needed}.").format(needed=TOTAL_WEIGHT))
            self.total.setText(text)
            self.total.setStyleSheet("color: #b3261e;")


class SchemeDialog(RecordDialog):
    """The year's scheme: its items; saving raises the version by one (confirmed scores keep theirs)."""

    def __init__(self, ctx, scheme, parent=None):
        self.scheme = scheme
        super().__init__(ctx, self.tr("Scoring scheme of {year} (version {v})").format(
            year=scheme.year, v=scheme.revision), parent)
        self.setMinimumWidth(820)
        self.items_editor.set_value(scheme.items)
        self.refused.connect(self._say_plainly)

    def build(self, grid) -> None:
        self.items_editor = grid.add("items", SchemeItemsEditor(), label=self.tr("Items"))
        note = QLabel(self.tr("Saving makes a new version of the scheme; confirmed scores keep the version they "
                              "were confirmed with."))
        note.setObjectName("figureNote")
        note.setWordWrap(True)
        grid.add_widget(note)

    def submit(self, values, actor):
        return save_scheme(self.scheme.year, values["items"], actor=actor)

    def _say_plainly(self, error) -> None:
        """The domain's sentences themselves (they name the item), and that item chosen in the list."""
        if not isinstance(error, ValidationError):
            return
        self.banner.show_problem(self.tr("Not saved: {reasons}").format(reasons="；".join(error.fields.values())))
        numbers = [int(m.group(1)) for key in error.fields if (m := re.match(r"item(\d+)", key))]
        if numbers:
            self.items_editor.select_item(min(numbers))
