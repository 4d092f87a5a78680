"""The ledgers (台账) this program prints: KIND → title, columns and the query that fills them.

    for ledger in LEDGERS.values(): print(ledger.kind, ledger.title)
    run(render_ledger("roster", parse_period("2026Q4"), Path("花名册.pdf"), LedgerOptions(full_id=True),
                      actor=head, reason="报送上级"))     # full numbers: a role that may, and a reason

Every printout is audited (`print`: ledger, period, file, full or masked, the reason).

Adding a ledger is one entry below: a kind, a title, its columns (ledgers.pdf_layout.Column) and a
function (period, options) → display rows, written beside the area's data (e.g. ledgers/visits.py
once models/visits.py exists). The layout, page numbers, sign-off block and progress are shared.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

from ledgers import aid, assessment, cards, disputes, roster, services, visits, work_plan
from ledgers.options import LedgerOptions, unit_name  # noqa: F401 (LedgerOptions: public here too)
from ledgers.pdf_layout import Column, LedgerDocument, write_ledger_pdf
from ledgers.periods import Period, PeriodInvalid
from ledgers.progress import Job, Progress
from models.audit import record
from models.errors import DomainError, PermissionDenied
from models.plan import LIST_KINDS
from models.privacy import full_numbers
from models.write import CLI_ACTOR, Actor

MASKED_NOTE = "注：公民身份号码已隐去中间数字。"


@dataclass(frozen=True)
class Ledger:
    kind: str
    title: str
    columns: Sequence[Column]
    rows: Callable[[Period, LedgerOptions], list[list[str]]]
    full_id_allowed: bool  # may be printed with full ID numbers (else always masked)
    description: str
    period_kind: str | None = None  # "month" / "quarter": printed for one month / quarter only; None: any period
    remarks: bool = False  # has a 备注 column filled only when LedgerOptions.with_remarks (internal notes)


LEDGERS: dict[str, Ledger] = {ledger.kind: ledger for ledger in [
    Ledger("roster", "退役军人花名册", roster.COLUMNS, roster.roster_rows, full_id_allowed=True, remarks=True,
           description="期末在册人员，按嘎查村、姓名排列；身份证号默认隐去中间位，报事务局的一份可打印完整号码"),
    Ledger("visits", "走访慰问台账", visits.COLUMNS, visits.visit_rows, full_id_allowed=False,
           description="期间内的每次走访慰问，按日期排列"),
    Ledger("services", "服务记录台账", services.COLUMNS, services.service_rows, full_id_allowed=False,
           description="期间内的每次服务（来访、来电、上门、线上），按日期排列；代办事项注明期末办理状态"),
    Ledger("aid", "困难帮扶台账", aid.COLUMNS, aid.aid_rows, full_id_allowed=False,
           description="期间内申请或有办理步骤的帮扶案件，金额以元计，末行合计；状态和金额为期末情况"),
    Ledger("cards", "优待证申领发放台账", cards.COLUMNS, cards.card_rows, full_id_allowed=True,
           description="期间内受理或办理（如发放）的优待证申请；状态为期末情况"),
    Ledger("disputes", "矛盾纠纷排查化解台账", disputes.COLUMNS, disputes.dispute_rows, full_id_allowed=False,
           description="期间内登记、办理或期初仍未化解的矛盾纠纷，状态为期末情况"),
    Ledger("risk_screening", "月度不稳定风险排查表", disputes.RISK_COLUMNS, disputes.risk_rows,
           full_id_allowed=False, period_kind="month",
           description="月末仍在办理或稳控中的矛盾纠纷：目前状况、工作措施、本月工作情况、包案领导和专办人员"),
    # the work plan (DOMAIN.md §7, issue 10): ledgers/work_plan.py and ledgers/assessment.py
    Ledger("tasks", "工作任务台账", work_plan.TASK_COLUMNS, work_plan.task_rows, full_id_allowed=False,
           description="当年工作方案的任务，按领域排列：量化指标、牵头领导、责任单位、完成时限、期末状态和本期月调度进展"),
    Ledger("monthly_progress", "月调度情况表", work_plan.PROGRESS_COLUMNS, work_plan.progress_rows,
           full_id_allowed=False, period_kind="month",
           description="一个月各责任单位各项任务的月调度：完成情况、指标值、存在问题、下步措施，按时、逾期或未报"),
    *[Ledger(kind, LIST_KINDS[list_kind], work_plan.LIST_COLUMNS[list_kind], work_plan.list_ledger(list_kind),
             full_id_allowed=False, description=f"当年工作方案的{LIST_KINDS[list_kind]}：事项、来源、措施、责任人、"
                                                "责任单位、时限、期末状态和关联任务")
      for kind, list_kind in (("problems", "problem"), ("learning", "learning"), ("improvements", "improvement"))],
    Ledger("scores", "季度考核赋分表", assessment.SCORE_COLUMNS, assessment.score_rows, full_id_allowed=False,
           period_kind="quarter",
           description="各服务站一个季度的实绩考核赋分：各项目的指标值、原始分/满分、权重、得分，总分和名次；注明是否已确认及方案版本"),
    Ledger("comparison", "对标情况表", (Column("指标", wrap=True), Column("本站", align="RIGHT")),
           assessment.comparison_rows, full_id_allowed=False,
           description="各服务站同一期间（月、季度或年）的指标、任务推进、月调度按时报送、考核得分和名次，并列较上期的变化"),
]}
PERIOD_WORDS = {"month": ("按月填报", "一个月", "2026-11"), "quarter": ("按季度填报", "一个季度", "2026Q4")}


class UnknownLedger(DomainError):
    code = "unknown_ledger"


def printable_kinds() -> list[tuple[str, str]]:
    """(kind, title) of everything `render_ledger` prints: the ledgers, then the period packs."""
    from ledgers.period_pack import PACKS

    return [(k, v.title) for k, v in LEDGERS.items()] + [(k, v.title) for k, v in PACKS.items()]


def get_ledger(kind: str) -> Ledger:
    ledger = LEDGERS.get(kind)
    if ledger is None:
        known = "、".join(f"{k}（{title}）" for k, title in printable_kinds())
        raise UnknownLedger(f"没有名为「{kind}」的台账。可用的台账：{known}。", kind=kind)
    return ledger


def render_ledger(kind: str, period: Period, out: Path, options: LedgerOptions = LedgerOptions(), *,
                  actor: Actor | None = None, unit: str | None = None, prepared_by: str = "",
                  filled_on: dt.date | None = None, reason: str | None = None) -> Job[Path]:
    """Query and print one ledger (or period pack) to `out` as PDF; yields Progress, returns the path.
    Full ID numbers need a role that may print them and a reason (models.privacy); the print is audited."""
    from ledgers.period_pack import PACKS, write_pack

    actor = actor or CLI_ACTOR
    if kind in PACKS:
        frozen = _frozen_copy(kind, period, Path(out), options)
        if frozen is not None:
            yield Progress(1, 1, "已关账：输出封存的材料")
        else:
            frozen = yield from write_pack(kind, period, Path(out), options, unit=unit or unit_name(options),
                                           prepared_by=prepared_by, filled_on=filled_on)
        _audit_print(actor, kind, period, Path(out), full_id=False, reason=None)
        return frozen
    ledger = get_ledger(kind)
    if ledger.period_kind and period.kind != ledger.period_kind:
        how, what, example = PERIOD_WORDS[ledger.period_kind]
        raise PeriodInvalid(f"{ledger.title}{how}，期间应为{what}，例如 {example}。")
    if options.full_id and not ledger.full_id_allowed:
        raise PermissionDenied(f"「{ledger.title}」只打印隐去中间位的身份证号码。")
    if options.with_remarks and not ledger.remarks:
        raise DomainError(f"「{ledger.title}」没有备注栏；打印备注只用于花名册。")
    if options.full_id:
        reason = full_numbers(actor, "print", reason=reason, target=Path(out).name)
    yield Progress(0, 1, f"正在查询{ledger.title}…")
    rows = ledger.rows(period, options)
    notes = [MASKED_NOTE] if _shows_masked_ids(ledger, options) else []
    doc = LedgerDocument(title=ledger.title, unit=unit or unit_name(options), period_label=period.label,
                         columns=getattr(rows, "columns", None) or ledger.columns, prepared_by=prepared_by,
                         filled_on=filled_on or dt.date.today(), notes=notes + getattr(rows, "notes", []))
    path = yield from write_ledger_pdf(Path(out), doc, rows)
    _audit_print(actor, kind, period, path, full_id=options.full_id, reason=reason if options.full_id else None,
                 rows=len(rows))
    return path


def _audit_print(actor: Actor, kind: str, period: Period, path: Path, *, full_id: bool, reason: str | None,
                 rows: int | None = None) -> None:
    detail = {"ledger": kind, "period": period.code, "file": str(path), "full_id": full_id}
    if rows is not None:
        detail["rows"] = rows
    if reason:
        detail["reason"] = reason
    record("print", actor=actor, target=Path(path).name, detail=detail)


def _frozen_copy(kind: str, period: Period, out: Path, options: LedgerOptions) -> Path | None:
    """A closed period's pack is the stored PDF, byte for byte (ledgers/period_close.py)."""
    from ledgers.files import output_file
    from ledgers.period_close import closed_pack, frozen_pack_bytes

    closed = closed_pack(kind, period, options.station_code)
    if closed is None:
        return None
    data = frozen_pack_bytes(closed)
    with output_file(out) as partial:
        partial.write_bytes(data)
    return out


def _shows_masked_ids(ledger: Ledger, options: LedgerOptions) -> bool:
    return not options.full_id and any("身份号码" in c.label for c in ledger.columns)
