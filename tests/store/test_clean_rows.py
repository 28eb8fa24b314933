"""Every row written through the ORM is stored without control characters, whatever path
it took (issue 15, defect 2: the backstop behind the services' own cleaning)."""

from __future__ import annotations

from facilitator.store.database import Database
from facilitator.store.tables import Member, Team, row_id
from tests.conftest import FROZEN_NOW


def stored(db: Database, sql: str) -> list[tuple[str, ...]]:
    with db.engine.connect() as connection:
        return [tuple(row) for row in connection.exec_driver_sql(sql)]


def test_new_and_changed_rows_lose_control_characters(db: Database) -> None:
    with db.write(now=FROZEN_NOW) as session:
        team = Team(name="Bad\x1b]0;pwned\x07 team", purpose="one\r\ntwo\x9b")
        session.add(team)
        session.flush()
        session.add(Member(team_id=row_id(team), name="Ana\x1b[2J", position="\tlead\n"))
    with db.write(now=FROZEN_NOW) as session:
        found = session.get(Team, row_id(team))
        assert found is not None
        found.purpose = "three\x08\x7f"

    assert stored(db, "SELECT name, purpose FROM team") == [("Bad]0;pwned team", "three")]
    assert stored(db, "SELECT name, position FROM member") == [("Ana[2J", "\tlead\n")]


def test_clean_text_is_stored_as_it_is(db: Database) -> None:
    text = "[bold]x[/] שלום \u202e 🎉\n\tindented"
    with db.write(now=FROZEN_NOW) as session:
        session.add(Team(name=text, purpose=text))

    assert stored(db, "SELECT name, purpose FROM team") == [(text, text)]
