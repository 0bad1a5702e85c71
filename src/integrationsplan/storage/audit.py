"""The audit log: who opened, changed, exported, printed, imported, erased what and when, on this device.

Append-only (triggers refuse updates and deletes) and hash-chained: each entry's hash covers its content and the
previous entry's hash, so an edited, inserted or removed entry breaks the chain at that point (`verify`). It
holds ids, kinds of records and counts, never names or texts: an audit log must not become a second copy of the
case records. Entries are written in the transaction of what they record, so one never exists without the other.

Known limit: cutting entries off the end leaves a shorter chain that still verifies; the number of entries and
the newest hash are shown with the log so that a printed or exported copy can be compared.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from collections.abc import Mapping
from dataclasses import astuple, dataclass
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_, _, format_number
from integrationsplan.storage.changes import Changes
from integrationsplan.storage.connection import Connection

GENESIS = "0" * 64
SCHEMA = 8  # the schema version that brought the audit log
TARGETS = 20  # record ids named in one entry at most (the counts cover the rest)


class ChainBroken(UserError):
    message = N_(
        "The audit log was changed: its chain breaks at entry {seq} (an entry edited, inserted or removed "
        "there). Keep the file as it is and tell your data-protection officer."
    )


class Action(StrEnum):
    OPENED = "opened"
    CHANGED = "changed"
    EXPORTED = "exported"
    IMPORTED = "imported"
    PRINTED = "printed"
    ERASED = "erased"
    BACKED_UP = "backed_up"
    PASSPHRASE = "passphrase_changed"
    ACCESS_REPORT = "access_report"
    RESTORED = "restored"


@dataclass(frozen=True)
class Entry:
    seq: int
    at: str  # ISO time, UTC
    user: str
    device_id: str
    action: str
    target: str  # record ids (or a file name), never content
    detail: str  # JSON: kinds of records and counts
    prev_hash: str
    hash: str


def _digest(prev_hash: str, seq: int, at: str, user: str, device_id: str, action: str, target: str,
            detail: str) -> str:  # fmt: skip
    canonical = json.dumps([prev_hash, seq, at, user, device_id, action, target, detail], ensure_ascii=False,
                           separators=(",", ":"))  # fmt: skip
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def record(conn: Connection, user: str, action: Action, target: str = "", detail: Mapping[str, Any] | None = None,
           at: datetime | None = None) -> Entry:  # fmt: skip
    """Append one entry (in the caller's transaction, if one is open)."""
    last = conn.execute("SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1").fetchone()
    seq, prev_hash = (last[0] + 1, last[1]) if last else (1, GENESIS)
    device_id = conn.execute("SELECT device_id FROM device").fetchone()[0]
    stamp = (at or datetime.now(UTC)).isoformat(timespec="seconds")
    detail_text = json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    entry = Entry(seq, stamp, user, device_id, action.value, target, detail_text, prev_hash,
                  _digest(prev_hash, seq, stamp, user, device_id, action.value, target, detail_text))  # fmt: skip
    conn.execute("INSERT INTO audit_log VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", astuple(entry))
    return entry


def describe(changes: Changes) -> tuple[str, dict[str, Any]]:
    """What a write changed, as an entry's target (record ids) and detail (counts per kind of record)."""
    ids = [f"{table}:{row_id}" for part in (changes.inserted, changes.updated, changes.deleted)
           for table, row_ids in sorted(part.items()) for row_id in sorted(row_ids)]  # fmt: skip
    counts = {table: [len(changes.inserted.get(table, ())), len(changes.updated.get(table, ())),
                      len(changes.deleted.get(table, ()))] for table in sorted(changes.tables())}  # fmt: skip
    return " ".join(ids[:TARGETS]) + (" …" if len(ids) > TARGETS else ""), counts


def entries(conn: Connection, limit: int | None = None) -> list[Entry]:
    """The newest entries first."""
    sql = "SELECT * FROM audit_log ORDER BY seq DESC" + (f" LIMIT {int(limit)}" if limit else "")
    return [Entry(*row) for row in conn.execute(sql)]


def verify(conn: Connection) -> int | None:
    """The first entry where the chain is broken (edited, inserted or removed before it), or None when whole."""
    prev_hash, expected = GENESIS, 1
    for row in conn.execute("SELECT * FROM audit_log ORDER BY seq"):
        entry = Entry(*row)
        if entry.seq != expected or entry.prev_hash != prev_hash or entry.hash != _digest(
                prev_hash, entry.seq, entry.at, entry.user, entry.device_id, entry.action, entry.target,
                entry.detail):  # fmt: skip
            return entry.seq
        prev_hash, expected = entry.hash, expected + 1
    return None


def to_csv(found: list[Entry]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["seq", "at", "user", "device_id", "action", "target", "detail", "prev_hash", "hash"])
    for entry in sorted(found, key=lambda e: e.seq):
        writer.writerow([entry.seq, entry.at, entry.user, entry.device_id, entry.action, entry.target, entry.detail,
                         entry.prev_hash, entry.hash])  # fmt: skip
    return out.getvalue()


def status_text(found: list[Entry]) -> str:
    """For an intact chain: how many entries and the newest hash, to compare with a copy kept elsewhere."""
    if not found:
        return _("The audit log is empty.")
    newest = max(found, key=lambda e: e.seq)
    return _("The audit log is intact: {n} entries, the newest ends in {hash}.").format(
        n=format_number(newest.seq), hash=newest.hash[-12:])  # fmt: skip
