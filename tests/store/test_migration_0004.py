"""Revision 0004 (decisions recorded by their method) keeps what a 0003 database held:
new columns take their defaults, and a vote that blocked consensus says "block"."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import sqlalchemy as sa
from alembic import command

from facilitator.store.migrate import alembic_config, upgrade
from facilitator.store.target import sqlite_target

AT = "'2026-01-01 00:00:00'"


def database_at_0003(path: Path) -> None:
    engine = sa.create_engine(f"sqlite:///{path}")
    config = alembic_config()
    with engine.connect() as connection, connection.begin():
        config.attributes["connection"] = connection
        command.upgrade(config, "0003")
    engine.dispose()
    with sqlite3.connect(path) as db:
        db.execute(
            "INSERT INTO team (id, name, purpose, created_at, updated_at)"
            f" VALUES (1, 'T', '', {AT}, {AT})"
        )
        db.execute(
            "INSERT INTO meeting (id, team_id, title, purpose, goals, scheduled_start,"
            " planned_minutes, location, status, created_at, updated_at)"
            f" VALUES (1, 1, 'M', '', '', {AT}, 60, '', 'planned', {AT}, {AT})"
        )
        db.execute(
            "INSERT INTO decision (id, meeting_id, question, method, outcome, status,"
            f" created_at, updated_at) VALUES (1, 1, 'Q?', 'consensus', '', 'open', {AT}, {AT})"
        )
        db.execute(
            "INSERT INTO decision_option (id, decision_id, position, text, chosen,"
            f" created_at, updated_at) VALUES (1, 1, 0, 'Plan A', 0, {AT}, {AT})"
        )
        for vote_id, blocks in ((1, 1), (2, 0)):
            db.execute(
                "INSERT INTO vote (id, decision_id, option_id, points, blocks, note,"
                f" created_at, updated_at) VALUES (?, 1, 1, 1, ?, '', {AT}, {AT})",
                (vote_id, blocks),
            )


def test_a_0003_database_upgrades_with_its_decisions(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    database_at_0003(path)
    upgrade(sqlite_target(path))
    with sqlite3.connect(path) as db:
        decision = db.execute(
            "SELECT method_reason, voting_round, anonymous, rationale, review_on, quorum "
            "FROM decision"
        ).fetchone()
        option = db.execute("SELECT voting_round, gives FROM decision_option").fetchone()
        votes = db.execute("SELECT id, choice, voting_round FROM vote ORDER BY id").fetchall()
        item_columns = {row[1] for row in db.execute("PRAGMA table_info(agenda_item)")}
    assert decision == ("", 1, 0, "", None, None)
    assert option == (1, "")
    assert votes == [(1, "block", 1), (2, None, 1)]
    assert {"decision_method", "continuum_point"} <= item_columns
