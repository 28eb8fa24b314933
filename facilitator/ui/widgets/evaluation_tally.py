"""The room's answers as the facilitator enters them: a tally of hands for each rated
item and a list of comments for each comment item (see
`facilitator.services.evaluation_room`).

A tally row shows each value with its count in figures ("·" for none) and the value
under the cursor in brackets, so nothing is said by colour alone. A digit adds a mark
for that rating; ←/→ move the cursor, + or space adds a mark there and - takes one
back. Each change is posted (`Marked`) and shown once the screen has saved it.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList
from textual.widgets.option_list import Option

from facilitator.domain.evaluation_results import Answer, Form, FormItem
from facilitator.ui.literal import lit
from facilitator.ui.widgets.evaluation_items import TurnForm

COLUMN = 6
"""Characters per value in a tally row."""


class Marked(Message):
    """One mark more (`change` 1) or fewer (-1) for `value` of a rated item."""

    def __init__(self, tally: TallyItem, value: str, change: int) -> None:
        super().__init__()
        self.tally, self.value, self.change = tally, value, change


class TallyItem(Widget, can_focus=True):
    """The hands raised for each value of one rated item."""

    DEFAULT_CSS = """
    TallyItem { height: 2; width: 1fr; }
    TallyItem:focus { background: $boost; }
    """
    BINDINGS = [
        Binding("left", "move(-1)", "Earlier value", show=False),
        Binding("right", "move(1)", "Later value", show=False),
        Binding("plus,space,equals_sign", "mark(1)", "Add a mark", show=False),
        Binding("minus,backspace", "mark(-1)", "Take one back", show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    def __init__(self, form: Form, item: FormItem, counts: Mapping[str, int]) -> None:
        super().__init__()
        self.form, self.item = form, item
        self.counts: Counter[str] = Counter(counts)
        self.cursor = 0

    @property
    def values(self) -> tuple[str, ...]:
        return self.form.values

    def render(self) -> Content:
        heads, counts = [], []
        for index, value in enumerate(self.values):
            label = value if self.form.kind == "rating" else value[: COLUMN - 2]
            head = f"[{label}]" if index == self.cursor and self.has_focus else f" {label} "
            heads.append(head.center(COLUMN))
            counts.append((str(self.counts[value]) if self.counts[value] else "·").center(COLUMN))
        total = sum(self.counts.values())
        said = f"  {total} answered" if total else "  no marks yet"
        return Content("".join(heads)) + Content("\n") + lit("".join(counts) + said)

    def on_key(self, event: events.Key) -> None:
        """A digit marks that rating (1 to 7), or for levels the nth level."""
        character = event.character or ""
        if not character.isdigit():
            return
        if self.form.kind == "rating" and character in self.values:
            index = self.values.index(character)
        elif self.form.kind == "levels" and 1 <= int(character) <= len(self.values):
            index = int(character) - 1
        else:
            return
        event.stop()
        event.prevent_default()
        self.cursor = index
        self.action_mark(1)

    def action_move(self, step: int) -> None:
        self.cursor = (self.cursor + step) % len(self.values)
        self.refresh()

    def action_mark(self, change: int) -> None:
        self.post_message(Marked(self, self.values[self.cursor], change))

    def counted(self, value: str, change: int) -> None:
        """The screen saved a change: show it."""
        self.counts[value] += change
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()


class Said(Message):
    """A comment typed for a comment item (`answer_id` set once the screen saved it)."""

    def __init__(self, comments: RoomComments, text: str) -> None:
        super().__init__()
        self.comments, self.text = comments, text


class Unsaid(Message):
    """A comment to take back."""

    def __init__(self, comments: RoomComments, answer_id: int) -> None:
        super().__init__()
        self.comments, self.answer_id = comments, answer_id


class RoomComments(Vertical):
    """A line to type what the room says (enter adds it) over the comments so far
    (delete takes the highlighted one back)."""

    DEFAULT_CSS = """
    RoomComments { height: auto; }
    RoomComments OptionList { height: auto; max-height: 8; margin-left: 2; }
    """
    BINDINGS = [Binding("delete", "take_back", "Take back", show=False)]

    def __init__(self, form: Form, item: FormItem, said: Sequence[tuple[int, str]]) -> None:
        super().__init__()
        self.form, self.item = form, item
        self.said = list(said)

    def compose(self) -> ComposeResult:
        placeholder = "Type what the room says; enter adds it"
        yield Input(placeholder=placeholder, compact=True)
        comments = OptionList(
            *(Option(lit(text), id=str(i)) for i, text in self.said), compact=True
        )
        comments.display = bool(self.said)
        yield comments

    @on(Input.Submitted)
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        if event.value.strip():
            self.post_message(Said(self, event.value.strip()))

    @property
    def count(self) -> int:
        """How many comments are listed."""
        return self.query_one(OptionList).option_count

    def pending(self) -> str:
        """Words typed and not yet added (added when the screen is left)."""
        return self.query_one(Input).value.strip()

    def added(self, answer_id: int, text: str) -> None:
        """The screen saved a comment: list it and clear the line."""
        comments = self.query_one(OptionList)
        comments.add_option(Option(lit(text), id=str(answer_id)))
        comments.display = True
        self.query_one(Input).value = ""

    def action_take_back(self) -> None:
        comments = self.query_one(OptionList)
        option = comments.highlighted_option
        if comments.has_focus and option is not None and option.id is not None:
            self.post_message(Unsaid(self, int(option.id)))

    def taken_back(self, answer_id: int) -> None:
        comments = self.query_one(OptionList)
        comments.remove_option(str(answer_id))
        comments.display = comments.option_count > 0


class RoomForm(TurnForm):
    """Every instrument of the evaluation, with what the room has said so far."""

    QUESTIONS = "TallyItem, RoomComments Input"

    def __init__(
        self,
        forms: Sequence[tuple[Form, str]],
        tallies: Mapping[tuple[str, str], Mapping[str, int]],
        comments: Mapping[tuple[str, str], Sequence[tuple[int, str]]],
    ) -> None:
        """`forms`: (form, its instructions); the room's answers so far by (instrument
        id, item id)."""
        super().__init__([(form, 0, instructions) for form, instructions in forms])
        self.tallies, self.comments = tallies, comments

    def question(self, form: Form, item: FormItem, response_id: int) -> Widget:
        key = (form.id, item.id)
        if form.kind == "text":
            return RoomComments(form, item, self.comments.get(key, ()))
        return TallyItem(form, item, self.tallies.get(key, {}))

    def pending(self) -> list[Said]:  # type: ignore[override]
        """Comments typed and not yet added."""
        return [Said(box, text) for box in self.query(RoomComments) if (text := box.pending())]


def answer_of(form: Form, value: str) -> Answer:
    """The answer a mark of `value` records."""
    return Answer(score=int(value)) if form.kind == "rating" else Answer(level=value)
