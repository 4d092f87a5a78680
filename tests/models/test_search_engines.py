"""The search box finds the same people on both engines (issue 13): a station's people, searched in its
SQLite file, then moved into PostgreSQL (as a bureau moves) and searched again with the same words —
names, pinyin, initials, ID and phone fragments, odd input — and on PostgreSQL the search reads the
person_search_pieces index instead of every person."""
import pytest

from models import engine
from models.database_move import move_to_postgres
from models.db import open_database
from models.registry import save_person
from models.registry_search import PersonQuery, count_people, first_page, search_people, text_condition
from models.person import Person
from tests.conftest import _CREATED, pg_server
from tests.models.people import person_values

PEOPLE = [("王建国", "王小虎", "13904771234"), ("巴特尔", None, "0477-7654321"), ("王建军", None, "15847700000"),
          ("乌力吉", None, "18604770001"), ("张Amy", "Àmy张", None), ("李\\明", None, None), ("吉日嘎拉", "小虎", None)]
WORDS = ["建国", "王建", "小虎", "wjg", "WJG", "wangjianguo", "wang jian", "bte", "xh", "7654321", "0477",
         "1390477", "152727", "198", "x", "150626", "0477-765", "王建%", "王_建", "%%", "amy", "AMY", "Am", "àmy",
         "Àmy", "àm", "张A", "李\\", "\\明", "吉日", "日嘎拉", "王 建", "巴特尔乌力吉", "zz", "张a"]


def _found(words) -> dict:
    found = {}
    for text in words:
        try:
            total, rows = first_page(PersonQuery(text=text), limit=2)
        except Exception as exc:  # a refused query must be refused the same way on both engines
            found[text] = type(exc).__name__
            continue
        names = sorted(r["name"] for r in search_people(PersonQuery(text=text)))
        found[text] = (total, count_people(PersonQuery(text=text)), names, [r["name"] for r in rows])
    return found


@pytest.mark.sqlite_only("it moves an SQLite station into PostgreSQL itself")
def test_the_same_words_find_the_same_people_in_sqlite_and_after_the_move_to_postgres(station, actor):
    for n, (name, former, phone) in enumerate(PEOPLE):
        save_person(None, person_values(n if n != 3 else 14, name=name, former_name=former, phone=phone),
                    actor=actor)
    x_ending = Person.get(Person.name == "乌力吉").id_number
    assert x_ending.endswith("X")
    words = WORDS + [x_ending[10:].lower(), x_ending[12:]]
    in_sqlite = _found(words)
    assert in_sqlite["建国"][2] == ["王建国"] and in_sqlite["小虎"][2] == ["吉日嘎拉", "王建国"]
    assert in_sqlite["张a"][2] == in_sqlite["张A"][2] == ["张Amy"]  # ASCII letters match in either case
    assert in_sqlite["Àmy"][2] == ["张Amy"] and in_sqlite["àmy"][2] == []  # other letters exactly
    assert in_sqlite["李\\"][2] == ["李\\明"]
    server = pg_server()
    name = server.empty_database()
    _CREATED.append(name)
    from tests.pg_server import ROLE_PASSWORD

    move_to_postgres(station, engine.PostgresTarget(server.dsn(name)), ROLE_PASSWORD)
    open_database(station)
    assert engine.is_postgres()
    assert _found(words) == in_sqlite


def test_a_search_on_postgres_reads_the_pieces_index(station, on_postgres):
    if not on_postgres:
        pytest.skip("PostgreSQL only: pytest --engine=postgres")
    from models.db import db

    for text in ("建国", "wjg", "0477"):
        select = Person.select(Person.id).where(text_condition(text))
        sql, params = select.sql()
        with engine.searching(True):
            plan = "\n".join(r[0] for r in db.execute_sql("EXPLAIN " + sql, params).fetchall())
        assert "person_search_pieces" in plan, plan
