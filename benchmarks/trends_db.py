"""Build a database for the trends benchmark: the demo teams, and the demo team with a
long evaluated history.

    python benchmarks/trends_db.py PATH [--meetings 200] [--respondents 10]

The demo leadership team (team 1) gets `--meetings` closed meetings, a week apart back
from last week, each evaluated by `--respondents` people (anonymously) with every
instrument the content pack offers for a meeting (plus/delta, the Effective Team
Assessment, the Norms Inventory: 32 answers each) and norms-checked twice (each of the
team's norms read in each check). Scores are drawn from a seeded generator, so every
build holds the same figures. With the defaults that is 6,000 responses, 64,000
answers and 3,600 readings.

Like `history_db.py`, the runner calls this in a child process (SQLAlchemy would raise
the runner's own peak memory), and the rows go in with one executemany per table
(`facilitator.store.bulk`), all in one transaction.
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlmodel import Session, select

from facilitator.cli import main as facilitator_main
from facilitator.domain.enums import EvaluationMode, MeetingStatus, NormReading
from facilitator.domain.evaluation_results import Form
from facilitator.pack.evaluation import form_of
from facilitator.pack.locate import load_default_pack
from facilitator.store.bulk import Values, insert_rows, new_row
from facilitator.store.database import Database
from facilitator.store.tables import (
    Evaluation,
    EvaluationAnswer,
    EvaluationResponse,
    Meeting,
    Norm,
    NormsCheck,
    NormsCheckRating,
)
from facilitator.store.target import sqlite_target

TEAM_ID = 1
"""The demo's leadership team."""
CHECKS_PER_MEETING = 2
READINGS = (
    NormReading.HONOURED,
    NormReading.HONOURED,
    NormReading.PARTLY,
    NormReading.NOT_HONOURED,
)
SEED = 17


@dataclass(frozen=True)
class Counts:
    """How many rows of each kind were added."""

    meetings: int
    responses: int
    answers: int
    readings: int


def build(path: Path, *, meetings: int, respondents: int, now: datetime) -> Counts:
    """Add the demo teams to `path` (a new file), then the team's evaluated history."""
    code = facilitator_main(["--db", str(path), "demo", "--no-open"])
    if code != 0:
        raise SystemExit(f"facilitator demo failed with exit code {code}")
    pack = load_default_pack()
    forms = [form_of(entry) for entry in pack.instruments.values() if entry.use == "meeting"]
    database = Database(sqlite_target(path))
    try:
        with database.write(now=now) as session:
            return _fill(session, forms, meetings=meetings, respondents=respondents, now=now)
    finally:
        database.dispose()


def _fill(
    session: Session, forms: Sequence[Form], *, meetings: int, respondents: int, now: datetime
) -> Counts:
    chance = random.Random(SEED)
    starts = [now - timedelta(weeks=week + 1) for week in reversed(range(meetings))]
    meeting_ids = insert_rows(
        session, Meeting, [_meeting(n, when) for n, when in enumerate(starts)]
    )
    dated = list(zip(meeting_ids, starts, strict=True))
    insert_rows(session, Evaluation, [_evaluation(m, when, forms) for m, when in dated])
    people = [
        new_row(
            EvaluationResponse,
            team_id=TEAM_ID,
            meeting_id=meeting_id,
            instrument_id=form.id,
            submitted_at=when + timedelta(hours=1),
        )
        for meeting_id, when in dated
        for _ in range(respondents)
        for form in forms
    ]
    response_ids = insert_rows(session, EvaluationResponse, people)
    by_form = {form.id: form for form in forms}
    answers = [
        _answer(response_id, by_form[row["instrument_id"]], item_id, chance)
        for response_id, row in zip(response_ids, people, strict=True)
        for item_id in _item_ids(by_form[row["instrument_id"]])
    ]
    insert_rows(session, EvaluationAnswer, answers)
    readings = _norms_checks(session, dated, chance)
    return Counts(len(meeting_ids), len(response_ids), len(answers), readings)


def _meeting(number: int, when: datetime) -> Values:
    held = when.replace(hour=15, minute=30, second=0, microsecond=0)
    return new_row(
        Meeting,
        team_id=TEAM_ID,
        title=f"Leadership team meeting {number + 1}",
        scheduled_start=held,
        planned_minutes=60,
        status=MeetingStatus.CLOSED,
        started_at=held,
        ended_at=held + timedelta(minutes=55),
        closed_at=held + timedelta(minutes=60),
    )


def _evaluation(meeting_id: int, when: datetime, forms: Sequence[Form]) -> Values:
    return new_row(
        Evaluation,
        meeting_id=meeting_id,
        instruments=",".join(form.id for form in forms),
        mode=EvaluationMode.LAPTOP,
        anonymous=True,
        started_at=when + timedelta(hours=1),
        finished_at=when + timedelta(hours=1, minutes=20),
    )


def _item_ids(form: Form) -> list[str]:
    return [item.id for section in form.sections for item in section.items]


def _answer(response_id: int, form: Form, item_id: str, chance: random.Random) -> Values:
    if form.kind == "rating" and form.low is not None and form.high is not None:
        score = chance.randint(form.low, form.high)
        return new_row(EvaluationAnswer, response_id=response_id, item_id=item_id, score=score)
    text = chance.choice(("Good pace.", "Start on time.", "Clear decisions.", "More data."))
    return new_row(EvaluationAnswer, response_id=response_id, item_id=item_id, text=text)


def _norms_checks(
    session: Session, dated: Sequence[tuple[int, datetime]], chance: random.Random
) -> int:
    """CHECKS_PER_MEETING checks a meeting, each reading every norm of the team."""
    norms = list(session.exec(select(Norm.id).where(Norm.team_id == TEAM_ID)))
    checks = [
        new_row(NormsCheck, meeting_id=meeting_id, checked_at=when + timedelta(minutes=20 * n))
        for meeting_id, when in dated
        for n in range(CHECKS_PER_MEETING)
    ]
    ratings = [
        new_row(
            NormsCheckRating,
            norms_check_id=check_id,
            norm_id=norm_id,
            reading=chance.choice(READINGS),
        )
        for check_id in insert_rows(session, NormsCheck, checks)
        for norm_id in norms
    ]
    insert_rows(session, NormsCheckRating, ratings)
    return len(ratings)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Build a database with the demo team's long evaluated history."
    )
    parser.add_argument("path", type=Path, help="a database file that does not exist yet")
    parser.add_argument("--meetings", type=int, default=200)
    parser.add_argument("--respondents", type=int, default=10)
    args = parser.parse_args(argv)
    if args.path.exists():
        parser.error(f"{args.path} exists; give a new file")
    counts = build(
        args.path, meetings=args.meetings, respondents=args.respondents, now=datetime.now(UTC)
    )
    print(
        f"Added {counts.meetings} evaluated meetings with {counts.responses} responses, "
        f"{counts.answers} answers and {counts.readings} norms-check readings to team "
        f"{TEAM_ID} in {args.path}."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
