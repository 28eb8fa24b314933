"""What Alembic's autogenerate compares: everything but the search index."""

from __future__ import annotations

from facilitator.store.search import is_search_index


def include_object(
    _object: object, name: str | None, _type: str, _reflected: bool, _compare_to: object
) -> bool:
    """Leave the search index out: migration 0011 made it and the models do not describe
    it (SQLite's FTS5 tables with their shadow tables, PostgreSQL's GIN expression
    indexes), so a comparison would otherwise ask to drop it."""
    return not is_search_index(name)
