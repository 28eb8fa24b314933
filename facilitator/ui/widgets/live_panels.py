"""The live screen's text panels: the meeting line, the roles bar, the current item, the
countdown's words and the item's process step. Each draws itself from the stored
meeting (`LiveState`) and redraws only when what it shows changes."""

from __future__ import annotations

from datetime import datetime, tzinfo
from typing import TYPE_CHECKING, Any

from textual.content import Content
from textual.widget import Widget
from textual.widgets import Static

from facilitator.domain.meeting_date import start_label
from facilitator.domain.text import clock_label, local
from facilitator.domain.timer import ItemClock, Phase, clock_text
from facilitator.ui.literal import join, lit

if TYPE_CHECKING:
    from facilitator.services.live import LiveState

CORE_ROLE_ORDER = ("facilitator", "chair", "recorder", "timekeeper")
SHORT_ROLE_LABELS = {"chair": "Chair"}
"""Role labels kept short for the roles bar (the plan shows the full ones)."""


class Panel(Static):
    """A Static that repaints only when its content changes (a repaint costs a frame),
    and asks for a layout of the screen only when its size may change with it: a layout
    arranges every widget of the screen again, a repaint only this one."""

    def __init__(self, content: str = "", *, id: str) -> None:
        super().__init__(content, id=id)
        self._shown: Content | None = None

    def show_content(self, content: Content) -> None:
        if content == self._shown:
            return
        before, self._shown = self._shown, content
        self.update(content, layout=self._resizes(before, content))

    def _resizes(self, before: Content | None, after: Content) -> bool:
        """Whether showing `after` instead of `before` may change the panel's size."""
        if not self.styles.auto_dimensions:
            return False  # its size is set by the CSS
        width = self.content_size.width
        styles = self.styles
        if before is None or width <= 0 or (styles.width is not None and styles.width.is_auto):
            return True
        return len(before.wrap(width)) != len(after.wrap(width))


class MeetingLine(Panel):
    """The whole meeting: elapsed, minutes to go, the projected end and the drift."""

    def show(self, state: LiveState, now: datetime, tz: tzinfo | None) -> None:
        meeting = state.meeting_clock(now)
        if state.started_at is None:
            start = start_label(state.plan.scheduled_start, now, tz)
            text = f"{start} · {round(meeting.remaining_seconds / 60)} min planned"
        elif state.ended:
            ended = f" at {clock_label(local(state.ended_at, tz))}" if state.ended_at else ""
            text = f"Ended{ended} · {clock_text(meeting.elapsed_seconds)} on the clock"
        else:
            elapsed = clock_text(meeting.elapsed_seconds)
            left = round(meeting.remaining_seconds / 60)
            end = clock_label(local(meeting.projected_end, tz))
            text = f"Elapsed {elapsed} · {left} min to go · ends ~{end} · {meeting.drift_words}"
        self.show_content(lit(text))


class RolesBar(Panel):
    """Who facilitates, chairs, records and keeps time (and any other role)."""

    def show(self, state: LiveState) -> None:
        parts: list[Any] = []
        order = {role: index for index, role in enumerate(CORE_ROLE_ORDER)}
        roles = sorted(state.plan.roles, key=lambda r: order.get(r.role, len(order)))
        for role in roles:
            if parts:
                parts.append("  ")
            parts.append((f"{SHORT_ROLE_LABELS.get(role.role, role.label)}: ", "dim"))
            parts.append(lit(role.holder.name) if role.holder else ("open", "italic"))
        self.show_content(join(*parts))


def clamp(content: Content, width: int, lines: int) -> list[Content]:
    """`content` wrapped to `width`, at most `lines` lines, the last ending in "…" when
    more was cut (a width of 0, not laid out yet, leaves it whole)."""
    if width <= 0:
        return [content]
    wrapped = content.wrap(width)
    if len(wrapped) <= lines:
        return wrapped
    kept = wrapped[: max(lines, 1)]
    last = kept[-1].rstrip()
    kept[-1] = (last + " …") if last.cell_length + 2 <= width else last.truncate(width - 1) + "…"
    return kept


class ItemPanel(Panel):
    """The current agenda item: its place, kind, presenter and process on one line, its
    title on one, and its goal on the lines left (each cut with an ellipsis)."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self._state: LiveState | None = None

    def show(self, state: LiveState) -> None:
        self._state = state
        plan = state.plan
        if not plan.agenda:
            self.show_content(lit("The agenda is empty: add items on the plan screen."))
            return
        line = plan.agenda[state.current_index]
        kind = line.kind.capitalize()
        about: list[Any] = [f"Item {state.current_index + 1} of {len(plan.agenda)} · {kind}"]
        if line.presenter:
            about += [" · Presenter: ", lit(line.presenter.name)]
        if line.process:
            about += [" · ", lit(line.process)]
        width = self.content_size.width
        parts = [
            *clamp(join(*about).stylize("dim"), width, 1),
            *clamp(lit(line.title, "bold"), width, 1),
        ]
        if line.goal:
            room = self.styles.max_height
            lines = int(room.value) - len(parts) if room is not None else 2
            parts += clamp(join(("Goal: ", "bold"), lit(line.goal)), width, max(lines, 1))
        self.show_content(Content("\n").join(parts))

    def on_resize(self) -> None:
        if self._state is not None:
            self.show(self._state)


class TimeUpPrompt(Panel):
    """Stays on the screen while the item's time is up and the timekeeper has not acted:
    it says, in words, the keys that act (the function keys while typing notes)."""

    DEFAULT_CSS = """
    TimeUpPrompt {
        display: none; height: auto; margin: 0 1; padding: 0 1;
        background: $error-muted; color: $text; text-style: bold;
    }
    """

    def show(self, due: bool, *, typing: bool) -> None:
        self.display = due
        if not due:
            return
        if typing:
            said = "F6 adds a minute, F4 moves on; esc, then c checks the process or i dismisses"
        else:
            said = (
                "+ adds a minute, e another amount, n moves on, c checks the process, i dismisses"
            )
        self.show_content(join(("Time is up: ", "bold"), (f"{said} this.", "not bold")))


def show_phase(widget: Widget, clock: ItemClock) -> None:
    """Colour `widget` for the clock's phase (the words say it too: never colour alone)."""
    for each in Phase:
        widget.set_class(each is clock.phase, f"-{each.value.replace('_', '-')}")
    widget.set_class(not clock.running, "-paused")


class CountdownWords(Panel):
    """The countdown in words under the big figure: "2 min left · planned 5:00"."""

    key_hints = True
    """Whether the words name the keys that act (off on the read-only projector)."""

    def show(self, state: LiveState, clock: ItemClock | None, tz: tzinfo | None) -> None:
        if clock is None:
            self.show_content(lit(""))
            return
        show_phase(self, clock)
        room = state.room
        if room.time_out_since is not None:
            since = clock_label(local(room.time_out_since, tz))
            hint = " · t shows the card" if self.key_hints else ""
            text = lit(f"TIME-OUT since {since}{hint}", "bold")
        elif state.status == "planned":
            hint = " · space starts the meeting" if self.key_hints else ""
            text = lit(f"Not started{hint}")
        else:
            text = lit(f"{clock.words} · planned {clock_text(clock.planned_seconds)}")
        self.show_content(text)


class StepsPanel(Panel):
    """The step of the item's process the team is on, its time, and the next step."""

    key_hints = True
    """Whether the next step names its key (off on the read-only projector)."""

    def show(self, state: LiveState, now: datetime) -> None:
        current = state.current
        steps = state.plan.agenda[state.current_index].steps if state.plan.agenda else ()
        self.display = current is not None and bool(steps)
        if current is None or not steps:
            return
        position = min(current.current_step, len(steps) - 1)
        step = steps[position]
        parts: list[Any] = [(f"Step {position + 1} of {len(steps)}: ", "bold"), lit(step.title)]
        if step.media_ranges:
            parts += [("  video ", "dim"), lit(step.media_ranges)]
        in_step = clock_text(max(current.elapsed(now) - current.step_started_seconds, 0.0))
        if step.planned_minutes:
            parts += [f"  {in_step} of {step.planned_minutes}:00"]
        else:
            parts += [f"  {in_step}"]
        if step.detail:
            parts += ["\n", lit(step.detail.replace("\n", " · "), "dim")]
        if position + 1 < len(steps):
            following = steps[position + 1].title
            parts += ["\n", ("Next: ", "dim"), lit(following, "dim")]
            parts += [("  (])", "dim")] if self.key_hints else []
        self.show_content(join(*parts))
