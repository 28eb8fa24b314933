"""Alembic environment for facilitator's schema.

The app runs migrations through `facilitator.store.migrate`, which hands over a
connection that is already inside a BEGIN IMMEDIATE transaction with foreign keys off.
Developers can also run Alembic directly to write a revision:

    alembic -c facilitator/store/migrations/alembic.ini -x db=scratch.db upgrade head
    alembic -c facilitator/store/migrations/alembic.ini -x db=scratch.db \\
        revision --autogenerate -m "what changed"
"""

from __future__ import annotations

import os

from alembic import context
from sqlalchemy.engine import Connection

from facilitator.store.migrations.env_filter import include_object
from facilitator.store.migrations.render import render_item
from facilitator.store.tables import metadata


def run_with(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=metadata,
        render_as_batch=True,  # SQLite alters tables by copying them
        transactional_ddl=True,  # a failed upgrade leaves the old schema intact
        compare_type=True,
        render_item=render_item,
        include_object=include_object,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_from_command_line() -> None:
    from facilitator.store.engine import make_engine
    from facilitator.store.target import resolve_target

    db = context.get_x_argument(as_dictionary=True).get("db")
    engine = make_engine(resolve_target(db, os.environ), foreign_keys=False)
    with engine.connect() as connection:
        run_with(connection)
        connection.commit()


given = context.config.attributes.get("connection")
if given is None:
    run_from_command_line()
else:
    run_with(given)
