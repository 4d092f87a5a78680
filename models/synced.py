"""The registry of synced tables: which models travel, in which order parents come before
children, which tables the bureau owns, and which records belong to a station.

    model_for_table("person")          # Person
    ordered_models()                   # parents first (station, village, person, …)
    owned_ids(Person, "150626100")     # a query of the ids a station holds of that table
    attached_ids(FamilyMember, Person, [pid])   # records hanging on given persons (a transfer)

A record belongs to a station when it has `station_code` equal to the station's code, or points
(by a foreign key) to a record that belongs to it. Every other synced table is shared reference
data (stations, villages, option lists) that every installation holds.
"""
from __future__ import annotations

import importlib
import pkgutil
from functools import lru_cache

import peewee

from models.base import SyncedModel

# Reference data whose provisional value in a conflict is the bureau's.
BUREAU_OWNED = {"station", "option"}


@lru_cache(maxsize=1)
def _registry() -> dict[str, type[SyncedModel]]:
    import models

    for info in pkgutil.iter_modules(models.__path__):
        importlib.import_module(f"models.{info.name}")
    found: dict[str, type[SyncedModel]] = {}
    stack = list(SyncedModel.__subclasses__())
    while stack:
        model = stack.pop()
        stack.extend(model.__subclasses__())
        found.setdefault(model._meta.table_name, model)
    return found


def synced_tables() -> dict[str, type[SyncedModel]]:
    """Synced models whose table exists in the open database."""
    from models.connection import db

    present = set(db.get_tables())
    return {t: m for t, m in _registry().items() if t in present}


def model_for_table(table: str) -> type[SyncedModel]:
    model = synced_tables().get(table)
    if model is None:
        raise KeyError(table)
    return model


def foreign_keys(model: type[SyncedModel]) -> list[peewee.ForeignKeyField]:
    return [f for f in model._meta.sorted_fields if isinstance(f, peewee.ForeignKeyField)]


def ordered_models() -> list[type[SyncedModel]]:
    """Parents before children (a self-reference does not count)."""
    models = synced_tables()
    done: list[type[SyncedModel]] = []
    seen: set[str] = set()

    def visit(model):
        name = model._meta.table_name
        if name in seen:
            return
        seen.add(name)
        for fk in foreign_keys(model):
            parent = fk.rel_model
            if parent is not model and parent._meta.table_name in models:
                visit(parent)
        done.append(model)

    for name in sorted(models):
        visit(models[name])
    return done


def children_of(parent: type[SyncedModel]) -> list[tuple[type[SyncedModel], peewee.ForeignKeyField]]:
    return [(m, fk) for m in synced_tables().values() for fk in foreign_keys(m)
            if fk.rel_model is parent and m is not parent]


def is_bureau_owned(table: str) -> bool:
    model = synced_tables().get(table)
    return table in BUREAU_OWNED or bool(getattr(model, "bureau_owned", False))


@lru_cache(maxsize=None)
def _station_owned(table: str) -> bool:
    model = _registry()[table]
    if "station_code" in model._meta.fields:
        return True
    return any(fk.rel_model is not model and _station_owned(fk.rel_model._meta.table_name)
               for fk in foreign_keys(model))


def is_station_owned(table: str) -> bool:
    return _station_owned(table)


def owned_ids(model: type[SyncedModel], station_code: str):
    """A query of the ids of `model` that belong to the station (None: reference data, all)."""
    if not is_station_owned(model._meta.table_name):
        return None
    condition = None
    if "station_code" in model._meta.fields:
        condition = model.station_code == station_code
    for fk in foreign_keys(model):
        if fk.rel_model is model or not is_station_owned(fk.rel_model._meta.table_name):
            continue
        parent_ids = owned_ids(fk.rel_model, station_code)
        part = getattr(model, fk.name).in_(parent_ids)
        condition = part if condition is None else (condition | part)
    return model.select(model.id).where(condition)


def attached_ids(model: type[SyncedModel], root: type[SyncedModel], root_ids: list[str]):
    """A query (or list) of the ids of `model` attached to the given `root` records through foreign
    keys (the root's own ids for the root itself); None when `model` has no path to `root`.

    attached_ids(AidEvent, Person, [pid]) → the events of the aid cases of that person."""
    if model is root:
        return list(root_ids)
    condition = None
    for fk in foreign_keys(model):
        parent = fk.rel_model
        if parent is model:
            continue
        parent_ids = attached_ids(parent, root, root_ids)
        if parent_ids is None:
            continue
        part = getattr(model, fk.name).in_(parent_ids)
        condition = part if condition is None else (condition | part)
    return None if condition is None else model.select(model.id).where(condition)
