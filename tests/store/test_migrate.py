"""Upgrading a database that holds data: every row survives, a failure changes nothing."""

from __future__ import annotations

import functools
import stat

import pytest
from alembic import command
from sqlalchemy.exc import OperationalError

from facilitator.errors import MigrationError
from facilitator.store import sqlite_file
from facilitator.store.engine import make_engine, write_engine
from facilitator.store.migrate import alembic_config
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget
from tests.conftest import FROZEN_NOW
from tests.store.conftest import HEAD, NEXT, MigrationsCopy
from tests.store.sqlite_helpers import (
    all_rows,
    columns,
    file_of,
    row_counts,
    stored_revision,
    table_names,
)

# `team` is the table most rows cascade from (ON DELETE CASCADE): SQLite rebuilds a
# table by copying it and dropping the original, and with foreign keys on that drop
# deletes every member, meeting and everything below them.
REBUILD_TEAM = """
with op.batch_alter_table("team", recreate="always") as batch:
    batch.add_column(sa.Column("motto", sa.String(), nullable=True))
"""

HALF_DONE = """
op.create_table("scratch", sa.Column("id", sa.Integer(), primary_key=True))
op.add_column("team", sa.Column("motto", sa.String(), nullable=True))
op.execute("INSERT INTO scratch (id) VALUES (1)")
raise RuntimeError("the second half of this migration went wrong")
"""

ORPHANS = """
op.execute("DELETE FROM team")
"""


@pytest.mark.sqlite_only  # a SQLite file's migration (batch rebuilds, backups)
def test_rebuilding_team_keeps_every_row(
    demo_file: DatabaseTarget, migrations_copy: MigrationsCopy
) -> None:
    path = file_of(demo_file)
    migrations_copy.add(f"{NEXT}_rebuild_team.py", REBUILD_TEAM)
    before = all_rows(path)
    assert stored_revision(path) == HEAD
    assert before["member"] and before["meeting"] and before["evaluation_answer"]

    prepared = prepare_database(demo_file, script_location=migrations_copy.path)

    assert prepared.revision == NEXT
    assert prepared.upgraded_from == HEAD
    assert stored_revision(path) == NEXT
    assert "motto" in columns(path, "team")
    after = all_rows(path)
    assert all(row.pop("motto") is None for row in after["team"])
    assert after.pop("alembic_version") == [{"version_num": NEXT}]
    assert before.pop("alembic_version") == [{"version_num": HEAD}]
    assert after == before


@pytest.mark.sqlite_only  # a SQLite file's migration (batch rebuilds, backups)
def test_upgrade_backs_up_the_old_database_privately(
    demo_file: DatabaseTarget, migrations_copy: MigrationsCopy
) -> None:
    path = file_of(demo_file)
    migrations_copy.add(f"{NEXT}_rebuild_team.py", REBUILD_TEAM)
    before = all_rows(path)

    prepared = prepare_database(demo_file, script_location=migrations_copy.path)

    backups = list(path.parent.glob(f"{path.name}.backup-{HEAD}-*"))
    assert backups == [prepared.backup_path]
    backup = backups[0]
    assert stat.S_IMODE(backup.stat().st_mode) == 0o600
    assert all_rows(backup) == before


@pytest.mark.sqlite_only  # a SQLite file's migration (batch rebuilds, backups)
def test_rebuild_with_foreign_keys_on_loses_rows(
    demo_file: DatabaseTarget, migrations_copy: MigrationsCopy
) -> None:
    """The hazard the test above guards against, shown by running Alembic carelessly:
    dropping the old table cascades into its children's rows. Since the search index's
    triggers (0011) the cascade writes the index while the table is being dropped, and
    SQLite refuses the drop instead ("database table is locked"): either way, a careless
    rebuild does not keep the data."""
    path = file_of(demo_file)
    migrations_copy.add(f"{NEXT}_rebuild_team.py", REBUILD_TEAM)
    before = row_counts(path)
    config = alembic_config(migrations_copy.path)
    engine = make_engine(demo_file, foreign_keys=True)
    try:
        with write_engine(engine).connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        assert "locked" in str(error.orig)
        assert row_counts(path) == before  # refused and rolled back
        return
    finally:
        engine.dispose()

    after = row_counts(path)
    assert stored_revision(path) == NEXT
    assert after["team"] == before["team"]
    assert before["member"] > 0 and after["member"] == 0
    assert before["meeting"] > 0 and after["meeting"] == 0
    assert before["vote"] > 0 and after["vote"] == 0


@pytest.mark.sqlite_only  # a SQLite file's migration (batch rebuilds, backups)
def test_failed_migration_leaves_the_old_schema_and_data(
    demo_file: DatabaseTarget, migrations_copy: MigrationsCopy
) -> None:
    path = file_of(demo_file)
    migrations_copy.add(f"{NEXT}_half_done.py", HALF_DONE)
    before = all_rows(path)

    with pytest.raises(MigrationError) as raised:
        prepare_database(demo_file, script_location=migrations_copy.path)

    assert stored_revision(path) == HEAD
    assert "scratch" not in table_names(path)
    assert "motto" not in columns(path, "team")
    assert all_rows(path) == before
    [backup] = path.parent.glob(f"{path.name}.backup-{HEAD}-*")
    assert str(backup) in raised.value.sentence
    assert raised.value.sentence.endswith(".")
    assert all_rows(backup) == before


@pytest.mark.sqlite_only  # a SQLite file's migration (batch rebuilds, backups)
def test_migration_that_would_orphan_rows_is_rolled_back(
    demo_file: DatabaseTarget, migrations_copy: MigrationsCopy
) -> None:
    path = file_of(demo_file)
    migrations_copy.add(f"{NEXT}_orphans.py", ORPHANS)
    before = all_rows(path)

    with pytest.raises(MigrationError, match="pointing nowhere"):
        prepare_database(demo_file, script_location=migrations_copy.path)

    assert stored_revision(path) == HEAD
    assert all_rows(path) == before


def test_second_attempt_in_the_same_second_is_not_a_crash(
    demo_file: DatabaseTarget,
    migrations_copy: MigrationsCopy,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    migrations_copy.add(f"{NEXT}_half_done.py", HALF_DONE)
    # Both attempts happen at the same moment, as far as the backup's name can tell.
    monkeypatch.setattr(
        sqlite_file, "backup", functools.partial(sqlite_file.backup, now=FROZEN_NOW)
    )
    with pytest.raises(MigrationError):
        prepare_database(demo_file, script_location=migrations_copy.path)

    with pytest.raises(MigrationError):
        prepare_database(demo_file, script_location=migrations_copy.path)
