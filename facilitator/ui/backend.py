"""The app's door to the services.

Screens call these methods from thread workers. The services (and with them SQLModel
and SQLAlchemy) are imported on first use, so the first screen paints before the
database layer has even loaded.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime, tzinfo
from typing import TYPE_CHECKING

from facilitator.domain.clock import Clock

if TYPE_CHECKING:
    from facilitator.domain.history import HistoryCursor, HistoryFilter, HistoryPage
    from facilitator.domain.meeting_view import MeetingPlan
    from facilitator.domain.overview import HomeOverview
    from facilitator.domain.search_results import SearchResults
    from facilitator.domain.team_draft import TeamDraft
    from facilitator.pack.loader import Pack
    from facilitator.services.demo import DemoResult
    from facilitator.store.database import Database
    from facilitator.store.notify import ChangeListener
    from facilitator.store.quick_read import KeptReader
    from facilitator.store.target import DatabaseTarget


class Backend:
    """Services bound to one database, clock, timezone and content pack."""

    def __init__(
        self,
        target: DatabaseTarget,
        *,
        clock: Clock,
        tz: tzinfo | None,
        pack_loader: Callable[[], Pack],
    ) -> None:
        self.target = target
        self.clock = clock
        self.tz = tz
        self._pack_loader = pack_loader
        self._pack: Pack | None = None
        self._db: Database | None = None
        self._db_lock = threading.Lock()
        self._pack_lock = threading.Lock()
        self.on_saved: Callable[[], object] | None = None
        """Called (in the writing thread) after each commit this window makes."""
        self._changes: ChangeListener | None = None
        self._search_reader: KeptReader | None = None
        self._search_lock = threading.Lock()

    def now(self) -> datetime:
        return self.clock()

    @property
    def db(self) -> Database:
        with self._db_lock:
            if self._db is None:
                from facilitator.store.database import Database

                database = Database(self.target)
                database.after_commit = self._saved
                self._db = database
            return self._db

    def _saved(self) -> None:
        if self.on_saved is not None:
            self.on_saved()

    @property
    def pack(self) -> Pack:
        with self._pack_lock:
            if self._pack is None:
                self._pack = self._pack_loader()
            return self._pack

    def warm_up(self) -> None:
        """Import the services and open the engine ahead of need."""
        import facilitator.services.meetings
        import facilitator.services.teams  # noqa: F401

        self.db.engine  # noqa: B018 - creating it is the point
        self.pack  # noqa: B018

    def change_stamp(self) -> tuple[int, ...] | None:
        """A value that changes when another process commits: the SQLite file's stamp,
        or the count of other windows' notices on a PostgreSQL server (the listener
        starts once the database layer is loaded, which this never does itself: it is
        called on the event loop)."""
        if self.target.path is None:
            return self._listener().stamp if self._db is not None else (0,)
        from facilitator.store.sqlite_file import change_stamp

        return change_stamp(self.target.path)

    def reachable(self) -> bool:
        """False while a PostgreSQL server cannot be reached (a SQLite file always is)."""
        return self.target.path is not None or self._db is None or self._listener().reachable

    def _listener(self) -> ChangeListener:
        if self._changes is None:
            token = self.db.token  # this window's own notices are not changes
            with self._db_lock:
                if self._changes is None:
                    from facilitator.store.notify import ChangeListener

                    self._changes = ChangeListener(self.target, token)
                    self._changes.start()
        assert self._changes is not None
        return self._changes

    def data_version(self) -> tuple[int, tuple[int, ...] | None]:
        """A value that changes whenever this window saves something, or (SQLite files)
        any process commits. Cheap enough for the event loop: a counter and two `stat`
        calls; it never opens the database layer, nor waits for a thread opening it."""
        database = self._db
        return (database.commits if database is not None else 0), self.change_stamp()

    def load_home(self, team_id: int | None) -> HomeOverview:
        from facilitator.services.home import load_home

        return load_home(self.target, team_id=team_id, now=self.now(), tz=self.tz)

    def meeting_plan(self, meeting_id: int) -> MeetingPlan:
        from facilitator.services.meetings import meeting_plan

        return meeting_plan(self.db, meeting_id=meeting_id, pack=self.pack)

    def meeting_status(self, meeting_id: int) -> str:
        from facilitator.services.meetings import meeting_status

        return meeting_status(self.db, meeting_id=meeting_id)

    def search(
        self, text: str, *, team_id: int | None = None, ranked: bool = False
    ) -> SearchResults:
        """Every active team's records matching `text`, or team `team_id`'s (see
        `services.search`)."""
        from facilitator.services.search import search

        return search(self._searching(), text, team_id=team_id, ranked=ranked, tz=self.tz)

    def _searching(self) -> KeptReader:
        """The search box's kept connection, opened on its first search (see
        `quick_read.KeptReader` for why one is kept, and shared by the threads)."""
        with self._search_lock:
            if self._search_reader is None:
                from facilitator.store.quick_read import KeptReader

                self._search_reader = KeptReader(self.target)
            return self._search_reader

    def close_search(self) -> None:
        """Close the search box's kept connection (its screen has gone); a later search
        opens another. Waits for a search under way, a few milliseconds at most."""
        with self._search_lock:
            kept, self._search_reader = self._search_reader, None
        if kept is not None:
            kept.close()

    def history_page(
        self, history_filter: HistoryFilter, *, after: HistoryCursor | None, limit: int
    ) -> HistoryPage:
        """One page of meetings for the history screen (see `services.history`)."""
        from facilitator.services.history import history_page

        return history_page(self.target, history_filter, after=after, limit=limit, tz=self.tz)

    def create_team(self, draft: TeamDraft) -> int:
        from facilitator.services.teams import create_team

        return create_team(self.db, draft=draft, pack=self.pack, now=self.now())

    def fill_demo(self) -> DemoResult:
        from facilitator.services.demo import fill_demo

        return fill_demo(self.db, pack=self.pack, now=self.now(), tz=self.tz)

    def close(self) -> None:
        """Release database connections (on exit)."""
        if self._changes is not None:
            self._changes.stop()
        self.close_search()
        with self._db_lock:
            if self._db is not None:
                self._db.dispose()
