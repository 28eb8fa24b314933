"""Creating a team: everything in one transaction, or nothing and a sentence per field."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import col, func, select

from facilitator.domain.clean import clean_line
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import Member, Norm, Team
from tests.conftest import FROZEN_NOW


def counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.exec(select(func.count()).select_from(Team)).one(),
            session.exec(select(func.count()).select_from(Member)).one(),
            session.exec(select(func.count()).select_from(Norm)).one(),
        )


def saved(db: Database, team_id: int) -> tuple[Team, list[Member], list[Norm]]:
    with db.read() as session:
        team = session.get(Team, team_id)
        assert team is not None
        members = session.exec(
            select(Member).where(Member.team_id == team_id).order_by(col(Member.id))
        ).all()
        norms = session.exec(
            select(Norm).where(Norm.team_id == team_id).order_by(col(Norm.position))
        ).all()
    return team, list(members), list(norms)


def test_saves_team_members_and_norms(db: Database, pack: Pack) -> None:
    draft = TeamDraft(
        name="  Grade 4 PLC ",
        purpose=" Every fourth grader writes a strong paragraph. ",
        members=(
            MemberDraft(" Hannah Cole ", " Grade 4 teacher ", " hannah@example.org "),
            MemberDraft("", "", ""),
            MemberDraft("Marcus Reed"),
        ),
        pack_norm_ids=("probing", "pausing"),
        custom_norms=("Start on time.", " ", "start on time.", "Phones away."),
    )

    team_id = create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)

    team, members, norms = saved(db, team_id)
    assert team.name == "Grade 4 PLC"
    assert team.purpose == "Every fourth grader writes a strong paragraph."
    assert (team.created_at, team.updated_at) == (FROZEN_NOW, FROZEN_NOW)
    assert [(m.name, m.position, m.email) for m in members] == [
        ("Hannah Cole", "Grade 4 teacher", "hannah@example.org"),
        ("Marcus Reed", "", None),
    ]
    assert [(n.position, n.text, n.pack_norm_id) for n in norms] == [
        (0, "Probing", "probing"),
        (1, "Pausing", "pausing"),
        (2, "Start on time.", None),
        (3, "Phones away.", None),
    ]
    assert norms[0].detail == pack.norms["probing"].practice


def beta(*members: MemberDraft, norms: tuple[str, ...] = ()) -> TeamDraft:
    return TeamDraft(name="Beta", members=members, pack_norm_ids=norms)


@pytest.mark.parametrize(
    ("draft", "fields"),
    [
        (TeamDraft(name="   "), {"name"}),
        (TeamDraft(name="x" * 81), {"name"}),
        (TeamDraft(name=" ALPHA team"), {"name"}),
        (beta(MemberDraft("Sam"), MemberDraft("sam")), {"member-1-name"}),
        (beta(MemberDraft("Sam", email="sam@school")), {"member-0-email"}),
        (beta(MemberDraft("", position="Coach")), {"member-0-name"}),
        (beta(norms=("pausing", "listening")), {"norms"}),
        (
            TeamDraft(name="", members=(MemberDraft("Sam", email="nope"),), pack_norm_ids=("x",)),
            {"name", "member-0-email", "norms"},
        ),
    ],
)
def test_rule_broken_saves_nothing(
    db: Database, pack: Pack, draft: TeamDraft, fields: set[str]
) -> None:
    alpha = TeamDraft(name="Alpha Team", members=(MemberDraft("Ann"),))
    create_team(db, draft=alpha, pack=pack, now=FROZEN_NOW)
    before = counts(db)

    with pytest.raises(InvalidInput) as raised:
        create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)

    assert set(raised.value.problems) == fields
    assert raised.value.sentence in raised.value.problems.values()
    assert counts(db) == before


def test_unknown_norm_is_named(db: Database, pack: Pack) -> None:
    with pytest.raises(InvalidInput) as raised:
        create_team(db, draft=beta(norms=("listening",)), pack=pack, now=FROZEN_NOW)

    assert "listening" in raised.value.problems["norms"]


def test_archived_team_name_can_be_used_again(db: Database, pack: Pack) -> None:
    first = create_team(db, draft=TeamDraft(name="Alpha"), pack=pack, now=FROZEN_NOW)
    with db.write(now=FROZEN_NOW) as session:
        team = session.get(Team, first)
        assert team is not None
        team.archived_at = FROZEN_NOW

    second = create_team(db, draft=TeamDraft(name="alpha"), pack=pack, now=FROZEN_NOW)

    assert second != first


# Text people type, including markup that must stay plain characters.
typed_text = st.one_of(
    st.text(max_size=90),
    st.sampled_from(
        [
            "[bold]x[/]",
            "[red]Sam[/]",
            "[link=https://x]y[/link]",
            " \t ",
            "Ωmega 🎉",
            "\x1b[2Jx\x07",
        ]
    ),
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    name=typed_text,
    purpose=typed_text,
    member_names=st.lists(typed_text, max_size=4),
)
def test_typed_text_is_stored_exactly_or_refused(
    db: Database, pack: Pack, name: str, purpose: str, member_names: list[str]
) -> None:
    """Stored as typed, trimmed and without control characters (issue 15, defect 2:
    an escape sequence in a team's name reached the terminal of whoever listed it)."""
    draft = TeamDraft(
        name=name,
        purpose=purpose,
        members=tuple(MemberDraft(member, position="Teacher") for member in member_names),
    )
    before = counts(db)

    try:
        team_id = create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)
    except InvalidInput as refused:
        event("refused")
        assert refused.problems
        assert counts(db) == before
        return
    event("stored")
    team, members, _ = saved(db, team_id)
    assert team.name == clean_line(name).strip()
    assert team.purpose == clean_line(purpose).strip()
    assert [m.name for m in members] == [clean_line(member).strip() for member in member_names]
