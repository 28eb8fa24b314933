"""`facilitator db copy --to URL_OR_PATH` (imported only once the command is known)."""

from __future__ import annotations

from facilitator.cli_output import say
from facilitator.store.target import DatabaseTarget


def db_copy(target: DatabaseTarget, *, to: str) -> int:
    """Copy the whole database at `target` to the empty database `to` names, and say
    how much went where; refusals and failures are FacilitatorErrors (one sentence)."""
    from facilitator.services.database_copy import copy_to

    copied = copy_to(target, to)
    tables = "table" if copied.tables == 1 else "tables"
    rows = "row" if copied.rows == 1 else "rows"
    say(
        f"Copied {copied.tables:,} {tables}, {copied.rows:,} {rows} to {copied.destination}; "
        "every table's count matches."
    )
    return 0
