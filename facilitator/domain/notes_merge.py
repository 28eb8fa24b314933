"""One item's notes typed in two windows at once, merged so that nothing typed is lost.

A window saves its whole text for the item. When the stored notes have changed since
that window last had them (another window saved in between), the save merges instead
of overwriting: this window's text stays exactly as typed, and the lines the other
window added or changed, that this text does not hold already, follow it after a blank
line. Lines the other window deleted come back rather than vanish: keeping a line too
many is better than losing one.
"""

from __future__ import annotations

from difflib import SequenceMatcher


def merge_notes(base: str, mine: str, theirs: str) -> str:
    """The notes to store: `mine` (this window's text) merged with `theirs` (stored now)
    where both changed `base` (what this window last had of them)."""
    if theirs in (base, mine):
        return mine
    if mine == base:
        return theirs
    have = set(mine.splitlines())
    missing = [line for line in _added_lines(base, theirs) if line.strip() and line not in have]
    if not missing:
        return mine
    return mine.rstrip("\n") + "\n\n" + "\n".join(missing)


def _added_lines(base: str, theirs: str) -> list[str]:
    """The lines of `theirs` that are not in `base` as it was (inserted or changed)."""
    old, new = base.splitlines(), theirs.splitlines()
    matcher = SequenceMatcher(None, old, new, autojunk=False)
    return [
        line
        for tag, _, _, start, end in matcher.get_opcodes()
        if tag in ("insert", "replace")
        for line in new[start:end]
    ]
