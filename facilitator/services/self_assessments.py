"""A team's periodic self-assessments: start one (dated), save each answer as it is
given, open one again, and compare the team's assessments of an instrument side by side
(see `facilitator.domain.self_assessment`).

Stored in the evaluation tables: an `evaluation_response` with the team, no meeting, no
evaluation and no respondent (the team answers together), and one `evaluation_answer`
per item holding the level (or rating) and the note as its text. `submitted_at` holds
the day it was taken, as midnight UTC of that calendar day, so the day reads back the
same in every time zone.

A self-assessment stays editable: there is no "finished". A team may correct an earlier
one (a level chosen in haste, evidence found later), and comparisons show what is stored
now. A team takes an instrument at most once a day: starting it again on a day that has
one continues that one, so a comparison never shows two columns for one day.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, tzinfo

from sqlalchemy import ColumnElement
from sqlmodel import Session, col, select

from facilitator.domain.evaluation_results import Answer, Form
from facilitator.domain.self_assessment import (
    Comparison,
    SelfAssessment,
    assessment_problem,
    compare,
    is_empty,
)
from facilitator.domain.text import day_label, local
from facilitator.domain.timeparse import Unreadable, parse_date
from facilitator.errors import InvalidInput, NotFoundError
from facilitator.pack.evaluation import form_of
from facilitator.pack.loader import Pack
from facilitator.services.fields import plain_text
from facilitator.store.database import Database
from facilitator.store.repo.common import fetch
from facilitator.store.tables import EvaluationAnswer, EvaluationResponse, Team, row_id

EXAMPLE = "2026-11-02 or 2 Nov 2026"
"""How a day is written (a day without its year is the next one to come)."""


@dataclass(frozen=True)
class Opened:
    """The self-assessment to fill in, and whether it already existed (continued)."""

    assessment_id: int
    continued: bool


@dataclass(frozen=True)
class TakenAssessment:
    """One self-assessment as its screen shows it."""

    team_id: int
    team: str
    form: Form
    instructions: str
    assessment: SelfAssessment


@dataclass(frozen=True)
class TeamAssessments:
    """A team's self-assessments, one comparison per periodic instrument."""

    team: str
    comparisons: tuple[Comparison, ...]
    unknown: tuple[str, ...] = ()
    """Instruments the team has self-assessments of that the content pack no longer has."""


def periodic_forms(pack: Pack) -> tuple[Form, ...]:
    """The pack's periodic instruments (team self-assessments), in the pack's order."""
    return tuple(form_of(entry) for entry in pack.instruments.values() if entry.use == "periodic")


def read_day(text: str, *, now: datetime, tz: tzinfo | None) -> date:
    """The day a self-assessment was taken, as typed ("2026-11-02", "today"; empty:
    today on the wall clock of `tz`); InvalidInput on "date" for a day not understood
    or still to come."""
    today = local(now, tz).date()
    if not text.strip():
        return today
    try:
        day = parse_date(text, today=today)
    except Unreadable:
        # The parser's examples ("fri") name days to come: a self-assessment's is past.
        raise InvalidInput(
            {"date": f'"{" ".join(text.split())}" is not a date; write it like {EXAMPLE}.'}
        ) from None
    return checked_day(day, today)


def checked_day(day: date, today: date) -> date:
    """`day`, unless it is after `today` (InvalidInput on "date")."""
    if day > today:
        raise InvalidInput(
            {
                "date": f"A self-assessment is dated today or earlier, not {day_label(day)} "
                f"(write the year for a day past, like {EXAMPLE})."
            }
        )
    return day


def start_self_assessment(
    db: Database,
    *,
    team_id: int,
    instrument_id: str,
    pack: Pack,
    now: datetime,
    tz: tzinfo | None = None,
    on: date | None = None,
) -> Opened:
    """A self-assessment of team `team_id` with a periodic instrument, dated `on`
    (default today on the wall clock of `tz`); the one the team already has that day
    is continued instead of a second started."""
    form = _periodic(pack, instrument_id)
    day = checked_day(on, local(now, tz).date()) if on else local(now, tz).date()
    with db.write(now=now) as session:
        fetch(session, Team, team_id, "team")
        found = _on_day(session, team_id, form.id, day)
        if found is not None:
            return Opened(found, True)
        response = EvaluationResponse(
            team_id=team_id, instrument_id=form.id, submitted_at=_stored(day)
        )
        session.add(response)
        session.flush()
        return Opened(row_id(response), False)


def save_self_assessment_answer(
    db: Database,
    *,
    assessment_id: int,
    item_id: str,
    answer: Answer | None,
    pack: Pack,
    now: datetime,
) -> None:
    """One item's answer (level or rating, and the note as its text), saved as it is
    given; None, or an answer with nothing chosen or written, takes it back. InvalidInput
    for an item the instrument lacks or a value off its scale: nothing is saved."""
    with db.write(now=now) as session:
        response = _self_assessment(session, assessment_id)
        form = _known(pack, response.instrument_id)
        if answer is not None:
            answer = Answer(answer.score, answer.level, plain_text(answer.text, item_id))
            problem = assessment_problem(form, item_id, answer)
            if problem:
                raise InvalidInput({item_id: problem})
            if is_empty(answer):
                answer = None
        _store(session, row_id(response), item_id, answer)


def taken_assessment(db: Database, *, assessment_id: int, pack: Pack) -> TakenAssessment:
    """Self-assessment `assessment_id` with its team, instrument and answers so far."""
    with db.read() as session:
        response = _self_assessment(session, assessment_id)
        team = fetch(session, Team, response.team_id, "team")
        answers = _answers(session, [assessment_id]).get(assessment_id, {})
    form = _known(pack, response.instrument_id)
    entry = pack.instruments[response.instrument_id]
    assessment = SelfAssessment(assessment_id, _day(response.submitted_at), answers)
    return TakenAssessment(response.team_id, team.name, form, entry.instructions, assessment)


def team_assessments(
    db: Database,
    *,
    team_id: int,
    pack: Pack,
    instrument_id: str | None = None,
    every: bool = False,
) -> TeamAssessments:
    """Team `team_id`'s self-assessments side by side, per periodic instrument it has
    taken (`every`: taken or not; `instrument_id`: that one alone, taken or not), in the
    pack's order."""
    chosen = _periodic(pack, instrument_id) if instrument_id else None
    with db.read() as session:
        team = fetch(session, Team, team_id, "team")
        responses = _responses(session, team_id)
        answers = _answers(session, [row_id(r) for r in responses])
    by_instrument: dict[str, list[SelfAssessment]] = {}
    for response in responses:
        taken = SelfAssessment(
            row_id(response), _day(response.submitted_at), answers.get(row_id(response), {})
        )
        by_instrument.setdefault(response.instrument_id, []).append(taken)
    forms = (chosen,) if chosen else periodic_forms(pack)
    comparisons = tuple(
        compare(form, by_instrument.get(form.id, ()))
        for form in forms
        if chosen or every or form.id in by_instrument
    )
    unknown = () if chosen else tuple(sorted(set(by_instrument) - set(pack.instruments)))
    return TeamAssessments(team.name, comparisons, unknown)


def _periodic(pack: Pack, instrument_id: str) -> Form:
    entry = pack.instruments.get(instrument_id)
    if entry is None or entry.use != "periodic":
        names = ", ".join(form.id for form in periodic_forms(pack)) or "none in the pack"
        if entry is not None:
            raise InvalidInput(
                {
                    "instrument": f"{entry.name} is answered after a meeting, not as a "
                    f"self-assessment; the self-assessments are: {names}."
                }
            )
        raise NotFoundError(f'There is no self-assessment "{instrument_id}"; name one of: {names}.')
    return form_of(entry)


def _known(pack: Pack, instrument_id: str) -> Form:
    entry = pack.instruments.get(instrument_id)
    if entry is None:
        raise InvalidInput(
            {
                "form": f'The content pack no longer has the instrument "{instrument_id}"; '
                "its answers are kept as they were."
            }
        )
    return form_of(entry)


def _self_assessment(session: Session, assessment_id: int) -> EvaluationResponse:
    response = session.get(EvaluationResponse, assessment_id)
    if response is None or response.meeting_id is not None or response.evaluation_id is not None:
        raise NotFoundError(f"There is no self-assessment {assessment_id}.")
    return response


def _on_day(session: Session, team_id: int, instrument_id: str, day: date) -> int | None:
    return session.exec(
        select(EvaluationResponse.id).where(
            *_team_self_assessments(team_id),
            EvaluationResponse.instrument_id == instrument_id,
            EvaluationResponse.submitted_at == _stored(day),
        )
    ).first()


def _team_self_assessments(team_id: int) -> tuple[ColumnElement[bool], ...]:
    """The conditions that pick a team's self-assessments out of its responses."""
    return (
        col(EvaluationResponse.team_id) == team_id,
        col(EvaluationResponse.meeting_id).is_(None),
        col(EvaluationResponse.evaluation_id).is_(None),
    )


def _responses(session: Session, team_id: int) -> Sequence[EvaluationResponse]:
    return session.exec(
        select(EvaluationResponse)
        .where(*_team_self_assessments(team_id))
        .order_by(col(EvaluationResponse.submitted_at), col(EvaluationResponse.id))
    ).all()


def _answers(session: Session, ids: Sequence[int]) -> dict[int, dict[str, Answer]]:
    found: dict[int, dict[str, Answer]] = {}
    rows = session.exec(select(EvaluationAnswer).where(col(EvaluationAnswer.response_id).in_(ids)))
    for row in rows:
        found.setdefault(row.response_id, {})[row.item_id] = Answer(row.score, row.level, row.text)
    return found


def _store(session: Session, response_id: int, item_id: str, answer: Answer | None) -> None:
    found = session.exec(
        select(EvaluationAnswer).where(
            EvaluationAnswer.response_id == response_id, EvaluationAnswer.item_id == item_id
        )
    ).first()
    if answer is None:
        if found is not None:
            session.delete(found)
        return
    row = found or EvaluationAnswer(response_id=response_id, item_id=item_id)
    row.score, row.level, row.text = answer.score, answer.level, answer.text
    session.add(row)


def _stored(day: date) -> datetime:
    """A day as `submitted_at` holds it: midnight UTC of that calendar day."""
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _day(stored: datetime) -> date:
    return stored.astimezone(UTC).date()
