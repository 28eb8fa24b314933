"""Shows one library entry: title, where it comes from, and its body."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from facilitator.pack.library import Block, Bullets, Heading, LibraryEntry, Pairs, Paragraph
from facilitator.ui.literal import join, lit


class EntryView(VerticalScroll):
    """A scrolling view of one entry; pack text (a school's own files too) is shown literally."""

    DEFAULT_CSS = """
    EntryView {
        padding: 0 1;
        #entry-title { text-style: bold; color: $accent; }
        #entry-meta { color: $text-muted; margin-bottom: 1; }
    }
    """

    entry: LibraryEntry | None = None
    """The entry shown (None while a message is)."""

    def compose(self) -> ComposeResult:
        yield Static(id="entry-title")
        yield Static(id="entry-meta")
        yield Static(id="entry-body")

    def show(self, entry: LibraryEntry) -> None:
        """Show `entry` from its top (already shown: left as it is)."""
        if entry is self.entry:
            return
        self.entry = entry
        self.query_one("#entry-title", Static).update(lit(entry.title))
        meta: list[Content | str | tuple[str, str]] = [
            lit(entry.kind_label),
            "\n",
            ("Source: ", "bold"),
            lit(entry.source),
        ]
        if entry.origin and not entry.origin.startswith("content/"):
            meta += ["\n", ("From your file: ", "bold"), lit(entry.origin)]
        self.query_one("#entry-meta", Static).update(join(*meta))
        self.query_one("#entry-body", Static).update(render_blocks(entry.blocks))
        self.scroll_home(animate=False)

    def show_message(self, title: str, text: str) -> None:
        """Show a plain message (no entry chosen, nothing found, a problem)."""
        self.entry = None
        self.query_one("#entry-title", Static).update(lit(title))
        self.query_one("#entry-meta", Static).update("")
        self.query_one("#entry-body", Static).update(lit(text))


def render_blocks(blocks: tuple[Block, ...]) -> Content:
    """The body as literal text: headings bold, lists with bullets or numbers."""
    parts: list[Content] = []
    for block in blocks:
        if isinstance(block, Heading):
            parts.append(lit(block.text, "bold underline"))
        elif isinstance(block, Paragraph):
            parts.append(lit(block.text))
        elif isinstance(block, Bullets):
            marks = (f"{n}." if block.numbered else "•" for n in range(1, len(block.items) + 1))
            parts.append(
                Content("\n").join(
                    join(f"  {m} ", lit(t)) for m, t in zip(marks, block.items, strict=True)
                )
            )
        elif isinstance(block, Pairs):
            parts.append(
                Content("\n").join(
                    join(lit(name, "bold"), "\n    " if text else "", lit(text))
                    for name, text in block.rows
                )
            )
    return Content("\n\n").join(parts)
