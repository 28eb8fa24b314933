"""The rules a new team must meet before it is saved, keyed by the form field they concern."""

from __future__ import annotations

import pytest

from facilitator.domain.team_draft import (
    NAME_MAX,
    NORM_MAX,
    POSITION_MAX,
    PURPOSE_MAX,
    MemberDraft,
    TeamDraft,
    team_problems,
)


def test_a_sound_draft_has_no_problems() -> None:
    draft = TeamDraft(
        name="  Riverside Leadership Team ",
        purpose="Every student reads with confidence.",
        members=(
            MemberDraft("Maria Alvarez", "Principal", "maria@example.org"),
            MemberDraft(""),
            MemberDraft("Tom Becker"),
        ),
        custom_norms=("Start on time.",),
    )

    assert team_problems(draft, ["Grade 3 PLC"]) == {}


@pytest.mark.parametrize(
    ("draft", "existing", "fields"),
    [
        (TeamDraft(name=""), [], {"name"}),
        (TeamDraft(name=" \t "), [], {"name"}),
        (TeamDraft(name="x" * (NAME_MAX + 1)), [], {"name"}),
        (TeamDraft(name="Grade 3 PLC"), [" grade 3 plc"], {"name"}),
        (TeamDraft(name="Team", purpose="p" * (PURPOSE_MAX + 1)), [], {"purpose"}),
        (
            TeamDraft(name="Team", members=(MemberDraft("Sam"), MemberDraft(" SAM "))),
            [],
            {"member-1-name"},
        ),
        (
            TeamDraft(name="Team", members=(MemberDraft("", position="Coach"),)),
            [],
            {"member-0-name"},
        ),
        (
            TeamDraft(name="Team", members=(MemberDraft("n" * (NAME_MAX + 1)),)),
            [],
            {"member-0-name"},
        ),
        (
            TeamDraft(name="Team", members=(MemberDraft("Sam", "p" * (POSITION_MAX + 1)),)),
            [],
            {"member-0-position"},
        ),
        (
            TeamDraft(name="Team", members=(MemberDraft(""), MemberDraft("Sam", email="sam@"))),
            [],
            {"member-1-email"},
        ),
        (TeamDraft(name="Team", custom_norms=("n" * (NORM_MAX + 1),)), [], {"norms"}),
        (TeamDraft(name="Team", kind="k" * (NAME_MAX + 1)), [], {"kind"}),
        (
            TeamDraft(name="", members=(MemberDraft("", email="not-an-address"),)),
            [],
            {"name", "member-0-name", "member-0-email"},
        ),
    ],
)
def test_each_rule_names_its_field(draft: TeamDraft, existing: list[str], fields: set[str]) -> None:
    problems = team_problems(draft, existing)

    assert set(problems) == fields
    assert all(sentence.endswith(".") for sentence in problems.values())


def test_limits_are_inclusive() -> None:
    draft = TeamDraft(
        name="x" * NAME_MAX,
        kind="k" * NAME_MAX,
        purpose="p" * PURPOSE_MAX,
        members=(MemberDraft("n" * NAME_MAX, "p" * POSITION_MAX),),
        custom_norms=("n" * NORM_MAX,),
    )

    assert team_problems(draft, []) == {}


def test_duplicate_member_sentence_points_at_the_first_row() -> None:
    draft = TeamDraft(
        name="Team", members=(MemberDraft("Ann"), MemberDraft("Bo"), MemberDraft("ann"))
    )

    assert team_problems(draft, [])["member-2-name"] == "ann is already on the team (row 1)."


@pytest.mark.parametrize("email", ["sam@example.org", "  sam.o+plc@school.example.org  ", "s@x.io"])
def test_good_email_addresses(email: str) -> None:
    assert team_problems(TeamDraft(name="T", members=(MemberDraft("Sam", email=email),)), []) == {}


@pytest.mark.parametrize(
    "email", ["sam", "sam@example", "sam@@example.org", "sam smith@example.org", "@example.org"]
)
def test_bad_email_addresses(email: str) -> None:
    problems = team_problems(TeamDraft(name="T", members=(MemberDraft("Sam", email=email),)), [])

    assert set(problems) == {"member-0-email"}


def test_blank_rows_are_not_members() -> None:
    draft = TeamDraft(name="T", members=(MemberDraft(" ", " ", " "), MemberDraft("Sam")))

    assert draft.filled_members() == [(1, MemberDraft("Sam"))]


def test_custom_norms_drop_blanks_and_repeats_in_order() -> None:
    draft = TeamDraft(name="T", custom_norms=(" Start on time. ", "", "start ON time.", "Listen."))

    assert draft.cleaned_custom_norms() == ["Start on time.", "Listen."]
