"""Small helpers shared by the sync tests: move bundles between sites, read a site's records, and the two
stories that leave a conflict at the bureau (concurrent_phone_edits, edit_against_delete)."""
from __future__ import annotations

from pathlib import Path

from models.person import Person
from models.registry import delete_person, save_person
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


ID = "150626198503150314"  # 王建国's ID number in the conflict stories


def concurrent_phone_edits(bureau, a, folder: Path) -> Person:
    """王建国 registered at station a and sent; then a and the bureau each change his phone, and a sends
    again: a field conflict at the bureau. Bundles go through folder/1 and folder/2."""
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID, "phone": "13800000000"}, actor=a.actor)
    send(a, bureau, folder / "1")
    with a:
        save_person(person.id, {"phone": "13900000000"}, actor=a.actor)
    with bureau:
        save_person(person.id, {"phone": "13700000000"}, actor=bureau.actor)
    send(a, bureau, folder / "2")
    return person


def edit_against_delete(bureau, a, folder: Path) -> Person:
    """王建国 registered at station a and sent; then a deletes him while the bureau edits his phone, and a
    sends again: a delete_vs_edit conflict at the bureau. Bundles go through folder/1 and folder/2."""
    with a:
        person, _ = save_person(None, {"name": "王建国", "id_number": ID}, actor=a.actor)
    send(a, bureau, folder / "1")
    with a:
        delete_person(person.id, "录入错误", actor=a.actor)
    with bureau:
        save_person(person.id, {"phone": "13700000000"}, actor=bureau.actor)
    send(a, bureau, folder / "2")
    return person


def people(site) -> dict:
    with site:
        return {p.id: p.state() for p in Person.select()}
