"""Build a database for the live-screen benchmarks: the demo, its December meeting
(meeting 2) running, and recorder's notes of a chosen size on its current item.

    python benchmarks/live_db.py PATH [--notes 300] [--history 0] [--other-notes 0]
                                      [--not-started]
    python benchmarks/live_db.py --batch SPEC.json


- `--notes N`: the current item's notes hold N lines (`notes_text`), saved through
  `facilitator.services.live.save_note`, as the app would.
- `--history M`: the demo plus M meetings over six years (`history_db.build`).
- `--other-notes L`: every other agenda item in the database gets L lines of notes.
- The meeting is started with `start_or_pause` at the real time now (the probes run the
  app on the system clock) and its first item is extended by two hours, so it stays in
  its normal phase (no time-up prompt) whenever a probe uses a copy of the file.
  `--not-started` leaves it planned instead, for the real time now: the probes start it
  on its planned day, as a team would (a start days away asks first).

The runner calls this in a child process, once, with `--batch`: a JSON list of
{"path", "notes", "history", "other_notes", "started"} (one interpreter start for every
database), and copies each file for every probe run, so each run starts from the same
state. Prints one line of JSON about each database it built.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path

MEETING_ID = 2
"""The demo's planned December meeting."""
EXTENSION_SECONDS = 2 * 60 * 60

WORDS = (
    "data",
    "summary",
    "staff",
    "team",
    "students",
    "reading",
    "growth",
    "plan",
    "review",
    "action",
    "item",
    "owner",
    "deadline",
    "Friday",
    "Monday",
    "survey",
    "results",
    "grade",
    "level",
    "walkthrough",
    "coaching",
    "schedule",
    "budget",
    "parents",
    "newsletter",
    "assessment",
    "rubric",
    "feedback",
    "follow",
    "up",
    "check",
    "in",
    "agreed",
    "proposal",
    "concern",
    "question",
    "next",
    "steps",
    "district",
    "timeline",
    "draft",
    "share",
    "update",
    "math",
    "science",
    "writing",
    "samples",
    "protocol",
    "norms",
    "decision",
    "consensus",
    "vote",
    "parking",
    "lot",
)
NAMES = ("Maria", "Tom", "Priya", "Aisha", "Daniel", "Lena", "Jorge", "Grace")


def notes_text(lines: int, *, seed: int = 1) -> str:
    """`lines` lines of meeting notes as a recorder types them: headings, bullets of
    10 to 110 characters (the longer ones wrap in the editor), a blank line now and then."""
    rng = random.Random(seed)
    out: list[str] = []
    for number in range(lines):
        roll = rng.random()
        if number % 25 == 0:
            out.append(
                f"## {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} ({number // 25 + 1})"
            )
        elif roll < 0.06:
            out.append("")
        else:
            target = rng.randint(10, 110)
            words = [f"- {rng.choice(NAMES)}:"]
            while sum(len(w) + 1 for w in words) < target:
                words.append(rng.choice(WORDS))
            out.append(" ".join(words))
    return "\n".join(out)


def build(
    path: Path, *, notes: int, history: int, other_notes: int, started: bool
) -> dict[str, object]:
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.demo import fill_demo
    from facilitator.services.live import adjust_item_time, live_state, save_note, start_or_pause
    from facilitator.store.database import Database
    from facilitator.store.prepare import prepare_database
    from facilitator.store.target import sqlite_target

    began = time.monotonic()
    now = datetime.now(UTC)
    pack = load_default_pack()
    target = sqlite_target(path)
    if history:
        from history_db import build as build_history

        build_history(path, meetings=history, now=now)
    else:
        prepare_database(target)
        setup = Database(target)
        try:
            fill_demo(setup, pack=pack, now=now, tz=None)
        finally:
            setup.dispose()
    db = Database(target)
    try:
        if started:
            start_or_pause(db, meeting_id=MEETING_ID, now=now)
        else:
            _plan_for(db, now)
        state = live_state(db, meeting_id=MEETING_ID, pack=pack)
        current = state.current
        if current is None:
            raise SystemExit(f"live_db.py: meeting {MEETING_ID} has no agenda items")
        if started:
            adjust_item_time(db, item_id=current.item_id, seconds=EXTENSION_SECONDS, now=now)
        body = notes_text(notes)
        save_note(db, meeting_id=MEETING_ID, item_id=current.item_id, body=body, now=now)
        others = 0
        if other_notes:
            others = _fill_other_notes(db, skip=current.item_id, lines=other_notes, now=now)
    finally:
        db.dispose()
    for suffix in ("-wal", "-shm"):
        leftover = path.with_name(path.name + suffix)
        if leftover.exists() and leftover.stat().st_size:
            raise SystemExit(f"live_db.py: {leftover.name} was left behind; the copy would miss it")
    return {
        "path": str(path),
        "meeting_id": MEETING_ID,
        "item_id": current.item_id,
        "items": len(state.items),
        "note_lines": notes,
        "note_chars": len(body),
        "history_meetings": history,
        "other_notes": others,
        "other_note_lines": other_notes,
        "started": started,
        "bytes": path.stat().st_size,
        "seconds": round(time.monotonic() - began, 2),
    }


def _plan_for(db: object, now: datetime) -> None:
    """Move meeting MEETING_ID's planned start to `now`."""
    from facilitator.store.tables import Meeting

    with db.write(now=now) as session:  # type: ignore[attr-defined]
        meeting = session.get(Meeting, MEETING_ID)
        meeting.scheduled_start = now


def _fill_other_notes(db: object, *, skip: int, lines: int, now: datetime) -> int:
    """Notes of `lines` lines on every agenda item but `skip`, in one transaction."""
    from sqlmodel import select

    from facilitator.store.tables import AgendaItem, Note

    count = 0
    with db.write(now=now) as session:  # type: ignore[attr-defined]
        items = session.exec(select(AgendaItem)).all()
        for number, item in enumerate(items):
            if item.id == skip:
                continue
            body = notes_text(lines, seed=number + 2)
            session.add(Note(meeting_id=item.meeting_id, agenda_item_id=item.id, body=body))
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a database for the live benchmarks.")
    parser.add_argument("path", type=Path, nargs="?", help="a database file not there yet")
    parser.add_argument("--batch", type=Path, help="a JSON list of databases to build")
    parser.add_argument("--notes", type=int, default=300, help="lines of notes on the item")
    parser.add_argument("--history", type=int, default=0, help="meetings to add to the demo")
    parser.add_argument("--other-notes", type=int, default=0, help="lines on every other item")
    parser.add_argument("--not-started", action="store_true", help="leave the meeting planned")
    args = parser.parse_args(argv)
    if args.batch is not None:
        for spec in json.loads(args.batch.read_text(encoding="utf-8")):
            path = Path(spec["path"])
            if path.exists():
                parser.error(f"{path} exists; give a new file")
            info = build(
                path,
                notes=int(spec.get("notes", 300)),
                history=int(spec.get("history", 0)),
                other_notes=int(spec.get("other_notes", 0)),
                started=bool(spec.get("started", True)),
            )
            print(json.dumps(info), flush=True)
        return 0
    if args.path is None:
        parser.error("give PATH or --batch SPEC.json")
    if args.path.exists():
        parser.error(f"{args.path} exists; give a new file")
    info = build(
        args.path,
        notes=args.notes,
        history=args.history,
        other_notes=args.other_notes,
        started=not args.not_started,
    )
    print(json.dumps(info))
    return 0


if __name__ == "__main__":
    sys.exit(main())
