"""The Seven Norms, the Developing Norms worksheet and the team roles match the guidebook."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack

NORMS = [
    ("pausing", "Pausing", ()),
    ("paraphrasing", "Paraphrasing", ("So...", "As you are...", "You're thinking...")),
    (
        "probing",
        "Probing",
        (
            "Please say more...",
            "I'm curious about...",
            "I'd like to hear more about...",
            "Then, are you saying...?",
        ),
    ),
    (
        "putting-ideas-on-the-table",
        "Putting ideas on the table",
        ("Here is one idea...", "One thought I have is...", "Here is a possible approach..."),
    ),
    ("paying-attention-to-self-and-others", "Paying attention to self and others", ()),
    ("presuming-positive-presuppositions", "Presuming positive presuppositions", ()),
    (
        "pursuing-a-balance-between-advocacy-and-inquiry",
        "Pursuing a balance between advocacy and inquiry",
        (),
    ),
]

# The "Developing Norms" worksheet as the guidebook words it: topic, then its questions.
SOURCE_PROMPTS: list[tuple[str, str, tuple[str, ...]]] = [
    (
        "time",
        "Time",
        (
            "When do we meet?",
            "Will we set a beginning and ending time?",
            "Will we start and end on time?",
        ),
    ),
    (
        "listening",
        "Listening",
        (
            "How will we encourage listening?",
            "How will we discourage interrupting?",
            "What do we want to learn?",
            "How can we ensure open, honest conversations?",
        ),
    ),
    (
        "confidentiality",
        "Confidentiality",
        (
            "Will the meetings be open?",
            "Will what we say in the meeting be held in confidence?",
            "What can be said after the meeting?",
        ),
    ),
    (
        "decision-making",
        "Decision making",
        (
            "How will we make decisions?",
            "Are we an advisory or a decision-making body?",
            "How will we deal with conflicts?",
        ),
    ),
    (
        "participation",
        "Participation",
        (
            "How will we encourage everyone's participation?",
            "How we will ensure broad participation from all stakeholders?",
        ),
    ),
    (
        "expectations",
        "Expectations",
        (
            "What do we expect from members?",
            "Are there requirements for participation?",
            "How will we determine our school-wide instructional focus?",
            "How will we communicate with our school community?",
        ),
    ),
]


def test_the_seven_norms_in_source_order_with_their_starters(pack: Pack) -> None:
    assert [(n.id, n.name, n.starters) for n in pack.norms.values()] == NORMS
    for norm in pack.norms.values():
        assert norm.source.document == "guidebook"
        assert norm.source.section == "The Seven Norms of Collaborative Work"


def test_developing_norms_has_every_topic_and_question_count(pack: Pack) -> None:
    found = [(p.id, p.topic, len(p.questions)) for p in pack.norm_prompts.values()]
    expected = [(pid, topic, len(questions)) for pid, topic, questions in SOURCE_PROMPTS]

    assert found == expected
    for prompt in pack.norm_prompts.values():
        assert prompt.source.document == "guidebook"
        assert prompt.source.section == "Developing Norms"


@pytest.mark.parametrize(("prompt_id", "source_questions"), [(p, q) for p, _, q in SOURCE_PROMPTS])
def test_norm_questions_are_reworded_questions(
    pack: Pack, prompt_id: str, source_questions: tuple[str, ...]
) -> None:
    questions = pack.norm_prompts[prompt_id].questions
    original = {q.casefold() for q in source_questions}

    assert len(set(questions)) == len(questions)
    for question in questions:
        assert question.endswith("?"), question
        assert question.casefold() not in original, f"copied from the source: {question}"


def test_roles_in_order_with_their_focus(pack: Pack) -> None:
    assert list(pack.roles) == ["chair", "facilitator", "recorder", "timekeeper", "team-member"]
    assert [role.assignable for role in pack.roles.values()] == [True, True, True, True, False]
    focus = {role_id: role.focus.split(":")[0].casefold() for role_id, role in pack.roles.items()}
    assert focus["chair"].startswith("content")
    assert focus["facilitator"].startswith("process")
    assert focus["recorder"].startswith("the record")
    assert focus["timekeeper"].startswith("time")


@pytest.mark.parametrize(
    ("role_id", "duties", "before", "during", "after"),
    [
        # Team Roles and Responsibilities: ten standing duties, then 2 / 6 / 3 by phase.
        ("chair", 10, 2, 6, 3),
        # Team Roles (2) plus The Role of the Facilitator (3 safe-environment points, the
        # agenda, 5 keep-on-task points and 2 physical-needs points).
        ("facilitator", 5, 1, 7, 0),
        ("recorder", 3, 0, 0, 1),
        ("timekeeper", 1, 0, 0, 0),
        ("team-member", 6, 0, 0, 0),
    ],
)
def test_role_duty_counts_per_phase(
    pack: Pack, role_id: str, duties: int, before: int, during: int, after: int
) -> None:
    role = pack.roles[role_id]
    counts = (len(role.duties), len(role.before), len(role.during), len(role.after))

    assert counts == (duties, before, during, after)
    everything = [*role.duties, *role.before, *role.during, *role.after]
    assert len(set(everything)) == len(everything)


def test_recorder_sends_minutes_within_48_hours(pack: Pack) -> None:
    (after,) = pack.roles["recorder"].after
    assert "minutes" in after and "48 hours" in after
