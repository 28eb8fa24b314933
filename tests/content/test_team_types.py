"""The three team types of the guidebook, with every principle, member and function."""

from __future__ import annotations

from facilitator.pack.loader import Pack

# (id, name, principles, composition, functions, questions)
TEAM_TYPES = [
    ("district-learning-team", "District Learning Team", 5, 7, 8, 0),
    # Composition: "selected by peer groups" plus the four groups listed.
    ("school-learning-team", "School Learning Team", 4, 5, 7, 0),
    # Functions: explore the questions; share learning vertically and horizontally.
    ("collaborative-learning-team", "Collaborative Learning Team", 5, 4, 2, 6),
]


def test_three_team_types_with_their_counts(pack: Pack) -> None:
    found = [
        (
            team.id,
            team.name,
            len(team.principles),
            len(team.composition),
            len(team.functions),
            len(team.questions),
        )
        for team in pack.team_types.values()
    ]

    assert found == TEAM_TYPES


def test_each_team_type_names_its_own_section(pack: Pack) -> None:
    sections = [team.source.section for team in pack.team_types.values()]

    assert sections == [
        "District Learning Team",
        "School Learning Team",
        "Collaborative Learning Teams",
    ]
    assert all(team.source.document == "guidebook" for team in pack.team_types.values())


def test_every_team_type_commits_to_interest_based_problem_solving(pack: Pack) -> None:
    for team in pack.team_types.values():
        assert team.principles[-1] == "Commit to interest-based problem solving.", team.id
        assert len(team.principles) == len(set(team.principles)), team.id


def test_district_team_has_its_co_chairs_and_progress_questions(pack: Pack) -> None:
    district = pack.team_types["district-learning-team"]

    assert any("co-chairs" in line for line in district.composition)
    assert any(
        '"How are we doing?"' in f
        and '"How do we know?"' in f
        and f.index('"How are we doing?"') < f.index('"How do we know?"')
        for f in district.functions
    )
