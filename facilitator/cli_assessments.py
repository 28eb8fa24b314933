"""`facilitator assessments --team NAME [--instrument ID] [--format md|csv|json]`: a
team's periodic self-assessments side by side (see `facilitator.render.self_assessment`).
Imported only once the command is known."""

from __future__ import annotations

from facilitator.cli_output import write_document
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget


def print_assessments(
    target: DatabaseTarget,
    *,
    team: str,
    instrument: str | None,
    fmt: str,
    create: bool = False,
) -> int:
    """Print team `team`'s (by its name) self-assessments as `fmt` (md, csv or json):
    every periodic instrument it has taken, or `instrument` alone."""
    from facilitator.pack.locate import load_default_pack
    from facilitator.render.self_assessment import (
        assessments_csv,
        assessments_json,
        assessments_markdown,
    )
    from facilitator.services.decision_log import team_named
    from facilitator.services.self_assessments import team_assessments
    from facilitator.store.database import Database

    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        found = team_assessments(
            database, team_id=team_named(database, team), pack=pack, instrument_id=instrument
        )
    finally:
        database.dispose()
    renderers = {"md": assessments_markdown, "csv": assessments_csv, "json": assessments_json}
    text = renderers[fmt](found)
    write_document((text if text.endswith("\n") else text + "\n").encode())
    return 0
