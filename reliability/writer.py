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
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Write as a live window does, at a rate.")
    parser.add_argument("db", type=Path)
    parser.add_argument("meeting_id", type=int)
    parser.add_argument("--seconds", type=float, required=True)
    parser.add_argument("--rate", type=float, required=True, help="writes per second")
    parser.add_argument("--log", type=Path, required=True)
    parser.add_argument("--tag", default="B")
    args = parser.parse_args(argv)

    from facilitator.errors import FacilitatorError
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.captures import add_action_item, add_parking_lot_item
    from facilitator.services.live import live_state, save_note
    from facilitator.store.database import Database
    from facilitator.store.target import sqlite_target

    db = Database(sqlite_target(args.db))
    meeting = args.meeting_id
    item = live_state(db, meeting_id=meeting, pack=load_default_pack()).items[0].item_id
    notes: list[str] = []

    def note(tag: str) -> None:
        save_note(db, meeting_id=meeting, item_id=item, body=" ".join([*notes, tag]), now=_now())
        notes.append(tag)

    def park(tag: str) -> None:
        add_parking_lot_item(db, meeting_id=meeting, item_id=item, text=f"{tag} parked", now=_now())

    def act(tag: str) -> None:
        add_action_item(db, meeting_id=meeting, item_id=item, what=f"{tag} follow up", now=_now())

    kinds: list[tuple[str, Callable[[str], None]]] = [("n", note), ("p", park), ("a", act)]
    began = time.monotonic()
    number = 0
    with args.log.open("a", encoding="utf-8") as log:
        while time.monotonic() - began < args.seconds:
            kind, write = kinds[number % len(kinds)]
            tag = f"{args.tag}-{kind}{number:05d}"
            try:
                write(tag)
                entry = {"tag": tag, "kind": kind, "ok": True}
            except FacilitatorError as error:
                entry = {"tag": tag, "kind": kind, "ok": False, "said": error.sentence}
            log.write(json.dumps(entry) + "\n")
            log.flush()
            number += 1
            time.sleep(max(0.0, began + number / args.rate - time.monotonic()))
    db.dispose()
    return 0


def _now() -> datetime:
    return datetime.now(UTC)


if __name__ == "__main__":
    sys.exit(main())
