"""Run a service call for a screen and say its refusal in a sentence."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from facilitator.errors import FacilitatorError, InvalidInput

T = TypeVar("T")


def attempt(call: Callable[[], T], say: Callable[[str], object]) -> tuple[bool, T | None]:
    """(True, `call`'s result) with `say("")`; or (False, None) with the problem given
    to `say` in a sentence (an InvalidInput's problems joined)."""
    try:
        result = call()
    except InvalidInput as bad:
        say(" ".join(bad.problems.values()))
        return False, None
    except FacilitatorError as bad:
        say(bad.sentence)
        return False, None
    say("")
    return True, result
