"""The guidebook's framing material as guides: CEC's theory of action, the six boundaries,
the labor-management study, the global competencies, the three frames of unionism and
the collaborative leadership structures. Each test checks the guide's sections and
named points against the source, so a missing, extra, renamed or reordered item fails."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from facilitator.pack.loader import Pack
from facilitator.pack.schema import Guide

CONTEXT_GUIDES = (
    "cec-theory-of-action",
    "six-boundaries",
    "labor-management-study",
    "global-competencies",
    "three-frames-of-unionism",
    "collaborative-leadership-structures",
)

FRAMES = ["Industrial", "Professional", "Social justice"]
FRAME_THEMES = [
    "orientation",
    "view-of-management",
    "role-of-parents",
    "bargaining",
    "decision-making",
    "achievement-gap",
    "working-conditions",
    "curriculum-and-assessment",
]
ATTRIBUTES = [
    "Partnership Quality",
    "Peer Collaboration",
    "Discretion",
    "Goal Alignment",
    "Psychological Safety",
    "Shared Decisions",
]
BOUNDARIES = [
    "The 3 Anchors",
    "Teachers, Support Staff and Students",
    "The Principals",
    "The Information System",
    "The Central Office and Specialists",
    "The External Environment: Parents and Community",
]

SEED = Path(__file__).resolve().parents[3] / "shared" / "seeds" / "003_9417dedb913113de.txt"


def section_ids(guide: Guide) -> list[str]:
    return [section.id for section in guide.sections]


def names(guide: Guide, section_id: str) -> list[str]:
    for section in guide.sections:
        if section.id == section_id:
            return [point.name for point in section.points]
    raise AssertionError(f"{guide.id} has no section {section_id!r}")


def point_text(guide: Guide, section_id: str, name: str) -> str:
    for section in guide.sections:
        if section.id == section_id:
            for point in section.points:
                if point.name == name:
                    return point.text
    raise AssertionError(f"{guide.id}: no point {name!r} in {section_id!r}")


@pytest.mark.parametrize("guide_id", CONTEXT_GUIDES)
def test_guide_names_the_guidebook(pack: Pack, guide_id: str) -> None:
    guide = pack.guides[guide_id]
    assert guide.source.document == "guidebook"
    assert guide.source.section


@pytest.mark.parametrize("guide_id", CONTEXT_GUIDES)
def test_no_point_repeats_within_a_section(pack: Pack, guide_id: str) -> None:
    for section in pack.guides[guide_id].sections:
        texts = [point.text for point in section.points]
        assert len(texts) == len(set(texts)), section.id
        named = [point.name for point in section.points if point.name]
        assert len(named) == len(set(named)), section.id


def test_topics(pack: Pack) -> None:
    topics = {guide_id: pack.guides[guide_id].topic for guide_id in CONTEXT_GUIDES}
    assert topics == {
        "cec-theory-of-action": "Collaboration",
        "six-boundaries": "Systems",
        "labor-management-study": "Collaboration",
        "global-competencies": "Learning",
        "three-frames-of-unionism": "Collaboration",
        "collaborative-leadership-structures": "Teams",
    }


def test_theory_of_action(pack: Pack) -> None:
    guide = pack.guides["cec-theory-of-action"]
    assert guide.source.section == "CEC's Theory of Action"
    assert section_ids(guide) == ["elements", "three-anchors", "commitments"]
    assert names(guide, "elements") == [
        "Empowering Students Through Learning",
        "Implementing Emerging Pedagogy",
        "Transforming the Profession",
        "Fostering Labor-Management Collaboration",
    ]
    assert names(guide, "three-anchors") == [
        "Board of education",
        "Administration",
        "Teachers' organization leadership",
    ]
    assert names(guide, "commitments") == [
        "Collaboration",
        "Capacity building",
        "Fitting the work to the place",
        "Sustaining it",
    ]


def test_six_boundaries(pack: Pack) -> None:
    guide = pack.guides["six-boundaries"]
    assert guide.source.section == "The Six Boundaries of a School System"
    assert section_ids(guide) == ["boundaries", "each-boundary", "moving-the-system"]
    assert names(guide, "boundaries") == BOUNDARIES
    # What the guide says about each boundary, in the same order.
    assert names(guide, "each-boundary") == BOUNDARIES
    numbered = [point.text for point in guide.sections[0].points]
    for number, text in enumerate(numbered, start=1):
        assert text.startswith(f"Boundary {number}:")
    assert len(names(guide, "moving-the-system")) == 5


def test_six_boundaries_anchor_members(pack: Pack) -> None:
    text = point_text(pack.guides["six-boundaries"], "boundaries", "The 3 Anchors").lower()
    for member in ("board of education", "superintendent", "administrative cabinet", "union"):
        assert member in text


def test_labor_management_study(pack: Pack) -> None:
    guide = pack.guides["labor-management-study"]
    assert section_ids(guide) == [
        "about-the-study",
        "findings",
        "teacher-perceptions",
        "district-culture",
        "school-culture",
    ]
    assert names(guide, "findings") == [
        "Student performance",
        "Turnover and commitment",
        "Knowledge sharing",
        "District partnerships as catalyst",
        "Union roles",
    ]
    assert names(guide, "teacher-perceptions") == [
        "Efficacy",
        "Principal resourcefulness",
        "Union representative resourcefulness",
    ]
    assert names(guide, "district-culture") == ATTRIBUTES
    assert names(guide, "school-culture") == ATTRIBUTES


def test_labor_management_study_facts(pack: Pack) -> None:
    guide = pack.guides["labor-management-study"]
    where = point_text(guide, "about-the-study", "Where")
    assert "400" in where and "21" in where
    for state in ("California", "Illinois", "Maine", "Massachusetts", "Minnesota", "New Jersey"):
        assert state in where
    who = point_text(guide, "about-the-study", "Who")
    assert "McCarthy" in who and "Rubinstein" in who and "October 2017" in who
    assert "ELA and math" in point_text(guide, "findings", "Student performance")


def test_culture_attributes_differ_by_level(pack: Pack) -> None:
    """Partnership quality reads the same at both levels; the other five are about
    administrators in the district and teachers in the school."""
    guide = pack.guides["labor-management-study"]
    for attribute in ATTRIBUTES:
        district = point_text(guide, "district-culture", attribute)
        school = point_text(guide, "school-culture", attribute)
        if attribute == "Partnership Quality":
            assert district == school
        else:
            assert district != school
            assert "teacher" in school.lower()


def test_global_competencies(pack: Pack) -> None:
    guide = pack.guides["global-competencies"]
    assert section_ids(guide) == ["competencies"]
    assert names(guide, "competencies") == [
        "Creativity",
        "Communication",
        "Citizenship",
        "Critical Thinking",
        "Character",
        "Collaboration",
    ]
    assert "2015" in guide.summary


def test_three_frames(pack: Pack) -> None:
    guide = pack.guides["three-frames-of-unionism"]
    assert section_ids(guide) == ["frames", *FRAME_THEMES]
    for section_id in ["frames", *FRAME_THEMES]:
        assert names(guide, section_id) == FRAMES, section_id


def test_three_frames_stances_stay_in_their_frame(pack: Pack) -> None:
    """Spot checks that the scrambled columns were assigned to the right frame."""
    guide = pack.guides["three-frames-of-unionism"]
    assert "seniority" in point_text(guide, "working-conditions", "Industrial").lower()
    assert "grievance" in point_text(guide, "decision-making", "Industrial").lower()
    assert "interest-based" in point_text(guide, "bargaining", "Professional").lower()
    assert "value-added" in point_text(guide, "achievement-gap", "Professional").lower()
    assert "Broader Bolder Approach" in point_text(
        guide, "curriculum-and-assessment", "Social justice"
    )
    assert "race" in point_text(guide, "bargaining", "Social justice").lower()


def test_collaborative_leadership_structures(pack: Pack) -> None:
    guide = pack.guides["collaborative-leadership-structures"]
    assert guide.source.section == "CEC's Collaborative Leadership Structures"
    assert section_ids(guide) == ["levels", "sharing-learning", "why"]
    assert names(guide, "levels") == [
        "District Learning Team (DLT)",
        "School Learning Team (SLT)",
        "Collaborative Learning Teams (CLTs)",
    ]
    sharing = " ".join(point.text for point in guide.sections[1].points)
    for team in ("DLT", "SLT", "collaborative learning teams"):
        assert team in sharing
    assert "vertically and horizontally" in sharing


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


@pytest.mark.skipif(not SEED.is_file(), reason="the guidebook seed is not beside the repo")
@pytest.mark.parametrize("guide_id", CONTEXT_GUIDES)
def test_written_in_own_words(pack: Pack, guide_id: str) -> None:
    """No sentence is lifted from the guidebook: no run of ten words appears in both
    (lists of names, such as the six states, are shorter than that)."""
    source = _words(SEED.read_text(encoding="utf-8"))
    run = 10
    lifted = {tuple(source[i : i + run]) for i in range(len(source) - run + 1)}
    guide = pack.guides[guide_id]
    texts = [guide.summary]
    for section in guide.sections:
        texts.append(section.intro)
        texts += [point.text for point in section.points]
    for text in texts:
        words = _words(text)
        for i in range(len(words) - run + 1):
            assert tuple(words[i : i + run]) not in lifted, text
