"""The `facilitator` command.

    facilitator [--db PATH_OR_URL]            open the app
    facilitator demo [--no-open]              add the demo teams (and open the app)
    facilitator run MEETING_ID                open a meeting's live screen
    facilitator projector MEETING_ID          a read-only view of it for the room
    facilitator serve [--host 127.0.0.1] [--port 8000]
                                              the app in a web browser
    facilitator list [--json] [--limit N | --all]
                                              list meetings (text: the latest 100)
    facilitator decisions [--team NAME] [--json]
                                              the decision log (every team's, or one's)
    facilitator search QUERY [--team NAME] [--limit N] [--json]
                                              find records by their words, newest first
    facilitator import FILE [--team NAME]     add a meeting from a Markdown agenda, or
                                              restore one from its JSON minutes
    facilitator export MEETING_ID [--format md|html|txt|eml|ics|csv|json] [--agenda]
                       [-o FILE [--force]]    print or save a meeting's minutes (its
                                              agenda while it is still planned)
    facilitator evaluation MEETING_ID [--format md|csv|json]
                                              print a meeting's evaluation results
    facilitator trends --team NAME [--json]   a team's ratings across its meetings
    facilitator assessments --team NAME [--instrument ID] [--format md|csv|json]
                                              a team's self-assessments side by side
    facilitator db check                      report on the database
    facilitator db copy --to URL_OR_PATH      copy it all to a new file or an empty server
    facilitator --version

Only the standard library and the cheap parts of facilitator are imported up front;
each command imports what it needs, so `--version` and `--help` are instant and the
app's first paint is not held up by the database layer.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from facilitator import __version__
from facilitator.errors import FacilitatorError
from facilitator.paths import DB_ENV_VAR

EXIT_CRASH = 70
EXIT_INTERRUPTED = 130
EXIT_BROKEN_PIPE = 141
"""128 + SIGPIPE, what a shell reports for a program whose reader closed the pipe."""
EXPORT_FORMATS = ("md", "html", "txt", "eml", "ics", "csv", "json")
"""What `facilitator export` writes (see `facilitator.services.minutes_export`)."""
EVALUATION_FORMATS = ("md", "csv", "json")
"""What `facilitator evaluation` writes (see `facilitator.render.evaluation`)."""
ASSESSMENT_FORMATS = ("md", "csv", "json")
"""What `facilitator assessments` writes (see `facilitator.render.self_assessment`)."""
FORMAT_HELP = (
    "md: Markdown (default); html: a web page that prints well; txt: plain text for e-mail; "
    "eml: an e-mail draft to the members; ics: calendar with the next meeting and action-item "
    "due dates; csv: action items for a spreadsheet; json: everything, which `import` reads "
    "back. A planned meeting gives its agenda as md, html or txt"
)


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one sentence on stderr."""

    def error(self, message: str) -> NoReturn:
        # "unrecognized arguments" quotes them as typed: cleaned like every message.
        from facilitator.domain.clean import for_terminal

        self.exit(2, for_terminal(f"{self.prog}: {message} (see {self.prog} --help).") + "\n")


def build_parser() -> argparse.ArgumentParser:
    """The command line, with --db accepted before or after the subcommand."""
    db_help = (
        f"database file path or SQLAlchemy URL (default: ${DB_ENV_VAR}, else a file "
        "in your user data directory)"
    )
    common = _Parser(add_help=False)
    common.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS, help=db_help)

    parser = _Parser(
        prog="facilitator",
        description="Guide a team through a meeting: agenda, roles, norms, decisions, "
        "closure and minutes.",
        parents=[common],
    )
    parser.add_argument("--version", action="version", version=f"facilitator {__version__}")
    # `creates`: whether the command may make a database that is not there yet (a new
    # file in a folder that exists; see facilitator.store.prepare). The app may.
    parser.set_defaults(creates=True)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    demo = commands.add_parser(
        "demo", parents=[common], help="add the demo teams and open the app on the demo meeting"
    )
    demo.add_argument("--no-open", action="store_true", help="only add the demo data")
    demo.set_defaults(creates=True)
    running = commands.add_parser(
        "run", parents=[common], help="open the live screen of a planned or running meeting"
    )
    running.add_argument("meeting_id", metavar="MEETING_ID", type=int, help="as `list` shows it")
    running.set_defaults(creates=False)  # a new file holds no meeting to run
    projecting = commands.add_parser(
        "projector",
        parents=[common],
        help="a read-only view of a meeting for the room, following its live screen",
    )
    projecting.add_argument("meeting_id", metavar="MEETING_ID", type=int, help="as `list` shows it")
    projecting.set_defaults(creates=False)
    _add_serve_command(commands, common)
    from facilitator.cli_list import add_list_command

    add_list_command(commands, common)
    deciding = commands.add_parser(
        "decisions", parents=[common], help="the decision log: every decision, newest first"
    )
    deciding.add_argument("--team", metavar="NAME", help="only this team's decisions")
    deciding.add_argument("--json", action="store_true", help="print JSON instead of a table")
    deciding.set_defaults(creates=False)
    trending = commands.add_parser(
        "trends", parents=[common], help="a team's evaluation ratings across its meetings"
    )
    trending.add_argument("--team", metavar="NAME", required=True, help="the team, by its name")
    trending.add_argument("--json", action="store_true", help="print JSON instead of text")
    trending.set_defaults(creates=False)
    from facilitator.cli_search import add_search_command

    add_search_command(commands, common)
    _add_assessments_command(commands, common)
    _add_agenda_commands(commands, common)
    db = commands.add_parser("db", parents=[common], help="database tools")
    db.set_defaults(creates=False)
    db_commands = db.add_subparsers(dest="db_command", metavar="DB_COMMAND", parser_class=_Parser)
    db_commands.required = True
    db_commands.add_parser(
        "check",
        parents=[common],
        help="print the schema revision, location, SQLite version (or the server's) and "
        "integrity check",
    )
    copying = db_commands.add_parser(
        "copy",
        parents=[common],
        help="copy the whole database to a new SQLite file or an empty PostgreSQL database",
    )
    copying.add_argument(
        "--to",
        metavar="URL_OR_PATH",
        required=True,
        help="the destination: a file path (a new file in a folder that exists, or an "
        "empty database) or a URL such as postgresql+psycopg://USER:PASSWORD@HOST/DATABASE",
    )
    return parser


def _add_assessments_command(
    commands: argparse._SubParsersAction[_Parser], common: _Parser
) -> None:
    """`assessments --team NAME`: the team's periodic self-assessments side by side."""
    assessing = commands.add_parser(
        "assessments",
        parents=[common],
        help="a team's periodic self-assessments side by side, with what changed",
    )
    assessing.add_argument("--team", metavar="NAME", required=True, help="the team, by its name")
    assessing.add_argument(
        "--instrument",
        metavar="ID",
        help="only this self-assessment, e.g. slt-indicators or coherence-progression",
    )
    assessing.add_argument(
        "--format",
        choices=ASSESSMENT_FORMATS,
        default=ASSESSMENT_FORMATS[0],
        help="md: Markdown tables, a column per date (default); csv: one row per item and "
        "date, for a spreadsheet; json: everything, for another program",
    )
    assessing.set_defaults(creates=False)


def _add_serve_command(commands: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    """`serve [--host] [--port]`: the app in a web browser (see facilitator.cli_serve)."""
    serving = commands.add_parser(
        "serve", parents=[common], help="serve the app to web browsers (through textual-serve)"
    )
    serving.add_argument(
        "--host",
        default="127.0.0.1",
        help="the address to listen on (default: 127.0.0.1, this machine only)",
    )
    serving.add_argument(
        "--port", type=_port, default=8000, help="the TCP port to listen on (default: 8000)"
    )
    serving.set_defaults(creates=True)


def _port(text: str) -> int:
    """`--port`: a TCP port, 1 to 65535."""
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"give a port from 1 to 65535, not {text!r}")
    return int(text)


def _add_agenda_commands(commands: argparse._SubParsersAction[_Parser], common: _Parser) -> None:
    """`import FILE`, `export MEETING_ID` (agendas in and out) and `evaluation
    MEETING_ID`."""
    importing = commands.add_parser(
        "import",
        parents=[common],
        help="add a planned meeting from a Markdown agenda, or a meeting from its JSON minutes",
    )
    importing.add_argument(
        "file", metavar="FILE", help="the agenda or .json minutes (see the README; - reads stdin)"
    )
    importing.add_argument(
        "--team", metavar="NAME", help="the meeting's team (default: the file's Team line)"
    )
    importing.set_defaults(creates=True)
    exporting = commands.add_parser(
        "export",
        parents=[common],
        help="print or save a meeting's minutes (a planned meeting's agenda)",
    )
    exporting.add_argument("meeting_id", metavar="MEETING_ID", type=int, help="as `list` shows it")
    exporting.add_argument(
        "--format",
        choices=EXPORT_FORMATS,
        default=EXPORT_FORMATS[0],
        help=FORMAT_HELP,
    )
    exporting.add_argument(
        "--agenda",
        action="store_true",
        help="the agenda, even once the meeting has run (md, html or txt)",
    )
    exporting.add_argument("-o", "--output", metavar="FILE", help="write to FILE, not stdout")
    exporting.add_argument("--force", action="store_true", help="replace FILE if it exists")
    exporting.set_defaults(creates=False)
    evaluating = commands.add_parser(
        "evaluation", parents=[common], help="print a meeting's evaluation results"
    )
    evaluating.add_argument("meeting_id", metavar="MEETING_ID", type=int, help="as `list` shows it")
    evaluating.add_argument(
        "--format",
        choices=EVALUATION_FORMATS,
        default=EVALUATION_FORMATS[0],
        help="md: Markdown (default); csv: one row per scale value or comment, for a "
        "spreadsheet; json: everything, for another program",
    )
    evaluating.set_defaults(creates=False)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point: run the command; errors become one sentence on stderr."""
    args = build_parser().parse_args(argv)
    from facilitator.cli_output import complain

    try:
        return _dispatch(args)
    except FacilitatorError as error:
        complain(f"facilitator: {error.sentence}")
        return error.exit_code
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader went away (`facilitator list --json | head`): not a crash. Point
        # stdout at /dev/null so the interpreter's final flush does not fail again, and
        # exit as a program killed by SIGPIPE would.
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except Exception as error:  # the last line of defence: log it, say one sentence
        from facilitator.crash import crash_sentence, write_crash_report

        complain(crash_sentence(error, write_crash_report(error)))
        return EXIT_CRASH


def _silence_stdout() -> None:
    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass  # stdout is not a real file (a test's capture): nothing to flush into a pipe
    finally:
        os.close(devnull)


def _dispatch(args: argparse.Namespace) -> int:
    from facilitator.store.target import resolve_target

    target = resolve_target(getattr(args, "db", None), os.environ)
    create = bool(args.creates)
    if args.command == "list":
        from facilitator.cli_list import list_meetings

        return list_meetings(
            target, as_json=args.json, limit=args.limit, every=args.all, create=create
        )
    if args.command == "decisions":
        from facilitator.cli_commands import list_decisions

        return list_decisions(target, team=args.team, as_json=args.json, create=create)
    if args.command == "search":
        from facilitator.cli_search import print_search

        return print_search(
            target, args.query, team=args.team, limit=args.limit, as_json=args.json, create=create
        )
    if args.command == "trends":
        from facilitator.cli_commands import print_trends

        return print_trends(target, team=args.team, as_json=args.json, create=create)
    if args.command == "assessments":
        from facilitator.cli_assessments import print_assessments

        return print_assessments(
            target, team=args.team, instrument=args.instrument, fmt=args.format, create=create
        )
    if args.command == "db" and args.db_command == "copy":
        from facilitator.cli_db_copy import db_copy

        return db_copy(target, to=args.to)
    if args.command == "db":
        from facilitator.cli_commands import db_check

        return db_check(target)  # reads only, whatever `creates` says
    if args.command == "import":
        from facilitator.cli_commands import import_agenda

        return import_agenda(target, path=args.file, team=args.team, create=create)
    if args.command == "export":
        from facilitator.cli_commands import export_meeting

        return export_meeting(
            target,
            meeting_id=args.meeting_id,
            fmt=args.format,
            output=args.output,
            force=args.force,
            agenda=args.agenda,
            create=create,
        )
    if args.command == "evaluation":
        from facilitator.cli_commands import print_evaluation

        return print_evaluation(target, meeting_id=args.meeting_id, fmt=args.format, create=create)
    if args.command == "run":
        from facilitator.cli_commands import run_meeting

        return run_meeting(target, meeting_id=args.meeting_id, create=create)
    if args.command == "projector":
        from facilitator.cli_projector import show_projector

        return show_projector(target, meeting_id=args.meeting_id, create=create)
    if args.command == "serve":
        from facilitator.cli_serve import serve

        return serve(target, host=args.host, port=args.port)
    if args.command == "demo":
        from facilitator.cli_commands import demo

        return demo(target, then_open=not args.no_open, create=create)
    from facilitator.cli_commands import open_app

    return open_app(target, create=create)


if __name__ == "__main__":
    sys.exit(main())
