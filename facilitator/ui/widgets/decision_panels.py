"""What the decision screen asks, by method: each panel composes its own fields, starts
from what was saved, and hands the screen its part of the draft (`collect`) with any
number that could not be read. The counting is the domain's (see `decision_count`)."""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Label, Select, Static, TextArea

from facilitator.domain.decision_draft import CHOICES
from facilitator.domain.decision_tally import ThresholdKind, default_budget
from facilitator.domain.enums import AfterBlock, DecisionMethod, VoteChoice
from facilitator.domain.minutes import DecisionLine
from facilitator.services.deciding import DecisionSheet
from facilitator.ui.widgets.dot_grid import DotGrid
from facilitator.ui.widgets.form_checkbox import FormCheckbox
from facilitator.ui.widgets.form_select import FormSelect
from facilitator.ui.widgets.roll_call import RollCall

Part = tuple[dict[str, Any], dict[str, str]]
"""DecisionDraft fields, and field -> sentence for what could not be read."""
THRESHOLDS = (
    ("More than half of the votes cast", ThresholdKind.HALF.value),
    ("Two thirds of the votes cast", ThresholdKind.TWO_THIRDS.value),
    ("A percentage of the votes cast", ThresholdKind.PERCENT.value),
)
AFTER_BLOCK = (
    ("More discussion", AfterBlock.DISCUSS.value),
    ("The fallback method agreed in advance", AfterBlock.FALLBACK.value),
    ("Defer the decision", AfterBlock.DEFER.value),
)
POSITIONS = 4
"""Rows for a compromise's positions."""


def error(field: str) -> Static:
    return Static(classes="form-error", id=f"error-{field}")


def label(text: str) -> Label:
    return Label(text, classes="form-label")


def number(widget: Input, field: str, problems: dict[str, str], what: str) -> int | None:
    text = widget.value.strip()
    if not text:
        return None
    if not text.isdigit():
        problems[field] = f"{what} is a whole number."
        return None
    return int(text)


def choice(value: object) -> str:
    return "" if value is Select.NULL else str(value)


def answers(line: DecisionLine) -> dict[int, VoteChoice]:
    """Member id -> what they said in this round, as saved."""
    values = {c.value for c in VoteChoice}
    return {
        v.voter.member_id: VoteChoice(v.choice)
        for v in line.votes
        if v.voter
        and v.voter.member_id
        and v.choice in values
        and v.voting_round == line.voting_round
    }


class MethodPanel(Vertical):
    """One method's fields."""

    DEFAULT_CSS = "MethodPanel { height: auto; } MethodPanel Horizontal { height: auto; }"
    method: DecisionMethod

    def __init__(self, sheet: DecisionSheet, **names: Any) -> None:
        super().__init__(classes="method-panel")
        self.sheet = sheet
        self.line = sheet.line
        self.names = names

    def roll(self) -> ComposeResult:
        roll = RollCall(self.sheet.present, CHOICES[self.method], answers(self.line), id="roll")
        yield label("Members present")
        yield roll
        yield Static(roll.keys_help, classes="form-help")
        yield error("votes")

    def collect(self) -> Part:
        return {"choices": dict(self.query_one(RollCall).answers)}, {}


class MajorityPanel(MethodPanel):
    method = DecisionMethod.MAJORITY

    def compose(self) -> ComposeResult:
        yield from self.roll()
        ballot = self.line.ballot
        yield FormCheckbox(
            "Secret ballot: enter the counts instead", ballot is not None, id="secret"
        )
        with Horizontal(id="ballot"):
            for index, word in enumerate(("Yes", "No", "Abstain")):
                yield Input(
                    str(ballot[index]) if ballot else "",
                    placeholder=word,
                    id=f"ballot-{word.lower()}",
                    compact=True,
                    type="integer",
                )
        yield error("ballot")
        yield label("Threshold")
        yield FormSelect(
            THRESHOLDS,
            value=self.line.threshold_kind or ThresholdKind.HALF.value,
            id="threshold",
            allow_blank=False,
            compact=True,
        )
        percent = self.line.threshold_percent
        yield Input(
            str(percent or ""),
            placeholder="Percent, 1 to 100",
            id="percent",
            compact=True,
            type="integer",
        )
        yield error("threshold")
        yield label(f"Quorum (members present needed; {len(self.sheet.present)} here)")
        yield Input(
            str(self.line.quorum or ""),
            placeholder="No quorum",
            id="quorum",
            compact=True,
            type="integer",
        )
        yield error("quorum")

    def on_mount(self) -> None:
        self._shown()

    def on_checkbox_changed(self) -> None:
        self._shown()

    def on_select_changed(self) -> None:
        self._shown()

    def _shown(self) -> None:
        """The ballot's counts only for a secret ballot, a percentage only when asked."""
        secret = self.query_one("#secret", FormCheckbox).value
        self.query_one("#ballot").display = secret
        self.query_one("#roll").display = not secret
        percent = choice(self.query_one("#threshold", Select).value) == ThresholdKind.PERCENT
        self.query_one("#percent").display = percent

    def collect(self) -> Part:
        part, problems = super().collect()
        if self.query_one("#secret", FormCheckbox).value:
            counts = [
                number(self.query_one(f"#ballot-{word}", Input), "ballot", problems, "A count")
                for word in ("yes", "no", "abstain")
            ]
            part["ballot"] = tuple(count or 0 for count in counts)
            part["choices"] = {}
        part["threshold_kind"] = ThresholdKind(choice(self.query_one("#threshold", Select).value))
        part["threshold_percent"] = number(
            self.query_one("#percent", Input), "threshold", problems, "The threshold"
        )
        part["quorum"] = number(self.query_one("#quorum", Input), "quorum", problems, "The quorum")
        return part, problems


class UnanimousPanel(MethodPanel):
    method = DecisionMethod.UNANIMOUS

    def compose(self) -> ComposeResult:
        yield from self.roll()


class ConsensusPanel(MethodPanel):
    method = DecisionMethod.CONSENSUS

    def compose(self) -> ComposeResult:
        yield from self.roll()
        self.reasons = {
            v.voter.member_id: v.note
            for v in self.line.votes
            if v.voter and v.voter.member_id and v.choice == VoteChoice.BLOCK
        }
        yield label("Why the highlighted member blocks")
        yield Input(placeholder="The reason for the block", id="reason", compact=True)
        yield label("After a block")
        yield FormSelect(
            AFTER_BLOCK, value=self.line.after_block or Select.NULL, id="after-block", compact=True
        )
        yield FormSelect(
            self.names["methods"],
            value=self.line.fallback_method or Select.NULL,
            id="fallback",
            compact=True,
            prompt="Fallback method",
        )
        yield error("after_block")

    def on_option_list_option_highlighted(self) -> None:
        member = self.query_one(RollCall).highlighted_member
        self.query_one("#reason", Input).value = self.reasons.get(member or 0, "")

    def on_input_changed(self, event: Input.Changed) -> None:
        member = self.query_one(RollCall).highlighted_member
        if event.input.id == "reason" and member is not None:
            self.reasons[member] = event.value

    def collect(self) -> Part:
        part, problems = super().collect()
        part["reasons"] = {
            m: r for m, r in self.reasons.items() if part["choices"].get(m) is VoteChoice.BLOCK
        }
        after = choice(self.query_one("#after-block", Select).value)
        part["after_block"] = AfterBlock(after) if after else None
        fallback = choice(self.query_one("#fallback", Select).value)
        part["fallback_method"] = DecisionMethod(fallback) if fallback else None
        return part, problems


class OnePersonPanel(MethodPanel):
    method = DecisionMethod.ONE_PERSON

    def compose(self) -> ComposeResult:
        people = [(p.name, str(p.member_id)) for p in self.sheet.present]
        decider = self.line.decider.member_id if self.line.decider else None
        yield label("Who decides")
        yield FormSelect(
            people, value=str(decider) if decider else Select.NULL, id="decider", compact=True
        )
        yield error("decider")
        yield label("How, on the continuum")
        yield FormSelect(
            self.names["points"],
            value=str(self.line.continuum_point or "") or Select.NULL,
            id="continuum",
            compact=True,
        )
        yield error("continuum")
        roll = RollCall(self.sheet.present, CHOICES[self.method], answers(self.line), id="roll")
        yield label("Who was consulted")
        yield roll
        yield Static(roll.keys_help, classes="form-help")
        yield error("votes")

    def collect(self) -> Part:
        part, problems = super().collect()
        decider = choice(self.query_one("#decider", Select).value)
        part["decider"] = int(decider) if decider else None
        point = choice(self.query_one("#continuum", Select).value)
        part["continuum_point"] = int(point) if point else None
        return part, problems


class CompromisePanel(MethodPanel):
    method = DecisionMethod.COMPROMISE

    def compose(self) -> ComposeResult:
        yield label("The positions on the table, and what each side gives")
        saved = list(self.line.options)
        for index in range(max(POSITIONS, len(saved))):
            option = saved[index] if index < len(saved) else None
            with Horizontal():
                yield Input(
                    option.text if option else "",
                    placeholder=f"Position {index + 1}",
                    id=f"position-{index}",
                    compact=True,
                )
                yield Input(
                    option.gives if option else "",
                    placeholder="What this side gives",
                    id=f"gives-{index}",
                    compact=True,
                )
        yield error("positions")

    def collect(self) -> Part:
        rows = [
            (
                self.query_one(f"#position-{i}", Input).value,
                self.query_one(f"#gives-{i}", Input).value,
            )
            for i in range(len(self.query(Horizontal)))
        ]
        kept = [(text, gives) for text, gives in rows if text.strip() or gives.strip()]
        return {"options": tuple(t for t, _ in kept), "gives": tuple(g for _, g in kept)}, {}


class MultiVotePanel(MethodPanel):
    method = DecisionMethod.MULTI_VOTE

    def compose(self) -> ComposeResult:
        this_round = [o for o in self.line.options if o.voting_round >= self.line.voting_round]
        heading = "Options, one per line"
        if self.line.voting_round > 1:
            heading += f" (round {self.line.voting_round})"
        yield label(heading)
        yield TextArea("\n".join(o.text for o in this_round), id="options", soft_wrap=True)
        yield error("options")
        yield label("Dots per member")
        yield Input(
            str(self.line.dot_budget or ""),
            id="budget",
            compact=True,
            type="integer",
            placeholder="About a third of the options",
        )
        yield error("budget")
        yield DotGrid(self.sheet.present, id="dots")
        yield Static(
            "←→↑↓ a cell, a digit or +/- sets its dots, space marks an option "
            "(chosen, or kept: ctrl+n starts another round with the marked)",
            classes="form-help",
        )
        yield error("dots")

    def on_mount(self) -> None:
        texts = self.texts()
        index = {text: i for i, text in enumerate(texts)}
        dots: dict[int, dict[int, int]] = {}
        for vote in self.line.votes:
            if vote.voter and vote.option in index and vote.voting_round == self.line.voting_round:
                spent = dots.setdefault(vote.voter.member_id or 0, {})
                spent[index[vote.option]] = vote.points
        chosen = {
            i
            for i, o in enumerate(
                o for o in self.line.options if o.voting_round >= self.line.voting_round
            )
            if o.chosen
        }
        self.query_one(DotGrid).show(texts, dots, chosen)

    def texts(self) -> list[str]:
        return [
            line.strip()
            for line in self.query_one("#options", TextArea).text.splitlines()
            if line.strip()
        ]

    def on_text_area_changed(self) -> None:
        grid = self.query_one(DotGrid)
        grid.show(self.texts(), grid.dots, grid.marked)

    def collect(self) -> Part:
        problems: dict[str, str] = {}
        options = tuple(self.texts())
        budget = number(self.query_one("#budget", Input), "budget", problems, "The budget")
        grid = self.query_one(DotGrid)
        return {
            "options": options,
            "dot_budget": budget if budget is not None else default_budget(len(options)),
            "dots": {m: dict(spent) for m, spent in grid.dots.items() if any(spent.values())},
            "chosen": frozenset(grid.marked),
        }, problems


PANELS: dict[str, type[MethodPanel]] = {
    panel.method.value: panel
    for panel in (
        MajorityPanel,
        UnanimousPanel,
        ConsensusPanel,
        OnePersonPanel,
        CompromisePanel,
        MultiVotePanel,
    )
}
