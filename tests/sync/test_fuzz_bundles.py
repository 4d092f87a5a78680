"""Hostile bundles that are signed by a real station: the bureau refuses them with one clear Chinese
line and changes nothing, or imports them whole — never a traceback, never half an import.

The station's own key signs every example (tests/sync/hostile.py), so the hostile content passes the
envelope and the signature and reaches the parsing, validation and apply layers. Each example runs
inside an outer transaction that is rolled back afterwards: every example meets the same bureau.
"""
from __future__ import annotations

import json

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models.changelog import Change
from models.db import db
from models.held import HeldRecord
from models.registry import save_person
from sync.errors import BundleRefused
from sync.importer import import_bundle
from tests.sync.helpers import bundle_from
from tests.sync.hostile import Hostile, database_content

FUZZ = settings(max_examples=250, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck))
IDS = ["150626198503150314", "150626199001010017"]

# -- hostile values -----------------------------------------------------------------------------------
HUGE = st.sampled_from(["王" * 100_000, "x" * 1_000_000, "\n".join(["行"] * 1000)])
CONTROL = st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x1f), min_size=1, max_size=8)
NUMBERS = st.one_of(st.integers(min_value=-2**70, max_value=2**70),
                    st.sampled_from([0, -1, 2**31, 2**63 - 1, 2**63, 2**64, -2**63 - 1, 10**300]),
                    st.floats(allow_nan=False), st.just(1e308))
SCALARS = st.one_of(st.none(), st.booleans(), NUMBERS, st.text(max_size=40), CONTROL, HUGE,
                    st.sampled_from(["", "9999-99-99", "0000-00-00", "1900-13-45", "2999-12-31T99:99:99Z",
                                     "-1", "NaN", "=A1+1", "../../etc/passwd", "\u202e", "\ud7ff"]))
VALUES = st.recursive(SCALARS, lambda inner: st.one_of(st.lists(inner, max_size=3),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=6)

MANIFEST_KEYS = ["format_version", "schema_version", "sequence", "parts", "receipts", "attachments", "sender",
                 "recipient", "vector_before", "vector_after", "counts", "changes", "previous", "bundle_id",
                 "created_at", "algorithms", "format"]
SENDER_KEYS = ["kind", "installation_id", "station_code", "name", "former_ids", "certificate"]
RECIPIENT_KEYS = ["kind", "installation_id", "station_code"]
LINE_KEYS = ["change_id", "origin", "seq", "table", "record_id", "op", "state", "changed", "base", "author",
             "at", "hlc"]


@pytest.fixture
def hostile(network, tmp_path, monkeypatch):
    """Station A has registered two persons; the bureau waits with nothing imported yet."""
    bureau, a, b = network
    with a:
        for n, number in enumerate(IDS):
            save_person(None, {"name": f"王建{n}", "id_number": number}, actor=a.actor)
    real = bundle_from(a, bureau, tmp_path / "usb")
    # the backup before an import is tested elsewhere; here it would only copy the database each example
    monkeypatch.setattr("sync.importer.backup_database", lambda home, reason: None)
    maker = Hostile(a, bureau, real, tmp_path / "fuzz")
    with bureau:
        yield maker


def outcome(maker: Hostile, manifest: dict, parts: list[list[str]], receipts: list[str] | None = None):
    """Import the signed hostile bundle at the bureau (rolled back afterwards); check the two promises."""
    path = maker.bundle(manifest, parts, receipts)
    with db.atomic() as outer:
        before = database_content()
        try:
            report = import_bundle(maker.bureau.home, path, actor=maker.bureau.actor)
        except BundleRefused as exc:
            assert_one_clear_line(exc.message)
            assert database_content() == before, f"refused ({exc.message}) but changed the database"
            outer.rollback()
            return "refused"
        assert_applied_whole(report, parts)
        outer.rollback()
        return "imported"


def assert_one_clear_line(message: str) -> None:
    assert isinstance(message, str) and message.strip()
    assert "\n" not in message and "\r" not in message, message[:300]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in message), message[:300]
    assert len(message) <= 300, f"a refusal of {len(message)} characters: {message[:300]}"


def assert_applied_whole(report, parts) -> None:
    """Every change the report did not reject is in the change log (and its record written or held)."""
    rejected = {(repr(e["table"]), repr(e["record_id"])) for e in report.entries["rejected"]}
    assume_complete = report.counts["rejected"] == len(report.entries["rejected"])
    for part in parts:
        for text in part:
            try:
                line = json.loads(text)
            except ValueError:
                continue
            if not isinstance(line, dict) or not isinstance(line.get("change_id"), str):
                continue
            if (repr(line.get("table")), repr(line.get("record_id"))) in rejected or not assume_complete:
                continue
            assert Change.get_or_none(Change.change_id == line["change_id"]) is not None, text[:200]
            model = maker_tables().get(line["table"])
            row = model.get_or_none(model.id == line["record_id"])
            held = HeldRecord.get_or_none((HeldRecord.table == line["table"])
                                          & (HeldRecord.record_id == line["record_id"]))
            assert row is not None or held is not None, f"change stored, record neither written nor held: {text[:200]}"


def maker_tables():
    from models.synced import synced_tables

    return synced_tables()


# -- the examples ---------------------------------------------------------------------------------------
def test_the_unchanged_bundle_imports_whole(hostile):
    assert outcome(hostile, hostile.manifest(), hostile.parts()) == "imported"


@FUZZ
@given(key=st.sampled_from(MANIFEST_KEYS), value=VALUES)
def test_a_manifest_field_of_any_type_or_size(hostile, key, value):
    manifest = hostile.manifest()
    manifest[key] = value
    outcome(hostile, manifest, hostile.parts())


@FUZZ
@given(where=st.sampled_from(["sender", "recipient"]), key=st.sampled_from(SENDER_KEYS + RECIPIENT_KEYS),
       value=VALUES)
def test_a_sender_or_recipient_of_any_shape(hostile, where, key, value):
    manifest = hostile.manifest()
    manifest[where][key] = value
    outcome(hostile, manifest, hostile.parts())


@FUZZ
@given(version=st.one_of(st.integers(min_value=2, max_value=10**6), st.sampled_from([2**63, 10**4000 // 10**3990])),
       which=st.sampled_from(["format_version", "schema_version"]))
def test_a_future_format_or_schema_asks_to_upgrade(hostile, version, which):
    manifest = hostile.manifest()
    manifest[which] = manifest[which] + version
    assert outcome(hostile, manifest, hostile.parts()) == "refused"


@FUZZ
@given(sequence=st.one_of(NUMBERS, st.sampled_from([0, -5, 2**63 - 1, 2**63, 2**64, 10**30])))
def test_out_of_range_sequences(hostile, sequence):
    manifest = hostile.manifest()
    manifest["sequence"] = sequence
    outcome(hostile, manifest, hostile.parts())


@FUZZ
@given(vector=VALUES, which=st.sampled_from(["vector_before", "vector_after"]))
def test_malformed_version_vectors(hostile, vector, which):
    manifest = hostile.manifest()
    manifest[which] = vector
    outcome(hostile, manifest, hostile.parts())


@FUZZ
@given(key=st.sampled_from(["sha256", "bytes", "changes", "name"]), value=VALUES, listed_twice=st.booleans())
def test_mismatched_part_counts_hashes_and_names(hostile, key, value, listed_twice):
    manifest = hostile.manifest()
    parts = hostile.parts()
    entry = hostile.part_entry(parts[0], 1)
    entry[key] = value
    manifest["parts"] = [entry, dict(entry)] if listed_twice else [entry]
    outcome(hostile, manifest, parts)


@FUZZ
@given(index=st.integers(min_value=0, max_value=20), key=st.sampled_from(LINE_KEYS), value=VALUES)
def test_a_change_field_of_any_type_or_size(hostile, index, key, value):
    lines = hostile.lines()
    line = lines[index % len(lines)]
    line[key] = value
    outcome(hostile, hostile.manifest(), [hostile.encode(lines)])


@FUZZ
@given(index=st.integers(min_value=0, max_value=20), field=st.one_of(
    st.sampled_from(["name", "id_number", "birth_date", "sex", "village", "station_code", "status", "deleted_at",
                     "created_at", "version", "photo", "phone", "enlist_date", "monthly_amount", "amount"]),
    st.text(min_size=1, max_size=20)), value=VALUES, also_changed=st.booleans())
def test_a_record_value_of_any_type_size_or_name(hostile, index, field, value, also_changed):
    """Wrong types in fields, huge strings, unknown fields, impossible dates and money."""
    lines = hostile.lines()
    line = lines[index % len(lines)]
    line["state"][field] = value
    if also_changed:
        line["changed"][field] = value
    outcome(hostile, hostile.manifest(), [hostile.encode(lines)])


@FUZZ
@given(table=st.one_of(st.text(max_size=30), st.sampled_from(["sqlite_master", "user", "audit_entry", "peer",
                                                               "receipt", "change", "person; DROP TABLE person",
                                                               "imported_bundle", "held_record"])),
       index=st.integers(min_value=0, max_value=20))
def test_unknown_or_private_tables(hostile, table, index):
    lines = hostile.lines()
    lines[index % len(lines)]["table"] = table
    outcome(hostile, hostile.manifest(), [hostile.encode(lines)])


@FUZZ
@given(data=st.data())
def test_duplicated_reordered_and_colliding_changes(hostile, data):
    lines = hostile.lines()
    order = data.draw(st.permutations(range(len(lines))))
    picked = [lines[i] for i in order]
    for _ in range(data.draw(st.integers(min_value=0, max_value=3))):
        picked.append(dict(data.draw(st.sampled_from(lines))))
    if data.draw(st.booleans()):  # one (origin, seq) for two different changes
        twin = dict(data.draw(st.sampled_from(lines)))
        twin["change_id"] = twin["change_id"][:-4] + "beef"
        picked.append(twin)
    if data.draw(st.booleans()):  # a child whose parent never arrives
        orphan = dict(data.draw(st.sampled_from([x for x in lines if x["table"] != "person"] or lines)))
        state = dict(orphan["state"])
        for key in ("person", "person_id"):
            if key in state:
                state[key] = "NOSUCHPERSON"
        orphan.update(change_id=orphan["change_id"][:-4] + "dead", seq=orphan["seq"] + 1000, state=state)
        picked.append(orphan)
    split = data.draw(st.integers(min_value=1, max_value=len(picked)))
    outcome(hostile, hostile.manifest(), [hostile.encode(picked[:split]), hostile.encode(picked[split:])])


@FUZZ
@given(text=st.one_of(st.text(max_size=200), st.binary(max_size=200).map(lambda b: b.decode("latin-1")),
                      st.sampled_from(["{", "[]", "null", '{"a":1}{"b":2}', '{"change_id":"x"', "\ufeff{}",
                                       '{"seq": 1e999}', '{"seq": ' + "9" * 5000 + "}", "\x00"])))
def test_lines_that_are_not_one_json_object(hostile, text):
    lines = [hostile.encode_line(x) for x in hostile.lines()]
    lines.insert(1, text.replace("\n", " "))
    outcome(hostile, hostile.manifest(), [lines])


@FUZZ
@given(body_key=st.sampled_from(["receipt_id", "bundle_hash", "vector", "summary", "issued_at", "issuer", "peer",
                                 "format"]), value=VALUES, garbage=st.booleans())
def test_signed_receipts_of_any_shape(hostile, body_key, value, garbage):
    receipts = hostile.receipt_lines(body_key, value)
    if garbage:
        receipts.append("{not json")
    outcome(hostile, hostile.manifest(), hostile.parts(), receipts)


@pytest.mark.parametrize("key", ["change_id", "origin", "record_id", "author", "at"])
def test_a_nul_character_in_a_change_is_refused_on_every_engine(hostile, key):
    """PostgreSQL cannot store a NUL in text, SQLite can: both refuse it, so the engines behave alike."""
    lines = hostile.lines()
    lines[0][key] = lines[0][key][:3] + "\x00" + lines[0][key][3:]
    assert outcome(hostile, hostile.manifest(), [hostile.encode(lines)]) in ("refused", "imported")  # not a crash


def test_a_nul_character_in_a_name_is_refused_on_every_engine(hostile):
    lines = hostile.lines()
    person = next(line for line in lines if line["table"] == "person")
    person["state"]["name"] = "王\x00建"
    person["changed"]["name"] = [None, "王\x00建"]
    assert outcome(hostile, hostile.manifest(), [hostile.encode(lines)]) == "refused"
