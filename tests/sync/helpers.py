"""Small helpers shared by the sync tests: move bundles between sites, read a site's records."""
from __future__ import annotations

from pathlib import Path

from models.person import Person
from sync.export import export_bundle
from sync.importer import import_bundle


def send(src, dst, folder: Path, name: str | None = None, **kw):
    """Export from src for dst (bureau → station by code), import at dst; return the report."""
    path = bundle_from(src, dst, folder, name)
    with dst:
        return import_bundle(dst.home, path, actor=dst.actor, **kw)


def bundle_from(src, dst, folder: Path, name: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    with src:
        result = export_bundle(src.home, folder / (name or f"{src.code or 'b'}-{dst.code or 'b'}.vsb"),
                               for_station=dst.code if src.kind == "bureau" else None)
    return result.path


def people(site) -> dict:
    with site:
        return {p.id: p.state() for p in Person.select()}
