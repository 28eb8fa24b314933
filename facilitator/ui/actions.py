"""One table of user actions drives the key bindings, the footer, the help screen and
the command palette, so the four never drift apart.

Each screen lists its actions (`ACTIONS`) and derives `BINDINGS` from them; the app adds
every action of the active screen and of the app itself to the command palette under
its plain name, with its key.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class UiAction:
    """A thing a person can do, with everything needed to offer it."""

    id: str
    """The Textual action name (the `action_<id>` method on the screen or app)."""
    name: str
    """The plain name in the command palette and help: "Group: what it does"."""
    help: str
    """One sentence saying what happens; the palette's help line and the key's tooltip."""
    key: str | None = None
    """The key binding, in Textual's key names; None for palette-only actions."""
    key_display: str | None = None
    """How to show the key when Textual's own rendering is not clear."""
    footer: str | None = None
    """A short label for the footer; None keeps the key out of the footer."""
    priority: bool = False
    """Whether the key works even when a focused widget would take it. Keep it off for
    keys that act on what is typed (save): a priority key runs as soon as it arrives,
    before the keys typed just ahead of it have reached the focused field."""
    builtin: bool = False
    """Textual binds the key itself (the command palette); only the help lists it here."""
    group: str | None = None
    """Footer label shared with the neighbouring actions of the same group (their keys are
    shown side by side: "^↑^↓ Move")."""
    scope: str | None = None
    """The id of the widget whose action it is (its key works while that widget, or
    something inside it, has focus); None for the screen's (or app's) own actions."""
    typing_key: str | None = None
    """A function key that does the same while a text editor has focus (the live
    screen's notes), where the plain key types a letter."""

    @property
    def shown_key(self) -> str | None:
        """The key as the help screen shows it (with its function key, if any)."""
        if self.key is None:
            return None
        shown = self.key_display or self.key.replace("ctrl+", "^")
        return f"{shown} / {self.typing_key.upper()}" if self.typing_key else shown


def bindings(
    actions: Iterable[UiAction], scope: str | None = None
) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Key bindings for the actions of `scope` (a widget id; None: the screen's own)."""
    return [
        Binding(
            action.key,
            # A widget's binding runs the screen's action, so one method serves the key,
            # the palette and the help alike.
            action.id if scope is None else f"screen.{action.id}",
            action.footer or action.name,
            show=action.footer is not None,
            key_display=action.key_display,
            priority=action.priority,
            tooltip=action.help,
            group=Binding.Group(action.group, compact=True) if action.group else None,
        )
        for action in actions
        if action.key is not None and not action.builtin and action.scope == scope
    ]


APP_ACTIONS = (
    UiAction(
        "help",
        "Help: keys and actions",
        "Show every key and action available here.",
        key="question_mark",
        key_display="?",
        footer="Help",
        # Where a text field takes "?" as a character, F1 still opens the help (and
        # the footer shows it instead).
        typing_key="f1",
    ),
    UiAction(
        "command_palette",
        "App: command palette",
        "Search every action and meeting by name.",
        key="ctrl+p",
        builtin=True,
    ),
    UiAction(
        "library",
        "Library: browse the practice",
        "Norms, roles, decision methods, protocols, instruments, video guides and templates.",
    ),
    UiAction(
        "decision_log",
        "Decisions: the decision log",
        "Every decision of the team chosen at home (or of all teams): search it, filter "
        "it, open the full record.",
    ),
    UiAction(
        "search_meetings",
        "Search: every meeting's records",
        "Find words in every team's meetings: titles, notes, decisions, action items, "
        "parking lot, take-aways, time-outs and evaluation comments; enter opens one.",
    ),
    UiAction(
        "history",
        "History: every meeting, newest first",
        "Every meeting of the team chosen at home (or of all teams), filtered by status, "
        "team and date range; enter opens its plan or minutes.",
    ),
    UiAction(
        "parking_lot",
        "Parking lot: every entry of the team",
        "Every parking-lot entry of the team chosen at home (or of all teams), open ones "
        "first; search it, open the meeting an entry was raised in.",
    ),
    UiAction(
        "load_demo",
        "Demo: add the demo teams",
        "Add a demo leadership team with a planned and a past meeting (once).",
    ),
    UiAction(
        "quit",
        "App: quit",
        "Close facilitator; everything is already saved.",
        key="ctrl+q",
        footer="Quit",
        priority=True,
    ),
)

HOME_ACTIONS = (
    UiAction(
        "open_selected",
        "Meetings: open the highlighted meeting",
        "Plan it if it is still to come; read it if it is closed.",
        key="enter",
        footer="Open meeting",
        scope="meetings",
    ),
    UiAction(
        "run_selected",
        "Meetings: run the highlighted meeting live",
        "Open its live screen: timer, notes, captures, checks and the speaker queue.",
        key="f5",
        key_display="F5",
        footer="Run",
        scope="meetings",
    ),
    UiAction(
        "evaluate_selected",
        "Meetings: evaluate the highlighted meeting",
        "Plus/delta and the other instruments, each member present answering in turn, "
        "once the meeting has ended (an evaluation left unfinished resumes).",
        key="E",
        scope="meetings",
    ),
    UiAction(
        "trends",
        "Trends: the team's ratings and norms over its meetings",
        "Each rated item and each norm of the highlighted team (or the highlighted "
        "meeting's team) as a chart over its meetings, with the change in words.",
        key="T",
    ),
    UiAction(
        "new_meeting",
        "Meetings: plan a new meeting",
        "Start from an agenda template, an earlier meeting, or a blank agenda.",
        key="m",
        footer="New meeting",
    ),
    UiAction(
        "open_team",
        "Teams: open the highlighted team",
        "Its name, type and purpose, members and norms.",
        key="enter",
        footer="Open team",
        scope="teams",
    ),
    UiAction(
        "new_team",
        "Teams: new team",
        "Create a team with its purpose, members and norms.",
        key="n",
        footer="New team",
    ),
    UiAction(
        "all_teams",
        "Teams: show all teams",
        "Show meetings and action items of every team.",
        key="a",
    ),
    UiAction(
        "action_items",
        "Action items: the team's list",
        "Every action item of the highlighted team (or all teams): open, overdue, done, by "
        "owner; mark them done.",
        key="i",
        footer="Action items",
    ),
    UiAction(
        "decision_log",
        "Decisions: the decision log",
        "Every decision of the highlighted team (or all teams): open, decided, due for "
        "review, by method; search them and open the full record.",
        key="d",
        footer="Decisions",
    ),
    UiAction(
        "search_meetings",
        "Search: every meeting's records",
        "Find words in every team's meetings: titles, notes, decisions, action items, "
        "parking lot, take-aways, time-outs and evaluation comments; enter opens one.",
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "history",
        "History: every meeting, newest first",
        "Every meeting of the highlighted team (or all teams), filtered by status, team "
        "and date range; enter opens its plan or minutes.",
        key="h",
        footer="History",
    ),
    UiAction(
        "parking_lot",
        "Parking lot: every entry of the team",
        "Every parking-lot entry of the highlighted team (or all teams), open ones first, "
        "then those dealt with; search them and open the meeting an entry was raised in.",
        key="p",
        footer="Parking lot",
    ),
    UiAction(
        "library",
        "Library: browse the practice",
        "Browse and search every tool the app teaches, with its source.",
        key="l",
        footer="Library",
    ),
    UiAction(
        "refresh",
        "Home: refresh",
        "Read the database again (another window may have changed it).",
        key="r",
        footer="Refresh",
    ),
)

LIBRARY_ACTIONS = (
    UiAction(
        "search",
        "Library: search",
        "Type words to find; every word must match (titles first).",
        key="slash",
        key_display="/",
        footer="Search",
    ),
    UiAction(
        "back",
        "Library: back",
        "Clear the search, or leave the library when it is empty.",
        key="escape",
        footer="Back",
    ),
)

TEAM_FORM_ACTIONS = (
    UiAction(
        "save",
        "Team form: save the team",
        "Check the form and save the team; problems are shown beside their fields.",
        key="ctrl+s",
        footer="Save",
    ),
    UiAction(
        "add_member",
        "Team form: add a member row",
        "Add another row for a member's name, position and e-mail.",
        key="ctrl+n",
        footer="Add member",
    ),
    UiAction(
        "cancel",
        "Team form: cancel",
        "Leave the form without saving anything.",
        key="escape",
        footer="Cancel",
    ),
)


def typing_bindings(actions: Iterable[UiAction]) -> list[Binding]:
    """Bindings for the actions' function keys (`typing_key`), for an app or screen whose
    keys must work while a text field has focus. Listed after the plain keys, so the
    footer shows the plain key where it works and the function key where a field takes
    it (it shows one key per action)."""
    return [
        Binding(
            action.typing_key,
            action.id,
            action.footer or action.name,
            show=action.footer is not None,
            key_display=action.typing_key.upper(),
            tooltip=action.help,
        )
        for action in actions
        if action.typing_key is not None
    ]


QUIET_QUIT = Binding("ctrl+q", "app.quit", show=False, priority=True)
"""For screens whose footer has no room to spare: ctrl+q still quits (the help lists it),
but the footer keeps its width for the screen's own keys."""
