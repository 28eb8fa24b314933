"""Deciding how to decide: the six methods, the seven-point continuum and the guides."""

from __future__ import annotations

from facilitator.domain.enums import DecisionMethod
from facilitator.pack.loader import Pack

METHODS = [
    ("unanimous", DecisionMethod.UNANIMOUS, "Unanimous", 1),
    ("one-person-decides", DecisionMethod.ONE_PERSON, "One person decides", 1),
    ("compromise", DecisionMethod.COMPROMISE, "Compromise", 1),
    ("multi-voting", DecisionMethod.MULTI_VOTE, "Multi-voting", 1),
    # Majority voting: trivial matter, clear options, division of the group is OK.
    ("majority-vote", DecisionMethod.MAJORITY, "Majority voting", 3),
    # Consensus: collaborative, total buy-in, impacts the whole group, plus the five
    # "most beneficial" rows of the consensus table.
    ("consensus", DecisionMethod.CONSENSUS, "Consensus", 8),
]

CONTINUUM = [
    (1, "me", "ask if needed"),
    (2, "me", "inform"),
    (3, "me", "consult"),
    (4, "us", "co-construct"),
    (5, "you", "consult"),
    (6, "you", "inform"),
    (7, "you", "ask if needed"),
]
WHO = {"me": "My decision", "us": "Joint decision", "you": "Your decision"}


def test_six_methods_each_recorded_as_a_distinct_method(pack: Pack) -> None:
    found = [(m.id, m.method, m.name, len(m.fits)) for m in pack.decision_methods.values()]

    assert found == METHODS
    assert {m.method for m in pack.decision_methods.values()} == set(DecisionMethod)
    for method in pack.decision_methods.values():
        assert method.source.document == "guidebook"
        assert method.source.section.startswith("Meetings That Work")


def test_consensus_cautions_are_the_least_beneficial_rows(pack: Pack) -> None:
    consensus = pack.decision_methods["consensus"]
    guide = {s.id: s for s in pack.guides["deciding-how-to-decide"].sections}

    assert len(consensus.cautions) == len(guide["helps-least"].points) == 4
    assert len(consensus.fits) - 3 == len(guide["helps-most"].points) == 5
    others = [m for m in pack.decision_methods.values() if m.id != "consensus"]
    assert all(not m.cautions for m in others)


def test_seven_continuum_points_in_order(pack: Pack) -> None:
    points = list(pack.continuum.values())

    assert [p.id for p in points] == [f"point-{n}" for n in range(1, 8)]
    assert [(p.number, p.decides, p.involvement) for p in points] == CONTINUUM
    assert len({p.statement for p in points}) == 7
    for point in points:
        assert point.source.document == "guidebook"
        assert point.source.section == "Decision-Making: Deciding How to Decide"


def test_deciding_guide_sections_and_counts(pack: Pack) -> None:
    guide = pack.guides["deciding-how-to-decide"]
    counts = [(s.id, len(s.points)) for s in guide.sections]

    assert guide.topic == "Deciding"
    assert counts == [
        ("be-explicit", 3),
        ("collaborative-works-best", 6),
        ("consensus", 2),
        ("helps-most", 5),
        ("helps-least", 4),
        ("continuum", 7),
    ]


def test_guide_continuum_matches_the_continuum_points(pack: Pack) -> None:
    section = next(s for s in pack.guides["deciding-how-to-decide"].sections if s.id == "continuum")
    names = [point.name for point in section.points]

    assert names == [f"{p.number}. {WHO[p.decides]}" for p in pack.continuum.values()]
    assert "youtu.be/r1jtpnqJUms" in section.intro


def test_process_and_content_guide(pack: Pack) -> None:
    guide = pack.guides["process-and-content"]
    sections = {s.id: [p.name for p in s.points] for s in guide.sections}

    assert guide.topic == "Meetings"
    assert list(sections) == ["process", "content"]
    assert sections["process"] == [
        "Problem-solving",
        "Communication and representation",
        "Conflict",
        "Decision-making",
        "Norms",
        "Effectiveness",
    ]
    assert sections["content"] == [
        "Purpose",
        "Agenda",
        "Data",
        "Monitoring",
        "Expert advice",
        "Action plan",
        "Implementation",
        "Reflection",
    ]
