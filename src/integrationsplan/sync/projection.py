"""The current tables as a projection of the change log, merged field by field (see merge.py)."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from integrationsplan.storage import erasure
from integrationsplan.storage.changes import references
from integrationsplan.storage.connection import Connection
from integrationsplan.storage.records import TABLES, columns
from integrationsplan.sync.merge import Change, merge_row
from integrationsplan.sync.replica import LOG_COLUMNS, parent_links, whole

Rows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> column -> value


def project(conn: Connection) -> Rows:
    """Every row the whole log makes, in the shape of `current`."""
    grouped: dict[tuple[str, str], list[Change]] = defaultdict(list)
    for entry in conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log"):
        change = Change(*entry)
        grouped[(change.tbl, change.row_id)].append(change)
    rows: Rows = {table: {} for table in TABLES}

    def put(table: str, row_id: str, values: dict[str, Any]) -> None:
        rows[table][row_id] = dict.fromkeys(columns(TABLES[table])) | values | {"id": row_id}

    refs = references(conn)
    erased = set(erasure.dependants(conn, refs, erasure.purge_roots(conn)))
    for (table, row_id), changes in grouped.items():
        values = whole(conn, table, merge_row(changes).values)
        if values is not None and (table, row_id) not in erased:
            put(table, row_id, values)
    for parent, parent_refs in refs.items():  # optional references to erased rows are cleared
        for ref in (r for r in parent_refs if r.nullable):
            for row in rows[ref.child_table].values():
                if (parent, row[ref.column]) in erased:
                    row[ref.column] = None
    links = parent_links(conn)
    kept = True
    while kept:  # a row a living row refers to lives (replica.materialise keeps it the same way)
        kept = False
        for table, (column, parent) in ((t, link) for t, table_links in links.items() for link in table_links):
            for row in list(rows[table].values()):
                parent_id = row[column]
                if parent_id is not None and parent_id not in rows[parent] and (parent, parent_id) in grouped:
                    put(parent, parent_id, merge_row(grouped[(parent, parent_id)], keep=True).values or {})
                    kept = True
    return rows


def current(conn: Connection) -> Rows:
    """The tables as they are, in the same shape as `project`."""
    result: Rows = {}
    for table, record in TABLES.items():
        names = columns(record)
        result[table] = {
            row[0]: dict(zip(names, row, strict=True))
            for row in conn.execute(f"SELECT {', '.join(names)} FROM {table}")
        }
    return result


def differences(conn: Connection, limit: int = 20) -> list[str]:
    """Rows where the tables and the replayed log disagree; empty when the log explains every row."""
    replayed, stored = project(conn), current(conn)
    found = []
    for table in TABLES:
        for row_id in sorted(replayed[table].keys() | stored[table].keys()):
            if replayed[table].get(row_id) != stored[table].get(row_id):
                found.append(f"{table} {row_id}")
                if len(found) >= limit:
                    return found
    return found
