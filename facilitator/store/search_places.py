"""Where a search result sits inside its meeting: the agenda item it belongs to.

A note, decision, action item, parking-lot entry or time-out may be tied to an agenda
item (its table's `agenda_item_id`); an agenda item is its own place. Meetings,
take-aways and evaluation comments belong to no item. The search returns at most a
page of results, so their items are read in one statement, one branch per kind, after
the search itself: the search's own statement stays the same for every kind.
"""

from __future__ import annotations

from collections.abc import Iterable

from facilitator.store.quick_read import Reader

ITEM_TABLES = {
    "note": "note",
    "decision": "decision",
    "action": "action_item",
    "parking": "parking_lot_item",
    "timeout": "time_out",
}
"""The kinds whose table says which agenda item a record belongs to (`agenda_item_id`)."""
OWN_ITEM = "item"
"""The kind that is an agenda item itself."""


def record_items(reader: Reader, records: Iterable[tuple[str, int]]) -> dict[tuple[str, int], int]:
    """The agenda item id of each (kind, record id) of `records` that has one; records
    without an item (or gone since they were found) are left out."""
    places: dict[tuple[str, int], int] = {}
    wanted: dict[str, list[int]] = {}
    for kind, record_id in records:
        if kind == OWN_ITEM:
            places[(kind, record_id)] = record_id
        elif kind in ITEM_TABLES:
            wanted.setdefault(kind, []).append(record_id)
    if not wanted:
        return places
    branches, params = _branches(wanted)
    for kind, record_id, item_id in reader.rows(" UNION ALL ".join(branches), params):
        if item_id is not None:
            places[(str(kind), int(record_id))] = int(item_id)
    return places


def _branches(wanted: dict[str, list[int]]) -> tuple[list[str], dict[str, object]]:
    """One SELECT per kind over its ids (each a bound parameter), and the parameters."""
    branches: list[str] = []
    params: dict[str, object] = {}
    for kind, ids in wanted.items():
        names = []
        for number, record_id in enumerate(dict.fromkeys(ids)):
            names.append(f":{kind}_{number}")
            params[f"{kind}_{number}"] = record_id
        branches.append(
            f"SELECT '{kind}' AS kind, id, agenda_item_id FROM {ITEM_TABLES[kind]}"
            f" WHERE id IN ({', '.join(names)})"
        )
    return branches, params
