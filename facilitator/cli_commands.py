"""What each `facilitator` command does (imported only once the command is known)."""

from __future__ import annotations

import sys

from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget


def open_app(target: DatabaseTarget, *, meeting_id: int | None = None) -> int:
    """Prepare the database, then run the app until it exits; return its exit code."""
    prepare_database(target)
    from facilitator.ui.app import build_app

    app = build_app(target, open_meeting_id=meeting_id)
    code = app.run()
    if app.crash_message:
        print(app.crash_message, file=sys.stderr)
        return 70
    return code or 0


def demo(target: DatabaseTarget, *, then_open: bool) -> int:
    """Add the demo teams (once) and open the app on the demo's next meeting."""
    from facilitator.domain.clock import system_clock
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.demo import fill_demo
    from facilitator.store.database import Database

    prepare_database(target)
    database = Database(target)
    result = fill_demo(database, pack=load_default_pack(), now=system_clock(), tz=None)
    database.dispose()
    if not then_open:
        said = "Added the demo teams to" if result.created else "The demo teams are already in"
        print(f"{said} {target.display}.")
        return 0
    return open_app(target, meeting_id=result.meeting_id)


def list_meetings(target: DatabaseTarget, *, as_json: bool) -> int:
    """Print every meeting."""
    from facilitator.render.meeting_list import meetings_as_json, meetings_as_text
    from facilitator.services.meetings import list_meetings as read_meetings
    from facilitator.store.database import Database

    prepare_database(target)
    database = Database(target)
    meetings = read_meetings(database)
    database.dispose()
    print(meetings_as_json(meetings) if as_json else meetings_as_text(meetings, None))
    return 0


def db_check(target: DatabaseTarget) -> int:
    """Print the database report; non-zero when something is wrong."""
    from facilitator.services.diagnostics import check_database

    report = check_database(target)
    revision = report.revision or "none"
    print(f"Database:        {report.location}")
    print(f"Schema revision: {revision} ({report.revision_note})")
    print(f"SQLite library:  {report.sqlite_version}")
    print(f"Integrity check: {report.integrity}")
    return 0 if report.healthy else 1
