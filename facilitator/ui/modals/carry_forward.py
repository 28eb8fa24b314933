"""Carry forward what the team owes: open action items, the parking lot, items set aside,
decisions due for review."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, SelectionList, Static
from textual.widgets.selection_list import Selection

from facilitator.errors import FacilitatorError
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.form_checkbox import MarkedSelectionList
from facilitator.ui.widgets.keys_footer import KeysFooter

if TYPE_CHECKING:
    from facilitator.services.carry_forward import Candidate
    from facilitator.ui.app import FacilitatorApp

HEADINGS = {
    "action": "Open action items to review",
    "parking": "Open parking-lot items",
    "next": "Set aside for this meeting",
    "decision": "Decisions due for review",
}
SHOWN_WHEN_EMPTY = frozenset({"action", "parking", "next"})
"""Kinds whose heading shows with a count of 0; a decision's review is rarer, and its
heading shows only when one is due."""


class CandidatesLoaded(Message):
    def __init__(self, candidates: list[Candidate]) -> None:
        super().__init__()
        self.candidates = candidates


class CarryForwardModal(ModalScreen[list[int] | None]):
    """Tick what goes on the agenda; dismisses with the items added or extended."""

    DEFAULT_CSS = """
    CarryForwardModal { align: center middle; }
    CarryForwardModal > Vertical {
        width: 94%; max-width: 110; height: 85%;
        border: round $accent; border-title-color: $accent;
        background: $surface; padding: 0 1;
    }
    CarryForwardModal #carry-help { color: $text-muted; }
    CarryForwardModal SelectionList { height: 1fr; }
    CarryForwardModal #carry-buttons { height: auto; }
    CarryForwardModal Button { margin-right: 2; }
    """
    BINDINGS = [
        Binding("ctrl+s", "save", "Add to agenda"),
        Binding("escape", "cancel", "Cancel"),
    ]

    app: FacilitatorApp

    def __init__(self, meeting_id: int) -> None:
        super().__init__()
        self.meeting_id = meeting_id

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            box.border_title = "Carry forward"
            yield Static(
                "Space ticks an item. Action items share one review item; each other "
                "item gets one of its own, linked back to where it came from.",
                id="carry-help",
            )
            yield MarkedSelectionList(id="candidates")
            with Horizontal(id="carry-buttons"):
                yield Button(
                    "Add to agenda (ctrl+s)", id="carry-save", variant="primary", compact=True
                )
                yield Button("Cancel (esc)", id="carry-cancel", compact=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from facilitator.services.carry_forward import carry_forward_candidates

        backend = self.app.backend
        try:
            found = carry_forward_candidates(backend.db, meeting_id=self.meeting_id, tz=backend.tz)
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.post_message(CandidatesLoaded(found))

    def on_candidates_loaded(self, message: CandidatesLoaded) -> None:
        listing = self.query_one("#candidates", SelectionList)
        selections = []
        for kind, heading in HEADINGS.items():
            mine = [c for c in message.candidates if c.kind == kind]
            if not mine and kind not in SHOWN_WHEN_EMPTY:
                continue
            selections.append(
                Selection(lit(f"{heading} ({len(mine)})", "bold"), f"heading:{kind}", disabled=True)
            )
            for candidate in mine:
                # One line each (a selection list draws its box on every line of an
                # option): what is owed, then who and when, dimmed.
                label = join(
                    ("on the agenda: ", "italic") if candidate.on_agenda else "",
                    lit(candidate.text),
                    lit(f" · {candidate.detail}", "dim") if candidate.detail else "",
                )
                selections.append(
                    Selection(label, f"{kind}:{candidate.id}", disabled=candidate.on_agenda)
                )
        listing.add_options(selections)
        if not any(not c.on_agenda for c in message.candidates):
            self.query_one("#carry-help", Static).update(
                "Nothing is waiting to be carried forward."
            )
        listing.focus()

    @on(Button.Pressed, "#carry-save")
    def action_save(self) -> None:
        picks = []
        for value in self.query_one("#candidates", SelectionList).selected:
            kind, key = str(value).split(":")
            picks.append((kind, int(key)))
        self._accept(picks)

    @work(thread=True, exclusive=True)
    def _accept(self, picks: list[tuple[str, int]]) -> None:
        from facilitator.services.carry_forward import accept_carry_forward

        backend = self.app.backend
        try:
            touched = accept_carry_forward(
                backend.db, meeting_id=self.meeting_id, picks=picks, now=backend.now()
            )
        except FacilitatorError as error:
            self.app.notify(error.sentence, severity="error", markup=False)
            return
        self.app.call_from_thread(self.dismiss, touched)

    @on(Button.Pressed, "#carry-cancel")
    def action_cancel(self) -> None:
        """Close without adding: at once if nothing is ticked, else once the user says
        to discard the ticks."""
        from facilitator.ui.modals.discard import leave_form

        ticked = bool(self.query_one("#candidates", SelectionList).selected)
        leave_form(
            self,
            lambda: self.dismiss(None),
            changed=ticked,
            sentence="The items you ticked are not on the agenda yet (ctrl+s adds them).",
        )
