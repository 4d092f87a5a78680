"""Full ID and phone numbers: who may see them, and the reason every unmasking, full export and full
printout must give (it goes into the audit trail with the act).

    reason = full_numbers(actor, "print", reason="报送上级：季度花名册", target="花名册.pdf")
    # ActionRefused when the role may not; ReasonRequired when no reason was given
    unmask_one(actor, person_id, reason="核对身份")        # showing one record's full number (audited)
    mask_phone("13812345678")                           # "138****5678"

Lists, exports and printouts show numbers masked (models.idnumber.mask, mask_phone here) unless the
role may (models.permissions: see_full_id on screen, print_full_id on paper and in files) and the
ledger needs them. REASONS is the short list the GUI offers; any other text is accepted as written.
"""
from __future__ import annotations

from models.errors import DomainError
from models.permissions import require
from models.write import Actor

REASONS = ("核对身份", "办理业务需要", "报送上级", "更正档案", "协查核实")
MAX_REASON = 200

_PURPOSE = {  # purpose -> (permission, what, audit action)
    "see": ("see_full_id", "查看完整号码", "unmask"),
    "export": ("print_full_id", "导出完整身份证号码", "export"),
    "print": ("print_full_id", "打印完整身份证号码", "print"),
}


class ReasonRequired(DomainError):
    code = "reason_required"


def full_numbers(actor: Actor, purpose: str, *, reason: str | None, target: str | None = None) -> str:
    """Check that the role may see numbers in full for `purpose` and that a reason was given; the
    cleaned reason is returned for the caller's audit entry (it records the act once it is done)."""
    permission, what, _ = _PURPOSE[purpose]
    require(actor, permission, target=target)
    reason = " ".join((reason or "").split())[:MAX_REASON]
    if not reason:
        raise ReasonRequired(f"{what}须说明理由（命令行请加 --reason 理由），未作任何操作。", purpose=purpose)
    return reason


def unmask_one(actor: Actor, record_id: str, *, reason: str | None, what: str = "person") -> str:
    """Showing one record's full number: checked, then audited as `unmask` with the reason."""
    from models.audit import record

    reason = full_numbers(actor, "see", reason=reason, target=record_id)
    record("unmask", actor=actor, target=record_id, detail={"record": what, "reason": reason})
    return reason


def mask_phone(phone: str | None) -> str | None:
    """138****5678: the first three and last four digits; short numbers keep only their last two."""
    if not phone:
        return phone
    text = phone.strip()
    if len(text) >= 11:
        return text[:3] + "*" * (len(text) - 7) + text[-4:]
    if len(text) > 4:
        return "*" * (len(text) - 2) + text[-2:]
    return text
