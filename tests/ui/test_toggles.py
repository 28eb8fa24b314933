"""Checkboxes and radio buttons say whether they are on in their characters, not by
colour alone (regression, found in tmux from a fresh clone: Textual draws the X of a
checkbox and the dot of a radio button whether on or off, so on a screen without
colour every box of the evaluation set-up looked ticked and every rating chosen)."""

from __future__ import annotations

from textual.app import App, ComposeResult

from facilitator.ui.widgets.form_checkbox import FormCheckbox, MarkedRadioButton


def drawn(app: App[None], name: str) -> str:
    toggle = app.query_one(f"#{name}")
    assert isinstance(toggle, FormCheckbox | MarkedRadioButton)
    return toggle._button.plain


class Toggles(App[None]):
    def compose(self) -> ComposeResult:
        yield FormCheckbox("Plus/delta", True, id="on")
        yield FormCheckbox("Norms Inventory", False, id="off")
        yield MarkedRadioButton("4", value=False, id="radio")


async def test_a_toggle_shows_its_mark_only_when_on() -> None:
    app = Toggles()
    async with app.run_test(notifications=True, tooltips=True) as pilot:
        assert (drawn(app, "on"), drawn(app, "off"), drawn(app, "radio")) == (
            "▐X▌",
            "▐ ▌",
            "▐ ▌",
        )
        radio = app.query_one("#radio", MarkedRadioButton)
        radio.value = True
        await pilot.pause()
        assert drawn(app, "radio") == f"▐{radio.BUTTON_INNER}▌"
        app.query_one("#on", FormCheckbox).value = False
        await pilot.pause()
        assert drawn(app, "on") == "▐ ▌"


async def test_a_selection_list_shows_its_x_only_where_ticked() -> None:
    """The same defect in selection lists (carry forward, the expected list, the team
    form's norms): every box looked ticked without colour."""
    from textual.widgets.selection_list import Selection

    from facilitator.ui.widgets.form_checkbox import MarkedSelectionList

    class Listing(App[None]):
        def compose(self) -> ComposeResult:
            yield MarkedSelectionList(
                Selection("Ticked", "a", True), Selection("Not ticked", "b", False)
            )

    app = Listing()
    async with app.run_test(notifications=True, tooltips=True) as pilot:
        listing = app.query_one(MarkedSelectionList)
        lines = [listing.render_line(y).text for y in range(2)]
        assert lines[0].startswith("▐X▌ Ticked") and lines[1].startswith("▐ ▌ Not ticked")
        listing.select("b")
        await pilot.pause()
        assert listing.render_line(1).text.startswith("▐X▌ Not ticked")
