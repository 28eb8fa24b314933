"""Which database to use: a SQLite file path or a SQLAlchemy URL.

Resolving a plain path must stay cheap (no SQLAlchemy import): it is on the start-up path.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

from facilitator.errors import DatabaseURLError
from facilitator.paths import DB_ENV_VAR, default_db_path

SUPPORTED_BACKENDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class DatabaseTarget:
    """A resolved database location.

    `url` is what SQLAlchemy connects to (it may hold a password); `display` is safe to
    print. `path` is set for SQLite files. `default` is True for the file in the user
    data directory used when nothing else is named: the only place whose folders
    facilitator creates (a mistyped --db must not make a database somewhere new).
    """

    url: str
    display: str
    path: Path | None
    default: bool = False

    @property
    def is_sqlite(self) -> bool:
        return self.path is not None


def sqlite_target(path: Path, *, default: bool = False) -> DatabaseTarget:
    """The target for a SQLite file at `path` (`default`: see DatabaseTarget)."""
    path = path.expanduser().absolute()
    # SQLAlchemy decodes the URL's path, so characters like "?", "#" or "%" are encoded.
    url = f"sqlite:///{quote(str(path))}"
    return DatabaseTarget(url=url, display=str(path), path=path, default=default)


def resolve_target(cli_value: str | None, environ: Mapping[str, str]) -> DatabaseTarget:
    """Choose the database: --db, else FACILITATOR_DB, else the default file.

    Raises DatabaseURLError with a sentence when the value cannot be used.
    """
    value = cli_value if cli_value is not None else environ.get(DB_ENV_VAR)
    source = "--db" if cli_value is not None else DB_ENV_VAR
    if value is None:
        return sqlite_target(default_db_path(), default=True)
    value = value.strip()
    if not value:
        raise DatabaseURLError(f"{source} is empty; give a database file path or a URL.")
    if "://" in value:
        return _url_target(value, source)
    if value == ":memory:":
        raise DatabaseURLError(
            "facilitator needs a database that lasts; give a file path instead of :memory:."
        )
    return sqlite_target(Path(value))


def _url_target(value: str, source: str) -> DatabaseTarget:
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(value)
    except (ArgumentError, ValueError):
        # The parser's own message can quote part of a password, so it is not repeated.
        raise DatabaseURLError(
            f"{source} is not a valid database URL; write it as "
            "postgresql+psycopg://USER:PASSWORD@HOST/DATABASE, percent-encoding any "
            "@, : or / in the password."
        ) from None
    backend = url.get_backend_name()
    if backend not in SUPPORTED_BACKENDS:
        raise DatabaseURLError(
            f"{source} names the '{backend}' backend; facilitator works with "
            "SQLite files and PostgreSQL URLs (postgresql+psycopg://...)."
        )
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise DatabaseURLError(
                f"{source} names an in-memory SQLite database; give a file path so nothing is lost."
            )
        return sqlite_target(Path(url.database))
    if not url.database:
        raise DatabaseURLError(f"{source} does not name a database (…/DATABASE_NAME).")
    return DatabaseTarget(
        url=url.render_as_string(hide_password=False),
        display=url.render_as_string(hide_password=True),
        path=None,
    )
