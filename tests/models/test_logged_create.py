"""A new record's change row keeps exactly what its history needs, however odd the values a caller gives.

The write path decides for each create, without building its state, whether the state is rebuilt from the row
(`derivable`) and whether the values may stay in the record row (`round_trips`, by reference). These stories
give it values of every awkward kind and compare its answer with those definitions applied the long way.
"""
import datetime as dt

from hypothesis import HealthCheck, given, settings, strategies as st

from models.base import META_FIELDS, to_json_value
from models.changelog import derivable, logged_create, ref_text, round_trips
from models.person import FamilyMember, Person, PersonIdentity
from models.write import _construct

ODD_VALUES = st.one_of(
    st.none(), st.text(max_size=6), st.just(""), st.integers(-3, 3), st.booleans(), st.floats(allow_nan=False),
    st.dates(dt.date(1900, 1, 1), dt.date(2030, 1, 1)), st.sampled_from(["2020-01-02", "2020-1-2", "2020-02-30"]),
    st.lists(st.text(max_size=3), max_size=3), st.lists(st.integers(0, 9), max_size=2),
    st.dictionaries(st.text(max_size=2), st.integers(0, 3), max_size=2),
    st.dictionaries(st.integers(0, 3), st.integers(0, 3), min_size=1, max_size=2), st.tuples(st.integers(0, 3)))


@st.composite
def creates(draw):
    """(model, values given, values some derive() left in fields not given)."""
    model = draw(st.sampled_from([Person, PersonIdentity, FamilyMember]))
    names = [f.name for f in model._meta.sorted_fields if f.name not in META_FIELDS]
    given = draw(st.dictionaries(st.sampled_from(names), ODD_VALUES, max_size=8))
    others = [n for n in names if n not in given and n not in model.derived_fields]
    left = draw(st.dictionaries(st.sampled_from(others), ODD_VALUES, max_size=2)) if others and draw(
        st.booleans()) else {}
    return model, given, left


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=creates())
def test_a_create_is_logged_by_reference_only_when_its_row_gives_back_every_value_exactly(actor, case):
    model, values, left = case
    record = _construct(model, values)
    origin, now = "0192a0b0-0000-7000-8000-000000000001", "2026-12-05T12:00:00.000000Z"
    record.__data__.update(id="0192a0b0-0000-7000-8000-000000000002", origin=origin, created_at=now,
                           created_by="cli", updated_at=now, updated_by="cli", deleted_at=None, deleted_reason=None,
                           version={origin: 7}, **left)
    data = record.__data__
    changed = {name: [None, to_json_value(data.get(name))] for name in values}  # as Writer.create makes it

    rebuilt, ref = logged_create(model, data, changed)

    row = dict(origin=origin, seq=7, table=model._meta.table_name, record_id=record.id, op="upsert",
               state=record.state(), changed=changed, base={}, author="cli", at=now)
    expected = derivable(row)
    assert rebuilt == expected
    new = {name: pair[1] for name, pair in changed.items()}
    assert ref == (ref_text(model._meta.table_name, changed) if expected and round_trips(model, new) else None)
