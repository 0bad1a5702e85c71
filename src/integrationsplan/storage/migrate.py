"""Numbered SQL migrations tracked by PRAGMA user_version, each in its own transaction."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from importlib import resources
from pathlib import Path

import sqlcipher3

from integrationsplan.storage import errors
from integrationsplan.storage.backup import copy_database, stamp
from integrationsplan.storage.connection import Connection

_NAME = re.compile(r"^(\d{4})_[a-z0-9_]+\.sql$")


@dataclass(frozen=True)
class Migration:
    version: int
    name: str
    sql: str


@cache
def migrations() -> tuple[Migration, ...]:
    found = []
    for entry in resources.files("integrationsplan.storage").joinpath("migrations").iterdir():
        match = _NAME.match(entry.name)
        if match:
            found.append(Migration(int(match.group(1)), entry.name, entry.read_text(encoding="utf-8")))
    found.sort(key=lambda m: m.version)
    if [m.version for m in found] != list(range(1, len(found) + 1)):
        raise RuntimeError("migrations must be numbered 0001, 0002, … without gaps")
    return tuple(found)


def latest_version() -> int:
    return migrations()[-1].version


def schema_version(conn: Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def check_not_newer(conn: Connection, path: Path) -> int:
    version = schema_version(conn)
    if version > latest_version():
        raise errors.DatabaseTooNew(path=path, found=version, known=latest_version())
    return version


def backup_copy(conn: Connection, path: Path, version: int) -> Path:
    """Copy the (encrypted) file before migrating; the copy opens with the same passphrase."""
    return copy_database(conn, path, path.with_name(f"{path.name}.schema{version}-{stamp()}.bak"))


def migrate(conn: Connection, path: Path, *, target: int | None = None, backup: bool = True) -> list[int]:
    """Bring the schema up to `target` (default: the newest); returns the versions applied."""
    current = check_not_newer(conn, path)
    target = latest_version() if target is None else target
    pending = [m for m in migrations() if current < m.version <= target]
    if not pending:
        return []
    if backup and current > 0:
        backup_copy(conn, path, current)
    for step in pending:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for statement in split_statements(step.sql):
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {step.version}")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("COMMIT")
    return [m.version for m in pending]


def split_statements(sql: str) -> list[str]:
    """Split a script into statements (executescript would commit on its own, breaking atomicity)."""
    statements, buffer = [], ""
    for line in sql.splitlines(keepends=True):
        buffer += line
        if sqlcipher3.complete_statement(buffer):
            if buffer.strip():
                statements.append(buffer.strip())
            buffer = ""
    if buffer.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buffer.splitlines()):
        raise RuntimeError("incomplete SQL statement at the end of a migration")
    return statements
