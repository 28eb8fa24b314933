"""Errors a person can act on.

Every failure that reaches a user is a `FacilitatorError` carrying one plain sentence.
The CLI prints that sentence on stderr and exits with `exit_code`; the app shows it
in place. Anything else that escapes is a crash: see `facilitator.crash`.
"""

from __future__ import annotations

from collections.abc import Mapping


class FacilitatorError(Exception):
    """A problem explained in one sentence the user can act on."""

    exit_code = 1

    def __init__(self, sentence: str) -> None:
        super().__init__(sentence)
        self.sentence = sentence

    def __str__(self) -> str:
        return self.sentence


class DatabaseLocationError(FacilitatorError):
    """The database file or its directory cannot be created or opened."""


class MissingDatabaseError(DatabaseLocationError):
    """A command that only reads was pointed at a file that does not exist (or is empty)."""


class DatabaseURLError(FacilitatorError):
    """The --db value is neither a usable path nor a usable SQLAlchemy URL."""

    exit_code = 2


class NotADatabaseError(FacilitatorError):
    """The file exists but is not a SQLite database, or not one of ours."""


class NewerDatabaseError(FacilitatorError):
    """The database was written by a newer facilitator than this one."""


class DatabaseUnavailableError(FacilitatorError):
    """The database could not be read or written just now (locked, gone, unreachable)."""


class MigrationError(FacilitatorError):
    """A schema upgrade failed; the database was left as it was."""


class ContentError(FacilitatorError):
    """A content-pack file is missing or malformed."""


class NotFoundError(FacilitatorError):
    """A team, meeting or other record named by the user does not exist."""


class InvalidInput(FacilitatorError):
    """User input that cannot be saved.

    `problems` maps a form field (as the form names it) to the sentence shown beside it;
    the exception's own sentence is the first of them, for the CLI.
    """

    exit_code = 2

    def __init__(self, problems: Mapping[str, str]) -> None:
        if not problems:
            raise ValueError("InvalidInput needs at least one problem")
        super().__init__(next(iter(problems.values())))
        self.problems = dict(problems)


def first_line(error: BaseException) -> str:
    """The first line of an error's message, for a sentence that names a cause.

    Database errors carry no SQL parameters (the engine hides them), so this never
    repeats what a person typed.
    """
    lines = str(error).strip().splitlines()
    return lines[0] if lines else type(error).__name__
