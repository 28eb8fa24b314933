"""The planning screen's side panels: who holds each role, and who is expected."""

from __future__ import annotations

from textual.widgets import SelectionList
from textual.widgets.option_list import Option
from textual.widgets.selection_list import Selection

from facilitator.domain.meeting_view import MeetingPlan
from facilitator.ui.actions import bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.plan_actions import PLAN_ACTIONS
from facilitator.ui.widgets.wrapping_list import WrappingOptionList

GUEST = "guest:"


class RolesList(WrappingOptionList):
    """One line per role: "Recorder: Priya Raman", or "open"."""

    BINDINGS = bindings(PLAN_ACTIONS, scope="roles")

    def show(self, plan: MeetingPlan) -> None:
        keep = self.highlighted
        self.set_options(
            [
                Option(
                    join(
                        (f"{role.label}: ", "bold"),
                        lit(role.holder.name) if role.holder else ("open", "italic $warning"),
                        (" (guest)", "dim") if role.holder and role.holder.is_guest else "",
                    ),
                    id=str(role.id),
                )
                for role in plan.roles
            ]
        )
        if plan.roles:
            self.highlighted = min(keep or 0, len(plan.roles) - 1)

    def selected_role_id(self) -> int | None:
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id else None


class AttendanceList(SelectionList[str]):
    """Team members ticked when expected; guests listed (and removable) below them."""

    BINDINGS = bindings(PLAN_ACTIONS, scope="attendance")

    def show(self, plan: MeetingPlan) -> None:
        keep = self.highlighted
        expected = {a.person.member_id for a in plan.attendees if not a.person.is_guest}
        selections = [
            Selection(lit(member.name), str(member.member_id), member.member_id in expected)
            for member in plan.members
        ]
        selections += [
            Selection(join(lit(a.person.name), (" (guest)", "dim")), f"{GUEST}{a.id}", True)
            for a in plan.attendees
            if a.person.is_guest
        ]
        with self.prevent(SelectionList.SelectedChanged, SelectionList.SelectionToggled):
            self.clear_options()
            self.add_options(selections)
        if selections:
            self.highlighted = min(keep or 0, len(selections) - 1)

    def highlighted_value(self) -> str | None:
        if self.highlighted is None or not self.option_count:
            return None
        return self.get_option_at_index(self.highlighted).value
