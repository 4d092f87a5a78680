"""Short codes for field names in the stored `changed` of a create (lean storage, docs/lean-storage.md).

A create's compact values [field, new, …] name each field by its position in FIELD_NAMES (an integer)
instead of its name; a name not in the list is written as itself:

    key_code("name")   # -> 111 (its position in FIELD_NAMES), or the name itself when it is not listed
    key_name(111)      # -> "name"; key_name("some_new_field") -> "some_new_field"

FIELD_NAMES is RELEASED DATA, like a migration step: every stored change row depends on it. Never reorder,
rename or remove an entry; a new field may be appended at the end (or simply left out: it is then stored
by name). tests/models/test_change_log.py pins the released list.
"""
from __future__ import annotations

FIELD_NAMES = (
    "action", "active", "agency", "agency_state", "aid_form", "amount_fen", "applied_on", "approved_fen",
    "area", "assigned_on", "assignment", "attachment", "attendees", "average", "backup_contact_name",
    "backup_contact_phone", "birth_date", "branch_unit", "by_name", "card", "card_no", "card_type", "case",
    "category", "chaired_by", "channel", "claim", "closed_at", "closed_by", "code", "confirmed_at",
    "confirmed_by", "contact_tier", "content", "created_at", "created_by", "data", "data_as_at", "deadline",
    "deceased_date", "deceased_name", "deceased_relation", "decision", "deleted_at", "deleted_reason",
    "description", "detail", "disability_assessed_on", "disability_cert_no", "disability_level",
    "disability_nature", "discharge_cert_no", "discharge_date", "dispute_type", "division_code", "document",
    "done_by", "done_note", "done_on", "done_text", "education", "employer", "employment",
    "employment_status", "enlist_date", "enlist_household_type", "enlist_place", "entered_by", "ethnicity",
    "extra", "family_income_fen", "family_size", "figures", "filed_on", "follow_up_on", "followed_up_on",
    "former_name", "fund_source", "goods", "handler", "handler_phone", "hardship_type", "health", "held_on",
    "highlights", "household_address", "id", "id_number", "indicator", "issued_on", "item", "items",
    "job_intention", "key", "key_focus", "key_focus_reason", "kind", "label", "leader", "leader_phone",
    "leaders", "leading_group", "liaison", "list_code", "list_state", "marital", "measures", "meeting",
    "mode", "money_fen", "month", "name", "needs_follow_up", "next_plans", "next_steps", "note", "number",
    "office", "office_head", "on", "organisation", "origin", "outcome", "outcome_on", "outsiders",
    "overridden_by", "overridden_on", "overridden_reason", "own", "pack", "paid_fen", "party_branch",
    "party_joined_on", "party_membership_local", "pdf", "period", "period_end", "period_start", "person",
    "personal_income_fen", "phone", "photo", "photos", "placement", "plan", "points", "political", "position",
    "problem", "problems", "publicity_to", "published_at", "published_by", "quarter", "rank", "ranks",
    "reason", "received_on", "recorded_on", "reenlisted", "registered_on", "relation", "repeat", "replaces",
    "reported_by", "reported_on", "requested_fen", "requests", "residence_address", "result", "results",
    "revision", "risk", "role", "scheme_id", "scheme_version", "search_initials", "search_pinyin",
    "served_on", "service", "sex", "sha256", "size", "skills", "source", "source_id", "source_kind", "staff",
    "station", "station_code", "status", "status_date", "status_on", "status_reason", "step", "studied_for",
    "subtypes", "tags", "target", "target_unit", "target_value", "task", "task_ids", "text", "title", "total",
    "unit_code", "unit_codes", "updated_at", "updated_by", "value", "version", "village", "village_text",
    "visit_type", "visited_on", "written_by", "written_on", "year",
)

_CODES = {name: code for code, name in enumerate(FIELD_NAMES)}


def key_code(name: str):
    """The code of a field name, or the name itself when it has none."""
    return _CODES.get(name, name)


def key_name(key) -> str:
    """The field name of a stored key (a code or a name)."""
    return FIELD_NAMES[key] if type(key) is int else key
