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
    from facilitator.domain.meeting_view import MeetingPlan
    from facilitator.domain.overview import HomeOverview
    from facilitator.domain.team_draft import TeamDraft
    from facilitator.pack.loader import Pack
    from facilitator.services.demo import DemoResult
    from facilitator.store.database import Database
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
        """A value that changes when any process commits (SQLite only; None otherwise)."""
        if self.target.path is None:
            return None
        from facilitator.store.sqlite_file import change_stamp

        return change_stamp(self.target.path)

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

    def create_team(self, draft: TeamDraft) -> int:
        from facilitator.services.teams import create_team

        return create_team(self.db, draft=draft, pack=self.pack, now=self.now())

    def fill_demo(self) -> DemoResult:
        from facilitator.services.demo import fill_demo

        return fill_demo(self.db, pack=self.pack, now=self.now(), tz=self.tz)

    def close(self) -> None:
        """Release database connections (on exit)."""
        with self._db_lock:
            if self._db is not None:
                self._db.dispose()
