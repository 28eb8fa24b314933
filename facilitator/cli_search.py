"""`facilitator search QUERY [--team NAME] [--limit N] [--json]`.

Only argparse is imported up front (the parser is built for every command); the search
itself imports the store when it runs.
"""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from facilitator.store.target import DatabaseTarget

DEFAULT_LIMIT = 50
"""As `facilitator.services.search.DEFAULT_LIMIT` (not imported: it loads the store)."""
MAX_LIMIT = 10_000


def add_search_command(commands: argparse._SubParsersAction[Any], common: Any) -> None:
    """Register `search` on the command's subparsers."""
    searching = commands.add_parser(
        "search",
        parents=[common],
        help="find meetings, notes, decisions, action items... by their words, newest first",
    )
    searching.add_argument(
        "query",
        metavar="QUERY",
        help='words to find; "a phrase" in quotes; -word leaves out records holding it',
    )
    searching.add_argument("--team", metavar="NAME", help="only this team's meetings")
    searching.add_argument(
        "--limit",
        metavar="N",
        type=_limit,
        default=DEFAULT_LIMIT,
        help=f"show at most N results (default: {DEFAULT_LIMIT})",
    )
    searching.add_argument("--json", action="store_true", help="print JSON instead of text")
    searching.set_defaults(creates=False)


def _limit(text: str) -> int:
    """`--limit`: a whole number from 1 to MAX_LIMIT."""
    if not text.isdigit() or not 1 <= int(text) <= MAX_LIMIT:
        raise argparse.ArgumentTypeError(f"give a number from 1 to {MAX_LIMIT}, not {text!r}")
    return int(text)


def print_search(
    target: DatabaseTarget,
    query: str,
    *,
    team: str | None,
    limit: int,
    as_json: bool,
    create: bool = False,
) -> int:
    """Print what every active team's meetings (or team `team`'s) hold matching `query`,
    newest first, as text or JSON. A query holding no word is a sentence on stderr
    (exit 1); so is an unknown team (a FacilitatorError, printed by the command)."""
    from facilitator.cli_output import complain, say
    from facilitator.render.search_results import results_as_json, results_as_text
    from facilitator.services.search import search
    from facilitator.store.prepare import prepare_database

    prepare_database(target, create=create)
    found = search(target, query, team=team, limit=limit, tz=None, as_you_type=False)
    if found.message is not None:
        complain(f"facilitator: {found.message}")
        return 1
    say(results_as_json(found) if as_json else results_as_text(found))
    return 0
