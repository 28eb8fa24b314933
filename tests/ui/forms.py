"""Filling the app's forms in Pilot tests."""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot
from textual.widgets import Checkbox, Input, Select, Static, TextArea

from facilitator.ui.modals.form import FormModal
from tests.ui.helpers import settle


def form_of(pilot: Pilot[Any]) -> FormModal[Any]:
    screen = pilot.app.screen
    assert isinstance(screen, FormModal), f"expected a form, got {screen!r}"
    return screen


def fill(form: FormModal[Any], **values: str | bool) -> None:
    """Set fields by id (as the form names them) to `values`."""
    for field_id, value in values.items():
        widget = form.query_one(f"#field-{field_id}")
        if isinstance(widget, Checkbox):
            widget.value = bool(value)
        elif isinstance(widget, Select):
            widget.value = value if value else Select.NULL
        elif isinstance(widget, TextArea):
            widget.text = str(value)
        else:
            assert isinstance(widget, Input)
            widget.value = str(value)


async def submit(pilot: Pilot[Any]) -> None:
    await pilot.press("ctrl+s")
    await settle(pilot)


def errors(form: FormModal[Any]) -> dict[str, str]:
    """The problems the form shows, by field id ("form" for the general line)."""
    shown = {}
    for static in form.query(".form-error"):
        assert isinstance(static, Static)
        if static.has_class("-shown") and static.id:
            shown[static.id.removeprefix("error-")] = str(static.visual)
    return shown
