"""Staff accounts: administrators add people, reset passwords and switch accounts off; anyone changes their own."""
import pytest

from models.accounts import authenticate, create_user
from models.errors import NotFound, PermissionDenied, ValidationError, WrongPassword
from models.staff import (add_user, change_own_password, reset_password, roles_for_installation, set_active,
                          users)
from models.write import Actor

CLERK = Actor("wangfang", "王芳", "station_staff")


def test_the_station_head_adds_a_clerk_who_can_then_log_in_and_the_account_remembers_who_made_it(actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    assert authenticate("wangfang", "start123").role == "station_staff"
    made = {u.username: u for u in users()}["wangfang"]
    assert made.created_by == "admin"


def test_a_clerk_cannot_add_accounts_or_reset_passwords(actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    with pytest.raises(PermissionDenied, match="站长"):
        add_user("lisi", "李四", "start123", "station_staff", actor=CLERK)
    with pytest.raises(PermissionDenied):
        reset_password("admin", "hijack99", actor=CLERK)
    authenticate("admin", "admin123")


def test_a_station_cannot_create_bureau_accounts(actor):
    assert set(roles_for_installation()) == {"station_staff", "station_head"}
    with pytest.raises(ValidationError) as refused:
        add_user("ju", "赵科长", "start123", "bureau_admin", actor=actor)
    assert "role" in refused.value.fields


def test_a_reset_password_works_and_the_old_one_no_longer_does(actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    reset_password("wangfang", "fresh456", actor=actor)
    assert authenticate("wangfang", "fresh456").username == "wangfang"
    with pytest.raises(WrongPassword):
        authenticate("wangfang", "start123")
    with pytest.raises(ValidationError, match="至少6位"):
        reset_password("wangfang", "123", actor=actor)
    with pytest.raises(NotFound):
        reset_password("nobody", "fresh456", actor=actor)


def test_a_deactivated_account_cannot_log_in_until_it_is_switched_on_again(actor):
    add_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    set_active("wangfang", False, actor=actor)
    with pytest.raises(WrongPassword):
        authenticate("wangfang", "start123")
    set_active("wangfang", True, actor=actor)
    assert authenticate("wangfang", "start123")


def test_the_last_active_administrator_cannot_be_switched_off(actor):
    with pytest.raises(PermissionDenied, match="最后一个可用的管理员"):
        set_active("admin", False, actor=actor)
    assert authenticate("admin", "admin123")
    add_user("head2", "李副站长", "start123", "station_head", actor=actor)
    set_active("admin", False, actor=actor)  # another head is there now
    with pytest.raises(PermissionDenied):
        set_active("head2", False, actor=Actor("head2", "李副站长", "station_head"))


def test_changing_ones_own_password_needs_the_old_one(actor):
    create_user("wangfang", "王芳", "start123", "station_staff", actor=actor)
    with pytest.raises(WrongPassword, match="原密码不正确"):
        change_own_password("wangfang", "guess999", "mine4567")
    assert authenticate("wangfang", "start123")
    change_own_password("wangfang", "start123", "mine4567")
    assert authenticate("wangfang", "mine4567")

