"""The schema revisions this version of facilitator knows, read without importing Alembic.

Revision files are named `NNNN_slug.py` with revision id `NNNN`, in a single line of
history; a test holds Alembic's own view of the scripts to the same list. Knowing the
head cheaply lets a start-up on an up-to-date database skip Alembic altogether.
"""

from __future__ import annotations

import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).parent / "migrations"
_REVISION_FILE = re.compile(r"^(\d{4})_\w+\.py$")


def known_revisions(script_location: Path | None = None) -> list[str]:
    """Revision ids from oldest to newest."""
    versions = (script_location or MIGRATIONS_DIR) / "versions"
    found = (_REVISION_FILE.match(entry.name) for entry in versions.iterdir())
    return sorted(match.group(1) for match in found if match)


def head_revision(script_location: Path | None = None) -> str:
    """The newest revision: the schema the tables in this version describe."""
    return known_revisions(script_location)[-1]
