"""Command-palette entries for teams and meetings, shown with their names literally."""

from __future__ import annotations

from datetime import date, tzinfo
from functools import partial
from typing import TYPE_CHECKING, cast

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.style import Style

from facilitator.domain.meeting_date import meeting_day
from facilitator.domain.text import short_day_label
from facilitator.ui.literal import clean

if TYPE_CHECKING:
    from facilitator.domain.overview import MeetingSummary
    from facilitator.ui.app import FacilitatorApp

MATCH_STYLE = Style(reverse=True)


class MeetingCommands(Provider):
    """ "Meeting: open <title>" for every meeting the home screen knows about."""

    @property
    def facilitator(self) -> FacilitatorApp:
        return cast("FacilitatorApp", self.app)

    def _entries(self) -> list[tuple[str, int]]:
        overview = self.facilitator.overview
        if overview is None:
            return []
        backend = self.facilitator.backend
        today = backend.now().astimezone(backend.tz).date()
        meetings = (*overview.upcoming, *overview.recent)
        return [
            (clean(f"Meeting: open {m.title} ({m.team_name}, {_day(m, backend.tz, today)})"), m.id)
            for m in meetings
        ]

    async def discover(self) -> Hits:
        for text, meeting_id in self._entries()[:5]:
            yield DiscoveryHit(
                Content(text), partial(self.facilitator.open_meeting, meeting_id), text=text
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for text, meeting_id in self._entries():
            score, offsets = matcher.fuzzy_search.match(query, text)
            if score > 0:
                display = Content(text)
                for offset in offsets:
                    display = display.stylize(MATCH_STYLE, offset, offset + 1)
                yield Hit(
                    score, display, partial(self.facilitator.open_meeting, meeting_id), text=text
                )


def _day(meeting: MeetingSummary, tz: tzinfo | None, today: date) -> str:
    """The meeting's day as the home screen says it: when held, else planned."""
    return short_day_label(meeting_day(meeting, tz), today)
