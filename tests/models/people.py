"""Test data: valid person values with real check digits."""
import datetime as dt

from models.idnumber import check_digit


def id_number(n: int, born: dt.date = dt.date(1970, 1, 1), male: bool = True) -> str:
    serial = (n * 2 + (1 if male else 0)) % 1000
    body = ("152727" if born.year < 2001 else "150626") + born.strftime("%Y%m%d") + f"{serial:03d}"
    return body + check_digit(body)


def person_values(n: int, **overrides) -> dict:
    values = {"name": f"测试{n:03d}", "id_number": id_number(n), "ethnicity": "01"}
    values.update(overrides)
    return values
