"""Export a meeting's minutes to a file, in any of the formats `facilitator export` knows."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from facilitator.errors import DatabaseLocationError, InvalidInput
from facilitator.services.minutes_export import MINUTES_FORMATS
from facilitator.ui.modals.export import slug
from facilitator.ui.modals.form import Field, FormModal, Values

if TYPE_CHECKING:
    from facilitator.ui.backend import Backend


def minutes_export_modal(meeting_id: int, title: str, backend: Backend) -> FormModal[Path]:
    """A form asking the format and the file; its result is the file written."""
    folder = Path.home()
    stem = f"{slug(title)}-minutes"

    def save(values: Values) -> Path:
        from facilitator.services.minutes_export import export_minutes, suffix_of

        fmt = str(values["format"]) or "md"
        typed = str(values["path"]).strip()
        target = Path(typed).expanduser() if typed else folder / stem
        if target.suffix.lower() != suffix_of(fmt):
            target = target.with_name(target.name.removesuffix(target.suffix) + suffix_of(fmt))
        if target.exists() and not values["overwrite"]:
            raise InvalidInput({"path": f"{target} exists; tick overwrite or choose another name."})
        data = export_minutes(
            backend.db,
            meeting_id=meeting_id,
            fmt=fmt,
            pack=backend.pack,
            tz=backend.tz,
            now=backend.now(),
        )
        try:
            target.write_bytes(data)
        except OSError as error:
            raise DatabaseLocationError(f"Could not write {target}: {error.strerror}.") from None
        return target

    fields = [
        Field(
            "format",
            "Format",
            "md",
            kind="select",
            options=tuple((f.label, f.name) for f in MINUTES_FORMATS),
        ),
        Field(
            "path",
            "File",
            str(folder / stem),
            help="The ending follows the format. The .eml opens as a draft in your mail "
            "program; the .ics adds the next meeting and due dates to a calendar.",
        ),
        Field("overwrite", "Overwrite the file if it exists", False, kind="check"),
    ]
    return FormModal("Export the minutes", fields, save, save_label="Export")
