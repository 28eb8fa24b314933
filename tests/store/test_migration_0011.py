"""Revision 0011 builds the search index for what a database already holds: the demo,
taken back to 0010 (no index) and upgraded, finds its notes by their words."""

from __future__ import annotations

from alembic import command

from facilitator.services.search import search
from facilitator.store.database import Database
from facilitator.store.engine import make_engine
from facilitator.store.migrate import alembic_config, upgrade
from facilitator.store.target import DatabaseTarget


def downgrade_to_0010(target: DatabaseTarget) -> None:
    engine = make_engine(target, foreign_keys=False)
    config = alembic_config()
    try:
        with engine.connect() as connection, connection.begin():
            config.attributes["connection"] = connection
            command.downgrade(config, "0010")
    finally:
        engine.dispose()


def test_the_upgrade_indexes_a_populated_database(demo_db: Database) -> None:
    target = demo_db.target
    demo_db.dispose()
    downgrade_to_0010(target)

    upgrade(target)

    found = search(target, "norms aloud", as_you_type=False)
    assert ("note", "October leadership team meeting") in {
        (result.kind, result.meeting_title) for result in found.results
    }
