"""Opening an SQLCipher file safely: process lock, key check before any write, pragmas, error mapping."""

from __future__ import annotations

import contextlib
import hashlib
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any, TypeVar

import sqlcipher3

from integrationsplan.storage import errors

# "IPLN": marks the file as ours, so another program's SQLCipher file with the same passphrase is refused.
APPLICATION_ID = 0x49504C4E
BUSY_TIMEOUT_MS = 5000
# SQLCipher 4 defaults: PBKDF2-HMAC-SHA512 with 256,000 iterations over a random 16-byte salt
# stored in the first bytes of the file.
KDF_ITERATIONS = 256_000
SALT_BYTES = 16

Connection = Any  # sqlcipher3 ships no type information
T = TypeVar("T")
# Values bound in one "IN (…)" list: far below SQLite's limit, and few enough queries for any batch.
IN_LIST_SIZE = 500


def in_lists(values: Iterable[T]) -> Iterator[tuple[list[T], str]]:
    """`values` in lists of at most IN_LIST_SIZE, each with its "?, ?, …" for an IN clause."""
    items = list(values)
    for start in range(0, len(items), IN_LIST_SIZE):
        part = items[start : start + IN_LIST_SIZE]
        yield part, ", ".join("?" * len(part))


class ProcessLock:
    """An exclusive OS lock on <db>.lock, held while the database is open, released by the OS on a crash."""

    def __init__(self, db_path: Path) -> None:
        self.path = db_path.with_name(db_path.name + ".lock")
        self._file: IO[bytes] | None = None

    def acquire(self) -> None:
        try:
            handle = open(self.path, "a+b")  # noqa: SIM115 - held open for the lock's lifetime
        except PermissionError as exc:
            raise errors.ReadOnlyLocation(path=self.path.parent) from exc
        try:
            _lock_file(handle)
        except OSError as exc:
            handle.close()
            raise errors.DatabaseInUse(path=self.path.with_suffix("")) from exc
        self._file = handle

    def release(self) -> None:
        if self._file is not None:
            with contextlib.suppress(OSError):
                _unlock_file(self._file)
            self._file.close()
            self._file = None


if sys.platform == "win32":  # pragma: no cover - exercised on Windows builds
    import msvcrt

    def _lock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)

    def _unlock_file(handle: IO[bytes]) -> None:
        handle.seek(0)
        msvcrt.locking(handle.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _lock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)

    def _unlock_file(handle: IO[bytes]) -> None:
        fcntl.flock(handle.fileno(), fcntl.LOCK_UN)


def derive_key(passphrase: str, salt: bytes) -> bytes:
    """SQLCipher 4's own key derivation, done here so that one derivation serves two connections."""
    return hashlib.pbkdf2_hmac("sha512", passphrase.encode("utf-8"), salt, KDF_ITERATIONS, 32)


def connect(path: Path, passphrase: str, *, create: bool) -> Connection:
    """Open (or create) an encrypted database and prove the key; nothing is written to the file here.

    A connection that closes after failing to read a WAL database still checkpoints the WAL into the
    file, so the key is first proven on a read-only connection, and only then is the file opened for
    writing. The files stay readable with the passphrase alone (standard SQLCipher 4 settings).
    """
    if not passphrase:
        raise errors.EmptyPassphrase()
    if create:
        if path.exists():
            raise errors.DatabaseExists(path=path)
        salt = os.urandom(SALT_BYTES)
        conn = _keyed(str(path), f"x'{derive_key(passphrase, salt).hex()}{salt.hex()}'", path)
        try:
            _verify(conn, path, create=True)
        except BaseException:
            conn.close()
            raise
        return conn
    if not path.is_file():
        raise errors.DatabaseMissing(path=path)
    try:
        with path.open("rb") as handle:
            salt = handle.read(SALT_BYTES)
    except OSError as exc:
        raise errors.ReadOnlyLocation(path=path.parent) from exc
    if len(salt) < SALT_BYTES:
        raise errors.WrongPassphraseOrNotDatabase(path=path)
    raw_key = f"x'{derive_key(passphrase, salt).hex()}'"
    probe = _keyed(path.resolve().as_uri() + "?mode=ro", raw_key, path)
    try:
        _verify(probe, path, create=False)
    finally:
        probe.close()
    conn = _keyed(str(path), raw_key, path)
    try:
        _verify(conn, path, create=False)
    except BaseException:
        conn.close()
        raise
    return conn


def _keyed(target: str, raw_key: str, path: Path) -> Connection:
    try:
        conn = sqlcipher3.connect(target, isolation_level=None, check_same_thread=False, uri=target.startswith("file:"))
    except sqlcipher3.OperationalError as exc:
        raise errors.ReadOnlyLocation(path=path.parent) from exc
    conn.set_key(raw_key)
    conn.execute("PRAGMA cipher_log_level = NONE")
    return conn


def configure(conn: Connection, path: Path, *, create: bool) -> None:
    """Session settings; the first statements that may write to the file, so only after all checks."""
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    with translated(path):
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a change acknowledged to the caseworker survives a power cut on a laptop.
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA secure_delete = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        # 32 MB of decrypted pages: the person list of a Landkreis (50,000 persons) sorts without re-decrypting.
        conn.execute("PRAGMA cache_size = -32000")
        if create:
            conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")


def _verify(conn: Connection, path: Path, create: bool) -> None:
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlcipher3.DatabaseError as exc:
        raise errors.WrongPassphraseOrNotDatabase(path=path) from exc
    if not create and app_id != APPLICATION_ID:
        raise errors.NotOurDatabase(path=path)


def known_error(exc: BaseException, path: Path) -> errors.StorageError | None:
    """Map an SQLite failure a user can act on to a known error; None means it is a bug."""
    if not isinstance(exc, sqlcipher3.Error):
        return None
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return errors.DatabaseLocked()
    if name.startswith("SQLITE_FULL"):
        return errors.DiskFull()
    if name.startswith(("SQLITE_READONLY", "SQLITE_CANTOPEN", "SQLITE_PERM")):
        return errors.ReadOnlyLocation(path=path.parent)
    if name.startswith(("SQLITE_CORRUPT", "SQLITE_NOTADB")):
        return errors.DatabaseCorrupt(path=path)
    if name.startswith("SQLITE_IOERR"):
        # ENOSPC shows up as an I/O error while writing the WAL.
        return errors.DiskFull() if _disk_nearly_full(path) else errors.DatabaseCorrupt(path=path)
    return None


def _disk_nearly_full(path: Path) -> bool:
    try:
        stat = os.statvfs(path.parent)
    except (OSError, AttributeError):
        return False
    return stat.f_bavail * stat.f_frsize < 1024 * 1024


@contextlib.contextmanager
def translated(path: Path) -> Iterator[None]:
    """Re-raise known SQLite failures as StorageError; let bugs through unchanged."""
    try:
        yield
    except sqlcipher3.Error as exc:
        known = known_error(exc, path)
        if known is None:
            raise
        raise known from exc


def cipher_version() -> str:
    """The SQLCipher version compiled into sqlcipher3 (asked of a throwaway in-memory database)."""
    conn = sqlcipher3.connect(":memory:")
    try:
        return str(conn.execute("PRAGMA cipher_version").fetchone()[0])
    finally:
        conn.close()
