"""The agenda a school hands out: Markdown and plain text of the demo's December meeting,
user text shown literally by a CommonMark viewer, and the plain text's shape."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token
from sqlmodel import select

from facilitator.domain.markdown_escape import one_line
from facilitator.domain.meeting_view import (
    AgendaLine,
    MeetingPlan,
    Person,
    RoleLine,
    StepLine,
    start_times,
)
from facilitator.pack.loader import Pack
from facilitator.render.agenda import agenda_markdown, agenda_text
from facilitator.services.meetings import meeting_plan
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, row_id
from tests.conftest import TZ

DECEMBER_MD = """\
<!-- Agenda exported by facilitator; `facilitator import` reads this file back. -->

# December leadership team meeting

> *Every Riverside student reads and writes with confidence by the end of grade 5.*

- **Team:** Riverside Elementary Leadership Team
- **Date:** Monday 30 November 2026
- **Time:** 15:30–16:30
- **Length:** 60 min
- **Location:** Library
- **Purpose:** Decide how we support weekly writing conferences through February.

## Goals

- Agree what November's walkthrough data shows.
- Choose how we support weekly conferences.
- Settle the classroom library budget.

## Roles

- Team leader / chair: Maria Alvarez
- Facilitator: Aisha Karimi
- Recorder: Priya Raman
- Timekeeper: Tom Becker
- Norms monitor (own role): Grace Liu

## Norms

- Pausing
- Paraphrasing
- Probing
- Putting ideas on the table
- Paying attention to self and others
- Presuming positive presuppositions
- Pursuing a balance between advocacy and inquiry
- Start and end on time; phones face down.
- What is said here stays here; what is decided here is shared.

## Agenda

1. 15:30 · 5 min · **Welcome, purpose and norms** — goal: Open on time; restate purpose, \
goals and norms. (Maria Alvarez) [information]
2. 15:35 · 8 min · **Review of action items** — goal: Check each action item from November: \
done, on track or stuck. (Maria Alvarez) [information]
3. 15:43 · 12 min · **November walkthrough data** — goal: Agree what the data shows before \
deciding anything. (Daniel Okafor) [discussion]
4. 15:55 · 15 min · **Supporting weekly writing conferences** — goal: Find options that meet \
teachers' and students' interests. (Aisha Karimi) [discussion]
   - Process: Interest-based problem solving
     1. Define the issues
     2. Identify stakeholders and interests
     3. Generate options
     4. Evaluate options
     5. Commit to solutions
     6. Agree on a plan of action
5. 16:10 · 10 min · **Classroom library budget** — goal: Decide how to split this year's \
library budget. (Tom Becker) [decision]
   - Process: Consensus
6. 16:20 · 5 min · **Peer observations in PLC time** — goal: Hear the question from the \
parking lot and decide whether to take it up. (Priya Raman) [discussion]
7. 16:25 · 5 min · **Next steps and closure** — goal: Owners and dates; items for January; \
key messages. (Maria Alvarez) [discussion]

**Total:** 60 of 60 minutes.
"""

DECEMBER_TXT = """\
December leadership team meeting
Riverside Elementary Leadership Team
“Every Riverside student reads and writes with confidence by the end of grade
5.”

When:     Monday 30 November 2026, 15:30–16:30 (60 minutes)
Where:    Library
Purpose:  Decide how we support weekly writing conferences through February.

Goals
  • Agree what November's walkthrough data shows.
  • Choose how we support weekly conferences.
  • Settle the classroom library budget.

Roles
  Team leader / chair  Maria Alvarez
  Facilitator          Aisha Karimi
  Recorder             Priya Raman
  Timekeeper           Tom Becker
  Norms monitor        Grace Liu

Norms
  • Pausing
  • Paraphrasing
  • Probing
  • Putting ideas on the table
  • Paying attention to self and others
  • Presuming positive presuppositions
  • Pursuing a balance between advocacy and inquiry
  • Start and end on time; phones face down.
  • What is said here stays here; what is decided here is shared.

Agenda
  Start  Min  Item
  15:30    5  Welcome, purpose and norms
              information · Maria Alvarez
              Goal: Open on time; restate purpose, goals and norms.
  15:35    8  Review of action items
              information · Maria Alvarez
              Goal: Check each action item from November: done, on track or
                    stuck.
  15:43   12  November walkthrough data
              discussion · Daniel Okafor
              Goal: Agree what the data shows before deciding anything.
  15:55   15  Supporting weekly writing conferences
              discussion · Aisha Karimi
              Goal: Find options that meet teachers' and students' interests.
              Process: Interest-based problem solving
                1. Define the issues
                2. Identify stakeholders and interests
                3. Generate options
                4. Evaluate options
                5. Commit to solutions
                6. Agree on a plan of action
  16:10   10  Classroom library budget
              decision · Tom Becker
              Goal: Decide how to split this year's library budget.
              Process: Consensus
  16:20    5  Peer observations in PLC time
              discussion · Priya Raman
              Goal: Hear the question from the parking lot and decide whether
                    to take it up.
  16:25    5  Next steps and closure
              discussion · Maria Alvarez
              Goal: Owners and dates; items for January; key messages.

Total: 60 of 60 minutes.
"""

MARKUP = "[bold]x[/] *hi* <script>alert(1)</script> `code` _u_ # | &amp; \\ [a](b)"


def december(db: Database, pack: Pack) -> MeetingPlan:
    with db.read() as session:
        query = select(Meeting).where(Meeting.title == "December leadership team meeting")
        meeting_id = row_id(session.exec(query).one())
    return meeting_plan(db, meeting_id=meeting_id, pack=pack)


def test_markdown_of_the_december_meeting(demo_db: Database, pack: Pack) -> None:
    assert agenda_markdown(december(demo_db, pack), TZ) == DECEMBER_MD


def test_text_of_the_december_meeting(demo_db: Database, pack: Pack) -> None:
    text = agenda_text(december(demo_db, pack), TZ)

    assert text == DECEMBER_TXT
    assert all(len(line) <= 78 for line in text.splitlines())
    assert not any(mark in text for mark in ("**", "##", "](", "|", "`"))


def test_item_start_times_follow_the_time_zone(demo_db: Database, pack: Pack) -> None:
    plan = december(demo_db, pack)
    text = agenda_text(plan, UTC)
    starts = [line.split()[0] for line in text.splitlines() if line.startswith("  1")]

    assert starts == ["15:30", "15:35", "15:43", "15:55", "16:10", "16:20", "16:25"]
    assert "- **Time:** 10:30–11:30" in agenda_markdown(plan, ZoneInfo("America/New_York"))


# A plan built by hand --------------------------------------------------------------------

START = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)


def plan_of(*items: AgendaLine, **changes: Any) -> MeetingPlan:
    starts = start_times(START, [item.minutes for item in items])
    plan = MeetingPlan(
        id=1,
        team_id=1,
        team_name="Team",
        team_purpose="",
        title="Meeting",
        purpose="",
        goals=(),
        scheduled_start=START,
        planned_minutes=30,
        location="",
        status="planned",
        roles=(),
        attendees=(),
        agenda=tuple(replace(item, starts_at=at) for item, at in zip(items, starts, strict=True)),
        norms=(),
    )
    return replace(plan, **changes)


def line(title: str, minutes: int = 10, **changes: Any) -> AgendaLine:
    item = AgendaLine(
        id=1,
        position=0,
        starts_at=START,
        title=title,
        goal="",
        presenter=None,
        minutes=minutes,
        kind="discussion",
    )
    return replace(item, **changes)


def test_an_agenda_that_runs_over_says_so() -> None:
    plan = plan_of(line("Budget", 25), line("Data", 15))

    assert "**Total:** 40 of 30 minutes. The agenda runs 10 minutes over the planned length." in (
        agenda_markdown(plan, UTC)
    )
    assert "\nTotal: 40 of 30 minutes. The agenda runs 10 minutes over the planned length.\n" in (
        agenda_text(plan, UTC)
    )


def test_open_roles_guests_and_video_segments() -> None:
    video = line(
        "Video study",
        20,
        process="Video study",
        steps=(StepLine(1, "Whole video", media_ranges="0:00–6:42"), StepLine(2, "Segment one")),
    )
    plan = plan_of(
        video,
        line("Steps only", 5, steps=(StepLine(3, "Read"),)),
        roles=(
            RoleLine(1, "chair", "Chair", None),
            RoleLine(2, "custom", "Visitor", Person("Sam Ortiz")),
        ),
    )
    markdown, text = agenda_markdown(plan, UTC), agenda_text(plan, UTC)

    assert "- Chair: open\n- Visitor (own role): Sam Ortiz (guest)" in markdown
    assert "   - Process: Video study\n     1. Whole video (video 0:00–6:42)\n" in markdown
    assert "     2. Segment one\n" in markdown
    assert "   - Steps:\n     1. Read\n" in markdown
    assert "  Chair    open\n  Visitor  Sam Ortiz (guest)" in text
    assert "                1. Whole video (video 0:00–6:42)" in text
    assert "              Steps:\n                1. Read" in text


def test_a_plan_with_no_items() -> None:
    plan = plan_of()

    assert "## Agenda\n\n**Total:** 0 of 30 minutes.\n" in agenda_markdown(plan, UTC)
    assert "Agenda\n  No items yet.\n\nTotal: 0 of 30 minutes.\n" in agenda_text(plan, UTC)


# User text is data -------------------------------------------------------------------------


def inline_text(token: Token) -> str:
    """The text a viewer shows for an inline token; fails on anything but text, and the bold
    and italics the export itself writes."""
    assert token.children is not None
    kinds = {child.type for child in token.children}
    assert kinds <= {"text", "strong_open", "strong_close", "em_open", "em_close"}, kinds
    return "".join(child.content for child in token.children)


def shown(markdown: str) -> list[str]:
    """Each paragraph and heading a CommonMark viewer shows, as text."""
    return [inline_text(t) for t in MarkdownIt("commonmark").parse(markdown) if t.type == "inline"]


def test_a_markdown_viewer_shows_user_text_literally() -> None:
    item = line(MARKUP, goal=f"goal: {MARKUP}", presenter=Person(f"{MARKUP} (x)"))
    plan = plan_of(
        item,
        title=MARKUP,
        team_name=MARKUP,
        team_purpose=MARKUP,
        location=MARKUP,
        purpose="# not a heading\n- not a list\n\n1. nor this",
        goals=(MARKUP, "1. one", "- two", "> three"),
        norms=("=== not a heading",),
        roles=(RoleLine(1, "custom", MARKUP, Person(MARKUP, 3)),),
    )
    markdown = agenda_markdown(plan, UTC)
    html = MarkdownIt("commonmark").render(markdown)
    texts = shown(markdown)

    assert "<script>" not in html and "<code>" not in html and "<a " not in html
    assert html.count("<em>") == 1  # the team's purpose, in italics
    assert html.count("<h1>") == 1 and html.count("<h2>") == 4
    assert html.count("<ol>") == 1 and html.count("<blockquote>") == 1
    assert texts[0] == MARKUP
    assert texts[1] == MARKUP  # the team's purpose
    assert f"Team: {MARKUP}" in texts
    assert f"Location: {MARKUP}" in texts
    assert "Purpose: # not a heading - not a list 1. nor this" in texts
    assert {
        "1. one",
        "- two",
        "> three",
        "=== not a heading",
        f"{MARKUP} (own role): {MARKUP}",
    } <= set(texts)
    assert f"15:30 · 10 min · {MARKUP} — goal: goal: {MARKUP} ({MARKUP} (x)) [discussion]" in texts


def test_newlines_in_user_text_do_not_break_the_layout() -> None:
    plan = plan_of(line("Budget\n## Agenda\n- 5 min Injected"), title="A\n# B", location="x\ny")
    markdown = agenda_markdown(plan, UTC)

    assert "# A \\# B\n" in markdown
    assert "- **Location:** x y\n" in markdown
    assert "**Budget \\#\\# Agenda \\- 5 min Injected**" in markdown
    assert "Budget ## Agenda - 5 min Injected\n" in agenda_text(plan, UTC)


def test_control_characters_are_not_sent_to_a_terminal() -> None:
    plan = plan_of(line("Red\x1b[31m alert\x07"))

    assert "\x1b" not in agenda_markdown(plan, UTC)
    assert "Red&#27;\\[31m alert&#7;" in agenda_markdown(plan, UTC)
    assert "Red\ufffd[31m alert\ufffd" in agenda_text(plan, UTC)


visible = st.text(st.characters(blacklist_categories=("Cc", "Cs")), min_size=1, max_size=30).filter(
    lambda s: bool(one_line(s))
)


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(visible, visible, visible, st.sampled_from(["information", "discussion", "decision"]))
def test_any_title_goal_and_presenter_show_literally(
    title: str, goal: str, presenter: str, kind: str
) -> None:
    item = line(title, goal=goal, presenter=Person(presenter), kind=kind)
    markdown = agenda_markdown(plan_of(item, title=title), UTC)
    texts = shown(markdown)

    assert texts[0] == one_line(title)
    expected = (
        f"15:30 · 10 min · {one_line(title)} — goal: {one_line(goal)} "
        f"({one_line(presenter)}) [{kind}]"
    )
    assert expected in texts


@settings(max_examples=100, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(visible, visible), min_size=1, max_size=5), visible)
def test_plain_text_stays_within_78_columns(rows: list[tuple[str, str]], title: str) -> None:
    items = [line(name * 3, goal=goal * 4, presenter=Person(goal)) for name, goal in rows]
    text = agenda_text(plan_of(*items, title=title * 5, purpose=title * 9), UTC)

    assert all(len(row) <= 78 for row in text.splitlines())
