"""Reading Markdown agendas: the documented example, the forgiving variants, a sentence
with a line number for every line that cannot be read, and properties: the parser never
raises, and whatever the Markdown export writes reads back the same."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from facilitator.domain.agenda_markdown import (
    ParsedAgenda,
    ParsedItem,
    ParsedStep,
    Problem,
    parse_agenda,
)
from facilitator.domain.clean import clean_line
from facilitator.domain.markdown_escape import escape_markdown, one_line, unescape_markdown
from facilitator.domain.meeting_view import AgendaLine, MeetingPlan, Person, start_times
from facilitator.render.agenda import agenda_markdown

TODAY = date(2026, 11, 23)
EXAMPLE = """\
# December leadership team meeting
Team: Riverside Elementary Leadership Team
Date: 2026-12-07
Time: 15:30
Length: 60 min
Location: Library
Purpose: Decide how we support weekly writing conferences.

Goals:
- Agree what the walkthrough data shows
- Choose how we support weekly conferences

## Agenda
- 5 min  Welcome, purpose and norms [information]
- 10 min  Budget review — goal: choose two priorities (Ana) [decision]
- 15 min Walkthrough data - goal: agree what it shows (Daniel Okafor)
1. 10 min Next steps
"""
HEADER = "# Team meeting\nDate: 2026-12-07\nTime: 15:30\n\n## Agenda\n"


def parse(text: str) -> ParsedAgenda:
    return parse_agenda(text, today=TODAY)


def item(text: str) -> ParsedItem:
    """The one item of an agenda whose item lines are `text`."""
    parsed = parse(HEADER + text)
    assert parsed.problems == ()
    assert len(parsed.items) == 1
    return parsed.items[0]


def problems(text: str) -> list[tuple[int, str]]:
    return [(problem.line, problem.message) for problem in parse(text).problems]


def test_the_documented_example() -> None:
    parsed = parse(EXAMPLE)

    assert parsed.problems == ()
    assert parsed.title == "December leadership team meeting"
    assert parsed.team == "Riverside Elementary Leadership Team"
    assert (parsed.date, parsed.time, parsed.length) == (date(2026, 12, 7), time(15, 30), 60)
    assert parsed.location == "Library"
    assert parsed.purpose == "Decide how we support weekly writing conferences."
    assert parsed.goals == (
        "Agree what the walkthrough data shows",
        "Choose how we support weekly conferences",
    )
    assert parsed.items == (
        ParsedItem(14, "Welcome, purpose and norms", 5, "information"),
        ParsedItem(15, "Budget review", 10, "decision", "Ana", "choose two priorities"),
        ParsedItem(
            16, "Walkthrough data", 15, "discussion", "Daniel Okafor", "agree what it shows"
        ),
        ParsedItem(17, "Next steps", 10, "discussion"),
    )
    assert parsed.field_lines["date"] == 3


def test_the_readme_example_reads() -> None:
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Agendas in and out", 1)[1]
    example = section.split("```markdown\n", 1)[1].split("```", 1)[0]
    parsed = parse(example)

    assert parsed.problems == ()
    assert [(i.title, i.goal, i.presenter) for i in parsed.items] == [
        ("Welcome, purpose and norms", "", ""),
        ("Budget review", "choose two priorities", "Ana"),
        ("Walkthrough data", "agree what it shows", "Daniel Okafor"),
    ]
    assert parsed.items[1].process == "Consensus"
    assert [(r.role, r.holder, r.guest) for r in parsed.roles] == [
        ("facilitator", "Aisha Karimi", False),
        ("recorder", "Priya Raman", False),
        ("timekeeper", "Sam Ortiz", True),
    ]


@pytest.mark.parametrize(
    "line",
    [
        "- 10 min Budget review — goal: choose two (Ana) [decision]",
        "- 10 mins Budget review – goal: choose two (Ana) [Decision]",
        "* 10 minutes Budget review - choose two (Ana) [decision]",
        "+ 10m Budget review — Goal: choose two [decision] (Ana)",
        "1. 10 min Budget review, goal: choose two (Ana) [decide]",
        "3) 10 min. Budget review - goal: choose two  (Ana)  [decision]",
        "- 15:40 · 10 min · **Budget review** — goal: choose two (Ana) [decision]",
        "- 10 min: Budget review - goal:choose two (Ana) [decision] <!-- from March -->",
    ],
)
def test_forgiving_item_lines(line: str) -> None:
    assert item(line) == ParsedItem(6, "Budget review", 10, "decision", "Ana", "choose two")


@pytest.mark.parametrize(
    ("word", "kind"),
    [("information", "information"), ("info", "information"), ("Discussion", "discussion")],
)
def test_kinds(word: str, kind: str) -> None:
    assert item(f"- 5 min Welcome [{word}]").kind == kind


def test_no_kind_is_a_discussion_and_no_goal_or_presenter_is_empty() -> None:
    assert item("- 5 min Welcome") == ParsedItem(6, "Welcome", 5, "discussion")


def test_details_and_steps_on_indented_lines() -> None:
    parsed = item(
        "- 20 min Video study\n"
        "  - Goal: see what the class does\n"
        "  - Presenter: Aisha Karimi\n"
        "  - Kind: decision\n"
        "  - Process: Video study\n"
        "    1. Watch the whole video (video 0:00–6:42)\n"
        "    2. Segment one\n"
    )

    assert parsed == ParsedItem(
        6,
        "Video study",
        20,
        "decision",
        "Aisha Karimi",
        "see what the class does",
        "Video study",
        (ParsedStep("Watch the whole video", "0:00–6:42"), ParsedStep("Segment one")),
    )


@pytest.mark.parametrize(
    "header",
    [
        "TEAM: Riverside\nDATE: 7 Dec 2026\nstart: 3:30 pm\nDuration: 1 h\nPlace: Library",
        "- **Team:** Riverside\n- **Date:** Monday 7 December 2026\n- **Time:** 15:30–16:30\n"
        "- **Room:** Library",
        "**Team**: Riverside\nDate: Dec 7\nTime: 3:30-4:30pm\nWhere: Library",
        "Team: Riverside\nDay: 2026-12-07\nStarts: 15.30\nEnds: 16:30\nLocation: Library",
    ],
)
def test_forgiving_header_fields(header: str) -> None:
    parsed = parse(f"# Team meeting\n{header}\n\n## Agenda\n- 5 min Welcome\n")

    assert parsed.problems == ()
    assert (parsed.team, parsed.location) == ("Riverside", "Library")
    assert (parsed.date, parsed.time, parsed.length) == (date(2026, 12, 7), time(15, 30), 60)


def test_blank_lines_comments_quotes_rules_and_skipped_sections() -> None:
    parsed = parse(
        "<!-- planning notes\n- 5 min not an item\n-->\n\n"
        "# Team meeting   <!-- the title -->\n\n> Our purpose: every child reads.\n---\n"
        "Date: 2026-12-07\n\nTime: 15:30\n\n## Roles\n- Chair: Maria\n\n## Norms\n- Pausing\n"
        "\n## Agenda\n\n- 5 min Welcome\n\n<!-- one more -->\n- 10 min Budget\n"
    )

    assert parsed.problems == ()
    assert [(i.line, i.title) for i in parsed.items] == [(21, "Welcome"), (24, "Budget")]


def test_goals_under_a_heading_or_a_key_with_a_value() -> None:
    parsed = parse(
        "# T\nDate: today\nTime: 9am\nGoals: Agree a plan\n- Pick a date\n\n## Goals\n* One more"
        "\nLocation: Room 4\n## Agenda\n- 5 min Go"
    )

    assert parsed.problems == ()
    assert parsed.goals == ("Agree a plan", "Pick a date", "One more")
    assert (parsed.date, parsed.location) == (TODAY, "Room 4")


def test_items_without_an_agenda_heading() -> None:
    parsed = parse("# T\nDate: 2026-12-07\nTime: 15:30\n- 5 min Welcome\n- 10 min Budget\n")

    assert [i.title for i in parsed.items] == ["Welcome", "Budget"]
    assert parsed.length is None
    assert parsed.planned_minutes == 15


def test_escaped_text_is_text() -> None:
    parsed = item(r"- 5 min \[bold\]x\[/\] \*hi\* \<b\> a \- b \(c\) &#8212; d\\ [info]")

    assert parsed.title == "[bold]x[/] *hi* <b> a - b (c) — d\\"
    assert parsed.kind == "information"


@pytest.mark.parametrize(
    ("line", "fragment"),
    [
        ("- ten min Budget", '"- ten min Budget" has no minutes; write it like "- 10 min'),
        ("- Budget review (Ana)", "has no minutes"),
        ("- 0 min Budget", "Use at least 1 minute."),
        ("- 601 min Budget", "601 minutes is more than 10 hours; use 600 or fewer."),
        ("- 99999999999999999999 min Budget", "more than 600 minutes"),
        ("- 5 min Budget [urgent]", '"[urgent]" is not a kind of item; use [information]'),
        ("- 5 min (Ana) [info]", "has no title"),
        ("Budget review", "is not an agenda item"),
        ("Note taker: Aisha", '"note taker" is not a field this format knows'),
        ("## Background", '"## Background" is not a section this format knows'),
        ("# Another title", "is a second title"),
        ("  Bring your laptop", "is not a goal, presenter, kind, process, decision method"),
        ("  - Kind: urgent", '"[urgent]" is not a kind of item'),
        ("  - Goal: y", "The item above already has a goal; keep one."),
        ("Date: 2026-12-08", "The date is given again (first on line 2); keep one."),
        ("<!-- never closed\n- 5 min Welcome", 'This comment is never closed; end it with "-->".'),
    ],
)
def test_unreadable_lines_are_reported_with_their_line_number(line: str, fragment: str) -> None:
    found = problems(HEADER + "- 5 min Welcome — x\n" + line)

    assert found, line
    number, message = found[0]
    assert number == 7
    assert fragment in message
    assert message.endswith(".")
    assert str(Problem(number, message)) == f"line 7: {message}"


@pytest.mark.parametrize(
    ("header", "line", "fragment"),
    [
        ("Date: 32 Dec 2026\nTime: 15:30", 2, "There is no 32 December 2026."),
        ("Date: someday\nTime: 15:30", 2, '"someday" is not a date'),
        ("Date: today\nTime: 25:00", 3, '"25:00" is not a time of day'),
        ("Date: today\nTime: 15:30-15:30", 3, "ends when it starts"),
        (
            "Date: today\nTime: 15:30-16:30\nLength: 45 min",
            4,
            "is 45 minutes but the times give 60",
        ),
        ("Date: today\nTime: 15:30\nLength: 2 min", 4, "Use at least 5 minutes."),
        ("Date: today\nTime: 15:30\nLength: a while", 4, '"a while" is not a number of minutes'),
        ("Date: today\nTime: 15:30\nHello there", 4, "is neither a field nor an agenda item"),
        ("Date: today\nTime: 15:30\n- Budget", 4, "has no minutes"),
    ],
)
def test_unreadable_header_lines(header: str, line: int, fragment: str) -> None:
    found = problems(f"# T\n{header}\n## Agenda\n- 5 min Go\n")

    assert found[0][0] == line, found
    assert fragment in found[0][1]


def test_missing_title_date_time_and_items_are_problems_of_the_whole_file() -> None:
    assert problems("Location: Library\n") == [
        (0, 'The agenda has no title; start it with a line like "# Team meeting".'),
        (0, 'The agenda has no date; add a line like "Date: 2026-12-07".'),
        (0, 'The agenda has no start time; add a line like "Time: 15:30".'),
        (0, 'The agenda has no items; list them under "## Agenda", like "- 10 min Budget review".'),
    ]


def test_an_empty_file() -> None:
    assert len(parse("").problems) == 4
    assert parse("").items == ()


def test_items_written_as_goals_are_explained() -> None:
    found = problems("# T\nDate: today\nTime: 9:00\nGoals:\n- 5 min Welcome\n")

    assert found == [
        (
            0,
            'The agenda has no items: the lines after "Goals" are read as goals; put "## Agenda" '
            "before the items.",
        )
    ]


# Properties ------------------------------------------------------------------------------

START = datetime(2026, 12, 7, 15, 30, tzinfo=UTC)
MARKUP = [
    "[bold]x[/] *hi* <script>",
    "[decision]",
    "(Ana)",
    "a - b",
    "a — b – c",
    "Our goal: more",
    "goal : x",
    "1. first",
    "# heading",
    "<!-- comment -->",
    "\\",
    "&amp; &#8212;",
    "10 min",
    "15:30 · 5 min",
    "**bold**",
    "`code`",
    "| a | b |",
    "> quote",
    "- dash",
    "+ plus",
    "=",
    "***",
    "line\nbreak\r\nand\ttab",
    "x\x00y\x1bz\x85",
]


def kept(text: str) -> str:
    """A one-line field as the export writes it and an import keeps it: one line (the
    export joins whitespace first, control characters such as \x1f included), then
    without control characters."""
    return one_line(clean_line(one_line(text)))


texts = st.one_of(st.sampled_from(MARKUP), st.text(max_size=40)).filter(lambda s: bool(kept(s)))
kinds = st.sampled_from(["information", "discussion", "decision"])
lines = st.tuples(
    texts,
    st.integers(min_value=1, max_value=600),
    kinds,
    st.none() | texts,
    st.just("") | texts,
)


def plan_of(
    rows: list[tuple[str, int, str, str | None, str]],
    title: str = "Team meeting",
    location: str = "Library",
    purpose: str = "",
    goals: tuple[str, ...] = (),
) -> MeetingPlan:
    starts = start_times(START, [row[1] for row in rows])
    agenda = tuple(
        AgendaLine(
            id=index,
            position=index,
            starts_at=starts[index],
            title=name,
            goal=goal,
            presenter=Person(presenter) if presenter is not None else None,
            minutes=minutes,
            kind=kind,
        )
        for index, (name, minutes, kind, presenter, goal) in enumerate(rows)
    )
    return MeetingPlan(
        id=1,
        team_id=1,
        team_name="Team [x] *",
        team_purpose="Every *child* reads",
        title=title,
        purpose=purpose,
        goals=goals,
        scheduled_start=START,
        planned_minutes=60,
        location=location,
        status="planned",
        roles=(),
        attendees=(),
        agenda=agenda,
        norms=("Be [kind]",),
    )


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(lines, min_size=1, max_size=8), texts, texts, st.just("") | texts)
def test_the_markdown_export_reads_back_the_same(
    rows: list[tuple[str, int, str, str | None, str]], title: str, location: str, purpose: str
) -> None:
    goals = (location, title)
    plan = plan_of(rows, title, location, purpose, goals)
    parsed = parse(agenda_markdown(plan, ZoneInfo("UTC")))

    assert parsed.problems == ()
    assert (parsed.title, parsed.location, parsed.purpose) == (
        kept(title),
        kept(location),
        kept(purpose),
    )
    assert parsed.goals == tuple(kept(goal) for goal in goals)
    assert parsed.team == "Team [x] *"
    assert (parsed.date, parsed.time, parsed.length) == (date(2026, 12, 7), time(15, 30), 60)
    assert [(i.title, i.minutes, i.kind, i.presenter, i.goal) for i in parsed.items] == [
        (kept(name), minutes, kind, kept(presenter or ""), kept(goal))
        for name, minutes, kind, presenter, goal in rows
    ]


def line_count(text: str) -> int:
    return len(text.replace("\r\n", "\n").replace("\r", "\n").split("\n"))


def assert_sound(text: str) -> None:
    parsed = parse(text)

    assert isinstance(parsed, ParsedAgenda)
    if parsed.problems:
        assert all(0 <= p.line <= line_count(text) for p in parsed.problems)
        assert all(p.message.strip() and "\n" not in p.message for p in parsed.problems)
    else:
        assert parsed.items and parsed.title and parsed.date and parsed.time


@settings(max_examples=400)
@given(st.text())
def test_any_text_reads_without_raising(text: str) -> None:
    assert_sound(text)


fragments = st.sampled_from(
    [
        "",
        "\n",
        "- ",
        "# ",
        "## ",
        "1. ",
        "  ",
        "\t",
        ":",
        "**",
        "\\",
        "<!--",
        "-->",
        "(",
        ")",
        "[",
        "]",
        " — ",
        "goal:",
        "&#",
        ";",
        "0",
        "9999999",
        "min",
        "Date: ",
        "Time: ",
        "Length: ",
        "Goals:",
        "> ",
        "\r",
        "\ufeff",
    ]
)


@settings(max_examples=400)
@given(
    st.lists(
        st.tuples(
            st.integers(min_value=0, max_value=len(EXAMPLE)),
            st.integers(0, 6),
            fragments | st.text(),
        ),
        max_size=6,
    )
)
def test_mutated_agendas_read_without_raising(edits: list[tuple[int, int, str]]) -> None:
    text = EXAMPLE
    for at, cut, insert in edits:
        at = min(at, len(text))
        text = text[:at] + insert + text[at + cut :]
    assert_sound(text)


@given(st.text())
def test_escaping_round_trips(text: str) -> None:
    escaped = escape_markdown(text)

    assert "\n" not in escaped
    assert unescape_markdown(escaped) == one_line(text)
