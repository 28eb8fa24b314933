"""Where facilitator keeps its files, following the platform's conventions.

Nothing here touches the disk on import; directories are made, owner-only, when asked.
On Linux the XDG variables (XDG_DATA_HOME, XDG_STATE_HOME, XDG_CONFIG_HOME) move them,
which is also how the tests keep every run inside a temporary directory.
"""

from __future__ import annotations

import os
from pathlib import Path

APP_NAME = "facilitator"
DB_FILENAME = "facilitator.db"
DB_ENV_VAR = "FACILITATOR_DB"


# platformdirs is imported where it is used: `facilitator --db FILE` never needs it, and
# every millisecond before the first paint counts.


def data_dir() -> Path:
    """The per-user data directory that holds the default database."""
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def log_dir() -> Path:
    """The per-user log directory, where crash reports go."""
    import platformdirs

    return Path(platformdirs.user_log_dir(APP_NAME, appauthor=False))


def config_dir() -> Path:
    """The per-user configuration directory (a team's own content lives in `content/` here)."""
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME, appauthor=False))


def user_content_dir() -> Path:
    """Where a school adds its own templates and instruments beside the packaged ones."""
    return config_dir() / "content"


def default_db_path() -> Path:
    """The SQLite file used when neither --db nor FACILITATOR_DB says otherwise."""
    return data_dir() / DB_FILENAME


def ensure_private_dir(path: Path) -> None:
    """Create `path` (and missing parents) readable by the owner only.

    Existing directories are left as they are: they may be shared on purpose.
    Raises OSError when the directory cannot be made.
    """
    missing = []
    for directory in (path, *path.parents):
        if directory.is_dir():
            break
        missing.append(directory)
    for directory in reversed(missing):
        try:
            directory.mkdir(mode=0o700)
        except FileExistsError:
            if not directory.is_dir():
                raise
            continue  # made by another process a moment ago: leave its mode alone
        # mkdir's mode is filtered by the umask; say it again so 0700 holds regardless.
        os.chmod(directory, 0o700)
