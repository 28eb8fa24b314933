"""Run Alembic migrations the safe way.

- Foreign keys are off while migrating: a batch migration on SQLite copies a table,
  drops the old one and renames the copy, and with foreign keys on the drop silently
  deletes every row that cascades from it.
- The whole upgrade is one transaction (transactional DDL), begun IMMEDIATE: if any step
  fails, the old schema and data are intact; a second process starting at the same time
  waits and then finds the work done.
- On SQLite, foreign keys are checked before committing, so a migration cannot leave
  rows pointing nowhere.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext

from facilitator.errors import (
    FacilitatorError,
    MigrationError,
)
from facilitator.store.engine import connect_engine, make_engine, reachable, write_engine
from facilitator.store.revisions import MIGRATIONS_DIR
from facilitator.store.target import DatabaseTarget


def alembic_config(script_location: Path | None = None) -> Config:
    """An Alembic configuration built in code (no alembic.ini needed at run time)."""
    config = Config()
    config.set_main_option("script_location", str(script_location or MIGRATIONS_DIR))
    return config


def upgrade(
    target: DatabaseTarget,
    *,
    script_location: Path | None = None,
    backup_path: Path | None = None,
) -> None:
    """Bring the schema at `target` to the newest revision in one transaction."""
    config = alembic_config(script_location)
    engine = make_engine(target, foreign_keys=False)
    try:
        with write_engine(engine).connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
            if target.is_sqlite:
                broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise MigrationError(
                        f"Upgrading the database would leave {len(broken)} rows pointing "
                        f"nowhere, so it was left as it was{_backup_note(backup_path)}."
                    )
    except FacilitatorError:
        raise
    except Exception as error:  # any failure inside a migration script
        raise MigrationError(
            f"Upgrading the database failed ({type(error).__name__}); it was left as "
            f"it was{_backup_note(backup_path)}."
        ) from error
    finally:
        engine.dispose()


def current_revision(target: DatabaseTarget) -> str | None:
    """The revision recorded in a database reached by URL (PostgreSQL)."""
    return server_state(target)[0]


def server_state(target: DatabaseTarget) -> tuple[str | None, str]:
    """The revision recorded in a database reached by URL, and the server's name and
    version ("PostgreSQL 15.18")."""
    engine = connect_engine(target)
    try:
        with reachable(target), engine.connect() as connection:
            revision = MigrationContext.configure(connection).get_current_revision()
            version = connection.exec_driver_sql("SHOW server_version").scalar_one()
            return revision, f"PostgreSQL {str(version).split()[0]}"
    finally:
        engine.dispose()


def _backup_note(backup_path: Path | None) -> str:
    return f" (a copy from before the upgrade is at {backup_path})" if backup_path else ""
