"""The Turnaround Leadership question bank and its two guides follow the source document.

Counts come from the turnaround document (004_98c17ffc80263fa1.txt): the three practices
for schools (after each School-Based Example), then the same three for districts (after
each LEA Example), every "Desired Future State" block once, in document order.
"""

from __future__ import annotations

from collections import Counter

import pytest

from facilitator.pack.loader import Pack
from facilitator.pack.schema import FutureState

PRIORITIZE = "Prioritize Improvement and Communicate Its Urgency"
MONITOR = "Monitor Short- and Long-Term Goals"
CUSTOMIZE = "Customize and Target Support to Meet Needs"
PRACTICES = [PRIORITIZE, MONITOR, CUSTOMIZE]

# (id, practice, level, number, reflection questions in the source) in document order.
# The states that only point elsewhere ("see 1.1.50 below", "see 1.3.53 below") carry the
# questions of the state they point to.
EXPECTED: list[tuple[str, str, str, str, int]] = [
    ("prioritize-welcoming-ideas", PRIORITIZE, "school", "1.1.10", 4),
    ("prioritize-shared-vision", PRIORITIZE, "school", "1.1.20", 2),
    ("prioritize-instructional-leadership-roles", PRIORITIZE, "school", "", 4),
    ("prioritize-teacher-data-collaboration", PRIORITIZE, "school", "", 9),
    ("prioritize-teacher-goal-conversations", PRIORITIZE, "school", "1.1.50", 9),
    ("prioritize-leadership-team-communication", PRIORITIZE, "school", "", 6),
    ("prioritize-progress-communication", PRIORITIZE, "school", "", 4),
    ("monitor-improvement-plan", MONITOR, "school", "", 4),
    ("monitor-formative-assessment-goals", MONITOR, "school", "1.2.30", 3),
    ("monitor-plan-milestones", MONITOR, "school", "", 5),
    ("monitor-growth-oriented-goals", MONITOR, "school", "", 6),
    ("customize-aligned-program-goals", CUSTOMIZE, "school", "", 3),
    ("customize-data-analysis-priority", CUSTOMIZE, "school", "", 4),
    ("customize-consultants-from-district", CUSTOMIZE, "school", "", 6),
    ("customize-external-consultants", CUSTOMIZE, "school", "", 7),
    ("customize-needs-assessment-action-plan", CUSTOMIZE, "school", "", 6),
    ("customize-needs-multiple-data-sources", CUSTOMIZE, "school", "", 6),
    ("customize-needs-interested-parties", CUSTOMIZE, "school", "", 6),
    ("customize-needs-collaborative-analysis", CUSTOMIZE, "school", "1.3.53", 6),
    ("prioritize-district-shared-vision", PRIORITIZE, "district", "", 5),
    ("prioritize-district-monthly-vision-meetings", PRIORITIZE, "district", "", 4),
    ("prioritize-district-data-training", PRIORITIZE, "district", "", 5),
    ("prioritize-district-vision-communication", PRIORITIZE, "district", "", 5),
    ("monitor-district-supportive-policies", MONITOR, "district", "", 5),
    ("monitor-district-plan-resources", MONITOR, "district", "", 4),
    ("monitor-district-data-review", MONITOR, "district", "", 4),
    ("monitor-district-state-test-review", MONITOR, "district", "", 6),
    ("customize-district-needs-based-initiatives", CUSTOMIZE, "district", "", 5),
    ("customize-district-outside-providers", CUSTOMIZE, "district", "", 5),
    ("customize-district-specialists", CUSTOMIZE, "district", "", 4),
    ("customize-district-resource-allocation", CUSTOMIZE, "district", "", 5),
    ("customize-district-responsive-support", CUSTOMIZE, "district", "", 6),
]

# Desired future states per practice and level, counted in the source.
COUNTS = {
    (PRIORITIZE, "school"): 7,
    (MONITOR, "school"): 4,
    (CUSTOMIZE, "school"): 8,
    (PRIORITIZE, "district"): 4,
    (MONITOR, "district"): 4,
    (CUSTOMIZE, "district"): 5,
}

# State -> the state whose strategies and questions the source points it to.
POINTERS = {
    "prioritize-teacher-data-collaboration": "prioritize-teacher-goal-conversations",
    "customize-needs-assessment-action-plan": "customize-needs-collaborative-analysis",
    "customize-needs-multiple-data-sources": "customize-needs-collaborative-analysis",
    "customize-needs-interested-parties": "customize-needs-collaborative-analysis",
}


def _bank(pack: Pack) -> list[FutureState]:
    return [s for s in pack.question_bank.values() if s.domain == "Turnaround leadership"]


def test_states_in_document_order(pack: Pack) -> None:
    assert [s.id for s in _bank(pack)] == [row[0] for row in EXPECTED]


def test_state_counts_per_practice_and_level(pack: Pack) -> None:
    counted = Counter((s.practice, s.level) for s in _bank(pack))

    assert dict(counted) == COUNTS
    assert sum(COUNTS.values()) == len(EXPECTED)


@pytest.mark.parametrize("practice", PRACTICES)
@pytest.mark.parametrize("level", ["school", "district"])
def test_each_practice_in_document_order(pack: Pack, practice: str, level: str) -> None:
    found = [s.id for s in _bank(pack) if s.practice == practice and s.level == level]
    expected = [row[0] for row in EXPECTED if row[1] == practice and row[2] == level]

    assert found == expected
    assert len(found) == COUNTS[(practice, level)]


@pytest.mark.parametrize(("state_id", "practice", "level", "number", "questions"), EXPECTED)
def test_state_fields(
    pack: Pack, state_id: str, practice: str, level: str, number: str, questions: int
) -> None:
    state = pack.question_bank[state_id]

    assert state.practice == practice
    assert state.level == level
    assert state.number == number
    target = pack.question_bank[state.see] if state.see else state
    assert len(target.questions) == questions
    assert all(q.endswith("?") for q in target.questions)
    assert target.strategies, "every state in the source has strategies (or points to some)"
    assert len(set(state.questions)) == len(state.questions)
    assert len(set(state.strategies)) == len(state.strategies)
    example = "School-Based Example" if level == "school" else "LEA Example"
    assert state.source.document == "turnaround"
    assert state.source.section == f"{practice}: {example}"


def test_numbers_the_document_gives(pack: Pack) -> None:
    numbered = {s.number: s.id for s in _bank(pack) if s.number}

    assert numbered == {
        "1.1.10": "prioritize-welcoming-ideas",
        "1.1.20": "prioritize-shared-vision",
        "1.1.50": "prioritize-teacher-goal-conversations",
        "1.2.30": "monitor-formative-assessment-goals",
        "1.3.53": "customize-needs-collaborative-analysis",
    }
    for number, state_id in numbered.items():
        practice = PRACTICES[int(number.split(".")[1]) - 1]
        assert pack.question_bank[state_id].practice == practice


def test_every_state_has_questions_or_strategies_or_points_to_some(pack: Pack) -> None:
    for state in _bank(pack):
        assert state.questions or state.strategies or state.see, state.id
        assert not (state.see and (state.questions or state.strategies)), state.id


def test_states_are_distinct(pack: Pack) -> None:
    texts = [s.state for s in _bank(pack)]

    assert len(set(texts)) == len(texts)


@pytest.mark.parametrize(("pointer", "target"), sorted(POINTERS.items()))
def test_pointer_states_point_to_the_state_with_the_content(
    pack: Pack, pointer: str, target: str
) -> None:
    """ "(see 1.1.50 below)": the pointing state names the state that holds the content."""
    source, dest = pack.question_bank[pointer], pack.question_bank[target]

    assert source.number == ""
    assert source.see == target
    assert dest.number and dest.strategies and dest.questions


def test_no_state_repeats_another_states_content(pack: Pack) -> None:
    lists = [state.questions for state in _bank(pack) if state.questions]
    assert len(set(lists)) == len(lists)  # one question may recur, a whole list does not
    assert {s.id for s in _bank(pack) if s.see} == set(POINTERS)


# Guides ------------------------------------------------------------------------------


def test_improvement_team_meetings_guide(pack: Pack) -> None:
    guide = pack.guides["improvement-team-meetings"]

    assert guide.topic == "Meetings"
    assert guide.source.document == "turnaround"
    assert [(s.id, len(s.points)) for s in guide.sections] == [
        ("planning", 4),
        ("conducting", 5),
        ("following-up", 3),
        ("meeting-techniques", 8),
    ]
    assert [p.name for p in guide.sections[0].points] == [
        "Schedule",
        "A way in for others",
        "Agenda template or protocol",
        "Materials",
    ]
    assert [p.name for p in guide.sections[1].points] == [
        "Protocol",
        "Progress report",
        "Guiding questions",
        "Decisions",
        "Next steps",
    ]
    assert [p.name for p in guide.sections[2].points] == [
        "Minutes",
        "Follow-up actions",
        "Self-reflection",
    ]
    techniques = {p.name for p in guide.sections[3].points}
    assert {
        "Agendas in advance",
        "Parking lot",
        "Vision tagline",
        "Facilitation training",
    } <= techniques
    assert "Minutes" not in techniques  # timely minutes live in "following-up"


def test_meeting_points_match_the_leadership_team_state(pack: Pack) -> None:
    """The 4 + 5 + 3 meeting points are the strategies of one school state."""
    guide = pack.guides["improvement-team-meetings"]
    strategies = pack.question_bank["prioritize-leadership-team-communication"].strategies
    lists = [s for s in guide.sections if s.id in ("planning", "conducting", "following-up")]

    assert len(strategies) == sum(len(s.points) for s in lists) == 12
    prefixes = ["Planning meetings", "Running engaging meetings", "Turning meetings into results"]
    assert [s.split(":")[0] for s in strategies] == [
        prefix for prefix, section in zip(prefixes, lists, strict=True) for _ in section.points
    ]


def test_turnaround_leadership_guide(pack: Pack) -> None:
    guide = pack.guides["turnaround-leadership"]

    assert guide.topic == "Turnaround"
    assert guide.source.document == "turnaround"
    assert [s.id for s in guide.sections] == [
        "overview",
        "prioritize-improvement",
        "monitor-goals",
        "customize-support",
    ]
    practice_sections = guide.sections[1:]
    assert [s.title for s in practice_sections] == PRACTICES
    # Practice description points (3, 4 and 3 in the source), then the two examples.
    for section, described in zip(practice_sections, [3, 4, 3], strict=True):
        names = [p.name for p in section.points]
        assert names == [""] * described + ["School-based example", "LEA example"]
    assert {s.practice for s in _bank(pack)} == set(PRACTICES)
