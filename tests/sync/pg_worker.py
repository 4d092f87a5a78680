"""One bureau PC in the PostgreSQL concurrency test (tests/sync/test_postgres_concurrency.py), run as its
own process: waits for the go file, then edits, imports or exports against the shared bureau database,
and prints what it did as one JSON line.

    python -m tests.sync.pg_worker edit HOME GO PERSON_ID FIELD N WORKER    # N new persons + N edits of one field
    python -m tests.sync.pg_worker import HOME GO BUNDLE
    python -m tests.sync.pg_worker export HOME GO OUT STATION_CODE
"""
from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from models.db import close_database, open_database
from models.errors import EditedMeanwhile
from models.home import Home
from models.write import Actor

ACTOR = Actor("bureau-staff", "局工作人员", "bureau_admin")


def main(argv: list[str]) -> None:
    kind, home, go = argv[0], Home(Path(argv[1])), Path(argv[2])
    open_database(home)
    while not go.exists():
        time.sleep(0.01)
    out: dict = {"kind": kind}
    if kind == "edit":
        import datetime as dt

        from models.registry import save_person
        from tests.models.people import id_number, person_values

        person_id, field, count, worker = argv[3], argv[4], int(argv[5]), int(argv[6])
        born = dt.date(1950 + worker, 1, 1)  # each worker's own ID numbers
        created, told = [], 0
        for i in range(count):
            values = person_values(i, name=f"并发{worker}-{i:03d}", id_number=id_number(i, born))
            person, _ = save_person(None, values, actor=ACTOR, station_code="150626100")
            created.append(person.id)
            try:
                save_person(person_id, {field: f"{field}-{i:03d}"}, actor=ACTOR)
            except EditedMeanwhile:
                told += 1
        out.update(created=created, told=told)
    elif kind == "import":
        from sync.importer import import_bundle

        report = import_bundle(home, Path(argv[3]), actor=ACTOR)
        out.update(already=report.already_imported, new=report.counts["changes_new"])
    else:
        from sync.export import export_bundle

        result = export_bundle(home, Path(argv[3]), for_station=argv[4])
        out.update(changes=result.changes if hasattr(result, "changes") else None)
    close_database()
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
