"""The library: browse and search every tool of the content pack, with its source."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Header, Input, OptionList
from textual.widgets.option_list import Option

from facilitator.errors import FacilitatorError
from facilitator.ui.actions import LIBRARY_ACTIONS, bindings
from facilitator.ui.literal import join, lit
from facilitator.ui.widgets.entry_view import EntryView
from facilitator.ui.widgets.keys_footer import KeysFooter
from facilitator.ui.widgets.panel import PANEL, PanelList

if TYPE_CHECKING:
    from facilitator.pack.library import LibraryEntry
    from facilitator.ui.app import FacilitatorApp

PROBLEM = "problem"


class LibraryLoaded(Message):
    """The pack was loaded and described."""

    def __init__(self, entries: list[LibraryEntry], problems: tuple[str, ...]) -> None:
        super().__init__()
        self.entries = entries
        self.problems = problems


class LibraryFailed(Message):
    """The pack could not be loaded; the sentence says why."""

    def __init__(self, sentence: str) -> None:
        super().__init__()
        self.sentence = sentence


class LibraryScreen(Screen[None]):
    """A searchable list of entries, grouped by kind, beside the chosen entry."""

    CSS_PATH = "library.tcss"
    ACTIONS = LIBRARY_ACTIONS
    BINDINGS = bindings(LIBRARY_ACTIONS)
    AUTO_FOCUS = "#entries"

    app: FacilitatorApp

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[LibraryEntry] = []
        self.problems: tuple[str, ...] = ()
        self.shown: dict[str, LibraryEntry] = {}

    def compose(self) -> ComposeResult:
        yield Header(icon="◆")
        with Horizontal():
            with Vertical(id="side"):
                yield Input(placeholder="Search (/)", id="search", compact=True)
                yield PanelList(id="entries")
            yield EntryView(id="entry", classes=PANEL)
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = "Library"
        self.query_one("#entries").border_title = "Entries"
        self.query_one(EntryView).show_message("Loading…", "")
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        from facilitator.pack.library import library

        try:
            pack = self.app.backend.pack
        except FacilitatorError as error:
            self.post_message(LibraryFailed(error.sentence))
            return
        self.post_message(LibraryLoaded(library(pack), pack.problems))

    def on_library_failed(self, message: LibraryFailed) -> None:
        self.query_one(EntryView).show_message("The library could not be loaded", message.sentence)

    def on_library_loaded(self, message: LibraryLoaded) -> None:
        self.entries = message.entries
        self.problems = message.problems
        self.show_matches(self.query_one("#search", Input).value)

    def show_matches(self, query: str) -> None:
        """List the entries matching `query` and show the first: grouped by kind when
        nothing is typed; best match first under a search (titles, then text)."""
        options = self._browse_options() if not query.strip() else self._search_options(query)
        entries = self.query_one("#entries", OptionList)
        entries.set_options(options)
        entries.border_title = f"Entries · {len(self.shown)}" if query.strip() else "Entries"
        first = next((i for i, option in enumerate(options) if option.id), None)
        entries.highlighted = first
        if first is None:
            self.query_one(EntryView).show_message(
                "Nothing matches", "Try fewer or other words; every word must appear."
            )
        else:
            # Shown here: setting the highlight to the index it already had (the first
            # entry before and after a search) posts no OptionHighlighted, and the
            # entry of the last search stayed on the right.
            self._show_option(options[first].id or "")

    def _browse_options(self) -> list[Option]:
        options: list[Option] = []
        if self.problems:
            options.append(_heading(f"Problems with your files ({len(self.problems)})"))
            options += [
                Option(lit(f"  Skipped file {n}"), id=f"{PROBLEM}:{n}")
                for n in range(1, len(self.problems) + 1)
            ]
        self.shown = {_key(entry): entry for entry in self.entries}
        kind = None
        for entry in self.entries:
            if entry.kind != kind:
                kind = entry.kind
                count = sum(1 for e in self.entries if e.kind == kind)
                options.append(_heading(f"{entry.kind_label} ({count})"))
            options.append(Option(join("  ", lit(entry.title)), id=_key(entry)))
        return options

    def _search_options(self, query: str) -> list[Option]:
        from facilitator.pack.library_search import TITLE_MATCHES, ranked

        found = ranked(self.entries, query)
        self.shown = {_key(entry): entry for _, entry in found}
        in_title = sum(1 for how, _ in found if how in TITLE_MATCHES)
        options: list[Option] = []
        for index, (how, entry) in enumerate(found):
            if index == 0 and how in TITLE_MATCHES:
                options.append(_heading(f"In the title ({in_title})"))
            if index == in_title:
                options.append(_heading(f"In the text ({len(found) - in_title})"))
            prompt = join("  ", lit(entry.title), lit(f" · {entry.kind_label}", "dim"))
            options.append(Option(prompt, id=_key(entry)))
        return options

    @on(Input.Changed, "#search")
    def _search_changed(self, event: Input.Changed) -> None:
        self.show_matches(event.value)

    @on(Input.Submitted, "#search")
    def _search_submitted(self) -> None:
        self.query_one("#entries").focus()

    @on(OptionList.OptionHighlighted, "#entries")
    def _entry_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_option(event.option.id or "")

    def _show_option(self, option_id: str) -> None:
        if option_id.startswith(f"{PROBLEM}:"):
            number = int(option_id.split(":")[1])
            self.query_one(EntryView).show_message(
                "A file of yours was skipped", self.problems[number - 1]
            )
        elif option_id in self.shown:
            self.query_one(EntryView).show(self.shown[option_id])

    @on(OptionList.OptionSelected, "#entries")
    def _entry_selected(self) -> None:
        self.query_one(EntryView).focus()

    def action_search(self) -> None:
        self.query_one("#search", Input).focus()

    def action_back(self) -> None:
        search = self.query_one("#search", Input)
        if search.value:
            search.value = ""
            self.query_one("#entries").focus()
        else:
            self.dismiss()


def _key(entry: LibraryEntry) -> str:
    return f"{entry.kind}:{entry.id}"


def _heading(text: str) -> Option:
    return Option(lit(text, "bold $text-muted"), disabled=True)
