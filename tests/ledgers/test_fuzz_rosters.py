"""Mutated rosters: whatever a clerk's (or an attacker's) workbook holds, the import reads it, plans it
and imports it whole — or refuses with one clear Chinese line and imports nobody. Never a traceback.

Random cells (text, numbers, dates, booleans, formulas, 10 000-character cells, control characters),
wrong or extra sheets, a sheet without a header, a file that is not a zip, a truncated zip and a zip bomb.
Each example runs inside an outer transaction that is rolled back: every example meets the same station.
"""
from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from ledgers.progress import run
from ledgers.roster_import import apply_import, plan_import, propose_mapping, read_roster
from ledgers.roster_sheet import MAX_UNPACKED_BYTES
from models.db import db
from models.errors import DomainError
from models.person import Person
from tests.ledgers.conftest import add_person, id_number
from tests.sync.hostile import database_content

FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate, Phase.shrink])
HEADER = ["序号", "姓名", "性别", "身份证号码", "出生日期", "人员类别", "嘎查村", "联系电话", "入伍时间", "备注"]
IDS = [id_number(dt.date(1960 + i, 1 + i, 2 + i), 30 + i) for i in range(6)]

CELLS = st.one_of(
    st.none(), st.booleans(), st.integers(min_value=-10**20, max_value=10**20),
    st.floats(allow_nan=False, allow_infinity=False), st.sampled_from([1e15, 1.5e17, float(IDS[0]), -0.0]),
    st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2999, 12, 31)),
    st.datetimes(min_value=dt.datetime(1900, 1, 1), max_value=dt.datetime(2999, 12, 31)),
    st.text(alphabet=st.characters(exclude_categories=("Cs", "Cc")), max_size=30),
    st.text(alphabet="0123456789Xx -－０１２３", max_size=20),
    st.sampled_from(["=A1+1", '=HYPERLINK("http://example.invalid","点我")', "=1/0", "#N/A", "#REF!", "=SUM(A:A)",
                     "王" * 10_000, "1" * 10_000, "\t\n\r", "_x0007__x001B_", "男", "女", "汉族", "退役士兵",
                     "布日都嘎查", "13904770000", "合计", "填表人：", "1985.07", "1989年3月", IDS[1], IDS[2].lower()]),
    st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x10ffff, exclude_categories=("Cs",)),
            min_size=1, max_size=10).filter(lambda t: t.isprintable()))
# control characters cannot be stored in a cell as such (XML 1.0); Excel writes them as _xHHHH_ escapes


def roster(rows, *, sheets=("花名册",), header=HEADER, header_at=1, hidden=False) -> bytes:
    """A workbook: `rows` under the header on the first sheet (others empty), as bytes."""
    wb = Workbook()
    ws = wb.active
    ws.title = sheets[0]
    for _ in range(header_at - 1):
        ws.append(["嘎鲁图镇退役军人花名册"])
    if header:
        ws.append(header)
    for row in rows:
        ws.append(row)
    if hidden and len(sheets) > 1:
        ws.sheet_state = "hidden"
    for name in sheets[1:]:
        wb.create_sheet(name)
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def valid_rows() -> list[list]:
    return [[n + 1, f"王建{n}", "男", number, None, "退役士兵", None, "13904770000", "1985.07", None]
            for n, number in enumerate(IDS)]


@pytest.fixture
def desk(station, actor, tmp_path):
    add_person(actor, "老张", 3, birth=dt.date(1963, 4, 5))  # already registered: some rows update
    with db.atomic():
        pass
    return station, actor, tmp_path


def outcome(desk, data: bytes, name: str = "roster.xlsx") -> str:
    """Read, map, plan and import the workbook; every refusal is one clear line and changes nothing."""
    home, actor, folder = desk
    path = folder / name
    path.write_bytes(data)
    with db.atomic() as outer:
        before = database_content()
        persons = Person.select().count()
        try:
            sheet = read_roster(path, home)
            mapping = propose_mapping(sheet, home)
            plan = run(plan_import(sheet, mapping, villages="add"))
            assert database_content() == before, "the dry run wrote something"
            result = run(apply_import(plan, actor=actor))
        except DomainError as exc:
            assert_one_clear_line(exc.message)
            assert database_content() == before, f"refused ({exc.message}) but changed the database"
            outer.rollback()
            return "refused"
        created = [r for r in plan.rows if r.action == "create"]
        assert result.created == len(created)
        assert Person.select().count() == persons + len(created)
        for row in created + [r for r in plan.rows if r.action == "update"]:
            assert Person.get_or_none(Person.id_number == row.id_number) is not None, row
        outer.rollback()
        return "imported"


def assert_one_clear_line(message) -> None:
    text = message if isinstance(message, str) else str(message)
    assert text.strip() and "\n" not in text and "\r" not in text, text[:300]
    assert any("\u4e00" <= ch <= "\u9fff" for ch in text), text[:300]
    assert len(text) <= 400, text[:400]


def test_the_valid_roster_imports_every_row(desk):
    assert outcome(desk, roster(valid_rows())) == "imported"


@FUZZ
@given(cells=st.lists(st.tuples(st.integers(min_value=0, max_value=6), st.integers(min_value=0, max_value=11),
                                CELLS), min_size=1, max_size=12))
def test_random_cells_in_a_roster(desk, cells):
    rows = valid_rows() + [[None] * len(HEADER)]
    for r, c, value in cells:
        rows[r] += [None] * (c + 1 - len(rows[r]))
        rows[r][c] = value
    outcome(desk, roster(rows))


@FUZZ
@given(header=st.lists(st.one_of(st.sampled_from(HEADER + ["姓 名", "身份证", "", "序号"]), CELLS), max_size=12),
       header_at=st.integers(min_value=1, max_value=25), hidden=st.booleans(),
       sheets=st.lists(st.sampled_from(["花名册", "Sheet2", "填写说明", "名单", "Sheet1 "]), min_size=1, max_size=3,
                       unique=True))
def test_wrong_missing_or_moved_headers_and_sheets(desk, header, header_at, hidden, sheets):
    outcome(desk, roster(valid_rows(), sheets=tuple(sheets), header=header, header_at=header_at, hidden=hidden))


def test_a_sheet_without_a_header_is_refused_with_a_sentence(desk):
    assert outcome(desk, roster(valid_rows(), header=None)) == "refused"


@FUZZ
@given(data=st.binary(max_size=2000), prefix=st.sampled_from([b"", b"PK\x03\x04", b"PK\x05\x06", b"\xd0\xcf\x11\xe0"]))
def test_a_file_that_is_not_a_zip(desk, data, prefix):
    assert outcome(desk, prefix + data) == "refused"


@FUZZ
@given(cut=st.floats(min_value=0.0, max_value=0.999))
def test_a_truncated_roster(desk, cut):
    data = roster(valid_rows())
    assert outcome(desk, data[:int(len(data) * cut)]) == "refused"


@FUZZ
@given(position=st.floats(min_value=0.0, max_value=0.999), byte=st.integers(min_value=1, max_value=255))
def test_a_roster_with_a_flipped_byte(desk, position, byte):
    data = bytearray(roster(valid_rows()))
    data[int(len(data) * position)] ^= byte
    outcome(desk, bytes(data))


@pytest.mark.slow
def test_a_zip_bomb_is_refused_before_it_is_unpacked(desk):
    """A sheet of a few hundred kB that unpacks to hundreds of MB: refused from the zip's directory."""
    good = roster(valid_rows())
    bomb = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(good)) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED,
                                                                    compresslevel=1) as z:
        for info in src.infolist():
            if info.filename == "xl/worksheets/sheet1.xml":
                with z.open(info.filename, "w", force_zip64=True) as f:
                    f.write(b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                            b'spreadsheetml/2006/main"><sheetData>')
                    block = b'<row r="1"><c r="A1" t="inlineStr"><is><t>x</t></is></c></row>' * 16_384
                    for _ in range(MAX_UNPACKED_BYTES // len(block) + 2):
                        f.write(block)
                    f.write(b"</sheetData></worksheet>")
            else:
                z.writestr(info, src.read(info))
    data = bomb.getvalue()
    assert len(data) < MAX_UNPACKED_BYTES // 50
    home, actor, folder = desk
    path = folder / "bomb.xlsx"
    path.write_bytes(data)
    with pytest.raises(DomainError) as refused:
        read_roster(path, home)
    assert "解压后大小异常" in refused.value.message
    assert_one_clear_line(refused.value.message)
