"""What the two ways of collecting an evaluation's answers share: the evaluation they
fill, a line for the sentence a refused answer gets, and finishing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, TypeVar

from textual.screen import Screen
from textual.widgets import Static

from facilitator.services.evaluations import finish_evaluation
from facilitator.ui.attempt import attempt
from facilitator.ui.literal import lit

if TYPE_CHECKING:
    from facilitator.ui.app import FacilitatorApp

T = TypeVar("T")


class EvaluationScreen(Screen[bool]):
    """An evaluation being answered; dismissed with True once finished. Subclasses
    compose a `Static` with the id "problem"."""

    app: FacilitatorApp

    def __init__(self, evaluation_id: int) -> None:
        super().__init__()
        self.evaluation_id = evaluation_id

    def _said(self, call: Callable[[], T]) -> tuple[bool, T | None]:
        """(True, `call`'s result), or (False, None) with its problem in a sentence."""
        return attempt(call, self._problem)

    def _problem(self, sentence: str) -> None:
        self.query_one("#problem", Static).update(lit(sentence))

    def finish_now(self) -> None:
        """Finish the evaluation and leave for its results (or say why not)."""
        backend = self.app.backend
        finished, _ = self._said(
            lambda: finish_evaluation(
                backend.db, evaluation_id=self.evaluation_id, now=backend.now()
            )
        )
        if finished:
            self.dismiss(True)
