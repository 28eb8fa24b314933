"""How windows on one PostgreSQL database learn that another has saved something.

Every unit of work on PostgreSQL ends with `NOTIFY facilitator_changes, '<token>'`,
delivered by the server to every listening connection when (and only if) it commits.
A window's `ChangeListener` holds one connection that LISTENs, on a thread of its own,
and counts the notices of other windows (its own token is skipped: a window shows its
own writes already). Its `stamp` is that count, cheap to poll from the event loop like
the SQLite file's change stamp (`facilitator.store.sqlite_file.change_stamp`).

When the server goes away the listener says so (`reachable`), tries again every second
and, once listening again, counts one change: whatever was saved meanwhile is read
again (as it does when it first starts listening).
"""

from __future__ import annotations

import os
import secrets
import threading
from typing import Any

from sqlalchemy import text
from sqlalchemy.orm import Session

from facilitator.store.target import DatabaseTarget

CHANNEL = "facilitator_changes"
RETRY_SECONDS = 1.0
WAIT_SECONDS = 0.5
"""How long the listener waits for a notice before looking whether it should stop."""


def new_token() -> str:
    """A token naming one window's writes in its notices."""
    return f"{os.getpid()}-{secrets.token_hex(4)}"


def announce(session: Session, token: str) -> None:
    """Tell the other windows, when this unit of work commits, that it changed something."""
    session.execute(
        text("SELECT pg_notify(:channel, :token)"), {"channel": CHANNEL, "token": token}
    )


class ChangeListener:
    """Counts other windows' commits to one PostgreSQL database, on a daemon thread."""

    def __init__(self, target: DatabaseTarget, token: str) -> None:
        self.target = target
        self.token = token
        self.changes = 0
        self.reachable = True
        """False while the server cannot be reached (set by the thread)."""
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="db-changes", daemon=True)

    @property
    def stamp(self) -> tuple[int, ...]:
        return (self.changes,)

    def start(self) -> None:
        self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                with self._connect() as connection:
                    connection.execute(f"LISTEN {CHANNEL}")
                    # Whatever was saved before now sent no notice to this window: one
                    # change, so it reads everything again.
                    self.changes += 1
                    self.reachable = True
                    self._listen(connection)
            except Exception:  # any failure of the server or the network
                self.reachable = False
                self._stop.wait(RETRY_SECONDS)

    def _listen(self, connection: Any) -> None:
        while not self._stop.is_set():
            for notice in connection.notifies(timeout=WAIT_SECONDS):
                if notice.payload != self.token:
                    self.changes += 1

    def _connect(self) -> Any:
        import psycopg
        from sqlalchemy.engine import make_url

        url = make_url(self.target.url)
        options: dict[str, Any] = {key: str(value) for key, value in url.query.items()}
        if url.host:
            options["host"] = url.host  # else a socket folder in ?host=, if any
        options.update(dbname=url.database, user=url.username, password=url.password)
        options.update(port=url.port, connect_timeout=5)
        return psycopg.connect(autocommit=True, **options)
