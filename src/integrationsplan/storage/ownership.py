"""Whose a record is: the person a row belongs to, found by following its references up to a person."""

from __future__ import annotations

from collections import defaultdict

from integrationsplan.storage.connection import Connection
from integrationsplan.storage.erasure import Refs


def person_of(conn: Connection, refs: Refs, table: str, row_id: str) -> str | None:
    """The person the row belongs to (itself for a person); None for a household or an erasure tally.
    `refs`: changes.references of the database (read once, not per row)."""
    parents: dict[str, list[tuple[str, str]]] = defaultdict(list)  # table -> its required (column, parent table)
    for parent, parent_refs in refs.items():
        for ref in parent_refs:
            if not ref.nullable:
                parents[ref.child_table].append((ref.column, parent))
    seen: set[tuple[str, str]] = set()
    while table != "person":
        if (table, row_id) in seen:
            return None
        seen.add((table, row_id))
        for column, parent in parents.get(table, []):
            row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
            if row is not None and row[0] is not None and parent != table:
                table, row_id = parent, row[0]
                break
        else:
            return None
    return row_id
