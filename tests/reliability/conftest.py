"""Fixtures for the fast parts of the reliability suite (see reliability/README.md)."""

from __future__ import annotations

import pytest

from facilitator.pack.loader import Pack


@pytest.fixture(autouse=True)
def pack_loaded_once(pack: Pack, monkeypatch: pytest.MonkeyPatch) -> None:
    """The commands run in-process load the content pack on each call; hand them the
    session's (loading it is not what these tests are about, and it costs 0.1-0.5 s)."""
    monkeypatch.setattr("facilitator.pack.locate.load_default_pack", lambda: pack)
