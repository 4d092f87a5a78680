"""Who may do what: the one table of role × action, enforced by the domain functions that do the work.

    require(actor, "approve_aid")            # raises ActionRefused (and audits it) when the role may not
    allowed(actor, "see_full_id")            # for hiding a button: the same table, no audit
    refusal(actor, "restore")                # the sentence, e.g. 「服务站工作人员不能恢复备份。」

Domain functions call `require` before they write anything (a refusal is audited in its own
transaction, so it must not sit inside a write that is about to roll back). The UI asks `allowed`
only to hide what the domain would refuse anyway. The system actor `cli` (role "system") is
whoever holds the PC's account and data folder: it may do everything except what must be done by a
named person (resolving conflicts, transfers, lifting a card exclusion); `--user` names the person.
Other modules name their own actions here (the work plan: plan_edit, plan_report, scoring).
"""
from __future__ import annotations

from models.errors import PermissionDenied

# action code -> what it is, as the object of 「…不能…」
ACTIONS = {
    "see": "查看档案和业务记录",
    "see_full_id": "查看完整的身份证号码和电话号码",
    "edit_registry": "登记和修改人员档案",
    "casework": "办理业务步骤",
    "approve_aid": "审批困难帮扶",
    "lift_card_exclusion": "解除优待证不予发放情形",
    "close_period": "关账",
    "export": "导出名单",
    "print_full_id": "打印或导出完整的身份证号码",
    "bundles": "导入或导出数据包",
    "resolve": "处理数据冲突和重复人员",
    "transfer": "办理人员转移",
    "manage_users": "管理账号",
    "manage_options": "修改选项列表",
    "backup": "备份数据",
    "restore": "恢复备份",
    "see_audit": "查看审计记录",
    "plan_edit": "制定和修改工作计划",
    "plan_report": "填报月调度和季总结",
    "scoring": "评分",
}

ROLE_LABELS = {
    "station_staff": "服务站工作人员",
    "station_head": "服务站站长",
    "bureau_staff": "事务局工作人员",
    "bureau_admin": "事务局管理员",
    "system": "命令行系统账号",
}

_STATION_STAFF = {"see", "edit_registry", "casework", "export", "bundles", "backup", "plan_report"}
_BUREAU_STAFF = _STATION_STAFF | {"see_full_id", "approve_aid", "lift_card_exclusion", "close_period",
                                  "print_full_id", "resolve", "transfer", "manage_options", "see_audit",
                                  "plan_edit", "scoring"}
# Actions that must be done by a named, logged-in person (not the `cli` system actor).
NAMED_ONLY = {"resolve", "transfer", "lift_card_exclusion"}

PERMISSIONS: dict[str, frozenset[str]] = {
    "station_staff": frozenset(_STATION_STAFF),
    "station_head": frozenset(_STATION_STAFF | {"see_full_id", "approve_aid", "close_period", "print_full_id",
                                                "resolve", "manage_users", "restore", "see_audit"}),
    "bureau_staff": frozenset(_BUREAU_STAFF),
    "bureau_admin": frozenset(_BUREAU_STAFF | {"manage_users", "restore"}),
    "system": frozenset(set(ACTIONS) - NAMED_ONLY),
}


class ActionRefused(PermissionDenied):
    """The actor's role may not do this (models.permissions); the sentence names role and action."""

    code = "action_refused"


def allowed(actor, action: str) -> bool:
    if action not in ACTIONS:
        raise KeyError(action)
    return action in PERMISSIONS.get(actor.role, frozenset())


def roles_allowed(action: str) -> list[str]:
    return [role for role, actions in PERMISSIONS.items() if action in actions and role != "system"]


def refusal(actor, action: str) -> str:
    role = ROLE_LABELS.get(actor.role, actor.role)
    sentence = f"{role}不能{ACTIONS[action]}。"
    if actor.role == "system" and action in NAMED_ONLY:
        return sentence + "请用 --user 指定办理人本人的账号。"
    who = "、".join(ROLE_LABELS[r] for r in roles_allowed(action))
    return sentence + (f"可由{who}办理。" if who else "")


def require(actor, action: str, *, target: str | None = None) -> None:
    """Refuse (ActionRefused, audited as `denied`) unless the actor's role may do `action`."""
    if allowed(actor, action):
        return
    sentence = refusal(actor, action)
    from models.audit import record

    record("denied", actor=actor, target=target or action, detail={"action": action, "message": sentence})
    raise ActionRefused(sentence, role=actor.role, action=action)
