"""Copying a whole database: SQLite -> PostgreSQL -> SQLite keeps every row, id and
timestamp; a copy that goes wrong commits nothing."""

from __future__ import annotations

import hashlib
import shutil
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Connection, select, text

from facilitator.store import copy
from facilitator.store.copy import CopyError, app_tables, copy_database, same_database
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.prepare import prepare_database
from facilitator.store.search import is_search_index
from facilitator.store.tables import Meeting, Team, row_id
from facilitator.store.target import DatabaseTarget, resolve_target, sqlite_target
from tests.conftest import FROZEN_NOW
from tests.store.sqlite_helpers import table_names

Rows = dict[str, list[tuple[Any, ...]]]


@pytest.fixture
def demo_file(demo_seed: Path, tmp_path: Path) -> DatabaseTarget:
    """A SQLite file holding the demo teams (a copy of the session's demo database)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_seed, path)
    return sqlite_target(path)


def every_row(target: DatabaseTarget) -> Rows:
    """Every row of every table, read through the tables' column types, sorted."""
    engine = make_engine(target)
    try:
        with engine.connect() as connection:
            return {
                table.name: sorted(
                    (tuple(row) for row in connection.execute(select(table))), key=repr
                )
                for table in app_tables()
            }
    finally:
        engine.dispose()


def fresh(target: DatabaseTarget) -> DatabaseTarget:
    prepare_database(target, create=True)
    return target


def test_sqlite_to_postgresql_and_back_keeps_every_row(
    demo_file: DatabaseTarget, postgres: DatabaseTarget, tmp_path: Path
) -> None:
    original = every_row(demo_file)
    to_server = copy_database(demo_file, fresh(postgres))
    back = fresh(sqlite_target(tmp_path / "back.db"))
    to_file = copy_database(postgres, back, batch_rows=7)  # several batches a table

    assert every_row(postgres) == original
    assert every_row(back) == original
    assert to_server == to_file
    assert to_server.tables == len(app_tables())
    assert to_server.rows == sum(len(rows) for rows in original.values())
    assert dict(to_server.counts)["meeting"] == len(original["meeting"]) > 0


@contextmanager
def copied(source: DatabaseTarget, server: DatabaseTarget) -> Iterator[Connection]:
    """`source` copied to the empty `server` database, and a connection to the copy."""
    copy_database(source, fresh(server))
    engine = make_engine(server)
    try:
        with engine.connect() as connection:
            yield connection
    finally:
        engine.dispose()


def test_timestamps_come_back_from_postgresql_with_their_zone(
    demo_file: DatabaseTarget, postgres: DatabaseTarget
) -> None:
    with copied(demo_file, postgres) as connection:
        meetings = connection.execute(select(Meeting.__table__)).mappings().all()  # type: ignore[attr-defined]
    created = [row["created_at"] for row in meetings]
    assert created and all(
        isinstance(moment, datetime) and moment.utcoffset() is not None for moment in created
    )
    assert FROZEN_NOW in created


def test_a_copy_to_postgresql_leaves_its_tables_analyzed(
    demo_file: DatabaseTarget, postgres: DatabaseTarget
) -> None:
    """Regression: a copied server database had no planner statistics until autovacuum
    came round, and a search over 10,000 copied meetings read every note (1.8 s for
    one rare word) instead of using the text indexes."""
    with copied(demo_file, postgres) as connection:
        analyzed = connection.execute(
            text(
                "SELECT relname FROM pg_stat_user_tables"
                " WHERE last_analyze IS NOT NULL OR last_autoanalyze IS NOT NULL"
            )
        ).scalars()
        assert {"meeting", "note", "agenda_item"} <= set(analyzed)


def test_new_rows_on_postgresql_get_fresh_ids(
    demo_file: DatabaseTarget, postgres: DatabaseTarget
) -> None:
    with copied(demo_file, postgres) as connection:
        for table in app_tables():
            highest = connection.execute(text(f"SELECT MAX(id) FROM {table.name}")).scalar()
            following = connection.execute(
                text(f"SELECT nextval(pg_get_serial_sequence('{table.name}', 'id'))")
            ).scalar_one()
            assert following == (highest or 0) + 1, table.name
    database = Database(postgres)
    try:
        with database.write(now=FROZEN_NOW) as session:
            team = Team(name="Moved up")
            session.add(team)
            session.flush()
            session.add(
                Meeting(
                    team_id=row_id(team), title="First on the server", scheduled_start=FROZEN_NOW
                )
            )
        with database.read() as session:
            assert len(session.exec(select(Team)).all()) == 3  # type: ignore[call-overload]
    finally:
        database.dispose()


RANDOM = (2**52 + 12345, 2**53 - 7, 2**40 + 3)
"""Ids such as anonymous evaluation rows take (`RANDOM_IDS`), beyond a 32-bit INTEGER."""


def give_random_ids(target: DatabaseTarget) -> None:
    """Renumber a demo evaluation response (and its answers' link), an answer and a turn
    with random ids, as an anonymous evaluation stores them."""
    assert target.path is not None
    response, answer, turn = RANDOM
    with closing(sqlite3.connect(target.path)) as connection, connection:
        connection.execute(
            "UPDATE evaluation_answer SET response_id = ? WHERE response_id = 1", (response,)
        )
        connection.execute("UPDATE evaluation_response SET id = ? WHERE id = 1", (response,))
        connection.execute("UPDATE evaluation_answer SET id = ? WHERE id = 2", (answer,))
        connection.execute("UPDATE evaluation_turn SET id = ? WHERE id = 1", (turn,))


def test_random_ids_of_anonymous_rows_survive_and_sequences_go_on_below_them(
    demo_file: DatabaseTarget, postgres: DatabaseTarget, tmp_path: Path
) -> None:
    give_random_ids(demo_file)
    original = every_row(demo_file)
    copy_database(demo_file, fresh(postgres))
    back = fresh(sqlite_target(tmp_path / "back.db"))
    copy_database(postgres, back)
    assert every_row(postgres) == every_row(back) == original
    engine = make_engine(postgres)
    try:
        with engine.connect() as connection:
            for table, random_id in zip(
                ("evaluation_response", "evaluation_answer", "evaluation_turn"), RANDOM, strict=True
            ):
                ids = {row.id for row in connection.execute(text(f"SELECT id FROM {table}"))}
                following = connection.execute(
                    text(f"SELECT nextval(pg_get_serial_sequence('{table}', 'id'))")
                ).scalar_one()
                assert random_id in ids
                assert following == max(ids - {random_id}) + 1, table
    finally:
        engine.dispose()


def skipping(name: str) -> Any:
    """`_copy_table` that loses table `name`'s rows: a copy whose counts differ."""
    real = copy._copy_table

    def copy_table(reader: Any, writer: Any, table: Any, batch_rows: int) -> None:
        if table.name != name:
            real(reader, writer, table, batch_rows)

    return copy_table


def test_a_count_that_differs_names_the_table_and_commits_nothing(
    demo_file: DatabaseTarget, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    destination = fresh(sqlite_target(tmp_path / "copy.db"))
    monkeypatch.setattr(copy, "_copy_table", skipping("note"))
    with pytest.raises(CopyError, match=r"Table note would hold 0 rows .* holds 15 in the"):
        copy_database(demo_file, destination)
    assert all(not rows for rows in every_row(destination).values())


def test_a_count_that_differs_on_postgresql_commits_nothing(
    demo_file: DatabaseTarget, postgres: DatabaseTarget, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(copy, "_copy_table", skipping("vote"))
    with pytest.raises(CopyError, match="Table vote"):
        copy_database(demo_file, fresh(postgres))
    assert all(not rows for rows in every_row(postgres).values())


def test_a_row_pointing_nowhere_stops_the_copy_and_commits_nothing(
    demo_file: DatabaseTarget, tmp_path: Path
) -> None:
    assert demo_file.path is not None
    with sqlite3.connect(demo_file.path) as broken:  # foreign keys are off by default
        broken.execute("UPDATE note SET meeting_id = 9999 WHERE id = (SELECT MIN(id) FROM note)")
    broken.close()
    destination = fresh(sqlite_target(tmp_path / "copy.db"))
    with pytest.raises(CopyError, match="FOREIGN KEY constraint failed.*nothing was copied"):
        copy_database(demo_file, destination)
    assert all(not rows for rows in every_row(destination).values())


def test_a_destination_holding_rows_is_refused_inside_the_copy(
    demo_file: DatabaseTarget, demo_seed: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.db"
    shutil.copyfile(demo_seed, other)
    before = hashlib.sha256(other.read_bytes()).hexdigest()
    with pytest.raises(CopyError, match="already holds data"):
        copy_database(demo_file, sqlite_target(other))
    assert hashlib.sha256(other.read_bytes()).hexdigest() == before


def test_a_source_table_facilitator_does_not_know_is_not_left_behind(
    demo_file: DatabaseTarget, tmp_path: Path
) -> None:
    assert demo_file.path is not None
    with sqlite3.connect(demo_file.path) as extra:
        extra.execute("CREATE TABLE wiki (id INTEGER PRIMARY KEY)")
    extra.close()
    with pytest.raises(CopyError, match=r"does not know \(wiki\)"):
        copy_database(demo_file, fresh(sqlite_target(tmp_path / "copy.db")))


def test_every_table_the_migrations_make_is_copied(migrated_template: Path) -> None:
    # The search index (migration 0011) is not copied: the destination's triggers fill it.
    names = {name for name in table_names(migrated_template) if not is_search_index(name)}
    assert {table.name for table in app_tables()} == names - {"alembic_version"}
    order = [table.name for table in app_tables()]
    assert order.index("team") < order.index("meeting") < order.index("agenda_item")


def test_the_same_file_by_another_name_is_the_same_database(tmp_path: Path) -> None:
    path = tmp_path / "team.db"
    path.write_bytes(b"")
    (tmp_path / "link.db").symlink_to(path)
    first = sqlite_target(path)
    assert same_database(first, resolve_target(f"sqlite:///{path}", {}))
    assert same_database(first, sqlite_target(tmp_path / "link.db"))
    assert same_database(first, sqlite_target(tmp_path / "sub" / ".." / "team.db"))
    assert not same_database(first, sqlite_target(tmp_path / "other.db"))


def test_one_server_database_is_the_same_whoever_logs_in() -> None:
    def server(url: str) -> DatabaseTarget:
        return resolve_target(url, {})

    team = server("postgresql+psycopg://fac@/team?host=/tmp/pg")
    assert same_database(team, server("postgresql+psycopg://other:pw@/team?host=/tmp/pg"))
    assert not same_database(team, server("postgresql+psycopg://fac@/team2?host=/tmp/pg"))
    assert same_database(
        server("postgresql+psycopg://a@db.example:5432/team"),
        server("postgresql+psycopg://b:pw@DB.example/team"),
    )
    assert not same_database(team, sqlite_target(Path("/tmp/team")))
