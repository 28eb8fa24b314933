"""The members present, one per row, each with what they said: a letter key answers
for the highlighted member (y/n/a for a vote, s/l/b for consensus, c or space for
"consulted"), backspace clears the answer. Names are shown literally."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from textual import events
from textual.content import Content
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from facilitator.domain.decision_count import CHOICE_WORDS
from facilitator.domain.enums import VoteChoice
from facilitator.domain.meeting_view import Person
from facilitator.ui.literal import lit

KEYS = {
    VoteChoice.YES: "y",
    VoteChoice.NO: "n",
    VoteChoice.ABSTAIN: "a",
    VoteChoice.SUPPORT: "s",
    VoteChoice.LIVE_WITH: "l",
    VoteChoice.BLOCK: "b",
    VoteChoice.CONSULTED: "c",
}
STYLE = {VoteChoice.NO: "bold $error", VoteChoice.BLOCK: "bold $error"}
NAME_WIDTH = 26


class RollCall(OptionList):
    """Who said what; `answers` holds member id -> choice."""

    DEFAULT_CSS = "RollCall { height: auto; max-height: 12; }"

    class Changed(Message):
        def __init__(self, roll_call: RollCall) -> None:
            super().__init__()
            self.roll_call = roll_call

    def __init__(
        self,
        people: Sequence[Person],
        choices: Sequence[VoteChoice],
        answers: Mapping[int, VoteChoice] | None = None,
        *,
        id: str | None = None,
    ) -> None:
        self.people = [p for p in people if p.member_id is not None]
        self.choices = tuple(choices)
        self.answers: dict[int, VoteChoice] = dict(answers or {})
        super().__init__(*[Option(self._prompt(p)) for p in self.people], id=id, compact=True)

    @property
    def keys_help(self) -> str:
        said = ", ".join(f"{KEYS[c]} {CHOICE_WORDS[c].lower()}" for c in self.choices)
        return f"↑↓ a member, {said}, backspace clears"

    def _prompt(self, person: Person) -> Content:
        answer = self.answers.get(person.member_id or 0)
        word = CHOICE_WORDS[answer] if answer else "–"
        name = lit(person.name[:NAME_WIDTH].ljust(NAME_WIDTH))
        return Content.assemble(
            name, " ", lit(word, STYLE.get(answer, "bold") if answer else "dim")
        )

    @property
    def highlighted_member(self) -> int | None:
        if self.highlighted is None or not self.people:
            return None
        return self.people[self.highlighted].member_id

    def on_key(self, event: events.Key) -> None:
        if event.key in ("up", "down"):
            # Moved here, in the order typed, not by the bindings (a burst "↑ b" would
            # answer for the wrong member: see DotGrid.on_key).
            event.stop()
            event.prevent_default()
            self.action_cursor_up() if event.key == "up" else self.action_cursor_down()
            return
        index = self.highlighted
        if index is None or not self.people:
            return
        member = self.people[index].member_id or 0
        wanted = {KEYS[c]: c for c in self.choices}
        if len(self.choices) == 1:
            wanted["space"] = self.choices[0]
        if event.key in wanted:
            choice = wanted[event.key]
            if len(self.choices) == 1 and self.answers.get(member) is choice:
                self.answers.pop(member)  # c or space again: not consulted after all
            else:
                self.answers[member] = choice
        elif event.key in ("backspace", "delete"):
            self.answers.pop(member, None)
        else:
            return
        event.stop()
        event.prevent_default()
        self.replace_option_prompt_at_index(index, self._prompt(self.people[index]))
        if len(self.choices) > 1 and index + 1 < len(self.people):
            self.highlighted = index + 1  # on to the next member of the roll
        self.post_message(self.Changed(self))
