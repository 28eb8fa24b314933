"""Evaluating a meeting from the app: resume an evaluation left unfinished, or choose
the instruments (plus/delta ticked, the other meeting instruments on demand), how the
responses are collected and whether they are anonymous; then the round, then the
results."""

from __future__ import annotations

from typing import TYPE_CHECKING

from facilitator.domain.enums import EvaluationMode
from facilitator.services.evaluation_results import meeting_evaluation
from facilitator.services.evaluations import (
    evaluation_defaults,
    evaluation_state,
    start_evaluation,
    unfinished_evaluation,
)
from facilitator.ui.modals.evaluation_results import EvaluationResults
from facilitator.ui.modals.form import Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

MODES = (
    ("Pass the laptop: each member answers in turn", EvaluationMode.LAPTOP.value),
    ("The facilitator enters the room's answers", EvaluationMode.ROOM.value),
)


def evaluate_meeting(app: FacilitatorApp, meeting_id: int) -> None:
    """Resume the meeting's unfinished evaluation; else show its results, if it has
    been evaluated (n there sets up another); else set one up."""
    backend = app.backend
    found = unfinished_evaluation(backend.db, meeting_id=meeting_id)
    if found is not None:
        _round(app, found, meeting_id)
        return
    evaluation = meeting_evaluation(
        backend.db, meeting_id=meeting_id, pack=backend.pack, tz=backend.tz
    )
    if evaluation.results:
        app.push_screen(EvaluationResults(evaluation, lambda: set_up(app, meeting_id)))
        return
    set_up(app, meeting_id)


def set_up(app: FacilitatorApp, meeting_id: int) -> None:
    """The instruments, how responses are collected and anonymity; then the round."""
    backend = app.backend
    instruments = [
        (key, entry.name)
        for key, entry in backend.pack.instruments.items()
        if entry.use == "meeting"
    ]
    defaults = evaluation_defaults(backend.db, meeting_id=meeting_id, pack=backend.pack)
    fields = [
        *(Field(f"use-{key}", name, key in defaults, kind="check") for key, name in instruments),
        Field("default", "Make these the team's usual instruments", False, kind="check"),
        Field("mode", "How responses are collected", MODES[0][1], kind="select", options=MODES),
        Field("anonymous", "Anonymous: keep no names with the responses", True, kind="check"),
    ]

    def save(values: Values) -> int:
        chosen = [key for key, _ in instruments if values.get(f"use-{key}")]
        return start_evaluation(
            backend.db,
            meeting_id=meeting_id,
            instruments=chosen,
            mode=EvaluationMode(str(values["mode"])),
            anonymous=bool(values["anonymous"]),
            pack=backend.pack,
            now=backend.now(),
            team_default=bool(values["default"]),
        )

    def started(evaluation_id: object) -> None:
        if isinstance(evaluation_id, int):
            _round(app, evaluation_id, meeting_id)

    form = FormModal(
        "Evaluate this meeting",
        fields,
        save,
        save_label="Start",
        intro=(
            "Choose the instruments, then how the answers are collected: each member "
            "present in turn, or the room's answers entered by the facilitator (never "
            "with names)."
        ),
    )
    app.push_screen(form, started)


def _round(app: FacilitatorApp, evaluation_id: int, meeting_id: int) -> None:
    from facilitator.ui.screens.evaluation_room import EvaluationRoomScreen
    from facilitator.ui.screens.evaluation_round import EvaluationRoundScreen

    def done(finished: bool | None) -> None:
        if finished:
            backend = app.backend
            evaluation = meeting_evaluation(
                backend.db, meeting_id=meeting_id, pack=backend.pack, tz=backend.tz
            )
            app.push_screen(EvaluationResults(evaluation, lambda: set_up(app, meeting_id)))

    state = evaluation_state(app.backend.db, evaluation_id=evaluation_id)
    if state.mode == EvaluationMode.ROOM:
        app.push_screen(EvaluationRoomScreen(evaluation_id), done)
    else:
        app.push_screen(EvaluationRoundScreen(evaluation_id), done)
