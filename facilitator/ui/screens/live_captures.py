"""The recorder's keys on the live screen: action items, the parking lot, take-aways and
decisions, each a short form saved by `facilitator.services.captures`."""

from __future__ import annotations

from facilitator.ui import live_forms
from facilitator.ui.modals.advised_form import planned_advice
from facilitator.ui.modals.decision_form import DecisionForm
from facilitator.ui.modals.form import Values
from facilitator.ui.screens.live_base import LiveBase


class CaptureActions(LiveBase):
    """The live screen's capture keys (see `facilitator.ui.live_actions`)."""

    def action_action_item(self) -> None:
        from facilitator.services.captures import add_action_item

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return

        def save(values: Values) -> object:
            return add_action_item(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                what=str(values["what"]),
                owner=str(values["owner"]),
                due=str(values["due"]),
                now=backend.now(),
                tz=backend.tz,
            )

        self._form("Action item", live_forms.action_fields(state.room), save, "Action item saved.")

    def action_parking_lot(self) -> None:
        from facilitator.services.captures import add_parking_lot_item

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return

        def save(values: Values) -> object:
            return add_parking_lot_item(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                text=str(values["text"]),
                raised_by=str(values["raised_by"]),
                now=backend.now(),
            )

        self._form("Parking lot", live_forms.parking_fields(state.room), save, "Parked.")

    def action_takeaway(self) -> None:
        from facilitator.services.captures import add_takeaway

        backend = self.app.backend

        def save(values: Values) -> object:
            return add_takeaway(
                backend.db, meeting_id=self.meeting_id, text=str(values["text"]), now=backend.now()
            )

        self._form("Key take-away", live_forms.takeaway_fields(), save, "Take-away saved.")

    def action_decision(self) -> None:
        from facilitator.services.captures import add_decision

        state, item_id, backend = self.state, self._current_id(), self.app.backend
        if state is None:
            return
        line = state.plan.agenda[state.current_index] if state.plan.agenda else None
        title = line.title if line else ""
        method = (line.decision_method if line else None) or live_forms.method_for_process(
            line.process_id if line else None, backend.pack
        )

        def save(values: Values) -> object:
            return add_decision(
                backend.db,
                meeting_id=self.meeting_id,
                item_id=item_id,
                question=str(values["question"]),
                method=str(values["method"]),
                outcome=str(values["outcome"]),
                continuum_point=int(point) if (point := str(values["continuum"])) else None,
                method_reason=str(values["reason"]),
                now=backend.now(),
            )

        fields = live_forms.decision_fields(title, backend.pack, method)

        def captured(decision_id: object) -> None:
            self.load()
            if isinstance(decision_id, int):
                self.app.notify("Decision saved.", markup=False)
                self._record(decision_id)

        advice = planned_advice(line) if line and line.decision_method == method else {}
        form = DecisionForm(fields, save, pack=backend.pack, advice=advice)
        self.app.push_screen(form, captured)

    def action_record_decision(self) -> None:
        """The decision screen for the current item's latest decision (else the
        meeting's latest)."""
        from facilitator.services.deciding import latest_decision

        state = self.state
        if state is None:
            return
        found = latest_decision(
            self.app.backend.db, meeting_id=self.meeting_id, item_id=self._current_id()
        )
        if found is None:
            self.app.notify("No decision yet: d captures one.", markup=False)
        else:
            self._record(found)

    def _record(self, decision_id: int) -> None:
        from facilitator.services.deciding import decision_sheet
        from facilitator.ui.modals.decision_record import DecisionRecord

        backend = self.app.backend
        sheet = decision_sheet(backend.db, decision_id=decision_id, pack=backend.pack)
        if sheet.line.method is None:
            return  # no method chosen: nothing to count by

        def recorded(saved: bool | None) -> None:
            self.load()
            if saved:
                self.app.notify("Decision recorded.", markup=False)

        self.app.push_screen(DecisionRecord(sheet, method=sheet.line.method), recorded)
