"""The conflict queue and the duplicate-person queue, and how a named user resolves them.

The importer (sync.merge) computes both queues from the set of changes it holds — identically at
every installation. A resolution is an ordinary write through models.write whose base has seen
every side, so it travels like any other change and closes the entry wherever it arrives.

    for c in open_conflicts(): c.field, c.sides          # [{change_id, origin, hlc, author, value}, …]
    resolve_conflict(c.id, value, actor=actor)           # the chosen value (any value the user types)
    resolve_deletion(c.id, keep_deleted=False, actor=actor)
    merge_duplicate(candidate_id, keep_id, actor=actor)  # bureau: the other person becomes a redirect
"""
from __future__ import annotations

import peewee

from models.base import LocalModel, SyncedModel
from models.connection import db
from models.errors import DomainError, NotFound, PermissionDenied
from models.fields import JSONField, utc_now
from models.permissions import require
from models.write import Actor, OpChanges, writing

DELETE_VS_EDIT = "delete_vs_edit"
FIELD = "field"
MERGED_PREFIX = "已合并到 "


class Conflict(LocalModel):
    id = peewee.TextField(primary_key=True)  # hash of table, record, field and the sides' change ids
    table = peewee.TextField()
    record_id = peewee.TextField(index=True)
    field = peewee.TextField()
    kind = peewee.TextField()  # field | delete_vs_edit
    sides = JSONField()  # [{change_id, origin, hlc, author, at, value}]
    provisional = JSONField(null=True)  # the value kept meanwhile
    status = peewee.TextField(default="open", index=True)  # open | resolved
    detected_at = peewee.TextField()
    resolved_at = peewee.TextField(null=True)
    resolved_by = peewee.TextField(null=True)


class DuplicateCandidate(LocalModel):
    id = peewee.TextField(primary_key=True)  # "<person a>|<person b>", a < b
    person_a = peewee.TextField()
    person_b = peewee.TextField()
    id_number = peewee.TextField(index=True)
    status = peewee.TextField(default="open", index=True)  # open | merged | dismissed
    detected_at = peewee.TextField()
    resolved_at = peewee.TextField(null=True)
    resolved_by = peewee.TextField(null=True)


class ConflictAlreadyResolved(DomainError):
    code = "conflict_resolved"


def open_conflicts(table: str | None = None) -> list[Conflict]:
    query = Conflict.select().where(Conflict.status == "open")
    if table:
        query = query.where(Conflict.table == table)
    return list(query.order_by(Conflict.detected_at, Conflict.id))


def open_duplicates() -> list[DuplicateCandidate]:
    return list(DuplicateCandidate.select().where(DuplicateCandidate.status == "open")
                .order_by(DuplicateCandidate.detected_at))


def _model_for(table: str) -> type[SyncedModel]:
    from models.synced import model_for_table

    return model_for_table(table)


def _open(conflict_id: str) -> Conflict:
    conflict = Conflict.get_or_none(Conflict.id == conflict_id)
    if conflict is None:
        raise NotFound("未找到这条冲突记录。", conflict_id=conflict_id)
    if conflict.status != "open":
        raise ConflictAlreadyResolved("这条冲突已经处理过了。", conflict_id=conflict_id)
    return conflict


def _named(actor: Actor) -> None:
    """Conflicts and duplicates are resolved by a named person whose role may (models.permissions)."""
    require(actor, "resolve")


def _close(conflict: Conflict, actor: Actor) -> None:
    Conflict.update(status="resolved", resolved_at=utc_now(), resolved_by=actor.username).where(
        Conflict.id == conflict.id).execute()


def resolve_conflict(conflict_id: str, value, *, actor: Actor) -> OpChanges:
    """Keep `value` for the conflicting field: a new change that has seen every side."""
    _named(actor)
    conflict = _open(conflict_id)
    if conflict.kind == DELETE_VS_EDIT:
        raise DomainError("这是「删除与修改」冲突，请选择保留删除或恢复档案。")
    model = _model_for(conflict.table)
    with db.atomic():
        record = model.get_by_id(conflict.record_id)
        with writing(actor) as w:
            w.update(record, {conflict.field: value}, force=True)
        _close(conflict, actor)
    return w.changes


def resolve_deletion(conflict_id: str, *, keep_deleted: bool, actor: Actor) -> OpChanges:
    """A delete met a concurrent edit: confirm the deletion, or restore the record with the edit."""
    _named(actor)
    conflict = _open(conflict_id)
    model = _model_for(conflict.table)
    with db.atomic():
        record = model.get_by_id(conflict.record_id)
        with writing(actor) as w:
            if keep_deleted:
                w.update(record, {"deleted_at": record.deleted_at or utc_now(),
                                  "deleted_reason": record.deleted_reason}, force=True, op="tombstone")
            else:
                w.update(record, {"deleted_at": None, "deleted_reason": None}, force=True)
        _close(conflict, actor)
    return w.changes


def dismiss_duplicate(candidate_id: str, *, actor: Actor) -> None:
    """Two different people after all (e.g. a mistyped number that is being corrected)."""
    _named(actor)
    dismissed = DuplicateCandidate.update(status="dismissed", resolved_at=utc_now(), resolved_by=actor.username).where(
        (DuplicateCandidate.id == candidate_id) & (DuplicateCandidate.status == "open")).execute()
    if not dismissed:  # unknown, or merged/dismissed already (perhaps by a colleague a moment ago)
        raise NotFound("未找到待处理的重复人员。", candidate_id=candidate_id)


def merge_duplicate(candidate_id: str, keep_id: str, *, actor: Actor) -> OpChanges:
    """Bureau: keep one person; the other's identities, family and records move to it, and the other
    becomes a tombstone that redirects to it (see redirect_of)."""
    from models.installation import Installation
    from models.person import Person
    from models.synced import children_of

    _named(actor)
    if not Installation.get_current().is_bureau:
        raise PermissionDenied("重复人员只能由退役军人事务局合并。")
    candidate = DuplicateCandidate.get_or_none(DuplicateCandidate.id == candidate_id)
    if candidate is None or candidate.status != "open":
        raise NotFound("未找到待处理的重复人员。", candidate_id=candidate_id)
    if keep_id not in (candidate.person_a, candidate.person_b):
        raise DomainError("要保留的人员不在这对重复人员中。")
    drop_id = candidate.person_b if keep_id == candidate.person_a else candidate.person_a
    with db.atomic():
        drop = Person.get_by_id(drop_id)
        with writing(actor) as w:
            for model, field in children_of(Person):
                for child in model.select().where(getattr(model, field.name) == drop_id):
                    w.update(child, {field.name: keep_id}, op="merge")
            w.update(drop, {"deleted_at": utc_now(), "deleted_reason": f"{MERGED_PREFIX}{keep_id}"},
                     op="merge")
        DuplicateCandidate.update(status="merged", resolved_at=utc_now(), resolved_by=actor.username).where(
            DuplicateCandidate.id == candidate_id).execute()
    return w.changes


def redirect_of(person_id: str) -> str:
    """Follow merges: the id of the person a merged-away record now lives on (itself if none)."""
    from models.person import Person

    seen = set()
    while person_id not in seen:
        seen.add(person_id)
        person = Person.get_or_none(Person.id == person_id)
        reason = person.deleted_reason if person else None
        if not (person and person.deleted_at and reason and reason.startswith(MERGED_PREFIX)):
            return person_id
        person_id = reason[len(MERGED_PREFIX):]
    return person_id
