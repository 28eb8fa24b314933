"""The minutes in every format the CLI and the app offer, as bytes ready for a file.

Each renderer is a pure function of the `Minutes` (see `facilitator.render`); this module
reads the meeting once and picks the renderer, so `facilitator export` and the app's
export form write the same file.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, tzinfo

from facilitator.domain.minutes import Minutes
from facilitator.pack.loader import Pack
from facilitator.services.minutes import meeting_minutes
from facilitator.store.database import Database


@dataclass(frozen=True)
class MinutesFormat:
    """A format: its name on the command line, what it is, and the file ending."""

    name: str
    label: str
    suffix: str


MINUTES_FORMATS = (
    MinutesFormat("md", "Markdown (.md)", ".md"),
    MinutesFormat("html", "Web page to print (.html)", ".html"),
    MinutesFormat("txt", "Plain text for e-mail (.txt)", ".txt"),
    MinutesFormat("eml", "E-mail draft to send (.eml)", ".eml"),
    MinutesFormat("ics", "Calendar: next meeting and due dates (.ics)", ".ics"),
    MinutesFormat("csv", "Action items for a spreadsheet (.csv)", ".csv"),
    MinutesFormat("json", "Everything, for `facilitator import` (.json)", ".json"),
)
FORMAT_NAMES = tuple(f.name for f in MINUTES_FORMATS)


def render_minutes(minutes: Minutes, *, fmt: str, tz: tzinfo | None, now: datetime) -> bytes:
    """The minutes as the file of format `fmt` (one of FORMAT_NAMES)."""
    if fmt == "md":
        from facilitator.render.minutes_markdown import minutes_markdown

        return minutes_markdown(minutes, tz).encode()
    if fmt == "html":
        from facilitator.render.minutes_html import minutes_html

        return minutes_html(minutes, tz).encode()
    if fmt == "txt":
        from facilitator.render.minutes_text import minutes_text

        return minutes_text(minutes, tz).encode()
    if fmt == "eml":
        from facilitator.render.minutes_mail import minutes_email

        return minutes_email(minutes, tz)
    if fmt == "ics":
        from facilitator.render.minutes_calendar import minutes_calendar

        return minutes_calendar(minutes, tz, stamp=now)
    if fmt == "csv":
        from facilitator.render.minutes_csv import action_items_csv

        return action_items_csv(minutes, tz).encode("utf-8-sig")  # Excel reads UTF-8 by its BOM
    if fmt == "json":
        from facilitator.render.minutes_json import minutes_json

        return minutes_json(minutes, exported_at=now).encode()
    raise ValueError(f"unknown minutes format {fmt!r}")


def export_minutes(
    db: Database, *, meeting_id: int, fmt: str, pack: Pack, tz: tzinfo | None, now: datetime
) -> bytes:
    """Read the meeting and render its minutes as `fmt`."""
    return render_minutes(
        meeting_minutes(db, meeting_id=meeting_id, pack=pack), fmt=fmt, tz=tz, now=now
    )


def suffix_of(fmt: str) -> str:
    return next(f.suffix for f in MINUTES_FORMATS if f.name == fmt)
