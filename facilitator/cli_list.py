"""`facilitator list [--json] [--limit N | --all]`.

Text is for a person: the latest TEXT_LIMIT meetings by default (oldest first, as the
whole list is ordered), then a line saying how many earlier ones there are. JSON is for
programs that already read every meeting from it, so it keeps printing every meeting
unless `--limit` is given; it is streamed a meeting at a time, in constant memory
however many meetings there are.

Only argparse is imported up front; the listing imports the store when it runs.
"""

from __future__ import annotations

import argparse
from contextlib import closing
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from facilitator.store.database import Database
    from facilitator.store.target import DatabaseTarget

TEXT_LIMIT = 100
"""How many meetings the text list shows without `--limit` or `--all`."""


def add_list_command(commands: argparse._SubParsersAction[Any], common: Any) -> None:
    """Register `list` on the command's subparsers."""
    listing = commands.add_parser("list", parents=[common], help="list meetings")
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    how_many = listing.add_mutually_exclusive_group()
    how_many.add_argument(
        "--limit",
        metavar="N",
        type=int,
        help=f"only the latest N meetings (default: {TEXT_LIMIT} as text, all as JSON)",
    )
    how_many.add_argument("--all", action="store_true", help="every meeting, as text too")
    listing.set_defaults(creates=False)


def list_meetings(
    target: DatabaseTarget,
    *,
    as_json: bool,
    limit: int | None = None,
    every: bool = False,
    create: bool = False,
) -> int:
    """Print the meetings, oldest first: as text, the latest `limit` (TEXT_LIMIT unless
    `every`); as JSON, every meeting unless `limit` is given."""
    from facilitator.errors import InvalidInput
    from facilitator.store.database import Database
    from facilitator.store.prepare import prepare_database

    if limit is not None and limit < 1:
        raise InvalidInput({"limit": f"--limit takes a number of 1 or more, not {limit}."})
    if limit is None and not every and not as_json:
        limit = TEXT_LIMIT
    prepare_database(target, create=create)
    database = Database(target)
    try:
        if limit is None:
            _print_every_meeting(database, as_json=as_json)
        else:
            _print_latest(database, limit=limit, as_json=as_json)
    finally:
        database.dispose()
    return 0


def _print_every_meeting(database: Database, *, as_json: bool) -> None:
    from facilitator.cli_output import say
    from facilitator.render.meeting_list import meetings_as_json_lines, meetings_as_text
    from facilitator.services.meetings import stream_meetings

    with closing(stream_meetings(database)) as meetings:
        if not as_json:
            # Aligned columns need every row's width first; the rows are plain values.
            say(meetings_as_text(list(meetings), None))
            return
        for piece in meetings_as_json_lines(meetings, None):
            say(piece)


def _print_latest(database: Database, *, limit: int, as_json: bool) -> None:
    from facilitator.cli_output import say
    from facilitator.render.meeting_list import (
        meetings_as_json,
        meetings_as_text,
        more_meetings_line,
    )
    from facilitator.services.meetings import latest_meetings

    shown, total = latest_meetings(database, limit=limit)
    if as_json:
        say(meetings_as_json(shown, None))
        return
    say(meetings_as_text(shown, None))
    if total > len(shown):
        say(more_meetings_line(total - len(shown)))
