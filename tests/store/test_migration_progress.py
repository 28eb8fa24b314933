"""An upgrade that takes a while says what it is doing: `prepare_database` announces it
once through `progress` when it is still running after `patience` seconds (0 here, so
no test waits on the clock), naming the search index when revision 0011 is to be run;
the command line prints that sentence on stderr."""

from __future__ import annotations

from pathlib import Path

import pytest
from alembic import command

from facilitator.store import prepare
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.migrate import alembic_config
from facilitator.store.prepare import prepare_database, upgrade_sentence
from facilitator.store.target import DatabaseTarget, sqlite_target
from tests.cli.inprocess import cli
from tests.conftest import db_argument

SEARCH_INDEX = "Updating the database (building the search index)…"


def downgrade_to(target: DatabaseTarget, revision: str) -> None:
    engine = make_engine(target, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, revision)
    finally:
        engine.dispose()


def older_demo(demo_db: Database, revision: str) -> DatabaseTarget:
    demo_db.dispose()
    downgrade_to(demo_db.target, revision)
    return demo_db.target


def test_building_the_search_index_is_announced(demo_db: Database) -> None:
    target = older_demo(demo_db, "0010")
    said: list[str] = []

    prepared = prepare_database(target, progress=said.append, patience=0)

    assert said == [SEARCH_INDEX]
    assert prepared.upgraded_from == "0010"


def test_an_upgrade_past_the_search_index_is_announced_plainly(demo_db: Database) -> None:
    target = older_demo(demo_db, "0011")
    said: list[str] = []

    prepare_database(target, progress=said.append, patience=0)

    assert said == ["Updating the database (indexing meetings by date)…"]


def test_a_quick_upgrade_says_nothing(demo_db: Database) -> None:
    target = older_demo(demo_db, "0010")
    said: list[str] = []

    prepare_database(target, progress=said.append, patience=3600)

    assert said == []


def test_a_database_up_to_date_says_nothing(demo_db: Database) -> None:
    demo_db.dispose()
    said: list[str] = []

    prepare_database(demo_db.target, progress=said.append, patience=0)

    assert said == []


def test_the_sentence_names_each_slow_revision_to_run() -> None:
    assert upgrade_sentence(["0010", "0011", "0012"]) == SEARCH_INDEX
    assert upgrade_sentence(["0013"]) == "Updating the database (compacting the search index)…"
    assert upgrade_sentence(["0009", "0010"]) == "Updating the database…"


@pytest.mark.sqlite_only
def test_making_a_new_database_says_nothing(tmp_path: Path) -> None:
    """Regression: a new database's tables were announced as "building the search
    index" when making them took over a second (seen under load in `serve`'s test)."""
    said: list[str] = []

    prepare_database(sqlite_target(tmp_path / "new.db"), progress=said.append, patience=0)

    assert said == []


def test_the_command_line_says_it_on_stderr(
    demo_db: Database, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    target = older_demo(demo_db, "0010")
    monkeypatch.setattr(prepare, "SLOW_UPGRADE_SECONDS", 0)

    result = cli(capsys, "--db", db_argument(target), "list", "--json")

    assert result.code == 0
    assert result.err == SEARCH_INDEX + "\n"
    assert result.out.startswith("[")
