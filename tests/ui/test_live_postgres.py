"""The live screen on a PostgreSQL server (issue 18): it follows another window through
the server's notices, and notes typed while the server is down are kept in the window
and saved when it is back.

The screen looks every `FOLLOW_SECONDS` with a timer; the tests call the same method at
once. What they wait for is the listener thread's connection and the server's notices,
polled with a bound, never a fixed sleep."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from textual.pilot import Pilot

from facilitator.pack.loader import Pack
from facilitator.services.captures import add_parking_lot_item
from facilitator.services.demo import fill_demo
from facilitator.services.live import live_state
from facilitator.store.database import Database
from facilitator.store.prepare import prepare_database
from facilitator.store.target import DatabaseTarget
from facilitator.ui.screens.live import UNREACHABLE
from tests.conftest import FROZEN_NOW, TZ
from tests.postgres import Cluster, PrivateServer
from tests.ui.helpers import SIZE, screen_text
from tests.ui.live_helpers import DECEMBER, HandClock, live_app, live_screen, live_settle

pytestmark = pytest.mark.slow


async def until(pilot: Pilot[Any], condition: Callable[[], bool], what: str) -> None:
    """Let the screen follow (as its timer would) until `condition` holds (some 10 s at
    most)."""
    for _ in range(400):
        live_screen(pilot).follow_other_windows()
        await live_settle(pilot)
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError(f"still waiting for {what}")


def notices(pilot: Pilot[Any]) -> str:
    return " | ".join(str(n.message) for n in pilot.app._notifications)


@pytest.mark.parametrize("backend", ["postgresql"], indirect=True)
async def test_another_windows_capture_shows_through_the_servers_notice(
    demo_db: Database, pack: Pack
) -> None:
    app = live_app(demo_db.target, pack, HandClock())
    first = live_state(demo_db, meeting_id=DECEMBER, pack=pack).items[0].item_id
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        writer, backend = live_screen(pilot).writer, app.backend

        def listening() -> bool:
            stamp = backend.change_stamp()
            return stamp is not None and stamp[0] >= 1 and writer.seen == stamp

        await until(pilot, listening, "the listener to connect")
        before = writer.seen

        add_parking_lot_item(
            demo_db, meeting_id=DECEMBER, item_id=first, text="[b]Bus duty[/b]", now=FROZEN_NOW
        )
        await until(pilot, lambda: "Parked: [b]Bus" in screen_text(app), "the capture")
        assert before is not None and writer.seen == (before[0] + 1,)  # one notice, one reading
        assert backend.reachable()


@pytest.fixture
def own_server(pack: Pack) -> Iterator[tuple[PrivateServer, DatabaseTarget]]:
    """A server of this test's own (it is stopped mid-meeting), holding the demo."""
    server = PrivateServer()
    try:
        base_url = server.start()
    except RuntimeError as error:
        pytest.skip(f"no PostgreSQL server for this test ({error})")
    try:
        target = Cluster(base_url, "fault").target("postgres")
        prepare_database(target)
        database = Database(target)
        fill_demo(database, pack=pack, now=FROZEN_NOW, tz=TZ)
        database.dispose()
        yield server, target
    finally:
        server.stop()


async def test_notes_typed_while_the_server_is_down_are_saved_when_it_is_back(
    own_server: tuple[PrivateServer, DatabaseTarget], pack: Pack
) -> None:
    server, target = own_server
    app = live_app(target, pack, HandClock())
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await live_settle(pilot)
        screen = live_screen(pilot)
        await pilot.press("m", *"Before")
        screen.notes.flush()
        await live_settle(pilot)

        server.server.stop()
        await until(pilot, lambda: UNREACHABLE in str(screen.sub_title), "the title to say so")
        await pilot.press(*" during the outage")
        screen.notes.flush()
        await live_settle(pilot)
        assert screen.writer.held, "the notes are kept in the window"
        assert "your notes are kept in this window" in notices(pilot)
        assert "kept here" in str(screen.notes.shown.border_subtitle)
        assert screen.notes.shown.text == "Before during the outage"

        server.server.resume()
        await until(pilot, lambda: not screen.writer.held, "the held notes to be saved")
        assert "answers again" in notices(pilot)
        await until(pilot, lambda: screen.sub_title == "Live", "the title to say it is back")
        assert str(screen.notes.shown.border_subtitle).startswith("saved ")

    database = Database(target)
    try:
        state = live_state(database, meeting_id=DECEMBER, pack=pack)
    finally:
        database.dispose()
    assert state.items[0].note == "Before during the outage"
