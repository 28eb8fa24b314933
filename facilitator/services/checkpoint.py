"""When to move SQLite's write-ahead log into the database file.

SQLite checkpoints by itself inside the commit that takes the log past 1,000 pages (4 MB).
A commit of long notes that happens to be that one takes a few milliseconds more: with
1,000-line notes, every 34th autosave. `LogPacer` checkpoints sooner and outside any
commit: the live screen's write thread tells it what each notes save wrote, and after
about a megabyte it runs a passive checkpoint, while the recorder has paused typing.

Checkpointing after every save would keep the log shortest, but each save then starts a
fresh log and costs nearly twice as much (measured: p50 1.7 ms against 0.9 ms for
300-line notes).
"""

from __future__ import annotations

from facilitator.store.database import Database

PAGE_BYTES = 4096
INDEX_PAGES, INDEX_PAGES_MORE = 3, 5
"""The search index's pages in a notes save: at least, and at most beyond that."""
CHECKPOINT_PAGES = 250
"""About a megabyte of log: a quarter of SQLite's own threshold, so notes alone never
reach it, and a checkpoint of it takes about a millisecond."""


def pages_for_note(body: str) -> int:
    """The log pages a save of `body` adds: the new text's overflow pages and about as
    many again for the old ones going onto the free list, plus the row's own page, plus
    the search index's (its new segment and bookkeeping: 3 pages, and up to 5 more as
    the notes' words grow). Measured with `PRAGMA wal_checkpoint` for notes of words:
    4, 9, 17 and 37 pages for 10 B, 2 kB, 18 kB and 60 kB."""
    size = len(body.encode())
    return 2 * size // PAGE_BYTES + 1 + INDEX_PAGES + min(INDEX_PAGES_MORE, size // 400)


class LogPacer:
    """Counts the log pages written since the last checkpoint and checkpoints once
    they pass `every`. Used from one thread (the live screen's write thread)."""

    def __init__(self, db: Database, *, every: int = CHECKPOINT_PAGES) -> None:
        self.db = db
        self.every = every
        self.pages = 0

    def wrote(self, pages: int) -> bool:
        """Note `pages` more in the log; checkpoint if it is time. True if it did."""
        self.pages += pages
        if self.pages < self.every:
            return False
        self.db.checkpoint()
        self.pages = 0
        return True
