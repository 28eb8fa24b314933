"""What each `facilitator` command does (imported only once the command is known)."""

from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.cli_output import complain, document_bytes, say, write_document
from facilitator.errors import FacilitatorError
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget

if TYPE_CHECKING:
    from facilitator.pack.loader import Pack
    from facilitator.store.database import Database


class NoTerminalError(FacilitatorError):
    """The app was asked to open where there is no terminal to draw on."""


def require_terminal() -> None:
    """NoTerminalError unless the app can take the screen: its input and output are a
    terminal, or a Textual driver is named (textual-serve runs it for a browser that
    way). Without one it ran on unseen at most of a core (found running `demo` from a
    script)."""
    if os.environ.get("TEXTUAL_DRIVER"):
        return
    try:
        here = sys.stdin.isatty() and sys.stdout.isatty()
    except (AttributeError, ValueError):
        here = False
    if not here:
        raise NoTerminalError(
            "the app opens full screen and needs a terminal for its input and output, and "
            "there is none here (demo --no-open only adds the demo data)."
        )


def open_app(
    target: DatabaseTarget,
    *,
    meeting_id: int | None = None,
    live: bool = False,
    projector: bool = False,
    create: bool = True,
) -> int:
    """Prepare the database (making a new one only if `create`), then run the app until
    it exits; return its exit code."""
    prepare_database(target, create=create)
    require_terminal()
    # No garbage collection until the first screen is drawn (`FacilitatorApp.collect_
    # from_now`): importing Textual and building the screen make some 50,000 objects,
    # and the collector kept walking them, about a third of the time to the first paint.
    gc.disable()
    from facilitator.ui.app import build_app

    app = build_app(target, open_meeting_id=meeting_id, live=live, projector=projector)
    code = app.run()
    if app.crash_message:
        complain(app.crash_message)
        return 70
    return code or 0


def run_meeting(target: DatabaseTarget, *, meeting_id: int, create: bool = False) -> int:
    """Open the app on a planned or running meeting's live screen."""
    from facilitator.services.live import check_runnable
    from facilitator.store.database import Database

    prepare_database(target, create=create)
    database = Database(target)
    try:
        check_runnable(database, meeting_id=meeting_id)
    finally:
        database.dispose()
    return open_app(target, meeting_id=meeting_id, live=True, create=False)


def demo(target: DatabaseTarget, *, then_open: bool, create: bool = True) -> int:
    """Add the demo teams (once) and open the app on the demo's next meeting."""
    from facilitator.domain.clock import system_clock
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.demo import fill_demo
    from facilitator.store.database import Database

    prepare_database(target, create=create)
    if then_open:
        require_terminal()  # before the demo is added: nothing half-done
    database = Database(target)
    result = fill_demo(database, pack=load_default_pack(), now=system_clock(), tz=None)
    database.dispose()
    if not then_open:
        said = "Added the demo teams to" if result.created else "The demo teams are already in"
        say(f"{said} {target.display}.")
        return 0
    return open_app(target, meeting_id=result.meeting_id, create=False)


def list_decisions(
    target: DatabaseTarget, *, team: str | None, as_json: bool, create: bool = False
) -> int:
    """Print the decision log: every active team's, or team `team`'s (by its name)."""
    from facilitator.domain.clock import system_clock
    from facilitator.domain.text import local
    from facilitator.pack.locate import load_default_pack
    from facilitator.render.decision_log import decisions_as_json, decisions_as_text
    from facilitator.services.decision_log import decision_log, team_named
    from facilitator.store.database import Database

    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        team_id = team_named(database, team) if team is not None else None
        today = local(system_clock(), None).date()
        log = decision_log(database, team_id=team_id, today=today, pack=pack, tz=None)
    finally:
        database.dispose()
    if as_json:
        say(decisions_as_json(log.entries, team_name=log.team_name))
    else:
        say(decisions_as_text(log.entries, team_name=log.team_name))
    return 0


def print_trends(target: DatabaseTarget, *, team: str, as_json: bool, create: bool = False) -> int:
    """Print team `team`'s (by its name) evaluation trends as text or JSON."""
    from facilitator.pack.locate import load_default_pack
    from facilitator.render.evaluation_trends import trends_as_json, trends_as_text
    from facilitator.services.decision_log import team_named
    from facilitator.services.evaluation_trends import team_trends
    from facilitator.store.database import Database

    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        trends = team_trends(database, team_id=team_named(database, team), pack=pack, tz=None)
    finally:
        database.dispose()
    say(trends_as_json(trends) if as_json else trends_as_text(trends))
    return 0


def print_evaluation(
    target: DatabaseTarget, *, meeting_id: int, fmt: str, create: bool = False
) -> int:
    """Print meeting `meeting_id`'s evaluation results as `fmt` (md, csv or json)."""
    from facilitator.pack.locate import load_default_pack
    from facilitator.render.evaluation import (
        evaluation_csv,
        evaluation_json,
        evaluation_markdown,
    )
    from facilitator.services.evaluation_results import meeting_evaluation
    from facilitator.store.database import Database

    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        evaluation = meeting_evaluation(database, meeting_id=meeting_id, pack=pack, tz=None)
    finally:
        database.dispose()
    renderers = {"md": evaluation_markdown, "csv": evaluation_csv, "json": evaluation_json}
    text = renderers[fmt](evaluation)
    write_document((text if text.endswith("\n") else text + "\n").encode())
    return 0


def db_check(target: DatabaseTarget) -> int:
    """Print the database report; non-zero when something is wrong."""
    from facilitator.services.diagnostics import check_database

    report = check_database(target)
    revision = report.revision or "none"
    say(f"Database:        {report.location}")
    say(f"Schema revision: {revision} ({report.revision_note})")
    if report.server is not None:
        say(f"Server:          {report.server}")
    else:
        say(f"SQLite library:  {report.sqlite_version}")
    say(f"Integrity check: {report.integrity}")
    return 0 if report.healthy else 1


AGENDA_MAX_BYTES = 50_000_000
"""A file to import is read up to this size (JSON minutes with long notes can be large)."""


def import_agenda(
    target: DatabaseTarget, *, path: str, team: str | None, create: bool = True
) -> int:
    """Add a planned meeting from a Markdown agenda file; problems go to stderr, one a
    line, and nothing is saved. JSON minutes may make a new database (`create`), since
    they bring their team; an agenda needs a database that has its team already."""
    from facilitator.domain.clock import system_clock
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.agenda_io import AgendaNotImported
    from facilitator.services.agenda_io import import_agenda as save_agenda
    from facilitator.store.database import Database

    text = _read_agenda(path)
    if path.lower().endswith(".json") or text.lstrip().startswith("{"):
        return import_minutes_file(target, text=text, create=create)
    pack = load_default_pack()
    # An agenda is for a team already in the database, which a new file cannot hold.
    prepare_database(target, create=False)
    database = Database(target)
    try:
        result = save_agenda(
            database, text=text, pack=pack, now=system_clock(), tz=None, team_name=team
        )
    except AgendaNotImported as error:
        for sentence in error.sentences:
            complain(f"facilitator: {sentence}")
        complain("facilitator: Nothing was imported; fix the lines above and try again.")
        return error.exit_code
    finally:
        database.dispose()
    say(f"Imported {result.title} as meeting {result.meeting_id} for {result.team_name}.")
    for note in result.notes:
        say(note)
    return 0


AGENDA_FORMATS = ("md", "html", "txt")


def export_meeting(
    target: DatabaseTarget,
    *,
    meeting_id: int,
    fmt: str,
    output: str | None,
    force: bool,
    agenda: bool = False,
    create: bool = False,
) -> int:
    """Print a meeting's minutes (a planned meeting's agenda) as `fmt`, or write them to
    `output` (never over a file unless `force`)."""
    from facilitator.domain.clock import system_clock
    from facilitator.domain.enums import MeetingStatus
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.meetings import meeting_status
    from facilitator.services.minutes_export import export_minutes
    from facilitator.store.database import Database

    if output is not None and not force and Path(output).exists():
        raise FacilitatorError(f"{output} already exists; add --force to replace it.")
    if agenda and fmt not in AGENDA_FORMATS:
        raise FacilitatorError("An agenda exports as md, html or txt; leave out --agenda for this.")
    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        status = meeting_status(database, meeting_id=meeting_id)
        as_agenda = agenda or (status == MeetingStatus.PLANNED and fmt in AGENDA_FORMATS)
        if as_agenda:
            data = _agenda_bytes(database, meeting_id=meeting_id, fmt=fmt, pack=pack)
        else:
            data = export_minutes(
                database, meeting_id=meeting_id, fmt=fmt, pack=pack, tz=None, now=system_clock()
            )
    finally:
        database.dispose()
    what = "agenda" if as_agenda else "minutes"
    if output is None:
        write_document(data)
        return 0
    try:
        with open(output, "wb" if force else "xb") as handle:
            handle.write(document_bytes(data))
    except FileExistsError:
        raise FacilitatorError(f"{output} already exists; add --force to replace it.") from None
    except OSError as error:
        raise FacilitatorError(f"Could not write {output}: {_reason(error)}.") from error
    say(f"Wrote the {what} of meeting {meeting_id} to {output}.")
    return 0


def _agenda_bytes(database: Database, *, meeting_id: int, fmt: str, pack: Pack) -> bytes:
    from facilitator.services.agenda_io import export_agenda

    if fmt == "html":
        from facilitator.render.minutes_html import markdown_page

        text = export_agenda(database, meeting_id=meeting_id, fmt="md", pack=pack, tz=None)
        title = next((line[2:] for line in text.splitlines() if line.startswith("# ")), "Agenda")
        return markdown_page(text, f"Agenda: {title}").encode()
    return export_agenda(database, meeting_id=meeting_id, fmt=fmt, pack=pack, tz=None).encode()


def import_minutes_file(target: DatabaseTarget, *, text: str, create: bool = True) -> int:
    """Restore a meeting from its JSON minutes (`export --format json`). The file is read
    first, so a file that cannot be read creates no database."""
    from facilitator.domain.clock import system_clock
    from facilitator.pack.locate import load_default_pack
    from facilitator.services.minutes_io import read_minutes, save_minutes
    from facilitator.store.database import Database

    minutes = read_minutes(text)
    pack = load_default_pack()
    prepare_database(target, create=create)
    database = Database(target)
    try:
        result = save_minutes(database, minutes=minutes, pack=pack, now=system_clock())
    finally:
        database.dispose()
    say(f"Imported {result.title} as meeting {result.meeting_id} for {result.team_name}.")
    for note in result.notes:
        say(note)
    return 0


def _read_agenda(path: str) -> str:
    """The agenda file's text; a file that cannot be read is one sentence."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(AGENDA_MAX_BYTES + 1)
        else:
            with open(path, "rb") as handle:
                data = handle.read(AGENDA_MAX_BYTES + 1)
    except OSError as error:
        raise FacilitatorError(f"Could not read {path}: {_reason(error)}.") from error
    if len(data) > AGENDA_MAX_BYTES:
        raise FacilitatorError(f"{path} is over 50 MB; that is not an agenda or minutes file.")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise FacilitatorError(f"{path} is not UTF-8 text; save it as plain UTF-8 text.") from None


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).lower()
