"""`vetstation check`: is the database whole and does every attachment match its hash?

    problems = check_home(home)   # [] when all is well
"""
from __future__ import annotations

import peewee

from models.attachments import verify_attachments
from models.changelog import Change
from models.db import integrity_problems
from models.person import Person


def change_log_problems() -> list[str]:
    """Per-origin sequence numbers must be gapless: a gap means a lost change."""
    problems = []
    rows = (Change.select(Change.origin, peewee.fn.MIN(Change.seq), peewee.fn.MAX(Change.seq),
                          peewee.fn.COUNT(Change.change_id)).group_by(Change.origin).tuples())
    for origin, low, high, count in rows:
        if low != 1 or high - low + 1 != count:
            problems.append(f"变更日志不连续：来源 {origin} 序号 {low}–{high} 共 {count} 条")
    return problems


def duplicate_id_problems() -> list[str]:
    dupes = (Person.select(Person.id_number, peewee.fn.COUNT(Person.id))
             .where(Person.deleted_at.is_null() & Person.id_number.is_null(False))
             .group_by(Person.id_number).having(peewee.fn.COUNT(Person.id) > 1).tuples())
    return [f"身份证号码重复：{number} 有 {n} 条在册档案" for number, n in dupes]


def check_home(home) -> list[str]:
    return integrity_problems() + change_log_problems() + duplicate_id_problems() + verify_attachments(home)
