"""A new team as typed into a form, and the rules it must meet before it is saved.

A draft holds its text without control characters from the moment it is made (see
`facilitator.domain.clean`), so whatever is saved from it is clean too."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from facilitator.domain.clean import clean_line

NAME_MAX = 80
PURPOSE_MAX = 240
POSITION_MAX = 80
NORM_MAX = 240
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


@dataclass(frozen=True)
class MemberDraft:
    """One member row of the form."""

    name: str
    position: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        for name in ("name", "position", "email"):
            object.__setattr__(self, name, clean_line(getattr(self, name)))

    @property
    def is_blank(self) -> bool:
        return not (self.name.strip() or self.position.strip() or self.email.strip())


@dataclass(frozen=True)
class TeamDraft:
    """The team form's content."""

    name: str
    purpose: str = ""
    kind: str = ""
    """The team type as typed: a name from the content pack's team types, or the team's own."""
    members: tuple[MemberDraft, ...] = ()
    pack_norm_ids: tuple[str, ...] = ()
    custom_norms: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        for name in ("name", "purpose", "kind"):
            object.__setattr__(self, name, clean_line(getattr(self, name)))
        object.__setattr__(self, "custom_norms", tuple(map(clean_line, self.custom_norms)))

    def filled_members(self) -> list[tuple[int, MemberDraft]]:
        """Member rows that hold anything, with their row index."""
        return [(index, m) for index, m in enumerate(self.members) if not m.is_blank]

    def cleaned_custom_norms(self) -> list[str]:
        """Custom norms without blanks and repeats, in the order written."""
        seen: set[str] = set()
        result = []
        for text in (line.strip() for line in self.custom_norms):
            if text and text.casefold() not in seen:
                seen.add(text.casefold())
                result.append(text)
        return result


def team_problems(draft: TeamDraft, existing_names: Iterable[str]) -> dict[str, str]:
    """Problems keyed by form field ("name", "member-2-email", ...); empty when all is well."""
    problems: dict[str, str] = {}
    name = draft.name.strip()
    if not name:
        problems["name"] = "Give the team a name."
    elif len(name) > NAME_MAX:
        problems["name"] = f"Keep the name under {NAME_MAX} characters."
    elif name.casefold() in {other.strip().casefold() for other in existing_names}:
        problems["name"] = f"There is already a team called {name}."
    if len(" ".join(draft.kind.split())) > NAME_MAX:
        problems["kind"] = f"Keep the team type under {NAME_MAX} characters."
    if len(draft.purpose.strip()) > PURPOSE_MAX:
        problems["purpose"] = f"Keep the purpose line under {PURPOSE_MAX} characters."
    problems.update(_member_problems(draft))
    for text in draft.cleaned_custom_norms():
        if len(text) > NORM_MAX:
            problems["norms"] = f"Keep each norm under {NORM_MAX} characters."
    return problems


def _member_problems(draft: TeamDraft) -> dict[str, str]:
    problems: dict[str, str] = {}
    seen: dict[str, int] = {}
    for index, member in draft.filled_members():
        name = member.name.strip()
        key = name.casefold()
        if not name:
            problems[f"member-{index}-name"] = "Give this member a name, or clear the row."
        elif len(name) > NAME_MAX:
            problems[f"member-{index}-name"] = f"Keep names under {NAME_MAX} characters."
        elif key in seen:
            problems[f"member-{index}-name"] = (
                f"{name} is already on the team (row {seen[key] + 1})."
            )
        else:
            seen[key] = index
        if len(member.position.strip()) > POSITION_MAX:
            problems[f"member-{index}-position"] = (
                f"Keep positions under {POSITION_MAX} characters."
            )
        email = member.email.strip()
        if email and not _EMAIL.match(email):
            problems[f"member-{index}-email"] = f"{email} does not look like an e-mail address."
    return problems
