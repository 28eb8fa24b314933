"""The live screen's side panels: the speakers (floor, queue, each member's turns) and
what has been captured so far."""

from __future__ import annotations

from typing import Any

from textual.content import Content

from facilitator.domain.room import Room, Speaker
from facilitator.ui.literal import join, lit
from facilitator.ui.live_actions import SPEAKER_KEYS
from facilitator.ui.widgets.live_panels import Panel

NARROWEST_NAME = 4


def _tally(room: Room, member: Speaker) -> tuple[str, str]:
    """What a member's line says on its right, and its style."""
    if member.speaking:
        return "speaking", "bold"
    if member.queued:
        return f"queue {room.queue.index(member.key) + 1}", "bold"
    if member.quiet:
        return "quiet", "italic $warning"
    return f"{member.turns} turn{'s' if member.turns != 1 else ''}", ""


def lines(parts: list[Any]) -> list[Any]:
    """`parts` with a newline between each."""
    joined: list[Any] = []
    for part in parts:
        if joined:
            joined.append("\n")
        joined.append(part)
    return joined


class SpeakersPanel(Panel):
    """Who has the floor, who waits, and everyone present numbered with their turns.

    The "Floor:" and "Queue:" lines come first when there is room for them and every
    person; where there is not (a laptop screen), the people's own lines say who speaks
    and who waits ("speaking", "queue 1")."""

    key_hints = True
    """Whether the title names the queue's keys (off on the read-only projector)."""

    _room: Room | None = None

    def on_mount(self) -> None:
        self.border_title = "Speakers · 1–9 q" if self.key_hints else "Speakers"

    def on_resize(self) -> None:
        """Lines are cut to the width: cut them again when it changes (a layout that
        follows the meeting's state moved the panel after it was filled)."""
        if self._room is not None:
            self.show(self._room)

    def show(self, room: Room) -> None:
        self._room = room
        width = self.content_size.width or 24
        people = [
            self._line(room, number, person, width) for number, person in enumerate(room.members, 1)
        ]
        summary: list[Any] = []
        if room.speaking is not None or room.queue:
            speaking = room.name_of(room.speaking)
            summary.append(
                join(("Floor: ", "bold"), lit(speaking) if speaking else ("open", "dim"))
            )
        if room.queue:
            names = ", ".join(room.name_of(key) for key in room.queue)
            summary.append(join(("Queue: ", "bold"), lit(names)).truncate(width, ellipsis=True))
        room_for = self.styles.max_height
        lines_free = int(room_for.value) - 2 if room_for is not None else len(people) + 2
        if len(people) + len(summary) > lines_free:
            summary = []
        self.show_content(join(*lines([*summary, *people])))

    @staticmethod
    def _line(room: Room, number: int, person: Speaker, width: int) -> Content:
        key = f"{number} " if number <= len(SPEAKER_KEYS) else "  "
        tally, style = _tally(room, person)
        room_for_name = max(width - len(key) - len(tally) - 1, NARROWEST_NAME)
        name = person.name
        if len(name) > room_for_name:
            name = name[: room_for_name - 1] + "…"
        gap = " " * max(width - len(key) - len(name) - len(tally), 1)
        return join((key, "bold"), lit(name), gap, (tally, style))


class CapturesPanel(Panel):
    """What was captured in this meeting, the latest first, one line each."""

    key_hints = True
    """Whether the empty panel names the capture keys (off on the read-only projector)."""

    def on_mount(self) -> None:
        self.border_title = "Captured"

    def show(self, room: Room) -> None:
        captures = room.captures[::-1]
        said = [
            join((f"{capture.label}: ", "bold"), lit(capture.text.replace("\n", " ")))
            for capture in captures
        ]
        self.border_title = f"Captured ({len(captures)})"
        empty = "Nothing yet: a p k d" if self.key_hints else "Nothing captured yet"
        self.show_content(join(*lines(said)) if said else lit(empty))
