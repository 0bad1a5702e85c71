"""The current tables as a projection of the change log: the latest value per field wins."""

from __future__ import annotations

from typing import Any

from integrationsplan.storage.changes import TOMBSTONE_FIELD
from integrationsplan.storage.connection import Connection
from integrationsplan.storage.records import TABLES, columns

Rows = dict[str, dict[str, dict[str, Any]]]  # table -> row id -> column -> value


def project(conn: Connection) -> Rows:
    """Replay the log in (clock, device) order; a tombstone removes the row for good."""
    rows: Rows = {table: {} for table in TABLES}
    deleted: set[tuple[str, str]] = set()
    cursor = conn.execute("SELECT tbl, row_id, field, op, value FROM change_log ORDER BY hlc, device_id")
    for table, row_id, name, op, value in cursor:
        key = (table, row_id)
        if key in deleted:
            continue
        if op == "delete":
            deleted.add(key)
            rows[table].pop(row_id, None)
            continue
        row = rows[table].setdefault(row_id, dict.fromkeys(columns(TABLES[table])) | {"id": row_id})
        if name != TOMBSTONE_FIELD:
            row[name] = value
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
