"""Test data for the casework areas: registered persons and fixed dates."""
import datetime as dt

from models.registry import save_person, set_status
from tests.models.people import person_values

# Every casework test runs at fixed dates: TODAY is passed to the domain functions as `today`.
TODAY = dt.date(2026, 11, 20)
D = dt.date


def make_person(actor, n: int, *, identities=("retired_soldier",), filed_on=D(2024, 1, 10), **values):
    person, _ = save_person(None, person_values(n, filed_on=filed_on, **values),
                            identities=[{"category": c} for c in identities], actor=actor)
    return person


def make_deceased(actor, n: int, **kwargs):
    person = make_person(actor, n, **kwargs)
    set_status(person.id, "deceased", on=D(2026, 3, 1), actor=actor)
    return person
