"""The live screen's side panels: the speakers (floor, queue, each member's turns) and
what has been captured so far."""

from __future__ import annotations

from typing import Any

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
    """Who has the floor, who waits, and every member numbered with their turns."""

    def on_mount(self) -> None:
        self.border_title = "Speakers"

    def show(self, room: Room) -> None:
        width = self.content_size.width or 24
        shown: list[Any] = []
        if room.speaking is not None or room.queue:
            speaking = room.name_of(room.speaking)
            shown.append(join(("Floor: ", "bold"), lit(speaking) if speaking else ("open", "dim")))
        if room.queue:
            names = ", ".join(room.name_of(key) for key in room.queue)
            shown.append(join(("Queue: ", "bold"), lit(names)))
        for number, member in enumerate(room.members, start=1):
            key = f"{number} " if number <= len(SPEAKER_KEYS) else "  "
            tally, style = _tally(room, member)
            room_for_name = max(width - len(key) - len(tally) - 1, NARROWEST_NAME)
            name = member.name
            if len(name) > room_for_name:
                name = name[: room_for_name - 1] + "…"
            gap = " " * max(width - len(key) - len(name) - len(tally), 1)
            shown.append(join((key, "bold"), lit(name), gap, (tally, style)))
        self.show_content(join(*lines(shown)))


class CapturesPanel(Panel):
    """What was captured in this meeting, the latest first, one line each."""

    def on_mount(self) -> None:
        self.border_title = "Captured"

    def show(self, room: Room) -> None:
        captures = room.captures[::-1]
        said = [
            join((f"{capture.label}: ", "bold"), lit(capture.text.replace("\n", " ")))
            for capture in captures
        ]
        self.border_title = f"Captured ({len(captures)})"
        self.show_content(join(*lines(said)) if said else lit("Nothing yet: a p k d"))
