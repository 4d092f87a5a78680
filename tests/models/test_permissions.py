"""Who may do what: every protected action tried by every role through the domain API.

The expected matrix is written out here by hand (not read from models.permissions), so changing the
table without meaning to fails this test. A refusal is an ActionRefused whose sentence names the role
and the action, it changes nothing, and it is audited as `denied`.
"""
from __future__ import annotations

import datetime as dt

import pytest

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.periods import parse_period
from ledgers.progress import run
from ledgers.xlsx_export import export_people
from models import audit
from models.accounts import User
from models.aid import aid_step
from models.backup import backup_database, restore_database
from models.cards import override_exclusion
from models.conflicts import resolve_conflict
from models.errors import DomainError
from models.options import save_option
from models.periods_closed import ClosedPeriod, record_closing
from models.permissions import ACTIONS, PERMISSIONS, ActionRefused, allowed, refusal
from models.privacy import unmask_one
from models.staff import add_user
from models.transfers import transfer_person
from models.write import Actor
from sync.export import export_bundle

ROLES = ["station_staff", "station_head", "bureau_staff", "bureau_admin", "system"]
ACTORS = {role: Actor(f"u-{role}", f"{role}的人", role) for role in ROLES}

# action -> the roles that may (by hand, from issue 12 and DOMAIN.md)
EXPECTED = {
    "see": set(ROLES),
    "edit_registry": set(ROLES),
    "casework": set(ROLES),
    "export": set(ROLES),
    "bundles": set(ROLES),
    "backup": set(ROLES),
    "plan_report": set(ROLES),
    "see_full_id": {"station_head", "bureau_staff", "bureau_admin", "system"},
    "print_full_id": {"station_head", "bureau_staff", "bureau_admin", "system"},
    "approve_aid": {"station_head", "bureau_staff", "bureau_admin", "system"},
    "close_period": {"station_head", "bureau_staff", "bureau_admin", "system"},
    "see_audit": {"station_head", "bureau_staff", "bureau_admin", "system"},
    "resolve": {"station_head", "bureau_staff", "bureau_admin"},
    "transfer": {"bureau_staff", "bureau_admin"},
    "lift_card_exclusion": {"bureau_staff", "bureau_admin"},
    "manage_options": {"bureau_staff", "bureau_admin", "system"},
    "plan_edit": {"bureau_staff", "bureau_admin", "system"},
    "scoring": {"bureau_staff", "bureau_admin", "system"},
    "manage_users": {"station_head", "bureau_admin", "system"},
    "restore": {"station_head", "bureau_admin", "system"},
}

TODAY = dt.date.today()


def _close(actor, home, tmp_path):
    record_closing("month_pack", "2020-01", dt.date(2020, 1, 1), dt.date(2020, 1, 31), b"%PDF", {},
                   closed_at="2020-02-01T00:00:00.000000Z", actor=actor)


# action -> how the domain is asked to do it (a missing record after the check is fine: NotFound etc.)
ATTEMPTS = {
    "see_full_id": lambda actor, home, tmp: unmask_one(actor, "no-such-person", reason="核对身份"),
    "print_full_id": lambda actor, home, tmp: run(render_ledger("roster", parse_period("2026Q4"), tmp / "r.pdf",
                                                                LedgerOptions(full_id=True), actor=actor,
                                                                reason="报送上级")),
    "export": lambda actor, home, tmp: run(export_people(tmp / "p.xlsx", actor=actor)),
    "approve_aid": lambda actor, home, tmp: aid_step("no-such-case", "approve", on=TODAY, amount_fen=100,
                                                     actor=actor),
    "casework": lambda actor, home, tmp: aid_step("no-such-case", "verify", on=TODAY, actor=actor),
    "lift_card_exclusion": lambda actor, home, tmp: override_exclusion("no-such", "理由", on=TODAY, actor=actor),
    "close_period": _close,
    "bundles": lambda actor, home, tmp: export_bundle(home, tmp, actor=actor),
    "resolve": lambda actor, home, tmp: resolve_conflict("no-such-conflict", "x", actor=actor),
    "transfer": lambda actor, home, tmp: transfer_person("no-such-person", "150626101", actor=actor),
    "manage_users": lambda actor, home, tmp: add_user("newbie", "新人", "start123", "station_staff", actor=actor),
    "manage_options": lambda actor, home, tmp: save_option("visit_type", "flood", "洪涝灾害", actor=actor),
    "backup": lambda actor, home, tmp: backup_database(home, actor=actor),
    "restore": lambda actor, home, tmp: restore_database(home, tmp / "missing.db", actor=actor),
}


def test_the_table_is_the_one_written_down_for_every_action_and_role():
    assert set(EXPECTED) == set(ACTIONS)
    for action, roles in EXPECTED.items():
        assert {role for role in ROLES if action in PERMISSIONS[role]} == roles, action


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", sorted(ATTEMPTS))
def test_every_role_tries_every_protected_action_through_the_domain(station, tmp_path, role, action):
    actor = ACTORS[role]
    before = audit.count(audit.AuditFilter(action="denied"))
    try:
        ATTEMPTS[action](actor, station, tmp_path)
        refused = None
    except ActionRefused as exc:
        refused = exc
    except DomainError:  # the check passed; the record asked for does not exist, or the station may not
        refused = None
    denied = audit.entries(audit.AuditFilter(action="denied"))
    if role in EXPECTED[action]:
        assert refused is None and len(denied) == before
        assert allowed(actor, action)
    else:
        assert refused is not None and refused.message == refusal(actor, action)
        assert ACTIONS[action] in refused.message
        assert len(denied) == before + 1
        assert denied[0].created_by == actor.username and denied[0].detail["action"] == action


def test_a_refused_account_change_changes_nothing_and_says_who_may(station):
    clerk = ACTORS["station_staff"]
    with pytest.raises(ActionRefused) as refused:
        add_user("newbie", "新人", "start123", "station_staff", actor=clerk)
    assert refused.value.message == "服务站工作人员不能管理账号。可由服务站站长、事务局管理员办理。"
    assert User.get_or_none(User.username == "newbie") is None


def test_the_system_account_is_told_to_name_the_person_for_what_a_person_must_do(station):
    with pytest.raises(ActionRefused, match="请用 --user 指定办理人本人的账号"):
        resolve_conflict("no-such-conflict", "x", actor=ACTORS["system"])


def test_a_refused_closing_stores_nothing(station, tmp_path):
    with pytest.raises(ActionRefused, match="服务站工作人员不能关账"):
        _close(ACTORS["station_staff"], station, tmp_path)
    assert ClosedPeriod.select().count() == 0
