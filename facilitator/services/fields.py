"""Checks shared by the services that take typed text: required text, lengths, names,
dates. Each problem is an InvalidInput naming the form field it belongs to. Text comes
out without control characters (see `facilitator.domain.clean`)."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from facilitator.domain.clean import clean_line, clean_text
from facilitator.domain.timeparse import Unreadable, parse_date
from facilitator.errors import InvalidInput
from facilitator.store.repo.teams import member_named
from facilitator.store.tables import row_id

TEXT_MAX = 2000
NAME_MAX = 120


def required(text: str, field: str, sentence: str) -> str:
    """`text` trimmed; `sentence` is the problem when nothing is left."""
    value = plain_text(text, field)
    if not value:
        raise InvalidInput({field: sentence})
    return value


def plain_text(text: str, field: str) -> str:
    """`text` trimmed, without control characters, within TEXT_MAX characters."""
    value = clean_text(text).strip()
    if len(value) > TEXT_MAX:
        raise InvalidInput({field: f"Keep this under {TEXT_MAX} characters."})
    return value


def name(text: str, field: str) -> str:
    """A person's name on one line, within NAME_MAX characters (may be empty)."""
    value = " ".join(clean_line(text).split())
    if len(value) > NAME_MAX:
        raise InvalidInput({field: f"Keep the name under {NAME_MAX} characters."})
    return value


def due(text: str, today: date, field: str = "due") -> date | None:
    """A due date as people type it ("Dec 14", "2026-12-14", "tomorrow", "fri"); None if
    empty."""
    if not text.strip():
        return None
    try:
        return parse_date(text, today=today)
    except Unreadable as error:
        raise InvalidInput({field: str(error)}) from None


def person(session: Session, team_id: int, who: str) -> tuple[int | None, str | None]:
    """(member id, None) for a member of the team called `who`, else (None, `who`) for
    someone outside it, or (None, None) for no one."""
    if not who:
        return None, None
    member = member_named(session, team_id=team_id, name=who)
    return (row_id(member), None) if member else (None, who)
