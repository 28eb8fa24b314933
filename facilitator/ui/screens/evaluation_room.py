"""The facilitator enters the room's answers: a tally of hands for each rated item and
the plus/delta comments typed as the room says them, each saved as it is given.

Escape leaves (what is typed on a comment line is added first) and the evaluation
resumes with the marks and comments so far; ctrl+f finishes it and shows the results.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, Static

from facilitator.domain.evaluation_results import Answer
from facilitator.pack.evaluation import form_of
from facilitator.services.evaluation_room import add_room_answer, remove_room_answer, room_answers
from facilitator.services.evaluations import evaluation_state
from facilitator.ui.literal import lit
from facilitator.ui.screens.evaluation_base import EvaluationScreen
from facilitator.ui.widgets.evaluation_tally import (
    Marked,
    RoomComments,
    RoomForm,
    Said,
    TallyItem,
    Unsaid,
    answer_of,
)
from facilitator.ui.widgets.keys_footer import KeysFooter

HOW = (
    "The room's answers. A digit adds a mark for that rating (←/→ and +/- also work); "
    "type a comment and press enter; delete takes a highlighted comment back."
)


class EvaluationRoomScreen(EvaluationScreen):
    """One evaluation's answers from the room; dismissed with True once finished."""

    DEFAULT_CSS = """
    EvaluationRoomScreen #progress { text-style: bold; padding: 0 1; }
    EvaluationRoomScreen #how { color: $text-muted; padding: 0 1; }
    EvaluationRoomScreen #answers { padding: 0 1; }
    EvaluationRoomScreen #problem { color: $error; text-style: bold; padding: 0 1; }
    """
    BINDINGS = [
        Binding("ctrl+f", "finish", "Finish"),
        Binding("escape", "leave", "Leave"),
    ]

    def __init__(self, evaluation_id: int) -> None:
        super().__init__(evaluation_id)

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static(id="progress")
        yield Static(lit(HOW), id="how")
        yield Static(id="problem")
        yield VerticalScroll(id="answers")
        yield KeysFooter()

    async def on_mount(self) -> None:
        self.title = "Evaluation"
        backend = self.app.backend
        state = evaluation_state(backend.db, evaluation_id=self.evaluation_id)
        said = room_answers(backend.db, evaluation_id=self.evaluation_id)
        pack = backend.pack
        forms = [
            (form_of(pack.instruments[i]), pack.instruments[i].instructions)
            for i in state.instruments
        ]
        await self.query_one("#answers").mount(RoomForm(forms, said.tallies, said.comments))
        self._progress()

    def _progress(self) -> None:
        marks = sum(sum(t.counts.values()) for t in self.query(TallyItem))
        comments = sum(box.count for box in self.query(RoomComments))
        said = f"{marks} {'mark' if marks == 1 else 'marks'} and {comments} " + (
            "comment" if comments == 1 else "comments"
        )
        self.query_one("#progress", Static).update(lit(f"So far: {said}. ctrl+f finishes."))

    @on(Marked)
    def _marked(self, event: Marked) -> None:
        tally, backend = event.tally, self.app.backend
        instrument, item, now = tally.form.id, tally.item.id, backend.now()

        def save() -> None:
            if event.change < 0:
                remove_room_answer(
                    backend.db,
                    evaluation_id=self.evaluation_id,
                    instrument_id=instrument,
                    item_id=item,
                    value=event.value,
                    now=now,
                )
                return
            add_room_answer(
                backend.db,
                evaluation_id=self.evaluation_id,
                instrument_id=instrument,
                item_id=item,
                answer=answer_of(tally.form, event.value),
                pack=backend.pack,
                now=now,
            )

        done, _ = self._said(save)
        if done:
            tally.counted(event.value, event.change)
            self._progress()

    @on(Said)
    def _comment(self, event: Said) -> None:
        box, backend = event.comments, self.app.backend
        done, answer_id = self._said(
            lambda: add_room_answer(
                backend.db,
                evaluation_id=self.evaluation_id,
                instrument_id=box.form.id,
                item_id=box.item.id,
                answer=Answer(text=event.text),
                pack=backend.pack,
                now=backend.now(),
            )
        )
        if done and answer_id is not None:
            box.added(answer_id, event.text)
            self._progress()

    @on(Unsaid)
    def _take_back(self, event: Unsaid) -> None:
        box, backend = event.comments, self.app.backend
        done, _ = self._said(
            lambda: remove_room_answer(
                backend.db,
                evaluation_id=self.evaluation_id,
                instrument_id=box.form.id,
                item_id=box.item.id,
                answer_id=event.answer_id,
                now=backend.now(),
            )
        )
        if done:
            box.taken_back(event.answer_id)
            self._progress()

    def _save_typed(self) -> bool:
        """Add what is typed on comment lines; False if one was refused."""
        for said in self.query_one(RoomForm).pending():
            self._comment(said)
            if said.comments.pending():
                return False
        return True

    def action_finish(self) -> None:
        if not self._save_typed():
            return
        self.finish_now()

    def action_leave(self) -> None:
        if self._save_typed():
            self.dismiss(False)
