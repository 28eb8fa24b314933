"""A meeting's action items as CSV, for a spreadsheet or a task tracker.

One header row, `meeting,date,item,what,owner,due,status`, then one row per action item
in the minutes' order (by agenda item, then those raised outside one). Written by the
standard `csv` module: cells with a comma, a quote or a line break are quoted, and lines
end in CRLF (RFC 4180).

Every row is an action item, so the minutes' evaluation section is not in this file:
its rows have other columns, and `facilitator evaluation --format csv` writes them
(`facilitator.render.evaluation`).

The text is returned without a byte-order mark. Excel reads a CSV file as UTF-8 only when
it starts with one, so whoever writes the file should put `CSV_BOM` first (or encode it
as "utf-8-sig"); other programs ignore it.

Spreadsheets run a cell that starts with `=`, `+`, `-` or `@` as a formula (and a tab or
carriage return can hide one), so a cell of the team's text that starts with one of those
gets a leading apostrophe, as OWASP advises against CSV injection: `=cmd()` is written
`'=cmd()`. The dates and statuses facilitator writes never start with one.
"""

from __future__ import annotations

import csv
import io
from datetime import tzinfo

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.minutes import ActionLine, Minutes

CSV_BOM = "\ufeff"
"""The byte-order mark to write before the CSV text so that Excel reads it as UTF-8."""

HEADER = ("meeting", "date", "item", "what", "owner", "due", "status")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""A cell starting with one of these gets an apostrophe first (OWASP, CSV injection)."""


def action_items_csv(minutes: Minutes, tz: tzinfo | None) -> str:
    """The minutes' action items as CSV text (header row first, CRLF line ends, no BOM).

    `date` is the day the meeting was held (planned for, if it has not been) on the
    wall clock of `tz`; `due` is YYYY-MM-DD or empty;
    `owner` is the owner's name, "owner to be decided" or empty; `item` is the agenda
    item's title, empty for an action raised outside one.
    """
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADER)
    day = meeting_day(minutes, tz).isoformat()
    meeting = safe_cell(minutes.title)
    for action in minutes.actions:
        item = minutes.item_title(action.agenda_item_id) or ""
        due = action.due.isoformat() if action.due else ""
        what = safe_cell(action.what)
        writer.writerow((meeting, day, safe_cell(item), what, _owner(action), due, action.status))
    return out.getvalue()


def safe_cell(text: str) -> str:
    """The team's text as a cell no spreadsheet runs as a formula."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _owner(action: ActionLine) -> str:
    if action.owner is not None:
        return safe_cell(action.owner.name)
    return "owner to be decided" if action.owner_to_be_decided else ""
