"""Bringing the tables in line with the change log for the rows a batch of remote changes touched."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime
from typing import Any, NamedTuple

from integrationsplan.storage import erasure
from integrationsplan.storage.changes import Changes, references
from integrationsplan.storage.connection import Connection, in_lists
from integrationsplan.storage.records import TABLES, columns
from integrationsplan.sync.merge import Change, Conflict, merge_row

LOG_COLUMNS = "device_id, device_seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen"
Key = tuple[str, str]  # (table, row id)


def parent_links(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    """For each synced table, its (column, parent table) references, read from the schema."""
    links: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for child in TABLES:
        for fk in conn.execute(f"PRAGMA foreign_key_list({child})"):
            links[child].append((fk[3], fk[2]))
    return dict(links)


def log_of(conn: Connection, table: str, row_id: str) -> list[Change]:
    """The changes of one row, in no particular order (merge_row orders them)."""
    return logs_of(conn, [(table, row_id)]).get((table, row_id), [])


def logs_of(conn: Connection, keys: Iterable[Key]) -> dict[Key, list[Change]]:
    """`log_of` for many rows: a query per table and few hundred rows."""
    found: dict[Key, list[Change]] = defaultdict(list)
    for table, ids in erasure.by_table(keys).items():
        for part, marks in in_lists(ids):
            query = f"SELECT {LOG_COLUMNS} FROM change_log WHERE tbl = ? AND row_id IN ({marks})"
            for entry in conn.execute(query, (table, *part)):
                found[table, entry[4]].append(Change(*entry))
    return found


def _present(conn: Connection, keys: Iterable[Key]) -> set[Key]:
    """The rows among `keys` that their tables hold."""
    return {(table, row_id) for table, ids in erasure.by_table(keys).items() for part, marks in in_lists(ids)
            for (row_id,) in conn.execute(f"SELECT id FROM {table} WHERE id IN ({marks})", part)}  # fmt: skip


class Materialised(NamedTuple):
    changes: Changes
    conflicts: list[Conflict]
    erased: set[Key]  # rows a purge removed (their deletes are in `changes` too)


def materialise(conn: Connection, keys: Iterable[Key]) -> Materialised:
    """Write each row as the merged log says (inserted, updated or deleted); erase what a purge reached; then
    keep every row a living row refers to. Runs inside the caller's transaction, with foreign keys deferred to
    its end."""
    changes = Changes()
    conflicts: list[Conflict] = []
    keys = list(keys)
    refs = references(conn)
    # what a purge reached among the rows (one arrived now, or a change of a row erased before), and below them
    erased = erasure.dependants(conn, refs, erasure.reached(conn, refs, keys))
    out = set(erased)
    gone = {key for key in erased if _exists(conn, *key)}
    wanted = list(dict.fromkeys(key for key in keys if key not in out))
    logs, present = logs_of(conn, wanted), _present(conn, wanted)
    stored: dict[tuple[str, bool], list[tuple[str, dict[str, Any]]]] = defaultdict(list)  # (table, exists): rows
    for table, row_id in wanted:
        merged = merge_row(logs.get((table, row_id), []))
        conflicts += merged.conflicts
        values, exists = whole(conn, table, merged.values), (table, row_id) in present
        if values is None:
            _write(conn, table, row_id, None, changes, exists)
        else:  # one statement per table for the rows that stay (no row is both: they are distinct)
            stored[table, exists].append((row_id, values))
    for (table, exists), rows in stored.items():
        _store(conn, table, rows, exists, changes)
    for table, row_id in erased:  # dependants first
        _write(conn, table, row_id, None, changes)
    for table, row_id in gone:
        changes.erased[table].add(row_id)
    erasure.empty_history(conn, refs, erased)
    for table, ids in erasure.clear_references(conn, refs, erased).items():
        changes.updated[table].update(ids)
    written = [(t, i) for part in (changes.inserted, changes.updated) for t, ids in part.items() for i in ids]
    missing = _missing_parents(conn, refs, written, [(t, i) for t, ids in changes.deleted.items() for i in ids])
    while missing:  # a kept parent may itself have a deleted parent: until nothing refers to a missing row
        purged = erasure.reached(conn, refs, missing)  # erased before: an optional reference to it is cleared
        for table, ids in erasure.clear_references(conn, refs, purged).items():
            changes.updated[table].update(ids)
        kept = sorted(missing - purged)
        for table, row_id in kept:
            merged = merge_row(log_of(conn, table, row_id), keep=True)
            if merged.values is None:
                raise ValueError(f"{table} {row_id} is referred to but has no change in the log")
            conflicts += merged.conflicts
            _write(conn, table, row_id, merged.values, changes)
        missing = _missing_parents(conn, refs, kept, [])
    prune(conn, _released(changes), changes, refs)
    return Materialised(changes, conflicts, gone)


def prune(conn: Connection, keys: Iterable[Key], changes: Changes, refs: erasure.Refs) -> None:
    """Remove the rows among `keys` that lived only because a living row referred to them (their delete won
    otherwise) and that nothing refers to any more; then their parents, the same way. For after a delete."""
    todo = list(keys)
    while todo:
        table, row_id = todo.pop()
        if not _exists(conn, table, row_id) or merge_row(log_of(conn, table, row_id)).values is not None:
            continue
        if any(conn.execute(f"SELECT 1 FROM {r.child_table} WHERE {r.column} = ? LIMIT 1", (row_id,)).fetchone()
               for r in refs.get(table, ())):  # fmt: skip
            continue
        todo += _parents_of(conn, table, row_id)
        conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        changes.updated[table].discard(row_id)
        changes.deleted[table].add(row_id)


def _parents_of(conn: Connection, table: str, row_id: str) -> list[Key]:
    found = []
    for column, parent in _links(conn).get(table, []):
        row = conn.execute(f"SELECT {column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
        if row is not None and row[0] is not None:
            found.append((parent, row[0]))
    return found


def _released(changes: Changes) -> list[Key]:
    return [key for table, ids in changes.released.items() for key in ((table, i) for i in ids)]


def _links(conn: Connection) -> dict[str, list[tuple[str, str]]]:
    if not _LINKS:  # the schema is the same in every database this program opens
        _LINKS.update(parent_links(conn))
    return _LINKS


_LINKS: dict[str, list[tuple[str, str]]] = {}


def whole(conn: Connection, table: str, values: dict[str, Any] | None) -> dict[str, Any] | None:
    """`values`, unless a required column is empty: the row's history was emptied by a purge on another device,
    and the purge itself has not arrived yet (it comes with a later bundle). Such a row is not written."""
    if values is None or any(values.get(name) is None for name in _required(conn, table)):
        return None
    return values


def _required(conn: Connection, table: str) -> list[str]:
    if table not in _REQUIRED:  # the schema of a table is the same in every database this program opens
        _REQUIRED[table] = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[3] and row[1] != "id"]
    return _REQUIRED[table]


_REQUIRED: dict[str, list[str]] = {}


def _exists(conn: Connection, table: str, row_id: str) -> bool:
    return conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None


def _missing_parents(conn: Connection, refs: erasure.Refs, written: Iterable[Key], deleted: Iterable[Key]) -> set[Key]:
    """Rows that are not in their table but that a row refers to: a parent of a row `written`, or a row `deleted`
    that a row still refers to. Looks at those rows only: a batch costs what it holds, not what the file holds."""
    missing: set[Key] = set()
    for table, ids in erasure.by_table(written).items():
        for column, parent in _links(conn).get(table, []):
            for part, marks in in_lists(ids):
                missing.update((parent, row_id) for (row_id,) in conn.execute(
                    f"SELECT DISTINCT {column} FROM {table} WHERE id IN ({marks}) AND {column} IS NOT NULL"
                    f" AND {column} NOT IN (SELECT id FROM {parent})", part))  # fmt: skip
    for table, ids in erasure.by_table(deleted).items():
        for ref in refs.get(table, ()):
            for part, marks in in_lists(ids):
                missing.update((table, row_id) for (row_id,) in conn.execute(
                    f"SELECT DISTINCT {ref.column} FROM {ref.child_table} WHERE {ref.column} IN ({marks})"
                    f" AND {ref.column} NOT IN (SELECT id FROM {table})", part))  # fmt: skip
    return missing


def _write(conn: Connection, table: str, row_id: str, values: dict[str, object] | None, changes: Changes,
           exists: bool | None = None) -> None:  # fmt: skip
    """Insert, update or delete the row; `exists`: whether the table holds it (None: look)."""
    exists = _exists(conn, table, row_id) if exists is None else exists
    if values is None:
        if exists:
            for parent, parent_id in _parents_of(conn, table, row_id):
                changes.released[parent].add(parent_id)
            conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
            changes.deleted[table].add(row_id)
        return
    _store(conn, table, [(row_id, values)], exists, changes)


def _store(conn: Connection, table: str, rows: list[tuple[str, dict[str, Any]]], exists: bool,
           changes: Changes) -> None:  # fmt: skip
    """Update (`exists`) or insert rows of one table, given as (id, values), in one statement."""
    names = [n for n in columns(TABLES[table]) if n != "id"]
    if exists:
        conn.executemany(f"UPDATE {table} SET {', '.join(f'{n} = ?' for n in names)} WHERE id = ?",
                         [[*(values.get(n) for n in names), row_id] for row_id, values in rows])  # fmt: skip
        changes.updated[table].update(row_id for row_id, _values in rows)
        return
    conn.executemany(f"INSERT INTO {table} (id, {', '.join(names)}) VALUES (?{', ?' * len(names)})",
                     [[row_id, *(values.get(n) for n in names)] for row_id, values in rows])  # fmt: skip
    for row_id, _values in rows:
        if row_id in changes.deleted[table]:  # deleted a moment ago, kept for a living row: it stays, changed
            changes.deleted[table].discard(row_id)
            changes.updated[table].add(row_id)
        else:
            changes.inserted[table].add(row_id)


def note_conflicts(conn: Connection, touched: list[tuple[str, str]], conflicts: list[Conflict]) -> None:
    """Keep the review list (sync_conflict) in line with the rows just merged."""
    conn.executemany("DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ?", touched)
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    conn.executemany("INSERT OR IGNORE INTO sync_conflict VALUES (?, ?, ?)",
                     sorted({(c.tbl, c.row_id, stamp) for c in conflicts}))  # fmt: skip
