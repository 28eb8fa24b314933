"""Where the content pack is on this installation."""

from __future__ import annotations

from pathlib import Path

from facilitator.errors import ContentError
from facilitator.pack.loader import Pack, load_pack
from facilitator.paths import user_content_dir


def packaged_content_dir() -> Path:
    """The pack shipped with facilitator.

    A wheel carries it inside the package (facilitator/content); a source checkout or an
    editable install keeps it at the top of the repository (content/).
    """
    package = Path(__file__).resolve().parent.parent
    for candidate in (package / "content", package.parent / "content"):
        if (candidate / "sources.toml").is_file():
            return candidate
    raise ContentError(
        "facilitator's content pack is missing from this installation; reinstall facilitator."
    )


def content_roots() -> list[Path]:
    """The packaged pack, then the user's own additions if that directory exists."""
    roots = [packaged_content_dir()]
    user = user_content_dir()
    if user.is_dir():
        roots.append(user)
    return roots


def load_default_pack() -> Pack:
    """Load the packaged pack together with the user's additions."""
    return load_pack(content_roots())
