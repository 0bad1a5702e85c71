"""Sync timings next to raw baselines measured in the same run: export, import with merge, re-import.

    .venv/bin/python benchmarks/bench_sync.py [--changes 10000] [--persons 5000]

Two raw baselines, both `executemany` into a fresh SQLCipher database: the change rows into the change log (what
storing the changes costs at the least), and those plus the table rows they make (what an import has to store:
the log and the records). The import is timed into an empty database and into a copy of the Landkreis data set
(`--persons`, 0: skip), where the log already holds millions of changes. Prints ours, raw, ratio per figure. Not
part of the tests.
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from dataset import PASS, describe, landkreis

from integrationsplan import retention
from integrationsplan.domain.person import Person
from integrationsplan.storage import Database
from integrationsplan.storage.records import to_row
from integrationsplan.sync import exchange, team
from integrationsplan.sync.replica import LOG_COLUMNS


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def report(name: str, ours: float, raw: float) -> None:
    print(f"{name:52} {ours * 1000:10.1f} ms   raw {raw * 1000:10.1f} ms   ratio {ours / raw:6.2f}")


def joined(db: Database, members: team.Team) -> Database:
    with db.remote_write() as conn:
        team.join(conn, members)
    return db


def add_persons(db: Database, count: int, prefix: str) -> list[Person]:
    """Persons of 4 set fields each, plus the id entry: about 5 changes per person."""
    persons = [Person(case_number=f"{prefix}-{i:06d}", counselling_start=date(2024, 1, 1), family_name=f"Name{i}",
                      municipality="Ulm") for i in range(count)]  # fmt: skip
    with db.write():
        for person in persons:
            db.persons.add(person)
    return persons


def raw_store(path: Path, log: list[tuple[object, ...]], persons: list[Person]) -> float:
    """Store the change rows, and the person rows if any, with `executemany` in one transaction."""
    rows = [to_row(p) for p in persons]
    names = list(rows[0]) if rows else []
    with Database.create(path, PASS) as db:

        def store() -> None:
            with db.remote_write() as conn:
                conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", log)
                if rows:
                    conn.executemany(f"INSERT INTO person ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                     [[r[n] for n in names] for r in rows])  # fmt: skip

        return timed(store)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--persons", type=int, default=5000)
    args = parser.parse_args()
    members = team.new_team()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "share"
        out.mkdir()
        source = joined(Database.create(folder / "laptop.db", PASS, device_name="laptop"), members)
        persons = add_persons(source, args.changes // 5, "B")
        log = source.conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log").fetchall()
        print(f"{len(log)} changes")
        raw = raw_store(folder / "raw.db", log, [])
        raw_rows = raw_store(folder / "raw-rows.db", log, persons)
        written: list[Path] = []
        report("export (read log, compress, encrypt, write)", timed(lambda: written.append(
            exchange.export(source, out, everything=True))), raw)  # fmt: skip
        target = joined(Database.create(folder / "office.db", PASS, device_name="office"), members)
        took = timed(lambda: exchange.import_bundles(target, written, None))
        report("import + merge into an empty database", took, raw)
        report("  the same against log + rows stored raw", took, raw_rows)
        report("re-import of the same bundle (nothing new)", timed(lambda: exchange.import_bundles(
            target, written, None)), raw)  # fmt: skip
        print(f"bundle size: {written[0].stat().st_size / 1024:.0f} KiB")
        source.close()
        target.close()
        if args.persons:
            copy = folder / "landkreis.db"
            shutil.copyfile(landkreis(args.persons), copy)
            print(describe(copy))
            with joined(Database.open(copy, PASS), members) as full:
                took = timed(lambda: exchange.import_bundles(full, written, None))
                report(f"import + merge into the data set ({args.persons} persons)", took, raw)
                report("  the same against log + rows stored raw", took, raw_rows)
                erase_and_import(full, members, folder, args.changes // 5, raw)


def erase_and_import(db: Database, members: team.Team, folder: Path, count: int, raw: float) -> None:
    """Erase a case (purge and VACUUM) against VACUUM alone; then import as many new changes from another laptop
    into the file with the erasure (every import then asks which of its rows an erasure reached)."""
    person_id = db.conn.execute("SELECT person_id FROM plan LIMIT 1").fetchone()[0]
    erasing = timed(lambda: retention.erase(db, person_id))
    report("erase a case (purge, VACUUM) vs VACUUM alone", erasing, timed(db.vacuum))
    with joined(Database.create(folder / "laptop2.db", PASS, device_name="laptop2"), members) as other:
        add_persons(other, count, "C")
        fresh = exchange.export(other, folder / "share", everything=True)
    took = timed(lambda: exchange.import_bundles(db, [fresh], None))
    report("import + merge after an erasure", took, raw)


if __name__ == "__main__":
    main()
