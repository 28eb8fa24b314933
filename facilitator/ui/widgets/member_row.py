"""One row of the team form's member list: name, position, e-mail, and its problems."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import Input, Static

from facilitator.domain.team_draft import NAME_MAX, POSITION_MAX, MemberDraft
from facilitator.ui.literal import lit


class MemberRow(Vertical):
    """Inputs for one member; `index` names the row in problems ("member-2-email")."""

    DEFAULT_CSS = """
    MemberRow { height: auto; margin-bottom: 1; }
    MemberRow > Horizontal { height: auto; }
    MemberRow Input { width: 1fr; margin-right: 1; }
    MemberRow .member-name { width: 3fr; }
    MemberRow .member-email { width: 3fr; }
    MemberRow .member-position { width: 2fr; }
    MemberRow .error { color: $error; text-style: bold; padding: 0 1; display: none; }
    MemberRow .error.-shown { display: block; }
    """

    def __init__(self, index: int) -> None:
        super().__init__(id=f"member-{index}")
        self.index = index

    def compose(self) -> ComposeResult:
        with Horizontal():
            yield Input(
                placeholder="Name",
                max_length=NAME_MAX,
                id=f"member-{self.index}-name",
                classes="member-name",
                compact=True,
            )
            yield Input(
                placeholder="Position",
                max_length=POSITION_MAX,
                id=f"member-{self.index}-position",
                classes="member-position",
                compact=True,
            )
            yield Input(
                placeholder="E-mail",
                id=f"member-{self.index}-email",
                classes="member-email",
                compact=True,
            )
        yield Static(classes="error")

    def draft(self) -> MemberDraft:
        """The row's content."""
        return MemberDraft(
            name=self.query_one(f"#member-{self.index}-name", Input).value,
            position=self.query_one(f"#member-{self.index}-position", Input).value,
            email=self.query_one(f"#member-{self.index}-email", Input).value,
        )

    def show_problems(self, problems: dict[str, str]) -> None:
        """Show this row's problems (from a dict keyed by field id) under it."""
        mine = [text for key, text in problems.items() if key.startswith(f"member-{self.index}-")]
        error = self.query_one(".error", Static)
        error.update(lit(" ".join(mine)))
        error.set_class(bool(mine), "-shown")
