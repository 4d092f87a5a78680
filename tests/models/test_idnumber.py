"""公民身份号码: our validator agrees with the GB 11643 definition and with python-stdnum."""
import datetime as dt

import pytest
from hypothesis import given, strategies as st
from stdnum.cn import ric

from models.idnumber import InvalidIdNumber, check_digit, mask, parse_id_number

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]


def stdnum_accepts(number: str) -> bool:
    """stdnum's checks minus its place-of-birth table, which wrongly requires the county code to
    exist in the birth year (people keep their number when a county is renumbered: 乌审旗 was
    152727 until 2001, 150626 since)."""
    try:
        return ric.calc_check_digit(number) == number[-1] and bool(ric.get_birth_date(number))
    except Exception:
        return False


def definition_check_digit(first17: str) -> str:
    # straight from DOMAIN.md: weighted sum mod 11 mapped through "10X98765432"
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS)) % 11]


birth_dates = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2020, 12, 31))
regions = st.sampled_from(["150626", "150602", "110105", "610802", "152701"])
serials = st.integers(min_value=0, max_value=999).map(lambda n: f"{n:03d}")


@st.composite
def first17s(draw):
    return draw(regions) + draw(birth_dates).strftime("%Y%m%d") + draw(serials)


@given(first17s())
def test_every_correct_number_is_accepted_and_agrees_with_stdnum(first17):
    number = first17 + definition_check_digit(first17)
    parsed = parse_id_number(number)
    assert parsed.normalized == number
    assert stdnum_accepts(number)
    assert parsed.birth_date.strftime("%Y%m%d") == first17[6:14]
    assert parsed.sex == ("M" if int(first17[16]) % 2 else "F")


@given(first17s(), st.sampled_from("0123456789X"))
def test_a_wrong_check_digit_is_refused_like_stdnum_does(first17, last):
    number = first17 + last
    ours = True
    try:
        parse_id_number(number)
    except InvalidIdNumber:
        ours = False
    assert ours == stdnum_accepts(number)
    assert ours == (last == definition_check_digit(first17))


@given(first17s())
def test_legacy_15_digit_number_upgrades_to_the_18_digit_one(first17):
    if first17[6:8] != "19":
        return
    legacy = first17[:6] + first17[8:17]
    parsed = parse_id_number(legacy)
    assert parsed.upgraded_from_15
    assert parsed.normalized == first17 + check_digit(first17)
    assert stdnum_accepts(parsed.normalized)


@pytest.mark.parametrize("number", ["152727196405120017", "150626200503150025", "11010519491231002X"])
def test_numbers_of_this_banner_old_and_new_code_pass_stdnum_in_full(number):
    body = number[:17]
    number = body + check_digit(body)
    assert ric.is_valid(number) and parse_id_number(number).normalized == number


def test_lower_case_x_and_full_width_digits_and_spaces_are_accepted():
    assert parse_id_number(" 11010519491231002x ").normalized == "11010519491231002X"
    assert parse_id_number("１１０１０５１９４９１２３１００２Ｘ").normalized == "11010519491231002X"


@pytest.mark.parametrize("raw, words", [
    ("110105194912310021", "校验位"),
    ("110105194902300023", "不存在"),   # 30 February
    ("11010519491231002", "18位"),
    ("1101051949123100A2", "数字"),
])
def test_bad_numbers_get_a_sentence_saying_what_is_wrong(raw, words):
    with pytest.raises(InvalidIdNumber) as err:
        parse_id_number(raw)
    assert words in err.value.message


def test_a_birth_date_in_the_future_is_refused():
    body = "150626" + "20300101" + "123"
    with pytest.raises(InvalidIdNumber, match="不合理"):
        parse_id_number(body + check_digit(body), today=dt.date(2026, 11, 26))


def test_mask_keeps_region_and_last_four():
    assert mask("11010519491231002X") == "110105********002X"
