"""The reusable yes/no dialog: its default answer, its keys, and literal text."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.containers import VerticalScroll
from textual.widgets import Static

from facilitator.ui.modals.confirm import ConfirmModal
from tests.ui.helpers import SIZE, screen_text


class AskingApp(App[None]):
    """An app that asks one question on start and keeps the answers it gets."""

    def __init__(self, modal: ConfirmModal) -> None:
        super().__init__()
        self.modal = modal
        self.answers: list[bool | None] = []

    def compose(self) -> ComposeResult:
        yield Static("behind")

    def on_mount(self) -> None:
        self.push_screen(self.modal, self.answers.append)


@pytest.mark.parametrize(
    ("default", "keys", "answer"),
    [
        (False, ("enter",), False),
        (False, ("escape",), False),
        (False, ("n",), False),
        (False, ("y",), True),
        (False, ("tab", "enter"), True),
        (True, ("enter",), True),
        (True, ("escape",), False),
        (True, ("n",), False),
    ],
)
async def test_keys_answer_the_question(default: bool, keys: tuple[str, ...], answer: bool) -> None:
    app = AskingApp(ConfirmModal("Go on?", yes="Go", no="Stay", default=default))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ConfirmModal)
        await pilot.press(*keys)
        await pilot.pause()
        assert app.answers == [answer]
        assert not isinstance(app.screen, ConfirmModal)


async def test_the_safe_answer_is_the_default_and_the_labels_say_their_keys() -> None:
    app = AskingApp(ConfirmModal("Start it today anyway?", title="Start?", yes="Start today"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Start?" in text
        assert "Start it today anyway?" in text
        assert "Start today (y)" in text
        assert "Cancel (enter, esc)" in text
        assert app.screen.focused is not None and app.screen.focused.id == "confirm-no"


async def test_question_title_and_labels_are_shown_literally() -> None:
    app = AskingApp(ConfirmModal("Delete [b]x[/b]?", title="[red]T[/]", yes="[i]Y[/i]", no="N"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        text = screen_text(app)
        assert "Delete [b]x[/b]?" in text
        assert "[red]T[/]" in text
        assert "[i]Y[/i] (y)" in text


async def test_a_long_question_scrolls_from_the_keyboard() -> None:
    """It opens at the question's top, and the arrow and page keys scroll it while a
    button keeps the focus."""
    question = "\n".join(f"Line {number}" for number in range(1, 60))
    app = AskingApp(ConfirmModal(question))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        box = app.screen.query_one(VerticalScroll)
        assert box.max_scroll_y > 0
        assert box.scroll_y == 0
        await pilot.press("pagedown", "down")
        await pilot.pause()
        below = box.scroll_y
        assert below > 1
        await pilot.press("up")
        await pilot.pause()
        assert box.scroll_y == below - 1
        assert app.answers == []
