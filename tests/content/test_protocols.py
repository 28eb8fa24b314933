"""Helper B's protocols, checked against the guidebook: interest-based problem solving,
consensus, the conflict time-out, the ladder of inference, the four critical questions,
the continuous-improvement cycle and the process check."""

from __future__ import annotations

from facilitator.pack.loader import Pack
from facilitator.pack.schema import Protocol

IBPS_STEPS = [
    "Define the issues",
    "Identify stakeholders and interests",
    "Generate options",
    "Evaluate options",
    "Commit to solutions",
    "Agree on a plan of action",
]
# One keyword from each side of each row of "Contrasting principles", in the table's order.
IBPS_CONTRASTS = [
    ("tactic", "sharing everything"),
    ("from the start", "until the end"),
    ("positions", "interests"),
    ("own preferred solution", "wide range of possible solutions"),
    ("win", "questions to understand"),
    ("pressure", "reasons"),
    ("caucuses", "consensus"),
    ("mixing relationship issues", "apart from content issues"),
    ("deciding alone how it will treat", "how we will treat each other"),
]
CONFLICT_STEPS = [
    "Revisit group norms",
    "Emphasise listening",
    "Clarify issues",
    "Plan and carry out interventions as needed",
    "Call a time-out to regroup",
]
LADDER_USES = ["Reflection", "Advocacy", "Inquiry"]
PLC_QUESTIONS = [
    "What do we want our students to learn?",
    "How will we know whether they have learned it?",
    "What will we do when they have not learned it?",
    "What will we do when they already know it?",
]
CYCLE_STEPS = [
    "Gather evidence",
    "Develop strategies and ideas",
    "Implement",
    "Analyse the impact",
    "Apply the new knowledge",
]
MINE = [
    "interest-based-problem-solving",
    "consensus",
    "conflict-time-out",
    "ladder-of-inference",
    "plc-critical-questions",
    "continuous-improvement-cycle",
    "process-check",
]


def titles(protocol: Protocol) -> list[str]:
    return [step.title for step in protocol.steps]


def test_every_protocol_is_from_the_guidebook(pack: Pack) -> None:
    for protocol_id in MINE:
        protocol = pack.protocols[protocol_id]
        assert protocol.source.document == "guidebook", protocol_id
        assert protocol.name and protocol.summary
        # The source sets no times for any of these protocols.
        assert all(step.minutes is None for step in protocol.steps), protocol_id


def test_ibps_has_the_six_elements_in_order(pack: Pack) -> None:
    ibps = pack.protocols["interest-based-problem-solving"]

    assert titles(ibps) == IBPS_STEPS
    assert all(step.detail for step in ibps.steps)
    assert ibps.source.section == "Interest-Based Problem Solving"


def test_ibps_has_the_nine_contrasting_principles(pack: Pack) -> None:
    ibps = pack.protocols["interest-based-problem-solving"]

    assert ibps.contrast_labels == ("Position-based", "Interest-based")
    assert len(ibps.contrasts) == len(IBPS_CONTRASTS)
    for contrast, (old, new) in zip(ibps.contrasts, IBPS_CONTRASTS, strict=True):
        assert old in contrast.instead_of.lower(), contrast
        assert new in contrast.prefer.lower(), contrast
    assert any("guiding principles" in line for line in ibps.when)


def test_consensus_gives_the_definition_and_both_sets_of_criteria(pack: Pack) -> None:
    consensus = pack.protocols["consensus"]

    # No steps in the source: none invented.
    assert consensus.steps == ()
    # "Everyone supports, agrees to, and can live with the decision."
    for word in ("backs", "agrees to", "live with"):
        assert word in consensus.summary
    # The five "most beneficial when" rows ...
    assert len(consensus.when) == 5
    # ... and the four "least beneficial when" rows.
    assert len(consensus.when_not) == 4
    when_not = " ".join(consensus.when_not)
    for word in ("matters little", "another way of deciding", "not worth the time", "quickly"):
        assert word in when_not
    assert consensus.questions[:3] == (
        "Does everyone support this decision?",
        "Does everyone agree to it?",
        "Can everyone live with it?",
    )


def test_conflict_time_out_has_the_five_strategies(pack: Pack) -> None:
    time_out = pack.protocols["conflict-time-out"]

    assert titles(time_out) == CONFLICT_STEPS
    assert time_out.source.section == "Meetings That Work"


def test_ladder_has_three_uses_and_five_questions(pack: Pack) -> None:
    ladder = pack.protocols["ladder-of-inference"]

    assert titles(ladder) == LADDER_USES
    assert len(ladder.questions) == 5
    assert "observe" in ladder.questions[0]
    assert "did you mean" in ladder.questions[4]


def test_plc_critical_questions_with_their_follow_ups(pack: Pack) -> None:
    plc = pack.protocols["plc-critical-questions"]

    assert titles(plc) == PLC_QUESTIONS
    # The first three carry one follow-up each; the fourth has none in the source.
    assert [len(step.questions) for step in plc.steps] == [1, 1, 1, 0]


def test_continuous_improvement_cycle_has_five_steps(pack: Pack) -> None:
    cycle = pack.protocols["continuous-improvement-cycle"]

    assert titles(cycle) == CYCLE_STEPS
    assert all(step.detail for step in cycle.steps)


def test_process_check_covers_progress_and_impact(pack: Pack) -> None:
    check = pack.protocols["process-check"]

    assert titles(check) == ["Check progress", "Check the impact of decisions"]
    assert "When the process starts to falter." in check.when
    assert check.questions[0] == "Are we making progress on this item?"
    assert any("Is everyone in?" in question for question in check.questions)
    assert len(check.questions) == len(set(check.questions)) == 6
