"""Showing one person's full ID and phone numbers on screen: a reason, the domain's check, the audit entry.

    if ask_to_unmask(widget, ctx, person_id):      # asks why (ui.reason_dialog), then models.privacy.unmask_one
        model.reveal(person_id)                     # only this record; every other stays masked

`may_unmask(ctx)` hides the action for roles that may not (the domain refuses them anyway, audited as
`denied`). Cancelling the reason shows nothing and writes nothing. Lists and forms keep numbers masked
(models.idnumber.mask, models.privacy.mask_phone) for every role until this is asked for one record.
"""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from models.errors import DomainError
from models.permissions import allowed
from models.privacy import unmask_one
from ui.messages import show_error
from ui.reason_dialog import ask_reason


def may_unmask(ctx) -> bool:
    return allowed(ctx.actor, "see_full_id")


def ask_to_unmask(parent: QWidget, ctx, person_id: str) -> bool:
    """True once the reason is given and the unmasking is audited; False when cancelled or refused."""
    reason = ask_reason(parent, QCoreApplication.translate("Unmask", "Show the full ID and phone numbers"))
    if reason is None:
        return False
    try:
        unmask_one(ctx.actor, person_id, reason=reason)
    except DomainError as error:
        show_error(parent, error)
        return False
    return True
