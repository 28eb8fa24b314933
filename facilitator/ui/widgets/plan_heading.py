"""The planning screen's heading and warning lines, each cut with "…" when narrow.

At 80x24 the heading has four lines for the title, the team and time, the purpose and
the goals; a long title used to push the time and purpose out of sight with nothing to
say so. Each part now has its own share of lines and ends in "…" where it is cut; the
meeting details form (e) shows all of it.
"""

from __future__ import annotations

from datetime import tzinfo

from textual.content import Content

from facilitator.domain.meeting_date import when_line
from facilitator.domain.meeting_view import MeetingPlan
from facilitator.domain.planning import role_warnings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.clamped_text import ClampedText, Part


class PlanHeading(ClampedText):
    """Title; team, day, time and place; the team's and the meeting's purpose; goals."""

    def show_plan(self, plan: MeetingPlan, tz: tzinfo | None) -> None:
        place = f" · {plan.location}" if plan.location else ""
        when = when_line(plan, plan.ends_at, tz) + place  # the day held, and planned
        # When first, so a long team name is what gets cut.
        parts: list[Part] = [
            (lit(plan.title, "bold"), 2),
            (lit(f"{when} · {plan.team_name}", "dim"), 1),
        ]
        if plan.team_purpose:
            parts.append((join(("Team purpose: ", "bold"), lit(plan.team_purpose, "italic")), 1))
        if plan.purpose:
            parts.append((join(("Purpose: ", "bold"), lit(plan.purpose)), 2))
        parts += [(join("  • ", lit(goal)), 1) for goal in plan.goals]
        self.show(parts)


def plan_warnings(plan: MeetingPlan) -> list[str]:
    """What the plan should still fix, most pressing first (never blocking)."""
    warnings = role_warnings(plan.roles)
    if plan.minutes_over:
        warnings.insert(
            0,
            f"The agenda runs {plan.minutes_over} min over the planned "
            f"{plan.planned_minutes}; shorten items or lengthen the meeting.",
        )
    if not plan.agenda:
        warnings.insert(0, "The agenda is empty: press a to add an item, c to carry items forward.")
    return warnings


class PlanWarnings(ClampedText):
    """One warning a line (two if it needs them), cut with "…" to the room there is."""

    def show_plan(self, plan: MeetingPlan) -> None:
        warnings = plan_warnings(plan)
        self.show([(Content(f"⚠ {warning}"), 2) for warning in warnings])
        self.display = bool(warnings)
