"""Recording a decision by its method: each method's record round-trips through the
database and is counted the same way the minutes count it; bad input is refused with a
sentence beside its field and nothing is half-saved."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

import pytest
from sqlmodel import col, select

from facilitator.domain.decision_count import count_decision, vote_groups
from facilitator.domain.decision_draft import DecisionDraft
from facilitator.domain.decision_tally import ThresholdKind
from facilitator.domain.enums import AfterBlock, DecisionMethod, DecisionStatus, VoteChoice
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services.captures import add_decision
from facilitator.services.deciding import decision_sheet, next_round, record_decision
from facilitator.store.database import Database
from facilitator.store.tables import Attendance, Decision, Member, Vote
from tests.conftest import FROZEN_NOW

DECEMBER = 2  # the demo's planned leadership meeting (all eight members expected)
T0 = FROZEN_NOW + timedelta(days=7, hours=1, minutes=30)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def decision(demo_db: Database) -> int:
    return add_decision(
        demo_db, meeting_id=DECEMBER, item_id=None, question="Move walkthroughs?", now=at(0)
    )


def members(db: Database) -> list[int]:
    with db.read() as session:
        rows = session.exec(
            select(Attendance.member_id).where(
                Attendance.meeting_id == DECEMBER, col(Attendance.member_id).is_not(None)
            )
        ).all()
    return sorted(m for m in rows if m is not None)


def problems(call: Callable[[], object]) -> dict[str, str]:
    with pytest.raises(InvalidInput) as raised:
        call()
    return dict(raised.value.problems)


def save(db: Database, decision_id: int, draft: DecisionDraft) -> None:
    record_decision(db, decision_id=decision_id, draft=draft, now=at(60))


def test_a_majority_vote_at_two_thirds_is_counted_not_typed(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    people = members(demo_db)
    said = [VoteChoice.YES] * 5 + [VoteChoice.NO] * 3
    draft = DecisionDraft(
        DecisionMethod.MAJORITY,
        choices=dict(zip(people, said, strict=True)),
        threshold_kind=ThresholdKind.TWO_THIRDS,
        quorum=6,
        outcome="Walkthroughs stay on Tuesdays",
        status=DecisionStatus.DECIDED,
    )
    save(demo_db, decision, draft)

    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    tally = count_decision(line)
    assert tally is not None and not tally.decided
    assert tally.summary == (
        "Not carried: 5 of 8 votes cast were yes: not the two thirds needed (5 yes, 3 no)."
    )
    assert (line.quorum, line.present_count, line.threshold_kind) == (6, 8, "two_thirds")
    assert dict(vote_groups(line))["No"].count(" and ") == 1


def test_a_secret_ballot_keeps_counts_and_no_votes(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    draft = DecisionDraft(
        DecisionMethod.MAJORITY,
        ballot=(4, 2, 1),
        threshold_kind=ThresholdKind.PERCENT,
        threshold_percent=60,
    )
    save(demo_db, decision, draft)

    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    assert line.ballot == (4, 2, 1) and line.votes == ()
    tally = count_decision(line)
    assert tally is not None and tally.decided
    assert tally.summary.startswith("Carried: 4 of 6 votes cast were yes, 60% needed")


def test_an_anonymous_consensus_with_a_block_names_no_one(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    first, second, third, *_ = members(demo_db)
    draft = DecisionDraft(
        DecisionMethod.CONSENSUS,
        choices={first: VoteChoice.SUPPORT, second: VoteChoice.LIVE_WITH, third: VoteChoice.BLOCK},
        reasons={third: "Grade 2 loses its slot"},
        anonymous=True,
        after_block=AfterBlock.FALLBACK,
        fallback_method=DecisionMethod.MAJORITY,
        status=DecisionStatus.DEFERRED,
    )
    save(demo_db, decision, draft)

    with demo_db.read() as session:
        stored = session.exec(select(Vote).where(Vote.decision_id == decision)).all()
    assert {v.member_id for v in stored} == {None}
    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    tally = count_decision(line)
    assert tally is not None and not tally.decided
    assert tally.summary == (
        "No consensus: 1 member blocks (1 support, 1 can live with it). "
        "Next: the fallback method chosen in advance, Majority voting."
    )
    assert dict(vote_groups(line))["Blocks"] == "1 member (Grade 2 loses its slot)"


def test_a_unanimous_roll_call_fails_on_one_no(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    people = members(demo_db)
    choices = dict.fromkeys(people, VoteChoice.YES) | {people[-1]: VoteChoice.NO}
    save(demo_db, decision, DecisionDraft(DecisionMethod.UNANIMOUS, choices=choices))

    tally = count_decision(decision_sheet(demo_db, decision_id=decision, pack=pack).line)
    assert tally is not None and not tally.decided
    assert tally.summary.startswith("Not unanimous: ") and tally.summary.endswith(" said no.")


def test_a_multi_vote_keeps_its_first_round_when_narrowed(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    a, b, c, *_ = members(demo_db)
    options = ("Reading", "Writing", "Maths", "Attendance")
    dots = {a: {0: 1, 1: 1}, b: {0: 1, 2: 1}, c: {1: 2}}
    draft = DecisionDraft(DecisionMethod.MULTI_VOTE, options=options, dots=dots, dot_budget=2)
    save(demo_db, decision, draft)
    assert next_round(demo_db, decision_id=decision, keep=[0, 1], now=at(70)) == 2
    second = DecisionDraft(
        DecisionMethod.MULTI_VOTE,
        options=("Reading", "Writing"),
        dots={a: {0: 1}, b: {0: 1}, c: {1: 1}},
        dot_budget=1,
        chosen=frozenset({0}),
    )
    save(demo_db, decision, second)

    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    tally = count_decision(line)
    assert tally is not None and tally.decided
    assert tally.summary == (
        "Round 1: Writing: 3 dots; Reading: 2 dots; Maths: 1 dot; Attendance: 0 dots. "
        "Round 2: Reading: 2 dots; Writing: 1 dot. Chosen: Reading."
    )
    assert [o.text for o in line.options] == list(options)  # in the order typed


def test_a_second_round_keeps_the_order_typed(demo_db: Database, decision: int, pack: Pack) -> None:
    """Regression, found in tmux: narrowing to the 2nd and 4th options moved them to
    the top of the minutes' list, out of the order the options were typed in."""
    options = ("Picture books", "Non-fiction", "Graphic novels", "Audio")
    save(demo_db, decision, DecisionDraft(DecisionMethod.MULTI_VOTE, options=options, dot_budget=1))
    next_round(demo_db, decision_id=decision, keep=[1, 3], now=at(70))
    second = DecisionDraft(
        DecisionMethod.MULTI_VOTE, options=("Non-fiction", "Audio"), dot_budget=1
    )
    save(demo_db, decision, second)

    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    assert [(o.text, o.voting_round) for o in line.options] == [
        ("Picture books", 1),
        ("Non-fiction", 2),
        ("Graphic novels", 1),
        ("Audio", 2),
    ]


def test_a_compromise_keeps_each_side_and_what_it_gives(
    demo_db: Database, decision: int, pack: Pack
) -> None:
    draft = DecisionDraft(
        DecisionMethod.COMPROMISE,
        options=("Weekly walkthroughs", "Monthly walkthroughs"),
        gives=("Drops the Friday slot", "Accepts two a month"),
        outcome="Fortnightly, never on Fridays",
    )
    save(demo_db, decision, draft)

    line = decision_sheet(demo_db, decision_id=decision, pack=pack).line
    assert [(o.text, o.gives) for o in line.options] == [
        ("Weekly walkthroughs", "Drops the Friday slot"),
        ("Monthly walkthroughs", "Accepts two a month"),
    ]
    tally = count_decision(line)
    assert tally is not None and tally.summary == "A middle agreed between 2 positions."


def test_one_person_decides_after_consulting(demo_db: Database, decision: int, pack: Pack) -> None:
    boss, first, second, *_ = members(demo_db)
    draft = DecisionDraft(
        DecisionMethod.ONE_PERSON,
        decider=boss,
        choices={first: VoteChoice.CONSULTED, second: VoteChoice.CONSULTED},
        continuum_point=3,
        outcome="Tuesdays",
        review_on=date(2027, 3, 1),
    )
    save(demo_db, decision, draft)

    sheet = decision_sheet(demo_db, decision_id=decision, pack=pack)
    names = [p.name for p in sheet.present]
    tally = count_decision(sheet.line)
    assert tally is not None and tally.decided
    assert tally.summary == (
        f"{names[0]} decides, after consulting {names[1]} and {names[2]} (My decision: consult)."
    )
    assert sheet.line.review_on == date(2027, 3, 1)


def test_a_vote_from_someone_not_present_is_refused_and_nothing_saved(
    demo_db: Database, decision: int
) -> None:
    absent = members(demo_db)[0]
    with demo_db.write(now=at(1)) as session:
        row = session.exec(
            select(Attendance).where(
                Attendance.meeting_id == DECEMBER, Attendance.member_id == absent
            )
        ).one()
        row.status = "absent"
    draft = DecisionDraft(DecisionMethod.MAJORITY, choices={absent: VoteChoice.YES})

    assert set(problems(lambda: save(demo_db, decision, draft))) == {"votes"}
    with demo_db.read() as session:
        assert session.exec(select(Vote).where(Vote.decision_id == decision)).all() == []
        assert session.get(Decision, decision).method is None  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("draft", "field"),
    [
        (DecisionDraft(DecisionMethod.MAJORITY, threshold_kind=ThresholdKind.PERCENT), "threshold"),
        (
            DecisionDraft(
                DecisionMethod.MAJORITY, threshold_kind=ThresholdKind.PERCENT, threshold_percent=101
            ),
            "threshold",
        ),
        (DecisionDraft(DecisionMethod.MAJORITY, quorum=40), "quorum"),
        (DecisionDraft(DecisionMethod.MULTI_VOTE, dot_budget=1), "options"),
        (DecisionDraft(DecisionMethod.COMPROMISE, options=("Only one",)), "positions"),
        (DecisionDraft(DecisionMethod.ONE_PERSON), "decider"),
        (
            DecisionDraft(DecisionMethod.CONSENSUS, after_block=AfterBlock.FALLBACK),
            "after_block",
        ),
    ],
)
def test_bad_input_is_refused_beside_its_field(
    demo_db: Database, decision: int, draft: DecisionDraft, field: str
) -> None:
    assert field in problems(lambda: save(demo_db, decision, draft))


def test_more_dots_than_the_budget_is_refused(demo_db: Database, decision: int) -> None:
    someone = members(demo_db)[0]
    draft = DecisionDraft(
        DecisionMethod.MULTI_VOTE, options=("A", "B", "C"), dots={someone: {0: 2}}, dot_budget=1
    )
    assert problems(lambda: save(demo_db, decision, draft)) == {
        "dots": "That is 2 dots; each member has 1."
    }


def test_guests_are_apart_and_do_not_vote(demo_db: Database, decision: int, pack: Pack) -> None:
    with demo_db.write(now=at(1)) as session:
        session.add(Attendance(meeting_id=DECEMBER, guest_name="Visiting coach"))
        team = session.exec(select(Member.id).where(Member.team_id == 1)).all()
    sheet = decision_sheet(demo_db, decision_id=decision, pack=pack)
    assert "Visiting coach" in sheet.guests
    assert all(p.member_id is not None for p in sheet.present)
    assert sheet.team_size <= len(team)
