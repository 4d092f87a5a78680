"""`vetstation check`: is the database whole and does every attachment match its hash? And what review
work is waiting (not damage: it is reported, and `check` still exits 0)?

    problems = check_home(home)   # [] when all is well: real damage only
    work = review_work()          # ["2 条疑似重复人员待处理（数据交换 → 疑似重复，或 vetstation duplicates list）", …]

The change-log gap check compares with what this copy is supposed to hold:
- its own origins (the current one, gapless from 1) and its former ones (models.origins: gapless up to
  what this copy held when it carried on under a new origin; above that, changes come back from peers
  only as far as they had left this PC);
- at the bureau, every other origin too: a station's bundles are cumulative, so the bureau holds each
  station's changes from 1 without a hole;
- a station holds of other origins (the bureau's, another station's through a transferred person) only
  the part it was sent: no gap check there.
"""
from __future__ import annotations

import peewee

from models.attachments import verify_attachments
from models.changelog import Change
from models.conflicts import Conflict, DuplicateCandidate
from models.connection import integrity_problems
from models.installation import current
from models.person import Person


def _gap(origin: str, up_to: int | None = None) -> str | None:
    query = Change.select(peewee.fn.MIN(Change.seq), peewee.fn.MAX(Change.seq), peewee.fn.COUNT(Change.change_id)).where(
        Change.origin == origin)
    if up_to is not None:
        if up_to <= 0:
            return None
        query = query.where(Change.seq <= up_to)
    low, high, count = query.tuples().get()
    if not count:
        return f"变更日志缺失：来源 {origin} 应有 1–{up_to} 号，一条也没有" if up_to else None
    end = up_to if up_to is not None else high
    if low != 1 or high != end or count != end:
        return f"变更日志不连续：来源 {origin} 应有 1–{end} 号，实有 {count} 条（{low}–{high}）"
    return None


def change_log_problems() -> list[str]:
    """A hole in what this copy is supposed to hold means a lost change."""
    inst = current()
    if inst is None:
        return []
    former = {f["id"]: f.get("held", 0) for f in inst.former_origins or []}
    checks: dict[str, int | None] = {inst.id: None, **former}
    if inst.is_bureau:
        for (origin,) in Change.select(Change.origin).distinct().tuples():
            checks.setdefault(origin, None)
    return [p for p in (_gap(origin, up_to) for origin, up_to in checks.items()) if p]


def duplicate_id_problems() -> list[str]:
    """Two live persons with one ID number and no open review item for them: damage. Those waiting for
    review (DuplicateCandidate) are work to do, reported by review_work."""
    waiting = {n for (n,) in DuplicateCandidate.select(DuplicateCandidate.id_number).where(
        DuplicateCandidate.status == "open").tuples()}
    dupes = (Person.select(Person.id_number, peewee.fn.COUNT(Person.id))
             .where(Person.deleted_at.is_null() & Person.id_number.is_null(False))
             .group_by(Person.id_number).having(peewee.fn.COUNT(Person.id) > 1).tuples())
    return [f"身份证号码重复：{number} 有 {n} 条在册档案" for number, n in dupes if number not in waiting]


def review_work() -> list[str]:
    """Open review items: how many, and where to resolve them."""
    work = []
    duplicates = DuplicateCandidate.select().where(DuplicateCandidate.status == "open").count()
    if duplicates:
        work.append(f"{duplicates} 组疑似重复人员待处理（程序中：数据交换 → 疑似重复；或 vetstation duplicates list）")
    conflicts = Conflict.select().where(Conflict.status == "open").count()
    if conflicts:
        work.append(f"{conflicts} 个修改冲突待处理（程序中：数据交换 → 冲突；或 vetstation conflicts list）")
    return work


def check_home(home) -> list[str]:
    return integrity_problems() + change_log_problems() + duplicate_id_problems() + verify_attachments(home)
