"""What the closure screen's keys do to the highlighted entry: forms and quick changes.

Entries are named by a letter and an id ("a12": action item 12); see
`ClosureScreen._entries`. Every change goes through `facilitator.services.closure`.
"""

from __future__ import annotations

from datetime import tzinfo
from typing import TYPE_CHECKING

from facilitator.domain.closure import Step
from facilitator.domain.enums import MeetingStatus
from facilitator.domain.minutes import Minutes
from facilitator.domain.overview import sent_since_correction
from facilitator.domain.text import clock_label, day_label, local
from facilitator.ui import closure_forms as forms
from facilitator.ui.modals.form import Values

if TYPE_CHECKING:
    from facilitator.ui.screens.closure import ClosureScreen


def _id(key: str | None, letter: str) -> int | None:
    return int(key[1:]) if key and key[0] == letter and key[1:].isdigit() else None


def add_entry(screen: ClosureScreen) -> None:
    """The add form of the step shown (action item, next-agenda item, take-away, line)."""
    from facilitator.services import closure_actions
    from facilitator.services.captures import add_action_item

    minutes, backend, meeting = screen.minutes, screen.app.backend, screen.meeting_id
    if minutes is None:
        return
    names = forms.people(minutes)
    if screen.step is Step.ACTIONS:

        def save_action(values: Values) -> object:
            made = add_action_item(
                backend.db,
                meeting_id=meeting,
                item_id=None,
                what=str(values["what"]),
                owner=str(values["owner"]),
                due=str(values["due"]),
                now=backend.now(),
                tz=backend.tz,
            )
            if values["to_be_decided"] and not str(values["owner"]).strip():
                closure_actions.set_owner_to_be_decided(
                    backend.db, action_id=made, value=True, now=backend.now()
                )
            return made

        screen.form("New action item", forms.action_fields(None, names), save_action)
    elif screen.step is Step.NEXT_AGENDA:
        screen.form("For the next agenda", forms.next_fields(None), _next_saver(screen, None))
    elif screen.step is Step.TAKEAWAYS:
        screen.form("Key take-away", forms.takeaway_fields(), _takeaway_saver(screen, None))
    elif screen.step is Step.COMMUNICATION:
        screen.form(
            "Communication plan",
            forms.communication_fields(None, names),
            _communication_saver(screen, None),
        )
    else:
        screen.app.notify(
            "Nothing is added in this step; a adds action items, next-agenda items, "
            "take-aways and communication lines.",
            markup=False,
        )


def edit_entry(screen: ClosureScreen, key: str | None) -> None:
    """Enter on an entry: its form (a disposition for a parking-lot entry)."""
    from facilitator.services import closure, closure_actions

    minutes, backend = screen.minutes, screen.app.backend
    if minutes is None or key is None:
        return
    names = forms.people(minutes)
    if key == "close":
        screen.action_close_meeting()
    elif (parking := _id(key, "p")) is not None:
        entry = next(p for p in minutes.parking if p.id == parking)

        def dispose(values: Values) -> object:
            closure.dispose_parking(
                backend.db,
                parking_id=parking,
                disposition=str(values["disposition"]),
                note=str(values["note"]),
                now=backend.now(),
            )
            return True

        screen.form("Parking-lot entry", forms.disposition_fields(entry), dispose, intro=entry.text)
    elif (action_id := _id(key, "a")) is not None:
        action = next(a for a in minutes.actions if a.id == action_id)

        def save_action(values: Values) -> object:
            closure_actions.update_action(
                backend.db,
                action_id=action_id,
                what=str(values["what"]),
                owner=str(values["owner"]),
                due=str(values["due"]),
                to_be_decided=bool(values["to_be_decided"]),
                now=backend.now(),
                tz=backend.tz,
            )
            return True

        screen.form("Action item", forms.action_fields(action, names), save_action)
    elif (entry_id := _id(key, "n")) is not None:
        line = next(n for n in minutes.next_agenda if n.id == entry_id)
        screen.form("For the next agenda", forms.next_fields(line), _next_saver(screen, entry_id))
    elif (index := _id(key, "k")) is not None:
        screen.form(
            "Key take-away",
            forms.takeaway_fields(minutes.takeaways[index]),
            _takeaway_saver(screen, index),
        )
    elif (line_id := _id(key, "c")) is not None:
        told = next(c for c in minutes.communication if c.id == line_id)
        screen.form(
            "Communication plan",
            forms.communication_fields(told, names),
            _communication_saver(screen, line_id),
        )
    elif (item_id := _id(key, "i")) is not None:
        item = next(i for i in minutes.items if i.id == item_id)

        def correct(values: Values) -> object:
            closure.correct_notes(
                backend.db,
                meeting_id=screen.meeting_id,
                item_id=item_id,
                body=str(values["body"]),
                now=backend.now(),
            )
            return True

        screen.form("Correct the notes", forms.notes_fields(item, item.notes), correct)
    elif key.startswith("t"):
        screen.app.notify(
            "p present, x absent, e excused; r marks everyone not yet marked present.",
            markup=False,
        )


def remove_entry(screen: ClosureScreen, key: str | None) -> None:
    from facilitator.services import closure, closure_actions

    backend, meeting = screen.app.backend, screen.meeting_id
    if (action_id := _id(key, "a")) is not None:
        screen.run(
            lambda: closure_actions.delete_action(
                backend.db, action_id=action_id, now=backend.now()
            ),
            "Action item removed.",
        )
        return
    kinds = {"n": "next_agenda", "c": "communication"}
    if key and key[0] in kinds and (entry_id := _id(key, key[0])) is not None:
        kind = kinds[key[0]]
        screen.run(
            lambda: closure.delete_entry(
                backend.db, kind=kind, entry_id=entry_id, now=backend.now()
            ),
            "Removed.",
        )
    elif (index := _id(key, "k")) is not None:

        def remove_takeaway() -> None:
            found = closure.takeaway_at(backend.db, meeting_id=meeting, index=index)
            closure.delete_entry(backend.db, kind="takeaway", entry_id=found, now=backend.now())

        screen.run(remove_takeaway, "Take-away removed.")
    else:
        screen.app.notify(
            "Only action items, next-agenda items, take-aways and communication lines are "
            "removed here.",
            markup=False,
        )


def toggle_to_be_decided(screen: ClosureScreen, key: str | None) -> None:
    from facilitator.services import closure_actions

    minutes, backend = screen.minutes, screen.app.backend
    action_id = _id(key, "a")
    if minutes is None or action_id is None:
        screen.app.notify("Highlight an action item in the Action items step first.", markup=False)
        return
    action = next(a for a in minutes.actions if a.id == action_id)
    value = not action.owner_to_be_decided
    said = 'Marked "owner to be decided".' if value else 'No longer "owner to be decided".'
    screen.run(
        lambda: closure_actions.set_owner_to_be_decided(
            backend.db, action_id=action_id, value=value, now=backend.now()
        ),
        said,
    )


def set_attendance(screen: ClosureScreen, key: str | None, status: str) -> None:
    from facilitator.services import closure

    backend = screen.app.backend
    attendee = _id(key, "t")
    if attendee is None:
        screen.app.notify("Highlight a person in the Attendance step first.", markup=False)
        return
    screen.run(
        lambda: closure.set_attendance(
            backend.db, attendee_id=attendee, status=status, now=backend.now()
        )
    )


def reopen(screen: ClosureScreen) -> None:
    """o: reopen a closed meeting for corrections once the user confirms it (keeping it
    closed is the default: its minutes may have gone out)."""
    from facilitator.services.closure import reopen_meeting
    from facilitator.ui.modals.confirm import ConfirmModal

    minutes, backend = screen.minutes, screen.app.backend
    if minutes is None:
        return
    if minutes.status != MeetingStatus.CLOSED:
        screen.app.notify("Only a closed meeting is reopened for corrections.", markup=False)
        return

    def answered(yes: bool | None) -> None:
        if yes:
            screen.run(
                lambda: reopen_meeting(backend.db, meeting_id=screen.meeting_id, now=backend.now()),
                "Reopened for corrections; ctrl+s closes it again.",
            )

    question = reopen_question(minutes, backend.tz)
    modal = ConfirmModal(question, title="Reopen the meeting?", yes="Reopen", no="Keep closed")
    screen.app.push_screen(modal, answered)


def reopen_question(minutes: Minutes, tz: tzinfo | None) -> str:
    """What reopening a closed meeting means for it, asked before it is done."""
    question = (
        f'Reopen "{minutes.title}" to correct its record? Closing it again dates the '
        "correction in the minutes."
    )
    if minutes.sent_at is None or not sent_since_correction(minutes.sent_at, minutes.corrected_at):
        return question
    sent = local(minutes.sent_at, tz)
    return (
        f"{question} Its minutes went out {day_label(sent.date())} {clock_label(sent)}; "
        "once corrected they are due to go out again within 48 hours."
    )


def _next_saver(screen: ClosureScreen, entry_id: int | None):  # type: ignore[no-untyped-def]
    from facilitator.services import closure

    backend = screen.app.backend

    def save(values: Values) -> object:
        return closure.save_next_agenda(
            backend.db,
            meeting_id=screen.meeting_id,
            title=str(values["title"]),
            note=str(values["note"]),
            entry_id=entry_id,
            now=backend.now(),
        )

    return save


def _takeaway_saver(screen: ClosureScreen, index: int | None):  # type: ignore[no-untyped-def]
    from facilitator.services import closure

    backend = screen.app.backend

    def save(values: Values) -> object:
        found = (
            None
            if index is None
            else closure.takeaway_at(backend.db, meeting_id=screen.meeting_id, index=index)
        )
        return closure.save_takeaway(
            backend.db,
            meeting_id=screen.meeting_id,
            text=str(values["text"]),
            entry_id=found,
            now=backend.now(),
        )

    return save


def _communication_saver(screen: ClosureScreen, entry_id: int | None):  # type: ignore[no-untyped-def]
    from facilitator.services import closure

    backend = screen.app.backend

    def save(values: Values) -> object:
        return closure.save_communication(
            backend.db,
            meeting_id=screen.meeting_id,
            key_message=str(values["key_message"]),
            stakeholders=str(values["stakeholders"]),
            messenger=str(values["messenger"]),
            method=str(values["method"]),
            timeline=str(values["timeline"]),
            entry_id=entry_id,
            now=backend.now(),
        )

    return save
