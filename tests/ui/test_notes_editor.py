"""The notes editor draws what it holds after every kind of edit, although a key typed
within a line repaints only that line (see `NotesEditor.edit`)."""

from __future__ import annotations

from typing import Any

from textual.app import App, ComposeResult

from facilitator.ui.widgets.notes_editor import NotesEditor

LONG = "word " * 30


class NotesApp(App[None]):
    def __init__(self) -> None:
        super().__init__()
        self.saved: list[str] = []

    def compose(self) -> ComposeResult:
        yield NotesEditor(lambda item, text, version: self.saved.append(text), id="notes")

    def on_mount(self) -> None:
        editor = self.query_one(NotesEditor)
        editor.show_item(1, "first line\n" + LONG + "\nlast", (0, 0))
        editor.focus()


def shown(app: App[Any]) -> list[str]:
    """The editor's rows as drawn (border and padding stripped)."""
    editor = app.query_one(NotesEditor)
    rows = [strip.text for strip in app.screen._compositor.render_strips()]
    region = editor.content_region
    return [row[region.x : region.right].rstrip() for row in rows[region.y : region.bottom]]


def expected(editor: NotesEditor) -> list[str]:
    lines = [section for line in editor.wrapped_document.lines for section in line]
    top = editor.scroll_offset.y
    return [line.rstrip() for line in lines[top : top + editor.content_region.height]]


async def check_after(pilot: Any, *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()
    editor = pilot.app.query_one(NotesEditor)
    wrapped = editor.wrapped_document
    assert wrapped.height == sum(
        len(wrapped.get_offsets(i)) + 1 for i in range(len(wrapped.document.lines))
    )
    assert shown(pilot.app)[: len(expected(editor))] == expected(editor)


async def test_every_edit_is_drawn() -> None:
    app = NotesApp()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        await check_after(pilot, *"typed ")  # within the first line
        await check_after(pilot, "down", "end", *"more words to wrap the line further")
        await check_after(pilot, "enter", *"new")  # a new line: everything below moves
        await check_after(pilot, "home", "backspace")  # joins two lines
        await check_after(pilot, "ctrl+z")  # undo
        await check_after(pilot, "up", "up", "up", "end", "delete")  # joins from the end
        await check_after(pilot, *"x" * 45)  # wraps onto a new row
        await check_after(pilot, *["backspace"] * 45)  # and back
