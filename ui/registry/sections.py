"""The plain sections of the person form: 服役与安置, 残疾, 就业创业, 党员 (DOMAIN.md §1).

Each is a FieldGrid over Person columns; the form gathers their values with the others.
"""
from __future__ import annotations

from PySide6.QtWidgets import QLabel

from models import vocab
from models.person import FIELD_LABELS
from ui.registry.editors import CheckEdit, CodeCombo, DateEdit, LevelCombo, MoneyEdit, TextEdit, YesNoCombo
from ui.registry.field_grid import FieldGrid

DISABILITY_IDENTITIES = ("disabled_veteran", "disabled_militia")


class ServiceSection(FieldGrid):
    title = "服役与安置"

    def __init__(self, parent=None):
        super().__init__(columns=2, parent=parent)
        self.add("enlist_date", DateEdit())
        self.add("discharge_date", DateEdit())
        self.add("enlist_place", TextEdit())
        self.add("enlist_household_type", CodeCombo("household_type"))
        self.add("branch_unit", TextEdit())
        self.add("rank", TextEdit())
        self.add("placement", CodeCombo("placement"))
        self.add("discharge_cert_no", TextEdit())
        self.add("reenlisted", CheckEdit(self.tr("Enlisted a second time")))
        self.finish()


class DisabilitySection(FieldGrid):
    title = "残疾"

    def __init__(self, parent=None):
        super().__init__(columns=2, parent=parent)
        names = "、".join(vocab.label("identity", c) for c in DISABILITY_IDENTITIES)
        self.hint = QLabel(self.tr("Only for people registered as {names}; tick the category under 人员类别 first.")
                           .format(names=names))
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #8a5a00;")
        self.add_widget(self.hint)
        self.add("disability_level", LevelCombo())
        self.add("disability_nature", CodeCombo("disability_nature"))
        self.add("disability_cert_no", TextEdit())
        self.add("disability_assessed_on", DateEdit())
        self.finish()

    def set_applicable(self, held_identities: set[str]) -> None:
        """Editable for 残疾军人 / 伤残民兵民工, and whenever something is already filled in."""
        applicable = bool(held_identities & set(DISABILITY_IDENTITIES))
        filled = any(v is not None for v in self.values().values())
        self.hint.setVisible(not applicable)
        self.set_fields_enabled(applicable or filled)


class EmploymentSection(FieldGrid):
    title = "就业创业"

    def __init__(self, parent=None):
        super().__init__(columns=2, parent=parent)
        self.add("employment_status", CodeCombo("employment"), span=2)
        self.add("personal_income_fen", MoneyEdit(), label=FIELD_LABELS["personal_income_fen"] + "（元）")
        self.add("family_income_fen", MoneyEdit(), label=FIELD_LABELS["family_income_fen"] + "（元）")
        self.add("job_intention", TextEdit(), span=2)
        self.add("skills", TextEdit(), span=2)
        self.finish()


class PartySection(FieldGrid):
    title = "党员"

    def __init__(self, parent=None):
        super().__init__(columns=2, parent=parent)
        self.add("party_joined_on", DateEdit())
        self.add("party_membership_local", YesNoCombo())
        self.add("party_branch", TextEdit(), span=2)
        self.finish()
