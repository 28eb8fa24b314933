"""Preparing a database file: create it privately, refuse what is not ours, leave it alone."""

from __future__ import annotations

import sqlite3
import stat
from contextlib import closing
from pathlib import Path

import pytest

from facilitator.errors import (
    DatabaseLocationError,
    MissingDatabaseError,
    NewerDatabaseError,
    NotADatabaseError,
)
from facilitator.store import sqlite_file
from facilitator.store.database import Database
from facilitator.store.prepare import Prepared, prepare_database
from facilitator.store.revisions import head_revision
from facilitator.store.tables import Team
from facilitator.store.target import DatabaseTarget, sqlite_target
from tests.conftest import FROZEN_NOW
from tests.store.sqlite_helpers import (
    assert_one_sentence,
    file_of,
    sha256,
    stored_revision,
    table_names,
)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def listing(folder: Path) -> dict[str, str]:
    """Every file in `folder` with a fingerprint of its bytes."""
    return {entry.name: sha256(entry) for entry in sorted(folder.iterdir()) if entry.is_file()}


def make_foreign_database(path: Path) -> None:
    """A SQLite database some other program made: its own tables, no alembic_version."""
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("CREATE TABLE recipe (id INTEGER PRIMARY KEY, name TEXT)")
        connection.execute("INSERT INTO recipe (name) VALUES ('bread')")
        connection.commit()


@pytest.mark.usefixtures("umask_022")
def test_new_database_file_is_0600_in_a_new_0700_directory(tmp_path: Path) -> None:
    """The default location is made with its folders (the only one that is)."""
    path = tmp_path / "data" / "facilitator.db"

    prepared = prepare_database(sqlite_target(path, default=True))

    assert prepared == Prepared(revision=head_revision(), created=True)
    assert mode(path) == 0o600
    assert mode(path.parent) == 0o700
    assert stored_revision(path) == head_revision()


@pytest.mark.usefixtures("umask_022")
def test_existing_directory_keeps_its_mode(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    shared.chmod(0o755)

    prepare_database(sqlite_target(shared / "facilitator.db"))

    assert mode(shared) == 0o755
    assert mode(shared / "facilitator.db") == 0o600


@pytest.mark.usefixtures("umask_022")
def test_missing_parent_directories_are_owner_only_too(tmp_path: Path) -> None:
    path = tmp_path / "share" / "facilitator" / "facilitator.db"

    prepare_database(sqlite_target(path, default=True))

    assert mode(path.parent) == 0o700
    assert mode(path.parent.parent) == 0o700


def test_second_prepare_is_a_no_op(tmp_path: Path) -> None:
    target = sqlite_target(tmp_path / "facilitator.db")
    prepare_database(target)
    before = sha256(file_of(target))

    again = prepare_database(target)

    assert again == Prepared(revision=head_revision())
    assert sha256(file_of(target)) == before
    assert list(tmp_path.glob("*.backup-*")) == []


def test_empty_file_is_treated_as_a_new_database(tmp_path: Path) -> None:
    path = tmp_path / "facilitator.db"
    path.touch()

    prepared = prepare_database(sqlite_target(path))

    assert prepared.revision == head_revision()
    assert prepared.upgraded_from is None
    assert prepared.backup_path is None
    assert "team" in table_names(path)
    assert list(tmp_path.glob("*.backup-*")) == []


def test_file_that_is_not_sqlite_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("hello", encoding="utf-8")
    before = listing(tmp_path)

    with pytest.raises(NotADatabaseError) as raised:
        prepare_database(sqlite_target(path))

    assert_one_sentence(raised.value.sentence, path)
    assert listing(tmp_path) == before


def test_file_that_starts_like_sqlite_but_is_garbage_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "broken.db"
    path.write_bytes(b"SQLite format 3\x00" + b"\x07" * 200)
    before = listing(tmp_path)

    with pytest.raises(NotADatabaseError) as raised:
        prepare_database(sqlite_target(path))

    assert str(path) in raised.value.sentence
    assert listing(tmp_path) == before


def test_sqlite_database_that_is_not_ours_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "recipes.db"
    make_foreign_database(path)
    before = listing(tmp_path)

    with pytest.raises(NotADatabaseError) as raised:
        prepare_database(sqlite_target(path))

    assert_one_sentence(raised.value.sentence, path)
    assert listing(tmp_path) == before


def test_directory_given_as_the_database_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "facilitator.db"
    folder.mkdir()

    with pytest.raises(DatabaseLocationError) as raised:
        prepare_database(sqlite_target(folder))

    assert_one_sentence(raised.value.sentence, folder)
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("below", ["facilitator.db", "deeper/facilitator.db"])
def test_location_under_a_regular_file_is_refused(tmp_path: Path, below: str) -> None:
    blocker = tmp_path / "data"
    blocker.write_text("not a directory", encoding="utf-8")
    before = listing(tmp_path)
    path = blocker / below

    with pytest.raises(DatabaseLocationError) as raised:
        prepare_database(sqlite_target(path))

    assert_one_sentence(raised.value.sentence, path)
    assert listing(tmp_path) == before


@pytest.mark.sqlite_only  # the file's bytes
def test_database_from_a_newer_facilitator_is_refused_untouched(target: DatabaseTarget) -> None:
    path = file_of(target)
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("UPDATE alembic_version SET version_num = '9999'")
        connection.commit()
    before = sha256(path)

    with pytest.raises(NewerDatabaseError) as raised:
        prepare_database(target)

    assert_one_sentence(raised.value.sentence, path)
    assert "9999" in raised.value.sentence
    assert sha256(path) == before
    assert list(path.parent.glob("*.backup-*")) == []


@pytest.mark.parametrize("folder", ["with space", "at@sign", "semi;colon", "colon:x"])
def test_paths_with_unusual_characters_work(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "facilitator.db"
    path.parent.mkdir()
    target = sqlite_target(path)
    prepare_database(target)
    database = Database(target)
    with database.write(now=FROZEN_NOW) as session:
        session.add(Team(name="Stored here"))
    database.dispose()

    with closing(sqlite3.connect(path)) as connection:
        names = [row[0] for row in connection.execute("SELECT name FROM team")]
    assert names == ["Stored here"]
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("folder", ["team #3", "what?"])
def test_foreign_database_under_uri_characters_is_left_alone(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "recipes.db"
    path.parent.mkdir()
    make_foreign_database(path)
    before = sha256(path)

    with pytest.raises(NotADatabaseError):
        prepare_database(sqlite_target(path))

    assert sha256(path) == before
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [folder]


@pytest.mark.parametrize("folder", ["what?", "a%41b"])
def test_new_database_under_uri_characters_is_created_there(tmp_path: Path, folder: str) -> None:
    path = tmp_path / folder / "facilitator.db"
    path.parent.mkdir()

    prepare_database(sqlite_target(path))

    assert stored_revision(path) == head_revision()
    assert sorted(entry.name for entry in tmp_path.iterdir()) == [folder]


def test_a_path_in_a_missing_folder_is_refused_unless_it_is_the_default(tmp_path: Path) -> None:
    """Regression (issue 15, defect 3): a mistyped --db made its folders and a database."""
    path = tmp_path / "nonexistent" / "dir" / "x.db"

    with pytest.raises(DatabaseLocationError) as raised:
        prepare_database(sqlite_target(path))

    assert_one_sentence(raised.value.sentence, path)
    assert "does not exist" in raised.value.sentence
    assert list(tmp_path.iterdir()) == []


def test_a_command_that_only_reads_creates_nothing(tmp_path: Path) -> None:
    """Regression (issue 15, defect 3): `list` on a missing file made an empty database."""
    path = tmp_path / "missing.db"

    with pytest.raises(MissingDatabaseError) as raised:
        prepare_database(sqlite_target(path), create=False)

    assert raised.value.sentence.startswith(f"No database at {path}; check the path")
    assert list(tmp_path.iterdir()) == []


def make_wal_database(path: Path) -> None:
    with closing(sqlite3.connect(path)) as connection:
        connection.execute("PRAGMA journal_mode = WAL")
        connection.execute("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
        connection.execute("INSERT INTO alembic_version VALUES ('9999')")
        connection.commit()


def test_reading_a_wal_database_leaves_nothing_beside_it(tmp_path: Path) -> None:
    """Regression (issue 15, defect 3): a read-only open of a WAL database made empty
    -wal and -shm files beside a file refused as too new."""
    path = tmp_path / "newer.db"
    make_wal_database(path)
    before = listing(tmp_path)

    assert sqlite_file.read_revision(path) == ("9999", False)
    assert sqlite_file.integrity_check(path) == "ok"
    with pytest.raises(NewerDatabaseError):
        prepare_database(sqlite_target(path))

    assert listing(tmp_path) == before


def test_a_database_in_use_is_read_with_its_log(tmp_path: Path) -> None:
    """While another connection has it open (its -wal and -shm exist), what waits in the
    log is read too."""
    path = tmp_path / "busy.db"
    make_wal_database(path)
    with closing(sqlite3.connect(path)) as writer:
        writer.execute("PRAGMA wal_autocheckpoint = 0")
        writer.execute("UPDATE alembic_version SET version_num = '0001'")
        writer.commit()

        assert sqlite_file.read_revision(path) == ("0001", False)
