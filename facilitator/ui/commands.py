"""Command-palette entries for meetings, shown with their names literally.

Every meeting of every active team can be found, not only those the home screen lists:
each search asks the database (in a thread, with a limit), so a school's ten thousand
meetings cost the palette no more than ten.
"""

from __future__ import annotations

import asyncio
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from facilitator.domain.text import day_label
from facilitator.errors import FacilitatorError
from facilitator.ui.literal import clean

if TYPE_CHECKING:
    from facilitator.domain.meeting_search import MeetingMatch
    from facilitator.ui.app import FacilitatorApp

MATCH_STYLE = Style(reverse=True)
DISCOVERY_COUNT = 5
"""Meetings offered before anything is typed: the latest."""
WORD_MATCH_SCORE = 0.5
"""The score of a meeting holding every word, but not in the order the palette's fuzzy
matcher needs ("team december"); it ranks below the ordered matches."""


def entry_text(match: MeetingMatch) -> str:
    """ "Meeting: open <title> (<team> · <day>)": the day tells apart meetings that share
    a title (every month's "Leadership team meeting")."""
    return clean(f"Meeting: open {match.title} ({match.team_name} · {day_label(match.day)})")


class MeetingCommands(Provider):
    """ "Meeting: open <title> (<team> · <day>)" for every meeting of every active team."""

    @property
    def facilitator(self) -> FacilitatorApp:
        return cast("FacilitatorApp", self.app)

    async def _matches(self, query: str, limit: int | None = None) -> list[MeetingMatch]:
        """The database's matches, read in a thread so typing never waits for it."""
        from facilitator.services.meeting_search import PALETTE_LIMIT, search_meetings

        backend = self.facilitator.backend
        find = partial(search_meetings, backend.target, query, tz=backend.tz)
        try:
            return await asyncio.to_thread(find, limit=limit or PALETTE_LIMIT)
        except FacilitatorError:
            return []  # the database is busy or gone: the palette still offers actions

    def _open(self, match: MeetingMatch) -> partial[None]:
        return partial(self.facilitator.open_meeting, match.id, status=match.status)

    async def discover(self) -> Hits:
        for match in await self._matches("", DISCOVERY_COUNT):
            text = entry_text(match)
            yield DiscoveryHit(Content(text), self._open(match), text=text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for match in await self._matches(query):
            text = entry_text(match)
            score, offsets = matcher.fuzzy_search.match(query, text)
            display = Content(text)
            for offset in offsets:
                display = display.stylize(MATCH_STYLE, offset, offset + 1)
            yield Hit(score or WORD_MATCH_SCORE, display, self._open(match), text=text)
