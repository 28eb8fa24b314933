"""Planning a meeting: details, agenda with a running total, roles and attendance.

Every change is saved the moment it is made; the screen re-reads the plan after each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, SelectionList

from facilitator.errors import FacilitatorError
from facilitator.ui import plan_forms
from facilitator.ui.actions import QUIET_QUIT, bindings
from facilitator.ui.literal import lit
from facilitator.ui.modals.advised_form import AdvisedForm, planned_advice
from facilitator.ui.modals.form import ConfirmModal, Field, FormModal, Values
from facilitator.ui.plan_actions import PLAN_ACTIONS
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.agenda_table import AgendaTable
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.plan_heading import PlanHeading, PlanWarnings
from facilitator.ui.widgets.plan_side import GUEST, AttendanceList, RolesList

if TYPE_CHECKING:
    from facilitator.domain.meeting_view import MeetingPlan
    from facilitator.pack.loader import Pack
    from facilitator.ui.app import FacilitatorApp


NARROW = 110
"""Below this many columns the side panels move under the agenda."""


class PlanLoaded(Message):
    def __init__(self, plan: MeetingPlan, pack: Pack) -> None:
        super().__init__()
        self.plan = plan
        self.pack = pack


class PlanScreen(FreshScreen[None]):
    """The team leader's planning desk for one meeting."""

    CSS_PATH = "plan.tcss"
    ACTIONS = PLAN_ACTIONS
    BINDINGS = [*bindings(PLAN_ACTIONS), QUIET_QUIT]
    AUTO_FOCUS = "#agenda"

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.plan: MeetingPlan | None = None
        self.pack: Pack | None = None
        self.focus_item: int | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield PlanHeading(id="plan-heading")
        with Horizontal(id="plan-body"):
            yield AgendaTable(id="agenda")
            with Vertical(id="plan-side"):
                yield RolesList(id="roles")
                yield AttendanceList(id="attendance")
        yield PlanWarnings(id="plan-warnings")
        yield KeysFooter()

    def on_resize(self) -> None:
        # Side by side on a wide screen; the roles and attendance go under the agenda on
        # a narrow one, so the agenda keeps the full width.
        self.set_class(self.size.width < NARROW, "-narrow")

    def on_mount(self) -> None:
        self.sub_title = "Plan"
        self.query_one(PlanHeading).show([(Content("Loading…"), 1)])
        self.query_one("#roles").border_title = "Roles"
        self.query_one("#attendance").border_title = "Expected"
        self.reload()

    # Reading ------------------------------------------------------------------------

    @work(thread=True, exclusive=True, group="plan-load")
    def load(self) -> None:
        from facilitator.services.meetings import meeting_plan

        backend = self.app.backend
        try:
            plan = meeting_plan(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
        except FacilitatorError as error:
            self.app.call_from_thread(self._failed, error.sentence)
            return
        self.post_message(PlanLoaded(plan, backend.pack))

    def _failed(self, sentence: str) -> None:
        self.query_one(PlanHeading).show([(lit(sentence, "bold"), 3)])

    def on_plan_loaded(self, message: PlanLoaded) -> None:
        if message.plan.status == "closed":
            # A closed meeting's plan is part of its record: show its minutes.
            from facilitator.ui.screens.minutes import MinutesScreen

            self.app.switch_screen(MinutesScreen(self.meeting_id))
            return
        self.plan, self.pack = message.plan, message.pack
        plan, tz = message.plan, self.app.backend.tz
        self.query_one(PlanHeading).show_plan(plan, tz)
        agenda = self.query_one(AgendaTable)
        agenda.show(plan, tz, keep=self.focus_item)
        self.focus_item = None
        agenda.border_title = self._total_title(plan)
        self.query_one(RolesList).show(plan)
        attendance = self.query_one(AttendanceList)
        attendance.show(plan)
        attendance.border_title = f"Expected ({len(plan.attendees)})"
        self._warnings(plan)

    @staticmethod
    def _total_title(plan: MeetingPlan) -> str:
        total = f"Agenda · {plan.agenda_minutes} of {plan.planned_minutes} min"
        if plan.minutes_over:
            return f"{total} · {plan.minutes_over} min OVER"
        left = plan.planned_minutes - plan.agenda_minutes
        return f"{total} · {left} min free" if left else total

    def _warnings(self, plan: MeetingPlan) -> None:
        self.query_one(PlanWarnings).show_plan(plan)
        self.query_one(AgendaTable).set_class(bool(plan.minutes_over), "-over")

    # Meeting details ---------------------------------------------------------------

    def action_edit_details(self) -> None:
        if self.plan is None:
            return
        backend = self.app.backend

        def save(values: Values) -> object:
            from facilitator.services.planning import update_meeting

            return update_meeting(
                backend.db,
                meeting_id=self.meeting_id,
                draft=plan_forms.meeting_draft(values),
                now=backend.now(),
                tz=backend.tz,
            )

        today = backend.now().astimezone(backend.tz).date()
        fields = plan_forms.meeting_fields(self.plan, backend, today)
        self.app.push_screen(FormModal("Meeting details", fields, save))

    # Agenda ------------------------------------------------------------------------

    def action_add_item(self) -> None:
        self._item_form(None)

    def action_edit_item(self) -> None:
        item_id = self.query_one(AgendaTable).selected_item_id()
        if item_id is not None:
            self._item_form(item_id)

    def _item_form(self, item_id: int | None) -> None:
        if self.plan is None or self.pack is None:
            return
        line = next((line for line in self.plan.agenda if line.id == item_id), None)
        after = self.query_one(AgendaTable).selected_item_id()
        backend, pack = self.app.backend, self.pack

        def save(values: Values) -> object:
            from facilitator.services import agenda

            draft = plan_forms.item_draft(values)
            if line is None:
                return agenda.add_item(
                    backend.db,
                    meeting_id=self.meeting_id,
                    draft=draft,
                    pack=pack,
                    now=backend.now(),
                    after_item_id=after,
                )
            agenda.update_item(
                backend.db, item_id=line.id, draft=draft, pack=pack, now=backend.now()
            )
            return line.id

        fields = plan_forms.item_fields(line, self.plan, pack)
        title = "Edit agenda item" if line else "Add an agenda item"
        # ctrl+r asks "How should we decide?" and fills in "How it will be decided".
        form = AdvisedForm(title, fields, save, pack=pack, advice=planned_advice(line))
        self.app.push_screen(form, self._after_item)

    def _after_item(self, result: object) -> None:
        # The plan is read again as the form closes (`FreshScreen`); the cursor goes to
        # the item saved.
        if isinstance(result, int):
            self.focus_item = result

    def action_item_up(self) -> None:
        self._item_op("move_item", offset=-1)

    def action_item_down(self) -> None:
        self._item_op("move_item", offset=+1)

    def action_duplicate_item(self) -> None:
        self._item_op("duplicate_item")

    def action_delete_item(self) -> None:
        item_id = self.query_one(AgendaTable).selected_item_id()
        line = next((x for x in self.plan.agenda if x.id == item_id), None) if self.plan else None
        if line is None:
            return

        def confirmed(yes: bool | None) -> None:
            if yes:
                self._item_op("delete_item")

        self.app.push_screen(
            ConfirmModal(f'Delete the item "{line.title}"?', yes="Delete", default=True),
            confirmed,
        )

    def _item_op(self, operation: str, **arguments: int) -> None:
        item_id = self.query_one(AgendaTable).selected_item_id()
        if item_id is None:
            return
        self.focus_item = item_id
        self._write("agenda", operation, item_id=item_id, **arguments)

    def action_carry_forward(self) -> None:
        from facilitator.ui.modals.carry_forward import CarryForwardModal

        self.app.push_screen(CarryForwardModal(self.meeting_id))

    # Roles ------------------------------------------------------------------------

    def action_assign_role(self) -> None:
        role_id = self.query_one(RolesList).selected_role_id()
        role = next((r for r in self.plan.roles if r.id == role_id), None) if self.plan else None
        if role is None or self.plan is None or self.pack is None:
            return
        backend = self.app.backend

        def save(values: Values) -> object:
            from facilitator.services.planning import assign_role

            assign_role(
                backend.db,
                role_id=role.id,
                holder=str(values["holder"]),
                as_guest=bool(values["guest"]),
                now=backend.now(),
            )
            return None

        fields = plan_forms.role_fields(role, self.plan)
        intro = plan_forms.role_intro(role, self.pack)
        duties = plan_forms.role_duties(role, self.pack)
        form = FormModal(role.label, fields, save, intro=intro, outro=duties)
        self.app.push_screen(form)

    def action_add_role(self) -> None:
        backend = self.app.backend

        def save(values: Values) -> object:
            from facilitator.services.planning import add_custom_role

            return add_custom_role(
                backend.db,
                meeting_id=self.meeting_id,
                label=str(values["label"]),
                now=backend.now(),
                pack=backend.pack,
            )

        fields = [Field("label", "Name of the role", placeholder="e.g. Norms monitor")]
        self.app.push_screen(FormModal("Add a role", fields, save))

    def action_remove_role(self) -> None:
        role_id = self.query_one(RolesList).selected_role_id()
        if role_id is not None:
            self._write("planning", "remove_custom_role", role_id=role_id)

    # Attendance -------------------------------------------------------------------

    @on(SelectionList.SelectionToggled, "#attendance")
    def _attendance_toggled(self, event: SelectionList.SelectionToggled[str]) -> None:
        value = str(event.selection.value)
        if value.startswith(GUEST):
            # A guest is removed with delete; ticking cannot un-invite them.
            self.reload()
            return
        expected = value in event.selection_list.selected
        self._write(
            "planning",
            "set_expected",
            meeting_id=self.meeting_id,
            member_id=int(value),
            expected=expected,
        )

    def action_add_guest(self) -> None:
        backend = self.app.backend

        def save(values: Values) -> object:
            from facilitator.services.planning import add_guest

            return add_guest(
                backend.db, meeting_id=self.meeting_id, name=str(values["guest"]), now=backend.now()
            )

        fields = [
            Field(
                "guest", "Guest's name", placeholder="e.g. Sam Ortiz (district literacy specialist)"
            )
        ]
        self.app.push_screen(FormModal("Add a guest", fields, save))

    def action_remove_guest(self) -> None:
        value = self.query_one(AttendanceList).highlighted_value()
        if value and value.startswith(GUEST):
            self._write("planning", "remove_attendee", attendee_id=int(value.removeprefix(GUEST)))

    # Export ------------------------------------------------------------------------

    def action_export_agenda(self) -> None:
        from facilitator.ui.modals.export import export_modal

        if self.plan is not None:
            modal = export_modal(self.meeting_id, self.plan.title, self.app.backend)
            self.app.push_screen(modal, self._exported)

    def _exported(self, path: object) -> None:
        if path is not None:
            self.app.notify(f"Agenda written to {path}.", markup=False)

    # Saving ------------------------------------------------------------------------

    @work(thread=True, group="plan-write")
    def _write(self, module: str, operation: str, **arguments: Any) -> None:
        import importlib

        backend = self.app.backend
        service: Callable[..., object] = getattr(
            importlib.import_module(f"facilitator.services.{module}"), operation
        )
        result: object = None
        try:
            result = service(backend.db, now=backend.now(), **arguments)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
        # A duplicate returns its new id: the cursor follows it, ready to edit.
        focus = result if operation == "duplicate_item" and isinstance(result, int) else None
        self.app.call_from_thread(self._reload, focus)

    def _reload(self, focus_item: int | None) -> None:
        # The save's own signal may have started a reading already (`FreshScreen`); one
        # that must land the cursor on a new row reads again to be sure of it.
        if focus_item is not None:
            self.focus_item = focus_item
            self.reload()
        else:
            self.reload_if_changed()

    def action_run_live(self) -> None:
        self.app.switch_screen(_live_screen(self.meeting_id))

    def action_back(self) -> None:
        self.dismiss()


def _live_screen(meeting_id: int) -> Screen[None]:
    from facilitator.ui.screens.live import LiveScreen

    return LiveScreen(meeting_id)
