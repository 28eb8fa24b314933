"""A demo database with meetings running, for the probes that drive the live screen."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

from reliability.common import DEMO_MEETING

EXTENSION_SECONDS = 2 * 60 * 60
"""Every item gets two more hours, so no time-up prompt comes in a probe's way."""


def build_running_demo(path: Path, meetings: Sequence[int] = (DEMO_MEETING,)) -> None:
    """The demo at `path` with `meetings` started now, every item of each extended by
    two hours, and no notes on them (as `benchmarks/live_db.py` does, through the
    services)."""
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.demo import fill_demo
    from facilitator.services.live import adjust_item_time, live_state, start_or_pause
    from facilitator.store.database import Database
    from facilitator.store.prepare import prepare_database
    from facilitator.store.target import sqlite_target

    now = datetime.now(UTC)
    pack = load_default_pack()
    target = sqlite_target(path)
    prepare_database(target)
    db = Database(target)
    try:
        fill_demo(db, pack=pack, now=now, tz=None)
        for meeting_id in meetings:
            start_or_pause(db, meeting_id=meeting_id, now=now)
            for item in live_state(db, meeting_id=meeting_id, pack=pack).items:
                if item.note:
                    raise RuntimeError(f"meeting {meeting_id} has notes already")
                adjust_item_time(db, item_id=item.item_id, seconds=EXTENSION_SECONDS, now=now)
    finally:
        db.dispose()
