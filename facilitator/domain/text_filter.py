"""Which records a list's text filter keeps (the decision log, the action items, the
parking lot): the store finds the matching ones in the search index, read the way the
search box reads a query (`facilitator.domain.search_query`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextFilter:
    """Every record (nothing typed), those of `ids`, or with `excluding` every record
    but those of `ids` (only words to leave out were typed: `-draft`)."""

    ids: frozenset[int] | None = None
    excluding: bool = False

    @property
    def is_on(self) -> bool:
        """Whether it leaves anything out (something was typed)."""
        return self.ids is not None

    def keeps(self, record_id: int) -> bool:
        """Whether the record `record_id` is shown."""
        if self.ids is None:
            return True
        return (record_id in self.ids) != self.excluding


EVERYTHING = TextFilter()
"""The filter of an empty box: it keeps every record."""
