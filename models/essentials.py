"""待补充: a person saved without 人员类别 or 嘎查村 — allowed, but marked so the clerk completes it.

    missing_essentials(person)                        # ["人员类别", "嘎查村"], [] when complete
    missing_from(identities=["retired_soldier"], village_id=None, village_text=None)   # ["嘎查村"]
    needs_completion()                                # a peewee condition on Person: the registry filter

One rule, three uses: the person form's warning after saving, the 待补充 marker of the registry list
and its filter (PersonQuery(incomplete=True), SQL). A 嘎查村 kept as text from an imported roster
(`village_text`) counts as known: the station chose to keep it (docs/decisions.md, issue 11).
"""
from __future__ import annotations

from typing import Iterable

from models.person import Person, PersonIdentity

IDENTITY, VILLAGE = "人员类别", "嘎查村"


def missing_from(*, identities: Iterable, village_id, village_text) -> list[str]:
    missing = []
    if not list(identities):
        missing.append(IDENTITY)
    if not village_id and not (village_text or "").strip():
        missing.append(VILLAGE)
    return missing


def missing_essentials(person: Person) -> list[str]:
    held = PersonIdentity.live().where(PersonIdentity.person == person.id)
    return missing_from(identities=[i.category for i in held], village_id=person.__data__.get("village"),
                        village_text=person.village_text)


def needs_completion():
    """People without a live identity, or with neither a village nor a kept village name."""
    holders = PersonIdentity.select(PersonIdentity.person).where(PersonIdentity.deleted_at.is_null())
    no_village = Person.village.is_null() & (Person.village_text.is_null() | (Person.village_text == ""))
    return Person.id.not_in(holders) | no_village
