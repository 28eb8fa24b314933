"""Time the autosave's database write: `facilitator.services.live.save_note` committing
an item's notes to the SQLite file, as the live screen's write thread calls it.

    python benchmarks/probe_live_autosave.py DATABASE [--saves 200] [--lines 300 1000]

For each size, the notes (`live_db.notes_text`) are saved a few times unmeasured, then
`--saves` times with one more character each time (a typist's next autosave), each call
timed with `time.perf_counter()` from the call to its return: opening the session,
reading the note, updating it, the commit (WAL, synchronous=NORMAL, as the app sets).

After each save the probe does what the live screen's write thread does next: it tells
a `LogPacer` what the save wrote, and the pacer checkpoints the log every megabyte or
so. Those checkpoints are timed on their own and reported beside the commits: they are
not part of a commit (the "saved" mark is already on its way to the screen), and they
keep the log short enough that SQLite never checkpoints inside one.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from live_db import notes_text
from probe_live_common import MEETING_ID, GcWatch, ProbeError, percentile, run_probe_main

WARM_UP = 5


def main(argv: Sequence[str]) -> dict[str, Any]:
    parser = argparse.ArgumentParser(prog="probe_live_autosave.py")
    parser.add_argument("database")
    parser.add_argument("--saves", type=int, default=200)
    parser.add_argument("--lines", type=int, nargs="+", default=[300, 1000])
    args = parser.parse_args(argv)

    from facilitator.pack.locate import load_default_pack
    from facilitator.services.checkpoint import LogPacer, pages_for_note
    from facilitator.services.live import live_state, save_note
    from facilitator.store.database import Database
    from facilitator.store.target import sqlite_target

    gc_watch = GcWatch()
    gc_watch.install()
    db = Database(sqlite_target(Path(args.database)))
    results: dict[str, Any] = {}
    try:
        state = live_state(db, meeting_id=MEETING_ID, pack=load_default_pack())
        if state.current is None:
            raise ProbeError("meeting 2 has no agenda items")
        item_id = state.current.item_id
        for lines in args.lines:
            body = notes_text(lines)
            times: list[float] = []
            checkpoints: list[float] = []
            log = LogPacer(db)
            began = time.monotonic()
            for number in range(WARM_UP + args.saves):
                text = body + "x" * number
                now = datetime.now(UTC)
                start = time.perf_counter()
                save_note(db, meeting_id=MEETING_ID, item_id=item_id, body=text, now=now)
                took = (time.perf_counter() - start) * 1000
                start = time.perf_counter()
                checkpointed = log.wrote(pages_for_note(text))
                if checkpointed and number >= WARM_UP:
                    checkpoints.append((time.perf_counter() - start) * 1000)
                if number >= WARM_UP:
                    times.append(took)
            results[str(lines)] = {
                "lines": lines,
                "chars": len(body),
                "saves": len(times),
                "p50_ms": percentile(times, 0.50),
                "p99_ms": percentile(times, 0.99),
                "max_ms": max(times),
                "times_ms": [round(t, 3) for t in times],
                "checkpoints": len(checkpoints),
                "checkpoint_max_ms": max(checkpoints, default=0.0),
                "gc": gc_watch.summary(began, time.monotonic()),
            }
    finally:
        db.dispose()
    return {"sizes": results}


if __name__ == "__main__":
    sys.exit(run_probe_main(lambda: main(sys.argv[1:])))
