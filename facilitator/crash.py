"""What happens when something unexpected goes wrong.

The user sees one short sentence naming a log file; the details (traceback without
local variables, versions) go to that file in the user log directory, owner-only.
Database URLs in the details have their passwords masked. The screen never shows the
exception's text, which could quote minutes or notes.
"""

from __future__ import annotations

import os
import platform
import re
import sys
import traceback
from datetime import UTC, datetime
from pathlib import Path

from facilitator import __version__
from facilitator.paths import ensure_private_dir, log_dir

_URL_PASSWORD = re.compile(r"(?P<head>[a-z][a-z0-9+.-]*://[^:/@\s]*:)(?P<password>[^@\s]+)(?=@)")


def mask_passwords(text: str) -> str:
    """Replace the password in any URL-looking text with ***."""
    return _URL_PASSWORD.sub(lambda match: match.group("head") + "***", text)


def write_crash_report(error: BaseException) -> Path | None:
    """Write the details of `error` to a new log file; return its path (None if impossible)."""
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    details = "".join(traceback.format_exception(error))
    report = (
        f"facilitator {__version__} crashed at {stamp}\n"
        f"Python {sys.version.split()[0]} on {platform.platform()}\n\n"
        f"{mask_passwords(details)}"
    )
    try:
        directory = log_dir()
        ensure_private_dir(directory)
        path = directory / f"crash-{stamp}-{os.getpid()}.log"
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
        with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
            handle.write(report)
    except OSError:
        return None
    return path


def crash_sentence(error: BaseException, path: Path | None) -> str:
    """The one sentence shown to the user."""
    where = f"the details are in {path}" if path else "the details could not be written down"
    return (
        f"facilitator stopped because of an unexpected error ({type(error).__name__}); "
        f"{where}. Everything saved before this moment is safe."
    )
