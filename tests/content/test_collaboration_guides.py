"""Helper B's guides, checked against the guidebook: relationship builders, conflict
modes, the facilitator's role, adult learners, building trust and PLCs."""

from __future__ import annotations

from facilitator.pack.loader import Pack
from facilitator.pack.schema import Guide, GuideSection

ATTITUDES = [
    "Be wholly trustworthy, not wholly trusting",
    "Always consult before deciding",
    "Accept the other person",
    "Separate relationship issues from process and content issues",
    "Choose rather than react in kind",
    "Describe rather than characterize",
    "Assume the other person's good will",
    "Be unconditionally constructive",
]
MODES = ["Compete", "Accommodate", "Compromise", "Avoid", "Collaborate"]
TRUST_COMPONENTS = ["Benevolence", "Reliability", "Competence", "Honesty", "Openness"]
ADULT_IDEAS = [
    "Know the learner",
    "Make the learning relevant",
    "Vary the learning experiences",
    "The learner does learning",
    "Create a positive and supportive learning environment",
]
PLC_CHARACTERISTICS = [
    "Shared mission, vision, values, goals",
    "Collaborative teams focused on learning",
    "Collective inquiry",
    "Action orientation and experimentation",
    "Commitment to continuous improvement",
    "Results orientation",
]
MINE = {
    "relationship-builders": "Conflict",
    "conflict-modes": "Conflict",
    "role-of-the-facilitator": "Facilitation",
    "facilitating-adult-learners": "Facilitation",
    "building-trust": "Trust",
    "professional-learning-communities": "Teams",
}


def sections(guide: Guide) -> dict[str, GuideSection]:
    return {section.id: section for section in guide.sections}


def names(section: GuideSection) -> list[str]:
    return [point.name for point in section.points]


def test_guides_come_from_the_guidebook_with_their_topics(pack: Pack) -> None:
    for guide_id, topic in MINE.items():
        guide = pack.guides[guide_id]
        assert guide.source.document == "guidebook", guide_id
        assert guide.topic == topic, guide_id
        texts = [point.text for section in guide.sections for point in section.points]
        assert len(texts) == len(set(texts)), f"{guide_id} repeats a point"


def test_eight_attitudes_of_relationship_builders(pack: Pack) -> None:
    guide = pack.guides["relationship-builders"]

    assert [s.id for s in guide.sections] == ["attitudes"]
    assert names(guide.sections[0]) == ATTITUDES


def test_conflict_modes_tension_then_five_modes_in_order(pack: Pack) -> None:
    guide = pack.guides["conflict-modes"]

    assert [s.id for s in guide.sections] == ["tension", "modes"]
    assert len(sections(guide)["tension"].points) == 3
    assert names(sections(guide)["modes"]) == MODES
    assert guide.source.section == "Managing Conflict & Difficult Conversations"


def test_trust_has_five_components_and_nine_barriers(pack: Pack) -> None:
    guide = pack.guides["building-trust"]
    parts = sections(guide)

    assert list(parts) == ["components", "barriers"]
    assert names(parts["components"]) == TRUST_COMPONENTS
    assert len(parts["barriers"].points) == 9
    assert all(not point.name for point in parts["barriers"].points)
    # The last barrier is the school's own past.
    assert "past" in parts["barriers"].points[-1].text


def test_role_of_the_facilitator_sections(pack: Pack) -> None:
    guide = pack.guides["role-of-the-facilitator"]
    counts = {section.id: len(section.points) for section in guide.sections}

    assert counts == {"framing": 3, "safe-environment": 3, "on-task": 6, "physical-needs": 2}
    assert list(counts) == ["framing", "safe-environment", "on-task", "physical-needs"]


def test_five_ideas_for_adult_learners(pack: Pack) -> None:
    guide = pack.guides["facilitating-adult-learners"]
    parts = sections(guide)

    assert list(parts) == ["learning-theory", "ideas"]
    assert names(parts["ideas"]) == ADULT_IDEAS
    assert "Knowles" in guide.summary


def test_plc_guide_sections_and_six_characteristics(pack: Pack) -> None:
    guide = pack.guides["professional-learning-communities"]
    counts = {section.id: len(section.points) for section in guide.sections}

    assert counts == {
        "best-practices": 6,
        "focus-on-learning": 4,
        "collaborative-culture": 2,
        "focus-on-results": 3,
        "essential-characteristics": 6,
    }
    assert list(counts) == [
        "best-practices",
        "focus-on-learning",
        "collaborative-culture",
        "focus-on-results",
        "essential-characteristics",
    ]
    assert names(sections(guide)["essential-characteristics"]) == PLC_CHARACTERISTICS


def test_plc_guide_and_protocol_ask_the_same_four_questions(pack: Pack) -> None:
    guide = sections(pack.guides["professional-learning-communities"])["focus-on-learning"]
    protocol = pack.protocols["plc-critical-questions"]

    assert names(guide) == [step.title for step in protocol.steps]
