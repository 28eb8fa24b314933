"""The search screen (issue 19) at 80x24 on the demo teams: / from home and the palette
open it, results follow what is typed, a stale reply never covers a newer one, people's
text shows literally with the matching words highlighted, enter opens the meeting at the
record found, and ctrl+t searches one team after another."""

from __future__ import annotations

from typing import Any

from textual.containers import VerticalScroll
from textual.content import Content
from textual.pilot import Pilot
from textual.widgets import Static

from facilitator.domain.search_results import SearchResults
from facilitator.pack.loader import Pack
from facilitator.store.database import Database
from facilitator.ui.app import FacilitatorApp
from facilitator.ui.screens.home import HomeScreen
from facilitator.ui.screens.minutes import MinutesScreen
from facilitator.ui.screens.plan import PlanScreen
from facilitator.ui.screens.search import (
    WHAT_IS_SEARCHED,
    SearchBox,
    SearchFound,
    SearchScreen,
)
from facilitator.ui.search_actions import SEARCH_ACTIONS
from facilitator.ui.widgets.agenda_table import AgendaTable
from facilitator.ui.widgets.search_result_list import HIGHLIGHT, SearchResultList
from tests.conftest import FROZEN_NOW, db_argument, write_raw
from tests.ui.helpers import SIZE, make_app, notifications, screen_text, settle
from tests.ui.test_minutes_screen import heading_at_top


def words_shown(app: FacilitatorApp) -> str:
    """The screen's text with panel borders and line breaks read as single spaces."""
    return " ".join(screen_text(app).replace("│", " ").split())


async def open_search(app: FacilitatorApp, pilot: Pilot[Any]) -> SearchScreen:
    """Home, then /."""
    await settle(pilot)
    assert isinstance(app.screen, HomeScreen)
    await pilot.press("slash")
    await settle(pilot)
    screen = app.screen
    assert isinstance(screen, SearchScreen)
    return screen


async def search_for(pilot: Pilot[Any], screen: SearchScreen, text: str) -> SearchResultList:
    """Type `text` into the empty box, key by key, and let the replies arrive."""
    await pilot.press(*text)
    await settle(pilot)
    assert screen.query_one(SearchBox).value == text
    return screen.query_one(SearchResultList)


async def test_slash_opens_search_saying_what_it_searches(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        assert "/ Search" in screen_text(app)
        screen = await open_search(app, pilot)
        assert screen.focused is screen.query_one(SearchBox)
        assert not screen.query_one(SearchResultList).display
        text = words_shown(app)
        assert "every team's meetings: titles, purposes and goals" in text
        assert "evaluation comments." in text
        assert len(WHAT_IS_SEARCHED) < 300  # a short sentence, not a manual


async def test_typing_a_word_from_a_note_shows_it_highlighted(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        results = await search_for(pilot, screen, "norms alou")  # the last word a prefix

        assert results.display
        kinds = [(r.kind, r.meeting_title) for r in results.results]
        assert ("note", "October leadership team meeting") in kinds
        note = next(r for r in results.results if r.kind == "note")
        assert [note.snippet[a:b].casefold() for a, b in note.highlights] == ["norms", "aloud"]
        text = screen_text(app)
        assert "Note · October leadership team meeting" in text
        assert "newest first (ctrl+r: best match first)" in text
        assert "Riverside Elementary Leadership Team" in text


async def test_the_matching_words_are_styled_not_marked_up(demo_db: Database, pack: Pack) -> None:
    write_raw(
        db_argument(demo_db.target),
        "INSERT INTO note (meeting_id, body, created_at, updated_at) VALUES (1, :body, :now, :now)",
        body="[b]xylophone[/b] and [red]Sam[/red] agreed",
        now=FROZEN_NOW,
    )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        results = await search_for(pilot, screen, "xylophone")

        [found] = results.results
        assert "[b]xylophone[/b] and [red]Sam[/red] agreed" in found.snippet
        assert "[b]xylophone[/b] and [red]Sam[/red] agreed" in screen_text(app)
        prompt = results.get_option_at_index(0).prompt
        assert isinstance(prompt, Content)
        spans = [(span.start, span.end, str(span.style)) for span in prompt.spans]
        start = str(prompt).index("xylophone")
        assert (start, start + len("xylophone"), HIGHLIGHT) in spans


async def test_a_later_query_replaces_an_earlier_one(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        await search_for(pilot, screen, "norms")
        norms = screen.found
        assert norms is not None and norms.results

        await pilot.press(*["backspace"] * 5, *"benchmark")
        await settle(pilot)
        found = screen.found
        assert found is not None and found.query == "benchmark"
        words = [r.snippet[a:b].casefold() for r in found.results for a, b in r.highlights]
        assert words and all(word.startswith("benchmark") for word in words)

        # The reply to an earlier request, arriving late, is dropped.
        screen.post_message(SearchFound(screen.asked - 1, norms))
        await settle(pilot)
        assert screen.found is found
        assert screen.query_one(SearchResultList).results == found.results


async def test_a_stale_reply_is_dropped_whatever_its_order(demo_db: Database, pack: Pack) -> None:
    """The counter alone: replies to requests 1 and 2 arrive after request 3 was asked."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        latest = await search_for(pilot, screen, "norms")
        shown = latest.results
        asked = screen.asked
        for number in (asked - 2, asked - 1):
            screen.on_search_found(SearchFound(number, SearchResults("x", ())))
        assert screen.query_one(SearchResultList).results == shown
        screen.on_search_found(SearchFound(asked, SearchResults("x", ())))
        await pilot.pause()
        assert "Nothing found for x." in words_shown(app)


async def test_no_word_and_no_result_are_sentences(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        await search_for(pilot, screen, '"* -')
        assert "Type a word to search for" in screen_text(app)

        await pilot.press("escape")
        await settle(pilot)
        assert screen.query_one(SearchBox).value == ""
        await search_for(pilot, screen, "zzqqy AND")
        text = words_shown(app)
        assert "Nothing found for zzqqy AND." in text
        assert not notifications(app)

        await pilot.press("enter")  # nothing to open: a sentence, never an error
        await settle(pilot)
        assert app.screen is screen
        assert notifications(app) == ["There is no result to open; type words to find."]


async def test_a_pasted_page_is_repeated_cut_short(demo_db: Database, pack: Pack) -> None:
    """Regression: a 10,000-character query was repeated whole in "Nothing found for
    …", filling the screen."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        screen.query_one(SearchBox).value = "zq" * 5000
        await settle(pilot)
        text = words_shown(app)
        assert "Nothing found for " + "zq" * 29 + "z…." in text
        assert not notifications(app)


async def test_enter_opens_a_held_meeting_at_its_minutes(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        results = await search_for(pilot, screen, "norms aloud")
        at = next(i for i, r in enumerate(results.results) if r.kind == "note")
        await pilot.press(*["down"] * at)
        assert screen.focused is screen.query_one(SearchBox)
        chosen = results.selected()
        assert chosen is not None and chosen.kind == "note"

        await pilot.press("enter")
        await settle(pilot)
        minutes = app.screen
        assert isinstance(minutes, MinutesScreen)
        assert minutes.meeting_id == chosen.meeting_id
        # Opened at the note's agenda item: its heading is the first line shown.
        assert minutes.minutes is not None and chosen.item_id is not None
        ids = [item.id for item in minutes.minutes.items]
        number = ids.index(chosen.item_id) + 1
        title = minutes.minutes.items[number - 1].title
        assert minutes.query_one("#minutes-scroll", VerticalScroll).scroll_y > 0
        assert heading_at_top(minutes) == f"{number}. {title}"

        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert screen.query_one(SearchBox).value == "norms aloud"


async def test_enter_opens_a_planned_meeting_at_the_item_found(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        results = await search_for(pilot, screen, "walkthrough data")
        at = next(
            i
            for i, r in enumerate(results.results)
            if r.kind == "item" and r.meeting_title == "December leadership team meeting"
        )
        await pilot.press(*["down"] * at, "enter")
        await settle(pilot)

        plan = app.screen
        assert isinstance(plan, PlanScreen)
        assert plan.query_one(AgendaTable).selected_item_id() == results.results[at].record_id


async def test_a_planned_meeting_opens_at_the_item_of_the_note_found(
    demo_db: Database, pack: Pack
) -> None:
    write_raw(
        db_argument(demo_db.target),
        "INSERT INTO note (meeting_id, agenda_item_id, body, created_at, updated_at)"
        " SELECT meeting_id, MAX(id), 'A xylophone for the data chat', :now, :now"
        " FROM agenda_item WHERE meeting_id ="
        " (SELECT id FROM meeting WHERE title = 'December leadership team meeting')"
        " GROUP BY meeting_id",
        now=FROZEN_NOW,
    )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        results = await search_for(pilot, screen, "xylophone")
        [note] = results.results
        assert note.kind == "note" and note.item_id is not None

        await pilot.press("enter")
        await settle(pilot)

        plan = app.screen
        assert isinstance(plan, PlanScreen)
        agenda = plan.query_one(AgendaTable)
        assert agenda.selected_item_id() == note.item_id
        assert agenda.cursor_row > 0  # the last item, not the first one shown anyway


def scope_line(screen: SearchScreen) -> str:
    return str(screen.query_one("#search-state", Static).visual)


async def test_ctrl_t_searches_one_team_then_the_next_then_every_team(
    demo_db: Database, pack: Pack
) -> None:
    write_raw(
        db_argument(demo_db.target),
        "UPDATE team SET name = '[red]Oak[/red] ' || name"
        " WHERE id = (SELECT MIN(id) FROM team WHERE archived_at IS NULL)",
    )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        assert app.overview is not None
        teams = [team.name for team in app.overview.teams]
        assert len(teams) >= 2 and any(name.startswith("[red]Oak[/red] ") for name in teams)
        assert scope_line(screen) == "Searching every team."
        results = await search_for(pilot, screen, "reading")
        assert {r.team_name for r in results.results} >= set(teams[:2])
        assert "results in every team · newest first" in scope_line(screen)

        for name in teams:
            await pilot.press("ctrl+t")
            await settle(pilot)
            assert results.results and {r.team_name for r in results.results} == {name}
            assert f"results in {name} · newest first" in scope_line(screen)
            assert f"results in {name} · newest first" in words_shown(app)  # literally

        await pilot.press("ctrl+t")
        await settle(pilot)
        assert "results in every team" in scope_line(screen)
        assert {r.team_name for r in results.results} >= set(teams[:2])


async def test_search_starts_on_the_team_chosen_at_home(demo_db: Database, pack: Pack) -> None:
    write_raw(
        db_argument(demo_db.target),
        "UPDATE team SET name = '[b]Oak[/b] team' WHERE id ="
        " (SELECT MAX(id) FROM team WHERE archived_at IS NULL)",
    )
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen) and app.overview is not None
        home.team_id = app.overview.teams[-1].id
        home.reload()
        screen = await open_search(app, pilot)
        assert screen.team is not None and screen.team.name == "[b]Oak[/b] team"
        assert "Searching [b]Oak[/b] team." in words_shown(app)  # literally, not bold

        await pilot.press("ctrl+t")  # the last team: every team comes next
        await settle(pilot)
        assert screen.team is None
        assert scope_line(screen) == "Searching every team."


async def test_ctrl_r_orders_by_best_match(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        await search_for(pilot, screen, "reading")
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.found is not None and screen.found.ranked
        assert "best match first (ctrl+r: newest first)" in screen_text(app)


async def test_escape_clears_then_leaves(demo_db: Database, pack: Pack) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        await search_for(pilot, screen, "norms")
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and not screen.query_one(SearchResultList).display
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)


async def test_the_screen_searches_on_one_connection_closed_when_it_goes(
    demo_db: Database, pack: Pack
) -> None:
    """Every key's search reuses one kept connection (its statements compiled once);
    leaving the screen closes it."""
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        screen = await open_search(app, pilot)
        await search_for(pilot, screen, "rea")
        kept = app.backend._search_reader
        assert kept is not None
        connection = kept._sqlite
        assert connection is not None
        await pilot.press(*"ding")
        await settle(pilot)
        assert screen.query_one(SearchResultList).display
        assert app.backend._search_reader is kept and kept._sqlite is connection
        await pilot.press("escape", "escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.backend._search_reader is None and kept._sqlite is None


async def test_the_palette_opens_search_and_help_lists_its_keys(
    demo_db: Database, pack: Pack
) -> None:
    app = make_app(demo_db.target, pack)
    async with app.run_test(size=SIZE, notifications=True, tooltips=True) as pilot:
        await settle(pilot)
        await pilot.press("d")  # from another screen than home
        await settle(pilot)
        app.action_command_palette()
        await settle(pilot)
        await pilot.press(*"Search: every")
        await settle(pilot)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SearchScreen)

        await pilot.press("f1")
        await settle(pilot)
        text = screen_text(app)
        for action in SEARCH_ACTIONS:
            assert action.name in text
