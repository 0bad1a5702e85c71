"""The open database: lifecycle, the write transaction, derived data and the repositories."""

from __future__ import annotations

import contextlib
import os
import re
import socket
from collections.abc import Callable, Collection, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from integrationsplan.domain.codes import ConsentKind
from integrationsplan.domain.consent import standing_withdrawal
from integrationsplan.domain.errors import ValidationError
from integrationsplan.domain.household import Household, HouseholdMember
from integrationsplan.domain.person import CaseClosure, ResidenceStatus, Resources
from integrationsplan.domain.plan import Goal, Need, Signature
from integrationsplan.domain.rules import new_id
from integrationsplan.domain.session import Referral, SessionGoal, SessionParticipant
from integrationsplan.domain.tally import ErasureTally
from integrationsplan.i18n import N_
from integrationsplan.storage import (
    audit,
    backup,
    connection,
    erasure,
    errors,
    migrate,
    ownership,
    private_notes,
    search,
)
from integrationsplan.storage.changes import Changes, Writer, references
from integrationsplan.storage.records import TABLES
from integrationsplan.storage.repositories import (
    Addenda,
    Assessments,
    Consents,
    Persons,
    PlanContent,
    Plans,
    ResourcesRepository,
    Reviews,
    Sessions,
    Steps,
)
from integrationsplan.storage.repository import Repository
from integrationsplan.sync import clock

_PREFIX = re.compile(r"^[A-Za-z0-9]{1,8}$")


@dataclass(frozen=True)
class DeviceInfo:
    device_id: str
    device_name: str
    case_prefix: str


def default_case_prefix(device_id: str) -> str:
    return "IP" + device_id.replace("-", "")[:4].upper()


class Database:
    """One open, unlocked database file; use `create` or `open`, and close it (or use `with`)."""

    def __init__(self, path: Path, conn: connection.Connection, lock: connection.ProcessLock) -> None:
        self.path = path
        self.conn = conn
        self._lock = lock
        self._refs = references(conn)
        self._writer: Writer | None = None
        self.last_changes = Changes()
        # The wall clock the change log reads; replaceable so tests can make it jump.
        self.clock_ms: Callable[[], int] = clock.wall_ms
        # Who works with the file, for the audit log (the program sets the name from its settings).
        self.user: str = os.environ.get("USER") or os.environ.get("USERNAME") or ""
        self.persons = Persons(self)
        self.residence = Repository(self, ResidenceStatus)
        self.resources = ResourcesRepository(self)
        self.closures = Repository(self, CaseClosure)
        self.households = Repository(self, Household)
        self.members = Repository(self, HouseholdMember)
        self.consents = Consents(self)
        self.plans = Plans(self)
        self.needs = PlanContent(self, Need)
        self.goals = PlanContent(self, Goal)
        self.steps = Steps(self)
        self.reviews = Reviews(self)
        self.assessments = Assessments(self)
        self.signatures = Repository(self, Signature)
        self.sessions = Sessions(self)
        self.participants = Repository(self, SessionParticipant)
        self.session_goals = Repository(self, SessionGoal)
        self.referrals = Repository(self, Referral)
        self.addenda = Addenda(self)
        self.tallies = Repository(self, ErasureTally)

    # -- lifecycle -------------------------------------------------------------------------------

    @classmethod
    def create(
        cls,
        path: Path | str,
        passphrase: str,
        *,
        device_name: str | None = None,
        case_prefix: str | None = None,
        user: str | None = None,
    ) -> Database:
        path = Path(path)
        device_id = new_id()
        prefix = case_prefix or default_case_prefix(device_id)
        if not _PREFIX.match(prefix):
            raise ValidationError(N_("A case number prefix has 1 to 8 letters or digits."), field="case_prefix")
        lock = _locked(path)
        try:
            conn = connection.connect(path, passphrase, create=True)
        except BaseException:
            lock.release()
            raise
        try:
            connection.configure(conn, path, create=True)
            with connection.translated(path):
                migrate.migrate(conn, path, backup=False)
                conn.execute(
                    "INSERT INTO device VALUES (1, ?, ?, ?, 1, 0, 0)",
                    (device_id, device_name or socket.gethostname() or "device", prefix),
                )
        except BaseException:
            conn.close()
            lock.release()
            with contextlib.suppress(OSError):
                for suffix in ("", "-wal", "-shm"):
                    Path(str(path) + suffix).unlink()
            raise
        db = cls(path, conn, lock)
        db._opened(user)
        return db

    @classmethod
    def open(cls, path: Path | str, passphrase: str, *, upgrade: bool = True, user: str | None = None) -> Database:
        """Unlock a database; migrates it (after a backup copy) unless `upgrade` is False."""
        path = Path(path)
        lock = _locked(path)
        try:
            conn = connection.connect(path, passphrase, create=False)
        except BaseException:
            lock.release()
            raise
        try:
            with connection.translated(path):
                migrate.check_not_newer(conn, path)
            connection.configure(conn, path, create=False)
            with connection.translated(path):
                applied = migrate.migrate(conn, path) if upgrade else []
                if applied:
                    db = cls(path, conn, lock)
                    if 6 in applied:
                        db._remerge_finalised()
                    if 10 in applied:
                        db._remerge_erased_fields()
                    db.rebuild_derived()
                    db._opened(user)
                    return db
        except BaseException:
            conn.close()
            lock.release()
            raise
        db = cls(path, conn, lock)
        db._opened(user)
        return db

    def _opened(self, user: str | None) -> None:
        self.user = user or self.user
        if self.schema_version >= audit.SCHEMA:  # a file opened without its upgrade has no audit log yet
            self.audit(audit.Action.OPENED)

    def close(self) -> None:
        if self.conn is not None:
            with contextlib.suppress(Exception):
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
            self.conn = None
        self._lock.release()

    def __enter__(self) -> Database:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def write(self) -> Iterator[Writer]:
        """One transaction; nested calls join the outer one. After commit `last_changes` says what changed."""
        if self._writer is not None:
            yield self._writer
            return
        with connection.translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
        writer = Writer(self.conn, self._refs, self.clock_ms)
        self._writer = writer
        try:
            # Known SQLite failures anywhere in the transaction (a full disk, say) reach the user as such.
            with connection.translated(self.path):
                yield writer
                self._check_consent(writer.changes)
                if writer.changes.released:
                    self._prune(writer.changes)
                self._update_derived(writer.changes)
                if "resources" in writer.changes.tables():
                    self.forget_erased_fields(writer.changes.touched("resources"))
                if writer.changes:
                    audit.record(self.conn, self.user, audit.Action.CHANGED, *audit.describe(writer.changes))
                changes = writer.finish()
                self.conn.execute("COMMIT")
        except BaseException:
            with contextlib.suppress(Exception):
                self.conn.execute("ROLLBACK")
            raise
        finally:
            self._writer = None
        self.last_changes = changes

    @contextlib.contextmanager
    def remote_write(self) -> Iterator[connection.Connection]:
        """One transaction for changes that come from other devices (sync): they are in the change log
        already, so nothing is logged again; foreign keys are checked at the end, when every row is there."""
        with connection.translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            self.conn.execute("PRAGMA defer_foreign_keys = ON")
            try:
                yield self.conn
                self.conn.execute("COMMIT")
            except BaseException:
                with contextlib.suppress(Exception):
                    self.conn.execute("ROLLBACK")
                raise

    def _check_consent(self, changes: Changes) -> None:
        """Nothing more is recorded about a person whose consent to data processing is withdrawn (until a new one
        is given); recording consents, closing and erasing the case stay possible. Changes from other devices
        (sync) are not refused: they were made before the withdrawal reached them."""
        today = date.today()
        withdrawn: dict[str, bool] = {}
        for table in changes.tables() - {"consent", "case_closure", "erasure_tally"}:
            for row_id in changes.inserted.get(table, set()) | changes.updated.get(table, set()):
                person_id = ownership.person_of(self.conn, self._refs, table, row_id)
                if person_id is None:
                    continue
                if person_id not in withdrawn:
                    consents = self.consents.where(person_id=person_id)
                    withdrawn[person_id] = standing_withdrawal(consents, ConsentKind.DATA_PROCESSING, today) is not None
                if withdrawn[person_id]:
                    raise ValidationError(N_(
                        "This person withdrew the consent to data processing: nothing more is recorded about them. "
                        "Record a new consent first, or close or erase the case."))  # fmt: skip

    def _prune(self, changes: Changes) -> None:
        """Rows sync kept only for a row deleted now go too (sync/replica.prune); not logged, the log says so."""
        from integrationsplan.sync import replica  # sync builds on storage: imported when first needed

        self.conn.execute("PRAGMA defer_foreign_keys = ON")
        replica.prune(self.conn, [(t, i) for t, ids in changes.released.items() for i in ids], changes, self._refs)

    def _remerge_finalised(self) -> None:
        """Schema 6 freezes finalised sessions in the merge (sync/merge.py): sessions merged before by the older
        rule are merged again, so that this file and a copy built from its log agree."""
        from integrationsplan.sync import replica  # sync builds on storage: imported when first needed

        with self.remote_write() as conn:
            keys = [("counselling_session", row_id) for (row_id,) in conn.execute(
                "SELECT DISTINCT row_id FROM change_log WHERE tbl = 'counselling_session' AND field = 'finalised_on'"
                " AND value IS NOT NULL")]  # fmt: skip
            replica.note_conflicts(conn, keys, replica.materialise(conn, keys).conflicts)

    def _remerge_erased_fields(self) -> None:
        """Schema 10 brought the mark of erased health data: an older file may have logged such marks from
        other devices without a column for them. Its rows take the mark from the log, the values erased leave
        the history, and VACUUM leaves no freed page with them."""
        from integrationsplan.sync import replica  # sync builds on storage: imported when first needed

        with self.remote_write() as conn:
            emptied = self.forget_erased_fields()
            keys = [("resources", row_id) for (row_id,) in conn.execute(
                "SELECT DISTINCT row_id FROM change_log WHERE tbl = 'resources' AND field = ?",
                (Resources.ERASED_MARK,))]  # fmt: skip
            if keys:
                replica.note_conflicts(conn, keys, replica.materialise(conn, keys).conflicts)
        if emptied:
            self.vacuum()

    def refresh_derived(self, changes: Changes) -> None:
        """Bring the derived tables (person search) up to date with rows written outside `write`."""
        self._update_derived(changes)

    def forget_erased_fields(self, rows: Collection[str] | None = None) -> int:
        """Health and disability erased after a withdrawal keep no older value in the history, also values that
        arrive from other devices later (sync calls this for the resources rows an import touches; None: all).
        Returns the values emptied."""
        return erasure.forget_before_mark(self.conn, "resources", Resources.ERASED_MARK, Resources.SPECIAL_FIELDS,
                                          rows)  # fmt: skip

    def _update_derived(self, changes: Changes) -> None:
        for person_id in changes.deleted.get("person", ()):
            search.unindex_person(self.conn, person_id)
        if changes.deleted.get("person"):
            private_notes.forget(self.conn, changes.deleted["person"])
        if changes.erased.get("person"):  # the index keeps a deleted row's words until it is merged
            search.forget_deleted(self.conn)
        updated = changes.updated.get("person", set())
        for person_id in updated:
            search.unindex_person(self.conn, person_id)
        search.add_to_index(self.conn, self.persons.many(changes.inserted.get("person", set()) | updated))

    def rebuild_derived(self) -> None:
        with connection.translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                search.rebuild(self.conn, self.persons.iterate())
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    # -- information and maintenance -------------------------------------------------------------

    @property
    def device(self) -> DeviceInfo:
        row = self.conn.execute("SELECT device_id, device_name, case_prefix FROM device").fetchone()
        return DeviceInfo(*row)

    @property
    def schema_version(self) -> int:
        return migrate.schema_version(self.conn)

    def counts(self) -> dict[str, int]:
        tables = [*TABLES, "change_log"]
        return {t: int(self.conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0]) for t in tables}

    def check(self) -> list[str]:
        """Problems found by SQLite's integrity and foreign-key checks; empty when all is well."""
        with connection.translated(self.path):
            problems = [r[0] for r in self.conn.execute("PRAGMA integrity_check") if r[0] != "ok"]
            problems += [
                f"foreign key: {r[0]} row {r[1]} -> {r[2]}" for r in self.conn.execute("PRAGMA foreign_key_check")
            ]
            self.conn.execute("INSERT INTO person_fts (person_fts) VALUES ('integrity-check')")
        return problems

    def set_private_note(self, person_id: str, text: str) -> None:
        """The caseworker's note about the person, on this device only (storage/private_notes.py)."""
        with connection.translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                private_notes.put(self.conn, person_id, text)
                audit.record(self.conn, self.user, audit.Action.CHANGED, f"private_note:{person_id}",
                             {"private_note": [0, 1, 0]})  # fmt: skip
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def private_note(self, person_id: str) -> str:
        return private_notes.get(self.conn, person_id)

    def audit(self, action: audit.Action, target: str = "", detail: dict[str, Any] | None = None) -> None:
        """Record an action in the audit log: in the running transaction, or in one of its own."""
        if self.conn.in_transaction:
            audit.record(self.conn, self.user, action, target, detail)
            return
        with connection.translated(self.path):
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                audit.record(self.conn, self.user, action, target, detail)
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")

    def vacuum(self) -> None:
        """Rewrite the file (after an erasure: nothing of it stays in the file), and fold the write-ahead log in
        and cut it to nothing. secure_delete (connection.configure) zeroes what a delete frees, but not the stale
        copies of cells that balancing a b-tree leaves in the unused part of a page: only rewriting every page
        removes those (tests/unit/test_erasure.py reads every page decrypted)."""
        with connection.translated(self.path):
            self.conn.execute("VACUUM")
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")

    def backup(self, folder: Path) -> Path:
        """An encrypted copy in `folder`, named after the file and the time; opens with the same passphrase."""
        name = backup.backup_name(self.path, folder)
        self.audit(audit.Action.BACKED_UP, name)  # before the copy: the copy holds its own entry
        return backup.copy_database(self.conn, self.path, folder / name)

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the whole file with a new passphrase."""
        if not new_passphrase:
            raise errors.EmptyPassphrase()
        with connection.translated(self.path):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.reset_key(new_passphrase)
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.audit(audit.Action.PASSPHRASE)

    def query(self, sql: str, params: Any = ()) -> list[tuple[Any, ...]]:
        with connection.translated(self.path):
            return list(self.conn.execute(sql, params).fetchall())


def _locked(path: Path) -> connection.ProcessLock:
    lock = connection.ProcessLock(path)
    lock.acquire()
    return lock
