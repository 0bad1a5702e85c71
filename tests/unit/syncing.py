"""Helpers for the sync tests: replicas in one team, a digest of their rows, sending a bundle across."""

from __future__ import annotations

import hashlib
import itertools
from datetime import date
from pathlib import Path

from integrationsplan.domain.person import Person
from integrationsplan.storage import Database
from integrationsplan.storage.records import TABLES
from integrationsplan.sync import exchange, team

PASS = "sync test passphrase"
_NUMBERS = itertools.count(1)
TEAM = team.new_team()


def _replica(folder: Path, name: str, members: team.Team = TEAM) -> Database:
    db = Database.create(folder / f"{name}.db", PASS, device_name=name, case_prefix=name[:3].upper())
    with db.remote_write() as conn:
        team.join(conn, members)
    return db


def _content(db: Database) -> str:
    """Everything the database holds that sync may touch, as one canonical digest."""
    digest = hashlib.sha256()
    for table in [*TABLES, "change_log", "sync_peer", "sync_bundle", "device"]:
        for row in db.conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2"):
            digest.update(repr(row).encode())
    return digest.hexdigest()


def _rows(db: Database) -> str:
    """The synced tables only: what every replica must agree on."""
    digest = hashlib.sha256()
    for table in TABLES:
        for row in db.conn.execute(f"SELECT * FROM {table} ORDER BY id"):
            digest.update(repr((table, row)).encode())
    return digest.hexdigest()


def _person(db: Database, name: str) -> Person:
    with db.write():
        return db.persons.add(Person(case_number=f"{name}-{next(_NUMBERS)}", family_name=name,
                                     counselling_start=date(2026, 1, 5)))  # fmt: skip


def _send(source: Database, target: Database, folder: Path, **kwargs: object) -> exchange.ImportReport:
    out = folder / "out"
    out.mkdir(exist_ok=True)
    return exchange.import_bundles(target, [exchange.export(source, out)], None, **kwargs)  # type: ignore[arg-type]
