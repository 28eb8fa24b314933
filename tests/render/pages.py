"""Helpers for the Markdown, HTML, text and e-mail minutes tests: golden files, the text a
reader sees in rendered HTML, and a small minutes value with user text where it matters."""

from __future__ import annotations

import re
from datetime import UTC, date, datetime
from html.parser import HTMLParser

from facilitator.domain.meeting_view import Attendee, Person, RoleLine
from facilitator.domain.minutes import (
    ActionLine,
    DecisionLine,
    ItemRecord,
    Minutes,
    OptionLine,
    ParkingLine,
    Recipient,
)
from facilitator.domain.timer import Segment

# What a reader sees --------------------------------------------------------------------

BLOCKS = {"p", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "hr", "body"}


class _Reader(HTMLParser):
    """Collects the tags of an HTML page and the text its body shows."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.parts: list[str] = []
        self.in_body = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.in_body = self.in_body or tag == "body"
        if tag in BLOCKS or tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_body:
            self.parts.append(data.replace("\n", " "))  # a newline in HTML is a space


def read_html(page: str, *, whole_page: bool = False) -> tuple[str, list[str]]:
    """The text a browser shows for `page` (line breaks and block ends as one "\\n",
    spaces next to them dropped) and every tag in it. Without `whole_page`, `page` is a
    fragment, read as if it were a body."""
    reader = _Reader()
    reader.in_body = not whole_page
    reader.feed(page)
    reader.close()
    return lines_of("".join(reader.parts)), reader.tags


def lines_of(text: str) -> str:
    """`text` with each line break (and the spaces next to it) as one "\\n", trimmed."""
    return re.sub(r" *\n[ \n]*", "\n", text).strip()


# A small record --------------------------------------------------------------------------

START = datetime(2026, 11, 9, 15, 30, tzinfo=UTC)


def small_minutes(
    *,
    notes: str = "Talked it through.",
    outcome: str = "Approved.",
    what: str = "Write the report",
    parking: str = "Playground rota",
    name: str = "Ana Lima",
) -> Minutes:
    """A closed meeting with one item (notes, a decision, an action), a parking-lot entry
    and one attendee, with the given text in those places."""
    ana = Person(name, 11)
    decision = DecisionLine(
        id=1,
        question="Do we approve the budget?",
        method="majority",
        method_name="Majority voting",
        outcome=outcome,
        status="decided",
        agenda_item_id=3,
        options=(OptionLine("yes", chosen=True), OptionLine("no")),
    )
    action = ActionLine(id=7, what=what, owner=ana, due=date(2026, 11, 20), agenda_item_id=3)
    item = ItemRecord(
        id=3,
        position=0,
        title="Budget review",
        goal="Agree the budget.",
        kind="decision",
        presenter=ana,
        planned_minutes=20,
        segments=(Segment(START, datetime(2026, 11, 9, 15, 50, tzinfo=UTC)),),
        notes=notes,
        decisions=(decision,),
        actions=(action,),
    )
    return Minutes(
        meeting_id=1,
        team_name="Harbour Team",
        team_purpose="Every child reads.",
        title="November meeting",
        purpose="Settle the budget.",
        goals=("Agree the budget.",),
        scheduled_start=START,
        planned_minutes=60,
        location="Room 4",
        status="closed",
        started_at=START,
        ended_at=datetime(2026, 11, 9, 16, 30, tzinfo=UTC),
        closed_at=datetime(2026, 11, 9, 16, 31, tzinfo=UTC),
        corrected_at=None,
        sent_at=None,
        roles=(RoleLine(1, "custom", "Note taker", ana),),
        attendees=(Attendee(1, ana, "present"),),
        norms=("Start on time.",),
        items=(item,),
        parking=(ParkingLine(1, parking, ana, "resolved", "Settled."),),
        recipients=(Recipient(name, "ana@example.org"),),
    )
