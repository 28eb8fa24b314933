"""Upcoming and recent meetings on the home screen, two lines each so titles fit."""

from __future__ import annotations

from datetime import datetime, tzinfo

from textual.content import Content
from textual.widgets.option_list import Option

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.meeting_date import meeting_moment, planned_note
from facilitator.domain.overview import MeetingSummary, MinutesState, minutes_state
from facilitator.domain.text import clock_label, duration_label, local, short_day_label
from facilitator.ui.actions import HOME_ACTIONS, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.panel import PanelList


class MeetingList(PanelList):
    """Meetings grouped under "Upcoming" and "Recent"; an option's id is the meeting id."""

    DEFAULT_CSS = """
    MeetingList { height: 1fr; }
    """
    BINDINGS = bindings(HOME_ACTIONS, scope="meetings")

    def show_meetings(
        self,
        upcoming: tuple[MeetingSummary, ...],
        recent: tuple[MeetingSummary, ...],
        *,
        now: datetime,
        tz: tzinfo | None,
        show_team: bool,
    ) -> None:
        """Replace the entries, keeping the highlight on the same meeting if it is still here."""
        keep = self.selected_meeting_id()
        options: list[Option] = []
        for heading, meetings in (("Upcoming", upcoming), ("Recent", recent)):
            options.append(Option(lit(heading, "bold $text-muted"), disabled=True))
            if not meetings:
                options.append(Option(lit("  none", "dim italic"), disabled=True))
            options += [_option(m, now=now, tz=tz, show_team=show_team) for m in meetings]
        self.set_options(options)
        ids = [option.id for option in options]
        wanted = str(keep) if keep is not None and str(keep) in ids else None
        first = next((index for index, option in enumerate(options) if option.id), None)
        self.highlighted = ids.index(wanted) if wanted else first

    def selected_meeting_id(self) -> int | None:
        """The highlighted meeting's id, if a meeting is highlighted."""
        if self.highlighted is None or not self.option_count:
            return None
        option_id = self.get_option_at_index(self.highlighted).id
        return int(option_id) if option_id else None


def _option(
    meeting: MeetingSummary, *, now: datetime, tz: tzinfo | None, show_team: bool
) -> Option:
    # Dated by when it was held once started; the planned day follows if it differs.
    start = local(meeting_moment(meeting), tz)
    today = local(now, tz).date()
    when = f"{short_day_label(start.date(), today)} {clock_label(start)}"
    label, style = status_label(meeting, now)
    details: list[Content | str | tuple[str, str]] = ["\n  ", (label, style)]
    planned = planned_note(meeting, tz, today)
    if planned:
        details += [" · ", (planned, "$text-muted")]
    if show_team:
        details += [" · ", lit(meeting.team_name, "dim")]
    prompt = join((when, "bold"), "  ", lit(meeting.title), *details)
    return Option(prompt, id=str(meeting.id))


def status_label(meeting: MeetingSummary, now: datetime) -> tuple[str, str]:
    """Words (and a style that repeats them) for a meeting's state."""
    if meeting.status == MeetingStatus.RUNNING:
        return "running now", "bold $success"
    if meeting.status == MeetingStatus.REOPENED:
        return "reopened for corrections", "bold $warning"
    if meeting.status == MeetingStatus.PLANNED:
        if meeting.scheduled_start < now:
            return "planned, date passed", "$warning"
        return "planned", "$text-muted"
    state, left = minutes_state(
        meeting.closed_at,
        meeting.minutes_sent_at,
        now,
        corrected_at=meeting.minutes_corrected_at,
    )
    later = ", not evaluated yet" if meeting.evaluated is False else ""
    if state is MinutesState.SENT:
        return f"closed, minutes sent{later}", "$text-muted"
    if state is MinutesState.OVERDUE:
        return f"closed, minutes overdue by {duration_label(left)}{later}", "bold $error"
    return f"closed, minutes due within {duration_label(left)}{later}", "$warning"
