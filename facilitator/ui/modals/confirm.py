"""A yes/no question in a small dialog, for any screen that must ask before acting.

    def answered(yes: bool | None) -> None:
        if yes:
            ...

    self.app.push_screen(
        ConfirmModal(
            "This meeting is planned for Mon 11 Jan 2027, 35 days from now. "
            "Start it today anyway?",
            title="Start the meeting?",
            yes="Start today",
            no="Not now",
        ),
        answered,
    )

or, from a worker or an async handler, `yes = await self.app.push_screen_wait(...)`.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from facilitator.ui.literal import lit
from facilitator.ui.widgets.keys_footer import KeysFooter


class ConfirmModal(ModalScreen[bool]):
    """Asks `question`; dismisses with True (yes) or False (no).

    - `title` goes on the dialog's border (none if empty); `yes` and `no` label the two
      buttons (say what happens: "Start today", "Delete", "Keep editing").
    - `default` is what enter answers, the button focused when the dialog opens. It is
      False unless given: a question asked before something hard to undo keeps the safe
      answer on enter, so a key pressed out of habit changes nothing.
    - y always answers yes; n and escape always answer no.

    The question and labels are shown literally (they may hold user text).
    """

    DEFAULT_CSS = """
    ConfirmModal { align: center middle; }
    ConfirmModal > VerticalScroll {
        width: 70%; min-width: 40; max-width: 70; height: auto; max-height: 90%;
        border: round $warning; border-title-color: $warning;
        background: $surface; padding: 1 2;
    }
    ConfirmModal #confirm-buttons { height: auto; margin-top: 1; }
    ConfirmModal Button { margin-right: 2; }
    """
    AUTO_FOCUS = ""  # on_mount focuses the default button, without scrolling to it
    BINDINGS = [
        Binding("y", "yes", "Yes", show=False),
        Binding("n", "no", "No", show=False),
        Binding("escape", "no", "No"),
    ]

    def __init__(
        self,
        question: str,
        *,
        title: str = "",
        yes: str = "Yes",
        no: str = "Cancel",
        default: bool = False,
    ) -> None:
        super().__init__()
        self.question = question
        self.title_text = title
        self.yes = yes
        self.no = no
        self.default = default

    def compose(self) -> ComposeResult:
        # Not focusable itself, so tab moves between the two buttons only.
        with VerticalScroll(can_focus=False) as box:
            if self.title_text:
                box.border_title = lit(self.title_text)
            yield Static(lit(self.question), id="confirm-question")
            with Horizontal(id="confirm-buttons"):
                yes_keys = "enter" if self.default else "y"
                no_keys = "esc" if self.default else "enter, esc"
                yield Button(
                    lit(f"{self.yes} ({yes_keys})"),
                    id="confirm-yes",
                    variant="warning",
                    compact=True,
                )
                yield Button(lit(f"{self.no} ({no_keys})"), id="confirm-no", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        # A long question is read from its top (its box scrolls with the arrow keys).
        button = self.query_one("#confirm-yes" if self.default else "#confirm-no")
        button.focus(scroll_visible=False)

    @on(Button.Pressed, "#confirm-yes")
    def action_yes(self) -> None:
        self.dismiss(True)

    @on(Button.Pressed, "#confirm-no")
    def action_no(self) -> None:
        self.dismiss(False)
