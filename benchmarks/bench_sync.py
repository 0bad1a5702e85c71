"""Sync timings next to a raw baseline measured in the same run: export, import with merge, re-import.

    .venv/bin/python benchmarks/bench_sync.py [--changes 10000]

The raw baseline is `executemany` of the same change rows into the change log of a fresh SQLCipher database:
what storing the changes costs at the least. Prints one line per figure: ours, raw, ratio. Not part of the tests.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

from integrationsplan.domain.person import Person
from integrationsplan.storage import Database
from integrationsplan.sync import exchange, team
from integrationsplan.sync.replica import LOG_COLUMNS

PASS = "benchmark passphrase"


def timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return time.perf_counter() - start


def report(name: str, ours: float, raw: float) -> None:
    print(f"{name:52} {ours * 1000:10.1f} ms   raw {raw * 1000:10.1f} ms   ratio {ours / raw:6.2f}")


def member(path: Path, members: team.Team) -> Database:
    db = Database.create(path, PASS, device_name=path.stem)
    with db.remote_write() as conn:
        team.join(conn, members)
    return db


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--changes", type=int, default=10_000)
    args = parser.parse_args()
    members = team.new_team()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        out = folder / "share"
        out.mkdir()
        source = member(folder / "laptop.db", members)
        with source.write():  # persons of 4 set fields each, plus the id entry: 5 changes per person
            for i in range(args.changes // 5):
                source.persons.add(Person(case_number=f"B-{i:06d}", counselling_start=date(2024, 1, 1),
                                          family_name=f"Name{i}", municipality="Ulm"))  # fmt: skip
        changes = source.conn.execute("SELECT count(*) FROM change_log").fetchone()[0]
        rows = source.conn.execute(f"SELECT {LOG_COLUMNS} FROM change_log").fetchall()
        print(f"{changes} changes")

        raw_db = Database.create(folder / "raw.db", PASS)

        def raw_store() -> None:
            with raw_db.remote_write() as conn:
                conn.executemany(f"INSERT INTO change_log ({LOG_COLUMNS}) VALUES ({', '.join('?' * 10)})", rows)

        raw = timed(raw_store)
        written: list[Path] = []
        report("export (read log, compress, encrypt, write)", timed(lambda: written.append(
            exchange.export(source, out, everything=True))), raw)  # fmt: skip
        target = member(folder / "office.db", members)
        report("import + merge into an empty database", timed(lambda: exchange.import_bundles(
            target, written, None)), raw)  # fmt: skip
        report("re-import of the same bundle (nothing new)", timed(lambda: exchange.import_bundles(
            target, written, None)), raw)  # fmt: skip
        print(f"bundle size: {written[0].stat().st_size / 1024:.0f} KiB")
        for db in (source, raw_db, target):
            db.close()


if __name__ == "__main__":
    main()
