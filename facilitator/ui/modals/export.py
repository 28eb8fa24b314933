"""Export a meeting's agenda to a file to hand out (Markdown or plain text)."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.errors import DatabaseLocationError, InvalidInput
from facilitator.ui.modals.form import Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.ui.backend import Backend

FORMATS = (("Markdown (.md)", "md"), ("Plain text for e-mail (.txt)", "txt"))


def export_modal(meeting_id: int, title: str, backend: Backend) -> FormModal[Path]:
    """A form asking where to write the agenda; its result is the file written."""
    suggested = Path.home() / f"{slug(title)}-agenda.md"

    def save(values: Values) -> Path:
        from facilitator.services.agenda_io import export_agenda

        fmt = str(values["format"]) or "md"
        target = Path(str(values["path"]).strip()).expanduser()
        if not str(values["path"]).strip():
            raise InvalidInput({"path": "Give the file to write."})
        if target.suffix.lower() not in (".md", ".txt", ".markdown", ".text"):
            target = target.with_suffix(f".{fmt}")
        if target.exists() and not values["overwrite"]:
            raise InvalidInput({"path": f"{target} exists; tick overwrite or choose another name."})
        text = export_agenda(
            backend.db, meeting_id=meeting_id, fmt=fmt, pack=backend.pack, tz=backend.tz
        )
        try:
            target.write_text(text, encoding="utf-8")
        except OSError as error:
            raise DatabaseLocationError(f"Could not write {target}: {error.strerror}.") from None
        return target

    fields = [
        Field("format", "Format", "md", kind="select", options=FORMATS),
        Field(
            "path",
            "File",
            str(suggested),
            help="The ending follows the format unless you give .md or .txt.",
        ),
        Field("overwrite", "Overwrite the file if it exists", False, kind="check"),
    ]
    return FormModal("Export the agenda", fields, save, save_label="Export")


def slug(text: str) -> str:
    words = "".join(c.lower() if c.isalnum() else " " for c in text).split()
    return "-".join(words)[:60] or "meeting"
