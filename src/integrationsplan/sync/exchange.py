"""Export and import of bundles: what a device sends its team, and taking in what the team sent.

Import is all or nothing: every bundle is decrypted and checked before anything is written, then one
transaction (after an encrypted backup) adds the new changes to the log and merges the rows they touch.
The same bundle twice, or bundles in any order, give the same rows: the rows depend on the set of changes only.
"""

from __future__ import annotations

import json
import re
import typing
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import Enum
from functools import cache
from pathlib import Path
from typing import Any

from integrationsplan.errors import UserError
from integrationsplan.i18n import N_
from integrationsplan.storage import Database, audit, erasure
from integrationsplan.storage.changes import TOMBSTONE_FIELD, Changes, references
from integrationsplan.storage.connection import Connection
from integrationsplan.storage.records import TABLES, columns, from_column
from integrationsplan.sync import bundle, clock, team
from integrationsplan.sync.bundle import Bundle, BundleDamaged, Manifest
from integrationsplan.sync.merge import Change, Conflict
from integrationsplan.sync.replica import LOG_COLUMNS, materialise, note_conflicts

MASS_DELETE_SHARE = 0.10  # an import deleting more of the persons than this stops and asks


class MassDeletion(UserError):
    message = N_(
        "The import would delete {deleted} of {persons} persons. Nothing was imported. If that is right, import "
        "again and confirm the deletion."
    )


class BundleTooLarge(UserError):
    message = N_("{path} is larger than any sync file can be. Nothing was imported.")


class FromRemovedDevice(UserError):
    message = N_("{path} comes from {device}, a device removed from the team. Nothing was imported.")


@dataclass
class ImportReport:
    bundles: int = 0  # bundles read
    already: int = 0  # bundles imported before (nothing new in them)
    new_changes: int = 0
    inserted: Counter[str] = field(default_factory=Counter)  # per table
    updated: Counter[str] = field(default_factory=Counter)
    deleted: Counter[str] = field(default_factory=Counter)
    erased: Counter[str] = field(default_factory=Counter)  # rows a purge removed (counted in `deleted` too)
    changes: Changes = field(default_factory=Changes)  # the rows written, for the views to refresh
    conflicts: list[Conflict] = field(default_factory=list)
    forgotten: int = 0  # values of erased health data emptied in the history (Database.forget_erased_fields)
    held: int = 0  # changes stamped more than a day ahead of this device's clock, held back (see sync_held)
    backup: Path | None = None


def vector(db: Database) -> dict[str, int]:
    """What this device holds: per device, the highest sequence number below which it has every change."""
    held: dict[str, int] = {}
    for device in devices(db.conn):
        first, top, count = db.conn.execute(_EXTENT, (device,)).fetchone()
        if first == 1 and top == count:  # unique sequence numbers from 1 to top: none is missing
            held[device] = top
            continue
        for (seq,) in db.conn.execute(_SEQUENCES, (device,)):  # a gap (a change held back): up to it
            if seq == held.get(device, 0) + 1:
                held[device] = seq
    return held


_EXTENT = "SELECT min(device_seq), max(device_seq), count(*) FROM change_log WHERE device_id = ?"
_SEQUENCES = "SELECT device_seq FROM change_log WHERE device_id = ? ORDER BY device_seq"


def devices(conn: Connection) -> list[str]:
    """The devices the log holds changes of, found by skipping along the index of (device, sequence): a handful
    of lookups, where reading the log would cost seconds at a Landkreis."""
    return [device for (device,) in conn.execute(
        "WITH RECURSIVE device(id) AS (SELECT min(device_id) FROM change_log"
        " UNION ALL SELECT (SELECT min(device_id) FROM change_log WHERE device_id > device.id) FROM device"
        " WHERE device.id IS NOT NULL) SELECT id FROM device WHERE id IS NOT NULL")]  # fmt: skip


def removed(db: Database) -> dict[str, str]:
    """Devices removed from the team: id -> name."""
    return dict(db.conn.execute("SELECT device_id, device_name FROM sync_removed"))


def _peers_hold(db: Database) -> dict[str, int] | None:
    """What every known peer holds (the minimum over them), or None when no peer has reported yet."""
    reported = [json.loads(v) for (v,) in db.conn.execute("SELECT vector FROM sync_peer")]
    if not reported:
        return None
    named = {d for r in reported for d in r}
    return {d: min(r.get(d, 0) for r in reported) for d in named}


def export(db: Database, folder: Path, *, everything: bool = False) -> Path:
    """Write one new bundle into `folder` with every change the team may lack (or the whole log)."""
    members = team.load(db.conn)
    held = None if everything else _peers_hold(db)
    if held is None:
        rows = db.conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log ORDER BY id").fetchall()
    else:  # per device what the peers lack, through the index: the cost of what is sent, not of the log
        query = f"SELECT id, {LOG_COLUMNS} FROM change_log WHERE device_id = ? AND device_seq > ?"
        found = [row for d in devices(db.conn) for row in db.conn.execute(query, (d, held.get(d, 0)))]
        rows = [row[1:] for row in sorted(found)]  # in the order of the log, as before
    changes = [Change._make(row) for row in rows]
    changes += _purges_for(db, changes)
    device = db.device
    now = datetime.now(UTC)
    manifest = Manifest(
        bundle_id=bundle.new_bundle_id(), team_id=members.team_id, sender_id=device.device_id,
        sender_name=device.device_name, created_at=now.isoformat(timespec="seconds"), vector=vector(db),
        counts=dict(Counter(c.tbl for c in changes)), everything=held is None, removed=sorted(removed(db)),
    )  # fmt: skip
    data = bundle.seal(Bundle(manifest, changes), members.secret)
    slug = re.sub(r"[^A-Za-z0-9]+", "-", device.device_name).strip("-")[:24] or "device"
    name = f"{now:%Y%m%d-%H%M%S}-{slug}-{manifest.bundle_id}{bundle.SUFFIX}"
    written = bundle.write_once(folder, name, data)
    db.audit(audit.Action.EXPORTED, written.name, {"changes": len(changes), "everything": held is None})
    return written


def _purges_for(db: Database, changes: list[Change]) -> list[Change]:
    """The purges a bundle must carry besides `changes`: when it holds changes of an erased record (emptied), the
    receiver needs the purge too, even if the export would leave it out, or it would see an emptied record."""
    if not erasure.reached(db.conn, references(db.conn), {(c.tbl, c.row_id) for c in changes}):
        return []
    sent = {c.key for c in changes}
    rows = db.conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log WHERE op = 'purge' ORDER BY id")
    return [c for c in map(Change._make, rows) if c.key not in sent]


def read(db: Database, paths: list[Path]) -> list[tuple[Path, Bundle]]:
    """Every bundle decrypted and checked; the first bad one stops everything with its message."""
    members = team.load(db.conn)
    gone = removed(db)
    bundles = []
    for path in paths:
        try:
            if path.stat().st_size > bundle.MAX_BUNDLE_BYTES:
                raise BundleTooLarge(path=path)
            data = path.read_bytes()
        except OSError as exc:
            raise UserError(N_("{path} cannot be read: {reason}"), path=path, reason=exc.strerror or exc) from exc
        opened = bundle.open_sealed(data, members.secret, path)
        if opened.manifest.team_id != members.team_id:
            raise bundle.BundleUnreadable(path=path)
        if opened.manifest.sender_id in gone:
            raise FromRemovedDevice(path=path, device=gone[opened.manifest.sender_id])
        for change in opened.changes:
            _check(change, path)
        bundles.append((path, opened))
    return bundles


def read_folder(db: Database, folder: Path) -> tuple[list[tuple[Path, Bundle]], list[str]]:
    """The bundles of an exchange folder this device has not taken in yet, and a message for each file it skipped:
    one bad file (or one sealed with a replaced team key) must not stop the exchange."""
    if not folder.is_dir():
        raise UserError(N_("{path} is no folder."), path=folder)
    team.load(db.conn)  # a device of no team: that once, not as the reason to skip each file
    taken = {b for (b,) in db.conn.execute("SELECT bundle_id FROM sync_bundle")}
    own = db.device.device_id
    # A bundle's name ends with its id ("…-<id>.ipsync"): those taken in before are not even decrypted again.
    waiting = [p for p in sorted(folder.glob(f"*{bundle.SUFFIX}")) if p.stem.rpartition("-")[2] not in taken]
    found, skipped = [], []
    for path in waiting:
        try:
            found += [(p, b) for p, b in read(db, [path]) if b.manifest.sender_id != own]
        except UserError as refused:
            skipped.append(refused.text())
    return found, skipped


def _check(change: Change, path: Path) -> None:
    """A change must name a synced table and one of its columns (or be a tombstone), with a value the column holds."""
    if change.tbl not in TABLES:
        raise BundleDamaged(path=path, reason=f"table {change.tbl!r}")
    if change.op in ("delete", "purge") and change.field != TOMBSTONE_FIELD:
        raise BundleDamaged(path=path, reason=f"{change.op} with a field")
    if change.op == "set" and change.field not in columns(TABLES[change.tbl]):
        raise BundleDamaged(path=path, reason=f"column {change.tbl}.{change.field}")
    if change.op == "set" and not _readable(change):
        if _is_code(change):  # stored, it could not be read: the code of a newer version
            value = str(change.value)  # a value from a file: as long as it likes
            shown = value if len(value) <= 60 else value[:59] + "…"
            raise BundleUnknownCode(path=path, code=f"{change.tbl}.{change.field} = {shown}")
        raise BundleDamaged(path=path, reason=f"value of {change.tbl}.{change.field}")


_PLAIN = {str: str, str | None: str, int: int, int | None: int}  # fields stored as they are


def _readable(change: Change) -> bool:
    """Whether the value reads back as its field: a text, a whole number, or what converts (a date, a code, a list of
    codes). A row holding another value could be neither shown nor printed."""
    value = change.value
    plain = _PLAIN.get(_hints(change.tbl)[change.field])
    if value is None or plain is not None:
        return value is None or type(value) is plain
    try:
        return from_column(change.tbl, change.field, value) is not value  # the value itself: it did not convert
    except RecursionError:  # a list of codes nested beyond measure
        return False


def _is_code(change: Change) -> bool:
    """Whether the field holds codes (an enum, a list of them) and the value is a text or a list of texts."""
    value = change.value
    texts = isinstance(value, str) or (isinstance(value, list) and all(isinstance(v, str) for v in value))
    return texts and _holds_enum(_hints(change.tbl)[change.field])


def _holds_enum(hint: Any) -> bool:
    return (isinstance(hint, type) and issubclass(hint, Enum)) or any(_holds_enum(a) for a in typing.get_args(hint))


class BundleUnknownCode(UserError):
    message = N_(
        "{path} holds a code this version does not know ({code}): it was written by a newer version of "
        "Integrationsplan. Update this program; nothing was imported."
    )


@cache
def _hints(table: str) -> dict[str, Any]:
    return typing.get_type_hints(TABLES[table])


def _check_references(db: Database, bundles: list[tuple[Path, Bundle]], fresh: list[Change]) -> None:
    """Every record a new change refers to must be known: written (or erased) here, held back, or arriving now. A row
    that refers to a record no device has could not be made (a goal of an unknown plan): nothing is imported then."""
    links = {(r.child_table, r.column): parent for parent, refs in references(db.conn).items() for r in refs}
    new = {c.key for c in fresh}
    known = {(c.tbl, c.row_id) for c in fresh if c.op != "delete"}
    for path, opened in bundles:
        for change in opened.changes:
            parent = links.get((change.tbl, change.field))
            if parent is None or change.value is None or change.key not in new or (parent, change.value) in known:
                continue
            if db.conn.execute(_WRITTEN, (parent, change.value) * 2).fetchone() is None:
                raise BundleDamaged(path=path, reason=f"{change.tbl}.{change.field}: unknown {parent}")
            known.add((parent, change.value))


_WRITTEN = ("SELECT 1 FROM change_log WHERE tbl = ? AND row_id = ? AND op != 'delete' "
            "UNION ALL SELECT 1 FROM sync_held WHERE tbl = ? AND row_id = ? AND op != 'delete' LIMIT 1")  # fmt: skip


def import_bundles(db: Database, paths: list[Path], backup_folder: Path | None, *,
                   allow_mass_deletion: bool = False) -> ImportReport:  # fmt: skip
    """Take in the changes of the bundles at `paths`: all or nothing, after a backup into `backup_folder`."""
    return import_read(db, read(db, paths), backup_folder, allow_mass_deletion=allow_mass_deletion)


def import_read(db: Database, bundles: list[tuple[Path, Bundle]], backup_folder: Path | None, *,
                allow_mass_deletion: bool = False) -> ImportReport:  # fmt: skip
    """`import_bundles` for bundles already decrypted and checked by `read` (each costs a key derivation)."""
    report = ImportReport()
    fresh = _fresh(db, bundles, report)
    _check_references(db, bundles, fresh)
    if fresh and backup_folder is not None:
        backup_folder.mkdir(parents=True, exist_ok=True)
        report.backup = db.backup(backup_folder)
    with db.remote_write():
        _apply(db, bundles, fresh, report, allow_mass_deletion)
    db.last_changes = report.changes
    if report.erased or report.forgotten:  # an erasure from another device: nothing of it may stay here either
        db.vacuum()
    return report


def preview(db: Database, bundles: list[tuple[Path, Bundle]]) -> ImportReport:
    """What importing the bundles `read` returned would change (new, changed, deleted rows per table, conflicts);
    changes nothing."""
    report = ImportReport()
    fresh = _fresh(db, bundles, report)
    _check_references(db, bundles, fresh)
    try:
        with db.remote_write():
            _apply(db, bundles, fresh, report, allow_mass_deletion=True)
            raise _Preview()
    except _Preview:
        pass
    return report


class _Preview(Exception):
    """Leaves the transaction by its rollback."""


def _fresh(db: Database, bundles: list[tuple[Path, Bundle]], report: ImportReport) -> list[Change]:
    """The changes of the bundles this device lacks (each once, its own never)."""
    own = db.device.device_id
    known = _known(db, [c for _path, opened in bundles for c in opened.changes])
    imported = {b for (b,) in db.conn.execute("SELECT bundle_id FROM sync_bundle")}
    fresh: dict[tuple[str, int], Change] = {}
    for _path, opened in bundles:
        report.bundles += 1
        report.already += opened.manifest.bundle_id in imported
        for change in opened.changes:
            key = (change.device_id, change.device_seq)
            if change.device_id != own and key not in known:
                fresh.setdefault(key, change)
    now = db.clock_ms()
    held = {k: Change(*row[:10]) for row in db.conn.execute(f"SELECT {LOG_COLUMNS} FROM sync_held")
            for k in [(row[0], row[1])]}  # fmt: skip
    for key, change in held.items():  # held back before: taken in once the clock has caught up
        if not _held_back(change, now):
            fresh.setdefault(key, change)
    report.held = sum(_held_back(c, now) for c in fresh.values())
    report.new_changes = len(fresh) - report.held
    return list(fresh.values())


def _known(db: Database, changes: list[Change]) -> set[tuple[str, int]]:
    """The keys among those of `changes` that the log holds already: per sender, within the range it sent (an
    import costs what the bundles hold, not what the database holds)."""
    ranges: dict[str, tuple[int, int]] = {}
    for change in changes:
        low, high = ranges.get(change.device_id, (change.device_seq, change.device_seq))
        ranges[change.device_id] = min(low, change.device_seq), max(high, change.device_seq)
    query = "SELECT device_id, device_seq FROM change_log WHERE device_id = ? AND device_seq BETWEEN ? AND ?"
    return {key for device, (low, high) in ranges.items() for key in db.conn.execute(query, (device, low, high))}


def _apply(db: Database, bundles: list[tuple[Path, Bundle]], fresh: list[Change], report: ImportReport,
           allow_mass_deletion: bool, take_held: bool = False) -> None:  # fmt: skip
    """Inside `db.remote_write()`: log the changes, merge the rows they touch, remember the senders."""
    conn = db.conn
    now = db.clock_ms()
    arrived = {c.row_id for c in fresh if c.tbl == "resources"}  # erased health data may have to go there
    if not take_held:
        later = [c for c in fresh if _held_back(c, now)]
        stamp = datetime.now(UTC).isoformat(timespec="seconds")
        conn.executemany(f"INSERT OR IGNORE INTO sync_held ({LOG_COLUMNS}, held_at) VALUES ({', '.join('?' * 11)})",
                         [(*c, stamp) for c in later])  # fmt: skip
        if later:  # what is held back of an erased record keeps no content either
            refs = references(conn)
            erasure.empty_history(conn, refs, erasure.reached(conn, refs, {(c.tbl, c.row_id) for c in later}))
            fresh = [c for c in fresh if not _held_back(c, now)]
    if conn.execute("SELECT 1 FROM sync_held LIMIT 1").fetchone() is not None:  # some are taken in now
        conn.executemany("DELETE FROM sync_held WHERE device_id = ? AND device_seq = ?", [c.key for c in fresh])
    persons = conn.execute("SELECT count(*) FROM person").fetchone()[0]
    conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", fresh)
    if arrived:  # health data erased here or elsewhere: what arrives of them (held back too) keeps no value
        report.forgotten = db.forget_erased_fields(arrived)  # either; before the merge, so no conflict shows it
    if fresh:
        touched = sorted({(c.tbl, c.row_id) for c in fresh})
        changes, report.conflicts, erased = materialise(conn, touched)
        report.changes = changes
        note_conflicts(conn, touched, report.conflicts)
        report.erased.update(table for table, _row_id in erased)
        for counter, part in ((report.inserted, changes.inserted), (report.updated, changes.updated),
                              (report.deleted, changes.deleted)):  # fmt: skip
            counter.update({table: len(ids) for table, ids in part.items() if ids})
        lost = report.deleted["person"] - report.erased["person"]  # an erasure was confirmed twice at its source
        if persons and lost > MASS_DELETE_SHARE * persons and not allow_mass_deletion:
            raise MassDeletion(deleted=lost, persons=persons)
        last = conn.execute("SELECT last_hlc FROM device").fetchone()[0]
        # A change taken in although its clock is far ahead must not drag this device's clock along.
        newest = min(max(c.hlc for c in fresh), clock.pack(now + clock.MAX_FUTURE_DRIFT_MS))
        conn.execute("UPDATE device SET last_hlc = ?", (clock.receive(last, newest, now),))
        db.refresh_derived(changes)
    _remember(db, bundles)
    ids = " ".join(opened.manifest.bundle_id for _path, opened in bundles) or "held"
    audit.record(conn, db.user, audit.Action.IMPORTED, ids, {"changes": len(fresh), "conflicts": len(report.conflicts),
                                                              "erased": sum(report.erased.values())})  # fmt: skip


def _held_back(change: Change, now_ms: int) -> bool:
    """A change stamped far ahead waits (it would win every merge); a purge never waits (no clock decides it)."""
    return change.op != "purge" and clock.is_far_future(change.hlc, now_ms)


def take_in_held(db: Database, backup_folder: Path | None, *, allow_mass_deletion: bool = False) -> ImportReport:
    """Take in the changes held back for their clock (the user decided they are right), after a backup."""
    report = ImportReport()
    held = [Change(*row) for row in db.conn.execute(f"SELECT {LOG_COLUMNS} FROM sync_held")]
    if held and backup_folder is not None:
        backup_folder.mkdir(parents=True, exist_ok=True)
        report.backup = db.backup(backup_folder)
    report.new_changes = len(held)
    with db.remote_write():
        _apply(db, [], held, report, allow_mass_deletion, take_held=True)
    db.last_changes = report.changes
    return report


def _remember(db: Database, bundles: list[tuple[Path, Bundle]]) -> None:
    """Note the senders' vectors (what they hold) and the bundles imported, in the running transaction."""
    stamp = datetime.now(UTC).isoformat(timespec="seconds")
    own = db.device.device_id
    for _path, opened in bundles:
        manifest = opened.manifest
        if manifest.sender_id == own:
            continue
        db.conn.execute(
            "INSERT INTO sync_peer VALUES (?, ?, ?, ?) ON CONFLICT (device_id) DO UPDATE SET"
            " device_name = excluded.device_name, vector = excluded.vector, last_bundle_at = excluded.last_bundle_at"
            " WHERE excluded.last_bundle_at >= sync_peer.last_bundle_at",
            (manifest.sender_id, manifest.sender_name, json.dumps(manifest.vector), manifest.created_at),
        )
        db.conn.execute("INSERT OR IGNORE INTO sync_bundle VALUES (?, ?, ?, ?)",
                        (manifest.bundle_id, manifest.sender_id, stamp, len(opened.changes)))  # fmt: skip
        for device_id in manifest.removed:
            if device_id != own:
                remove_device(db.conn, device_id, stamp)


def remove_device(conn: Connection, device_id: str, stamp: str | None = None) -> None:
    """Remove a device from the team as this device knows it (in the caller's transaction): its bundles are
    refused from now on and exports no longer wait for it; the news travels in every bundle written here."""
    name = conn.execute("SELECT device_name FROM sync_peer WHERE device_id = ?", (device_id,)).fetchone()
    stamp = stamp or datetime.now(UTC).isoformat(timespec="seconds")
    name_text = name[0] if name else device_id
    conn.execute("INSERT OR IGNORE INTO sync_removed VALUES (?, ?, ?)", (device_id, name_text, stamp))
    conn.execute("DELETE FROM sync_peer WHERE device_id = ?", (device_id,))
