"""Leaving a form: at once if nothing was typed, else only once the user says to discard.

Every form (the form modals, the new-team form, carry forward, the norms wizard) closes
through `leave_form`, so escape never throws away what someone typed without asking, and
the safe answer (keep editing) is the one enter gives.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.screen import Screen

from facilitator.ui.modals.confirm import ConfirmModal

UNSAVED = "What you typed or chose here is not saved yet."


def discard_modal(sentence: str = UNSAVED, *, yes: str = "Discard") -> ConfirmModal:
    """The question: discard (yes) or keep editing (no, the default)."""
    return ConfirmModal(sentence, title="Discard your changes?", yes=yes, no="Keep editing")


def leave_form(
    form: Screen[Any],
    leave: Callable[[], object],
    *,
    changed: bool,
    sentence: str = UNSAVED,
    yes: str = "Discard",
) -> None:
    """Run `leave` now if nothing `changed`; otherwise ask, and run it on "discard"."""
    if not changed:
        leave()
        return

    def answered(discard: bool | None) -> None:
        if discard:
            leave()

    form.app.push_screen(discard_modal(sentence, yes=yes), answered)
