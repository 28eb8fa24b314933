"""The timekeeper's keys on the live screen: start and pause, next and previous item,
extend and shorten, the warning time, the process steps, and ending the meeting."""

from __future__ import annotations

from dataclasses import replace

from facilitator.ui import live_forms
from facilitator.ui.modals.form import Values
from facilitator.ui.screens.live_base import LiveBase


class TimerActions(LiveBase):
    """The live screen's clock keys (see `facilitator.ui.live_actions`)."""

    def action_start_pause(self) -> None:
        from facilitator.ui.live_start import start_or_pause_when_agreed

        start_or_pause_when_agreed(self)

    def action_next_item(self) -> None:
        self._move(+1)

    def action_previous_item(self) -> None:
        self._move(-1)

    def _move(self, step: int) -> None:
        """Show the next or previous item at once, then store the move: keys typed
        straight after n (or F4) belong to the item moved to."""
        from facilitator.services.live import move_to_item

        state = self.state
        if state is None or not state.items:
            return
        target = state.current_index + step
        if not 0 <= target < len(state.items):
            said = (
                "This is the last item of the agenda; x ends the meeting and goes to closure."
                if step > 0
                else "This is the first item of the agenda."
            )
            self.app.notify(said, markup=False)
            return
        self.notes.flush()
        self.show_state(replace(state, current_item_id=state.items[target].item_id))
        now, backend = self._now(), self.app.backend
        self.submit(
            lambda: move_to_item(backend.db, meeting_id=self.meeting_id, step=step, now=now)
        )

    def action_extend(self) -> None:
        self._adjust(60)

    def action_shorten(self) -> None:
        self._adjust(-60)

    def _adjust(self, seconds: int) -> None:
        from facilitator.services.live import adjust_item_time

        item_id = self._current_id()
        if item_id is None:
            return
        now, backend = self._now(), self.app.backend
        self.submit(lambda: adjust_item_time(backend.db, item_id=item_id, seconds=seconds, now=now))

    def action_change_time(self) -> None:
        from facilitator.services.live import adjust_item_time

        item_id = self._current_id()
        if item_id is None:
            return
        backend = self.app.backend

        def save(values: Values) -> object:
            minutes = live_forms.signed_minutes(values, low=-600, high=600)
            return adjust_item_time(
                backend.db, item_id=item_id, seconds=minutes * 60, now=backend.now()
            )

        fields = live_forms.minutes_fields(
            "Minutes to add", "5", help="A minus sign takes minutes off: -3."
        )
        self._form("Extend or shorten the item", fields, save)

    def action_set_warning(self) -> None:
        from facilitator.services.live import set_warning

        backend = self.app.backend
        current = str(self.state.warning_seconds // 60) if self.state else "2"

        def save(values: Values) -> object:
            minutes = live_forms.signed_minutes(values, low=0, high=60)
            set_warning(
                backend.db, meeting_id=self.meeting_id, seconds=minutes * 60, now=backend.now()
            )
            return minutes

        fields = live_forms.minutes_fields(
            "Warn this many minutes before the end", current, help="0 turns the warning off."
        )
        self._form("Warning time", fields, save)

    def action_step_next(self) -> None:
        self._step(+1)

    def action_step_previous(self) -> None:
        self._step(-1)

    def _step(self, offset: int) -> None:
        from facilitator.services.live import set_step

        state = self.state
        current = state.current if state else None
        if state is None or current is None:
            return
        steps = state.plan.agenda[state.current_index].steps
        position = current.current_step + offset
        if not steps or not 0 <= position < len(steps):
            return
        now, backend = self._now(), self.app.backend
        self.submit(
            lambda: set_step(backend.db, item_id=current.item_id, position=position, now=now)
        )

    def action_end_meeting(self) -> None:
        """Ask first (the safe answer, on enter, keeps the meeting running); then stop
        the clock, date the end, and swap this screen for the closure steps."""
        from facilitator.ui.modals.confirm import ConfirmModal

        if self.state is None:
            return

        def answered(end: bool | None) -> None:
            if end:
                self._end_meeting()

        question = ConfirmModal(
            "End the meeting now? The clock stops and closure opens.",
            title="End the meeting",
            yes="End it",
            no="Keep running",
        )
        self.app.push_screen(question, answered)

    def _end_meeting(self) -> None:
        from facilitator.services.closure import end_meeting
        from facilitator.ui.screens.closure import ClosureScreen

        self.notes.flush()
        now, backend = self._now(), self.app.backend

        def to_closure(_: object) -> None:
            self.app.switch_screen(ClosureScreen(self.meeting_id))

        self.submit(
            lambda: end_meeting(backend.db, meeting_id=self.meeting_id, now=now), to_closure
        )
