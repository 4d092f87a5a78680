"""A new record's bundle line is put together from its values' texts (docs/lean-storage.md §31); the line is
exactly the one the state and changed dicts give, whatever the values hold."""
import datetime as dt

from models.change_texts import create_texts, ref_value_texts
from models.changelog import BY_REF, DERIVED, Change, create_state
from models.engine import id_text, stamp_text
from models.fields import dumps
from models.person import FamilyMember, Person, PersonIdentity
from models.db import db
from models.write import writing

from tests.models.people import person_values


def _lines_both_ways():
    rows = db.execute_sql('SELECT "table", record_id, changed, origin, seq, author, at, state FROM change_log '
                          "ORDER BY seq").fetchall()
    rows = [(t, id_text(r), c, id_text(o), s, a, stamp_text(at), st) for t, r, c, o, s, a, at, st in rows if c[:1] == BY_REF]
    texts = ref_value_texts([row[:5] for row in rows])
    for table, record_id, _, origin, seq, author, at, state in rows:
        changed = Change.get((Change.origin == origin) & (Change.seq == seq)).changed
        built = create_texts(table, record_id, origin, seq, author, at, texts[(origin, seq)],
                             with_state=state == DERIVED)
        expected_state = dumps(create_state(table, record_id, origin, seq, author, at, changed))
        yield built, (expected_state if state == DERIVED else None, dumps(changed))


def test_new_records_with_every_kind_of_value_give_the_same_line_text(actor):
    awkward = 'a "quoted" \\ back\\slash\nnew line\t tab ✓ 𝄞 王'
    with writing(actor) as w:
        person = w.create(Person, {"station_code": "150626100", **person_values(
            401, name="巴特尔", note=awkward, key_focus=True, key_focus_reason="独居", reenlisted=False,
            personal_income_fen=0, family_income_fen=12_345_678_901, party_membership_local=None,
            tags=["低保", "独居", 'x"y'], enlist_date=dt.date(1990, 3, 1), discharge_date=dt.date(1995, 12, 31))})
        w.create(PersonIdentity, {"person": person.id, "category": "retired_soldier", "subtypes": ["a", "宋"],
                                  "note": None})
        w.create(PersonIdentity, {"person": person.id, "category": "disabled_veteran", "subtypes": [], "note": ""})
        w.create(FamilyMember, {"person": person.id, "relation": "spouse", "name": "李秀英", "deceased_date": None,
                                "phone": "13800000000"})
        w.create(Person, {"station_code": "150626100", **person_values(402)})  # only the few required values
    pairs = list(_lines_both_ways())
    assert len(pairs) >= 5 and sum(built[0] is not None for built, _ in pairs) >= 2  # states put together too
    for built, expected in pairs:
        assert built == expected
