"""Roles in a Markdown agenda: "Facilitator: Dana" lines in the header (any case, bullet or
bold) and a "## Roles" list; an unknown role word in the list is a problem with its line
number; other header fields keep their meaning."""

from __future__ import annotations

from datetime import UTC

import pytest

from facilitator.domain.agenda_markdown import ParsedRole
from facilitator.domain.meeting_view import Person, RoleLine
from facilitator.render.agenda import agenda_markdown
from tests.unit.test_agenda_markdown import HEADER, parse
from tests.unit.test_agenda_render import line, plan_of

TOP = "# Team meeting\nDate: 2026-12-07\nTime: 15:30\n"
AGENDA = "\n## Agenda\n- 5 min Welcome\n"


def roles(text: str) -> tuple[ParsedRole, ...]:
    parsed = parse(text)
    assert parsed.problems == ()
    return parsed.roles


def test_role_lines_in_the_header_in_any_case_with_bullets_or_bold() -> None:
    found = roles(
        TOP
        + "Facilitator: Dana Reyes\n- RECORDER: Sam Ortiz (guest)\n**timekeeper:** Ana\n"
        + "- **Team leader:** __Maria__\nLocation: Library\n"
        + AGENDA
    )

    assert found == (
        ParsedRole(4, "facilitator", "Dana Reyes"),
        ParsedRole(5, "recorder", "Sam Ortiz", guest=True),
        ParsedRole(6, "timekeeper", "Ana"),
        ParsedRole(7, "chair", "Maria"),
    )
    assert parse(TOP + "Chair: Maria\nLocation: Library" + AGENDA).location == "Library"


def test_a_roles_list_with_open_roles_and_roles_of_the_teams_own() -> None:
    found = roles(
        TOP
        + "\n## Roles\n\n- Team leader / chair: Maria Alvarez\n- facilitator: open\n"
        + "* Timekeeper:\n- Norms monitor (own role): Grace Liu\n"
        + "- Visitor \\(host\\) (OWN ROLE): Sam \\(guest\\)\n"
        + AGENDA
    )

    assert found == (
        ParsedRole(7, "chair", "Maria Alvarez"),
        ParsedRole(8, "facilitator", ""),
        ParsedRole(9, "timekeeper", ""),
        ParsedRole(10, "custom", "Grace Liu", "Norms monitor"),
        ParsedRole(11, "custom", "Sam (guest)", "Visitor (host)"),
    )


def test_goals_end_at_a_role_line() -> None:
    parsed = parse(TOP + "Goals:\n- Agree a plan\nRecorder: Priya\n" + AGENDA)

    assert parsed.problems == ()
    assert parsed.goals == ("Agree a plan",)
    assert parsed.roles == (ParsedRole(6, "recorder", "Priya"),)


@pytest.mark.parametrize(
    ("lines", "line", "fragment"),
    [
        ("## Roles\n- Scribe: Dana", 8, '"Scribe" is not a role this format knows; use'),
        ("## Roles\n\n- Facilitator: Ana\n- Note taker: Dana", 10, '"Note taker" is not a role'),
        ("## Roles\n- Dana Reyes", 8, '"Dana Reyes" names no role; write roles like'),
        ("## Roles\n- (own role): Dana", 8, "Give the role of the team's own a name"),
        ("Recorder: Dana\n## Roles\n- recorder: Ben", 9, "The recorder is given again (first"),
        ("Scribe: Dana", 7, '"scribe" is not a field this format knows'),
    ],
)
def test_an_unknown_role_word_is_a_problem_on_its_line(
    lines: str, line: int, fragment: str
) -> None:
    parsed = parse(HEADER + "- 5 min Welcome\n" + lines)

    assert [p.line for p in parsed.problems] == [line]
    assert fragment in parsed.problems[0].message
    assert parsed.problems[0].message.endswith(".")


@pytest.mark.parametrize(
    ("label", "holder"),
    [
        ("Norms: monitor (own role)", "Sam (guest): Ortiz"),
        ("**Visitor**", "open"),
        ("Recorder", "  Ana   Lee "),
        ("- Scribe #1 [x]", "**Dana**"),
    ],
)
def test_exported_roles_read_back_as_they_were(label: str, holder: str) -> None:
    plan = plan_of(
        line("Welcome", 5),
        roles=(
            RoleLine(1, "chair", "Team leader / chair", Person(holder, 3)),
            RoleLine(2, "timekeeper", "Keeper of time", None),
            RoleLine(3, "custom", label, Person(holder)),
        ),
    )

    found = roles(agenda_markdown(plan, UTC))

    name = " ".join(holder.split())
    assert [(r.role, r.label, r.holder, r.guest) for r in found] == [
        ("chair", "", name, False),
        ("timekeeper", "", "", False),
        ("custom", label, name, True),
    ]
