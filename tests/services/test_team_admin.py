"""Looking after a team: its details, archiving and restoring it, its members and its
norms. Nothing is deleted: what leaves the team stays in the meetings it was part of."""

from __future__ import annotations

import pytest
from sqlmodel import func, select

from facilitator.domain.meeting_view import Person
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.domain.team_view import MemberLine, TeamDetail
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.loader import Pack
from facilitator.services.home import load_home
from facilitator.services.meetings import meeting_plan
from facilitator.services.team_admin import (
    add_member,
    add_norm,
    archive_member,
    archive_team,
    move_norm,
    restore_team,
    retire_norm,
    team_detail,
    update_member,
    update_norm,
    update_team,
)
from facilitator.services.teams import create_team
from facilitator.store.database import Database
from facilitator.store.tables import Meeting, Member, Norm, Team, row_id
from facilitator.store.target import DatabaseTarget
from tests.conftest import FROZEN_NOW, TZ

DEMO_TEAM = "Riverside Elementary Leadership Team"
NOVEMBER = "November leadership team meeting"
DECEMBER = "December leadership team meeting"


# Helpers -------------------------------------------------------------------------------


def make_team(db: Database, pack: Pack, name: str, *members: str) -> int:
    draft = TeamDraft(name=name, members=tuple(MemberDraft(m) for m in members))
    return create_team(db, draft=draft, pack=pack, now=FROZEN_NOW)


@pytest.fixture
def team(db: Database, pack: Pack) -> int:
    """A team of two with one written norm."""
    team_id = make_team(db, pack, "Grade 4 PLC", "Ann Lee", "Ben Cho")
    add_norm(db, team_id=team_id, text="Start on time.", now=FROZEN_NOW)
    return team_id


def detail(db: Database, team_id: int) -> TeamDetail:
    return team_detail(db, team_id=team_id)


def names(members: tuple[MemberLine, ...]) -> list[str]:
    return [m.name for m in members]


def row_counts(db: Database) -> tuple[int, int, int]:
    with db.read() as session:
        return (
            session.exec(select(func.count()).select_from(Team)).one(),
            session.exec(select(func.count()).select_from(Member)).one(),
            session.exec(select(func.count()).select_from(Norm)).one(),
        )


def team_named(db: Database, name: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Team).where(Team.name == name)).one())


def meeting_named(db: Database, title: str) -> int:
    with db.read() as session:
        return row_id(session.exec(select(Meeting).where(Meeting.title == title)).one())


def member_id(db: Database, team_id: int, name: str) -> int:
    return next(m.id for m in detail(db, team_id).members if m.name == name)


def home_team_names(target: DatabaseTarget) -> list[str]:
    home = load_home(target, team_id=None, now=FROZEN_NOW, tz=TZ)
    return [t.name for t in home.teams]


# The team ------------------------------------------------------------------------------


def test_detail_of_the_demo_team(demo_db: Database, pack: Pack) -> None:
    team = detail(demo_db, team_named(demo_db, DEMO_TEAM))

    assert (team.name, team.kind, team.archived) == (DEMO_TEAM, "school-learning-team", False)
    assert names(team.members) == [
        "Maria Alvarez",
        "Daniel Okafor",
        "Priya Raman",
        "Tom Becker",
        "Aisha Karimi",
        "Lena Fischer",
        "Jorge Medina",
        "Grace Liu",
    ]
    assert team.members[0] == MemberLine(
        id=team.members[0].id,
        name="Maria Alvarez",
        position="Principal",
        email="maria.alvarez@riverside.example.org",
    )
    assert team.members[6].email is None
    assert [(n.text, n.pack_norm_id, n.prompt_category) for n in team.norms] == [
        *((norm.name, norm.id, None) for norm in pack.norms.values()),
        ("Start and end on time; phones face down.", None, "time"),
        ("What is said here stays here; what is decided here is shared.", None, "confidentiality"),
    ]
    assert (team.former_members, team.retired_norms) == ((), ())


def test_detail_of_an_unknown_team_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no team 9999."):
        team_detail(db, team_id=9999)


def test_a_team_is_renamed_with_its_purpose_and_type(db: Database, team: int) -> None:
    update_team(
        db,
        team_id=team,
        name="  Grade 4 Writing PLC ",
        purpose=" Strong paragraphs. ",
        kind="  Collaborative   learning team ",
        now=FROZEN_NOW,
    )

    team_now = detail(db, team)
    assert (team_now.name, team_now.purpose, team_now.kind) == (
        "Grade 4 Writing PLC",
        "Strong paragraphs.",
        "Collaborative learning team",
    )


@pytest.mark.parametrize("kind", [None, "", "   "])
def test_an_empty_type_means_none(db: Database, team: int, kind: str | None) -> None:
    update_team(db, team_id=team, name="Grade 4 PLC", purpose="", kind=kind, now=FROZEN_NOW)

    assert detail(db, team).kind is None


def test_a_team_keeps_its_own_name_in_another_case(db: Database, team: int) -> None:
    update_team(db, team_id=team, name="GRADE 4 PLC", purpose="", kind=None, now=FROZEN_NOW)

    assert detail(db, team).name == "GRADE 4 PLC"


@pytest.mark.parametrize(
    ("name", "kind", "problems"),
    [
        ("grade 5 plc", None, {"name": "There is already a team called grade 5 plc."}),
        (" ", None, {"name": "Give the team a name."}),
        ("x" * 81, None, {"name": "Keep the name under 80 characters."}),
        ("Grade 4 PLC", "k" * 81, {"kind": "Keep the team type under 80 characters."}),
    ],
)
def test_a_broken_team_change_is_refused(
    db: Database, pack: Pack, team: int, name: str, kind: str | None, problems: dict[str, str]
) -> None:
    make_team(db, pack, "Grade 5 PLC")
    before = detail(db, team)

    with pytest.raises(InvalidInput) as raised:
        update_team(db, team_id=team, name=name, purpose="Changed", kind=kind, now=FROZEN_NOW)

    assert raised.value.problems == problems
    assert detail(db, team) == before


def test_an_archived_team_leaves_home_but_its_meetings_stay(
    demo_db: Database, target: DatabaseTarget, pack: Pack
) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    november = meeting_named(demo_db, NOVEMBER)
    before = meeting_plan(demo_db, meeting_id=november, pack=pack)

    archive_team(demo_db, team_id=team_id, now=FROZEN_NOW)

    assert home_team_names(target) == ["Grade 3 Collaborative Learning Team"]
    assert detail(demo_db, team_id).archived
    assert meeting_plan(demo_db, meeting_id=november, pack=pack) == before


def test_a_restored_team_is_back_on_home(
    db: Database, target: DatabaseTarget, pack: Pack, team: int
) -> None:
    archive_team(db, team_id=team, now=FROZEN_NOW)

    restore_team(db, team_id=team, now=FROZEN_NOW)

    assert home_team_names(target) == ["Grade 4 PLC"]
    assert not detail(db, team).archived


def test_a_team_cannot_come_back_when_its_name_was_taken(
    db: Database, target: DatabaseTarget, pack: Pack, team: int
) -> None:
    archive_team(db, team_id=team, now=FROZEN_NOW)
    make_team(db, pack, "grade 4 plc")

    with pytest.raises(InvalidInput) as raised:
        restore_team(db, team_id=team, now=FROZEN_NOW)

    assert raised.value.problems == {"name": "There is already an active team called Grade 4 PLC."}
    assert detail(db, team).archived
    assert home_team_names(target) == ["grade 4 plc"]


def test_restoring_an_active_team_changes_nothing(db: Database, team: int) -> None:
    restore_team(db, team_id=team, now=FROZEN_NOW)

    assert not detail(db, team).archived


# Members -------------------------------------------------------------------------------


def test_a_member_is_added(db: Database, team: int) -> None:
    draft = MemberDraft(" Cara Diaz ", " Coach ", " cara@example.org ")

    new_id = add_member(db, team_id=team, draft=draft, now=FROZEN_NOW)

    assert detail(db, team).members[-1] == MemberLine(
        id=new_id, name="Cara Diaz", position="Coach", email="cara@example.org"
    )


def test_a_member_without_an_email_has_none(db: Database, team: int) -> None:
    new_id = add_member(db, team_id=team, draft=MemberDraft("Cara Diaz", email=" "), now=FROZEN_NOW)

    assert next(m for m in detail(db, team).members if m.id == new_id).email is None


@pytest.mark.parametrize(
    ("draft", "problems"),
    [
        (MemberDraft(" ann LEE "), {"name": "ann LEE is already on the team."}),
        (MemberDraft(""), {"name": "Give the member a name."}),
        (MemberDraft("  ", position="Coach"), {"name": "Give the member a name."}),
        (MemberDraft("x" * 81), {"name": "Keep names under 80 characters."}),
        (
            MemberDraft("Cara Diaz", email="cara@school"),
            {"email": "cara@school does not look like an e-mail address."},
        ),
        (
            MemberDraft("Cara Diaz", position="p" * 81),
            {"position": "Keep positions under 80 characters."},
        ),
        (
            MemberDraft("Ben cho", email="nope"),
            {
                "name": "Ben cho is already on the team.",
                "email": "nope does not look like an e-mail address.",
            },
        ),
    ],
)
def test_a_broken_member_is_refused(
    db: Database, team: int, draft: MemberDraft, problems: dict[str, str]
) -> None:
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add_member(db, team_id=team, draft=draft, now=FROZEN_NOW)

    assert raised.value.problems == problems
    assert row_counts(db) == before


def test_a_member_of_an_unknown_team_is_not_found(db: Database) -> None:
    with pytest.raises(NotFoundError, match="There is no team 9999."):
        add_member(db, team_id=9999, draft=MemberDraft("Ann"), now=FROZEN_NOW)


def test_a_name_on_another_team_is_no_clash(db: Database, pack: Pack, team: int) -> None:
    other = make_team(db, pack, "Grade 5 PLC", "Ann Lee")

    add_member(db, team_id=other, draft=MemberDraft("Ben Cho"), now=FROZEN_NOW)

    assert names(detail(db, other).members) == ["Ann Lee", "Ben Cho"]


def test_a_member_is_changed(db: Database, team: int) -> None:
    ann = member_id(db, team, "Ann Lee")

    update_member(
        db,
        member_id=ann,
        draft=MemberDraft(" Ann Lee-Park ", "Coach", "ann@example.org"),
        now=FROZEN_NOW,
    )

    assert detail(db, team).members[0] == MemberLine(
        id=ann, name="Ann Lee-Park", position="Coach", email="ann@example.org"
    )


def test_a_member_keeps_their_own_name(db: Database, team: int) -> None:
    ann = member_id(db, team, "Ann Lee")

    update_member(db, member_id=ann, draft=MemberDraft("ANN LEE", "Coach"), now=FROZEN_NOW)

    assert detail(db, team).members[0].name == "ANN LEE"


@pytest.mark.parametrize(
    ("draft", "problems"),
    [
        (MemberDraft("ben cho"), {"name": "ben cho is already on the team."}),
        (MemberDraft(" "), {"name": "Give the member a name."}),
        (
            MemberDraft("Ann Lee", email="ann at school"),
            {"email": "ann at school does not look like an e-mail address."},
        ),
    ],
)
def test_a_broken_member_change_is_refused(
    db: Database, team: int, draft: MemberDraft, problems: dict[str, str]
) -> None:
    ann = member_id(db, team, "Ann Lee")
    before = detail(db, team)

    with pytest.raises(InvalidInput) as raised:
        update_member(db, member_id=ann, draft=draft, now=FROZEN_NOW)

    assert raised.value.problems == problems
    assert detail(db, team) == before


def test_a_former_member_is_not_offered_but_keeps_their_name_in_old_meetings(
    demo_db: Database, pack: Pack
) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    daniel = member_id(demo_db, team_id, "Daniel Okafor")

    archive_member(demo_db, member_id=daniel, now=FROZEN_NOW)

    team = detail(demo_db, team_id)
    assert "Daniel Okafor" not in names(team.members)
    assert names(team.former_members) == ["Daniel Okafor"]
    december = meeting_plan(demo_db, meeting_id=meeting_named(demo_db, DECEMBER), pack=pack)
    assert "Daniel Okafor" not in [m.name for m in december.members]
    assert len(december.members) == 7
    november = meeting_plan(demo_db, meeting_id=meeting_named(demo_db, NOVEMBER), pack=pack)
    presenters = {line.title: line.presenter for line in november.agenda}
    assert presenters[
        "Guiding question: what does strong writing instruction look like here?"
    ] == Person("Daniel Okafor", member_id=daniel)


def test_a_former_members_name_can_be_used_again(db: Database, team: int) -> None:
    archive_member(db, member_id=member_id(db, team, "Ben Cho"), now=FROZEN_NOW)

    add_member(db, team_id=team, draft=MemberDraft("Ben Cho"), now=FROZEN_NOW)

    team_now = detail(db, team)
    assert (names(team_now.members), names(team_now.former_members)) == (
        ["Ann Lee", "Ben Cho"],
        ["Ben Cho"],
    )


# Norms ---------------------------------------------------------------------------------


def norm_texts(db: Database, team_id: int) -> list[str]:
    return [n.text for n in detail(db, team_id).norms]


def test_norms_come_from_the_pack_a_prompt_or_the_team(db: Database, pack: Pack, team: int) -> None:
    probing = pack.norms["probing"]
    prompt = pack.norm_prompts["listening"]

    from_pack = add_norm(
        db,
        team_id=team,
        text=probing.name,
        detail=f" {probing.practice} ",
        pack_norm_id=probing.id,
        now=FROZEN_NOW,
    )
    from_prompt = add_norm(
        db,
        team_id=team,
        text="  We  listen to understand. ",
        prompt_category=prompt.id,
        now=FROZEN_NOW,
    )
    written = add_norm(db, team_id=team, text="Phones away.", now=FROZEN_NOW)

    norms = detail(db, team).norms
    assert [(n.id, n.text, n.detail, n.pack_norm_id, n.prompt_category) for n in norms] == [
        (norms[0].id, "Start on time.", "", None, None),
        (from_pack, probing.name, probing.practice, "probing", None),
        (from_prompt, "We listen to understand.", "", None, "listening"),
        (written, "Phones away.", "", None, None),
    ]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("", "Write the norm first."),
        (" \n ", "Write the norm first."),
        ("n" * 241, "Keep a norm under 240 characters."),
        ("  start ON  time. ", "The team already has that norm."),
    ],
)
def test_a_broken_norm_is_refused(db: Database, team: int, text: str, problem: str) -> None:
    before = row_counts(db)

    with pytest.raises(InvalidInput) as raised:
        add_norm(db, team_id=team, text=text, now=FROZEN_NOW)

    assert raised.value.problems == {"norm": problem}
    assert row_counts(db) == before


def test_a_norm_of_the_longest_length_is_kept(db: Database, team: int) -> None:
    add_norm(db, team_id=team, text="n" * 240, now=FROZEN_NOW)

    assert norm_texts(db, team)[-1] == "n" * 240


def test_a_norm_is_reworded(db: Database, team: int) -> None:
    norm_id = detail(db, team).norms[0].id

    update_norm(db, norm_id=norm_id, text=" Start and end on time. ", now=FROZEN_NOW)
    update_norm(db, norm_id=norm_id, text="START and end on time.", now=FROZEN_NOW)

    assert norm_texts(db, team) == ["START and end on time."]


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("phones AWAY.", "The team already has that norm."),
        ("", "Write the norm first."),
        ("n" * 241, "Keep a norm under 240 characters."),
    ],
)
def test_a_broken_rewording_is_refused(db: Database, team: int, text: str, problem: str) -> None:
    add_norm(db, team_id=team, text="Phones away.", now=FROZEN_NOW)
    norm_id = detail(db, team).norms[0].id

    with pytest.raises(InvalidInput) as raised:
        update_norm(db, norm_id=norm_id, text=text, now=FROZEN_NOW)

    assert raised.value.problems == {"norm": problem}
    assert norm_texts(db, team) == ["Start on time.", "Phones away."]


@pytest.mark.parametrize(
    ("moved", "offset", "order"),
    [
        ("B", -1, ["B", "A", "C"]),
        ("B", 1, ["A", "C", "B"]),
        ("A", -1, ["A", "B", "C"]),
        ("C", 1, ["A", "B", "C"]),
        ("C", -5, ["C", "A", "B"]),
    ],
)
def test_a_norm_moves_up_or_down(
    db: Database, pack: Pack, moved: str, offset: int, order: list[str]
) -> None:
    team_id = make_team(db, pack, "Norm movers")
    ids = {text: add_norm(db, team_id=team_id, text=text, now=FROZEN_NOW) for text in "ABC"}

    move_norm(db, norm_id=ids[moved], offset=offset, now=FROZEN_NOW)

    assert norm_texts(db, team_id) == order


def test_a_retired_norm_leaves_the_list_but_is_kept(demo_db: Database, pack: Pack) -> None:
    team_id = team_named(demo_db, DEMO_TEAM)
    first = detail(demo_db, team_id).norms[0]

    retire_norm(demo_db, norm_id=first.id, now=FROZEN_NOW)

    team = detail(demo_db, team_id)
    assert first not in team.norms
    assert len(team.norms) == len(pack.norms) + 1
    assert team.retired_norms == (first,)
    december = meeting_plan(demo_db, meeting_id=meeting_named(demo_db, DECEMBER), pack=pack)
    assert first.text not in december.norms
    assert len(december.norms) == len(team.norms)


def test_a_retired_norms_wording_can_be_used_again(db: Database, team: int) -> None:
    retire_norm(db, norm_id=detail(db, team).norms[0].id, now=FROZEN_NOW)

    add_norm(db, team_id=team, text="Start on time.", now=FROZEN_NOW)

    team_now = detail(db, team)
    assert [n.text for n in team_now.norms] == ["Start on time."]
    assert [n.text for n in team_now.retired_norms] == ["Start on time."]


def test_a_norm_added_after_a_retirement_comes_last(db: Database, team: int) -> None:
    add_norm(db, team_id=team, text="B", now=FROZEN_NOW)
    retire_norm(db, norm_id=detail(db, team).norms[0].id, now=FROZEN_NOW)

    add_norm(db, team_id=team, text="C", now=FROZEN_NOW)

    assert norm_texts(db, team) == ["B", "C"]
