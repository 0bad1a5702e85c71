"""The "needs review" list: conflicts sync found, with both sides, and the user's way out of each.

Every answer is itself a change that syncs: picking or merging a value writes it as the field's value replacing
both versions; keeping a record confirms it (a change that saw the delete); deleting it after all is a delete
that saw the edit. Nothing is discarded: the change log keeps every value either side ever had.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from integrationsplan.domain.session import SessionAddendum
from integrationsplan.storage import Database, erasure, ownership
from integrationsplan.storage.changes import references
from integrationsplan.storage.errors import RecordNotFound
from integrationsplan.storage.records import from_row, to_row
from integrationsplan.storage.repository import Repository
from integrationsplan.sync import clock
from integrationsplan.sync.merge import DELETED, FIELD, FINALISED, Change, Conflict, merge_row
from integrationsplan.sync.replica import log_of, materialise


@dataclass(frozen=True)
class Side:
    """One side of a conflict: its value (None for a delete), the device that wrote it, and when."""

    value: Any
    device_name: str
    written_at: datetime
    deleted: bool


@dataclass(frozen=True)
class Open:
    """An open conflict of one field (or of a whole record, for DELETED) with its two sides."""

    conflict: Conflict
    first: Side
    second: Side
    person_id: str | None  # the person the record belongs to, when it belongs to one

    @property
    def kind(self) -> str:
        return self.conflict.kind

    @property
    def table(self) -> str:
        return self.conflict.tbl

    @property
    def row_id(self) -> str:
        return self.conflict.row_id

    @property
    def field(self) -> str:
        return self.conflict.field


def open_conflicts(db: Database) -> list[Open]:
    """Every conflict still open, newest first; rows settled since (here or on another device) leave the list."""
    names = device_names(db)
    found: list[Open] = []
    settled = []
    refs = references(db.conn)
    for table, row_id in db.conn.execute("SELECT tbl, row_id FROM sync_conflict ORDER BY found_at DESC, tbl, row_id"):
        living = db.conn.execute(f"SELECT 1 FROM {table} WHERE id = ?", (row_id,)).fetchone() is not None
        merged = merge_row(log_of(db.conn, table, row_id), keep=living)  # kept for a living row: still open
        if not merged.conflicts:
            settled.append((table, row_id))
        owner = ownership.person_of(db.conn, refs, table, row_id)
        for c in merged.conflicts:
            first = _side(c.first, names)
            if c.kind == FINALISED:  # the side that stays: the field as finalised
                first = replace(first, value=(merged.values or {}).get(c.field))
            found.append(Open(c, first, _side(c.second, names), owner))
    if settled:
        with db.remote_write() as conn:
            conn.executemany("DELETE FROM sync_conflict WHERE tbl = ? AND row_id = ?", settled)
    return found


def device_names(db: Database) -> dict[str, str]:
    names = dict(db.conn.execute("SELECT device_id, device_name FROM sync_peer"))
    names |= dict(db.conn.execute("SELECT device_id, device_name FROM sync_removed"))
    device = db.device
    return names | {device.device_id: device.device_name}


def _side(change: Change, names: dict[str, str]) -> Side:
    return Side(change.value, names.get(change.device_id, change.device_id), clock.to_datetime(change.hlc),
                change.op == "delete")  # fmt: skip


def choose(db: Database, conflict: Open, value: Any) -> None:
    """Settle a field conflict with `value`: one side's, or both merged by the user."""
    if conflict.kind != FIELD:
        raise ValueError("a delete or a finalised record is settled by keep(), delete() or as_addendum()")
    repository = next(r for r in vars(db).values() if isinstance(r, Repository) and r.table == conflict.table)
    old = repository.get(conflict.row_id)
    row = to_row(old) | {conflict.field: value}
    repository.validate(from_row(type(old), row), old)  # a merged text must pass what typing it would
    with db.write() as writer:
        writer.settle(conflict.table, conflict.row_id, conflict.field, value)


def keep(db: Database, conflict: Open) -> None:
    """Keep the record as it stands (the edit over the delete; the finalised text over a later edit). A kept
    record gets back what the same delete removed with it (its plans, sessions, consents …)."""
    _existing(db, conflict)
    with db.write() as writer:
        writer.confirm(conflict.table, conflict.row_id)
        if conflict.kind == DELETED:
            removed = deleted_with(db, conflict.table, conflict.row_id, conflict.conflict.first)
            for table, row_id in removed:
                writer.confirm(table, row_id)
            restored = materialise(db.conn, reversed(removed)).changes  # the rows they depend on first
            for table, ids in restored.inserted.items():
                writer.changes.inserted[table] |= ids


def _existing(db: Database, conflict: Open) -> None:
    """The record must still be there (it may have gone since the list was shown): else a clear message."""
    if db.conn.execute(f"SELECT 1 FROM {conflict.table} WHERE id = ?", (conflict.row_id,)).fetchone() is None:
        raise RecordNotFound(id=conflict.row_id)


# The deletes of one cascade are logged one after the other within a moment (one transaction).
_CASCADE_MS = 10_000


def deleted_with(db: Database, table: str, row_id: str, delete: Change) -> list[tuple[str, str]]:
    """The rows the delete `delete` of (table, row id) removed with it, dependants first: rows depending on it
    whose last change is a delete by the same device just before."""
    found = []
    for key in erasure.dependants(db.conn, references(db.conn), [(table, row_id)])[:-1]:
        log = log_of(db.conn, *key)
        last = max(log, key=lambda c: c.order) if log else None
        if (last is not None and last.op == "delete" and last.device_id == delete.device_id
                and last.device_seq < delete.device_seq
                and clock.physical_ms(delete.hlc) - clock.physical_ms(last.hlc) <= _CASCADE_MS):  # fmt: skip
            found.append(key)
    return found


def delete(db: Database, conflict: Open) -> None:
    """Delete the record after all, having seen the edit that kept it (with what depends on it)."""
    _existing(db, conflict)
    with db.write() as writer:
        writer.delete(conflict.table, conflict.row_id)


def as_addendum(db: Database, conflict: Open, today: date | None = None) -> None:
    """For an edit of a finalised session's note: keep the session as finalised, and the edit as an addendum."""
    if conflict.kind != FINALISED or not isinstance(conflict.second.value, str):
        raise ValueError("only a text edit of a finalised session becomes an addendum")
    written_on = today or datetime.now(UTC).date()
    _existing(db, conflict)
    with db.write() as writer:
        db.addenda.add(SessionAddendum(session_id=conflict.row_id, written_on=written_on, text=conflict.second.value))
        writer.confirm(conflict.table, conflict.row_id)


@dataclass(frozen=True)
class Held:
    """Changes of one device held back because their clock is more than a day ahead of this device's."""

    device_name: str
    count: int
    newest: datetime


def held(db: Database) -> list[Held]:
    names = device_names(db)
    rows = db.conn.execute("SELECT device_id, count(*), max(hlc) FROM sync_held GROUP BY device_id ORDER BY 1")
    return [Held(names.get(device, device), count, clock.to_datetime(newest)) for device, count, newest in rows]
