"""The one write path: every row change and its change-log entries land in the same transaction."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from integrationsplan.storage import erasure
from integrationsplan.storage.connection import Connection
from integrationsplan.storage.errors import RecordNotFound
from integrationsplan.storage.records import TABLES
from integrationsplan.sync import clock, versions

TOMBSTONE_FIELD = ""
# Table -> the field whose first value freezes the row (sync/merge.py): finalising names what it saw of every field.
FINAL = {"counselling_session": "finalised_on"}


@dataclass
class Changes:
    """What a write changed, per table: views use it to refresh only what they show."""

    inserted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    updated: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    deleted: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    # Rows that deleted rows referred to: sync may have kept them only for those (sync/replica.prune).
    released: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    erased: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))  # by a purge (also in deleted)

    def touched(self, table: str) -> set[str]:
        return self.inserted.get(table, set()) | self.updated.get(table, set()) | self.deleted.get(table, set())

    def tables(self) -> set[str]:
        return {t for part in (self.inserted, self.updated, self.deleted) for t, ids in part.items() if ids}

    def __bool__(self) -> bool:
        return bool(self.tables())


@dataclass(frozen=True)
class Reference:
    child_table: str
    column: str
    nullable: bool


def references(conn: Connection) -> dict[str, list[Reference]]:
    """For each synced table, the synced columns pointing at it (read from the schema, the one truth)."""
    found: dict[str, list[Reference]] = defaultdict(list)
    for child in TABLES:
        notnull = {row[1]: bool(row[3]) for row in conn.execute(f"PRAGMA table_info({child})")}
        for fk in conn.execute(f"PRAGMA foreign_key_list({child})"):
            parent, column = fk[2], fk[3]
            found[parent].append(Reference(child, column, not notnull[column]))
    return dict(found)


class Writer:
    """Applies inserts, updates and deletes and appends one change-log entry per field."""

    def __init__(
        self, conn: Connection, refs: dict[str, list[Reference]], now_ms: Callable[[], int] = clock.wall_ms
    ) -> None:
        self.conn = conn
        self.refs = refs
        self.now_ms = now_ms
        self.changes = Changes()
        row = conn.execute("SELECT device_id, last_device_seq, last_hlc FROM device").fetchone()
        self.device_id: str = row[0]
        self._seq: int = row[1]
        self._hlc: int = row[2]

    def insert(self, table: str, row: dict[str, Any]) -> None:
        self._check_table(table)
        names = list(row)
        self.conn.execute(
            f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
            [row[n] for n in names],
        )
        row_id = row["id"]
        # The id entry records the row's birth even when every other field is empty; unset fields need
        # no entry because a fresh row has no history and replaying defaults them to NULL.
        for name in sorted(names, key=lambda n: n == FINAL.get(table)):  # the final field last, as in update
            if name == "id" or row[name] is not None:
                self._log(table, row_id, name, "set", row[name], 0)
        self.changes.inserted[table].add(row_id)

    def update(self, table: str, row_id: str, values: dict[str, Any]) -> bool:
        """Write the fields whose value differs; returns whether anything changed."""
        self._check_table(table)
        current = self._current(table, row_id)
        changed = {k: v for k, v in values.items() if k != "id" and current[k] != v}
        if not changed:
            return False
        assignments = ", ".join(f"{name} = ?" for name in changed)
        self.conn.execute(f"UPDATE {table} SET {assignments} WHERE id = ?", [*changed.values(), row_id])
        # The final field last: what finalising saw includes the fields written with it.
        for name, value in sorted(changed.items(), key=lambda item: item[0] == FINAL.get(table)):
            every_field = FINAL.get(table) == name and value is not None
            self._log(table, row_id, name, "set", value, *self._replaced(table, row_id, None if every_field else name))
        self.changes.updated[table].add(row_id)
        return True

    def delete(self, table: str, row_id: str) -> None:
        """Delete a row with every row that depends on it; optional references are cleared instead."""
        self._check_table(table)
        for ref in self.refs.get(table, []):
            dependants = [
                r[0] for r in self.conn.execute(f"SELECT id FROM {ref.child_table} WHERE {ref.column} = ?", (row_id,))
            ]
            for dependant in dependants:
                if ref.nullable:
                    self.update(ref.child_table, dependant, {ref.column: None})
                else:
                    self.delete(ref.child_table, dependant)
        seen = self.conn.execute(
            "SELECT coalesce(max(hlc), 0) FROM change_log WHERE tbl = ? AND row_id = ?", (table, row_id)
        ).fetchone()[0]
        for ref_table, refs in self.refs.items():  # what the row refers to, for sync's pruning of kept rows
            for ref in refs:
                if ref.child_table == table:
                    parent = self.conn.execute(f"SELECT {ref.column} FROM {table} WHERE id = ?", (row_id,)).fetchone()
                    if parent is not None and parent[0] is not None:
                        self.changes.released[ref_table].add(parent[0])
        cursor = self.conn.execute(f"DELETE FROM {table} WHERE id = ?", (row_id,))
        if cursor.rowcount:
            self._log(table, row_id, TOMBSTONE_FIELD, "delete", None, seen)
            self.changes.inserted[table].discard(row_id)
            self.changes.updated[table].discard(row_id)
            self.changes.deleted[table].add(row_id)

    def purge(self, table: str, row_id: str) -> list[tuple[str, str]]:
        """Erase a row and every row depending on it, here and (through sync) on every device: the rows go,
        their history keeps only ids, optional references to them are cleared. Returns the rows erased."""
        self._check_table(table)
        # Optional references inside the erased set (a goal carried from another erased goal) are not cleared
        # first: the references are checked when the transaction ends, when all of them are gone.
        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        erased = erasure.dependants(self.conn, self.refs, [(table, row_id)])
        gone = set(erased)
        for parent, parent_id in erased:
            for ref in self.refs.get(parent, []):
                if ref.nullable:
                    for (child,) in self.conn.execute(
                        f"SELECT id FROM {ref.child_table} WHERE {ref.column} = ?", (parent_id,)
                    ).fetchall():
                        if (ref.child_table, child) not in gone:
                            self.update(ref.child_table, child, {ref.column: None})
        for key in erased:  # dependants first
            erased_table, erased_id = key
            seen = self.conn.execute(
                "SELECT coalesce(max(hlc), 0) FROM change_log WHERE tbl = ? AND row_id = ?", key
            ).fetchone()[0]
            if self.conn.execute(f"DELETE FROM {erased_table} WHERE id = ?", (erased_id,)).rowcount:
                self.changes.inserted[erased_table].discard(erased_id)
                self.changes.updated[erased_table].discard(erased_id)
                self.changes.deleted[erased_table].add(erased_id)
            self._log(erased_table, erased_id, TOMBSTONE_FIELD, "purge", None, seen)
            self.changes.erased[erased_table].add(erased_id)
        erasure.empty_history(self.conn, self.refs, erased)
        return erased

    def settle(self, table: str, row_id: str, name: str, value: Any) -> None:
        """Write `value` as the field's value replacing every version it has, even when it equals the current
        one: the user's choice in a conflict (sync/review.py)."""
        self._check_table(table)
        self._current(table, row_id)
        self.conn.execute(f"UPDATE {table} SET {name} = ? WHERE id = ?", (value, row_id))
        self._log(table, row_id, name, "set", value, *self._replaced(table, row_id, name))
        self.changes.updated[table].add(row_id)

    def confirm(self, table: str, row_id: str) -> None:
        """Say that the row stays as it is, having seen every change of it (a delete or an edit met in a
        conflict): one change of its id field whose `seen_hlc` is the row's newest clock. For a deleted row this
        brings it back in the merge (sync/review.py writes it then)."""
        self._check_table(table)
        newest = self.conn.execute(
            "SELECT coalesce(max(hlc), 0) FROM change_log WHERE tbl = ? AND row_id = ?", (table, row_id)
        ).fetchone()[0]
        self._log(table, row_id, "id", "set", row_id, newest, self._replaced(table, row_id, "id")[1])
        self.changes.updated[table].add(row_id)

    def finish(self) -> Changes:
        self.conn.execute("UPDATE device SET last_device_seq = ?, last_hlc = ?", (self._seq, self._hlc))
        return self.changes

    def _current(self, table: str, row_id: str) -> dict[str, Any]:
        cursor = self.conn.execute(f"SELECT * FROM {table} WHERE id = ?", (row_id,))
        row = cursor.fetchone()
        if row is None:
            raise RecordNotFound(id=row_id)
        return {d[0]: v for d, v in zip(cursor.description, row, strict=True)}

    def _replaced(self, table: str, row_id: str, name: str | None) -> tuple[int, str]:
        """What a new value of the field replaces: the newest clock, and the heads of its versions (of every
        field's versions when `name` is None: finalising a row says what it saw of all of it)."""
        by_field: dict[str, list[versions.Version]] = defaultdict(list)
        for field_name, device, seq, hlc, seen, seen_hlc in self.conn.execute(
            "SELECT field, device_id, device_seq, hlc, seen, seen_hlc FROM change_log"
            " WHERE tbl = ? AND row_id = ? AND op = 'set' AND (? IS NULL OR field = ?)", (table, row_id, name, name)
        ):  # fmt: skip
            by_field[field_name].append(versions.Version((device, seq), hlc, seen, seen_hlc))
        own = by_field.get(name or FINAL.get(table, ""), [])
        heads = sorted(key for found in by_field.values() for key in versions.heads(found))
        return max((v.hlc for v in own), default=0), versions.encode(heads)

    def _log(self, table: str, row_id: str, name: str, op: str, value: Any, seen_hlc: int,
             seen: str | None = None) -> None:  # fmt: skip
        self._seq += 1
        self._hlc = clock.tick(self._hlc, self.now_ms())
        self.conn.execute(
            "INSERT INTO change_log (device_id, device_seq, hlc, tbl, row_id, field, op, value, seen_hlc, seen)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (self.device_id, self._seq, self._hlc, table, row_id, name, op, value, seen_hlc, seen),
        )

    @staticmethod
    def _check_table(table: str) -> None:
        if table not in TABLES:
            raise ValueError(f"{table!r} is not a synced table")
