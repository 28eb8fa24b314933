"""The projector's own panels: the items still to come, and the notice that says the
meeting has not started yet or has ended. The rest of the projector is the live
screen's panels, shown without their key hints."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.content import Content

from facilitator.domain.enums import MeetingStatus
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.live_panels import Panel, clamp

if TYPE_CHECKING:
    from facilitator.services.live import LiveState

BORDER_LINES = 2


class ComingItems(Panel):
    """The agenda items after the current one (every item, before the meeting starts),
    one line each: "3 Data review · 12 min"."""

    _state: LiveState | None = None

    def on_resize(self) -> None:
        """Lines are cut to the width and height: cut them again when they change."""
        if self._state is not None:
            self.show(self._state)

    def show(self, state: LiveState) -> None:
        self._state = state
        agenda = state.plan.agenda
        started = state.status != MeetingStatus.PLANNED
        first = state.current_index + 1 if started else 0
        coming = agenda[first:]
        self.border_title = "Next" if started else "Agenda"
        if not coming:
            self.show_content(lit("No more items" if agenda else "The agenda is empty"))
            return
        width = self.content_size.width
        room = self.styles.max_height
        free = int(room.value) - BORDER_LINES if room is not None else len(coming)
        shown = coming if len(coming) <= free else coming[: max(free - 1, 1)]
        rows: list[Content] = []
        for line in shown:
            row = join((f"{line.position + 1} ", "bold"), lit(line.title), f" · {line.minutes} min")
            rows += clamp(row, width, 1)
        if len(shown) < len(coming):
            rows.append(lit(f"… and {len(coming) - len(shown)} more", "dim"))
        self.show_content(Content("\n").join(rows))


class ProjectorNotice(Panel):
    """Says, in words, that the meeting has not started yet or has ended; hidden while
    it runs."""

    def show(self, state: LiveState) -> None:
        title = lit(state.plan.title, "bold")
        parts: list[Any]
        if state.status == MeetingStatus.PLANNED:
            parts = [
                ("Waiting for the meeting to start: ", "bold"),
                title,
                "\nThis view shows it as soon as the facilitator starts the clock.",
            ]
        elif state.ended:
            parts = [("The meeting has ended: ", "bold"), title, "\nThank you, everyone."]
        else:
            self.display = False
            return
        self.display = True
        self.show_content(join(*parts))

    def show_sentence(self, sentence: str) -> None:
        """A problem reading the meeting, in one sentence."""
        self.display = True
        self.show_content(lit(sentence, "bold"))
