"""Hostile text put into every field a person can type, through the services.

For each payload (`PAYLOADS`), a team and four meetings of it, one at each stage a
screen shows: planned (plan screen, agenda exports), running (live screen), ended
(closure), closed (minutes preview, every minutes export). Each text field gets the
payload itself; where a service refuses it (too long, say), the sentence is recorded in
`Seeded.refused` and a plain stand-in is used, so the rest still gets the payload.

Shared by the probe (`injection.py`) and `tests/reliability/test_injection.py`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta, tzinfo
from typing import TypeVar

from facilitator.domain.planning import ItemDraft, MeetingDraft
from facilitator.domain.team_draft import MemberDraft, TeamDraft
from facilitator.errors import InvalidInput
from facilitator.pack.loader import Pack
from facilitator.services import captures, closure, live, planning
from facilitator.services.agenda import add_item
from facilitator.services.minutes import meeting_minutes
from facilitator.services.teams import create_team
from facilitator.store.database import Database

_T = TypeVar("_T")

LONG = ("Lorem ipsum dolor sit amet, consectetur adipiscing elit. " * 1800)[:100_000]
PAYLOADS: dict[str, str] = {
    "markup": "[bold red]x[/]",
    "link markup": "[link=https://example.com/evil]click[/link]",
    "click markup": "[@click=app.quit]quit[/]",
    "ESC clear screen": "Bad\x1b[2Jname",
    "OSC 0 title": "Title\x1b]0;pwned\x07end",
    "OSC 52 clipboard": "Clip\x1b]52;c;cHduZWQ=\x07end",
    "C1 CSI": "C1\x9b31mred",
    "HTML": "<script>alert(1)</script>",
    "formula": "=cmd()",
    "formula @": "@SUM(A1)",
    "100k characters": LONG,
    "RTL": "مرحبا بالفريق שלום צוות",
    "bidi override": "abc\u202edcba\u202c \u2067isolate\u2069 end",
}
"""Name -> the text typed into every field."""
MARKERS: dict[str, str] = {
    "markup": "[bold red]",
    "link markup": "[link=",
    "click markup": "[@click=",
}
"""For markup payloads: what a screen shows only if the markup was not interpreted."""


@dataclass
class Seeded:
    """What was made for one payload."""

    payload: str
    team_id: int = 0
    team_name: str = ""
    member: str = ""
    planned_id: int = 0
    running_id: int = 0
    ended_id: int = 0
    closed_id: int = 0
    refused: dict[str, str] = field(default_factory=dict)
    """Field -> the sentence with which a service refused the payload there."""

    def accepted(self, *fields: str) -> bool:
        """Whether any of `fields` holds the payload."""
        return any(name not in self.refused for name in fields)


class _Filler:
    """Fills one payload's rows; every refusal is noted and a stand-in used."""

    def __init__(self, db: Database, pack: Pack, now: datetime, tz: tzinfo | None) -> None:
        self.db, self.pack, self.now, self.tz = db, pack, now, tz

    def attempt(self, seeded: Seeded, name: str, call: Callable[[str], _T], plain: str) -> _T:
        """`call(payload)`; if refused, note why under `name` and `call(plain)`."""
        try:
            return call(seeded.payload)
        except InvalidInput as error:
            seeded.refused[name] = error.sentence
            return call(plain)

    def team(self, seeded: Seeded, number: int) -> None:
        text = seeded.payload
        draft = TeamDraft(
            name=text,
            purpose=text,
            members=(MemberDraft(name=text), MemberDraft(name="Ana Lima")),
            custom_norms=(text,),
        )
        stand_ins = {
            "name": {"name": f"Payload team {number}"},
            "purpose": {"purpose": "A purpose."},
            "member-0-name": {"members": (MemberDraft(name="Member A"), draft.members[1])},
            "norms": {"custom_norms": ("A norm.",)},
        }
        for _ in range(len(stand_ins) + 1):
            try:
                seeded.team_id = create_team(self.db, draft=draft, pack=self.pack, now=self.now)
                break
            except InvalidInput as error:
                for key, sentence in error.problems.items():
                    seeded.refused[f"team {key}"] = sentence
                    draft = replace(draft, **stand_ins.get(key, {}))  # type: ignore[arg-type]
        else:
            raise RuntimeError(f"the team form refused every stand-in: {seeded.refused}")
        seeded.team_name = draft.name
        seeded.member = draft.members[0].name

    def meeting(self, seeded: Seeded, offset_days: int) -> int:
        """A meeting `offset_days` from today, its agenda, a guest and a custom role."""
        day = (self.now.astimezone(self.tz) + timedelta(days=offset_days)).date().isoformat()
        text = seeded.payload
        draft = MeetingDraft(
            title=text, date=day, time="15:30", location=text, purpose=text, goals=text
        )
        for _ in range(5):
            try:
                saved = planning.create_meeting(
                    self.db,
                    team_id=seeded.team_id,
                    draft=draft,
                    pack=self.pack,
                    now=self.now,
                    tz=self.tz,
                )
                break
            except InvalidInput as error:
                for key, sentence in error.problems.items():
                    seeded.refused[f"meeting {key}"] = sentence
                    draft = replace(draft, **{key: "Plain " + key})
        else:
            raise RuntimeError(f"the meeting form refused every stand-in: {seeded.refused}")
        self.agenda(seeded, saved.id)
        self.people(seeded, saved.id)
        return saved.id

    def people(self, seeded: Seeded, meeting_id: int) -> None:
        """A guest named after the payload, and a custom role called the payload."""
        self.attempt(
            seeded,
            "guest",
            lambda t: planning.add_guest(
                self.db, meeting_id=meeting_id, name=t + " guest", now=self.now
            ),
            "A guest",
        )
        self.attempt(
            seeded,
            "custom role",
            lambda t: planning.add_custom_role(
                self.db, meeting_id=meeting_id, label=t, now=self.now, pack=self.pack
            ),
            "Greeter",
        )

    def agenda(self, seeded: Seeded, meeting_id: int) -> None:
        text = seeded.payload
        draft = ItemDraft(title=text, minutes="10", goal=text, presenter=seeded.member)
        for _ in range(4):
            try:
                add_item(self.db, meeting_id=meeting_id, draft=draft, pack=self.pack, now=self.now)
                break
            except InvalidInput as error:
                for key, sentence in error.problems.items():
                    seeded.refused[f"item {key}"] = sentence
                    draft = replace(draft, **{key: "Plain " + key})  # type: ignore[arg-type]
        add_item(
            self.db,
            meeting_id=meeting_id,
            draft=ItemDraft(title="Wrap-up", minutes="5"),
            pack=self.pack,
            now=self.now,
        )

    def run(self, seeded: Seeded, meeting_id: int) -> None:
        """Start the meeting; the payload in the first item's notes and every capture."""
        db, now = self.db, self.now
        live.start_or_pause(db, meeting_id=meeting_id, now=now)
        item = live.live_state(db, meeting_id=meeting_id, pack=self.pack).items[0].item_id
        self.attempt(
            seeded,
            "notes",
            lambda t: live.save_note(db, meeting_id=meeting_id, item_id=item, body=t, now=now),
            "Plain notes.",
        )
        self.capture(seeded, meeting_id, item)

    def capture(self, seeded: Seeded, meeting_id: int, item: int) -> None:
        """An action item, a parking-lot entry, a take-away and a decision."""
        db, now = self.db, self.now
        due = (now + timedelta(days=7)).date().isoformat()
        self.attempt(
            seeded,
            "action what",
            lambda t: captures.add_action_item(
                db,
                meeting_id=meeting_id,
                item_id=item,
                what=t,
                owner=seeded.member,
                due=due,
                now=now,
                tz=self.tz,
            ),
            "Plain action",
        )
        self.attempt(
            seeded,
            "parking lot",
            lambda t: captures.add_parking_lot_item(
                db, meeting_id=meeting_id, item_id=item, text=t, raised_by=seeded.member, now=now
            ),
            "Plain parked idea",
        )
        self.attempt(
            seeded,
            "take-away",
            lambda t: captures.add_takeaway(db, meeting_id=meeting_id, text=t, now=now),
            "Plain take-away",
        )
        self.attempt(
            seeded,
            "decision",
            lambda t: captures.add_decision(
                db, meeting_id=meeting_id, item_id=item, question=t, outcome=t, now=now
            ),
            "Plain decision",
        )

    def _resolver(self, parking_id: int) -> Callable[[str], None]:
        def resolve(note: str) -> None:
            closure.dispose_parking(
                self.db, parking_id=parking_id, disposition="resolved", note=note, now=self.now
            )

        return resolve

    def close(self, seeded: Seeded, meeting_id: int, *, finish: bool) -> None:
        """End the meeting and fill closure's steps with the payload; `finish` closes it."""
        db, now = self.db, self.now
        closure.end_meeting(db, meeting_id=meeting_id, now=now)
        minutes = meeting_minutes(db, meeting_id=meeting_id, pack=self.pack)
        for parked in minutes.parking:
            self.attempt(seeded, "parking note", self._resolver(parked.id), "")
        self.attempt(
            seeded,
            "next agenda",
            lambda t: closure.save_next_agenda(db, meeting_id=meeting_id, title=t, note=t, now=now),
            "Plain next item",
        )
        self.attempt(
            seeded,
            "communication",
            lambda t: closure.save_communication(
                db,
                meeting_id=meeting_id,
                key_message=t,
                stakeholders=t,
                messenger=seeded.member,
                method=t,
                timeline=t,
                now=now,
            ),
            "Plain message",
        )
        self.attempt(
            seeded,
            "meeting notes",
            lambda t: closure.correct_notes(
                db, meeting_id=meeting_id, item_id=None, body=t, now=now
            ),
            "Plain notes.",
        )
        closure.mark_rest_present(db, meeting_id=meeting_id, now=now)
        if finish:
            closure.close_meeting(db, meeting_id=meeting_id, now=now)


def seed(
    db: Database,
    pack: Pack,
    *,
    payload: str,
    number: int,
    now: datetime,
    tz: tzinfo | None,
    screens: bool = True,
) -> Seeded:
    """A team for `payload` and its meetings: closed and planned, and (for the screens)
    running and ended."""
    filler = _Filler(db, pack, now, tz)
    seeded = Seeded(payload=payload)
    filler.team(seeded, number)
    seeded.closed_id = filler.meeting(seeded, -14)
    filler.run(seeded, seeded.closed_id)
    filler.close(seeded, seeded.closed_id, finish=True)
    if screens:
        seeded.ended_id = filler.meeting(seeded, -7)
        filler.run(seeded, seeded.ended_id)
        filler.close(seeded, seeded.ended_id, finish=False)
        seeded.running_id = filler.meeting(seeded, 0)
        filler.run(seeded, seeded.running_id)
    seeded.planned_id = filler.meeting(seeded, 7)
    return seeded


def seed_all(db: Database, pack: Pack, *, now: datetime, tz: tzinfo | None) -> dict[str, Seeded]:
    """Every payload's team and meetings, in one database."""
    return {
        name: seed(db, pack, payload=text, number=number, now=now, tz=tz)
        for number, (name, text) in enumerate(PAYLOADS.items())
    }
