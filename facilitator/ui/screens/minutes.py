"""The minutes as they will go out, rendered from the Markdown export, with the 48-hour
rule above them until they are marked sent.

Opened at a place (a search result's record), the first rendering scrolls so that the
heading holding it (its agenda item, or its section) is the first line shown, and
highlights that heading for a few seconds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.message import Message
from textual.widgets import Header, Markdown, Static

from facilitator.domain.enums import MeetingStatus
from facilitator.domain.minutes import Minutes
from facilitator.domain.overview import MinutesState, minutes_state, sent_since_correction
from facilitator.domain.text import clock_label, day_label, duration_label, local
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import bindings
from facilitator.ui.closure_actions import MINUTES_ACTIONS
from facilitator.ui.literal import join, lit
from facilitator.ui.screens.fresh import FreshScreen
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.render.minutes_places import MinutesPlace
    from facilitator.ui.app import FacilitatorApp

PLACE_SECONDS = 3.0
"""How long the heading of the place opened at stays highlighted."""


class MinutesRendered(Message):
    def __init__(self, minutes: Minutes, markdown: str) -> None:
        super().__init__()
        self.minutes = minutes
        self.markdown = markdown


class MinutesFailed(Message):
    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class MinutesScreen(FreshScreen[None]):
    """Preview of one meeting's minutes; export them, mark them sent."""

    DEFAULT_CSS = """
    MinutesScreen #minutes-state { height: auto; padding: 0 1; }
    MinutesScreen #minutes-scroll {
        height: 1fr;
        padding: 0 1;
        /* The width kept for the scroll bar from the start: text laid out again when it
           appears would move the heading opened at away from the top. */
        scrollbar-gutter: stable;
    }
    MinutesScreen Markdown { margin: 0; padding: 0; }
    MinutesScreen MarkdownHeader.-place { background: $accent 40%; text-style: bold; }
    """
    ACTIONS = MINUTES_ACTIONS
    BINDINGS = bindings(MINUTES_ACTIONS)
    AUTO_FOCUS = "#minutes-scroll"

    app: FacilitatorApp

    def __init__(self, meeting_id: int, *, place: MinutesPlace | None = None) -> None:
        super().__init__()
        self.meeting_id = meeting_id
        self.place = place
        """Where to open once the minutes are shown (then None: coming back keeps the
        reader's own scroll position)."""
        self.minutes: Minutes | None = None
        self.shown_markdown: str | None = None

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        yield Static("Reading the minutes…", id="minutes-state")
        with VerticalScroll(id="minutes-scroll"):
            yield Markdown(id="minutes-body")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Minutes"
        self.reload()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from facilitator.render.minutes_markdown import minutes_markdown
        from facilitator.services.minutes import meeting_minutes

        backend = self.app.backend
        try:
            minutes = meeting_minutes(backend.db, meeting_id=self.meeting_id, pack=backend.pack)
        except FacilitatorError as error:
            self.post_message(MinutesFailed(error.sentence))
            return
        self.post_message(MinutesRendered(minutes, minutes_markdown(minutes, backend.tz)))

    def on_minutes_failed(self, message: MinutesFailed) -> None:
        self.query_one("#minutes-state", Static).update(lit(message.sentence, "bold"))

    async def on_minutes_rendered(self, message: MinutesRendered) -> None:
        self.minutes = message.minutes
        self.query_one("#minutes-state", Static).update(self._state_line(message.minutes))
        # Read again on coming back, the text is often the same: the Markdown (the
        # costly part to lay out) is only rebuilt when it changed.
        if message.markdown != self.shown_markdown:
            self.shown_markdown = message.markdown
            await self.query_one("#minutes-body", Markdown).update(message.markdown)
        if self.place is not None:
            self._open_at(self.place, message.minutes)
            self.place = None

    def _open_at(self, place: MinutesPlace, minutes: Minutes) -> None:
        """Highlight the heading of `place` and, once laid out, scroll it to the top."""
        from facilitator.render.minutes_places import place_heading

        body = self.query_one("#minutes-body", Markdown)
        item_ids = [item.id for item in minutes.items]
        block_id = place_heading(body.table_of_contents, place, item_ids)
        if block_id is None:
            return
        heading = body.get_child_by_id(block_id)
        heading.add_class("-place")
        self.set_timer(PLACE_SECONDS, lambda: heading.remove_class("-place"))

        def scroll() -> None:
            # The heading itself on the first line, not the blank margin above it.
            scroll = self.query_one("#minutes-scroll", VerticalScroll)
            top = heading.region.y - scroll.content_region.y + scroll.scroll_y
            scroll.scroll_to(y=top, animate=False, immediate=True)

        self.call_after_refresh(scroll)

    def _state_line(self, minutes: Minutes) -> Content:
        backend = self.app.backend
        now = backend.now()
        if minutes.status != MeetingStatus.CLOSED:
            words = (
                "Reopened for corrections: close it again (c, then ctrl+s) before the minutes "
                "go out."
                if minutes.status == MeetingStatus.REOPENED
                else "Not closed yet: c opens the closure steps."
            )
            return join((words, "bold $warning"))
        state, left = minutes_state(
            minutes.closed_at, minutes.sent_at, now, corrected_at=minutes.corrected_at
        )
        if state is MinutesState.SENT and minutes.sent_at is not None:
            sent = local(minutes.sent_at, backend.tz)
            return join(
                ("✔ Minutes sent ", "$success"),
                f"{day_label(sent.date())} {clock_label(sent)}. s takes that back.",
            )
        which = "Corrected minutes" if minutes.corrected_at is not None else "Minutes"
        if state is MinutesState.OVERDUE:
            return join(
                (f"✘ {which} overdue by {duration_label(left)}", "bold $error"),
                " (the 48-hour rule). e exports them; s marks them sent.",
            )
        return join(
            (f"{which} due within {duration_label(left)}", "bold $warning"),
            " (the 48-hour rule). e exports them; s marks them sent.",
        )

    def action_export(self) -> None:
        from facilitator.ui.modals.minutes_export import minutes_export_modal

        if self.minutes is None:
            return

        def written(path: object) -> None:
            if path is not None:
                self.app.notify(f"Wrote {path}", markup=False)

        self.app.push_screen(
            minutes_export_modal(self.meeting_id, self.minutes.title, self.app.backend), written
        )

    @work(thread=True, group="minutes-write")
    def action_mark_sent(self) -> None:
        from facilitator.services.closure import mark_minutes_sent

        minutes, backend = self.minutes, self.app.backend
        if minutes is None:
            return
        sent = not sent_since_correction(minutes.sent_at, minutes.corrected_at)
        try:
            mark_minutes_sent(backend.db, meeting_id=self.meeting_id, now=backend.now(), sent=sent)
        except FacilitatorError as error:
            self.app.call_from_thread(
                self.app.notify, error.sentence, severity="warning", markup=False
            )
            return
        said = "Minutes marked sent." if sent else "Minutes marked not sent."
        self.app.call_from_thread(self.app.notify, said, markup=False)
        self.app.call_from_thread(self.reload_if_changed)

    def action_closure(self) -> None:
        from facilitator.ui.screens.closure import ClosureScreen

        self.app.push_screen(ClosureScreen(self.meeting_id))

    def action_evaluate(self) -> None:
        from facilitator.ui.evaluation_flow import evaluate_meeting

        evaluate_meeting(self.app, self.meeting_id)

    def action_back(self) -> None:
        self.dismiss()
