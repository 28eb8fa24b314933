"""Multi-voting's tally: one row per option, one column per member present, each cell
the dots that member put on that option. A digit sets the highlighted cell, + and -
change it by one, space marks the option (chosen, or kept for another round). The
total column is counted, never typed."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual import events
from textual.coordinate import Coordinate
from textual.message import Message
from textual.widgets import DataTable

from facilitator.domain.meeting_view import Person
from facilitator.ui.literal import cell

MARK = "✓"


def initials(name: str) -> str:
    """ "Maria Alvarez" -> "MA"; one word -> its first three letters."""
    words = name.split()
    if len(words) == 1:
        return words[0][:3]
    return "".join(word[0] for word in words[:3]).upper()


class DotGrid(DataTable[Text]):
    """`dots[member id][option index]`; `marked` holds option indexes."""

    DEFAULT_CSS = "DotGrid { height: auto; max-height: 12; }"

    class Changed(Message):
        def __init__(self, grid: DotGrid) -> None:
            super().__init__()
            self.grid = grid

    def __init__(self, people: Sequence[Person], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        self.people = [p for p in people if p.member_id is not None]
        self.options: list[str] = []
        self.dots: dict[int, dict[int, int]] = {}
        self.marked: set[int] = set()

    def on_mount(self) -> None:
        self.add_column(cell("Option"), key="option")
        for person in self.people:
            self.add_column(cell(initials(person.name)), key=str(person.member_id))
        self.add_column(cell("Dots"), key="total")
        self._fill()

    def show(
        self, options: Sequence[str], dots: dict[int, dict[int, int]], marked: set[int]
    ) -> None:
        """Draw `options` with the dots and marks given (indexes past the end are dropped)."""
        self.options = list(options)
        self.dots = {
            m: {i: n for i, n in spent.items() if i < len(options)} for m, spent in dots.items()
        }
        self.marked = {i for i in marked if i < len(options)}
        if self.is_mounted and self.columns:
            self._fill()

    def _fill(self) -> None:
        cursor = self.cursor_coordinate
        self.clear()
        for index, text in enumerate(self.options):
            self.add_row(*self._row(index, text), key=str(index))
        if self.row_count:
            self.cursor_coordinate = (
                cursor if cursor.row < self.row_count else cursor._replace(row=0)
            )

    def _row(self, index: int, text: str) -> list[Text]:
        mark = f"{MARK} " if index in self.marked else "  "
        counts = [self.dots.get(p.member_id or 0, {}).get(index, 0) for p in self.people]
        return [
            cell(mark + text[:30]),
            *(Text(str(n) if n else "·", justify="center") for n in counts),
            Text(str(sum(counts)), justify="right", style="bold"),
        ]

    MOVES = {
        "up": "cursor_up",
        "down": "cursor_down",
        "left": "cursor_left",
        "right": "cursor_right",
    }

    def on_key(self, event: events.Key) -> None:
        # Moves are handled here with the digits, in the order typed: left to the
        # bindings, a burst such as "3 ↓ 3" (as a terminal passes quick typing) set
        # the first cell twice before the cursor moved (found in tmux).
        move = self.MOVES.get(event.key)
        if move is not None:
            event.stop()
            event.prevent_default()
            getattr(self, f"action_{move}")()
            return
        row, column = self.cursor_coordinate
        if not self.options or row >= len(self.options):
            return
        if event.key == "space":
            self.marked ^= {row}
        elif (
            1 <= column <= len(self.people)
            and (key := event.character or "")
            and (key in "0123456789+-")
        ):
            member = self.people[column - 1].member_id or 0
            spent = self.dots.setdefault(member, {})
            now = spent.get(row, 0)
            spent[row] = now + 1 if key == "+" else max(0, now - 1) if key == "-" else int(key)
        else:
            return
        event.stop()
        event.prevent_default()
        for position, value in enumerate(self._row(row, self.options[row])):
            self.update_cell_at(Coordinate(row, position), value)
        self.post_message(self.Changed(self))
