"""The facilitator's keys on the live screen: the norms and norms checks, the process
check, the conflict time-out, and the speaker queue."""

from __future__ import annotations

from facilitator.ui import live_forms
from facilitator.ui.modals.form import FormModal, Values
from facilitator.ui.screens.live_base import LiveBase


class RoomActions(LiveBase):
    """The live screen's facilitation keys (see `facilitator.ui.live_actions`)."""

    def action_norms(self) -> None:
        from facilitator.ui.modals.confirm import ConfirmModal

        if self.state is None:
            return

        def answered(check: bool | None) -> None:
            if check:
                self.action_norms_check()

        card = ConfirmModal(
            live_forms.norms_card(self.state.room), yes="Norms check", no="Close", default=True
        )
        self.app.push_screen(card, answered)

    def action_norms_check(self) -> None:
        from facilitator.services.captures import Rating, record_norms_check
        from facilitator.ui.modals.norms_check import NormsCheckModal

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return
        if not state.room.norms:
            self.app.notify("The team has no norms to check yet.", markup=False)
            return
        norms = state.room.norms

        def save(values: Values) -> object:
            ratings = [
                Rating(norm.id, str(values[f"reading-{norm.id}"]), str(values[f"note-{norm.id}"]))
                for norm in norms
                if values[f"reading-{norm.id}"]
            ]
            return record_norms_check(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                ratings=ratings,
                now=backend.now(),
            )

        self._show_form(NormsCheckModal(norms, save, title="Norms check"), "Norms check recorded.")

    def action_process_check(self) -> None:
        from facilitator.services.captures import record_process_check

        item_id, backend = self._current_id(), self.app.backend

        def save(values: Values) -> object:
            return record_process_check(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                progress=str(values["progress"]),
                everyone_in=str(values["everyone_in"]),
                note=str(values["note"]),
                now=backend.now(),
            )

        fields = live_forms.process_check_fields()
        intro = live_forms.process_check_intro(backend.pack)
        self._form("Process check", fields, save, "Process check recorded.", intro=intro)

    # The time-out ------------------------------------------------------------------

    def action_time_out(self) -> None:
        from facilitator.services.captures import start_time_out

        state, backend = self.state, self.app.backend
        if state is None:
            return
        if state.room.time_out_id is not None:
            self._time_out_card(state.room.time_out_id, resume=True)
            return
        now, item_id, running = self._now(), self._current_id(), state.running

        def started(time_out_id: object) -> None:
            if isinstance(time_out_id, int):
                self._time_out_card(time_out_id, resume=running)

        self.submit(
            lambda: start_time_out(
                backend.db, meeting_id=self.meeting_id, item_id=item_id, now=now
            ),
            started,
        )

    def _time_out_card(self, time_out_id: int, *, resume: bool) -> None:
        from facilitator.services.captures import end_time_out

        backend = self.app.backend

        def save(values: Values) -> object:
            end_time_out(
                backend.db,
                time_out_id=time_out_id,
                note=str(values["note"]),
                resume=bool(values["resume"]),
                now=backend.now(),
            )
            return time_out_id

        card = live_forms.time_out_card(backend.pack)
        intro = "The clock is paused. escape keeps the time-out going and this card closes."
        self._form(
            "Time-out",
            live_forms.time_out_fields(resume),
            save,
            "Time-out ended.",
            intro=intro,
            outro=card,
            save_label="End time-out",
        )

    # The speaker queue ---------------------------------------------------------------

    def action_queue_number(self, number: int | None = None) -> None:
        """Number `number` of the speakers list joins the queue, or leaves it."""
        from facilitator.services.room import leave_queue, queue_speaker

        state = self.state
        if state is None:
            return
        if number is None:
            self.action_queue_speaker()
            return
        people = state.room.members
        if not 1 <= number <= len(people):
            return
        person = people[number - 1]
        now, item_id, backend = self._now(), self._current_id(), self.app.backend
        if person.queued:
            self.submit(
                lambda: leave_queue(
                    backend.db, meeting_id=self.meeting_id, speaker=person.key, now=now
                )
            )
            return
        self.submit(
            lambda: queue_speaker(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                speaker=person.key,
                now=now,
            )
        )

    def action_queue_speaker(self) -> None:
        """Anyone present joins the queue by name; a name not on the list joins as a guest
        of this meeting."""
        from facilitator.services.room import Queued, queue_by_name

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return

        def save(values: Values) -> object:
            return queue_by_name(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                name=str(values["name"]),
                now=backend.now(),
            )

        def queued(result: object) -> None:
            if isinstance(result, Queued):
                self.app.notify(live_forms.queued_words(result), markup=False)
            self.load()

        form = FormModal(
            "Speaker queue", live_forms.queue_fields(state.room), save, save_label="Add to queue"
        )
        self.app.push_screen(form, queued)

    def action_next_speaker(self) -> None:
        from facilitator.services.room import next_speaker

        now, backend = self._now(), self.app.backend

        def said(speaker: object) -> None:
            room = self.state.room if self.state else None
            if not isinstance(speaker, int | str) or room is None:
                self.app.notify("The speaker queue is empty.", markup=False)
            else:
                self.app.notify(f"{room.name_of(speaker)} has the floor.", markup=False)

        self.submit(lambda: next_speaker(backend.db, meeting_id=self.meeting_id, now=now), said)
