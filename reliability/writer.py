"""A second live window, as the services see it: the writes the live screen makes, at a
set rate, each logged with a unique tag (used by `three_writers.py`).

    python -m reliability.writer DB MEETING_ID --seconds S --rate R --log FILE [--tag B]

It calls what the live screen calls for each action: `save_note` with the item's whole
notes (one tag more each time, as the editor saves after a pause), and
`add_parking_lot_item` and `add_action_item` with a tagged text, in turn. After each
call it appends one JSON line to the log: the tag, the kind, and whether the call
returned ("ok") or the sentence it raised. It stops after `--seconds`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from facilitator.errors import FacilitatorError
from facilitator.pack.locate import load_default_pack
from facilitator.services.captures import add_action_item, add_parking_lot_item
from facilitator.services.live import live_state, save_note
from facilitator.store.database import Database
from facilitator.store.target import sqlite_target

KINDS = "npa"
"""Notes, parking lot, action item, in turn."""


class Window:
    """The writes of one live window on `meeting_id`'s first item."""

    def __init__(self, db: Database, meeting_id: int) -> None:
        self.db = db
        self.meeting_id = meeting_id
        state = live_state(db, meeting_id=meeting_id, pack=load_default_pack())
        self.item_id = state.items[0].item_id
        self.notes: list[str] = []

    def write(self, kind: str, tag: str) -> None:
        """One write of `kind` carrying `tag`; raises FacilitatorError as the screen sees it."""
        db, meeting, item, now = self.db, self.meeting_id, self.item_id, datetime.now(UTC)
        if kind == "n":
            body = " ".join([*self.notes, tag])
            save_note(db, meeting_id=meeting, item_id=item, body=body, now=now)
            self.notes.append(tag)
        elif kind == "p":
            add_parking_lot_item(
                db, meeting_id=meeting, item_id=item, text=f"{tag} parked", now=now
            )
        else:
            add_action_item(db, meeting_id=meeting, item_id=item, what=f"{tag} follow up", now=now)


def write_for(window: Window, *, seconds: float, rate: float, prefix: str, log: IO[str]) -> None:
    """Write at `rate` a second for `seconds`, logging each write after it is done."""
    began = time.monotonic()
    number = 0
    while time.monotonic() - began < seconds:
        kind = KINDS[number % len(KINDS)]
        tag = f"{prefix}-{kind}{number:05d}"
        entry: dict[str, object] = {"tag": tag, "kind": kind, "ok": True}
        try:
            window.write(kind, tag)
        except FacilitatorError as error:
            entry.update(ok=False, said=error.sentence)
        log.write(json.dumps(entry) + "\n")
        log.flush()
        number += 1
        time.sleep(max(0.0, began + number / rate - time.monotonic()))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write as a live window does, at a rate.")
    parser.add_argument("db", type=Path)
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--rate", type=float, required=True, help="writes per second")
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--tag", default="B")
    args = parser.parse_args(argv)
    db = Database(sqlite_target(args.db))
    try:
        with args.log.open("a", encoding="utf-8") as log:
            window = Window(db, args.meeting_id)
            write_for(window, seconds=args.seconds, rate=args.rate, prefix=args.tag, log=log)
    finally:
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main())
