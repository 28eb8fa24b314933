"""`copy_to`: every refusal comes before anything is written, and leaves the
destination exactly as it was."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from facilitator.errors import DatabaseLocationError, DatabaseURLError, FacilitatorError
from facilitator.services.database_copy import copy_to
from facilitator.store.copy import CopyError
from facilitator.store.target import DatabaseTarget, sqlite_target


@pytest.fixture
def demo_file(demo_seed: Path, tmp_path: Path) -> DatabaseTarget:
    """A SQLite file holding the demo teams (a copy of the session's demo database)."""
    path = tmp_path / "demo.db"
    shutil.copyfile(demo_seed, path)
    return sqlite_target(path)


def fingerprints(folder: Path) -> dict[str, str]:
    """Each file in `folder` with a hash of its bytes."""
    return {
        entry.name: hashlib.sha256(entry.read_bytes()).hexdigest()
        for entry in sorted(folder.iterdir())
        if entry.is_file()
    }


def test_copies_to_a_new_file_in_a_folder_that_exists(
    demo_file: DatabaseTarget, tmp_path: Path
) -> None:
    copied = copy_to(demo_file, str(tmp_path / "new.db"))
    assert copied.destination == str(tmp_path / "new.db")
    assert copied.tables > 20
    assert copied.rows > 400


def test_a_destination_file_holding_rows_is_refused_and_left_untouched(
    demo_file: DatabaseTarget, demo_seed: Path, tmp_path: Path
) -> None:
    folder = tmp_path / "theirs"
    folder.mkdir()
    shutil.copyfile(demo_seed, folder / "team.db")
    before = fingerprints(folder)
    with pytest.raises(CopyError) as refused:
        copy_to(demo_file, str(folder / "team.db"))
    assert "already holds data (table team has rows)" in refused.value.sentence
    assert fingerprints(folder) == before  # nothing written, nothing beside it


def test_a_file_from_an_older_facilitator_holding_rows_is_refused_before_migrating(
    demo_file: DatabaseTarget, tmp_path: Path
) -> None:
    import sqlite3

    older = tmp_path / "older"
    older.mkdir()
    with sqlite3.connect(older / "team.db") as connection:
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32))")
        connection.execute("INSERT INTO alembic_version VALUES ('0001')")
        connection.execute("CREATE TABLE team (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO team VALUES (1, 'Ours')")
    connection.close()
    before = fingerprints(older)
    with pytest.raises(CopyError, match="already holds data"):
        copy_to(demo_file, str(older / "team.db"))
    assert fingerprints(older) == before  # no upgrade, no backup beside it


def test_copying_a_database_onto_itself_is_refused(demo_file: DatabaseTarget) -> None:
    assert demo_file.path is not None
    before = demo_file.path.read_bytes()
    with pytest.raises(CopyError, match="is the database being copied"):
        copy_to(demo_file, f"sqlite:///{demo_file.path}")
    assert demo_file.path.read_bytes() == before


def test_a_missing_source_is_named_and_nothing_is_made(tmp_path: Path) -> None:
    with pytest.raises(FacilitatorError, match="No database at"):
        copy_to(sqlite_target(tmp_path / "missing.db"), str(tmp_path / "new.db"))
    assert not (tmp_path / "new.db").exists()


def test_a_bad_destination_is_named_as_to(demo_file: DatabaseTarget) -> None:
    with pytest.raises(DatabaseURLError, match="^--to is empty"):
        copy_to(demo_file, " ")
    with pytest.raises(DatabaseURLError, match="^--to names the 'mysql' backend"):
        copy_to(demo_file, "mysql://someone@host/team")


def test_an_unreachable_server_is_one_sentence_without_the_password(
    demo_file: DatabaseTarget,
) -> None:
    with pytest.raises(DatabaseLocationError) as refused:
        copy_to(demo_file, "postgresql+psycopg://fac:s3cret-pw@127.0.0.1:1/team")
    sentence = refused.value.sentence
    assert sentence.startswith("Cannot reach the database at postgresql+psycopg://fac:***@")
    assert "s3cret-pw" not in sentence
    assert "\n" not in sentence


def test_a_server_database_holding_rows_is_refused(
    demo_file: DatabaseTarget, postgres: DatabaseTarget
) -> None:
    first = copy_to(demo_file, postgres.url)
    assert first.destination == postgres.display
    with pytest.raises(CopyError, match="already holds data"):
        copy_to(demo_file, postgres.url)


def test_a_server_database_that_does_not_exist_is_named(
    demo_file: DatabaseTarget, postgres: DatabaseTarget
) -> None:
    missing = make_url(postgres.url).set(database="no_such_database").render_as_string(False)
    with pytest.raises(DatabaseLocationError, match="does not exist"):
        copy_to(demo_file, missing)


def test_a_destination_that_is_not_a_database_is_refused_and_left_alone(
    demo_file: DatabaseTarget, tmp_path: Path
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n")
    with pytest.raises(FacilitatorError, match="is not a SQLite database"):
        copy_to(demo_file, str(notes))
    assert notes.read_text() == "not a database\n"
