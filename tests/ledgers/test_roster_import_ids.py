"""ID numbers as real sheets hold them, checked against python-stdnum (stdnum.cn.ric).

An exact integer with a valid check digit is a good ID and imports; only a number that has lost
digits (a float Excel cut to 15 significant digits, or an integer whose last digits were zeroed) is
refused, with the cell named.
"""
from __future__ import annotations

import datetime as dt
import random

import pytest
from openpyxl import Workbook
from stdnum.cn import ric

from ledgers import roster_cells as C
from ledgers.progress import run
from ledgers.roster_import import apply_import, plan_import, propose_mapping, read_roster
from models.idnumber import check_digit
from models.registry import find_person
from tests.ledgers.messy_roster import rid, rid_with_x, stdnum_check_digit, write_exact_integers


def roster(path, ids, *, exact: bool = False):
    """One person per ID cell value; exact=True stores integers exactly (as a database export does)."""
    wb = Workbook()
    ws = wb.active
    ws.append(["姓名", "身份证号码"])
    for n, value in enumerate(ids):
        ws.append([f"人员{n}", value])
    wb.save(path)
    if exact:
        write_exact_integers(path, 0, {f"B{n + 2}": v for n, v in enumerate(ids) if isinstance(v, int)})
    sheet = read_roster(path)
    return run(plan_import(sheet, propose_mapping(sheet)))


def some_ids(count: int, seed: int = 11) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < count:
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 80 * 365))
        number = rid(birth, rng.randrange(1, 999))
        if not number.endswith("X"):  # an X number cannot be a number in Excel at all
            out.append(number)
    return out


def test_our_check_digit_is_stdnums():
    for number in some_ids(300, seed=3):
        assert check_digit(number[:17]) == stdnum_check_digit(number[:17]) == number[17]
        assert ric.compact(number) == number and ric.get_birth_date(number) == dt.date(
            int(number[6:10]), int(number[10:12]), int(number[12:14]))


def test_exact_integer_ids_with_valid_check_digits_import(station, actor, tmp_path):
    ids = some_ids(60)
    plan = roster(tmp_path / "r.xlsx", [int(n) for n in ids], exact=True)
    assert [r.action for r in plan.rows] == ["create"] * 60, [r.reason for r in plan.rows if r.reason][:3]
    assert [r.id_number for r in plan.rows] == ids
    run(apply_import(plan, actor=actor))
    assert all(find_person(n).id_number == ric.compact(n) for n in ids)


def test_an_exact_integer_ending_in_000_with_a_valid_check_digit_is_a_valid_id(station, tmp_path):
    first17 = next(c for c in (f"{n[:15]}00" for n in some_ids(2000)) if stdnum_check_digit(c) == "0")
    number = first17 + "0"
    assert number.endswith("000") and ric.calc_check_digit(number) == "0"
    plan = roster(tmp_path / "r.xlsx", [int(number)], exact=True)
    assert plan.rows[0].action == "create" and plan.rows[0].id_number == number


def test_floats_have_lost_digits_and_are_refused_with_the_cell(station, tmp_path):
    ids = some_ids(20)
    excel = [float(n[:15] + "000") for n in ids]  # what Excel keeps of an 18-digit number: 15 digits
    plan = roster(tmp_path / "r.xlsx", excel)
    for n, row in enumerate(plan.rows):
        assert row.action == "reject" and "存成了数字" in row.reason
        assert row.cell.startswith(f"身份证号码（B{n + 2}）「{ids[n][:13]}") and row.cell.endswith("000」")


def test_an_integer_openpyxl_wrote_as_a_float_imports_when_the_whole_number_survived(station, tmp_path):
    # openpyxl writes an int as a float with 16 significant digits ("%.16g"); an ID that this text
    # holds exactly comes back whole, and its check digit proves it; one that lost digits is refused.
    def whole(n: str) -> bool:  # the text holds it exactly, and with more digits than Excel keeps
        text = f"{int(n):.16g}"
        return float(text) == int(n) and len(text.split("e")[0].replace(".", "").rstrip("0")) > 15

    survived = [n for n in some_ids(800) if whole(n) and not n.endswith("000")][:5]
    cut = [n for n in some_ids(400, seed=5) if not whole(n)][:5]
    assert len(survived) == 5 and len(cut) == 5
    plan = roster(tmp_path / "r.xlsx", [int(n) for n in survived + cut])
    assert [r.action for r in plan.rows[:5]] == ["create"] * 5
    assert [r.id_number for r in plan.rows[:5]] == survived
    assert all(r.action == "reject" for r in plan.rows[5:])
    assert all(stdnum_check_digit(n[:17]) == n[17] for n in survived)


def test_an_integer_whose_last_digits_excel_zeroed_is_refused(station, tmp_path):
    zeroed = [int(n[:15] + "000") for n in some_ids(40)]
    zeroed = [z for z in zeroed if stdnum_check_digit(str(z)[:17]) != "0"]
    plan = roster(tmp_path / "r.xlsx", zeroed, exact=True)
    assert {r.action for r in plan.rows} == {"reject"}
    assert all("末尾几位已丢失" in r.reason for r in plan.rows)


def test_an_integer_with_a_wrong_check_digit_is_a_typo_not_lost_digits(station, tmp_path):
    good = some_ids(1)[0]
    typo = int(good[:17] + str((int(good[17]) + 1) % 10))
    plan = roster(tmp_path / "r.xlsx", [typo], exact=True)
    assert plan.rows[0].action == "reject" and "校验位错误" in plan.rows[0].reason


@pytest.mark.parametrize("written", [
    "'{n}", " {n} ", "{spaced}", "{fullwidth}", "{n}\u200b", "‘{n}",
])
def test_text_ids_as_clerks_type_them(station, tmp_path, written):
    n = rid_with_x(dt.date(1972, 8, 9)).lower()
    spaced = f"{n[:6]} {n[6:14]} {n[14:]}"
    fullwidth = n.translate(str.maketrans("0123456789x", "０１２３４５６７８９ｘ"))
    plan = roster(tmp_path / "r.xlsx", [written.format(n=n, spaced=spaced, fullwidth=fullwidth)])
    assert plan.rows[0].action == "create"
    assert plan.rows[0].id_number == ric.compact(n).upper()
    assert ric.calc_check_digit(plan.rows[0].id_number) == "X"


def test_a_legacy_15_digit_number_is_upgraded(station, tmp_path):
    plan = roster(tmp_path / "r.xlsx", [150626581201021], exact=True)
    row = plan.rows[0]
    assert row.action == "create" and row.id_number == "15062619581201021" + stdnum_check_digit("15062619581201021")
    assert any("15位" in w for w in row.warnings)


def test_seventeen_digits_stored_as_a_number_says_the_x_is_missing(station, tmp_path):
    number = rid_with_x(dt.date(1972, 8, 9))
    plan = roster(tmp_path / "r.xlsx", [int(number[:17])], exact=True)
    assert plan.rows[0].action == "reject" and "X" in plan.rows[0].reason and "17位" in plan.rows[0].reason


@pytest.mark.parametrize("value, lost", [
    (1.50626196603080e17, True), (150626196603090000, True), ("1.50626E+17", True),
    (150626581201021, False), (150626581201021.0, False), ("150626196603080114", False), (None, False),
])
def test_which_cells_have_lost_digits(value, lost):
    if isinstance(value, int) and str(value).endswith("000"):
        assert check_digit(str(value)[:17]) != "0"  # the zeroed number does not fit its check digit
    assert C.id_lost_digits(value) is lost
