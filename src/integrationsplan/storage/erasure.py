"""Erasure: a purge removes a row and every row that depends on it on every device, and empties the values of
their history. Only ids stay: the rows' own ids and the references between them (random ids, no content), so
that every device finds the same dependants, even of rows it learns about after the purge.

A row depends on another when any change ever gave one of its required references (NOT NULL foreign keys) the
other's id; optional references to an erased row are cleared.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Protocol

from integrationsplan.storage.connection import Connection, in_lists
from integrationsplan.sync import versions

Key = tuple[str, str]  # (table, row id)


class Ref(Protocol):
    @property
    def child_table(self) -> str: ...
    @property
    def column(self) -> str: ...
    @property
    def nullable(self) -> bool: ...


Refs = Mapping[str, Sequence[Ref]]  # parent table -> the references pointing at it (changes.references)


def purge_roots(conn: Connection) -> set[Key]:
    return {(t, r) for t, r in conn.execute("SELECT tbl, row_id FROM change_log WHERE op = 'purge'")}


def by_table(keys: Iterable[Key]) -> dict[str, list[str]]:
    """The row ids of `keys` per table, in the order given."""
    ids: dict[str, list[str]] = defaultdict(list)
    for table, row_id in keys:
        ids[table].append(row_id)
    return ids


# The terms of the partial index change_log_reference (migration 0011): a query names them to use it.
REFERENCE = "op = 'set' AND field GLOB '*_id'"


def _required(refs: Refs) -> dict[tuple[str, str], str]:
    """(child table, column) -> parent table, for the references a row cannot be without."""
    return {(r.child_table, r.column): parent for parent, rs in refs.items() for r in rs if not r.nullable}


def dependants(conn: Connection, refs: Refs, roots: Iterable[Key]) -> list[Key]:
    """`roots` and every row depending on them, dependants before the rows they depend on. Walks down the index of
    references, level by level: the cost is that of the rows found, not of the log."""
    required = _required(refs)
    children: dict[Key, set[Key]] = defaultdict(set)
    level = set(roots)
    walked = set(level)
    while level:
        for part, marks in in_lists(sorted({row_id for _table, row_id in level})):
            query = f"SELECT DISTINCT tbl, row_id, field, value FROM change_log WHERE {REFERENCE} AND value IN "
            for table, row_id, column, value in conn.execute(f"{query}({marks})", part):
                parent = required.get((table, column))
                if parent is not None and (parent, value) in level:
                    children[(parent, value)].add((table, row_id))
        level = {child for key in level for child in children.get(key, ())} - walked
        walked |= level
    order: list[Key] = []
    found: set[Key] = set()

    def visit(key: Key) -> None:
        if key in found:
            return
        found.add(key)
        for child in sorted(children.get(key, ())):
            visit(child)
        order.append(key)

    for root in sorted(set(roots)):
        visit(root)
    return order


def reached(conn: Connection, refs: Refs, keys: Iterable[Key]) -> set[Key]:
    """Those of `keys` that a purge erased: purged themselves, or depending on a purged row (`dependants`), found by
    walking up from `keys` and looking up purges of the rows walked only. What an import costs follows what it
    brings, not how much was ever erased."""
    keys = list(keys)
    if not keys or conn.execute("SELECT 1 FROM change_log WHERE op = 'purge' LIMIT 1").fetchone() is None:
        return set()
    required = _required(refs)
    parents: dict[Key, set[Key]] = {}
    level = set(keys)
    while level:
        parents.update({key: set() for key in level})
        for table, ids in by_table(sorted(level)).items():
            for part, marks in in_lists(ids):
                query = f"SELECT row_id, field, value FROM change_log WHERE {REFERENCE} AND tbl = ? AND row_id IN "
                for row_id, column, value in conn.execute(f"{query}({marks})", (table, *part)):
                    parent = required.get((table, column))
                    if parent is not None:
                        parents[table, row_id].add((parent, value))
        level = {parent for key in level for parent in parents[key]} - parents.keys()
    roots = set()  # the purged among the rows walked, through the index of purges
    for table, ids in by_table(sorted(parents)).items():
        for part, marks in in_lists(ids):
            query = f"SELECT row_id FROM change_log WHERE op = 'purge' AND tbl = ? AND row_id IN ({marks})"
            roots |= {(table, row_id) for (row_id,) in conn.execute(query, (table, *part))}
    erased: dict[Key, bool] = {}

    def hit(key: Key) -> bool:
        if key not in erased:
            erased[key] = key in roots  # required references form no cycle; a malformed log must still not loop
            erased[key] = key in roots or any(hit(parent) for parent in parents.get(key, ()))
        return erased[key]

    return {key for key in keys if hit(key)}


def kept_fields(refs: Refs, table: str) -> list[str]:
    """What a purge keeps of a row's history: its id and its references (ids, no content)."""
    return sorted({"id"} | {r.column for rs in refs.values() for r in rs if r.child_table == table})


def empty_history(conn: Connection, refs: Refs, keys: Iterable[Key]) -> None:
    """Empty every value the change log (and changes held back) keep of these rows, except ids."""
    for table, row_id in keys:
        kept = kept_fields(refs, table)
        marks = ", ".join("?" * len(kept))
        for log in ("change_log", "sync_held"):
            conn.execute(
                f"UPDATE {log} SET value = NULL WHERE tbl = ? AND row_id = ? AND value IS NOT NULL"
                f" AND field NOT IN ({marks})",
                (table, row_id, *kept),
            )


def clear_references(conn: Connection, refs: Refs, erased: Iterable[Key]) -> dict[str, set[str]]:
    """Set optional references to erased rows to NULL in the tables; returns the rows changed per table."""
    changed: dict[str, set[str]] = defaultdict(set)
    for parent, ids in by_table(set(erased)).items():
        for ref in refs.get(parent, ()):
            if not ref.nullable:
                continue
            for part, marks in in_lists(sorted(ids)):
                query = f"SELECT id FROM {ref.child_table} WHERE {ref.column} IN ({marks})"
                for (child,) in conn.execute(query, part).fetchall():
                    conn.execute(f"UPDATE {ref.child_table} SET {ref.column} = NULL WHERE id = ?", (child,))
                    changed[ref.child_table].add(child)
    return changed


def forget_before_mark(conn: Connection, table: str, mark: str, fields: Sequence[str],
                       rows: Collection[str] | None = None) -> int:  # fmt: skip
    """Erase some fields of a row rather than the row. An erasure writes the row's `mark` (a synced date field
    saying when they were erased) and then an empty value of each of `fields`, in one transaction
    (retention.erase_special). Afterwards a value of such a field stays in the history only if the change that
    wrote it had seen that empty value of the field (versions.py: it was written after the erasure had reached its
    device): every value before, and every value written elsewhere without knowing of the erasure, is emptied,
    however the devices' clocks stand. Every device applies this to what it holds, to changes held back too; a
    mark written without its empty values (chosen in a conflict review) empties what is older than it.
    `rows`: only these rows (those a write or an import touched; None: every row). Returns the values emptied."""
    erasures: dict[str, list[tuple[str, int, int]]] = defaultdict(list)
    query = ("SELECT row_id, device_id, device_seq, hlc FROM change_log WHERE tbl = ? AND field = ? AND op = 'set'"
             " AND value IS NOT NULL")  # fmt: skip
    parts: Iterable[tuple[list[str], str]] = in_lists(sorted(rows)) if rows is not None else [([], "")]
    for part, places in parts:
        extra = f" AND row_id IN ({places})" if rows is not None else ""
        for row_id, device, seq, hlc in conn.execute(query + extra, (table, mark, *part)):
            erasures[row_id].append((device, seq, hlc))
    emptied = 0
    for row_id, marks in erasures.items():
        for name in fields:
            found: list[versions.Version] = []
            valued: dict[versions.Key, tuple[str, int]] = {}  # versions with a value: their log and clock
            for log in ("change_log", "sync_held"):
                for device, seq, hlc, seen, seen_hlc, value in conn.execute(
                    f"SELECT device_id, device_seq, hlc, seen, seen_hlc, value FROM {log}"
                    " WHERE tbl = ? AND row_id = ? AND field = ? AND op = 'set'", (table, row_id, name)
                ):  # fmt: skip
                    found.append(versions.Version((device, seq), hlc, seen, seen_hlc))
                    if value is not None:
                        valued[(device, seq)] = (log, hlc)
            if not valued:
                continue
            keys = {v.key for v in found}
            writes = [next((k for k in keys if k[0] == device and seq < k[1] <= seq + len(fields)), None)
                      for device, seq, _hlc in marks]  # fmt: skip
            seen = versions.ancestors(found)
            for key, (log, hlc) in valued.items():
                kept = all(key == write or write in seen[key] if write is not None else hlc > mark_hlc
                           for write, (_device, _seq, mark_hlc) in zip(writes, marks, strict=True))  # fmt: skip
                if not kept:
                    conn.execute(f"UPDATE {log} SET value = NULL WHERE device_id = ? AND device_seq = ?", key)
                    emptied += 1
    return emptied
