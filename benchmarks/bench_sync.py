"""Sync timings next to raw baselines measured in the same run: export, import with merge, re-import.

    .venv/bin/python benchmarks/bench_sync.py [--changes 10000] [--persons 5000] [--runs 5]

Two raw baselines, both `executemany` in one transaction: the change rows into the change log (what storing the
changes costs at the least), and those plus the table rows they make (what an import has to store: the log and the
records). The import is timed into an empty database, against the baselines into empty databases, and into a copy
of the Landkreis data set (`--persons`, 0: skip), where the log already holds millions of changes, against the
baselines into the same copy (its indexes are as large). Each figure is the median of `--runs` runs, each on new
files (into the data set: each run's bundle comes from another laptop). Prints ours, raw, ratio per figure. Not
part of the tests.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import NamedTuple

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


def raw_store(db: Database, log: list[tuple[object, ...]], persons: list[Person]) -> float:
    """Store the change rows, and the person rows if any, with `executemany` in one transaction of `db`."""
    rows = [to_row(p) for p in persons]
    names = list(rows[0]) if rows else []

    def store() -> None:
        with db.remote_write() as conn:
            conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", log)
            if rows:
                conn.executemany(f"INSERT INTO person ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})",
                                 [[r[n] for n in names] for r in rows])  # fmt: skip

    return timed(store)


class Laptop(NamedTuple):
    persons: list[Person]
    log: list[tuple[object, ...]]
    bundle: Path  # every change of the laptop
    export_took: float  # seconds to write the bundle


def laptop(folder: Path, members: team.Team, name: str, count: int) -> Laptop:
    """A device of the team with `count` new persons, and the bundle it exported; its file is gone after."""
    with new_file(folder, name, members) as db:
        persons = add_persons(db, count, name)
        log = db.conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log").fetchall()
        share = folder / f"share-{name}"
        share.mkdir()
        written: list[Path] = []
        took = timed(lambda: written.append(exchange.export(db, share, everything=True)))
    remove(folder, name)
    return Laptop(persons, log, written[0], took)


def new_file(folder: Path, name: str, members: team.Team) -> Database:
    return joined(Database.create(folder / f"{name}.db", PASS, device_name=name), members)


def remove(folder: Path, name: str) -> None:
    for leftover in folder.glob(f"{name}.db*"):  # with its lock file
        leftover.unlink()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    parser.add_argument("--persons", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    members = team.new_team()
    count = args.changes // 5
    figures: dict[str, list[float]] = {}

    def note(name: str, seconds: float) -> None:
        figures.setdefault(name, []).append(seconds)

    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        for run in range(args.runs):
            sender = laptop(folder, members, f"laptop{run}", count)
            with new_file(folder, f"raw{run}", members) as raw:
                note("raw", raw_store(raw, sender.log, []))
            with new_file(folder, f"raw-rows{run}", members) as raw:
                note("raw rows", raw_store(raw, sender.log, sender.persons))
            note("export", sender.export_took)
            with new_file(folder, f"office{run}", members) as office:
                note("import", timed(lambda: exchange.import_bundles(office, [sender.bundle], None)))  # noqa: B023
                note("again", timed(lambda: exchange.import_bundles(office, [sender.bundle], None)))  # noqa: B023
            for name in (f"raw{run}", f"raw-rows{run}", f"office{run}"):
                remove(folder, name)
        median = {name: statistics.median(values) for name, values in figures.items()}
        print(f"{len(sender.log)} changes; medians of {args.runs} runs")
        report("export (read log, compress, encrypt, write)", median["export"], median["raw"])
        report("import + merge into an empty database", median["import"], median["raw"])
        report("  the same against log + rows stored raw", median["import"], median["raw rows"])
        report("re-import of the same bundle (nothing new)", median["again"], median["raw"])
        print(f"bundle size: {sender.bundle.stat().st_size / 1024:.0f} KiB")
        if args.persons:
            into_data_set(folder, members, args.persons, count, args.runs)


def into_data_set(folder: Path, members: team.Team, persons: int, count: int, runs: int) -> None:
    """Import into a copy of the data set against storing as many log and person rows raw into the same copy (each
    run with new laptops, so that no row is there before); then an erasure and an import after it."""
    copy = folder / "landkreis.db"
    shutil.copyfile(landkreis(persons), copy)
    print(describe(copy))
    ours, raw = [], []
    with joined(Database.open(copy, PASS), members) as full:
        for run in range(runs):
            sender, stored = laptop(folder, members, f"sender{run}", count), laptop(folder, members, f"raw{run}", count)
            raw.append(raw_store(full, stored.log, stored.persons))
            ours.append(timed(lambda: exchange.import_bundles(full, [sender.bundle], None)))  # noqa: B023
        report(f"import + merge into the data set ({persons} persons)", statistics.median(ours), statistics.median(raw))
        print("  (raw: log + rows stored into the same copy)")
        erase_and_import(full, members, folder, count)


def erase_and_import(db: Database, members: team.Team, folder: Path, count: int) -> None:
    """Erase a case (purge and VACUUM) against VACUUM alone; then import new changes from another laptop into the
    file with the erasure (every import then asks which of its rows an erasure reached), against storing as many
    rows raw into it."""
    person_id = db.conn.execute("SELECT person_id FROM plan LIMIT 1").fetchone()[0]
    erasing = timed(lambda: retention.erase(db, person_id))
    report("erase a case (purge, VACUUM) vs VACUUM alone", erasing, timed(db.vacuum))
    sender, stored = laptop(folder, members, "after", count), laptop(folder, members, "raw-after", count)
    raw = raw_store(db, stored.log, stored.persons)
    report("import + merge after an erasure", timed(lambda: exchange.import_bundles(db, [sender.bundle], None)), raw)
    print("  (raw: log + rows stored into the same file)")


if __name__ == "__main__":
    main()
