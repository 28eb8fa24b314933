"""The facilitator Textual app and the factory the CLI and the tests share."""

from __future__ import annotations

import asyncio
import contextlib
import gc
import signal
import sys
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import tzinfo
from functools import partial
from typing import TYPE_CHECKING

from textual import work
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.filter import LineFilter
from textual.screen import Screen
from textual.worker import WorkerFailed

from facilitator.crash import crash_sentence, write_crash_report
from facilitator.domain.clock import Clock, system_clock
from facilitator.domain.overview import HomeOverview
from facilitator.errors import FacilitatorError
from facilitator.ui.actions import APP_ACTIONS, UiAction, bindings, typing_bindings
from facilitator.ui.backend import Backend
from facilitator.ui.literal import ControlCharacterFilter
from facilitator.ui.screens.fresh import DataSaved, FreshScreen
from facilitator.ui.screens.home import HomeScreen

if TYPE_CHECKING:
    from textual.command import Provider
    from textual.driver import Driver

    from facilitator.pack.loader import Pack
    from facilitator.store.target import DatabaseTarget


def meeting_commands() -> type[Provider]:
    """The palette's meeting entries, imported when the palette first opens."""
    from facilitator.ui.commands import MeetingCommands

    return MeetingCommands


class FacilitatorApp(App[int]):
    """Guides a team through its meetings; the return value is the exit code."""

    TITLE = "facilitator"
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {meeting_commands}
    ACTIONS = APP_ACTIONS
    BINDINGS = [
        *bindings(APP_ACTIONS),
        *typing_bindings(APP_ACTIONS),
        # Priority, so focus moves the moment tab arrives: as an ordinary binding it waits
        # for the focused field to pass the key back up, and the letters typed straight
        # after it (a fast typist, a paste, a password manager) land in the old field.
        Binding("tab", "focus_next", show=False, priority=True),
        Binding("shift+tab", "focus_previous", show=False, priority=True),
    ]
    ENABLE_COMMAND_PALETTE = True

    def __init__(
        self,
        backend: Backend,
        *,
        open_meeting_id: int | None = None,
        live: bool = False,
        projector: bool = False,
    ) -> None:
        super().__init__()
        self.backend = backend
        self.open_meeting_id = open_meeting_id
        self.open_live = live
        self.projector = projector
        """Only the read-only projector view: no home screen, no command palette."""
        self.overview: HomeOverview | None = None
        self.crash_message: str | None = None
        self._control_filter = ControlCharacterFilter()
        backend.on_saved = self._post_saved

    def get_driver_class(self) -> type[Driver]:
        """Textual's driver for this platform; on Linux and macOS, one that ignores a
        SIGCONT it did not ask for (see `TerminalDriver`)."""
        driver = super().get_driver_class()
        if sys.platform != "win32":
            from textual.drivers.linux_driver import LinuxDriver

            if driver is LinuxDriver:
                from facilitator.ui.driver import TerminalDriver

                return TerminalDriver
        return driver

    def get_line_filters(self) -> Sequence[LineFilter]:
        """Textual's filters, then one that keeps control characters in people's text
        from reaching the terminal (see `ControlCharacterFilter`)."""
        return [*super().get_line_filters(), self._control_filter]

    def on_mount(self) -> None:
        if not self.is_headless:
            self._handle_termination_signals()
        self.call_after_refresh(self.collect_from_now)
        if self.projector and self.open_meeting_id is not None:
            self._show_projector(self.open_meeting_id)
            return
        self.push_screen(HomeScreen())
        if self.open_meeting_id is not None and self.open_live:
            self.run_meeting(self.open_meeting_id)
        elif self.open_meeting_id is not None:
            self.open_meeting(self.open_meeting_id)

    def on_unmount(self) -> None:
        self.backend.close()

    def _post_saved(self) -> None:
        self.post_message(DataSaved())  # from whichever thread saved

    def on_data_saved(self) -> None:
        """Something was saved: the screen on top shows it if it shows saved data (a
        screen underneath reads again when it comes back; see `FreshScreen`)."""
        if isinstance(self.screen, FreshScreen):
            self.screen.reload_if_changed()

    def remember_overview(self, overview: HomeOverview) -> None:
        """Keep the latest home data for the command palette's meeting entries."""
        self.overview = overview

    @work(thread=True, exclusive=True, group="warm-up", exit_on_error=False)
    def warm_up(self) -> None:
        """Load the database layer and the content pack while the home screen is idle,
        so the first meeting opened or team saved does not wait for them. Says so if any
        of the school's own content files had to be skipped."""
        try:
            self.backend.warm_up()
        except FacilitatorError as error:
            self.notify(error.sentence, severity="error", markup=False)
            return
        skipped = len(self.backend.pack.problems)
        if skipped:
            files = "file was" if skipped == 1 else "files were"
            self.notify(
                f"{skipped} of your own content {files} skipped; the library (l) says why.",
                severity="warning",
                markup=False,
            )

    def collect_from_now(self) -> None:
        """Collect garbage again (`open_app` stops the collector until the first paint),
        leaving out of it every object made so far (`gc.freeze`): Textual's and the
        app's own long-lived objects, which a collection would only walk. Nothing to do
        when the collector was not stopped (an app built without `open_app`: tests)."""
        if gc.isenabled():
            return
        gc.freeze()
        gc.enable()

    def settle_heap(self) -> None:
        """Collect garbage once, then keep every object alive now out of later
        collections (`gc.freeze`).

        By the time a meeting is on screen the process holds some 140,000 long-lived
        objects (Textual, the widget tree, the content pack, SQLAlchemy's mappers), and
        each full collection walked them all: 80-145 ms with the event loop stopped, a
        keystroke or a countdown second held back. Frozen, they are skipped, and a full
        collection only walks what the meeting has made since. Unfreezing first lets
        the collection free what earlier screens left behind, so opening meetings again
        and again does not pin old garbage."""
        gc.unfreeze()
        gc.collect()
        gc.freeze()
        gc.enable()

    def open_meeting(self, meeting_id: int, status: str | None = None) -> None:
        """Plan a meeting still to come, go back into a running one, show a closed one's
        minutes, or the closure steps of one reopened for corrections. Without its
        `status`, the home screen's lists say it (the plan screen sends a closed meeting
        it does not know of to its minutes)."""
        from facilitator.domain.enums import MeetingStatus

        if status is None:
            known = (*self.overview.upcoming, *self.overview.recent) if self.overview else ()
            status = next((m.status for m in known if m.id == meeting_id), None)
        if status == MeetingStatus.RUNNING:
            self.run_meeting(meeting_id)
        elif status == MeetingStatus.CLOSED:
            from facilitator.ui.screens.minutes import MinutesScreen

            self.push_screen(MinutesScreen(meeting_id))
        elif status == MeetingStatus.REOPENED:
            from facilitator.ui.screens.closure import ClosureScreen

            self.push_screen(ClosureScreen(meeting_id))
        else:
            from facilitator.ui.screens.plan import PlanScreen

            self.push_screen(PlanScreen(meeting_id))

    def _show_projector(self, meeting_id: int) -> None:
        """The projector view alone: nothing under it to go back to, and no palette
        (its entries change things)."""
        from facilitator.ui.screens.projector import ProjectorScreen

        self.use_command_palette = False
        self.push_screen(ProjectorScreen(meeting_id))

    def run_meeting(self, meeting_id: int) -> None:
        """Open the live screen of a planned or running meeting."""
        from facilitator.ui.screens.live import LiveScreen

        self.push_screen(LiveScreen(meeting_id))

    # Actions -----------------------------------------------------------------

    def action_help(self) -> None:
        from facilitator.ui.modals.help import HelpModal

        screen = self.screen
        actions: tuple[UiAction, ...] = getattr(screen, "ACTIONS", ())
        name = screen.sub_title or type(screen).__name__
        self.push_screen(HelpModal(name, actions, APP_ACTIONS))

    def action_decision_log(self) -> None:
        """The decision log of the team chosen on the home screen (all teams if none)."""
        from facilitator.ui.screens.decision_log import DecisionLogScreen

        if isinstance(self.screen, DecisionLogScreen):
            return
        overview = self.overview
        team_id = overview.team_id if overview is not None else None
        teams = overview.teams if overview is not None else ()
        name = next((team.name for team in teams if team.id == team_id), None)
        self.push_screen(DecisionLogScreen(team_id, name))

    def action_search_meetings(self) -> None:
        """The search screen (its box takes the focus again if it is already open)."""
        from facilitator.ui.screens.search import SearchScreen

        if isinstance(self.screen, SearchScreen):
            self.screen.query_one("#search-box").focus()
            return
        self.push_screen(SearchScreen())

    def action_history(self) -> None:
        """The history of the team chosen on the home screen (all teams if none)."""
        from facilitator.ui.screens.history import HistoryScreen

        if isinstance(self.screen, HistoryScreen):
            return
        overview = self.overview
        team_id = overview.team_id if overview is not None else None
        teams = overview.teams if overview is not None else ()
        name = next((team.name for team in teams if team.id == team_id), None)
        self.push_screen(HistoryScreen(team_id, name))

    def action_parking_lot(self) -> None:
        """The parking lot of the team chosen on the home screen (all teams if none)."""
        from facilitator.ui.screens.parking_lot import ParkingLotScreen

        if isinstance(self.screen, ParkingLotScreen):
            return
        overview = self.overview
        team_id = overview.team_id if overview is not None else None
        teams = overview.teams if overview is not None else ()
        name = next((team.name for team in teams if team.id == team_id), None)
        self.push_screen(ParkingLotScreen(team_id, name))

    def action_library(self) -> None:
        from facilitator.ui.screens.library import LibraryScreen

        self.push_screen(LibraryScreen())

    @work(thread=True, exclusive=True, group="demo")
    def action_load_demo(self) -> None:
        try:
            result = self.backend.fill_demo()
        except FacilitatorError as error:
            self.notify(error.sentence, severity="error", markup=False)
            return
        message = "Demo teams added." if result.created else "The demo teams are already here."
        self.notify(message, markup=False)
        self.call_from_thread(self._refresh_home)

    def _refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.team_id = None
                screen.reload()

    # Command palette ---------------------------------------------------------

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """Each entry once: the home screen offers the library under the same name as
        the app does (regression, issue 15 defect 8: "Library" was listed twice)."""
        seen: set[str] = set()
        for command in self._palette_entries(screen):
            if command.title not in seen:
                seen.add(command.title)
                yield command

    def _palette_entries(self, screen: Screen[object]) -> Iterator[SystemCommand]:
        """The screen's actions, then the app's, then Textual's own not already named."""
        screen_actions: tuple[UiAction, ...] = getattr(screen, "ACTIONS", ())
        for action in screen_actions:
            if action.scope is not None and not screen.query(f"#{action.scope}"):
                continue
            if screen.check_action(action.id, ()) is not False:
                yield self._command(action, partial(screen.run_action, action.id))
        for action in APP_ACTIONS:
            if action.id != "command_palette":
                yield self._command(action, partial(self.run_action, action.id))
        ours = {action.name for action in APP_ACTIONS} | {"Quit", "Keys"}
        for command in super().get_system_commands(screen):
            if command.title not in ours:
                yield command

    @staticmethod
    def _command(action: UiAction, callback: Callable[[], object]) -> SystemCommand:
        key = f" (key: {action.shown_key})" if action.shown_key else ""
        return SystemCommand(action.name, f"{action.help}{key}", callback)

    # Ending ------------------------------------------------------------------

    def _handle_termination_signals(self) -> None:
        """SIGTERM (kill) and SIGHUP (terminal closed) end the app the normal way.

        Exiting through `exit()` unmounts every screen, so widgets save what they hold
        and the terminal is restored.
        """
        if sys.platform == "win32":
            return  # no POSIX signals there; closing the console ends the process
        loop = asyncio.get_running_loop()
        for number in (signal.SIGTERM, signal.SIGHUP):
            # RuntimeError/ValueError: not the main thread, or the signal is not allowed.
            with contextlib.suppress(RuntimeError, ValueError):
                loop.add_signal_handler(number, self.exit, 0)

    def crash(self, error: Exception) -> None:
        """End the app over an unexpected error in background work, as Textual does for
        an error on the event loop (the report is written, one sentence is shown)."""
        self._handle_exception(error)

    def _handle_exception(self, error: Exception) -> None:
        # A failed thread worker arrives wrapped; the user wants to hear about its cause.
        cause = error.error if isinstance(error, WorkerFailed) else error
        path = write_crash_report(cause)
        self.crash_message = crash_sentence(cause, path)
        super()._handle_exception(error)

    def _fatal_error(self) -> None:
        # Replaces Textual's full traceback on the terminal: it may quote user text.
        self.bell()
        self._close_messages_no_wait()


def build_app(
    target: DatabaseTarget,
    *,
    clock: Clock = system_clock,
    tz: tzinfo | None = None,
    pack: Pack | None = None,
    open_meeting_id: int | None = None,
    live: bool = False,
    projector: bool = False,
) -> FacilitatorApp:
    """The app for `target`; tests pass a fixed clock, a timezone and a loaded pack."""

    def load_pack() -> Pack:
        if pack is not None:
            return pack
        from facilitator.pack.locate import load_default_pack

        return load_default_pack()

    backend = Backend(target, clock=clock, tz=tz, pack_loader=load_pack)
    return FacilitatorApp(backend, open_meeting_id=open_meeting_id, live=live, projector=projector)
