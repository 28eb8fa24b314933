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
CHECKPOINT_PAGES = 250
"""About a megabyte of log: a quarter of SQLite's own threshold, so notes alone never
reach it, and a checkpoint of it takes about a millisecond."""


def pages_for_note(body: str) -> int:
    """The log pages a save of `body` adds: the new text's overflow pages and about as
    many again for the old ones going onto the free list, plus the row's own page
    (measured with `PRAGMA wal_checkpoint`: 1, 10 and 30 pages for 17 B, 18 kB and
    59 kB of notes)."""
    return 2 * len(body.encode()) // PAGE_BYTES + 1


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
