"""Stories of log-in, lock-out, the audit trail and full numbers with a reason."""
from __future__ import annotations

import datetime as dt

import pytest

from ledgers.catalog import LedgerOptions, render_ledger
from ledgers.periods import parse_period
from ledgers.progress import run
from ledgers.xlsx_export import export_people
from models import audit
from models.accounts import AccountLocked, User, authenticate
from models.errors import ValidationError, WrongPassword
from models.fields import local_display
from models.permissions import ActionRefused
from models.privacy import ReasonRequired, mask_phone, unmask_one
from models.security_settings import get_security, set_security
from models.staff import add_user, unlock
from models.synced import synced_tables
from models.write import CLI_ACTOR, Actor
from tests.models.casework_support import make_person

CLERK = Actor("wangfang", "王芳", "station_staff")


@pytest.fixture
def clerk(station):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=CLI_ACTOR)
    return CLERK


def actions(**filters) -> list[str]:
    return [e.action for e in audit.entries(audit.AuditFilter(**filters))]


def test_five_wrong_passwords_in_a_row_lock_the_account_and_say_until_when(clerk):
    for attempt in range(4):
        with pytest.raises(WrongPassword):
            authenticate("wangfang", "wrong")
    with pytest.raises(AccountLocked) as locked:
        authenticate("wangfang", "wrong")
    until = User.get_by_id("wangfang").locked_until
    assert f"到 {local_display(until)} 自动解锁" in locked.value.message and "锁定" in locked.value.message
    with pytest.raises(AccountLocked):  # even the right password, until then
        authenticate("wangfang", "start123")
    assert actions(user="wangfang") == ["login_failed", "locked"] + ["login_failed"] * 5


def test_a_right_password_in_between_starts_the_count_again(clerk):
    for attempt in range(4):
        with pytest.raises(WrongPassword):
            authenticate("wangfang", "wrong")
    assert authenticate("wangfang", "start123") == CLERK
    for attempt in range(4):
        with pytest.raises(WrongPassword):
            authenticate("wangfang", "wrong")
    assert authenticate("wangfang", "start123") == CLERK


def test_the_head_unlocks_before_the_time_runs_out_and_settings_change_the_rule(clerk, actor):
    set_security("lockout_attempts", 3, actor=actor)
    for attempt in range(2):
        with pytest.raises(WrongPassword):
            authenticate("wangfang", "wrong")
    with pytest.raises(AccountLocked):
        authenticate("wangfang", "wrong")
    with pytest.raises(ActionRefused):
        unlock("wangfang", actor=CLERK)
    unlock("wangfang", actor=actor)
    assert authenticate("wangfang", "start123") == CLERK
    changes = audit.entries(audit.AuditFilter(action="user_change", user="admin"))
    assert [e.detail.get("change", e.detail.get("setting")) for e in changes] == ["unlock", "连续输错几次密码锁定账号"]


def test_a_lock_runs_out_by_itself(clerk):
    User.update(locked_until="2000-01-01T00:00:00.000000Z").where(User.username == "wangfang").execute()
    assert authenticate("wangfang", "start123") == CLERK


def test_settings_are_checked_and_only_an_administrator_changes_them(clerk, actor):
    with pytest.raises(ValidationError, match="1 到 240"):
        set_security("idle_minutes", 0, actor=actor)
    with pytest.raises(ActionRefused):
        set_security("idle_minutes", 5, actor=CLERK)
    assert get_security("idle_minutes") == 10
    set_security("idle_minutes", 5, actor=actor)
    assert get_security("idle_minutes") == 5


def test_an_unknown_or_disabled_account_is_a_wrong_password_and_audited(clerk, actor):
    from models.staff import set_active

    set_active("wangfang", False, actor=actor)
    for name in ("nobody", "wangfang"):
        with pytest.raises(WrongPassword, match="用户名或密码不正确"):
            authenticate(name, "start123")
    reasons = [e.detail["reason"] for e in audit.entries(audit.AuditFilter(action="login_failed"))]
    assert reasons == ["disabled", "unknown_account"]


def test_audit_entries_travel_with_the_station_code_and_are_never_changed(clerk):
    authenticate("wangfang", "start123")
    entry = audit.entries(audit.AuditFilter(action="login"))[0]
    assert "audit_entry" in synced_tables()
    assert entry.station_code == "150626100" and entry.created_by == "wangfang"
    assert audit.as_json(entry) == {"at": entry.created_at, "user": "wangfang", "action": "login",
                                    "target": "wangfang", "detail": {"via": "gui"}}
    assert not hasattr(audit, "update") and not hasattr(audit, "delete")


def test_filters_by_user_action_record_and_period(clerk, actor):
    authenticate("wangfang", "start123")
    unmask_one(actor, "person-1", reason="核对身份")
    assert actions(target="person-1") == ["unmask"]
    assert actions(user="admin", action="unmask") == ["unmask"]
    today = dt.date.today()
    assert len(actions(since=today, until=today)) == len(actions())
    assert actions(since=today + dt.timedelta(days=1)) == []
    with pytest.raises(ValidationError, match="没有这种审计动作"):
        audit.entries(audit.AuditFilter(action="nap"))


def test_full_numbers_need_a_reason_and_the_reason_is_audited(station, actor, tmp_path):
    person = make_person(actor, 1)
    with pytest.raises(ReasonRequired, match="须说明理由"):
        run(export_people(tmp_path / "full.xlsx", full_id=True, actor=actor))
    assert not (tmp_path / "full.xlsx").exists()
    with pytest.raises(ReasonRequired):
        run(render_ledger("roster", parse_period("2026Q4"), tmp_path / "r.pdf", LedgerOptions(full_id=True),
                          actor=actor, reason="   "))
    with pytest.raises(ReasonRequired):
        unmask_one(actor, person.id, reason="")
    run(export_people(tmp_path / "full.xlsx", full_id=True, actor=actor, reason="报送上级：季度名单"))
    run(export_people(tmp_path / "masked.xlsx", actor=actor))
    masked, full = audit.entries(audit.AuditFilter(action="export"))
    assert (full.detail["full_id"], full.detail["persons"], full.detail["reason"]) == (True, 1, "报送上级：季度名单")
    assert (masked.detail["full_id"], "reason" in masked.detail) == (False, False)
    assert masked.target == "masked.xlsx"


def test_a_masked_export_hides_the_id_and_phone_numbers(station, actor, tmp_path):
    from openpyxl import load_workbook

    person = make_person(actor, 1)
    from models.registry import save_person

    save_person(person.id, {"name": person.name, "id_number": person.id_number, "phone": "13812345678"}, actor=actor)
    sheet = load_workbook(run(export_people(tmp_path / "m.xlsx", actor=actor))).active
    cells = {str(c.value) for row in sheet.iter_rows() for c in row if c.value}
    assert person.id_number not in cells and "13812345678" not in cells and "138****5678" in cells
    assert mask_phone("0477-1234567") == "047*****4567" and mask_phone(None) is None


def test_prints_are_audited_masked_or_full(station, actor, tmp_path):
    run(render_ledger("roster", parse_period("2026Q4"), tmp_path / "m.pdf", actor=actor))
    run(render_ledger("roster", parse_period("2026Q4"), tmp_path / "f.pdf", LedgerOptions(full_id=True),
                      actor=actor, reason="核对身份"))
    full, masked = audit.entries(audit.AuditFilter(action="print"))
    assert (masked.target, masked.detail["full_id"]) == ("m.pdf", False)
    assert (full.target, full.detail["full_id"], full.detail["reason"]) == ("f.pdf", True, "核对身份")
